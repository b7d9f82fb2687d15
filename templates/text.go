package templates

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kosto-project/kosto/costing"
)

// DefaultWidth is the widest a terminal table is by default, in columns.
const DefaultWidth = 120

// labelWidth is the widest a column of words is before its cells wrap.
const labelWidth = 40

// minLabel is the narrowest a column of words wraps to, to fit a table.
const minLabel = 16

// Text writes the costed scenario as plain-text tables for a terminal.
func Text(w io.Writer, r *costing.Result, o Options) error {
	return Report(w, r, o, FormatTable)
}

// renderText writes a document as plain text: its title, its sections'
// headings in capitals and their tables, the notes and the warnings. A
// table wider than o.Width (DefaultWidth when 0) is fitted — its long words
// wrapped, then turned so its rows become columns, or else cut into parts
// that each repeat the first column — unless o.Wide.
func renderText(w io.Writer, d *Document, o Options) error {
	ew := &errWriter{w: w}
	width := o.Width
	if width <= 0 {
		width = DefaultWidth
	}
	if o.Wide {
		width = 0
	}
	for _, l := range append([]string{d.Title}, d.Lines...) {
		writeWrapped(ew, l, width)
	}
	for _, s := range d.Sections {
		fmt.Fprintln(ew)
		writeWrapped(ew, strings.ToUpper(s.Heading), width)
		for _, t := range s.Tables {
			if t.Title != "" {
				fmt.Fprintln(ew)
				writeWrapped(ew, t.Title, width)
			}
			for i, g := range fit(textGrid(d.Lang, t), width) {
				if i > 0 {
					fmt.Fprintln(ew)
				}
				g.write(ew)
			}
			for _, n := range t.Notes {
				writeWrapped(ew, n, width)
			}
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintln(ew)
		writeWrapped(ew, n, width)
	}
	if len(d.Warnings) > 0 {
		fmt.Fprintln(ew)
		fmt.Fprintln(ew, strings.ToUpper(label(d.Lang, "warnings")))
		// A warning is a message, file:line: key = value: …, kept on its
		// line so that it can be searched for, as on standard error.
		for _, w := range d.Warnings {
			fmt.Fprintln(ew, indent(w))
		}
	}
	return ew.err
}

// A grid is a table as text: its header and rows of cell texts, which
// columns are aligned right, and which rows are totals.
type grid struct {
	label  int // the widest a column of words is before it wraps; 0: labelWidth
	fold   int // the lines a header may wrap onto; 0: one
	header []string
	right  []bool
	rows   [][]string
	total  []bool
	group  []bool // a heading over rows: its label on a line of its own
}

// textGrid is a table's cells as text, a row's first cell indented by its
// level.
func textGrid(lang string, t *Table) grid {
	g := grid{}
	for _, c := range t.Columns {
		g.header = append(g.header, c.Label)
		g.right = append(g.right, c.Numeric)
	}
	for _, r := range t.Rows {
		cells := make([]string, max(len(r.Cells), len(t.Columns)))
		for i, c := range r.Cells {
			cells[i] = cellText(lang, c)
		}
		if len(cells) > 0 {
			cells[0] = strings.Repeat("  ", r.Level) + cells[0]
		}
		g.rows = append(g.rows, cells)
		g.total = append(g.total, r.Total)
		g.group = append(g.group, r.Group)
	}
	return g
}

// widths are the columns' widths: a figure column as wide as its widest
// cell and its header's longest word (the header wraps), a column of words
// as wide as its widest cell up to g.label (labelWidth when 0; longer ones
// wrap).
func (g grid) widths() []int {
	lw := g.label
	if lw == 0 {
		lw = labelWidth
	}
	ws := make([]int, len(g.header))
	for i, h := range g.header {
		for _, word := range strings.Fields(h) {
			ws[i] = max(ws[i], runes(word))
		}
		if !g.right[i] {
			ws[i] = max(ws[i], min(runes(h), lw))
		}
	}
	for k, r := range g.rows {
		for i, c := range r {
			if g.isGroup(k) {
				break
			}
			n := runes(c)
			if !g.right[i] {
				n = min(n, lw)
			}
			ws[i] = max(ws[i], n)
		}
	}
	for i, h := range g.header {
		if g.fold < 2 {
			ws[i] = max(ws[i], runes(h))
			continue
		}
		// A header of a few words fits on g.fold lines.
		ws[i] = max(ws[i], min(runes(h), (runes(h)+g.fold-1)/g.fold))
	}
	return ws
}

func (g grid) isGroup(k int) bool { return k < len(g.group) && g.group[k] }

// span is the width of columns of widths ws, two spaces apart.
func span(ws []int) int {
	n := 0
	for _, w := range ws {
		n += w + 2
	}
	return max(n-2, 0)
}

// fit returns the grid as parts no wider than width (0: any width): the
// grid itself when it fits, or when its headers and columns of words wrap
// (down to minLabel); else turned when its rows fit as columns; else cut
// into parts of as many columns as fit, each with the first column.
func fit(g grid, width int) []grid {
	if width == 0 || span(g.widths()) <= width {
		return []grid{g}
	}
	if w, ok := g.wrapped(width); ok {
		return []grid{w}
	}
	g.label, g.fold = minLabel, 3
	if len(g.header) < 3 {
		return []grid{g}
	}
	if t := g.turned(); len(g.rows) < len(g.header) && !slices.Contains(g.group, true) && span(t.widths()) <= width {
		return []grid{t}
	}
	// As few parts as the widths allow, the columns shared out evenly.
	for n := 2; ; n++ {
		per := (len(g.header) - 1 + n - 1) / n
		var parts []grid
		fits := true
		for first := 1; first < len(g.header); first += per {
			cols := []int{0}
			for c := first; c < min(first+per, len(g.header)); c++ {
				cols = append(cols, c)
			}
			p := g.columns(cols)
			fits = fits && (per == 1 || span(p.widths()) <= width)
			// A part wraps no narrower than it needs to.
			p.label, p.fold = 0, 0
			if span(p.widths()) > width {
				if w, ok := p.wrapped(width); ok {
					p = w
				} else {
					p.label, p.fold = minLabel, 3
				}
			}
			parts = append(parts, p)
		}
		if fits {
			return parts
		}
	}
}

// wrapped is the grid with its headers and columns of words wrapped as
// little as it takes to fit width: the widest label first, headers on two
// lines, then three; false when even the narrowest does not fit.
func (g grid) wrapped(width int) (grid, bool) {
	for g.label = labelWidth; g.label >= minLabel; g.label -= 2 {
		for g.fold = 2; g.fold <= 3; g.fold++ {
			if span(g.widths()) <= width {
				return g, true
			}
		}
	}
	return g, false
}

// columns is the grid of only the columns cols.
func (g grid) columns(cols []int) grid {
	p := grid{label: g.label, fold: g.fold, total: g.total, group: g.group}
	pick := func(row []string) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			if c < len(row) {
				out[i] = row[c]
			}
		}
		return out
	}
	p.header = pick(g.header)
	for _, c := range cols {
		p.right = append(p.right, g.right[c])
	}
	for _, r := range g.rows {
		p.rows = append(p.rows, pick(r))
	}
	return p
}

