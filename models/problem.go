package models

import (
	"fmt"
	"sort"
	"strings"
)

// Position says where something was written: the file, the line (0 when the
// decoder could not tell) and the dotted key path inside the file.
type Position struct {
	File string
	Line int
	Key  string
}

// String renders the position as "file:line: key", leaving out what is unknown.
func (p Position) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
	}
	if p.Key != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(p.Key)
	}
	return b.String()
}

// A Problem is one thing wrong with a scenario, said so that a finance officer
// can fix it: where (file, line, key), the offending value as written, and what
// was expected.
type Problem struct {
	Pos      Position
	Value    string // the offending value as written; empty when there is none (a missing key)
	Expected string // what was expected, or what is wrong
}

// Error renders the problem as one line:
//
//	gjilan.toml:14: services.foster_care.monthly_allowance = -250: expected an amount of zero or more
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	if p.Value != "" {
		if p.Pos.Key != "" {
			b.WriteString(" = ")
		} else if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(p.Value)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(p.Expected)
	return b.String()
}

// Problems is every problem found in one run, in file and line order.
// Like go/scanner.ErrorList, its Err method is nil when the list is empty.
type Problems []Problem

// Add appends a problem.
func (ps *Problems) Add(pos Position, value, expectedf string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Value: value, Expected: fmt.Sprintf(expectedf, args...)})
}

// Sort orders problems by file, line and key, and drops exact duplicates.
func (ps *Problems) Sort() {
	s := *ps
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i].Pos, s[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Key < b.Key
	})
	out := s[:0]
	for i, p := range s {
		if i > 0 && p == s[i-1] {
			continue
		}
		out = append(out, p)
	}
	*ps = out
}

// Error lists every problem, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil when there are no problems, and the sorted list otherwise.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.Sort()
	return ps
}
