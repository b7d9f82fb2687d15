package templates

import (
	"fmt"
	"io"
	"strconv"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

// ProjectReport is the document of kosto project, a multi-year budget: for
// each municipality (and the whole scenario when it has several) the budget
// by economic category (charted) and by service for every year of the
// horizon, and, where the scenario has a transition plan, the years when
// children leave residential care, what the closures free and where it
// goes.
func ProjectReport(p *costing.Projection, o Options) *Document {
	v := newView(p.Result, o)
	d := v.document("project")
	d.Lines = append(d.Lines, fmt.Sprintf("%s %d–%d", v.l("projection"), p.Years[0], p.Years[len(p.Years)-1]))
	d.Sections = v.projectSections(p, "")
	return d
}

// projectSections are a projection's budgets by year and its transition;
// prefix (a scenario's name, in a comparison) goes before each heading.
func (v *view) projectSections(p *costing.Projection, prefix string) []*Section {
	cur := " (" + p.Result.Scenario.Currency + ")"
	var out []*Section
	add := func(prefix, muni string, cats []costing.NodeID, total costing.NodeID, svcs []namedNode) {
		cat := v.yearTable(p, "projection_by_category", muni, v.categoryRows(cats), total)
		title := prefix + v.l("projection") + ": " + v.l("by_category")
		out = append(out,
			&Section{Heading: title + cur, Tables: []*Table{cat}, Charts: []*Chart{v.yearChart(title, cat)}},
			&Section{Heading: prefix + v.l("projection") + ": " + v.l("by_service") + cur, Tables: []*Table{v.yearTable(p, "projection_by_service", muni, svcs, total)}})
	}
	multi := len(p.Result.Municipalities) > 1
	for _, m := range p.Result.Municipalities {
		mp := prefix
		if multi {
			mp += m.Title.In(v.lang) + ": "
		}
		var svcs []namedNode
		for _, s := range m.Services {
			svcs = append(svcs, namedNode{s.Title.In(v.lang), s.Total})
		}
		add(mp, m.Name, m.ByCategory, m.Total, svcs)
	}
	if multi {
		var svcs []namedNode
		for _, s := range p.Result.Services {
			svcs = append(svcs, namedNode{s.Title.In(v.lang), s.Total})
		}
		add(prefix+v.l("total")+": ", "", p.Result.ByCategory, p.Result.Total, svcs)
	}
	if t := v.transitionTable(p); t != nil {
		out = append(out, &Section{Heading: prefix + v.l("transition_table") + " " + p.Result.Transition.From.Title.In(v.lang) + cur, Tables: []*Table{t}})
	}
	return out
}

// Project writes ProjectReport in format.
func Project(w io.Writer, p *costing.Projection, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, ProjectReport(p, o), o, format)
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

// yearTable has a row for each figure and a column for each year, then
// the total.
func (v *view) yearTable(p *costing.Projection, key, muni string, rows []namedNode, total costing.NodeID) *Table {
	t := &Table{Key: key, Municipality: muni, Columns: append([]Column{{Key: "item"}}, yearColumns(p.Years)...)}
	row := func(tot bool, name string, id costing.NodeID) {
		cells := []Cell{Words(name)}
		for k := range p.Years {
			cells = append(cells, nodeCell(p.Result, p, k, id, false))
		}
		t.Rows = append(t.Rows, Row{Total: tot, Cells: cells})
	}
	for _, r := range rows {
		row(false, r.name, r.id)
	}
	row(true, v.l("total"), total)
	return t
}

// yearChart stacks a budget's categories in a column for each year.
func (v *view) yearChart(title string, t *Table) *Chart {
	c := &Chart{Title: title, Kind: ChartStacked, Table: t, ValueAxis: v.r.Scenario.Currency, CategoryAxis: v.l("axis_year")}
	for i, r := range t.Rows {
		if !r.Total {
			c.Rows = append(c.Rows, i)
		}
	}
	return c
}

// transitionTable follows the service children leave and the services they
// go to, year by year, against the base year. Its figures are the plan's,
// summed by the engine (costing.TransitionResult.Year).
func (v *view) transitionTable(p *costing.Projection) *Table {
	tr := p.Result.Transition
	if tr == nil {
		return nil
	}
	from := tr.From
	dec := p.Result.Graph.Decimals
	t := &Table{Key: "transition", Columns: append([]Column{{Key: "item"}, v.numCol("base_year_col")}, yearColumns(p.Years)...)}
	line := func(name string, f func(y costing.TransitionYear, base bool) Cell) {
		cells := []Cell{Words(name), f(tr.Year(p, -1), true)}
		for k := range p.Years {
			cells = append(cells, f(tr.Year(p, k), false))
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	qty := func(get func(costing.TransitionYear) decimal.Decimal) func(costing.TransitionYear, bool) Cell {
		return func(y costing.TransitionYear, _ bool) Cell { return Figure(KindQuantity, get(y), 0) }
	}
	money := func(get func(costing.TransitionYear) decimal.Decimal, baseToo bool) func(costing.TransitionYear, bool) Cell {
		return func(y costing.TransitionYear, base bool) Cell {
			if base && !baseToo {
				return Blank()
			}
			return Money(get(y), dec)
		}
	}
	line(v.l("children_in")+" "+from.Title.In(v.lang), qty(func(y costing.TransitionYear) decimal.Decimal { return y.Children }))
	line(v.l("open_units"), qty(func(y costing.TransitionYear) decimal.Decimal { return y.OpenUnits }))
	line(v.l("cost_of")+" "+from.Title.In(v.lang), money(func(y costing.TransitionYear) decimal.Decimal { return y.FromCost }, true))
	line(v.l("receiving_services"), money(func(y costing.TransitionYear) decimal.Decimal { return y.ToCost }, true))
	if tr.Programme != nil {
		line(tr.Programme.Title.In(v.lang), money(func(y costing.TransitionYear) decimal.Decimal { return y.ProgrammeCost }, true))
	}
	line(v.l("freed"), money(func(y costing.TransitionYear) decimal.Decimal { return y.Freed }, false))
	line(v.l("reassigned"), money(func(y costing.TransitionYear) decimal.Decimal { return y.Reassigned }, false))
	line("", func(y costing.TransitionYear, _ bool) Cell {
		if y.DoubleRunning {
			return Words(v.l("double_running"))
		}
		return Blank()
	})
	return t
}

// VersusReport is the document of kosto compare, one scenario against
// another: per year both budgets, the difference, the cumulative
// difference (charted), its net present value and the break-even year;
// then each scenario's budget by year and economic category, and the
// variant's transition.
func VersusReport(vs *costing.Versus, o Options) *Document {
	v := newView(vs.Variant.Result, o)
	b, va := vs.Base.Result.Scenario, vs.Variant.Result.Scenario
	d := &Document{Report: "compare", Lang: v.lang, Name: b.Name + " / " + va.Name, Currency: b.Currency,
		Title: v.l("compare_scenarios") + ": " + b.Title.In(v.lang) + " / " + va.Title.In(v.lang),
		Lines: []string{fmt.Sprintf("%s %d–%d · %s", v.l("projection"), vs.Years[0], vs.Years[len(vs.Years)-1], b.Currency)}}
	cur := " (" + b.Currency + ")"
	t := v.versusTable(vs)
	d.Sections = append(d.Sections, &Section{Heading: v.l("compare_scenarios") + cur, Tables: []*Table{t},
		Charts: []*Chart{{Title: v.l("compare_scenarios"), Kind: ChartCombo, Table: t, Columns: []int{1, 2, 4}, Lines: []int{2},
			ValueAxis: b.Currency, CategoryAxis: v.l("axis_year")}}})
	for _, p := range []*costing.Projection{vs.Base, vs.Variant} {
		pv := newView(p.Result, o)
		cat := pv.yearTable(p, "projection_by_category", "", pv.categoryRows(p.Result.ByCategory), p.Result.Total)
		d.Sections = append(d.Sections, &Section{Heading: p.Result.Scenario.Name + ": " + v.l("by_category") + cur, Tables: []*Table{cat}})
	}
	if tt := newView(vs.Variant.Result, o).transitionTable(vs.Variant); tt != nil {
		d.Sections = append(d.Sections, &Section{Heading: va.Name + ": " + v.l("transition_table") + " " + vs.Variant.Result.Transition.From.Title.In(v.lang) + cur, Tables: []*Table{tt}})
	}
	for _, p := range []*costing.Projection{vs.Base, vs.Variant} {
		d.Warnings = append(d.Warnings, newView(p.Result, o).warnings()...)
	}
	return d
}

// Versus writes VersusReport in format.
func Versus(w io.Writer, vs *costing.Versus, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, VersusReport(vs, o), o, format)
}

// versusTable is the comparison year by year, with the net present value,
// the break-even year and what the difference means in its notes.
func (v *view) versusTable(vs *costing.Versus) *Table {
	dec := vs.Base.Result.Graph.Decimals
	t := &Table{Key: "comparison", Columns: []Column{v.col("year"),
		{Label: v.l("base") + ": " + vs.Base.Result.Scenario.Name, Key: "base", Numeric: true},
		{Label: v.l("variant") + ": " + vs.Variant.Result.Scenario.Name, Key: "variant", Numeric: true},
		v.numCol("difference"), v.numCol("cumulative")}}
	for k, y := range vs.Years {
		t.Rows = append(t.Rows, Row{Cells: []Cell{Words(strconv.Itoa(y)),
			nodeCell(vs.Base.Result, vs.Base, k, vs.Base.Result.Total, false),
			nodeCell(vs.Variant.Result, vs.Variant, k, vs.Variant.Result.Total, false),
			Money(vs.Difference[k], dec), Money(vs.Cumulative[k], dec)}})
	}
	be := v.l("none_within")
	if vs.BreakEven != 0 {
		be = strconv.Itoa(vs.BreakEven)
	}
	t.Notes = append(t.Notes,
		fmt.Sprintf("%s, %s %s: %s", v.l("npv"), v.l("discounted_at"), v.num.group(vs.DiscountRate.String()), v.num.money(vs.NPV)),
		fmt.Sprintf("%s: %s", v.l("break_even"), be),
		v.l("versus_note"))
	return t
}
