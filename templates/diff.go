package templates

import (
	"fmt"

	"github.com/kosto-project/kosto/costing"
)

// DiffTop is how many of the figures that change most kosto diff shows
// unless told.
const DiffTop = 15

// DiffReport is kosto diff's report: what differs from scenario a to b —
// the inputs, matched by figure name, with both values and both sources —
// and what it does: the totals that change, and the top other money
// figures that change most, by how much.
func DiffReport(a, b *costing.Result, top int, o Options) (*Document, error) {
	if top <= 0 {
		top = DiffTop
	}
	va, vb := newView(a, o), newView(b, o)
	d := vb.document("diff")
	l := vb.l
	d.Title = fmt.Sprintf("%s: %s → %s", l("diff_title"), a.Scenario.Name, b.Scenario.Name)
	d.Lines = append(d.Lines[:0], fmt.Sprintf("%s: %s · %s: %s", l("base"), a.Scenario.Name, l("variant"), b.Scenario.Name))
	diff := costing.DiffOf(a, b)

	in := &Table{Key: "inputs", Columns: []Column{{Label: l("figure"), Key: "figure"}, {Label: l("diff_was"), Key: "was", Numeric: true},
		{Label: l("diff_now"), Key: "now", Numeric: true}, {Label: l("diff_source_was"), Key: "source_was"}, {Label: l("diff_source_now"), Key: "source_now"}}}
	for _, c := range diff.Inputs {
		row := Row{Key: c.Figure, Cells: []Cell{Words(c.Figure)}}
		for _, side := range []struct {
			v  *view
			id costing.NodeID
		}{{va, c.A}, {vb, c.B}} {
			if side.id < 0 {
				row.Cells = append(row.Cells, Words("—"))
			} else {
				row.Cells = append(row.Cells, side.v.fig(side.id))
			}
		}
		row.Cells = append(row.Cells, Words(va.provenance(c.A)), Words(vb.provenance(c.B)))
		in.Rows = append(in.Rows, row)
	}
	if len(in.Rows) == 0 {
		in.Notes = append(in.Notes, l("diff_no_inputs"))
	}
	d.Sections = append(d.Sections, &Section{Heading: l("diff_inputs"), Tables: []*Table{in}})

	figures := func(key string, fs []costing.FigureDiff) *Table {
		t := &Table{Key: key, Columns: []Column{{Label: l("figure"), Key: "figure"}, {Label: l("line"), Key: "line"},
			{Label: l("base"), Key: "base", Numeric: true}, {Label: l("variant"), Key: "variant", Numeric: true},
			{Label: l("difference"), Key: "difference", Numeric: true}}}
		for i, f := range fs {
			if i == top {
				t.Notes = append(t.Notes, fmt.Sprintf(l("diff_more"), len(fs)-top))
				break
			}
			t.Rows = append(t.Rows, Row{Key: f.Figure, Total: f.Figure == "total", Cells: []Cell{
				Words(f.Figure), Words(vb.name(f.B)), va.fig(f.A), vb.fig(f.B), Money(f.Delta, b.Graph.Decimals)}})
		}
		if len(t.Rows) == 0 {
			t.Notes = append(t.Notes, l("diff_no_figures"))
		}
		return t
	}
	cur := " (" + b.Scenario.Currency + ")"
	d.Sections = append(d.Sections, &Section{Heading: l("diff_totals") + cur, Tables: []*Table{figures("totals", diff.Totals)}})
	d.Sections = append(d.Sections, &Section{Heading: l("diff_figures") + cur, Tables: []*Table{figures("figures", diff.Figures)}})
	return d, nil
}

// provenance says where an input's value comes from: its source, or its
// assumption, and where it is written; "" for no input (-1).
func (v *view) provenance(id costing.NodeID) string {
	if id < 0 {
		return ""
	}
	lf := v.r.Node(id).Leaf
	s := lf.Source
	if s == "" && lf.Assumption != "" {
		s = v.l("assumption") + ": " + lf.Assumption
	}
	if lf.Pos.File != "" {
		if s != "" {
			s += " "
		}
		s += "(" + lf.Pos.File
		if lf.Pos.Line > 0 {
			s += fmt.Sprintf(":%d", lf.Pos.Line)
		}
		s += ")"
	}
	if s == "" {
		s = v.l("default")
	}
	return s
}
