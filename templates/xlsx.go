package templates

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/xuri/excelize/v2"
)

// A workbook is the costed scenario as a council reads it: the calculation
// graph written into cells, every figure a live formula over the inputs and
// the figures before it, so that changing an input moves every total — and,
// since the formulas are the graph's own (costing.Graph.Formula, rounding
// where the engine rounds), a spreadsheet's recalculation gives the engine's
// figures to the cent.
//
// Sheets: About (what this is, how to read it); Inputs (every input with its
// unit and source, coloured as an input, with a defined name and bounds);
// Calculations (every figure as a formula, with the engine's value as its
// cached result, so viewers that do not recalculate still show it); Results
// (the tables of kosto run, each cell a reference to a calculation); Trace
// (each result, its formula in words, the sources of its inputs).

// WorkbookOptions are what a workbook says about itself.
type WorkbookOptions struct {
	Options
	Version string // kosto's version
	Date    string // the date of the export, YYYY-MM-DD (the caller's clock)
	// NoCache leaves formulas without the engine's values as cached
	// results, so that a spreadsheet must compute every figure itself: the
	// parity test uses it.
	NoCache bool
}

// sheetNames are a writer's sheets. A workbook of one scenario has About,
// Inputs, Calculations, Results, Trace and Paths; a comparison has the same
// for each scenario, prefixed Base_ and Variant_ (underscores, so formulas
// need not quote them).
type sheetNames struct{ about, inputs, calc, results, trace, paths string }

func sheetsFor(prefix string) sheetNames {
	if prefix != "" {
		prefix += "_"
	}
	return sheetNames{about: "About", inputs: prefix + "Inputs", calc: prefix + "Calculations",
		results: prefix + "Results", trace: prefix + "Trace", paths: prefix + "Paths"}
}

// Workbook writes the costed scenario as an Excel workbook with live
// formulas.
func Workbook(w io.Writer, r *costing.Result, o WorkbookOptions) error {
	v := newView(r, o.Options)
	x := &xlsxWriter{v: v, r: r, f: excelize.NewFile(), cell: make([]string, len(r.Graph.Nodes)), noCache: o.NoCache, sh: sheetsFor(""), names: map[string]bool{}}
	defer x.f.Close()
	if err := x.write(o); err != nil {
		return err
	}
	_, err := x.f.WriteTo(w)
	return err
}

type xlsxWriter struct {
	v     *view
	r     *costing.Result
	f     *excelize.File
	sh    sheetNames
	names map[string]bool // defined names taken in the workbook
	// namePrefix makes a scenario's defined names its own in a comparison.
	namePrefix string
	cell       []string // node → its cell, "Inputs!$C$5" or "Calculations!$C$9"

	money, qty, input, inputMoney, head, bold, wrap int

	charts    []chartSpec
	yearChart *yearChartSpec
	noCache   bool
	years     bool // a column per year even where nothing moves (a comparison needs them)

	// The projection's years, when the scenario moves anything over them:
	// each year is a column of Inputs and of Calculations.
	proj  *costing.Projection
	moves map[costing.NodeID]costing.Move
	row   []int          // node → its row on Inputs or Calculations
	path  map[string]int // growth path → the row of its index on Paths
	base  int            // the base year
}

// Year columns: Inputs keeps A–H for the base year and its provenance,
// Calculations A–E; the years follow.
const (
	inputYears = 9 // column I
	calcYears  = 6 // column F
	pathYears  = 3 // column C is the year after the base year on Paths
)

func col(n int) string { c, _ := excelize.ColumnNumberToName(n); return c }

// yearRef returns how a formula in year k of Calculations names a node's
// cell in that year.
func (x *xlsxWriter) yearRef(k int) func(costing.NodeID) string {
	return func(a costing.NodeID) string {
		if x.r.Graph.Nodes[a].Op == costing.OpInput {
			return fmt.Sprintf("%s!$%s$%d", x.sh.inputs, col(inputYears+k), x.row[a])
		}
		return fmt.Sprintf("$%s$%d", col(calcYears+k), x.row[a])
	}
}

// yearValue is a node's projected value in year k, for a cached result.
func (x *xlsxWriter) yearValue(k int, id costing.NodeID) any {
	if x.noCache && x.r.Node(id).Op != costing.OpInput {
		return nil
	}
	d, ok := x.proj.Value(k, id)
	if !ok {
		return nil
	}
	f, _ := d.Float64()
	return f
}

