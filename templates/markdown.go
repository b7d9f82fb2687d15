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
	return Report(w, r, o, FormatMarkdown)
}

// renderMarkdown writes a document as Markdown: the title a heading, each
// section a heading of the second level and each titled table one of the
// third, totals in bold.
func renderMarkdown(w io.Writer, d *Document) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "# %s\n", mdEscape(d.Title))
	for _, l := range d.Lines {
		fmt.Fprintf(ew, "\n%s\n", mdEscape(l))
	}
	for _, s := range d.Sections {
		fmt.Fprintf(ew, "\n## %s\n", mdEscape(s.Heading))
		for _, t := range s.Tables {
			if t.Title != "" {
				fmt.Fprintf(ew, "\n### %s\n", mdEscape(t.Title))
			}
			fmt.Fprintln(ew)
			writeMarkdown(ew, d.Lang, t)
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(ew, "\n%s\n", mdEscape(n))
	}
	if len(d.Warnings) > 0 {
		fmt.Fprintf(ew, "\n## %s\n\n", label(d.Lang, "warnings"))
		for _, w := range d.Warnings {
			fmt.Fprintf(ew, "- %s\n", mdEscape(w))
		}
	}
	return ew.err
}

func writeMarkdown(w io.Writer, lang string, t *Table) {
	line := func(cells []string) { fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | ")) }
	head := make([]string, len(t.Columns))
	sep := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i], sep[i] = mdEscape(c.Label), "---"
		if c.Numeric {
			sep[i] = "---:"
		}
	}
	line(head)
	fmt.Fprintf(w, "|%s|\n", strings.Join(sep, "|"))
	for _, r := range t.Rows {
		cells := make([]string, len(t.Columns))
		for i, c := range r.Cells {
			s := mdEscape(cellText(lang, c))
			if i == 0 && r.Level > 0 {
				s = strings.Repeat("&nbsp;&nbsp;", r.Level) + s
			}
			if (r.Total || r.Group) && s != "" {
				s = "**" + s + "**"
			}
			cells[i] = s
		}
		line(cells)
	}
	for _, n := range t.Notes {
		fmt.Fprintf(w, "\n%s\n", mdEscape(n))
	}
}

var mdReplacer = strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "<", "&lt;", "\n", " ")

func mdEscape(s string) string { return mdReplacer.Replace(s) }
