package templates

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// UncertaintyReport is the document of kosto uncertainty: for each
// scenario the P5, P50, P95 and mean of each year's budget — in total
// (with its fan chart), by economic category and by service — beside the
// scenario's own figure; for a base and a variant, how likely the variant
// costs less each year and over the horizon, the spread of the difference
// and of the NPV, and the share of draws broken even by each year; then
// the ranges drawn and the assumptions that carry none.
func UncertaintyReport(sm *uncertainty.Summary, o Options) *Document {
	out := sm.Outcome
	st := out.Study
	v := newView(st.Results[0], o)
	d := v.document("uncertainty")
	d.Title = v.l("unc_title") + " " + d.Title
	method := v.l("unc_lhs")
	if out.Options.Method == models.MethodRandom {
		method = v.l("unc_random")
	}
	d.Lines = append(d.Lines, fmt.Sprintf(v.l("unc_line"), out.Options.Draws, out.Options.Seed, method, len(st.Inputs)))
	for _, c := range st.Uncertainty.Correlations {
		names := make([]string, len(c.Inputs))
		for i, in := range c.Inputs {
			names[i] = in.S
		}
		d.Lines = append(d.Lines, fmt.Sprintf(v.l("unc_correlated"), c.Rank.Value, strings.Join(names, ", ")))
	}
	if c := sm.Comparison; c != nil {
		ys := out.Years
		d.Lines = append(d.Lines, fmt.Sprintf(v.l("unc_headline"), v.pct(c.CheaperTotal), ys[0], ys[len(ys)-1],
			ys[len(ys)-1], v.pct(c.BreakEvenBy[len(ys)-1]), v.pct(c.Never)))
		if be := sm.Versus.BreakEven; be != 0 && be != ys[len(ys)-1] {
			d.Lines = append(d.Lines, fmt.Sprintf(v.l("unc_headline_by"), be, v.pct(c.BreakEvenBy[slices.Index(ys, be)])))
		}
	}
	undefined := 0
	for s, r := range st.Results {
		prefix := ""
		if len(st.Results) > 1 {
			prefix = r.Scenario.Name + ": "
		}
		d.Sections = append(d.Sections, v.uncertaintyBudget(sm, s, prefix)...)
		for f := range sm.Stats[s] {
			for _, x := range sm.Stats[s][f] {
				undefined = max(undefined, x.Undefined)
			}
		}
	}
	if sm.Comparison != nil {
		d.Sections = append(d.Sections, v.uncertaintyCompare(sm))
	}
	d.Sections = append(d.Sections, v.uncertaintyInputs(st))
	if undefined > 0 {
		d.Notes = append(d.Notes, fmt.Sprintf(v.l("unc_undefined"), undefined))
	}
	d.Notes = append(d.Notes, v.l("unc_float_note"))
	return d
}

// Uncertainty writes UncertaintyReport in format.
func Uncertainty(w io.Writer, sm *uncertainty.Summary, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, UncertaintyReport(sm, o), o, format)
}

// pct writes a share as a percentage with one decimal.
func (v *view) pct(x float64) string { return cellText(v.lang, v.share(x)) }

// share is a cell of a probability, to a tenth of a percent.
func (v *view) share(x float64) Cell {
	if math.IsNaN(x) {
		return Cell{Kind: KindShare}
	}
	return Figure(KindShare, decimal.NewFromFloat(x).Round(3), 1)
}

// drawn is a money cell of a percentile of figure id in year index k: an
// amount the draws give, rounded to the minor unit, which names the figure
// it is a percentile of.
func (v *view) drawn(r *costing.Result, id costing.NodeID, k, year int, x float64) Cell {
	c := Cell{Kind: KindMoney, Places: r.Graph.Decimals}
	if id >= 0 {
		c.Source = &Source{Result: r, Node: id, K: k, Year: year}
	}
	if !math.IsNaN(x) {
		c.Value, c.Defined = decimal.NewFromFloat(x).Round(r.Graph.Decimals), true
	}
	return c
}

// statsColumns are the columns of a table of percentiles after its first
// ones.
func (v *view) statsColumns(first ...Column) []Column {
	return append(first,
		Column{Label: v.l("unc_deterministic"), Key: "deterministic", Numeric: true},
		Column{Label: v.l("unc_p5"), Key: "p5", Numeric: true},
		Column{Label: v.l("unc_p50"), Key: "p50", Numeric: true},
		Column{Label: v.l("unc_p95"), Key: "p95", Numeric: true},
		Column{Label: v.l("unc_mean"), Key: "mean", Numeric: true})
}