func (x *xlsxWriter) write(o WorkbookOptions) error {
	if err := x.f.SetSheetName("Sheet1", x.sh.about); err != nil {
		return err
	}
	if err := x.sheets(); err != nil {
		return err
	}
	if err := x.about(o); err != nil {
		return err
	}
	return x.finish(o, "Costed scenario "+x.r.Scenario.Name)
}

// finish has the workbook recalculate on opening and says what it is.
func (x *xlsxWriter) finish(o WorkbookOptions, description string) error {
	// Recalculate everything when the workbook is opened: the cached values
	// are the engine's, but a changed input must move every figure.
	full := true
	if err := x.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	// About, the first sheet, is the active one. (SetActiveSheet would read
	// every streamed sheet back into memory: half the export's time.)
	return x.f.SetDocProps(&excelize.DocProperties{Title: x.r.Scenario.Title.In(x.v.lang), Creator: "kosto " + o.Version, Description: description})
}

// sheets writes a scenario's Inputs, Paths, Calculations, Results and Trace.
func (x *xlsxWriter) sheets() error {
	f := x.f
	for _, s := range []string{x.sh.inputs, x.sh.calc, x.sh.results, x.sh.trace} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	if err := x.styles(); err != nil {
		return err
	}
	// Cells first: every node's address, so formulas can refer to any node.
	x.row = make([]int, len(x.r.Graph.Nodes))
	in, calc := 2, 2
	for i, n := range x.r.Graph.Nodes {
		if n.Op == costing.OpInput {
			x.cell[i], x.row[i] = fmt.Sprintf("%s!$C$%d", x.sh.inputs, in), in
			in++
		} else {
			x.cell[i], x.row[i] = fmt.Sprintf("%s!$C$%d", x.sh.calc, calc), calc
			calc++
		}
	}
	if moves := x.r.Moves(); len(moves) > 0 || x.years {
		x.proj = x.r.Project()
		x.moves = map[costing.NodeID]costing.Move{}
		for _, mv := range moves {
			x.moves[mv.Leaf] = mv
		}
		x.base, _ = x.r.Horizon()
		if _, err := f.NewSheet(x.sh.paths); err != nil {
			return err
		}
		if err := x.paths(); err != nil {
			return err
		}
	}
	// Page setup, data validation and charts go on a sheet before its rows
	// are streamed: the stream writer keeps what the sheet has when it
	// starts, and what is set after it has flushed is lost.
	if err := x.printSetup(); err != nil {
		return err
	}
	for _, step := range []func() error{x.inputs, x.calculations, x.results, x.trace} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// printSetup prints every sheet landscape, fitted to the page's width, with
// its header row repeated on every page.
func (x *xlsxWriter) printSetup() error {
	landscape, one, any := "landscape", 1, 0
	for _, sheet := range []string{x.sh.inputs, x.sh.calc, x.sh.results, x.sh.trace} {
		if err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
			return err
		}
		fit := true
		if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
		if sheet == x.sh.inputs || sheet == x.sh.calc || sheet == x.sh.trace {
			if err := x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: sheet + "!$1:$1", Scope: sheet}); err != nil {
				return err
			}
		}
	}
	return nil
}

func (x *xlsxWriter) styles() error {
	var err error
	moneyFmt := "#,##0.00"
	if x.r.Graph.Decimals == 0 {
		moneyFmt = "#,##0"
	}
	qtyFmt := "#,##0.######"
	newStyle := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.f.NewStyle(s)
		return id
	}
	inputFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	x.money = newStyle(&excelize.Style{CustomNumFmt: &moneyFmt})
	x.qty = newStyle(&excelize.Style{CustomNumFmt: &qtyFmt})
	x.input = newStyle(&excelize.Style{CustomNumFmt: &qtyFmt, Fill: inputFill, Font: &excelize.Font{Color: "1F4E79"}})
	x.inputMoney = newStyle(&excelize.Style{CustomNumFmt: &moneyFmt, Fill: inputFill, Font: &excelize.Font{Color: "1F4E79"}})
	x.head = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	x.bold = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, CustomNumFmt: &moneyFmt})
	x.wrap = newStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return err
}