// turned is the grid with its rows as columns: the header's labels down
// the first column, each row a column headed by its first cell.
func (g grid) turned() grid {
	t := grid{label: g.label, fold: g.fold, header: []string{g.header[0]}, right: []bool{false}}
	for _, r := range g.rows {
		t.header = append(t.header, strings.TrimSpace(r[0]))
		t.right = append(t.right, true)
	}
	for i := 1; i < len(g.header); i++ {
		row := []string{g.header[i]}
		for _, r := range g.rows {
			row = append(row, r[i])
		}
		t.rows = append(t.rows, row)
		t.total = append(t.total, false)
	}
	return t
}

// write writes the grid: the header (wrapped over lines), a rule, and the
// rows, figures aligned right, words wrapped at their column's width.
func (g grid) write(w io.Writer) {
	ws := g.widths()
	g.lines(w, ws, g.header, "")
	rule := make([]string, len(ws))
	for i, n := range ws {
		rule[i] = strings.Repeat("-", n)
	}
	g.line(w, ws, rule)
	for k, r := range g.rows {
		if g.isGroup(k) {
			fmt.Fprintln(w, r[0])
			continue
		}
		g.lines(w, ws, r, "  ")
	}
}

// lines writes a row over as many lines as its longest wrapped cell needs,
// a cell's later lines of words indented by hang.
func (g grid) lines(w io.Writer, ws []int, row []string, hang string) {
	wrapped := make([][]string, len(ws))
	height := 1
	for i := range ws {
		c := ""
		if i < len(row) {
			c = row[i]
		}
		h := hang
		if g.right[i] {
			h = ""
		}
		wrapped[i] = wrap(c, ws[i], h)
		height = max(height, len(wrapped[i]))
	}
	for k := range height {
		line := make([]string, len(ws))
		for i := range ws {
			if k < len(wrapped[i]) {
				line[i] = wrapped[i][k]
			}
		}
		g.line(w, ws, line)
	}
}

// line writes one line of cells, each padded to its column's width.
func (g grid) line(w io.Writer, ws []int, cells []string) {
	var b strings.Builder
	for i, c := range cells {
		pad := strings.Repeat(" ", max(ws[i]-runes(c), 0))
		if g.right[i] {
			b.WriteString(pad + c)
		} else {
			b.WriteString(c + pad)
		}
		if i < len(cells)-1 {
			b.WriteString("  ")
		}
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
}

// wrap cuts s into lines of at most width runes at spaces (a word longer
// than width is cut), keeping its leading indentation on the first line and
// indenting the others by it and hang.
func wrap(s string, width int, hang string) []string {
	if runes(s) <= width || width <= 0 {
		return []string{s}
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	hang = indent + hang
	var lines []string
	line := indent
	for _, word := range strings.Fields(s) {
		for runes(word) > width {
			if strings.TrimSpace(line) != "" {
				lines, line = append(lines, line), ""
			}
			cut := []rune(word)
			lines = append(lines, string(cut[:width]))
			word = string(cut[width:])
		}
		switch {
		case strings.TrimSpace(line) == "":
			line += word
		case runes(line)+1+runes(word) <= width:
			line += " " + word
		default:
			lines, line = append(lines, line), hang+word
		}
	}
	return append(lines, line)
}

// writeWrapped writes a paragraph wrapped at width (0: on one line).
func writeWrapped(w io.Writer, s string, width int) {
	for _, l := range wrap(s, width, "") {
		fmt.Fprintln(w, l)
	}
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// errWriter keeps the first write error so renderers can write freely and
// report it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, nil
}
