package templates

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

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
// (each result, its formula in words, the sources of its inputs); Paths
// (the growth paths, when the scenario projects); Charts (the charts over
// Results' tables). Every sheet prints on A4 (xlsx_print.go).

// WorkbookOptions are what a workbook says about itself.
type WorkbookOptions struct {
	Options
	Version string // kosto's version
	Date    string // the date of the export, YYYY-MM-DD (the caller's clock)
	// NoCache leaves formulas without the engine's values as cached
	// results, so that a spreadsheet must compute every figure itself: the
	// parity test uses it.
	NoCache bool
	// Source is how the scenario was named to kosto (a shipped name, or a
	// file's path as given), SourcePath that file's absolute path, and
	// Fingerprint the SHA-256 of its files' bytes: the record sheet keeps
	// them, for kosto import to find the scenario again and to tell whether
	// it has changed since.
	Source, SourcePath, Fingerprint string
}

// sheetNames are a writer's sheets. A workbook of one scenario has About,
// Inputs, Calculations, Results, Trace and Paths; a comparison has the same
// for each scenario, prefixed Base_ and Variant_ (underscores, so formulas
// need not quote them).
type sheetNames struct{ about, inputs, calc, results, charts, trace, paths, comparison string }

func sheetsFor(prefix, lang string) sheetNames {
	l := func(k string) string { return label(lang, "sheet_"+k) }
	if prefix != "" {
		prefix = l(prefix) + "_"
	}
	return sheetNames{about: l("about"), inputs: prefix + l("inputs"), calc: prefix + l("calculations"),
		results: prefix + l("results"), charts: prefix + l("charts"), trace: prefix + l("trace"), paths: prefix + l("paths"),
		comparison: l("comparison")}
}

// SheetName is the name of a workbook's sheet in lang: key is one of about,
// inputs, calculations, results, charts, trace, paths, comparison, formula,
// allocation; a comparison's sheets of each scenario are prefixed with
// SheetName(lang, "base") or "variant" and "_".
func SheetName(lang, key string) string { return label(language(lang, ""), "sheet_"+key) }

