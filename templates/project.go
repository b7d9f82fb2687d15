package templates

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

// Project writes a multi-year budget: for each municipality (and the whole
// scenario when it has several) the budget by economic category and by
// service for every year of the horizon, and, where the scenario has a
// transition plan, the years when children leave residential care, what the
// closures free and where it goes. format is table, markdown, json or csv.
func Project(w io.Writer, p *costing.Projection, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	v := newView(p.Result, o)
	switch format {
	case FormatJSON:
		return v.projectJSON(w, p)
	case FormatCSV:
		return v.projectCSV(w, p)
	}
	cur := " (" + p.Result.Scenario.Currency + ")"
	var sections []section
	add := func(prefix string, cats []costing.NodeID, total costing.NodeID, svcs []namedNode) {
		sections = append(sections, section{heading: prefix + v.l("projection") + ": " + v.l("by_category") + cur,
			tables: []*table{v.yearTable(p, v.categoryRows(cats), total)}})
		sections = append(sections, section{heading: prefix + v.l("projection") + ": " + v.l("by_service") + cur,
			tables: []*table{v.yearTable(p, svcs, total)}})
	}
	multi := len(p.Result.Municipalities) > 1
	for _, m := range p.Result.Municipalities {
		prefix := ""
		if multi {
			prefix = m.Title.In(v.lang) + ": "
		}
		var svcs []namedNode
		for _, s := range m.Services {
			svcs = append(svcs, namedNode{s.Title.In(v.lang), s.Total})
		}
		add(prefix, m.ByCategory, m.Total, svcs)
	}
	if multi {
		var svcs []namedNode
		for _, s := range p.Result.Services {
			svcs = append(svcs, namedNode{s.Title.In(v.lang), s.Total})
		}
		add(v.l("total")+": ", p.Result.ByCategory, p.Result.Total, svcs)
	}
	if t := v.transitionTable(p); t != nil {
		sections = append(sections, section{heading: v.l("transition_table") + " " + t.title + cur, tables: []*table{t}})
		t.title = ""
	}
	heading := append(v.heading(), fmt.Sprintf("%s %d–%d", v.l("projection"), p.Years[0], p.Years[len(p.Years)-1]))
	if format == FormatMarkdown {
		return v.markdown(w, heading, sections)
	}
	return v.text(w, heading, sections)
}

type namedNode struct {
	name string
	id   costing.NodeID
}

func (v *view) categoryRows(cats []costing.NodeID) []namedNode {
	var rows []namedNode
	for i, id := range cats {
		rows = append(rows, namedNode{v.categoryLabel(i), id})
	}
	return rows
}

// yearTable has a row for each figure and a column for each year.
func (v *view) yearTable(p *costing.Projection, rows []namedNode, total costing.NodeID) *table {
	t := &table{header: []string{""}, right: []bool{false}}
	for _, y := range p.Years {
		t.header = append(t.header, strconv.Itoa(y))
		t.right = append(t.right, true)
	}
	row := func(strong bool, name string, id costing.NodeID) {
		cells := []string{name}
		for k := range p.Years {
			cells = append(cells, v.yearAmount(p, k, id))
		}
		t.add(strong, cells...)
	}
	for _, r := range rows {
		row(false, r.name, r.id)
	}
	row(true, v.l("total"), total)
	return t
}

func (v *view) yearAmount(p *costing.Projection, k int, id costing.NodeID) string {
	d, ok := p.Value(k, id)
	if !ok {
		return v.l("undefined")
	}
	if p.Result.Node(id).Money {
		return v.num.money(d)
	}
	return v.num.qty(d)
}

