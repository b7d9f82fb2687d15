package templates

// The HTML renderer: a Document as a fragment of a web page, for kosto
// serve. Like the other renderers it computes nothing: each cell is written
// as cellText writes it, a figure right-aligned with its node's name
// (data-figure) and exact value (data-value) beside it, a total in bold, a
// memo amount in brackets; each chart is drawn as inline SVG from its table,
// which is shown with it. Everything passes through html/template, which
// escapes every text.

import (
	"embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"math"
	"strings"
)

//go:embed web
var webFS embed.FS

// Assets are the page's stylesheet and script, served as they are.
func Assets() fs.FS {
	sub, err := fs.Sub(webFS, "web/assets")
	if err != nil {
		panic(err) // the embedded folder is kosto's own
	}
	return sub
}

var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"pl": pageLabelOf,
}).ParseFS(webFS, "web/*.html"))

// HTML writes the document as an HTML fragment: its title, lines, sections
// with their tables and charts, notes and warnings.
func HTML(w io.Writer, d *Document) error {
	return pageTemplates.ExecuteTemplate(w, "document", htmlDocument(d, "d"))
}

// The view of a document the template lays out: every cell already text.
type htmlDoc struct {
	ID       string
	Doc      *Document
	Sections []htmlSection
}

type htmlSection struct {
	Heading string
	Tables  []htmlTable
	Charts  []svgChart
}

type htmlTable struct {
	ID      string
	Title   string
	Columns []Column
	Rows    []htmlRow
	Notes   []string
}

type htmlRow struct {
	Key    string // the row's key for programs (a municipality's name), as data-key
	Class  string
	Indent string // the first cell's left padding
	Label  string
	Cells  template.HTML // the figure cells, written by cellsHTML
}

type htmlCell struct {
	Text, Class, Figure, Value string
}

func htmlDocument(d *Document, id string) htmlDoc {
	hd := htmlDoc{ID: id, Doc: d}
	for i, s := range d.Sections {
		hs := htmlSection{Heading: s.Heading}
		ids := map[*Table]string{}
		for j, t := range s.Tables {
			ids[t] = fmt.Sprintf("%s-s%d-t%d", id, i, j)
			hs.Tables = append(hs.Tables, htmlTableOf(d.Lang, t, ids[t]))
		}
		for j, c := range s.Charts {
			tid := ids[c.Table]
			if tid == "" { // a chart of a table shown elsewhere: shown with it here
				tid = fmt.Sprintf("%s-s%d-c%d", id, i, j)
				hs.Tables = append(hs.Tables, htmlTableOf(d.Lang, c.Table, tid))
			}
			hs.Charts = append(hs.Charts, chartOf(d.Lang, c, tid))
		}
		hd.Sections = append(hd.Sections, hs)
	}
	return hd
}

func htmlTableOf(lang string, t *Table, id string) htmlTable {
	ht := htmlTable{ID: id, Title: t.Title, Columns: t.Columns, Notes: t.Notes}
	for _, r := range t.Rows {
		hr := htmlRow{Key: r.Key, Label: r.Label()}
		if len(r.Cells) > 0 && r.Cells[0].IsFigure() {
			hr.Label = cellText(lang, r.Cells[0])
		}
		switch {
		case r.Total:
			hr.Class = "total"
		case r.Group:
			hr.Class = "group"
		}
		if r.Level > 0 {
			hr.Indent = fmt.Sprintf("padding-left:%.1fem", 0.4+1.2*float64(r.Level))
		}
		var cells []htmlCell
		for k, c := range r.Cells {
			if k == 0 {
				continue
			}
			hc := htmlCell{Text: cellText(lang, c), Value: exact(c)}
			if c.IsFigure() || k < len(t.Columns) && t.Columns[k].Numeric {
				hc.Class = "num"
			}
			if c.Kind == KindMemo || k < len(t.Columns) && t.Columns[k].Memo {
				hc.Class += " memo"
			}
			if c.Source != nil {
				hc.Figure = c.Source.Figure()
				if c.Source.K >= 0 {
					hc.Figure += fmt.Sprintf("@%d", c.Source.Year)
				}
			}
			cells = append(cells, hc)
		}
		hr.Cells = cellsHTML(cells)
		ht.Rows = append(ht.Rows, hr)
	}
	return ht
}

