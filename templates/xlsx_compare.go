package templates

import (
	"fmt"
	"io"
	"math"

	"github.com/kosto-project/kosto/costing"
	"github.com/xuri/excelize/v2"
)

// CompareWorkbook writes two scenarios side by side: each with its own
// Inputs, Paths, Calculations, Results and Trace (Base_… and Variant_…), a
// column per year, and a Comparison sheet whose every figure is a formula
// over the two — each year's totals, the difference, its running sum, the
// discounted difference at a shaded discount rate, the net present value
// and the break-even year. Change an input of either scenario, or the
// discount rate, and the comparison moves.
func CompareWorkbook(w io.Writer, vs *costing.Versus, o WorkbookOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	lang := language(o.Lang, vs.Variant.Result.Scenario.Language)
	top := sheetsFor("", lang)
	if err := f.SetSheetName("Sheet1", top.about); err != nil {
		return err
	}
	if _, err := f.NewSheet(top.comparison); err != nil {
		return err
	}
	names := map[string]bool{}
	writer := func(r *costing.Result, prefix string) *xlsxWriter {
		return &xlsxWriter{v: newView(r, o.Options), r: r, f: f, cell: make([]string, len(r.Graph.Nodes)),
			noCache: o.NoCache, sh: sheetsFor(prefix, lang), names: names, namePrefix: prefix + "_", years: true,
			title: prefix + ": " + r.Scenario.Title.In(language(o.Lang, r.Scenario.Language))}
	}
	base, variant := writer(vs.Base.Result, "base"), writer(vs.Variant.Result, "variant")
	for _, x := range []*xlsxWriter{base, variant} {
		if err := x.sheets(); err != nil {
			return err
		}
	}
	if err := variant.comparison(vs, base); err != nil {
		return err
	}
	if err := variant.compareAbout(vs, o); err != nil {
		return err
	}
	if err := variant.finish(o, fmt.Sprintf("%s against %s", vs.Variant.Result.Scenario.Name, vs.Base.Result.Scenario.Name)); err != nil {
		return err
	}
	return writeFile(w, f, o.Date)
}

// compareTitle is a comparison's title, in its pages' footers.
func (x *xlsxWriter) compareTitle(vs *costing.Versus) string {
	return vs.Variant.Result.Scenario.Name + " − " + vs.Base.Result.Scenario.Name
}