// value is a node's value for a cell: a float64 made only here, at the
// boundary, from the engine's already rounded decimal; nil when undefined.
func (x *xlsxWriter) value(id costing.NodeID) any {
	if x.noCache && x.r.Node(id).Op != costing.OpInput {
		return nil
	}
	d, ok := x.r.Value(id)
	if !ok {
		return nil
	}
	f, _ := d.Float64()
	return f
}

// text makes a scenario's words safe for a cell. Every text is written as a
// string cell, never as a formula, so "=…", "+…", "-…" and "@…" stay text;
// text only drops control characters, which a workbook cannot hold.
func text(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}

// str is a string cell: never a formula, whatever it starts with.
func str(s string) excelize.Cell { return excelize.Cell{Value: text(s)} }

// header writes a sheet's frozen, bold header row and its column widths.
func (x *xlsxWriter) header(sw *excelize.StreamWriter, sheet string, widths []float64, titles ...string) error {
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(titles))
	for i, t := range titles {
		row[i] = excelize.Cell{Value: t, StyleID: x.head}
	}
	return sw.SetRow("A1", row)
}

// inputs writes the Inputs sheet: a row for every input of the graph, with
// its line, its value (shaded: it can be changed), unit, source,
// assumption, the date it applies from, where it is written and, when the
// scenario projects, its value in each year.
func (x *xlsxWriter) inputs() error {
	if err := x.inputNames(); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(x.sh.inputs)
	if err != nil {
		return err
	}
	l := x.v.l
	titles := []string{l("figure"), l("line"), l("amount"), "unit", l("source"), l("assumption"), l("applies_from"), l("written_at")}
	widths := []float64{44, 26, 16, 18, 60, 60, 14, 40}
	if x.proj != nil {
		for _, y := range x.proj.Years {
			titles = append(titles, fmt.Sprint(y))
			widths = append(widths, 16)
		}
	}
	if err := x.header(sw, x.sh.inputs, widths, titles...); err != nil {
		return err
	}
	row := 2
	for i, n := range x.r.Graph.Nodes {
		if n.Op != costing.OpInput {
			continue
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), x.inputRow(costing.NodeID(i), row)); err != nil {
			return err
		}
		row++
	}
	return sw.Flush()
}

// inputNames gives every input's cell its defined name and its bounds: on
// the sheet, before it is streamed.
func (x *xlsxWriter) inputNames() error {
	row := 2
	for _, n := range x.r.Graph.Nodes {
		if n.Op != costing.OpInput {
			continue
		}
		ref := fmt.Sprintf("%s!$C$%d", x.sh.inputs, row)
		if name := definedName(x.namePrefix+n.Name, x.names); name != "" {
			if err := x.f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: ref}); err != nil {
				return err
			}
		}
		if dv := validation(n.Leaf.Spec, fmt.Sprintf("C%d", row)); dv != nil {
			if err := x.f.AddDataValidation(x.sh.inputs, dv); err != nil {
				return err
			}
		}
		row++
	}
	return nil
}

// inputRow is an input's row on the Inputs sheet.
func (x *xlsxWriter) inputRow(id costing.NodeID, row int) []any {
	n := x.r.Node(id)
	style := x.input
	if n.Money {
		style = x.inputMoney
	}
	lf := n.Leaf
	pos := ""
	if lf.Pos.File != "" {
		pos = lf.Pos.String()
	}
	cells := []any{
		str(n.Name), str(x.v.name(id)), excelize.Cell{Value: x.value(id), StyleID: style},
		str(n.Unit), str(lf.Source), str(lf.Assumption), str(lf.From), str(pos),
	}
	if x.proj != nil {
		cells = append(cells, x.inputYears(id, row)...)
	}
	return cells
}