func (v *view) statsCells(r *costing.Result, id costing.NodeID, k, year int, det Cell, x uncertainty.Stats) []Cell {
	return []Cell{det, v.drawn(r, id, k, year, x.P5), v.drawn(r, id, k, year, x.P50), v.drawn(r, id, k, year, x.P95), v.drawn(r, id, k, year, x.Mean)}
}

// uncertaintyBudget is one scenario's total by year (with its fan chart),
// and its categories and services by year.
func (v *view) uncertaintyBudget(sm *uncertainty.Summary, s int, prefix string) []*Section {
	out := sm.Outcome
	r, p := out.Study.Results[s], sm.Projections[s]
	cur := " (" + r.Scenario.Currency + ")"
	total := &Table{Key: "uncertainty_total", Columns: v.statsColumns(Column{Label: v.l("year"), Key: "year"})}
	for k, y := range out.Years {
		cells := append([]Cell{Count(y)}, v.statsCells(r, r.Total, k, y, nodeCell(r, p, k, r.Total, false), sm.Stats[s][0][k])...)
		total.Rows = append(total.Rows, Row{Cells: cells})
	}
	fan := &Chart{Title: prefix + v.l("unc_fan"), Kind: ChartLines, Table: total, Columns: []int{2, 3, 4}, ValueAxis: r.Scenario.Currency, CategoryAxis: v.l("year")}
	secs := []*Section{{Heading: prefix + v.l("unc_budget") + cur, Tables: []*Table{total}, Charts: []*Chart{fan}}}
	for _, kind := range []struct{ key, heading string }{{"category", "unc_by_category"}, {"service", "unc_by_service"}} {
		t := &Table{Key: "uncertainty_by_" + kind.key, Columns: v.statsColumns(Column{Key: "item"}, Column{Label: v.l("year"), Key: "year"})}
		for f, fg := range out.Figures[s] {
			if fg.Key != kind.key {
				continue
			}
			name := fg.Title.In(v.lang)
			if kind.key == "category" {
				name = v.categoryLabel(f - 1)
			}
			t.Rows = append(t.Rows, Row{Group: true, Key: fg.Name, Cells: []Cell{Words(name)}})
			for k, y := range out.Years {
				cells := append([]Cell{Blank(), Count(y)}, v.statsCells(r, fg.Node, k, y, nodeCell(r, p, k, fg.Node, false), sm.Stats[s][f][k])...)
				t.Rows = append(t.Rows, Row{Key: fg.Name, Level: 1, Cells: cells})
			}
		}
		secs = append(secs, &Section{Heading: prefix + v.l(kind.heading) + cur, Tables: []*Table{t}})
	}
	return secs
}