// transitionTable follows the service children leave and the services they
// go to, year by year, against the base year.
func (v *view) transitionTable(p *costing.Projection) *table {
	tr := p.Result.Transition
	if tr == nil {
		return nil
	}
	from := tr.From
	t := &table{title: from.Title.In(v.lang), header: []string{"", v.l("base_year_col")}, right: []bool{false, true}}
	for _, y := range p.Years {
		t.header = append(t.header, strconv.Itoa(y))
		t.right = append(t.right, true)
	}
	line := func(strong bool, name string, f func(y costing.TransitionYear, base bool) string) {
		cells := []string{name, f(tr.Year(p, -1), true)}
		for k := range p.Years {
			cells = append(cells, f(tr.Year(p, k), false))
		}
		t.add(strong, cells...)
	}
	money := func(get func(costing.TransitionYear) decimal.Decimal, baseToo bool) func(costing.TransitionYear, bool) string {
		return func(y costing.TransitionYear, base bool) string {
			if base && !baseToo {
				return ""
			}
			return v.num.money(get(y))
		}
	}
	line(false, v.l("children_in")+" "+from.Title.In(v.lang), func(y costing.TransitionYear, _ bool) string { return v.num.qty(y.Children) })
	line(false, v.l("open_units"), func(y costing.TransitionYear, _ bool) string { return v.num.qty(y.OpenUnits) })
	line(false, v.l("cost_of")+" "+from.Title.In(v.lang), money(func(y costing.TransitionYear) decimal.Decimal { return y.FromCost }, true))
	line(false, v.l("receiving_services"), money(func(y costing.TransitionYear) decimal.Decimal { return y.ToCost }, true))
	if tr.Programme != nil {
		line(false, tr.Programme.Title.In(v.lang), money(func(y costing.TransitionYear) decimal.Decimal { return y.ProgrammeCost }, true))
	}
	line(false, v.l("freed"), money(func(y costing.TransitionYear) decimal.Decimal { return y.Freed }, false))
	line(false, v.l("reassigned"), money(func(y costing.TransitionYear) decimal.Decimal { return y.Reassigned }, false))
	line(false, "", func(y costing.TransitionYear, _ bool) string {
		if y.DoubleRunning {
			return v.l("double_running")
		}
		return ""
	})
	return t
}

func (v *view) projectJSON(w io.Writer, p *costing.Projection) error {
	type series struct {
		Figure string   `json:"figure"`
		Label  string   `json:"label"`
		Values []string `json:"values"`
	}
	doc := struct {
		Scenario string   `json:"scenario"`
		Currency string   `json:"currency"`
		Years    []int    `json:"years"`
		Series   []series `json:"series"`
	}{Scenario: p.Result.Scenario.Name, Currency: p.Result.Scenario.Currency, Years: p.Years}
	for _, r := range v.projectedFigures(p) {
		s := series{Figure: p.Result.Node(r.id).Name, Label: r.name}
		for k := range p.Years {
			d, ok := p.Value(k, r.id)
			val := ""
			if ok {
				val = d.StringFixed(p.Result.Graph.Decimals)
			}
			s.Values = append(s.Values, val)
		}
		doc.Series = append(doc.Series, s)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (v *view) projectCSV(w io.Writer, p *costing.Projection) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"year", "item", "value", "figure"})
	for k, y := range p.Years {
		for _, r := range v.projectedFigures(p) {
			d, _ := p.Value(k, r.id)
			cw.Write([]string{strconv.Itoa(y), r.name, d.StringFixed(p.Result.Graph.Decimals), p.Result.Node(r.id).Name})
		}
	}
	cw.Flush()
	return cw.Error()
}

// projectedFigures are the figures a projection's JSON and CSV carry: every
// municipality's categories, services and total, and the scenario's.
func (v *view) projectedFigures(p *costing.Projection) []namedNode {
	var out []namedNode
	for _, m := range p.Result.Municipalities {
		for i, id := range m.ByCategory {
			out = append(out, namedNode{m.Title.In(v.lang) + ": " + v.categoryLabel(i), id})
		}
		for _, s := range m.Services {
			out = append(out, namedNode{m.Title.In(v.lang) + ": " + s.Title.In(v.lang), s.Total})
		}
		out = append(out, namedNode{m.Title.In(v.lang) + ": " + v.l("total"), m.Total})
	}
	if len(p.Result.Municipalities) > 1 {
		out = append(out, namedNode{v.l("total"), p.Result.Total})
	}
	return out
}

// Versus writes one scenario against another: per year both budgets, the
// difference, the cumulative difference; its net present value and the
// break-even year. The table and Markdown follow it with each scenario's
// budget by year and economic category, and the variant's transition.
func Versus(w io.Writer, vs *costing.Versus, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	switch format {
	case FormatCSV:
		cw := csv.NewWriter(w)
		cw.WriteAll(versusRows(vs))
		return cw.Error()
	case FormatJSON:
		return versusJSON(w, vs)
	}
	v := newView(vs.Variant.Result, o)
	heading := []string{v.l("compare_scenarios") + ": " + vs.Base.Result.Scenario.Title.In(v.lang) + " / " + vs.Variant.Result.Scenario.Title.In(v.lang),
		fmt.Sprintf("%s %d–%d · %s", v.l("projection"), vs.Years[0], vs.Years[len(vs.Years)-1], vs.Base.Result.Scenario.Currency)}
	sections := v.versusSections(vs, o)
	if format == FormatMarkdown {
		return v.markdown(w, heading, sections)
	}
	return v.text(w, heading, sections)
}

