package templates

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/kosto-project/kosto/costing"
)

// Text writes the costed scenario as plain-text tables for a terminal.
func Text(w io.Writer, r *costing.Result, o Options) error {
	v := newView(r, o)
	return v.text(w, v.heading(), v.sections())
}

// text renders a report's heading and sections, and the result's warnings,
// as plain text.
func (v *view) text(w io.Writer, heading []string, sections []section) error {
	ew := &errWriter{w: w}
	for _, h := range heading {
		fmt.Fprintln(ew, h)
	}
	for _, s := range sections {
		fmt.Fprintln(ew)
		fmt.Fprintln(ew, strings.ToUpper(s.heading))
		for _, t := range s.tables {
			if t.title != "" {
				fmt.Fprintln(ew)
				fmt.Fprintln(ew, t.title)
			}
			writeText(ew, t)
		}
	}
	if ws := v.warnings(); len(ws) > 0 {
		fmt.Fprintln(ew)
		fmt.Fprintln(ew, strings.ToUpper(v.l("warnings")))
		for _, w := range ws {
			fmt.Fprintln(ew, indent(w))
		}
	}
	return ew.err
}

// writeText renders a table with tabwriter, amounts aligned right.
func writeText(w io.Writer, t *table) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// tabwriter aligns every cell the same way, so left-aligned cells are
	// padded here to their column's width and the writer aligns the rest
	// right.
	widths := make([]int, len(t.header))
	for _, row := range append([][]string{t.header}, t.rows...) {
		for i, c := range row {
			if n := utf8.RuneCountInString(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	line := func(row []string) {
		var b strings.Builder
		for i, c := range row {
			if !t.right[i] {
				c += strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			}
			b.WriteString(c)
			b.WriteByte('\t')
		}
		fmt.Fprintln(tw, b.String())
	}
	line(t.header)
	rule := make([]string, len(t.header))
	for i := range rule {
		rule[i] = strings.Repeat("-", widths[i])
	}
	line(rule)
	for _, row := range t.rows {
		line(row)
	}
	tw.Flush()
	for _, n := range t.notes {
		fmt.Fprintln(w, n)
	}
}

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
