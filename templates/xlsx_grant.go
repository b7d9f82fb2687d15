package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/kosto-project/kosto/costing/grant"
	"github.com/xuri/excelize/v2"
)

// GrantWorkbook writes a grant formula's allocation as a workbook: the pot
// and the weights on a Formula sheet (shaded inputs), every municipality's
// indicators on the Allocation sheet (shaded inputs) beside live formulas —
// its share Σ weight × indicator ÷ Σ indicator, its formula allocation
// lump + (pot − Σ lumps) × share, its per-capita allocation, its change
// against the baseline and its gap to need — and a chart of the allocation
// per inhabitant, over the Allocation sheet's cells. The allocation after
// floors, caps, hold-harmless and rounding by largest remainder is kosto's
// (those rules are iterative, not spreadsheet arithmetic): its column says
// "computed by kosto", is shaded grey, and a note under the table says
// what to do after a change (re-run kosto grant). Every formula cell, the
// totals too, carries its value, for viewers that do not recalculate.
func GrantWorkbook(w io.Writer, g *grant.Result, o WorkbookOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	lang := language(o.Lang, g.Language)
	x := &grantBook{f: f, g: g, lang: lang, l: func(k string) string { return label(lang, k) }, noCache: o.NoCache,
		aboutSheet: label(lang, "sheet_about"), formula: label(lang, "sheet_formula"), allocation: label(lang, "sheet_allocation")}
	if err := x.write(o); err != nil {
		return err
	}
	return writeFile(w, f, o.Date)
}

type grantBook struct {
	f    *excelize.File
	g    *grant.Result
	lang string // one of models.Languages
	// The sheets' names, in lang.
	aboutSheet, formula, allocation string
	l                               func(string) string
	noCache                         bool

	money, share, qty, input, inputMoney, head, bold, wrap int
	// computed is the allocation kosto computed: not a formula, not an
	// input; grey, bold and italic.
	computed, computedHead int
}

// Allocation sheet columns: A municipality, then one per criterion, then
// the rest at fixed offsets after them.
func (x *grantBook) colOf(k int) string { return col(2 + len(x.g.Criteria) + k) }

