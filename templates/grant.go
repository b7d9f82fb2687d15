package templates

import (
	"fmt"
	"io"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/shopspring/decimal"
)

// GrantReport is the document of kosto grant, a grant formula's
// allocation: the pot and the criteria, every municipality's allocation
// with its share, per capita (per child), change against the baseline and
// gap to costed need, and the summary lines (total, lowest and highest per
// capita, their ratio, the Gini coefficient, gainers and losers). Its
// figures are costing/grant's.
func GrantReport(g *grant.Result, o Options) *Document {
	lang := language(o.Lang, g.Language)
	v := &view{r: &costing.Result{}, lang: lang, num: numbers{lang: lang, decimals: g.MoneyDecimals}}
	gv := &grantView{view: v, g: g}
	d := &Document{Report: "grant", Lang: lang, Name: g.Name, Currency: g.Currency, Title: g.Title.In(v.lang),
		Lines: []string{fmt.Sprintf("%s %s · %s · %s %d · %s", v.l("grant_formula"), g.Name, g.Currency, v.l("year"), g.Year, fmt.Sprintf("%d %s", len(g.Rows), pluralInt(v.lang, len(g.Rows), "municipalities")))}}
	if g.Caveat != "" {
		d.Lines = append(d.Lines, v.l("caveat")+": "+g.Caveat)
	}
	cur := " (" + g.Currency + ")"
	alloc := gv.allocationTable()
	d.Sections = []*Section{
		{Heading: v.l("grant_pot") + cur, Tables: []*Table{gv.potTable()}},
		{Heading: v.l("grant_allocation") + cur, Tables: []*Table{alloc}, Charts: []*Chart{gv.allocationChart(alloc)}},
		{Heading: v.l("grant_summary") + cur, Tables: []*Table{gv.summaryTable()}},
	}
	return d
}

// Grant writes GrantReport in format. Its CSV can be read back as the
// --baseline of a later run (scenarios.ReadBaseline).
func Grant(w io.Writer, g *grant.Result, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	return Render(w, GrantReport(g, o), o, format)
}

type grantView struct {
	*view
	g *grant.Result
}

func (v *grantView) money(d decimal.Decimal) string { return v.num.money(d) }

// alloc writes an allocation with the decimals it is rounded to.
func (v *grantView) alloc(d decimal.Decimal) string {
	return numbers{lang: v.lang, decimals: v.g.Decimals}.money(d)
}

// allocCell is an allocation, with the decimals it is rounded to; moneyCell
// any other amount, with the currency's.
func (v *grantView) allocCell(d decimal.Decimal) Cell { return Money(d, v.g.Decimals) }
func (v *grantView) moneyCell(d decimal.Decimal) Cell { return Money(d, v.g.MoneyDecimals) }
func shareCell(d decimal.Decimal) Cell                { return Figure(KindShare, d, 2) }

func (v *grantView) potTable() *Table {
	g := v.g
	t := &Table{Key: "grant_criteria", Columns: []Column{v.col("grant_criterion"), v.col("grant_column"), v.col("grant_transform"),
		v.numCol("grant_weight"), v.numCol("grant_indicator_total")}}
	for _, c := range g.Criteria {
		col := c.Column
		if c.Per != "" {
			col += " ÷ " + c.Per
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{Words(c.Title.In(v.lang)), Words(col), Words(v.l("transform_" + c.Transform)), shareCell(c.Weight), Figure(KindQuantity, c.Total, 0)}})
	}
	t.Notes = append(t.Notes, v.l("grant_pot")+": "+v.alloc(g.Pot)+" — "+v.potHow())
	if g.LumpSums.IsPositive() {
		t.Notes = append(t.Notes, fmt.Sprintf("%s: %s; %s: %s", v.l("grant_lump_sums"), v.alloc(g.LumpSums), v.l("grant_by_formula"), v.alloc(g.Summary.ByFormula)))
	}
	return t
}

// potHow says how the pot was reached, with the numbers.
func (v *grantView) potHow() string {
	g := v.g
	switch g.PotKind {
	case "share":
		return fmt.Sprintf(v.l("grant_pot_share"), v.num.group(g.PotShare.String()), v.money(g.PotBase))
	case "cost_based":
		return fmt.Sprintf(v.l("grant_pot_cost"), v.origin(g.NeedFrom), v.money(g.PotBase), v.num.group(g.PotShare.String()))
	}
	return v.l("grant_pot_fixed")
}

