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
// from that year on; the discount rate is a shaded input.
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
	n := len(vs.Years)
	last := 1 + n
	dec := x.r.Graph.Decimals
	total := func(w *xlsxWriter, k int) string {
		return fmt.Sprintf("%s!$%s$%d", w.sh.calc, col(calcYears+k), w.row[w.r.Total])
	}
	cum := 0.0
	for k, y := range vs.Years {
		row := k + 2
		bf, _ := vs.BaseTotal[k].Float64()
		vf, _ := vs.VariantTotal[k].Float64()
		df, _ := vs.Difference[k].Float64()
		cum += df
		cumCell := fmt.Sprintf("D%d", row)
		if k > 0 {
			cumCell = fmt.Sprintf("E%d+D%d", row-1, row)
		}
		rate, _ := vs.DiscountRate.Float64()
		factor := 1 / math.Pow(1+rate, float64(k))
		stays := fmt.Sprintf("IF(E%d<=0,1,0)", row)
		if k < n-1 {
			stays = fmt.Sprintf("IF(AND(E%d<=0,H%d=1),1,0)", row, row+1)
		}
		cells := []any{y,
			excelize.Cell{Formula: total(base, k), Value: bf, StyleID: x.money},
			excelize.Cell{Formula: total(x, k), Value: vf, StyleID: x.money},
			excelize.Cell{Formula: fmt.Sprintf("C%d-B%d", row, row), Value: df, StyleID: x.money},
			excelize.Cell{Formula: cumCell, Value: cum, StyleID: x.money},
			excelize.Cell{Formula: fmt.Sprintf("1/(1+$K$2)^%d", k), Value: factor, StyleID: x.qty},
			excelize.Cell{Formula: fmt.Sprintf("D%d*F%d", row, row), Value: df * factor, StyleID: x.money},
			excelize.Cell{Formula: stays, StyleID: x.qty},
		}
		if k == 0 {
			cells = append(cells, nil, str("discount rate"), excelize.Cell{Value: rate, StyleID: x.input})
		}
		if x.noCache {
			for i := range cells {
				if c, ok := cells[i].(excelize.Cell); ok && c.Formula != "" {
					c.Value = nil
					cells[i] = c
				}
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells); err != nil {
			return err
		}
	}
	npv, _ := vs.NPV.Float64()
	be := any(l("none_within"))
	if vs.BreakEven != 0 {
		be = vs.BreakEven
	}
	summary := [][]any{
		{},
		{str(l("npv")), excelize.Cell{Formula: fmt.Sprintf("ROUND(SUM(G2:G%d),%d)", last, dec), Value: npv, StyleID: x.bold}},
		{str(l("break_even")), excelize.Cell{Formula: fmt.Sprintf(`IFERROR(INDEX(A2:A%d,MATCH(1,H2:H%d,0)),"%s")`, last, last, l("none_within")), Value: be}},
		{str(l("versus_note"))},
	}
	for i, cells := range summary {
		if x.noCache {
			for j := range cells {
				if c, ok := cells[j].(excelize.Cell); ok && c.Formula != "" {
					c.Value = nil
					cells[j] = c
				}
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", last+1+i), cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// compareAbout says what a comparison workbook is.
func (x *xlsxWriter) compareAbout(vs *costing.Versus, o WorkbookOptions) error {
	rows := [][]string{
		{x.v.l("compare_scenarios")},
		{x.v.l("base"), vs.Base.Result.Scenario.Name + " — " + vs.Base.Result.Scenario.Title},
		{x.v.l("variant"), vs.Variant.Result.Scenario.Name + " — " + vs.Variant.Result.Scenario.Title},
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