// cellsHTML writes a row's cells, <td class="…" data-figure="…"
// data-value="…">text</td>: in Go rather than in the template, where a
// table of the national scenario's thousands of cells took most of the
// page's time, with every text and attribute escaped as html/template
// escapes them (html.EscapeString escapes <, >, &, ' and ", which is enough
// inside an element and a quoted attribute).
func cellsHTML(cells []htmlCell) template.HTML {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(`<td class="`)
		b.WriteString(html.EscapeString(c.Class))
		b.WriteByte('"')
		if c.Figure != "" {
			b.WriteString(` data-figure="`)
			b.WriteString(html.EscapeString(c.Figure))
			b.WriteByte('"')
		}
		if c.Value != "" {
			b.WriteString(` data-value="`)
			b.WriteString(html.EscapeString(c.Value))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		b.WriteString(html.EscapeString(c.Text))
		b.WriteString("</td>")
	}
	return template.HTML(b.String())
}

// SVG draws the chart as inline SVG, written in Go for the same reason
// and with the same escaping as cellsHTML.
func (sc svgChart) SVG() template.HTML {
	var b strings.Builder
	e := html.EscapeString
	f := func(x float64) string { return fmt.Sprintf("%.1f", x) }
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title" aria-describedby="%s" width="100%%" preserveAspectRatio="xMinYMin meet">`,
		sc.Width, sc.Height, e(sc.TableID), e(sc.TableID))
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, e(sc.TableID), e(sc.Title))
	for _, t := range sc.Ticks {
		fmt.Fprintf(&b, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/><text class="tick" x="%s" dx="-6" y="%s" dy="4" text-anchor="end">%s</text>`,
			f(sc.Left), f(sc.Right), f(t.Pos), f(t.Pos), f(sc.Left), f(t.Pos), e(t.Label))
	}
	for _, r := range sc.Bars {
		fmt.Fprintf(&b, `<rect class="s%d" x="%s" y="%s" width="%s" height="%s"><title>%s</title></rect>`, r.Series, f(r.X), f(r.Y), f(r.W), f(r.H), e(r.Title))
	}
	for _, l := range sc.Lines {
		fmt.Fprintf(&b, `<polyline class="line s%d" points="%s"><title>%s</title></polyline>`, l.Series, e(l.Points), e(l.Title))
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%s" x2="%s" y1="%s" y2="%s"/>`, f(sc.Left), f(sc.Right), f(sc.Bottom), f(sc.Bottom))
	for _, c := range sc.Categories {
		fmt.Fprintf(&b, `<text class="cat" x="%s" y="%s" dy="16" text-anchor="middle">%s</text>`, f(c.Pos), f(sc.Bottom), e(c.Label))
	}
	for _, l := range sc.Legend {
		fmt.Fprintf(&b, `<rect class="s%d" x="%s" y="%s" width="12" height="12"/><text class="legend" x="%s" y="%s" dy="10">%s</text>`,
			l.Series, f(sc.Right+30), f(l.Y), f(sc.Right+48), f(l.Y), e(l.Label))
	}
	if sc.ValueAxis != "" {
		fmt.Fprintf(&b, `<text class="axis-label" x="8" y="12">%s</text>`, e(sc.ValueAxis))
	}
	if sc.CategoryAxis != "" {
		fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%d" dy="-8">%s</text>`, f(sc.Left), sc.Height, e(sc.CategoryAxis))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// An svgChart is a chart's geometry, in the SVG's own units.
type svgChart struct {
	Lang, Title, TableID, ValueAxis, CategoryAxis string
	Width, Height                                 int
	Bars                                          []svgRect
	Lines                                         []svgLine
	Ticks                                         []svgTick
	Categories                                    []svgTick
	Legend                                        []svgLegend
	Left, Bottom, Right                           float64
}

type svgRect struct {
	X, Y, W, H float64
	Series     int
	Title      string
}

type svgLine struct {
	Points string
	Series int
	Title  string
}

type svgTick struct {
	Pos   float64
	Label string
}

type svgLegend struct {
	Series int
	Label  string
	Y      float64
}

// The chart's frame.
const (
	chartW, chartH  = 680, 320
	chartLeft       = 80.0
	chartTop        = 28.0
	chartBottom     = 250.0 // the category axis
	chartLegendLeft = 520.0
)

// chartData is a chart's series over its categories, read from its table:
// its figure rows over the figure columns, or its figure columns over the
// rows that are no total. Only for the chart's geometry: what is written is
// the table's text.
func chartData(lang string, c *Chart) (cats []string, names []string, vals [][]float64, shown [][]string) {
	t := c.Table
	num := func(cell Cell) float64 {
		if !cell.IsFigure() || !cell.Defined {
			return 0
		}
		f, _ := cell.Value.Float64()
		return f
	}
	if len(c.Rows) > 0 {
		var cols []int
		for k := 1; k < len(t.Columns); k++ {
			if t.Columns[k].Numeric && !t.Columns[k].Memo {
				cols = append(cols, k)
				cats = append(cats, t.Columns[k].Label)
			}
		}
		for _, i := range c.Rows {
			r := t.Rows[i]
			names = append(names, r.Label())
			var vs []float64
			var ss []string
			for _, k := range cols {
				if k < len(r.Cells) {
					vs = append(vs, num(r.Cells[k]))
					ss = append(ss, cellText(lang, r.Cells[k]))
				} else {
					vs, ss = append(vs, 0), append(ss, "")
				}
			}
			vals, shown = append(vals, vs), append(shown, ss)
		}
		return
	}
	var rows []int
	for i, r := range t.Rows {
		if !r.Total && !r.Group {
			rows = append(rows, i)
			cats = append(cats, r.Label())
		}
	}
	for _, k := range c.Columns {
		names = append(names, t.Columns[k].Label)
		var vs []float64
		var ss []string
		for _, i := range rows {
			cells := t.Rows[i].Cells
			if k < len(cells) {
				vs, ss = append(vs, num(cells[k])), append(ss, cellText(lang, cells[k]))
			} else {
				vs, ss = append(vs, 0), append(ss, "")
			}
		}
		vals, shown = append(vals, vs), append(shown, ss)
	}
	return
}

// chartOf lays a chart out: bars side by side, stacked, or lines, on a
// value axis from zero (or the lowest value, when below zero) to the
// highest, with three ticks.
func chartOf(lang string, c *Chart, tableID string) svgChart {
	cats, names, vals, shown := chartData(lang, c)
	sc := svgChart{Lang: lang, Title: c.Title, TableID: tableID, ValueAxis: c.ValueAxis, CategoryAxis: c.CategoryAxis,
		Width: chartW, Height: chartH, Left: chartLeft, Bottom: chartBottom, Right: chartLegendLeft - 20}
	if len(names) < 2 {
		sc.Right = chartW - 10
	}
	lo, hi := 0.0, 0.0
	for j := range cats {
		sum := 0.0
		for s := range names {
			v := vals[s][j]
			if c.Kind == ChartStacked {
				sum += v
				hi, lo = math.Max(hi, sum), math.Min(lo, sum)
			} else {
				hi, lo = math.Max(hi, v), math.Min(lo, v)
			}
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	y := func(v float64) float64 { return chartBottom - (v-lo)/(hi-lo)*(chartBottom-chartTop) }
	n := numbers{lang: lang}
	for _, v := range []float64{lo, lo + (hi-lo)/2, hi} {
		sc.Ticks = append(sc.Ticks, svgTick{Pos: y(v), Label: n.group(fmt.Sprintf("%.0f", v))})
	}
	if len(cats) == 0 {
		return sc
	}
	band := (sc.Right - chartLeft) / float64(len(cats))
	for j, cat := range cats {
		sc.Categories = append(sc.Categories, svgTick{Pos: chartLeft + band*(float64(j)+0.5), Label: shortLabel(cat, int(band/7))})
	}
	lines := map[int]bool{}
	for _, s := range c.Lines {
		lines[s] = true
	}
	barSeries := 0
	for s := range names {
		if c.Kind == ChartLines || lines[s] {
			continue
		}
		barSeries++
	}
	if c.Kind == ChartStacked {
		barSeries = 1
	}
	for j := range cats {
		x0 := chartLeft + band*float64(j) + band*0.15
		w := band * 0.7
		base, b := 0.0, 0
		for s := range names {
			v := vals[s][j]
			title := names[s] + ", " + cats[j] + ": " + shown[s][j]
			switch {
			case c.Kind == ChartLines || lines[s]:
				continue
			case c.Kind == ChartStacked:
				top := y(base + v)
				sc.Bars = append(sc.Bars, svgRect{X: x0, Y: math.Min(top, y(base)), W: w, H: math.Abs(y(base) - top), Series: s % 8, Title: title})
				base += v
			default:
				bw := w / float64(max(barSeries, 1))
				top := y(v)
				sc.Bars = append(sc.Bars, svgRect{X: x0 + bw*float64(b), Y: math.Min(top, y(0)), W: bw, H: math.Abs(y(0) - top), Series: s % 8, Title: title})
				b++
			}
		}
	}
	for s := range names {
		if c.Kind != ChartLines && !lines[s] {
			continue
		}
		var pts []string
		for j := range cats {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", chartLeft+band*(float64(j)+0.5), y(vals[s][j])))
		}
		sc.Lines = append(sc.Lines, svgLine{Points: strings.Join(pts, " "), Series: s % 8, Title: names[s]})
	}
	if len(names) > 1 {
		for s, name := range names {
			sc.Legend = append(sc.Legend, svgLegend{Series: s % 8, Label: name, Y: chartTop + 18*float64(s)})
		}
	}
	return sc
}

// shortLabel cuts a category's label to n characters (at least 4), for the
// axis; the table beside the chart has it whole.
func shortLabel(s string, n int) string {
	n = max(n, 4)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
