package grant

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// column returns the index of the column a key of the formula names, or
// reports it and returns -1.
func (b *builder) column(name models.Text, key string) int {
	if !name.Set {
		return -1
	}
	if i := b.t.Column(name.S); i >= 0 {
		return i
	}
	if b.said[name.S] {
		return -1
	}
	msg := fmt.Sprintf("no column %q in %s", name.S, b.t.File)
	if s := models.Suggest(name.S, b.t.Columns); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += "; its columns are " + strings.Join(b.t.Columns, ", ")
	}
	b.ps.Add(b.at(name, key), fmt.Sprintf("%q", name.S), "%s", msg)
	return -1
}

// A reading is a column read for every municipality of the grant.
type reading struct {
	name     models.Text // the column
	col, fb  int         // its index, and its fallback's ([data.fallback]; -1 without one)
	fallback models.Text
	usedBy   string // the key that uses it, for messages
}

// values reads a column for every municipality of the grant: numbers of
// zero or more; where a value is missing, the column's fallback
// ([data.fallback]) when the formula gives one. usedBy names the key that
// uses the column, for messages. It returns nil when the column is not
// named, or on a problem (reported).
func (b *builder) values(name models.Text, key, usedBy string) []decimal.Decimal {
	col := b.column(name, key)
	if col < 0 {
		return nil
	}
	b.use(name.S)
	rd := reading{name: name, col: col, fb: -1, usedBy: usedBy}
	if fb, has := b.f.Data.Fallback[name.S]; has {
		if rd.fb, rd.fallback = b.column(fb, "data.fallback."+name.S), fb; rd.fb < 0 {
			return nil
		}
	}
	out := make([]decimal.Decimal, len(b.rows))
	ok := true
	for k := range b.rows {
		v, good := b.value(rd, k)
		if !good {
			ok = false
		}
		out[k] = v
	}
	if !ok {
		return nil
	}
	return out
}

// value reads municipality k's value of a column; a problem is reported.
func (b *builder) value(rd reading, k int) (decimal.Decimal, bool) {
	cell, c := b.cell(rd, k)
	switch {
	case cell == "" && rd.fb >= 0:
		b.rowProblem(k, rd.name.S, "", "missing for %s, used by %s, and its fallback %s is missing too", b.names[k], rd.usedBy, rd.fallback.S)
		return decimal.Decimal{}, false
	case cell == "":
		b.rowProblem(k, rd.name.S, "", "missing for %s, used by %s; fill it in, or name a column to use where it is missing under [data.fallback] (%s = \"COLUMN\")", b.names[k], rd.usedBy, rd.name.S)
		return decimal.Decimal{}, false
	}
	i, colName := b.rows[k], b.t.Columns[c]
	v, err := decimal.NewFromString(cell)
	if err != nil || !numeric(cell) {
		read := ""
		if d := b.t.Dialect(); d != "" {
			read = "; read with " + d
		}
		b.rowProblem(k, colName, b.t.Written(i, c), "expected a number (%s, used by %s%s)", b.names[k], rd.usedBy, read)
		return decimal.Decimal{}, false
	}
	if v.IsNegative() {
		b.rowProblem(k, colName, b.t.Written(i, c), "expected a value of zero or more (%s, used by %s)", b.names[k], rd.usedBy)
		return decimal.Decimal{}, false
	}
	return v, true
}

// cell is municipality k's cell of the column, or of its fallback where
// the column's is missing (noted), and the index of the column it came from.
func (b *builder) cell(rd reading, k int) (string, int) {
	i := b.rows[k]
	if cell := b.t.Cell(i, rd.col); cell != "" || rd.fb < 0 {
		return cell, rd.col
	}
	cell := b.t.Cell(i, rd.fb)
	if cell != "" {
		b.use(rd.fallback.S)
		if !slices.Contains(b.fallbacks[rd.name.S], b.names[k]) {
			b.fallbacks[rd.name.S] = append(b.fallbacks[rd.name.S], b.names[k])
		}
	}
	return cell, rd.fb
}

// use records that a column is used, for the sources of the report.
func (b *builder) use(col string) {
	if !slices.Contains(b.used, col) {
		b.used = append(b.used, col)
	}
}

// rowProblem reports a problem with a value of the table.
func (b *builder) rowProblem(k int, col, value, format string, args ...any) {
	b.ps.Add(models.Position{File: b.t.File, Line: b.t.Rows[b.rows[k]].Line, Key: col}, fmt.Sprintf("%q", value), format, args...)
}

// numeric says whether a cell is written as a number of a data table:
// digits, a sign first, a decimal point (package scenarios keeps numbers so,
// whatever marks the file used). It refuses 1e5 and 1e309, which
// decimal.NewFromString reads; nan, inf and Infinity that reads neither.
func numeric(s string) bool {
	for i, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || (c == '-' || c == '+') && i == 0) {
			return false
		}
	}
	return s != ""
}
