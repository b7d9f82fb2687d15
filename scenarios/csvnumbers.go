package scenarios

// The numbers of a data table: the decimal mark a file uses, found in its
// numbers, and every number kept in one canonical form (1234.56), so that
// package costing reads one form only.

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// A number is a cell written as a number in one of the ways spreadsheets
// write them: digits, a sign, a decimal mark and thousands marks (".", ","
// or a space).
type number struct {
	sign       string // "-", "+" or ""
	whole      string // the digits before the decimal mark, without thousands marks
	frac       string // the digits after it; "" for none
	decimal    byte   // the decimal mark the cell shows the file uses, '.' or ','; 0 when it does not show one
	thousands  byte   // a mark the cell shows is a thousands mark: '.' in 1.234,5 and 1.234.567; 0 for none
	ambiguous  bool   // one mark, then three digits: 1,234 is 1234 or 1.234, as the file says
	mark       byte   // the mark of an ambiguous number
	head, tail string // an ambiguous number's digits before and after its mark
}

// canonical is the number as package costing reads it: 1234.56.
func (n number) canonical() string {
	if n.frac == "" {
		return n.sign + n.whole
	}
	return n.sign + n.whole + "." + n.frac
}

// markName names a decimal or thousands mark in messages.
func markName(m byte) string {
	if m == ',' {
		return "comma"
	}
	return "point"
}

// other is the decimal mark a thousands mark leaves.
func other(m byte) byte {
	if m == ',' {
		return '.'
	}
	return ','
}

// spaceMarks makes no-break spaces and narrow no-break spaces, which group
// thousands as spaces do, spaces (never decimal marks).
var spaceMarks = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

// parseNumber reads a cell as a number, reporting false for text: anything
// but a sign, digits and marks, and marks that no spreadsheet writes
// (1.23.4, 12,34.5, 5.).
func parseNumber(s string) (number, bool) {
	var n number
	s = strings.TrimSpace(s)
	if s != "" && (s[0] == '-' || s[0] == '+') {
		n.sign, s = s[:1], s[1:]
	}
	s, ok := numberText(s)
	if !ok {
		return n, false
	}
	dot, comma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	switch {
	case dot >= 0 && comma >= 0: // 1.234,56 or 1,234.56: the last mark is the decimal one
		return bothMarks(n, s, max(dot, comma))
	case dot < 0 && comma < 0:
		n.whole, ok = grouped(s, 0)
		return n, ok && n.whole != ""
	case comma >= 0:
		return oneMark(n, s, ',')
	}
	return oneMark(n, s, '.')
}

// numberText returns s, the text of a cell after its sign, with no-break
// spaces made spaces, when it has only digits, marks and spaces; false
// otherwise.
func numberText(s string) (string, bool) {
	if s == "" || !numberBytes(s, true) {
		return s, false // text, as most cells are: said at its first letter
	}
	if !numberBytes(s, false) {
		if s = spaceMarks.Replace(s); !numberBytes(s, false) {
			return s, false
		}
	}
	return s, true
}

// bothMarks reads into n the digits s of a number that shows both marks:
// the last, at s[at], is its decimal mark, the other its thousands mark.
func bothMarks(n number, s string, at int) (number, bool) {
	var ok bool
	n.decimal = s[at]
	n.thousands = other(n.decimal)
	n.frac = s[at+1:]
	n.whole, ok = grouped(s[:at], n.thousands)
	return n, ok && n.whole != "" && digits(n.frac)
}

// oneMark reads into n the digits s of a number that shows one kind of
// mark, m: more than one m are thousands marks (1.234.567); one m before
// three digits may be either mark (1,234: ambiguous); any other one is the
// decimal mark (1,5, .5, 12.3456).
func oneMark(n number, s string, m byte) (number, bool) {
	var ok bool
	if strings.Count(s, string(m)) > 1 {
		n.thousands, n.decimal = m, other(m)
		n.whole, ok = grouped(s, m)
		return n, ok
	}
	head, tail, _ := strings.Cut(s, string(m))
	if !digits(tail) {
		return n, false
	}
	n.frac = tail
	if len(tail) == 3 && len(head) >= 1 && len(head) <= 3 && head[0] != '0' && digits(head) {
		n.ambiguous, n.mark, n.head, n.tail = true, m, head, tail
		return n, true
	}
	n.decimal = m
	if head == "" {
		return n, true // .5
	}
	n.whole, ok = grouped(head, 0)
	return n, ok && n.whole != ""
}

// numberBytes says whether s has only digits, marks and spaces — and, with
// wide, bytes of characters beyond ASCII, which may be no-break spaces.
func numberBytes(s string, wide bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == ',' || c == ' ' || wide && c >= 0x80) {
			return false
		}
	}
	return true
}

// digits says whether s is one digit or more.
func digits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// grouped returns the digits of s, an integer written plainly (1234) or with
// thousands marks — mark, or spaces — every three digits (1.234, 1 234): a
// first group of one to three digits, not starting with 0, then groups of
// three.
func grouped(s string, mark byte) (string, bool) {
	sep := ""
	switch {
	case strings.IndexByte(s, ' ') >= 0:
		if mark != 0 && strings.IndexByte(s, mark) >= 0 {
			return "", false // two thousands marks
		}
		sep = " "
	case mark != 0:
		sep = string(mark)
	}
	if sep == "" || !strings.Contains(s, sep) {
		return s, s == "" || digits(s)
	}
	parts := strings.Split(s, sep)
	if len(parts[0]) < 1 || len(parts[0]) > 3 || parts[0][0] == '0' {
		return "", false
	}
	for i, p := range parts {
		if !digits(p) || i > 0 && len(p) != 3 {
			return "", false
		}
	}
	return strings.Join(parts, ""), true
}

