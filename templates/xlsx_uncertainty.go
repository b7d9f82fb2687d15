package templates

import (
	"fmt"
	"io"
	"math"

	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/xuri/excelize/v2"
)

// Sheets of the uncertainty workbook.
const (
	sheetDraws       = "Draws"
	sheetUncertainty = "Uncertainty"
)

// UncertaintyWorkbook writes the workbook of kosto uncertainty: About says
// what it is and that kosto computed the draws; Draws holds every draw of
// every ranged input and of every year's total (and, for a comparison, of
// each year's difference and of the NPV) as values; Uncertainty holds the
// percentiles and probabilities as live formulas over them, with the fan
// chart of the budget by year and, given a tornado, its table and chart.
func UncertaintyWorkbook(w io.Writer, sm *uncertainty.Summary, tor *uncertainty.Tornado, o WorkbookOptions) error {
	out := sm.Outcome
	st := out.Study
	v := newView(st.Results[0], o.Options)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "About"); err != nil {
		return err
	}
	for _, s := range []string{sheetUncertainty, sheetDraws} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	x := &xlsxWriter{v: v, r: st.Results[0], f: f}
	if err := x.styles(); err != nil {
		return err
	}
	cols, err := x.draws(sm)
	if err != nil {
		return err
	}
	if err := x.uncertaintySheet(sm, cols, tor); err != nil {
		return err
	}
	if err := x.uncertaintyAbout(sm, o); err != nil {
		return err
	}
	if err := x.finish(o, "Uncertainty of "+st.Results[len(st.Results)-1].Scenario.Name); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// drawColumns says where each series of draws is on the Draws sheet: the
// columns of each scenario's total by year, of the difference by year and
// of the NPV.
type drawColumns struct {
	total [][]int // scenario → year → column
	diff  []int   // year → column; nil for one scenario
	npv   int
	first int // the first row of draws
	last  int
}

func (c drawColumns) rangeOf(column int) string {
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", sheetDraws, col(column), c.first, col(column), c.last)
}

// draws streams the Draws sheet: a row a draw.
func (x *xlsxWriter) draws(sm *uncertainty.Summary) (drawColumns, error) {
	out := sm.Outcome
	st := out.Study
	sw, err := x.f.NewStreamWriter(sheetDraws)
	if err != nil {
		return drawColumns{}, err
	}
	titles := []string{"draw"}
	for _, in := range st.Inputs {
		titles = append(titles, in.Name)
	}
	c := drawColumns{first: 2, last: 1 + out.Options.Draws}
	for _, r := range st.Results {
		var ys []int
		for _, y := range out.Years {
			ys = append(ys, len(titles)+1)
			titles = append(titles, fmt.Sprintf("%s %s %d", r.Scenario.Name, x.v.l("total"), y))
		}
		c.total = append(c.total, ys)
	}
	if sm.Comparison != nil {
		for _, y := range out.Years {
			c.diff = append(c.diff, len(titles)+1)
			titles = append(titles, fmt.Sprintf("%s %d", x.v.l("difference"), y))
		}
		c.npv = len(titles) + 1
		titles = append(titles, x.v.l("npv"))
	}
	widths := make([]float64, len(titles))
	for i := range widths {
		widths[i] = 16
	}
	if err := x.header(sw, sheetDraws, widths, titles...); err != nil {
		return c, err
	}
	discount := 0.0
	if sm.Versus != nil {
		discount = sm.Versus.DiscountRate.InexactFloat64()
	}
	var rates []float64 // the drawn discount rate, when it has a range
	for j, in := range st.Inputs {
		if in.Discount() {
			rates = out.Samples[j]
		}
	}
	row := make([]any, len(titles))
	for i := 0; i < out.Options.Draws; i++ {
		row = row[:0]
		row = append(row, i+1)
		for j := range st.Inputs {
			row = append(row, out.Samples[j][i])
		}
		for s := range st.Results {
			for k := range out.Years {
				row = append(row, number(out.Draws(s, 0, k)[i]))
			}
		}
		if sm.Comparison != nil {
			rate := discount
			if rates != nil {
				rate = rates[i]
			}
			npv := 0.0
			for k := range out.Years {
				d := out.Draws(1, 0, k)[i] - out.Draws(0, 0, k)[i]
				row = append(row, number(d))
				npv += d / math.Pow(1+rate, float64(k))
			}
			row = append(row, number(npv))
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return c, err
		}
	}
	return c, sw.Flush()
}

