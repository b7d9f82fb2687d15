package scenarios

import (
	"strconv"
	"strings"
)

// A locator maps dotted key paths of a TOML document to the lines they are
// written on. The TOML decoder knows positions but does not expose them, so
// the locator reads the (already valid) source once more, line by line:
// table headers, key/value lines, and inline tables on one line. It skips the
// insides of multi-line strings and arrays. The entries of an array of tables
// are numbered from 1: the second [[recruitment.foster.stages]] is
// recruitment.foster.stages[2], and its keys recruitment.foster.stages[2].KEY.
type locator struct {
	lines map[string]int
}

// newLocator reads src line by line (locating.read) and returns its
// locator.
func newLocator(src string) *locator {
	r := &locating{l: &locator{lines: map[string]int{}}, entries: map[string]int{}}
	for n, line := range strings.Split(src, "\n") {
		r.read(n+1, strings.TrimSpace(line))
	}
	return r.l
}

// locating is newLocator's reading of a document: the locator it fills,
// and where in the document it is.
type locating struct {
	l        *locator
	table    []string       // the key of the table header last read
	inString string         // the delimiter of the multi-line string we are in
	depth    int            // open brackets of a multi-line array or inline table
	entries  map[string]int // entries seen of each array of tables
	entry    string         // the array entry whose keys follow, or ""
}

// read reads line lineNo, s, trimmed: skipped inside a multi-line string or
// array, skipped blank or a comment, else a table header or a key = value
// line.
func (r *locating) read(lineNo int, s string) {
	switch {
	case r.inString != "":
		if strings.Count(s, r.inString)%2 == 1 {
			r.inString = ""
		}
	case r.depth > 0:
		r.depth += bracketDelta(s)
	case s == "" || s[0] == '#':
	case strings.HasPrefix(s, "["):
		r.header(lineNo, s)
	default:
		r.keyValue(lineNo, s)
	}
}

// header records a [table] or [[array]] header and makes it the table of
// the keys that follow; an [[array]] header also starts its next numbered
// entry (stages[2]).
func (r *locating) header(lineNo int, s string) {
	inner, array := strings.CutPrefix(s, "[[")
	if !array {
		inner = strings.TrimPrefix(s, "[")
	}
	end := headerEnd(inner)
	if end < 0 {
		return
	}
	r.table = parseKey(inner[:end])
	r.l.record(r.table, lineNo)
	r.entry = ""
	if array {
		key := strings.Join(r.table, ".")
		r.entries[key]++
		r.entry = key + "[" + strconv.Itoa(r.entries[key]) + "]"
		r.l.record([]string{r.entry}, lineNo)
	}
}

// keyValue records the key of a key = value line in its table (and array
// entry) and the keys of an inline table on that line, and notes a
// multi-line string or a bracket the value opens.
func (r *locating) keyValue(lineNo int, s string) {
	eq := keyEnd(s)
	if eq < 0 {
		return
	}
	keys := parseKey(s[:eq])
	path := append(append([]string{}, r.table...), keys...)
	r.l.record(path, lineNo)
	if r.entry != "" {
		r.l.record(append([]string{r.entry}, keys...), lineNo)
	}
	value := strings.TrimSpace(s[eq+1:])
	switch {
	case strings.HasPrefix(value, `"""`) && strings.Count(value, `"""`) == 1:
		r.inString = `"""`
	case strings.HasPrefix(value, `'''`) && strings.Count(value, `'''`) == 1:
		r.inString = `'''`
	case strings.HasPrefix(value, "{"):
		r.l.inline(path, value, lineNo)
		r.depth = bracketDelta(value)
	case strings.HasPrefix(value, "["):
		r.depth = bracketDelta(value)
	}
}

// inline records the keys of an inline table written on one line.
func (l *locator) inline(prefix []string, value string, lineNo int) {
	body := strings.TrimPrefix(value, "{")
	for _, part := range splitTop(body) {
		if eq := keyEnd(part); eq >= 0 {
			l.record(append(append([]string{}, prefix...), parseKey(part[:eq])...), lineNo)
		}
	}
}

// record notes the first line of path and of each of its prefixes. A key
// already recorded has all its prefixes recorded, so the walk stops there.
func (l *locator) record(path []string, line int) {
	k := strings.Join(path, ".")
	for n := len(path); n > 0; n-- {
		if _, ok := l.lines[k]; ok {
			return
		}
		l.lines[k] = line
		if n > 1 {
			k = k[:len(k)-len(path[n-1])-1]
		}
	}
}

// line returns the line of path, or of its nearest written ancestor, or 0.
// The empty key ("" = 1, [""]) is a key too.
func (l *locator) line(path string) int {
	for {
		if n, ok := l.lines[path]; ok {
			return n
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// unquoted calls stop with the index and byte of every byte of s outside
// quoted strings, and returns the first index at which stop says true, or -1.
func unquoted(s string, stop func(i int, c byte) bool) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case stop(i, c):
			return i
		}
	}
	return -1
}

// headerEnd returns the index of the ']' that ends a table header's key, or
// -1. A ']' inside a quoted part of the key does not end it.
func headerEnd(s string) int {
	return unquoted(s, func(_ int, c byte) bool { return c == ']' })
}

// keyEnd returns the index of the '=' that ends the key at the start of s, or
// -1 when s does not start with a key.
func keyEnd(s string) int {
	i := unquoted(s, func(_ int, c byte) bool { return c == '=' || c == '{' || c == '[' || c == '#' })
	if i < 0 || s[i] != '=' {
		return -1
	}
	return i
}

// parseKey splits a dotted TOML key into its parts, unquoting quoted parts.
func parseKey(k string) []string {
	var parts []string
	var cur strings.Builder
	quote := byte(0)
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(cur.String()))
}

// splitTop splits the body of an inline table at its top-level commas.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(parts, strings.TrimSpace(s[start:]))
}

// bracketDelta counts opening minus closing brackets and braces outside
// strings and comments.
func bracketDelta(s string) int {
	d := 0
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return d
		case c == '[' || c == '{':
			d++
		case c == ']' || c == '}':
			d--
		}
	}
	return d
}