// A shown is the first cell that shows a file's decimal mark.
type shown struct {
	row, col int
	n        number
}

// readNumbers finds the decimal mark of a table's numbers and keeps every
// number in the canonical form 1234.56 (recording the cell as written). It
// refuses a file whose numbers show both decimal marks, naming the first
// cell of each, and a number whose one mark could be a thousands mark or a
// decimal mark when the file does not settle which (1,234 in a file with
// decimal points, unless a number such as 1,234.5 shows commas are its
// thousands marks). It reports false when it refused the file.
func readNumbers(t *models.DataTable, ps *models.Problems) bool {
	thousands, ok := decimalMark(t, ps)
	if !ok {
		return false
	}
	refused := false
	for i, row := range t.Rows {
		for c, cell := range row.Cells {
			n, ok := parseNumber(cell)
			if !ok {
				continue
			}
			if n.ambiguous {
				if n, ok = settle(n, t.Decimal, thousands); !ok {
					ps.Add(cellPos(t, i, c), fmt.Sprintf("%q", printable(t.Cell(i, c))), "%s", ambiguity(t, n))
					refused = true
					continue
				}
			}
			if v := n.canonical(); v != strings.TrimSpace(cell) {
				r := &t.Rows[i]
				if r.Written == nil {
					r.Written = map[int]string{}
				}
				r.Written[c] = strings.TrimSpace(cell)
				r.Cells[c] = v
			}
		}
	}
	return !refused
}

// decimalMark sets t.Decimal to the decimal mark the table's numbers show,
// if any does, and returns the marks they show as thousands marks. It
// refuses — ok is false, with a problem in ps — a table whose numbers show
// both decimal marks.
func decimalMark(t *models.DataTable, ps *models.Problems) (thousands map[byte]bool, ok bool) {
	first := map[byte]*shown{}
	var order []byte
	thousands = map[byte]bool{}
	for i, row := range t.Rows {
		for c, cell := range row.Cells {
			n, ok := parseNumber(cell)
			if !ok {
				continue
			}
			if n.thousands != 0 {
				thousands[n.thousands] = true
			}
			if n.decimal != 0 && first[n.decimal] == nil {
				first[n.decimal] = &shown{i, c, n}
				order = append(order, n.decimal)
			}
		}
	}
	if len(order) == 2 {
		a, b := first[order[0]], first[order[1]]
		ps.Add(cellPos(t, b.row, b.col), fmt.Sprintf("%q", printable(t.Cell(b.row, b.col))),
			"expected one decimal mark in the whole file (%s): this number %s, but line %d (%s = %q) %s",
			separatorPhrase(t.Separator), shows(b.n), t.Rows[a.row].Line, printable(t.Columns[a.col]), printable(t.Cell(a.row, a.col)), shows(a.n))
		return nil, false
	}
	if len(order) == 1 {
		t.Decimal = rune(order[0])
	}
	return thousands, true
}

// settle reads an ambiguous number, 1,234, by what the file shows: its
// mark is the decimal mark when the file's is that one, and a thousands
// mark when the file's is the other and some number shows that mark
// groups thousands (1,234.5). ok is false when the file settles neither.
func settle(n number, decimal rune, thousands map[byte]bool) (_ number, ok bool) {
	switch m := n.mark; {
	case decimal == rune(m): // 1,234 in a file with decimal commas
		n.whole, n.frac = n.head, n.tail
	case decimal != 0 && thousands[m]: // 1,234 in a file with 1,234.5
		n.whole, n.frac = n.head+n.tail, ""
	default:
		return n, false
	}
	return n, true
}

// cellPos is where a cell of a table is: its file, line and column.
func cellPos(t *models.DataTable, row, col int) models.Position {
	return models.Position{File: t.File, Line: t.Rows[row].Line, Key: t.Columns[col]}
}

// shows says what a number shows of the file's decimal mark, for messages.
func shows(n number) string {
	if n.frac != "" {
		return "has a decimal " + markName(n.decimal)
	}
	return fmt.Sprintf("has a %s as thousands mark, so a decimal %s", markName(n.thousands), markName(n.decimal))
}

// ambiguity says what to write instead of a number whose one mark the file
// does not settle: without the mark if it groups thousands, else with the
// file's decimal mark (or, when no number shows it, with a fourth decimal).
func ambiguity(t *models.DataTable, n number) string {
	what := markName(n.mark)
	whole := n.sign + n.head + n.tail
	if t.Decimal != 0 {
		return fmt.Sprintf("expected %s if the %s is a thousands mark, or %s if it is a decimal %s: the file has %s, so it could be either",
			whole, what, n.sign+n.head+string(rune(t.Decimal))+n.tail, what, t.Dialect())
	}
	return fmt.Sprintf("expected %s if the %s is a thousands mark, or %s if it is a decimal %s: no number in the file shows its decimal mark (%s), so it could be either",
		whole, what, n.sign+n.head+string(n.mark)+n.tail+"0", what, separatorPhrase(t.Separator))
}