// inputYears are an input's cells in the projection's years: its base value
// grown by its path's index (rounded where money is), a level of its own (an
// input, shaded), or the base value again.
func (x *xlsxWriter) inputYears(id costing.NodeID, row int) []any {
	n := x.r.Node(id)
	style, shaded := x.qty, x.input
	if n.Money {
		style, shaded = x.money, x.inputMoney
	}
	mv, moved := x.moves[id]
	var cells []any
	for k, y := range x.proj.Years {
		v := x.yearValue(k, id)
		switch {
		case moved && mv.Levels != nil:
			if _, ok := mv.Levels[y]; ok {
				cells = append(cells, excelize.Cell{Value: v, StyleID: shaded})
				continue
			}
			cells = append(cells, excelize.Cell{Formula: fmt.Sprintf("$C$%d", row), Value: v, StyleID: style})
		case moved:
			f := fmt.Sprintf("$C$%d*%s!$%s$%d", row, x.sh.paths, col(pathYears+y-x.base-1), x.path[mv.Path])
			if n.Money {
				f = fmt.Sprintf("ROUND(%s,%d)", f, x.r.Graph.Decimals)
			}
			cells = append(cells, excelize.Cell{Formula: f, Value: v, StyleID: style})
		default:
			cells = append(cells, excelize.Cell{Formula: fmt.Sprintf("$C$%d", row), Value: v, StyleID: style})
		}
	}
	return cells
}

// paths writes each growth path's rate in every year after the base year
// (inputs, shaded) and the index it gives: 1 in the base year, then the year
// before's × (1 + rate).
func (x *xlsxWriter) paths() error {
	rates := x.r.PathRates()
	last := x.proj.Years[len(x.proj.Years)-1]
	sw, err := x.f.NewStreamWriter(x.sh.paths)
	if err != nil {
		return err
	}
	titles := []string{x.v.l("figure"), fmt.Sprint(x.base)}
	widths := []float64{36, 12}
	for y := x.base + 1; y <= last; y++ {
		titles = append(titles, fmt.Sprint(y))
		widths = append(widths, 12)
	}
	if err := x.header(sw, x.sh.paths, widths, titles...); err != nil {
		return err
	}
	x.path = map[string]int{}
	row := 2
	for _, name := range models.Sorted(rates) {
		rateRow := []any{str(name + ": rate"), nil}
		indexRow := []any{str(name + ": index"), excelize.Cell{Value: 1.0, StyleID: x.qty}}
		idx := 1.0
		for y := x.base + 1; y <= last; y++ {
			rf, _ := rates[name][y].Float64()
			idx *= 1 + rf
			rateRow = append(rateRow, excelize.Cell{Value: rf, StyleID: x.input})
			c := col(pathYears + y - x.base - 1)
			prev := col(pathYears + y - x.base - 2)
			indexRow = append(indexRow, excelize.Cell{Formula: fmt.Sprintf("%s%d*(1+%s%d)", prev, row+1, c, row), Value: idx, StyleID: x.qty})
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), rateRow); err != nil {
			return err
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row+1), indexRow); err != nil {
			return err
		}
		x.path[name] = row + 1
		row += 2
	}
	return sw.Flush()
}

var cellLike = regexp.MustCompile(`^(?i)([a-z]{1,3}[0-9]+|r[0-9]*c[0-9]*)$`)

