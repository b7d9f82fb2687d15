package templates

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kosto-project/kosto/costing"
)

// Funnel writes the foster-carer recruitment funnels: for each, every
// stage's conversion rate, the people it must take (rounded up at each
// stage), its cost per person, fixed cost and cost, then the total, the cost
// per approved family and the target. format is table, markdown, json or
// csv.
func Funnel(w io.Writer, r *costing.Result, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	if len(r.Funnels) == 0 {
		return fmt.Errorf("scenario %s has no recruitment funnel: add a [recruitment.NAME] table with its [[recruitment.NAME.stages]] (see scenarios/FORMAT.md, Recruitment funnels)", r.Scenario.Name)
	}
	v := newView(r, o)
	switch format {
	case FormatJSON:
		return v.funnelJSON(w)
	case FormatCSV:
		return v.funnelCSV(w)
	}
	var sections []section
	for i := range r.Funnels {
		f := &r.Funnels[i]
		heading := v.l("funnel_heading") + ": " + f.Title.In(v.lang) + " (" + r.Scenario.Currency + ")"
		sections = append(sections, section{heading: heading, tables: []*table{v.funnelTable(f)}})
	}
	if format == FormatMarkdown {
		return v.markdown(w, v.heading(), sections)
	}
	return v.text(w, v.heading(), sections)
}

func (v *view) funnelTable(f *costing.FunnelResult) *table {
	avail := false
	for _, st := range f.Stages {
		avail = avail || st.Available >= 0
	}
	t := &table{header: []string{v.l("funnel_stage"), v.l("funnel_conversion"), v.l("funnel_people"), v.l("funnel_cost_per_person"), v.l("funnel_fixed_cost"), v.l("funnel_stage_cost")},
		right: []bool{false, true, true, true, true, true}}
	if avail {
		t.header = append(t.header, v.l("funnel_available"))
		t.right = append(t.right, true)
	}
	pad := func(cells ...string) []string {
		for len(cells) < len(t.header) {
			cells = append(cells, "")
		}
		return cells
	}
	for _, st := range f.Stages {
		row := []string{st.Title.In(v.lang), v.percent(st.Conversion), v.amount(st.People), v.amount(st.CostPerPerson), v.amount(st.FixedCost), v.amount(st.Cost)}
		if avail {
			a := ""
			if st.Available >= 0 {
				a = v.amount(st.Available)
			}
			row = append(row, a)
		}
		t.add(false, row...)
	}
	t.add(true, pad(v.l("funnel_total"), "", "", "", "", v.amount(f.Total))...)
	t.add(true, pad(v.l("funnel_per_approved"), "", "", "", "", v.amount(f.PerApproved))...)
	t.notes = append(t.notes,
		fmt.Sprintf("%s: %s %s", v.l("funnel_target"), v.amount(f.Target), v.count(f.Target, "funnel_families")),
		v.l("funnel_note"))
	return t
}

// percent writes a share as a percentage with at most two decimals.
func (v *view) percent(id costing.NodeID) string {
	d, ok := v.r.Value(id)
	if !ok {
		return v.l("undefined")
	}
	return v.num.qty(d.Shift(2)) + "%"
}

type jsonFunnel struct {
	Name        string            `json:"name"`
	Title       string            `json:"title"`
	Target      jsonFigure        `json:"target"`
	Stages      []jsonFunnelStage `json:"stages"`
	Total       jsonFigure        `json:"total"`
	PerApproved jsonFigure        `json:"per_approved"`
}

type jsonFunnelStage struct {
	Name          string      `json:"name"`
	Title         string      `json:"title"`
	Conversion    jsonFigure  `json:"conversion"`
	People        jsonFigure  `json:"people"`
	CostPerPerson jsonFigure  `json:"cost_per_person"`
	FixedCost     jsonFigure  `json:"fixed_cost"`
	Cost          jsonFigure  `json:"cost"`
	Available     *jsonFigure `json:"available,omitempty"`
}

func (v *view) funnelJSON(w io.Writer) error {
	doc := []jsonFunnel{}
	for _, f := range v.r.Funnels {
		jf := jsonFunnel{Name: f.Name, Title: f.Title.In(v.lang), Target: v.figure(f.Target), Total: v.figure(f.Total), PerApproved: v.figure(f.PerApproved)}
		for _, st := range f.Stages {
			jf.Stages = append(jf.Stages, jsonFunnelStage{Name: st.Name, Title: st.Title.In(v.lang), Conversion: v.figure(st.Conversion),
				People: v.figure(st.People), CostPerPerson: v.figure(st.CostPerPerson), FixedCost: v.figure(st.FixedCost),
				Cost: v.figure(st.Cost), Available: v.optFigure(st.Available)})
		}
		doc = append(doc, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (v *view) funnelCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"funnel", "stage", "item", "value", "unit", "figure"})
	for _, f := range v.r.Funnels {
		write := func(stage, item string, id costing.NodeID) {
			fig := v.figure(id)
			cw.Write([]string{f.Name, stage, item, fig.Value, fig.Unit, fig.Figure})
		}
		for _, st := range f.Stages {
			write(st.Name, "conversion", st.Conversion)
			write(st.Name, "people", st.People)
			write(st.Name, "cost_per_person", st.CostPerPerson)
			write(st.Name, "fixed_cost", st.FixedCost)
			write(st.Name, "cost", st.Cost)
			if st.Available >= 0 {
				write(st.Name, "available", st.Available)
			}
		}
		write("", "total", f.Total)
		write("", "per_approved", f.PerApproved)
		write("", "target", f.Target)
	}
	cw.Flush()
	return cw.Error()
}
