package grant

import (
	"fmt"
	"slices"

	"github.com/kosto-project/kosto/models"
)

// matchRows finds the rows of the grant (step 1): every municipality of the
// table, or those [data] municipalities names, each named and each once. It
// says whether there is any.
func (b *builder) matchRows() bool {
	key := b.column(b.f.Data.Key, "data.key")
	if key < 0 {
		return false
	}
	b.checkOnly(key)
	b.pickRows(key)
	switch {
	case len(b.rows) > 0:
		return true
	case len(b.f.Data.Only) > 0:
		b.ps.Add(b.f.Data.OnlyPos, "", "none of these municipalities is in %s", b.t.File)
	default:
		b.ps.Add(models.Position{File: b.t.File, Line: 1}, "", "expected one row per municipality; the table has none")
	}
	return false
}

// checkOnly reports a municipality [data] municipalities names that the
// table has not.
func (b *builder) checkOnly(key int) {
	var all []string
	for i := range b.t.Rows {
		all = append(all, b.t.Cell(i, key))
	}
	for _, m := range b.f.Data.Only {
		if !slices.Contains(all, m.S) {
			b.ps.Add(m.Pos, fmt.Sprintf("%q", m.S), "%s", b.noMunicipality(m.S, all))
		}
	}
}

// noMunicipality says that the table has no municipality of that name, and
// which of names it may have meant.
func (b *builder) noMunicipality(name string, names []string) string {
	msg := "no municipality of that name in " + b.t.File
	if s := models.Suggest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return msg
}

// pickRows keeps the rows of the grant's municipalities, refusing a row
// without a name and a name written twice.
func (b *builder) pickRows(key int) {
	only := map[string]bool{}
	for _, m := range b.f.Data.Only {
		only[m.S] = true
	}
	seen := map[string]int{}
	for i, row := range b.t.Rows {
		name := b.t.Cell(i, key)
		pos := models.Position{File: b.t.File, Line: row.Line, Key: b.t.Columns[key]}
		first, dup := seen[name]
		switch {
		case len(only) > 0 && !only[name]:
		case name == "":
			b.ps.Add(pos, `""`, "expected the municipality's name")
		case dup:
			b.ps.Add(pos, fmt.Sprintf("%q", name), "expected each municipality once (also on line %d)", first)
		default:
			seen[name] = row.Line
			b.rows = append(b.rows, i)
			b.names = append(b.names, name)
		}
	}
}