// number is a draw for a cell: an undefined figure is left empty.
func number(x float64) any {
	if x != x {
		return nil
	}
	return x
}

// uncertaintySheet writes the percentiles and probabilities as formulas
// over the Draws sheet, with the engine's values cached, and the charts.
func (x *xlsxWriter) uncertaintySheet(sm *uncertainty.Summary, c drawColumns, tor *uncertainty.Tornado) error {
	out := sm.Outcome
	st := out.Study
	l := x.v.l
	f := x.f
	put := func(cell string, v any) error {
		switch t := v.(type) {
		case string:
			return f.SetCellStr(sheetUncertainty, cell, text(t))
		default:
			return f.SetCellValue(sheetUncertainty, cell, t)
		}
	}
	formula := func(cell, fm string, cached float64) error {
		if cached == cached { // the engine's value, cached under the formula
			if err := f.SetCellValue(sheetUncertainty, cell, cached); err != nil {
				return err
			}
		}
		return f.SetCellFormula(sheetUncertainty, cell, fm)
	}
	at := func(column, row int) string { s, _ := excelize.CoordinatesToCellName(column, row); return s }
	if err := f.SetColWidth(sheetUncertainty, "A", "A", 34); err != nil {
		return err
	}
	if err := f.SetColWidth(sheetUncertainty, "B", "H", 16); err != nil {
		return err
	}
	if err := put("A1", l("unc_title")+" "+st.Results[len(st.Results)-1].Scenario.Title.In(x.v.lang)); err != nil {
		return err
	}
	if err := put("A2", l("unc_float_note")); err != nil {
		return err
	}
	row := 4
	stats := func(rng string) [][2]string {
		return [][2]string{{l("unc_p5"), "PERCENTILE(" + rng + ",0.05)"}, {l("unc_p50"), "PERCENTILE(" + rng + ",0.5)"},
			{l("unc_p95"), "PERCENTILE(" + rng + ",0.95)"}, {l("unc_mean"), "AVERAGE(" + rng + ")"}}
	}
	var fans [][3]int // scenario's table: header row, first and last year rows
	for s, r := range st.Results {
		if err := put(at(1, row), r.Scenario.Name+": "+l("unc_budget")+" ("+r.Scenario.Currency+")"); err != nil {
			return err
		}
		row++
		head := row
		titles := []string{l("year"), l("unc_deterministic")}
		for _, t := range stats("") {
			titles = append(titles, t[0])
		}
		for i, t := range titles {
			if err := put(at(1+i, row), t); err != nil {
				return err
			}
		}
		row++
		first := row
		for k, y := range out.Years {
			det, _ := sm.Projections[s].Value(k, r.Total)
			if err := put(at(1, row), y); err != nil {
				return err
			}
			if err := put(at(2, row), det.InexactFloat64()); err != nil {
				return err
			}
			x := sm.Stats[s][0][k]
			cached := []float64{x.P5, x.P50, x.P95, x.Mean}
			for i, t := range stats(c.rangeOf(c.total[s][k])) {
				if err := formula(at(3+i, row), t[1], cached[i]); err != nil {
					return err
				}
			}
			row++
		}
		fans = append(fans, [3]int{head, first, row - 1})
		row++
	}
	if cm := sm.Comparison; cm != nil {
		if err := put(at(1, row), l("unc_compare")); err != nil {
			return err
		}
		row++
		for i, t := range []string{l("year"), l("difference"), l("unc_p5"), l("unc_p50"), l("unc_p95"), l("unc_mean"), l("unc_cheaper"), l("unc_broken_even_by")} {
			if err := put(at(1+i, row), t); err != nil {
				return err
			}
		}
		row++
		for k, y := range out.Years {
			rng := c.rangeOf(c.diff[k])
			if err := put(at(1, row), y); err != nil {
				return err
			}
			if err := put(at(2, row), sm.Versus.Difference[k].InexactFloat64()); err != nil {
				return err
			}
			x := cm.Difference[k]
			cached := []float64{x.P5, x.P50, x.P95, x.Mean}
			for i, t := range stats(rng) {
				if err := formula(at(3+i, row), t[1], cached[i]); err != nil {
					return err
				}
			}
			if err := formula(at(7, row), fmt.Sprintf(`COUNTIF(%s,"<0")/COUNT(%s)`, rng, rng), cm.Cheaper[k]); err != nil {
				return err
			}
			// Broken even by year y: the running difference stays at or below
			// zero from some year up to y on — kosto's share, as a value.
			if err := put(at(8, row), cm.BreakEvenBy[k]); err != nil {
				return err
			}
			row++
		}
		row++
		npv := c.rangeOf(c.npv)
		x := cm.NPV
		cached := []float64{x.P5, x.P50, x.P95, x.Mean}
		if err := put(at(1, row), l("npv")); err != nil {
			return err
		}
		if err := put(at(2, row), sm.Versus.NPV.InexactFloat64()); err != nil {
			return err
		}
		for i, t := range stats(npv) {
			if err := formula(at(3+i, row), t[1], cached[i]); err != nil {
				return err
			}
		}
		row++
		if err := put(at(1, row), l("unc_npv_below")); err != nil {
			return err
		}
		if err := formula(at(2, row), fmt.Sprintf(`COUNTIF(%s,"<0")/COUNT(%s)`, npv, npv), cm.NPVBelowZero); err != nil {
			return err
		}
		row += 2
	}
	tornadoAt := 0
	if tor != nil && len(tor.Bars) > 0 {
		if err := put(at(1, row), l("tornado_title")); err != nil {
			return err
		}
		row++
		for i, t := range []string{l("unc_input"), l("tornado_at_low"), l("tornado_at_high"), l("tornado_swing")} {
			if err := put(at(1+i, row), t); err != nil {
				return err
			}
		}
		tornadoAt = row
		for _, b := range tor.Bars {
			row++
			for i, v := range []any{b.Input.Name, b.AtLow.InexactFloat64(), b.AtHigh.InexactFloat64(), b.Swing.InexactFloat64()} {
				if err := put(at(1+i, row), v); err != nil {
					return err
				}
			}
		}
	}
	for s, fan := range fans {
		var series []excelize.ChartSeries
		for i := 3; i <= 5; i++ {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$%d", sheetUncertainty, col(i), fan[0]),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheetUncertainty, fan[1], fan[2]),
				Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheetUncertainty, col(i), fan[1], col(i), fan[2]),
			})
		}
		if err := f.AddChart(sheetUncertainty, fmt.Sprintf("J%d", 4+s*22), &excelize.Chart{
			Type: excelize.Line, Series: series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: st.Results[s].Scenario.Name + ": " + l("unc_fan")}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 720, Height: 400},
		}); err != nil {
			return err
		}
	}
	if tornadoAt > 0 {
		n := len(tor.Bars)
		var series []excelize.ChartSeries
		for i := 2; i <= 3; i++ {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$%d", sheetUncertainty, col(i), tornadoAt),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sheetUncertainty, tornadoAt+1, tornadoAt+n),
				Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sheetUncertainty, col(i), tornadoAt+1, col(i), tornadoAt+n),
			})
		}
		if err := f.AddChart(sheetUncertainty, fmt.Sprintf("J%d", 4+len(fans)*22), &excelize.Chart{
			Type: excelize.Bar, Series: series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l("tornado_title")}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 720, Height: uint(60 + 24*n)},
		}); err != nil {
			return err
		}
	}
	return nil
}

// uncertaintyAbout says what the workbook is, and that kosto computed the
// draws.
func (x *xlsxWriter) uncertaintyAbout(sm *uncertainty.Summary, o WorkbookOptions) error {
	out := sm.Outcome
	l := x.v.l
	method := l("unc_lhs")
	if out.Options.Method == "random" {
		method = l("unc_random")
	}
	rows := [][]string{
		{l("unc_title")},
		{l("scenario"), x.r.Scenario.Name},
		{"kosto", o.Version},
		{"Exported", o.Date},
		{"", fmt.Sprintf(l("unc_line"), out.Options.Draws, out.Options.Seed, method, len(out.Study.Inputs))},
		{},
		{sheetDraws, "The draws were computed by kosto, not by this workbook: every draw of every ranged input and of every year's total, as values. Changing them does not re-cost the scenario; run kosto uncertainty again."},
		{sheetUncertainty, "The percentiles (PERCENTILE, the same as PERCENTILE.INC), means and probabilities (COUNTIF) are live formulas over the Draws sheet; the scenario's own figures beside them are kosto's exact decimals. The fan chart draws P5, P50 and P95 of the budget by year; the tornado chart each ranged input swung from its low to its high."},
		{"", l("unc_float_note")},
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