// at is how a formula names a sheet: quoted, so that a name in any
// language (spaces, ë, č) is read as one name.
func at(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" }

// Workbook writes the costed scenario as an Excel workbook with live
// formulas.
func Workbook(w io.Writer, r *costing.Result, o WorkbookOptions) error {
	v := newView(r, o.Options)
	x := &xlsxWriter{v: v, r: r, f: excelize.NewFile(), cell: make([]string, len(r.Graph.Nodes)), noCache: o.NoCache, sh: sheetsFor("", v.lang), names: map[string]bool{}, title: r.Scenario.Title.In(v.lang)}
	defer x.f.Close()
	if err := x.write(o); err != nil {
		return err
	}
	return writeFile(w, x.f, o.Date)
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

	money, qty, input, inputMoney, head, bold, wrap    int
	memo, share, colHead, colHeadRight, note, headWrap int
	qty2, qtyWhole, ratio, count                       int // memo: a memo line's amount, another budget pays it: in brackets, italic, grey
	// title is the workbook's title, in every page's footer.
	title string

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
			return fmt.Sprintf("%s$%s$%d", at(x.sh.inputs), col(inputYears+k), x.row[a])
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
	if err := x.record(o); err != nil {
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
			x.cell[i], x.row[i] = fmt.Sprintf("%s$C$%d", at(x.sh.inputs), in), in
			in++
		} else {
			x.cell[i], x.row[i] = fmt.Sprintf("%s$C$%d", at(x.sh.calc), calc), calc
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
	if err := x.printSetup(in-1, calc-1); err != nil {
		return err
	}
	for _, step := range []func() error{x.inputs, x.calculations, x.results, x.trace} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// printSetup sets up how Inputs, Calculations, Results and Trace print
// (Paths is set up as it is written): A4 landscape, one page wide, the
// header row of the long tables repeated on every page, and print areas
// over the rows each will have; Results' comes with its rows.
func (x *xlsxWriter) printSetup(inputs, calcs int) error {
	years := 0
	if x.proj != nil {
		years = len(x.proj.Years)
	}
	for _, p := range []page{
		{sheet: x.sh.inputs, landscape: true, cols: 8 + years, rows: inputs, titles: true},
		{sheet: x.sh.calc, landscape: true, cols: 5 + years, rows: calcs, titles: true},
		{sheet: x.sh.results, landscape: true},
		{sheet: x.sh.trace, landscape: true, cols: 4, titles: true},
	} {
		p.footer = x.title
		if err := setPage(x.f, p); err != nil {
			return err
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
	x.headWrap = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	memoFmt := "(" + moneyFmt + ")"
	x.memo = newStyle(&excelize.Style{CustomNumFmt: &memoFmt, Font: &excelize.Font{Italic: true, Color: "595959"}})
	shareFmt, qty2Fmt, wholeFmt, ratioFmt, countFmt := "0.00%", "#,##0.00", "#,##0", `0.00"×"`, "0"
	x.share = newStyle(&excelize.Style{CustomNumFmt: &shareFmt})
	x.qty2 = newStyle(&excelize.Style{CustomNumFmt: &qty2Fmt})
	x.qtyWhole = newStyle(&excelize.Style{CustomNumFmt: &wholeFmt})
	x.ratio = newStyle(&excelize.Style{CustomNumFmt: &ratioFmt})
	x.count = newStyle(&excelize.Style{CustomNumFmt: &countFmt})
	x.colHead = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"},
		Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}})
	x.colHeadRight = newStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom", Horizontal: "right"},
		Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}})
	x.note = newStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "404040"}})
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
	// Narrow enough that the sheet fitted to an A4 page's width keeps its
	// text legible; a longer source or assumption is cut at the next cell
	// on paper (it does not wrap: rows streamed without a height do not
	// grow in LibreOffice, and wrapped text would overprint the next row).
	widths := []float64{40, 26, 14, 12, 40, 36, 11, 24}
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
		ref := fmt.Sprintf("%s$C$%d", at(x.sh.inputs), row)
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
	cells := []any{
		str(n.Name), str(x.v.name(id)), excelize.Cell{Value: x.value(id), StyleID: style},
		str(n.Unit), str(lf.Source), str(lf.Assumption), str(lf.From), str(written(lf)),
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
			f := fmt.Sprintf("$C$%d*%s$%s$%d", row, at(x.sh.paths), col(pathYears+y-x.base-1), x.path[mv.Path])
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
	if err := setPage(x.f, page{sheet: x.sh.paths, landscape: last-x.base > 6, cols: 2 + last - x.base, rows: 1 + 2*len(rates), titles: true, footer: x.title}); err != nil {
		return err
	}
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
		rateRow := []any{str(name + ": " + x.v.l("path_rate")), nil}
		indexRow := []any{str(name + ": " + x.v.l("path_index")), excelize.Cell{Value: 1.0, StyleID: x.qty}}
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
	widths := []float64{44, 30, 16, 12, 56}
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
		if strings.HasPrefix(c, at(sheet)) {
			return strings.TrimPrefix(c, at(sheet))
		}
		return c
	}
}

