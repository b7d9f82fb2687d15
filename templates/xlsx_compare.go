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
	if err := f.SetSheetName("Sheet1", "About"); err != nil {
		return err
	}
	if _, err := f.NewSheet(sheetComparison); err != nil {
		return err
	}
	names := map[string]bool{}
	writer := func(r *costing.Result, prefix string) *xlsxWriter {
		return &xlsxWriter{v: newView(r, o.Options), r: r, f: f, cell: make([]string, len(r.Graph.Nodes)),
			noCache: o.NoCache, sh: sheetsFor(prefix), names: names, namePrefix: prefix + "_", years: true}
	}
	base, variant := writer(vs.Base.Result, "Base"), writer(vs.Variant.Result, "Variant")
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
	_, err := f.WriteTo(w)
	return err
}

const sheetComparison = "Comparison"

// comparison writes the Comparison sheet. Columns: year, base, variant,
// difference, cumulative difference, discount factor, discounted
// difference, and whether the running difference stays at or below zero
// from that year on; the discount rate is a shaded input. The net present
// value and the break-even year follow the years.
func (x *xlsxWriter) comparison(vs *costing.Versus, base *xlsxWriter) error {
	l := x.v.l
	sw, err := x.f.NewStreamWriter(sheetComparison)
	if err != nil {
		return err
	}
	if err := x.header(sw, sheetComparison, []float64{10, 20, 20, 20, 22, 14, 20, 14, 4, 22, 14},
		l("year"), l("base")+": "+vs.Base.Result.Scenario.Name, l("variant")+": "+vs.Variant.Result.Scenario.Name,
		l("difference"), l("cumulative"), "discount factor", "discounted difference", "≤ 0 from here", "", "", ""); err != nil {
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
	last := 1 + len(vs.Years)
	for i, cells := range x.comparisonSummary(vs) {
		if err := sw.SetRow(fmt.Sprintf("A%d", last+1+i), x.uncached(cells)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// comparisonYear is year k's row of the Comparison sheet, cum the running
// difference up to it; the first year's row also holds the discount rate.
func (x *xlsxWriter) comparisonYear(vs *costing.Versus, base *xlsxWriter, k int, cum float64) []any {
	total := func(w *xlsxWriter) string {
		return fmt.Sprintf("%s!$%s$%d", w.sh.calc, col(calcYears+k), w.row[w.r.Total])
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
		cells = append(cells, nil, str("discount rate"), excelize.Cell{Value: rate, StyleID: x.input})
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
		{"Exported", o.Date},
		{"kosto", o.Version},
		{},
		{"How to read this workbook"},
		{"Comparison", "Each year's budget of both scenarios, the difference (variant − base), its running sum, the discounted difference at the shaded discount rate, the net present value and the break-even year: all formulas."},
		{"Base_… and Variant_…", "Each scenario's Inputs (shaded cells can be changed), Paths, Calculations (a column per year), Results and Trace, as in a workbook of one scenario."},
	}
	if err := x.f.SetColWidth("About", "A", "A", 24); err != nil {
		return err
	}
	if err := x.f.SetColWidth("About", "B", "B", 110); err != nil {
		return err
	}
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := x.f.SetCellStr("About", cell, text(c)); err != nil {
				return err
			}
		}
	}
	return nil
}