// versusRows are the comparison for CSV and JSON: a header, then a row for
// each year, its amounts exact decimals.
func versusRows(vs *costing.Versus) [][]string {
	dec := vs.Base.Result.Graph.Decimals
	rows := [][]string{{"year", "base", "variant", "difference", "cumulative"}}
	for k, y := range vs.Years {
		rows = append(rows, []string{strconv.Itoa(y), vs.BaseTotal[k].StringFixed(dec), vs.VariantTotal[k].StringFixed(dec),
			vs.Difference[k].StringFixed(dec), vs.Cumulative[k].StringFixed(dec)})
	}
	return rows
}

// versusJSON writes the comparison as one JSON document: the scenarios,
// versusRows' years, the discount rate, the net present value and the
// break-even year.
func versusJSON(w io.Writer, vs *costing.Versus) error {
	type year struct {
		Year                                  int
		Base, Variant, Difference, Cumulative string
	}
	dec := vs.Base.Result.Graph.Decimals
	doc := struct {
		Base         string `json:"base"`
		Variant      string `json:"variant"`
		Currency     string `json:"currency"`
		Years        []year `json:"years"`
		DiscountRate string `json:"discount_rate"`
		NPV          string `json:"npv"`
		BreakEven    int    `json:"break_even_year,omitempty"`
	}{Base: vs.Base.Result.Scenario.Name, Variant: vs.Variant.Result.Scenario.Name, Currency: vs.Base.Result.Scenario.Currency,
		DiscountRate: vs.DiscountRate.String(), NPV: vs.NPV.StringFixed(dec), BreakEven: vs.BreakEven}
	for _, r := range versusRows(vs)[1:] {
		y, _ := strconv.Atoi(r[0])
		doc.Years = append(doc.Years, year{y, r[1], r[2], r[3], r[4]})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// versusSections are the comparison's sections for a table or Markdown:
// the comparison; each scenario's budget by year and economic category;
// and the variant's transition — its double-running years, one-off costs
// and the savings as units close.
func (v *view) versusSections(vs *costing.Versus, o Options) []section {
	cur := " (" + vs.Base.Result.Scenario.Currency + ")"
	sections := []section{{heading: v.l("compare_scenarios") + cur, tables: []*table{v.versusTable(vs)}}}
	for _, p := range []*costing.Projection{vs.Base, vs.Variant} {
		pv := newView(p.Result, o)
		sections = append(sections, section{heading: p.Result.Scenario.Name + ": " + v.l("by_category") + cur,
			tables: []*table{pv.yearTable(p, pv.categoryRows(p.Result.ByCategory), p.Result.Total)}})
	}
	if tt := newView(vs.Variant.Result, o).transitionTable(vs.Variant); tt != nil {
		sections = append(sections, section{heading: vs.Variant.Result.Scenario.Name + ": " + v.l("transition_table") + " " + tt.title + cur, tables: []*table{tt}})
		tt.title = ""
	}
	return sections
}

// versusTable is the comparison year by year, with the net present value,
// the break-even year and what the difference means in its notes.
func (v *view) versusTable(vs *costing.Versus) *table {
	t := &table{header: []string{v.l("year"), v.l("base") + ": " + vs.Base.Result.Scenario.Name, v.l("variant") + ": " + vs.Variant.Result.Scenario.Name, v.l("difference"), v.l("cumulative")},
		right: []bool{true, true, true, true, true}}
	for k, y := range vs.Years {
		t.add(false, strconv.Itoa(y), v.num.money(vs.BaseTotal[k]), v.num.money(vs.VariantTotal[k]), v.num.money(vs.Difference[k]), v.num.money(vs.Cumulative[k]))
	}
	be := v.l("none_within")
	if vs.BreakEven != 0 {
		be = strconv.Itoa(vs.BreakEven)
	}
	t.notes = append(t.notes,
		fmt.Sprintf("%s, %s %s: %s", v.l("npv"), v.l("discounted_at"), v.num.group(vs.DiscountRate.String()), v.num.money(vs.NPV)),
		fmt.Sprintf("%s: %s", v.l("break_even"), be),
		v.l("versus_note"))
	return t
}