// results writes the Results sheet: the document of kosto run (every
// municipality in full) and, when the scenario projects, the budgets by
// year of kosto project — the same tables the terminal and the JSON show,
// each figure a reference to its calculation. The rows are laid out first,
// so that the charts over them can be put on the sheet before it is
// streamed.
func (x *xlsxWriter) results() error {
	d, err := RunReport(x.r, Options{Lang: x.v.lang, Full: true})
	if err != nil {
		return err
	}
	if x.proj != nil {
		d.Sections = append(d.Sections, x.v.projectSections(x.proj, "")...)
	}
	t := &resultsSheet{x: x, row: 1}
	t.put(excelize.Cell{Value: text(d.Title), StyleID: x.head})
	for _, l := range d.Lines {
		t.put(str(l))
	}
	for _, s := range d.Sections {
		t.section(s)
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
	rows [][]any
	row  int // the number of the row put lays out next
}

// put lays out the next row.
func (t *resultsSheet) put(cells ...any) {
	t.rows = append(t.rows, cells)
	t.row++
}

// section lays out a section: its heading after a blank row, its tables,
// and the charts over them.
func (t *resultsSheet) section(s *Section) {
	t.put()
	t.put(excelize.Cell{Value: text(s.Heading), StyleID: t.x.head})
	at := map[*Table]tableRows{}
	for i, tb := range s.Tables {
		if i > 0 || tb.Title != "" {
			t.put()
		}
		at[tb] = t.table(tb)
	}
	for _, c := range s.Charts {
		t.chart(c, at[c.Table])
	}
}

// tableRows says where a table was laid out: its header row and the row
// of each of its rows.
type tableRows struct {
	header int
	rows   []int
}

// table lays out a table: its title, its header, its rows (groups and
// totals bold, a row's first cell indented by its level), its notes.
func (t *resultsSheet) table(tb *Table) tableRows {
	x := t.x
	if tb.Title != "" {
		t.put(excelize.Cell{Value: text(tb.Title), StyleID: x.bold})
	}
	head := make([]any, len(tb.Columns))
	for i, c := range tb.Columns {
		style := x.colHead
		if c.Numeric {
			style = x.colHeadRight
		}
		head[i] = excelize.Cell{Value: text(c.Label), StyleID: style}
	}
	out := tableRows{header: t.row}
	t.put(head...)
	for _, r := range tb.Rows {
		cells := make([]any, len(r.Cells))
		for i, c := range r.Cells {
			cells[i] = t.cell(c, r.Total || r.Group)
		}
		if len(r.Cells) > 0 && r.Cells[0].Kind == KindText {
			style := 0
			if r.Total || r.Group {
				style = x.bold
			}
			cells[0] = excelize.Cell{Value: text(strings.Repeat("    ", r.Level) + r.Cells[0].Text), StyleID: style}
		}
		out.rows = append(out.rows, t.row)
		t.put(cells...)
	}
	for _, n := range tb.Notes {
		t.put(excelize.Cell{Value: text(n), StyleID: x.note})
	}
	return out
}

// cell is a cell of the sheet: words as a string, a figure of the graph as
// a reference to its calculation (with the engine's value cached), any
// other figure as its value; memo amounts in brackets, in the memo style.
func (t *resultsSheet) cell(c Cell, bold bool) excelize.Cell {
	x := t.x
	if c.Kind == KindText {
		return str(c.Text)
	}
	var style int
	switch c.Kind {
	case KindMoney:
		style = x.money
		if bold {
			style = x.bold
		}
	case KindMemo:
		style = x.memo
	case KindShare:
		style = x.share
	case KindRatio:
		style = x.ratio
	case KindCount:
		style = x.count
	default: // as the text shows them: whole numbers whole, others with two decimals
		style = x.qty2
		if c.Value.IsInteger() {
			style = x.qtyWhole
		}
	}
	var value any
	if c.Defined {
		value, _ = c.Value.Float64()
	}
	if c.Source == nil {
		return excelize.Cell{Value: value, StyleID: style}
	}
	if x.noCache && x.r.Node(c.Source.Node).Op != costing.OpInput {
		value = nil
	}
	return excelize.Cell{Formula: x.sourceRef(c.Source), Value: value, StyleID: style}
}

// sourceRef is the cell a figure is calculated in: in the base year, its
// cell on Inputs or Calculations; in year k of the projection, its column
// for that year.
func (x *xlsxWriter) sourceRef(s *Source) string {
	if s.K < 0 {
		return x.cell[s.Node]
	}
	sheet, c := x.sh.calc, calcYears
	if x.r.Graph.Nodes[s.Node].Op == costing.OpInput {
		sheet, c = x.sh.inputs, inputYears
	}
	return fmt.Sprintf("%s$%s$%d", at(sheet), col(c+s.K), x.row[s.Node])
}

// chart records a chart of the document over the rows where its table was
// laid out, for addCharts.
func (t *resultsSheet) chart(c *Chart, at tableRows) {
	x := t.x
	switch c.Kind {
	case ChartStacked:
		x.yearChart = &yearChartSpec{title: c.Title, first: at.rows[c.Rows[0]], last: at.rows[c.Rows[len(c.Rows)-1]], header: at.header, years: len(c.Table.Columns) - 1}
	case ChartBars:
		if len(c.Rows) == 1 {
			x.charts = append(x.charts, chartSpec{title: c.Title, row: at.rows[c.Rows[0]], names: at.header, cols: len(c.Table.Columns) - 1})
		}
	}
}

// streamResults writes the laid-out rows to the Results sheet, each column
// as wide as its longest words (resultsWidths).
func (x *xlsxWriter) streamResults(rows [][]any) error {
	sw, err := x.f.NewStreamWriter(x.sh.results)
	if err != nil {
		return err
	}
	widths := x.resultsWidths(rows)
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := x.resultsPages(rows, widths); err != nil {
		return err
	}
	for i, cells := range rows {
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), cells, excelize.RowOpts{Height: x.headerHeight(cells, widths)}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// headerHeight is the height a table's header row needs for its labels to
// wrap within their columns (a streamed row does not grow by itself): a
// line of 15 points for each line of the longest; 0, the default, for any
// other row.
func (x *xlsxWriter) headerHeight(cells []any, widths []float64) float64 {
	lines := 0
	for i, c := range cells {
		cell, _ := c.(excelize.Cell)
		s, ok := cell.Value.(string)
		if !ok || (cell.StyleID != x.colHead && cell.StyleID != x.colHeadRight) || i >= len(widths) {
			continue
		}
		lines = max(lines, len(wrap(s, int(widths[i]/1.1), "")))
	}
	if lines < 2 {
		return 0
	}
	return 15 * float64(lines)
}

// resultsWidths are the Results sheet's column widths, in characters: each
// column as wide as the longest words a table puts in it (a line's name, a
// payer), so that nothing is cut off on paper, from 14 (a figure) to 60
// for the first column and 48 for the others. A row of one cell — a title,
// a heading, a note — runs over the empty cells beside it and sets no
// width.
func (x *xlsxWriter) resultsWidths(rows [][]any) []float64 {
	header := func(c excelize.Cell) bool { return c.StyleID == x.colHead || c.StyleID == x.colHeadRight }
	var ws []float64
	for _, r := range rows {
		if len(r) < 2 {
			continue
		}
		for i, c := range r {
			for len(ws) <= i {
				ws = append(ws, 14)
			}
			cell, _ := c.(excelize.Cell)
			s, ok := cell.Value.(string)
			if !ok || cell.Formula != "" || header(cell) {
				continue
			}
			limit := 48.0
			if i == 0 {
				limit = 60
			}
			ws[i] = max(ws[i], min(float64(utf8.RuneCountInString(s))*1.1+2, limit))
		}
	}
	if len(ws) == 0 {
		ws = []float64{52}
	}
	return ws
}

// resultsPages sets the Results sheet's print area over its rows and
// columns and keeps its tables whole on the printed pages: a table that
// would cross the bottom of a page starts the next one. The rows a page
// holds are estimated from the printed width of the columns (widths)
// fitted to a landscape A4 page and rows of the default height (Excel's 15
// points; LibreOffice's are lower, so the estimate errs towards shorter
// pages).
func (x *xlsxWriter) resultsPages(rows [][]any, widths []float64) error {
	p := page{sheet: x.sh.results, landscape: true, cols: len(widths), rows: len(rows)}
	if err := setPrintNames(x.f, p); err != nil {
		return err
	}
	section := func(row []any) bool {
		c, ok := row[0].(excelize.Cell)
		return len(row) == 1 && ok && c.StyleID == x.head
	}
	return setBreaks(x.f, x.sh.results, tableBreaks(rows, section, p.rowsPerPage(colPx(widths...))))
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

// addCharts draws the Results sheet's charts on a sheet of their own,
// Charts, the last (moving it would break the sheets' print names, which
// excelize numbers by position): the budget by economic category over the
// years, stacked, and each care-type comparison's full cost per child-year.
// Every series reads the cells of Results, so the charts move with them.
// Charts prints on A4 portrait, three charts a page.
func (x *xlsxWriter) addCharts() error {
	n := len(x.charts)
	if x.yearChart != nil {
		n++
	}
	if n == 0 {
		return nil
	}
	if _, err := x.f.NewSheet(x.sh.charts); err != nil {
		return err
	}
	l, cur := x.v.l, x.r.Scenario.Currency
	res := x.sh.results
	var charts []*excelize.Chart
	if c := x.yearChart; c != nil {
		lastCol := col(1 + c.years)
		var series []excelize.ChartSeries
		for r := c.first; r <= c.last; r++ {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s$A$%d", at(res), r),
				Categories: fmt.Sprintf("%s$B$%d:$%s$%d", at(res), c.header, lastCol, c.header),
				Values:     fmt.Sprintf("%s$B$%d:$%s$%d", at(res), r, lastCol, r),
			})
		}
		charts = append(charts, chart(excelize.ColStacked, c.title, series, l("axis_year"), cur, "bottom"))
	}
	for _, c := range x.charts {
		last := col(c.cols + 1)
		series := []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s$A$%d", at(res), c.row),
			Categories: fmt.Sprintf("%s$B$%d:$%s$%d", at(res), c.names, last, c.names),
			Values:     fmt.Sprintf("%s$B$%d:$%s$%d", at(res), c.row, last, c.row),
		}}
		ch := chart(excelize.Col, c.title, series, l("axis_care_type"), cur+" "+l("axis_per_child_year"), "none")
		ch.PlotArea.ShowVal = true
		ch.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: "#,##0"}
		charts = append(charts, ch)
	}
	return placeCharts(x.f, x.sh.charts, charts, x.title)
}