// uncertaintyCompare is the variant against the base, draw by draw.
func (v *view) uncertaintyCompare(sm *uncertainty.Summary) *Section {
	c, vs := sm.Comparison, sm.Versus
	r := sm.Outcome.Study.Results[1]
	dec := r.Graph.Decimals
	t := &Table{Key: "uncertainty_compare", Columns: append(v.statsColumns(Column{Label: v.l("year"), Key: "year"}),
		Column{Label: v.l("unc_cheaper"), Key: "p_cheaper", Numeric: true},
		Column{Label: v.l("unc_broken_even_by"), Key: "p_broken_even", Numeric: true})}
	t.Columns[1].Label = v.l("difference")
	for k, y := range c.Years {
		cells := append([]Cell{Count(y)}, v.statsCells(r, -1, k, y, Money(vs.Difference[k], dec), c.Difference[k])...)
		cells = append(cells, v.share(c.Cheaper[k]), v.share(c.BreakEvenBy[k]))
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	sum := &Table{Key: "uncertainty_summary", Title: v.l("unc_summary"), Columns: v.statsColumns(Column{Key: "item"})}
	sum.Rows = append(sum.Rows, Row{Key: "npv", Cells: append([]Cell{Words(v.l("npv"))}, v.statsCells(r, -1, -1, 0, Money(vs.NPV, dec), c.NPV)...)})
	be := Words(v.l("none_within"))
	if vs.BreakEven != 0 {
		be = Count(vs.BreakEven)
	}
	sum.Rows = append(sum.Rows, Row{Key: "break_even", Cells: []Cell{Words(v.l("break_even")), be}})
	shares := &Table{Key: "uncertainty_shares", Columns: []Column{{Key: "item"}, {Label: v.l("unc_share"), Key: "share", Numeric: true}}}
	for _, x := range []struct {
		key string
		p   float64
	}{{"unc_cheaper_total", c.CheaperTotal}, {"unc_npv_below", c.NPVBelowZero}, {"unc_never", c.Never}} {
		shares.Rows = append(shares.Rows, Row{Key: x.key, Cells: []Cell{Words(v.l(x.key)), v.share(x.p)}})
	}
	return &Section{Heading: v.l("unc_compare") + " (" + r.Scenario.Currency + ")", Tables: []*Table{t, sum, shares}}
}

// inputCell is a value of an input: money with the currency's decimals, a
// share or a rate as a percentage, any other number as written.
func (v *view) inputCell(in *uncertainty.Input, d decimal.Decimal) Cell {
	switch {
	case in.Money:
		return Money(d, v.r.Graph.Decimals)
	case in.Spec.Kind == models.Share || in.Spec.Kind == models.Rate:
		return Figure(KindShare, d, 0)
	}
	return Figure(KindNumber, d, max(0, -d.Exponent()))
}

// uncertaintyInputs lists the ranges drawn, and the assumptions without one.
func (v *view) uncertaintyInputs(st *uncertainty.Study) *Section {
	t := &Table{Key: "uncertainty_inputs", Columns: []Column{{Label: v.l("unc_input"), Key: "input"},
		{Label: v.l("unc_value"), Key: "value", Numeric: true}, {Label: v.l("unc_low"), Key: "low", Numeric: true},
		{Label: v.l("unc_mode"), Key: "mode", Numeric: true}, {Label: v.l("unc_high"), Key: "high", Numeric: true},
		{Label: v.l("unc_dist"), Key: "dist"}, {Label: v.l("unc_reason"), Key: "reason"}}}
	for _, in := range st.Inputs {
		rg := in.Range
		reason := rg.Source
		if reason == "" {
			reason = rg.Assumption
		}
		mode := Words("")
		if rg.Distribution() != models.DistLogNormal && rg.Distribution() != models.DistUniform {
			mode = v.inputCell(in, rg.ModeOr(in.Value))
		}
		t.Rows = append(t.Rows, Row{Key: in.Name, Cells: []Cell{Words(in.Name), v.inputCell(in, in.Value), v.inputCell(in, rg.Low.Value),
			mode, v.inputCell(in, rg.High.Value), Words(rg.Distribution()), Words(reason)}})
	}
	un := &Table{Key: "uncertainty_unranged", Title: v.l("unc_unranged"), Notes: []string{v.l("unc_unranged_note")},
		Columns: []Column{{Label: v.l("unc_input"), Key: "input"}, {Label: v.l("unc_value"), Key: "value", Numeric: true}, {Label: v.l("unit"), Key: "unit"}}}
	for _, a := range st.Unranged {
		c := Figure(KindNumber, a.Value, max(0, -a.Value.Exponent()))
		if a.Unit == "rate" {
			c = Figure(KindShare, a.Value, 0)
		}
		un.Rows = append(un.Rows, Row{Key: a.Name, Cells: []Cell{Words(a.Name), c, Words(a.Unit)}})
	}
	return &Section{Heading: v.l("unc_inputs"), Tables: []*Table{t, un}}
}

// TornadoReport is the document of kosto tornado: every ranged input swung
// from its low to its high, the others at their values, sorted by how much
// the figure moves, largest first, with its chart.
func TornadoReport(st *uncertainty.Study, tor *uncertainty.Tornado, o Options) *Document {
	r := st.Results[len(st.Results)-1]
	v := newView(st.Results[0], o)
	d := v.document("tornado")
	d.Title = v.l("tornado_title") + ": " + d.Title
	dec := r.Graph.Decimals
	what := tor.Figure
	if tor.Figure == uncertainty.FigureNPV {
		what = v.l("npv")
	} else if tor.Year != 0 {
		what += " " + strconv.Itoa(tor.Year)
	}
	d.Lines = append(d.Lines, fmt.Sprintf(v.l("tornado_line"), what+" = "+cellText(v.lang, Money(tor.Value, dec))+" "+v.l("tornado_at_value")))
	t := &Table{Key: "tornado", Columns: []Column{{Label: v.l("unc_input"), Key: "input"},
		{Label: v.l("unc_low"), Key: "low", Numeric: true}, {Label: v.l("unc_high"), Key: "high", Numeric: true},
		{Label: v.l("tornado_at_low"), Key: "at_low", Numeric: true}, {Label: v.l("tornado_at_high"), Key: "at_high", Numeric: true},
		{Label: v.l("tornado_swing"), Key: "swing", Numeric: true}}}
	for _, b := range tor.Bars {
		t.Rows = append(t.Rows, Row{Key: b.Input.Name, Cells: []Cell{Words(b.Input.Name), v.inputCell(b.Input, b.Low), v.inputCell(b.Input, b.High),
			Money(b.AtLow, dec), Money(b.AtHigh, dec), Money(b.Swing, dec)}})
	}
	if len(tor.Bars) == 0 {
		d.Notes = append(d.Notes, v.l("tornado_none"))
	}
	ch := &Chart{Title: d.Title, Kind: ChartBars, Table: t, Columns: []int{3, 4}, ValueAxis: r.Scenario.Currency, CategoryAxis: v.l("unc_input")}
	d.Sections = append(d.Sections, &Section{Heading: v.l("tornado_title") + " (" + r.Scenario.Currency + ")", Tables: []*Table{t}, Charts: []*Chart{ch}})
	return d
}

// Tornado writes TornadoReport in format.
func Tornado(w io.Writer, st *uncertainty.Study, tor *uncertainty.Tornado, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, TornadoReport(st, tor, o), o, format)
}

