package templates

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/kosto-project/kosto/costing"
)

// CSV writes the costed scenario as CSV (see renderCSV).
func CSV(w io.Writer, r *costing.Result, o Options) error {
	return Report(w, r, o, FormatCSV)
}

// csvHeader are the columns of every CSV kosto writes.
var csvHeader = []string{"municipality", "table", "group", "row", "item", "column", "value", "unit", "kind", "figure", "year"}

// renderCSV writes every figure of a document as one row of a long table,
// ready for a spreadsheet's pivot table: the municipality its table
// belongs to, the table, the group of rows it is under (a service in a
// budget), its row (as the table labels it, and as programs name it: a
// municipality's name, a category's code; "total" for a total) and column, its value as an exact decimal with a point,
// its unit and kind, and its figure name and year where it is a node of
// the calculation graph. Words that a spreadsheet would run as a formula
// are written as text (safeText); with o.BOM the file starts with a byte
// order mark, so that Excel reads ë, ç and — as UTF-8.
func renderCSV(w io.Writer, d *Document, o Options) error {
	ew := &errWriter{w: w}
	if o.BOM {
		io.WriteString(ew, "\ufeff")
	}
	cw := csv.NewWriter(ew)
	cw.Write(csvHeader)
	for _, s := range d.Sections {
		for _, t := range s.Tables {
			group := ""
			for _, r := range t.Rows {
				switch {
				case r.Group:
					group = r.Label()
				case r.Level == 0:
					group = "" // a row outside every group: the table's total
				}
				for i, c := range r.Cells {
					if !c.IsFigure() || i >= len(t.Columns) {
						continue
					}
					figure, year := "", ""
					if c.Source != nil {
						figure = c.Source.Figure()
						if c.Source.K >= 0 {
							year = strconv.Itoa(c.Source.Year)
						}
					}
					item := r.Key
					switch {
					case item == "" && r.Total:
						item = "total"
					case item == "":
						item = r.Label()
					}
					cw.Write([]string{safeText(t.Municipality), t.Key, safeText(group), safeText(r.Label()), safeText(item), safeText(t.Columns[i].Key),
						exact(c), safeText(c.Unit), c.Kind.String(), figure, year})
				}
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return ew.err
}

// safeText is words for a CSV cell that a spreadsheet shows as they are: a
// text beginning with =, +, -, @, a tab or a carriage return would be run
// as a formula (CSV injection), so it gets a leading apostrophe, which a
// spreadsheet shows as text and hides.
func safeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
