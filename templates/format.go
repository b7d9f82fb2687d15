package templates

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kosto-project/kosto/costing"

	"github.com/shopspring/decimal"
)

// Options says how to render.
type Options struct {
	Lang string // one of models.Languages; empty means the scenario's language
	// Width is the widest a terminal table may be, in columns (0:
	// DefaultWidth); Wide lets tables be as wide as they are.
	Width int
	Wide  bool
	// Municipality names the municipality a report shows in full; empty
	// means every one, or, above SummaryAbove of them, the summary.
	Municipality string
	// BOM starts a CSV with a byte order mark, for Excel.
	BOM bool
	// Full shows every municipality in full, however many (a workbook).
	Full bool
}

// A Format is how a report is written: for a terminal, as Markdown, as
// JSON or CSV for other programs, or as an Excel workbook.
type Format string

// The formats.
const (
	FormatTable    Format = "table"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
	FormatCSV      Format = "csv"
	FormatXLSX     Format = "xlsx"
)

// TextFormats are the formats every report is written in; a workbook is
// written by the functions that say so.
var TextFormats = []Format{FormatTable, FormatJSON, FormatCSV, FormatMarkdown}

// ParseFormat returns the format s names when it is one of allowed.
func ParseFormat(s string, allowed ...Format) (Format, error) {
	for _, f := range allowed {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("--format %q: expected %s", s, FormatNames(allowed...))
}

// FormatNames names formats as a choice: "table, json, csv or markdown".
func FormatNames(fs ...Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return orList(names)
}

// text refuses a format the text renderers do not write: a renderer never
// falls back to a table for a format it was not asked for.
func (f Format) text() error {
	if slices.Contains(TextFormats, f) {
		return nil
	}
	return fmt.Errorf("templates: a %q report is not written here (the text formats are %v)", f, TextFormats)
}

// orList joins words as a sentence offers a choice: "a", "a or b", "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// Report writes the report of kosto run — roles, unit costs, staffing, the
// year's budget and its categories — in one of TextFormats.
func Report(w io.Writer, r *costing.Result, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	d, err := RunReport(r, o)
	return write(w, d, err, o, format)
}

// numbers formats decimals for one language: English writes 1,234.56,
// Albanian and Serbian 1.234,56.
type numbers struct {
	lang     string
	decimals int32
}

// money formats an amount with the currency's decimals.
func (n numbers) money(d decimal.Decimal) string {
	return n.group(d.StringFixed(n.decimals))
}

// qty formats a quantity (FTE, hours, children) with at most two decimals.
func (n numbers) qty(d decimal.Decimal) string {
	s := d.Round(2).String()
	return n.group(s)
}

// group inserts thousands separators into a plain decimal string and swaps
// the separators for Albanian and Serbian.
func (n numbers) group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	thou, dec := ",", "."
	if n.lang == "sq" || n.lang == "sr" {
		thou, dec = ".", ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}