// Charts on a sheet of their own: chartRows rows of the default height
// each, ten columns of width 9 wide, chartsPerPage a portrait A4 page.
const (
	chartRows     = 16
	chartCols     = 10
	chartsPerPage = 3
)

// placeCharts puts charts one under the other on sheet, sized to an A4
// portrait page's width, a page break after every chartsPerPage, and sets
// the sheet to print them.
func placeCharts(f *excelize.File, sheet string, charts []*excelize.Chart, footer string) error {
	if err := f.SetColWidth(sheet, "A", col(chartCols), 9); err != nil {
		return err
	}
	for k, c := range charts {
		top := 1 + k*chartRows
		c.Dimension = excelize.ChartDimension{Width: uint(colPx(9) * chartCols), Height: uint(rowPx*chartRows - 12)}
		c.Format.OffsetY = 4
		if err := f.AddChart(sheet, fmt.Sprintf("A%d", top), c); err != nil {
			return err
		}
		if k > 0 && k%chartsPerPage == 0 {
			if err := setBreaks(f, sheet, []int{top}); err != nil {
				return err
			}
		}
	}
	return setPage(f, page{sheet: sheet, cols: chartCols, rows: len(charts) * chartRows, footer: footer})
}

// palette fills a chart's series, one colour each, in an order that
// alternates dark and light so neighbouring series stay apart printed in
// grey: navy, peach, blue, pale yellow, brown, grey, pale green, dark grey.
var palette = []string{"1F3864", "F4B183", "2E75B6", "FFE699", "843C0C", "7F7F7F", "A9D18E", "404040"}

