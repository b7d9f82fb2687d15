package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/kosto-project/kosto/costing"
)

// Markdown writes the costed scenario as Markdown tables, for a report or a
// web page.
func Markdown(w io.Writer, r *costing.Result, o Options) error {
	v := newView(r, o)
	return v.markdown(w, v.heading(), v.sections())
}

// markdown renders a report's heading and sections, and the result's
// warnings, as Markdown.
func (v *view) markdown(w io.Writer, heading []string, sections []section) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "# %s\n", mdEscape(heading[0]))
	for _, h := range heading[1:] {
		fmt.Fprintf(ew, "\n%s\n", mdEscape(h))
	}
	for _, s := range sections {
		fmt.Fprintf(ew, "\n## %s\n", mdEscape(s.heading))
		for _, t := range s.tables {
			if t.title != "" {
				fmt.Fprintf(ew, "\n### %s\n", mdEscape(t.title))
			}
			fmt.Fprintln(ew)
			writeMarkdown(ew, t)
		}
	}
	if ws := v.warnings(); len(ws) > 0 {
		fmt.Fprintf(ew, "\n## %s\n\n", v.l("warnings"))
		for _, w := range ws {
			fmt.Fprintf(ew, "- %s\n", mdEscape(w))
		}
	}
	return ew.err
}

func writeMarkdown(w io.Writer, t *table) {
	cells := func(row []string, strong bool) {
		out := make([]string, len(row))
		for i, c := range row {
			c = mdEscape(strings.TrimSpace(c))
			if strong && c != "" {
				c = "**" + c + "**"
			}
			out[i] = c
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(out, " | "))
	}
	cells(t.header, false)
	sep := make([]string, len(t.header))
	for i, r := range t.right {
		sep[i] = "---"
		if r {
			sep[i] = "---:"
		}
	}
	fmt.Fprintf(w, "|%s|\n", strings.Join(sep, "|"))
	for i, row := range t.rows {
		cells(row, t.strong[i])
	}
	for _, n := range t.notes {
		fmt.Fprintf(w, "\n%s\n", mdEscape(n))
	}
}

var mdReplacer = strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`)

func mdEscape(s string) string { return mdReplacer.Replace(s) }