func (x *grantBook) write(o WorkbookOptions) error {
	f, g := x.f, x.g
	if err := f.SetSheetName("Sheet1", x.aboutSheet); err != nil {
		return err
	}
	for _, s := range []string{x.formula, x.allocation} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	var err error
	newStyle := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	moneyFmt := "#,##0.00"
	if g.MoneyDecimals == 0 {
		moneyFmt = "#,##0"
	}
	shareFmt, qtyFmt := "0.000000%", "#,##0.######"
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	x.money = newStyle(&excelize.Style{CustomNumFmt: &moneyFmt})
	x.share = newStyle(&excelize.Style{CustomNumFmt: &shareFmt})
	x.qty = newStyle(&excelize.Style{CustomNumFmt: &qtyFmt})
	x.input = newStyle(&excelize.Style{CustomNumFmt: &qtyFmt, Fill: fill, Font: &excelize.Font{Color: "1F4E79"}})
	x.inputMoney = newStyle(&excelize.Style{CustomNumFmt: &moneyFmt, Fill: fill, Font: &excelize.Font{Color: "1F4E79"}})
	x.head = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	x.bold = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, CustomNumFmt: &moneyFmt})
	x.wrap = newStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}
	x.computed = newStyle(&excelize.Style{CustomNumFmt: &moneyFmt, Fill: grey, Font: &excelize.Font{Bold: true, Italic: true}})
	x.computedHead = newStyle(&excelize.Style{Fill: grey, Font: &excelize.Font{Bold: true, Italic: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	// Page setup and the chart go on a sheet before it is streamed.
	if err := x.pages(); err != nil {
		return err
	}
	if err := x.chart(); err != nil {
		return err
	}
	if err := x.formulaSheet(); err != nil {
		return err
	}
	if err := x.allocationSheet(); err != nil {
		return err
	}
	if err := x.about(o); err != nil {
		return err
	}
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return f.SetDocProps(&excelize.DocProperties{Title: g.Title.In(x.lang), Creator: "kosto " + o.Version, Description: "Grant formula " + g.Name})
}

// pages sets how the Formula and Allocation sheets print on A4: Formula
// portrait, its table and the chart under it; Allocation landscape, its
// header row on every page, the note under the totals included.
func (x *grantBook) pages() error {
	last := 1 + len(x.g.Rows)
	cols := 1 + len(x.g.Criteria) + gColumns
	if !x.g.HasNeed {
		cols -= 2
	}
	for _, p := range []page{
		{sheet: x.formula, cols: 6, rows: x.chartTop() + x.chartRows()},
		{sheet: x.allocation, landscape: true, cols: cols, rows: last + 3, titles: true},
	} {
		p.footer = x.g.Title.In(x.lang)
		if err := setPage(x.f, p); err != nil {
			return err
		}
	}
	return nil
}

// chartTop is the Formula sheet's row under its table where the chart
// goes; chartRows how many rows of the default height it covers.
func (x *grantBook) chartTop() int { return 5 + len(x.g.Criteria) + 3 }
func (x *grantBook) chartRows() int {
	if !x.g.HasPopulation {
		return 0
	}
	return 10 + len(x.g.Rows)*3/4
}

func fl(d interface{ Float64() (float64, bool) }) float64 { v, _ := d.Float64(); return v }

// formulaSheet: the pot, the lump sums, each criterion's weight.
func (x *grantBook) formulaSheet() error {
	g := x.g
	sw, err := x.f.NewStreamWriter(x.formula)
	if err != nil {
		return err
	}
	sw.SetColWidth(1, 1, 40)
	sw.SetColWidth(2, 6, 18)
	rows := [][]any{
		{excelize.Cell{Value: text(g.Title.In(x.lang)), StyleID: x.head}},
		{str(x.l("grant_pot")), excelize.Cell{Value: fl(g.Pot), StyleID: x.inputMoney}},
		{str(x.l("grant_lump_sums")), excelize.Cell{Formula: fmt.Sprintf("SUM(%s%s:%s)", at(x.allocation), x.rangeOf(0), x.rangeEnd(0)), Value: x.cached(fl(g.LumpSums)), StyleID: x.money}},
		{},
		{excelize.Cell{Value: x.l("grant_criterion"), StyleID: x.head}, excelize.Cell{Value: x.l("grant_column"), StyleID: x.head}, excelize.Cell{Value: x.l("grant_transform"), StyleID: x.head}, excelize.Cell{Value: x.l("grant_weight"), StyleID: x.head}},
	}
	for _, c := range g.Criteria {
		rows = append(rows, []any{str(c.Title.In(x.lang)), str(c.Column), str(x.l("transform_" + c.Transform)), excelize.Cell{Value: fl(c.Weight), StyleID: x.input}})
	}
	weights := 0.0
	for _, c := range g.Criteria {
		weights += fl(c.Weight)
	}
	rows = append(rows, []any{str("Σ " + x.l("grant_weights")), nil, nil, excelize.Cell{Formula: fmt.Sprintf("SUM(D6:D%d)", 5+len(g.Criteria)), Value: x.cached(weights), StyleID: x.qty}})
	for i, r := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cached is a formula cell's cached value, or nothing for the parity test.
func (x *grantBook) cached(v any) any {
	if x.noCache {
		return nil
	}
	return v
}

// Allocation columns after the criteria.
const (
	gLump = iota
	gShare
	gFormula
	gAllocation
	gBound
	gPopulation
	gPerCapita
	gBaseline
	gChange
	gNeed
	gGap
	gColumns
)

func (x *grantBook) rangeOf(k int) string  { return fmt.Sprintf("$%s$2", x.colOf(k)) }
func (x *grantBook) rangeEnd(k int) string { return fmt.Sprintf("$%s$%d", x.colOf(k), 1+len(x.g.Rows)) }

// allocationSheet writes the Allocation sheet: a row for each
// municipality, its indicators (shaded inputs) and its figures, then the
// totals of the lump sums, shares and allocations, and a note on which
// figures are kosto's rather than formulas.
func (x *grantBook) allocationSheet() error {
	sw, err := x.f.NewStreamWriter(x.allocation)
	if err != nil {
		return err
	}
	if err := x.allocationHeader(sw); err != nil {
		return err
	}
	last := len(x.g.Rows) + 1
	for k, r := range x.g.Rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", k+2), x.allocationRow(k+2, r)); err != nil {
			return err
		}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", last+1), x.allocationTotals()); err != nil {
		return err
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", last+3), []any{str(x.l("computed_note"))}); err != nil {
		return err
	}
	return sw.Flush()
}

// allocationHeader writes the Allocation sheet's titles — the
// municipality, each criterion, the figures after them — with the column
// widths, and freezes the first row and column.
func (x *grantBook) allocationHeader(sw *excelize.StreamWriter) error {
	titles := []any{excelize.Cell{Value: x.l("municipality"), StyleID: x.head}}
	for _, c := range x.g.Criteria {
		titles = append(titles, excelize.Cell{Value: text(c.Title.In(x.lang)), StyleID: x.head})
	}
	for k, t := range []string{x.l("grant_lump"), x.l("grant_formula_share"), x.l("grant_formula_allocation"), x.allocationTitle(), x.l("grant_rule"), x.l("population"), x.l("per_inhabitant_col"), x.l("grant_baseline"), x.l("grant_change"), x.l("grant_need"), x.l("grant_gap")} {
		style := x.head
		if k == gAllocation {
			style = x.computedHead
		}
		titles = append(titles, excelize.Cell{Value: t, StyleID: style})
	}
	sw.SetColWidth(1, 1, 28)
	sw.SetColWidth(2, len(titles), 16)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return sw.SetRow("A1", titles, excelize.RowOpts{Height: 45}) // three lines: the allocation's title wraps
}

// allocationRow is a municipality's row, on row of the sheet: its
// indicators; its lump sum; its share, Σ weight × indicator ÷ Σ indicator,
// and formula allocation, lump + (pot − Σ lumps) × share, as formulas;
// kosto's allocation and the rule that bound it; then, where the data has
// them, its population and allocation per inhabitant, its baseline and
// change, its need and gap to need.
func (x *grantBook) allocationRow(row int, r grant.Row) []any {
	g := x.g
	last := len(g.Rows) + 1
	cells := []any{str(r.Name)}
	var terms []string
	for c := range g.Criteria {
		cc := col(2 + c)
		cells = append(cells, excelize.Cell{Value: fl(r.Indicators[c]), StyleID: x.input})
		terms = append(terms, fmt.Sprintf("%s$D$%d*%s%d/SUM(%s$2:%s$%d)", at(x.formula), 6+c, cc, row, cc, cc, last))
	}
	c := func(k int) string { return fmt.Sprintf("%s%d", x.colOf(k), row) }
	cells = append(cells,
		excelize.Cell{Value: fl(r.Lump), StyleID: x.inputMoney},
		excelize.Cell{Formula: strings.Join(terms, "+"), Value: x.cached(fl(r.Share)), StyleID: x.share},
		excelize.Cell{Formula: fmt.Sprintf("%s+(%s$B$2-%s$B$3)*%s", c(gLump), at(x.formula), at(x.formula), c(gShare)), Value: x.cached(fl(r.Formula)), StyleID: x.money},
		excelize.Cell{Value: fl(r.Allocation), StyleID: x.computed},
		str(r.Bound),
	)
	if g.HasPopulation {
		cells = append(cells, excelize.Cell{Value: fl(r.Population), StyleID: x.input},
			excelize.Cell{Formula: fmt.Sprintf("%s/%s", c(gAllocation), c(gPopulation)), Value: x.cached(fl(r.PerCapita)), StyleID: x.money})
	} else {
		cells = append(cells, nil, nil)
	}
	if g.HasBaseline {
		cells = append(cells, excelize.Cell{Value: fl(r.Baseline), StyleID: x.inputMoney},
			excelize.Cell{Formula: fmt.Sprintf("%s-%s", c(gAllocation), c(gBaseline)), Value: x.cached(fl(r.Change)), StyleID: x.money})
	} else {
		cells = append(cells, nil, nil)
	}
	if g.HasNeed {
		cells = append(cells, excelize.Cell{Value: fl(r.Need), StyleID: x.inputMoney},
			excelize.Cell{Formula: fmt.Sprintf("%s-%s", c(gNeed), c(gAllocation)), Value: x.cached(fl(r.Gap)), StyleID: x.money})
	}
	return cells
}

// allocationTitle is the allocation's column title: kosto's, not a formula.
func (x *grantBook) allocationTitle() string {
	return x.l("grant_allocation_col") + " (" + x.l("computed_by_kosto") + ")"
}

// allocationTotals is the totals row: the sums of the lump sums, the
// shares and the allocations, by formula and kosto's, and — where the data
// has them — of the population, the baseline and change, the need and gap,
// with the allocation per inhabitant of them all; each with its value.
func (x *grantBook) allocationTotals() []any {
	g := x.g
	last := len(g.Rows) + 1
	total := func(of func(grant.Row) float64) float64 {
		s := 0.0
		for _, r := range g.Rows {
			s += of(r)
		}
		return s
	}
	sum := func(k int, of func(grant.Row) float64, style int) excelize.Cell {
		return excelize.Cell{Formula: fmt.Sprintf("SUM(%s2:%s%d)", x.colOf(k), x.colOf(k), last), Value: x.cached(total(of)), StyleID: style}
	}
	totals := []any{str(x.l("total"))}
	for range g.Criteria {
		totals = append(totals, nil)
	}
	alloc := total(func(r grant.Row) float64 { return fl(r.Allocation) })
	totals = append(totals,
		sum(gLump, func(r grant.Row) float64 { return fl(r.Lump) }, x.bold),
		sum(gShare, func(r grant.Row) float64 { return fl(r.Share) }, x.share),
		sum(gFormula, func(r grant.Row) float64 { return fl(r.Formula) }, x.bold),
		sum(gAllocation, func(r grant.Row) float64 { return fl(r.Allocation) }, x.bold),
		nil)
	if g.HasPopulation {
		pop := total(func(r grant.Row) float64 { return fl(r.Population) })
		var per any
		if pop > 0 {
			per = x.cached(alloc / pop)
		}
		c := func(k int) string { return fmt.Sprintf("%s%d", x.colOf(k), last+1) }
		totals = append(totals, sum(gPopulation, func(r grant.Row) float64 { return fl(r.Population) }, x.qty),
			excelize.Cell{Formula: fmt.Sprintf("%s/%s", c(gAllocation), c(gPopulation)), Value: per, StyleID: x.bold})
	} else {
		totals = append(totals, nil, nil)
	}
	if g.HasBaseline {
		totals = append(totals, sum(gBaseline, func(r grant.Row) float64 { return fl(r.Baseline) }, x.bold),
			sum(gChange, func(r grant.Row) float64 { return fl(r.Change) }, x.bold))
	} else {
		totals = append(totals, nil, nil)
	}
	if g.HasNeed {
		totals = append(totals, sum(gNeed, func(r grant.Row) float64 { return fl(r.Need) }, x.bold),
			sum(gGap, func(r grant.Row) float64 { return fl(r.Gap) }, x.bold))
	}
	return totals
}

// chart shows the allocation per inhabitant by municipality, from the
// Allocation sheet's per-inhabitant formulas, on the Formula sheet under
// its table: a bar each, from zero.
func (x *grantBook) chart() error {
	if !x.g.HasPopulation {
		return nil
	}
	// The Formula sheet's widths first: excelize places a chart by them.
	if err := x.f.SetColWidth(x.formula, "A", "A", 40); err != nil {
		return err
	}
	if err := x.f.SetColWidth(x.formula, "B", "F", 18); err != nil {
		return err
	}
	last := 1 + len(x.g.Rows)
	pc := x.colOf(gPerCapita)
	c := chart(excelize.Bar, x.l("chart_per_inhabitant")+" ("+x.g.Currency+")", []excelize.ChartSeries{{
		Name:       fmt.Sprintf("%s$%s$1", at(x.allocation), pc),
		Categories: fmt.Sprintf("%s$A$2:$A$%d", at(x.allocation), last),
		Values:     fmt.Sprintf("%s$%s$2:$%s$%d", at(x.allocation), pc, pc, last),
	}}, x.l("municipality"), x.g.Currency+" "+x.l("per_inhabitant"), "none")
	// Municipalities top to bottom in the table's order.
	c.XAxis.ReverseOrder = true
	c.Dimension = excelize.ChartDimension{Width: uint(colPx(40) + 5*colPx(18)), Height: uint(rowPx*float64(x.chartRows()) - 12)}
	return x.f.AddChart(x.formula, fmt.Sprintf("A%d", x.chartTop()), c)
}

func (x *grantBook) about(o WorkbookOptions) error {
	g := x.g
	rows := [][]string{
		{g.Title.In(x.lang)},
		{x.l("grant_formula"), g.Name},
		{x.l("caveat"), g.Caveat},
		{x.l("grant_data"), g.DataFile},
		{x.l("about_exported"), o.Date},
		{"kosto", o.Version},
		{},
		{x.l("about_how_to_read")},
		{x.formula, x.l("about_formula")},
		{x.allocation, x.l("about_allocation")},
	}
	for _, n := range g.Notes {
		rows = append(rows, []string{x.l("note"), n})
	}
	return writeAbout(x.f, x.aboutSheet, rows, x.head, x.wrap, g.Title.In(x.lang))
}