// comparison writes the Comparison sheet. Columns: year, base, variant,
// difference, cumulative difference, discount factor, discounted
// difference, and whether the running difference stays at or below zero
// from that year on; the discount rate is a shaded input. The net present
// value and the break-even year follow the years.
func (x *xlsxWriter) comparison(vs *costing.Versus, base *xlsxWriter) error {
	l := x.v.l
	// The column widths, then the charts below the table (excelize places
	// a chart by the widths the sheet has when it is added), and how it
	// prints: all before the sheet is streamed.
	widths := []float64{30, 24, 24, 16, 18, 10, 16, 10, 3, 14, 10}
	for i, wd := range widths {
		if err := x.f.SetColWidth(x.sh.comparison, col(i+1), col(i+1), wd); err != nil {
			return err
		}
	}
	last := 1 + len(vs.Years)
	chartTop := last + 7
	if err := x.comparisonCharts(vs, chartTop, widths); err != nil {
		return err
	}
	if err := setPage(x.f, page{sheet: x.sh.comparison, landscape: true, cols: 11, rows: chartTop + chartRows, onePage: true, footer: x.compareTitle(vs)}); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(x.sh.comparison)
	if err != nil {
		return err
	}
	// The header row wraps: the scenarios' names are long.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	var head []any
	for _, t := range []string{l("year"), l("base") + ": " + vs.Base.Result.Scenario.Name, l("variant") + ": " + vs.Variant.Result.Scenario.Name,
		l("difference"), l("cumulative"), l("discount_factor"), l("discounted_difference"), l("at_or_below_zero")} {
		head = append(head, excelize.Cell{Value: text(t), StyleID: x.headWrap})
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	cum := 0.0
	for k := range vs.Years {
		df, _ := vs.Difference[k].Float64()
		cum += df
		if err := sw.SetRow(fmt.Sprintf("A%d", k+2), x.uncached(x.comparisonYear(vs, base, k, cum))); err != nil {
			return err
		}
	}
	for i, cells := range x.comparisonSummary(vs) {
		if err := sw.SetRow(fmt.Sprintf("A%d", last+1+i), x.uncached(cells)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// comparisonCharts draws, under the Comparison table from row top, both
// budgets by year side by side and the cumulative difference, over the
// table's cells. The difference's axis runs from below its lowest value
// (or zero) to above its highest (or zero), so that zero, break-even, is
// always on it.
func (x *xlsxWriter) comparisonCharts(vs *costing.Versus, top int, widths []float64) error {
	l, cur := x.v.l, x.r.Scenario.Currency
	last := 1 + len(vs.Years)
	years := fmt.Sprintf("%s$A$2:$A$%d", at(x.sh.comparison), last)
	column := func(c string) excelize.ChartSeries {
		return excelize.ChartSeries{Name: fmt.Sprintf("%s$%s$1", at(x.sh.comparison), c), Categories: years,
			Values: fmt.Sprintf("%s$%s$2:$%s$%d", at(x.sh.comparison), c, c, last)}
	}
	budgets := chart(excelize.Col, l("chart_budgets")+" ("+cur+")", []excelize.ChartSeries{column("B"), column("C")}, l("axis_year"), cur, "bottom")
	budgets.Dimension = excelize.ChartDimension{Width: uint(colPx(widths[:5]...) - 10), Height: uint(rowPx*chartRows - 12)}
	if err := x.f.AddChart(x.sh.comparison, fmt.Sprintf("A%d", top), budgets); err != nil {
		return err
	}
	cum := chart(excelize.Line, l("chart_cumulative")+" ("+cur+")", []excelize.ChartSeries{column("E")}, l("axis_year"), cur, "none")
	lo, hi := 0.0, 0.0 // the axis's bounds: zero always on it
	for _, d := range vs.Cumulative {
		f, _ := d.Float64()
		lo, hi = math.Min(lo, f), math.Max(hi, f)
	}
	if lo < 0 {
		step := niceStep((hi - lo) / 6)
		lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
		cum.YAxis.Minimum, cum.YAxis.Maximum, cum.YAxis.MajorUnit = &lo, &hi, step
	}
	cum.XAxis.TickLabelPosition = excelize.ChartTickLabelLow // under the plot, not on the zero line
	cum.Dimension = excelize.ChartDimension{Width: uint(colPx(widths[5:]...) - 10), Height: uint(rowPx*chartRows - 12)}
	return x.f.AddChart(x.sh.comparison, fmt.Sprintf("F%d", top), cum)
}

// niceStep is an axis's step of at least v: 1, 2 or 5 times a power of
// ten. Bounds that are multiples of it put a gridline on zero.
func niceStep(v float64) float64 {
	if v <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= v {
			return m * mag
		}
	}
	return 10 * mag
}

// comparisonYear is year k's row of the Comparison sheet, cum the running
// difference up to it; the first year's row also holds the discount rate.
func (x *xlsxWriter) comparisonYear(vs *costing.Versus, base *xlsxWriter, k int, cum float64) []any {
	total := func(w *xlsxWriter) string {
		return fmt.Sprintf("%s$%s$%d", at(w.sh.calc), col(calcYears+k), w.row[w.r.Total])
	}
	row := k + 2
	bf, _ := vs.BaseTotal[k].Float64()
	vf, _ := vs.VariantTotal[k].Float64()
	df, _ := vs.Difference[k].Float64()
	cumCell := fmt.Sprintf("D%d", row)
	if k > 0 {
		cumCell = fmt.Sprintf("E%d+D%d", row-1, row)
	}
	rate, _ := vs.DiscountRate.Float64()
	factor := 1 / math.Pow(1+rate, float64(k))
	stays := fmt.Sprintf("IF(E%d<=0,1,0)", row)
	if k < len(vs.Years)-1 {
		stays = fmt.Sprintf("IF(AND(E%d<=0,H%d=1),1,0)", row, row+1)
	}
	cells := []any{vs.Years[k],
		excelize.Cell{Formula: total(base), Value: bf, StyleID: x.money},
		excelize.Cell{Formula: total(x), Value: vf, StyleID: x.money},
		excelize.Cell{Formula: fmt.Sprintf("C%d-B%d", row, row), Value: df, StyleID: x.money},
		excelize.Cell{Formula: cumCell, Value: cum, StyleID: x.money},
		excelize.Cell{Formula: fmt.Sprintf("1/(1+$K$2)^%d", k), Value: factor, StyleID: x.qty},
		excelize.Cell{Formula: fmt.Sprintf("D%d*F%d", row, row), Value: df * factor, StyleID: x.money},
		excelize.Cell{Formula: stays, StyleID: x.qty},
	}
	if k == 0 {
		cells = append(cells, nil, str(x.v.l("discount_rate")), excelize.Cell{Value: rate, StyleID: x.input})
	}
	return cells
}

// comparisonSummary are the rows after the years: a blank row, the net
// present value, the break-even year (the first year from which the
// running difference stays at or below zero) and a note.
func (x *xlsxWriter) comparisonSummary(vs *costing.Versus) [][]any {
	l := x.v.l
	last := 1 + len(vs.Years)
	npv, _ := vs.NPV.Float64()
	be := any(l("none_within"))
	if vs.BreakEven != 0 {
		be = vs.BreakEven
	}
	return [][]any{
		{},
		{str(l("npv")), excelize.Cell{Formula: fmt.Sprintf("ROUND(SUM(G2:G%d),%d)", last, x.r.Graph.Decimals), Value: npv, StyleID: x.bold}},
		{str(l("break_even")), excelize.Cell{Formula: fmt.Sprintf(`IFERROR(INDEX(A2:A%d,MATCH(1,H2:H%d,0)),"%s")`, last, last, l("none_within")), Value: be}},
		{str(l("versus_note"))},
	}
}

// uncached drops the cached values of a row's formulas when the workbook
// is written without them (the parity test); it returns the row.
func (x *xlsxWriter) uncached(cells []any) []any {
	if x.noCache {
		for i := range cells {
			if c, ok := cells[i].(excelize.Cell); ok && c.Formula != "" {
				c.Value = nil
				cells[i] = c
			}
		}
	}
	return cells
}

// compareAbout says what a comparison workbook is.
func (x *xlsxWriter) compareAbout(vs *costing.Versus, o WorkbookOptions) error {
	rows := [][]string{
		{x.v.l("compare_scenarios")},
		{x.v.l("base"), vs.Base.Result.Scenario.Name + " — " + vs.Base.Result.Scenario.Title.In(x.v.lang)},
		{x.v.l("variant"), vs.Variant.Result.Scenario.Name + " — " + vs.Variant.Result.Scenario.Title.In(x.v.lang)},
		{x.v.l("about_exported"), o.Date},
		{"kosto", o.Version},
		{},
		{x.v.l("about_how_to_read")},
		{x.sh.comparison, x.v.l("about_comparison")},
		{x.v.l("sheet_base") + "_… " + x.v.l("and") + " " + x.v.l("sheet_variant") + "_…", x.v.l("about_scenarios")},
	}
	return writeAbout(x.f, x.sh.about, rows, x.head, x.wrap, x.compareTitle(vs))
}
