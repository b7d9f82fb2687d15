package templates

import (
	"fmt"
	"io"

	"github.com/kosto-project/kosto/costing"
)

// FunnelReport is the document of kosto funnel: for each foster-carer
// recruitment funnel, every stage's conversion rate, the people it must
// take (rounded up at each stage), its cost per person, fixed cost and
// cost, then the total, the cost per approved family and the target.
func FunnelReport(r *costing.Result, o Options) (*Document, error) {
	if len(r.Funnels) == 0 {
		return nil, fmt.Errorf("scenario %s has no recruitment funnel: add a [recruitment.NAME] table with its [[recruitment.NAME.stages]] (see scenarios/FORMAT.md, Recruitment funnels)", r.Scenario.Name)
	}
	v := newView(r, o)
	d := v.document("funnel")
	for i := range r.Funnels {
		f := &r.Funnels[i]
		heading := v.l("funnel_heading") + ": " + f.Title.In(v.lang) + " (" + r.Scenario.Currency + ")"
		d.Sections = append(d.Sections, &Section{Heading: heading, Tables: []*Table{v.funnelTable(f)}})
	}
	return d, nil
}

// Funnel writes FunnelReport in format.
func Funnel(w io.Writer, r *costing.Result, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	d, err := FunnelReport(r, o)
	return write(w, d, err, o, format)
}

func (v *view) funnelTable(f *costing.FunnelResult) *Table {
	avail := false
	for _, st := range f.Stages {
		avail = avail || st.Available >= 0
	}
	t := &Table{Key: "funnel_" + f.Name, Columns: []Column{v.col("funnel_stage"), v.numCol("funnel_conversion"), v.numCol("funnel_people"),
		v.numCol("funnel_cost_per_person"), v.numCol("funnel_fixed_cost"), v.numCol("funnel_stage_cost")}}
	if avail {
		t.Columns = append(t.Columns, v.numCol("funnel_available"))
	}
	pad := func(cells ...Cell) []Cell {
		for len(cells) < len(t.Columns) {
			cells = append(cells, Blank())
		}
		return cells
	}
	for _, st := range f.Stages {
		conv := v.fig(st.Conversion)
		conv.Kind = KindShare
		cells := []Cell{Words(st.Title.In(v.lang)), conv, v.fig(st.People), v.fig(st.CostPerPerson), v.fig(st.FixedCost), v.fig(st.Cost)}
		if avail {
			a := Blank()
			if st.Available >= 0 {
				a = v.fig(st.Available)
			}
			cells = append(cells, a)
		}
		t.Rows = append(t.Rows, Row{Key: st.Name, Cells: cells})
	}
	t.Rows = append(t.Rows,
		Row{Total: true, Key: "total", Cells: pad(Words(v.l("funnel_total")), Blank(), Blank(), Blank(), Blank(), v.fig(f.Total))},
		Row{Total: true, Key: "per_approved", Cells: pad(Words(v.l("funnel_per_approved")), Blank(), Blank(), Blank(), Blank(), v.fig(f.PerApproved))})
	t.Notes = append(t.Notes,
		fmt.Sprintf("%s: %s %s", v.l("funnel_target"), v.amount(f.Target), v.count(f.Target, "funnel_families")),
		v.l("funnel_note"))
	return t
}