// definedName turns a figure's name into a workbook name: letters, digits
// and underscores, not a cell reference, unique.
func definedName(figure string, taken map[string]bool) string {
	var b strings.Builder
	for _, r := range figure {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == "" || name[0] >= '0' && name[0] <= '9' || cellLike.MatchString(name) {
		name = "k_" + name
	}
	if len(name) > 250 || taken[strings.ToLower(name)] {
		return ""
	}
	taken[strings.ToLower(name)] = true
	return name
}

// validation bounds an input cell by its field's spec: a share from 0 to 1,
// money and quantities zero or more.
func validation(s models.Spec, cell string) *excelize.DataValidation {
	if s.Kind == 0 {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	var err error
	switch s.Kind {
	case models.Share:
		err = dv.SetRange(0, 1, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "kosto", "A share from 0 to 1 (5% is 0.05)")
	default:
		err = dv.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		dv.SetError(excelize.DataValidationErrorStyleStop, "kosto", "A number of zero or more")
	}
	if err != nil {
		return nil
	}
	return dv
}

func (x *xlsxWriter) calculations() error {
	sw, err := x.f.NewStreamWriter(x.sh.calc)
	if err != nil {
		return err
	}
	l := x.v.l
	titles := []string{l("figure"), l("line"), l("amount"), "unit", l("formula")}
	widths := []float64{48, 30, 18, 18, 80}
	if x.proj != nil {
		for _, y := range x.proj.Years {
			titles = append(titles, fmt.Sprint(y))
			widths = append(widths, 16)
		}
	}
	if err := x.header(sw, x.sh.calc, widths, titles...); err != nil {
		return err
	}
	g := x.r.Graph
	row := 2
	for i, n := range g.Nodes {
		if n.Op == costing.OpInput {
			continue
		}
		id := costing.NodeID(i)
		formula := g.Formula(id, costing.Spreadsheet, x.ref(x.sh.calc))
		words := g.Formula(id, costing.Readable, func(a costing.NodeID) string { return g.Nodes[a].Name })
		style := x.qty
		if n.Money {
			style = x.money
		}
		cells := []any{
			str(n.Name), str(x.v.name(id)), excelize.Cell{Formula: formula, Value: x.value(id), StyleID: style},
			str(n.Unit), str(words),
		}
		if x.proj != nil {
			for k := range x.proj.Years {
				cells = append(cells, excelize.Cell{Formula: g.Formula(id, costing.Spreadsheet, x.yearRef(k)), Value: x.yearValue(k, id), StyleID: style})
			}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells); err != nil {
			return err
		}
		row++
	}
	return sw.Flush()
}

// ref returns how a formula on sheet names a node's cell.
func (x *xlsxWriter) ref(sheet string) func(costing.NodeID) string {
	return func(a costing.NodeID) string {
		c := x.cell[a]
		if strings.HasPrefix(c, sheet+"!") {
			return strings.TrimPrefix(c, sheet+"!")
		}
		return c
	}
}

// results writes the Results sheet: the tables of kosto run, each figure a
// reference to its calculation — the scenario's heading and its staff
// costs; for each municipality its unit costs, care-type comparison, budget
// and budget by category; the scenario's budget by category when it has
// several municipalities; and, when it projects, its budget by year. The
// rows are laid out first, so that the charts over them can be put on the
// sheet before it is streamed.
func (x *xlsxWriter) results() error {
	t := &resultsSheet{x: x, v: x.v, r: x.r, cur: " (" + x.r.Scenario.Currency + ")", row: 1}
	t.title()
	t.staffCosts()
	multi := len(x.r.Municipalities) > 1
	for _, m := range x.r.Municipalities {
		prefix := ""
		if multi {
			prefix = m.Title.In(x.v.lang) + ": "
		}
		t.unitCosts(m, prefix)
		t.careComparison(m, prefix)
		t.budget(m, prefix)
		t.categories(prefix+t.v.l("by_category")+t.cur, m.ByCategory, m.Total)
	}
	if multi {
		t.categories(t.v.l("by_category")+" — "+t.v.l("total")+t.cur, x.r.ByCategory, x.r.Total)
	}
	if x.proj != nil {
		t.projection()
	}
	if err := x.addCharts(); err != nil {
		return err
	}
	return x.streamResults(t.rows)
}

// resultsSheet is the Results sheet's rows as they are laid out, before the
// sheet is streamed.
type resultsSheet struct {
	x    *xlsxWriter
	v    *view
	r    *costing.Result
	cur  string // " (EUR)": the currency, after a table's title
	rows [][]any
	row  int // the number of the row put lays out next
}

// put lays out the next row.
func (t *resultsSheet) put(cells ...any) {
	t.rows = append(t.rows, cells)
	t.row++
}

// heading puts a table's title, after a blank row.
func (t *resultsSheet) heading(s string) {
	t.put() // a blank row before each table
	t.put(excelize.Cell{Value: text(s), StyleID: t.x.head})
}

// fig is a cell referring to a figure's calculation: money or a quantity,
// bold for a total.
func (t *resultsSheet) fig(id costing.NodeID, bold bool) excelize.Cell {
	x := t.x
	style := x.qty
	if x.r.Node(id).Money {
		style = x.money
	}
	if bold {
		style = x.bold
	}
	return excelize.Cell{Formula: x.cell[id], Value: x.value(id), StyleID: style}
}

// title puts the scenario's heading: its title, then what it is.
func (t *resultsSheet) title() {
	h := t.v.heading()
	t.put(excelize.Cell{Value: text(h[0]), StyleID: t.x.head})
	t.put(str(h[1]))
}

// staffCosts puts the cost of a full-time post of every role, block by
// block, and its cost per hour and per client hour.
func (t *resultsSheet) staffCosts() {
	v, fig := t.v, t.fig
	t.heading(v.l("staff_costs") + t.cur)
	t.put(str(v.l("role")), str(v.l("annual_gross")), str(v.l("on_costs")), str(v.l("overheads")), str(v.l("capital")),
		str(v.l("annual_cost_per_fte")), str(v.l("productive_hours")), str(v.l("cost_per_hour")), str(v.l("cost_per_client_hour")))
	for _, ro := range t.r.Roles {
		name := ro.Title.In(v.lang)
		if ro.Municipality != "" {
			name += " (" + ro.Municipality + ")"
		}
		t.put(str(name), fig(ro.AnnualGross, false), fig(ro.OnCosts, false), fig(ro.Overheads, false), fig(ro.Capital, false),
			fig(ro.AnnualCostPerFTE, false), fig(ro.ProductiveHours, false), fig(ro.CostPerHour, false), fig(ro.CostPerClientHour, false))
	}
}

// unitCosts puts a municipality's unit costs: for each of every service's
// measures, its blocks and the unit cost they add up to.
func (t *resultsSheet) unitCosts(m costing.MunicipalityResult, prefix string) {
	v := t.v
	t.heading(prefix + v.l("unit_costs") + t.cur)
	for _, s := range m.Services {
		for _, u := range s.UnitCosts {
			t.put(excelize.Cell{Value: text(s.Title.In(v.lang) + ", " + v.l(u.Measure)), StyleID: t.x.head})
			for _, b := range u.Blocks {
				t.put(str("  "+v.name(b)), t.fig(b, false))
			}
			t.put(str(v.l("unit_cost")), t.fig(u.Cost, true))
		}
	}
}

// careComparison puts, when a municipality has types of care to compare,
// the cost per child-year of each, a column each, by group of blocks and in
// total, and charts the totals.
func (t *resultsSheet) careComparison(m costing.MunicipalityResult, prefix string) {
	c := compareRows(m)
	if len(c) == 0 {
		return
	}
	v := t.v
	t.heading(prefix + v.l("care_comparison") + t.cur)
	titles := []any{str(v.l("block"))}
	for _, s := range c {
		titles = append(titles, str(s.Title.In(v.lang)))
	}
	t.put(titles...)
	first := t.row
	for g, key := range costing.Groups {
		cells := []any{str(v.l("group_" + key))}
		for _, s := range c {
			cells = append(cells, t.fig(s.Compare.Groups[g], false))
		}
		t.put(cells...)
	}
	totals := []any{str(v.l("compare_total"))}
	for _, s := range c {
		totals = append(totals, t.fig(s.Compare.Total, true))
	}
	t.put(totals...)
	t.x.charts = append(t.x.charts, chartSpec{title: prefix + v.l("care_comparison"), row: t.row - 1, names: first - 1, cols: len(c)})
}

// budget puts a municipality's budget for the base year: each service's
// lines with their economic category (or, for a memo line, who pays it) and
// its total, then the municipality's total.
func (t *resultsSheet) budget(m costing.MunicipalityResult, prefix string) {
	v, r := t.v, t.r
	t.heading(fmt.Sprintf("%s%s %d — %s%s", prefix, v.l("annual_budget"), r.Scenario.BaseYear, m.Title, t.cur))
	for _, s := range m.Services {
		t.put(excelize.Cell{Value: text(s.Title.In(v.lang)), StyleID: t.x.head})
		for _, ln := range s.Lines {
			cat := v.categoryLabel(ln.Category)
			if !ln.Budgeted {
				cat = v.l("memo") + ": " + v.l("paid_by") + " " + v.payer(ln.FundedBy)
			}
			t.put(str("  "+v.name(ln.Node)), str(cat), t.fig(ln.Node, false))
		}
		t.put(str("  "+v.l("service_total")), str(""), t.fig(s.Total, true))
	}
	t.put(str(v.l("total")), str(""), t.fig(m.Total, true))
}

// categories puts a budget by economic category, under title, and its
// total.
func (t *resultsSheet) categories(title string, byCategory []costing.NodeID, total costing.NodeID) {
	t.heading(title)
	for i, id := range byCategory {
		t.put(str(t.v.categoryLabel(i)), t.fig(id, false))
	}
	t.put(str(t.v.l("total")), t.fig(total, true))
}

// projection puts the budget by year: by economic category (charted), then
// by service.
func (t *resultsSheet) projection() {
	v, r := t.v, t.r
	first, last := t.yearTable(v.l("projection")+": "+v.l("by_category")+t.cur, v.categoryRows(r.ByCategory), r.Total)
	t.x.yearChart = &yearChartSpec{title: v.l("projection") + ": " + v.l("by_category"), first: first, last: last, header: first - 1, years: len(t.x.proj.Years)}
	var svcs []namedNode
	for _, s := range r.Services {
		svcs = append(svcs, namedNode{s.Title.In(v.lang), s.Total})
	}
	t.yearTable(v.l("projection")+": "+v.l("by_service")+t.cur, svcs, r.Total)
}

// yearTable puts a table with a column for each year of the projection: a
// row for each figure, then their total. It returns the figures' first and
// last rows.
func (t *resultsSheet) yearTable(title string, figures []namedNode, total costing.NodeID) (first, last int) {
	years := t.x.proj.Years
	t.heading(title)
	head := []any{str("")}
	for _, y := range years {
		head = append(head, str(fmt.Sprint(y)))
	}
	t.put(head...)
	first = t.row
	for _, nn := range figures {
		cells := []any{str(nn.name)}
		for k := range years {
			cells = append(cells, t.yearCell(k, nn.id, false))
		}
		t.put(cells...)
	}
	last = t.row - 1
	cells := []any{str(t.v.l("total"))}
	for k := range years {
		cells = append(cells, t.yearCell(k, total, true))
	}
	t.put(cells...)
	return first, last
}

// yearCell is a cell referring to a figure's calculation in year k of the
// projection, bold for a total.
func (t *resultsSheet) yearCell(k int, id costing.NodeID, bold bool) excelize.Cell {
	x := t.x
	style := x.money
	if bold {
		style = x.bold
	}
	return excelize.Cell{Formula: fmt.Sprintf("%s!$%s$%d", x.sh.calc, col(calcYears+k), x.row[id]), Value: x.yearValue(k, id), StyleID: style}
}

// streamResults writes the laid-out rows to the Results sheet.
func (x *xlsxWriter) streamResults(rows [][]any) error {
	sw, err := x.f.NewStreamWriter(x.sh.results)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 1, 52); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 12, 18); err != nil {
		return err
	}
	for i, cells := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// chartSpec is a care-type comparison table on the Results sheet: its totals
// row, its title row, and how many types of care it has.
type chartSpec struct {
	title string
	row   int
	names int
	cols  int
}

// yearChartSpec is the budget-by-category-by-year table on the Results
// sheet: its first and last category rows, its header row of years.
type yearChartSpec struct {
	title               string
	first, last, header int
	years               int
}

// compareRows lists a municipality's services with a comparison.
func compareRows(m costing.MunicipalityResult) []*costing.ServiceResult {
	var out []*costing.ServiceResult
	for i := range m.Services {
		if m.Services[i].Compare != nil {
			out = append(out, &m.Services[i])
		}
	}
	return out
}

// addCharts charts each comparison: the full cost per child-year of each
// type of care.
func (x *xlsxWriter) addCharts() error {
	if c := x.yearChart; c != nil {
		lastCol := col(1 + c.years)
		var series []excelize.ChartSeries
		for r := c.first; r <= c.last; r++ {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$A$%d", x.sh.results, r),
				Categories: fmt.Sprintf("%s!$B$%d:$%s$%d", x.sh.results, c.header, lastCol, c.header),
				Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", x.sh.results, r, lastCol, r),
			})
		}
		if err := x.f.AddChart(x.sh.results, fmt.Sprintf("N%d", 2+len(x.charts)*22), &excelize.Chart{
			Type:      excelize.ColStacked,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 720, Height: 400},
		}); err != nil {
			return err
		}
	}
	for k, c := range x.charts {
		last, err := excelize.ColumnNumberToName(c.cols + 1)
		if err != nil {
			return err
		}
		series := []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$A$%d", x.sh.results, c.row),
			Categories: fmt.Sprintf("%s!$B$%d:$%s$%d", x.sh.results, c.names, last, c.names),
			Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", x.sh.results, c.row, last, c.row),
		}}
		anchor := fmt.Sprintf("N%d", 2+k*22)
		if err := x.f.AddChart(x.sh.results, anchor, &excelize.Chart{
			Type:      excelize.Col,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 720, Height: 400},
		}); err != nil {
			return err
		}
	}
	return nil
}