// allocationTable is every municipality's allocation, a row each, and the
// total. Its columns are the ones the grant has figures for: population,
// lump sums, per child, baseline and change, need and gap are there only
// when the grant's data has them.
func (v *grantView) allocationTable() *Table {
	g := v.g
	t := &Table{Key: "allocation", Columns: []Column{v.col("municipality")}}
	col := func(key, as string) { t.Columns = append(t.Columns, Column{Label: v.l(key), Key: as, Numeric: true}) }
	if g.HasPopulation {
		col("population", "population")
	}
	col("grant_share", "share")
	if g.LumpSums.IsPositive() {
		col("grant_lump", "lump_sum")
	}
	col("grant_allocation_col", "allocation")
	if g.HasPopulation {
		col("per_inhabitant_col", "per_capita")
	}
	if g.HasChildren {
		col("grant_per_child", "per_child")
	}
	if g.HasBaseline {
		col("grant_baseline", "baseline")
		col("grant_change", "change")
		col("grant_change_pct", "change_share")
	}
	if g.HasNeed {
		col("grant_need", "need")
		col("grant_gap", "gap")
	}
	t.Columns = append(t.Columns, Column{Label: v.l("grant_rule"), Key: "rule"})
	for _, r := range g.Rows {
		t.Rows = append(t.Rows, Row{Key: r.Name, Cells: v.allocationRow(r)})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: v.allocationTotal()})
	t.Notes = append(t.Notes, v.allocationNotes()...)
	return t
}

// allocationRow is a municipality's row, in allocationTable's columns.
func (v *grantView) allocationRow(r grant.Row) []Cell {
	g := v.g
	row := []Cell{Words(r.Name)}
	if g.HasPopulation {
		row = append(row, Figure(KindQuantity, r.Population, 0))
	}
	row = append(row, shareCell(r.Share))
	if g.LumpSums.IsPositive() {
		row = append(row, v.allocCell(r.Lump))
	}
	row = append(row, v.allocCell(r.Allocation))
	if g.HasPopulation {
		row = append(row, v.moneyCell(r.PerCapita))
	}
	if g.HasChildren {
		row = append(row, v.moneyCell(r.PerChild))
	}
	if g.HasBaseline {
		chg := Blank()
		if r.Baseline.IsPositive() {
			chg = shareCell(r.ChangeShare)
		}
		row = append(row, v.moneyCell(r.Baseline), v.moneyCell(r.Change), chg)
	}
	if g.HasNeed {
		row = append(row, v.moneyCell(r.Need), v.moneyCell(r.Gap))
	}
	rule := Blank()
	if r.Bound != "" {
		rule = Words(v.l("bound_" + r.Bound))
	}
	return append(row, rule)
}

// allocationTotal is the total row, in allocationTable's columns: the
// summary's figures, the average per inhabitant, and blanks where a total
// says nothing (per child, the change in per cent, the rule).
func (v *grantView) allocationTotal() []Cell {
	g := v.g
	total := []Cell{Words(v.l("total"))}
	if g.HasPopulation {
		total = append(total, Figure(KindQuantity, g.Summary.Population, 0))
	}
	total = append(total, shareCell(decimal.NewFromInt(1)))
	if g.LumpSums.IsPositive() {
		total = append(total, v.allocCell(g.LumpSums))
	}
	total = append(total, v.allocCell(g.Summary.Total))
	if g.HasPopulation {
		avg := Blank()
		if g.Summary.Population.IsPositive() {
			avg = v.moneyCell(g.Summary.PerCapita)
		}
		total = append(total, avg)
	}
	if g.HasChildren {
		total = append(total, Blank())
	}
	if g.HasBaseline {
		total = append(total, v.moneyCell(g.Summary.Baseline), v.moneyCell(g.Summary.Change), Blank())
	}
	if g.HasNeed {
		total = append(total, v.moneyCell(g.Summary.Need), v.moneyCell(g.Summary.Gap))
	}
	return append(total, Blank())
}

// allocationChart is a bar for each municipality's allocation per
// inhabitant (or its allocation, when the data has no population).
func (v *grantView) allocationChart(t *Table) *Chart {
	key, axis := "allocation", v.g.Currency
	if v.g.HasPopulation {
		key, axis = "per_capita", v.g.Currency+" "+v.l("per_inhabitant_col")
	}
	c := &Chart{Title: v.l("grant_allocation"), Kind: ChartBars, Table: t, ValueAxis: axis, CategoryAxis: v.l("municipality")}
	for i, col := range t.Columns {
		if col.Key == key {
			c.Columns = []int{i}
		}
	}
	return c
}

