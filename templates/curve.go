package templates

import (
	"io"

	"github.com/kosto-project/kosto/costing"
)

// CurveReport is the document of kosto curve: a residential service's
// occupancy curve from full to empty — the open units, the annual cost, the
// cost per child-year, what each child's leaving saved, and the steps where
// a unit closes.
func CurveReport(r *costing.Result, municipality, service string, points []costing.CurvePoint, o Options) *Document {
	v := newView(r, o)
	d := v.document("curve")
	t := v.curveTable(points)
	t.Municipality = municipality
	heading := v.l("occupancy_curve") + ": " + curveTitle(r, v.lang, municipality, service) + " (" + r.Scenario.Currency + ")"
	d.Sections = []*Section{{Heading: heading, Tables: []*Table{t}}}
	return d
}

// Curve writes CurveReport in format.
func Curve(w io.Writer, r *costing.Result, municipality, service string, points []costing.CurvePoint, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, CurveReport(r, municipality, service, points, o), o, format)
}

// curveTitle names the service and its municipality by their titles, or
// the service by its name when the scenario has no such service there.
func curveTitle(r *costing.Result, lang, municipality, service string) string {
	title := service
	for _, m := range r.Municipalities {
		for _, s := range m.Services {
			if m.Name == municipality && s.Name == service {
				title = s.Title.In(lang) + " — " + m.Title.In(lang)
			}
		}
	}
	return title
}

// curveTable is the curve: a row for each number of children, the saving
// from the second row on, and a mark where a unit closes. Its figures are
// the engine's re-evaluations of the graph with fewer children, not nodes
// of the scenario's own graph.
func (v *view) curveTable(points []costing.CurvePoint) *Table {
	t := &Table{Key: "occupancy_curve", Columns: []Column{v.numCol("children"), v.numCol("open_units"), v.numCol("annual_cost"),
		v.numCol("cost_per_child"), v.numCol("saving"), {Key: "unit_closes"}}}
	dec := v.r.Graph.Decimals
	for i, p := range points {
		pc := Money(p.PerChild, dec)
		pc.Defined = p.Defined
		saving, mark := Blank(), Blank()
		if i > 0 {
			saving = Money(p.Saving, dec)
		}
		if p.UnitClosed {
			mark = Words("← " + v.l("unit_closes"))
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{Figure(KindQuantity, p.Children, 0), Figure(KindQuantity, p.OpenUnits, 0), Money(p.Total, dec), pc, saving, mark}})
	}
	t.Notes = append(t.Notes, v.l("curve_note"))
	return t
}