// trace writes, for each result a council reads — unit costs, service
// totals, category totals — its formula in words and the sources of the
// inputs it comes from.
func (x *xlsxWriter) trace() error {
	sw, err := x.f.NewStreamWriter(x.sh.trace)
	if err != nil {
		return err
	}
	l := x.v.l
	if err := x.header(sw, x.sh.trace, []float64{48, 18, 70, 90}, l("figure"), l("amount"), l("formula"), l("source")); err != nil {
		return err
	}
	var ids []costing.NodeID
	for _, m := range x.r.Municipalities {
		for _, s := range m.Services {
			for _, u := range s.UnitCosts {
				ids = append(ids, u.Cost)
			}
			ids = append(ids, s.Total)
		}
		ids = append(ids, m.ByCategory...)
		ids = append(ids, m.Total)
	}
	g := x.r.Graph
	row := 2
	for _, id := range ids {
		words := g.Formula(id, costing.Readable, func(a costing.NodeID) string { return g.Nodes[a].Name })
		if err := sw.SetRow(fmt.Sprintf("A%d", row), []any{
			str(g.Nodes[id].Name), excelize.Cell{Formula: x.cell[id], Value: x.value(id), StyleID: x.money},
			excelize.Cell{Value: text(words), StyleID: x.wrap}, excelize.Cell{Value: text(x.sources(id)), StyleID: x.wrap},
		}); err != nil {
			return err
		}
		row++
	}
	return sw.Flush()
}