// allocationNotes are the notes under the allocation table: where the need
// and the baseline come from, each column's source, and the formula's
// notes.
func (v *grantView) allocationNotes() []string {
	g := v.g
	var notes []string
	if g.HasNeed {
		notes = append(notes, v.l("grant_gap_note")+" "+v.l("grant_need_from")+": "+v.origin(g.NeedFrom)+".")
	}
	if g.HasBaseline {
		notes = append(notes, v.l("grant_baseline_from")+": "+v.origin(g.BaselineFrom)+".")
	}
	for _, c := range g.Sources {
		if c.Source != "" {
			notes = append(notes, fmt.Sprintf("%s %s: %s", v.l("source"), c.Column, c.Source))
		}
	}
	for _, n := range g.Notes {
		notes = append(notes, v.l("note")+": "+n)
	}
	return notes
}

func (v *grantView) summaryTable() *Table {
	g, s := v.g, v.g.Summary
	t := &Table{Key: "grant_summary", Columns: []Column{v.col("grant_item"), v.numCol("amount")}}
	add := func(total bool, key, name string, c Cell) {
		t.Rows = append(t.Rows, Row{Total: total, Key: key, Cells: []Cell{Words(name), c}})
	}
	add(true, "total", v.l("grant_total_pot"), v.allocCell(s.Total))
	if g.HasPopulation {
		add(false, "min_per_capita", v.l("grant_min_per_capita")+" ("+s.MinName+")", v.moneyCell(s.MinPerCapita))
		add(false, "max_per_capita", v.l("grant_max_per_capita")+" ("+s.MaxName+")", v.moneyCell(s.MaxPerCapita))
		ratio := Figure(KindNumber, s.Ratio, 2)
		ratio.Defined = s.Ratio.IsPositive()
		add(false, "ratio_max_min", v.l("grant_ratio"), ratio)
		add(false, "gini", v.l("grant_gini"), Figure(KindNumber, s.Gini, 4))
	}
	if g.HasBaseline {
		add(false, "gained", fmt.Sprintf("%s: %d", v.l("grant_gainers"), s.Gainers), v.moneyCell(s.Gained))
		add(false, "lost", fmt.Sprintf("%s: %d", v.l("grant_losers"), s.Losers), v.moneyCell(s.Lost.Neg()))
	}
	if g.HasNeed {
		add(false, "need", v.l("grant_need_total"), v.moneyCell(s.Need))
		add(false, "unmet_need", v.l("grant_unmet"), v.moneyCell(s.Unmet))
	}
	bound := map[string]int{}
	for _, r := range g.Rows {
		if r.Bound != "" {
			bound[r.Bound]++
		}
	}
	for _, b := range []string{"floor", "cap", "hold_harmless"} {
		if bound[b] > 0 {
			add(false, "held_"+b, fmt.Sprintf("%s: %s", v.l("grant_held"), v.l("bound_"+b)), Count(bound[b]))
		}
	}
	if !g.Scale.Equal(decimal.NewFromInt(1)) {
		add(false, "scale", v.l("grant_scale"), Figure(KindNumber, g.Scale, 6))
	}
	if !g.GainScale.Equal(decimal.NewFromInt(1)) {
		add(false, "gain_scale", v.l("grant_gain_scale"), Figure(KindNumber, g.GainScale, 6))
	}
	t.Notes = append(t.Notes, fmt.Sprintf(v.l("grant_rounding_note"), fmt.Sprintf("%d %s", g.Rounded, pluralInt(v.lang, g.Rounded, "units"))))
	if g.HasPopulation {
		t.Notes = append(t.Notes, v.l("grant_gini_note"))
	}
	return t
}

// origin says where a grant's need or baseline comes from, in the
// report's language.
func (v *grantView) origin(o grant.Origin) string {
	switch o.Kind {
	case grant.OriginColumn:
		return fmt.Sprintf(v.l("origin_column"), o.Name, o.File)
	case grant.OriginFigure:
		return fmt.Sprintf(v.l("origin_figure"), o.Name, o.Figure)
	}
	return fmt.Sprintf(v.l("origin_"+o.Kind), o.Name)
}