// SwitchReport is the document of kosto switch: the value of one input at
// which the comparison's decision flips, against its value and its range.
func SwitchReport(st *uncertainty.Study, sw *uncertainty.Switch, o Options) *Document {
	v := newView(st.Results[0], o)
	d := v.document("switch")
	d.Title = v.l("switch_title") + ": " + d.Title
	test := v.l("switch_npv")
	if sw.By != 0 {
		test = fmt.Sprintf(v.l("switch_by"), sw.By)
	}
	in := sw.Input
	yes := func(b bool) Cell {
		if b {
			return Words(v.l("switch_true"))
		}
		return Words(v.l("switch_false"))
	}
	t := &Table{Key: "switch", Columns: []Column{{Label: v.l("switch_at"), Key: "at"}, {Label: sw.Input.Name, Key: "value", Numeric: true},
		{Label: v.l("switch_holds"), Key: "holds"}}}
	t.Rows = append(t.Rows, Row{Key: "value", Cells: []Cell{Words(v.l("switch_value")), v.inputCell(in, in.Value), yes(sw.AtValue)}})
	if in.Range != nil {
		t.Rows = append(t.Rows,
			Row{Key: "low", Cells: []Cell{Words(v.l("unc_low")), v.inputCell(in, in.Range.Low.Value), yes(sw.AtLow)}},
			Row{Key: "high", Cells: []Cell{Words(v.l("unc_high")), v.inputCell(in, in.Range.High.Value), yes(sw.AtHigh)}})
	}
	if sw.Found {
		where := v.l("switch_no_range")
		if in.Range != nil {
			where = v.l("switch_out_of_range")
			if !sw.Value.LessThan(in.Range.Low.Value) && !sw.Value.GreaterThan(in.Range.High.Value) {
				where = v.l("switch_in_range")
			}
		}
		t.Rows = append(t.Rows, Row{Key: "switch", Total: true, Cells: []Cell{Words(v.l("switch_flip")), v.inputCell(in, sw.Value), Words(where)}})
		d.Lines = append(d.Lines, fmt.Sprintf(v.l("switch_found"), in.Name, cellText(v.lang, v.inputCell(in, sw.Value)), test))
	} else {
		key := "switch_none_fails"
		if sw.AtValue {
			key = "switch_none_holds"
		}
		d.Lines = append(d.Lines, fmt.Sprintf(v.l(key), cellText(v.lang, v.inputCell(in, sw.From)), cellText(v.lang, v.inputCell(in, sw.To)), test))
	}
	d.Lines = append(d.Lines, v.l("switch_decision")+": "+test+" · "+v.l("npv")+" "+cellText(v.lang, Money(sw.NPVAtValue, st.Results[0].Graph.Decimals)))
	d.Sections = append(d.Sections, &Section{Heading: v.l("switch_title"), Tables: []*Table{t}})
	return d
}

// Switch writes SwitchReport in format.
func Switch(w io.Writer, st *uncertainty.Study, sw *uncertainty.Switch, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, SwitchReport(st, sw, o), o, format)
}