// chartInk is the colour of a chart's words: near black, to print legibly.
const chartInk = "262626"

// chart is a chart as every chart of kosto's workbooks is drawn: a title,
// both axes titled (the category axis catAxis, the value axis valAxis —
// the currency), the value axis from zero with thousands separators, its
// series coloured from palette, its words dark; legend where it goes
// ("none" for one series).
func chart(typ excelize.ChartType, title string, series []excelize.ChartSeries, catAxis, valAxis, legend string) *excelize.Chart {
	zero := 0.0
	for i := range series {
		c := palette[i%len(palette)]
		series[i].Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
		if typ == excelize.Line {
			series[i].Line = excelize.LineOptions{Width: 2.5}
			series[i].Marker = excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}}
		} else {
			series[i].Line = excelize.LineOptions{Type: excelize.LineSolid, Width: 0.75, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFFFF"}}}
		}
	}
	ink := excelize.Font{Color: chartInk, Size: 9}
	axisTitle := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Color: chartInk, Size: 9, Bold: true}}}}
	}
	gap := uint(60)
	return &excelize.Chart{
		Type:   typ,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Color: chartInk, Size: 12, Bold: true}}}},
		Legend: excelize.ChartLegend{Position: legend, Font: &excelize.Font{Color: chartInk, Size: 9}},
		XAxis:  excelize.ChartAxis{Font: ink, Title: axisTitle(catAxis)},
		YAxis: excelize.ChartAxis{Font: ink, Title: axisTitle(valAxis), Minimum: &zero, MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		GapWidth: &gap,
	}
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
	if err := x.header(sw, x.sh.trace, []float64{40, 16, 60, 70}, l("figure"), l("amount"), l("formula"), l("source")); err != nil {
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
	if err := setPrintNames(x.f, page{sheet: x.sh.trace, cols: 4, rows: row - 1, titles: true}); err != nil {
		return err
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
				out = append(out, node.Name+": "+x.v.sourceOf(node.Leaf))
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
	return writeAbout(x.f, x.sh.about, rows, x.head, x.wrap, x.title)
}

// writeAbout writes an About sheet: rows of a word and its text, the text
// wrapping in a column as wide as a portrait A4 page leaves, each row as
// tall as its text, a row of one cell (the title, a section's heading) in
// the heading style; and prints it on one A4 page.
func writeAbout(f *excelize.File, sheet string, rows [][]string, head, wrap int, footer string) error {
	const wA, wB = 22.0, 80.0
	if err := f.SetColWidth(sheet, "A", "A", wA); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", wB); err != nil {
		return err
	}
	for i, r := range rows {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(sheet, cell, text(c)); err != nil {
				return err
			}
			style := wrap
			if len(r) == 1 {
				style = head
			}
			if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
				return err
			}
		}
		if len(r) == 2 && len(r[1]) > int(wB) {
			if err := f.SetRowHeight(sheet, i+1, wrappedHeight(len([]rune(r[1])), wB)); err != nil {
				return err
			}
		}
	}
	return setPage(f, page{sheet: sheet, cols: 2, rows: len(rows), onePage: true, footer: footer})
}