// sources lists the parameters a figure comes from, with their sources.
func (x *xlsxWriter) sources(id costing.NodeID) string {
	g := x.r.Graph
	seen := map[costing.NodeID]bool{}
	var out []string
	var walk func(costing.NodeID)
	walk = func(n costing.NodeID) {
		if seen[n] {
			return
		}
		seen[n] = true
		node := &g.Nodes[n]
		if node.Op == costing.OpInput {
			if node.Leaf.Param != "" {
				src := node.Leaf.Source
				if src == "" {
					src = x.v.l("assumption") + ": " + node.Leaf.Assumption
				}
				out = append(out, node.Name+": "+src)
			}
			return
		}
		for _, a := range node.Args {
			walk(a)
		}
	}
	walk(id)
	if len(out) > 12 {
		out = append(out[:12], fmt.Sprintf("… %d more (kosto explain %s)", len(out)-12, g.Nodes[id].Name))
	}
	return strings.Join(out, "\n")
}

func (x *xlsxWriter) about(o WorkbookOptions) error {
	s := x.r.Scenario
	l := x.v.l
	rows := [][]string{
		{s.Title.In(x.v.lang)},
		{l("scenario"), s.Name},
		{l("about_country_currency"), s.Country + " / " + s.Currency},
		{l("base_year"), fmt.Sprint(s.BaseYear)},
		{l("classification"), x.r.Classification.Name},
		{l("about_files"), strings.Join(s.Files, ", ")},
		{l("about_exported"), o.Date},
		{"kosto", o.Version},
		{},
		{l("about_how_to_read")},
		{x.sh.inputs, l("about_inputs")},
		{x.sh.calc, l("about_calculations")},
		{x.sh.results, l("about_results")},
		{x.sh.trace, l("about_trace")},
		{l("about_years_head"), l("about_years")},
		{l("about_rounding_head"), l("about_rounding")},
	}
	if err := x.f.SetColWidth(x.sh.about, "A", "A", 24); err != nil {
		return err
	}
	if err := x.f.SetColWidth(x.sh.about, "B", "B", 110); err != nil {
		return err
	}
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := x.f.SetCellStr(x.sh.about, cell, text(c)); err != nil {
				return err
			}
		}
	}
	if err := x.f.SetCellStyle(x.sh.about, "A1", "A1", x.head); err != nil {
		return err
	}
	return x.f.SetCellStyle(x.sh.about, "A10", "A10", x.head)
}
