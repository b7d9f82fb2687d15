package templates

import (
	"encoding/json"
	"io"

	"github.com/kosto-project/kosto/costing"
)

// JSON writes the costed scenario as one JSON document (see renderJSON).
func JSON(w io.Writer, r *costing.Result, o Options) error {
	return Report(w, r, o, FormatJSON)
}

// The JSON document is the document itself: its sections, tables, columns
// and rows, each figure with its value as an exact decimal string, its
// kind, its unit and, where it is a node of the calculation graph, its
// stable name (for `kosto explain`) and year.
type jsonDoc struct {
	Report   string        `json:"report"`
	Language string        `json:"language"`
	Name     string        `json:"name"`
	Currency string        `json:"currency"`
	Title    string        `json:"title"`
	Lines    []string      `json:"lines"`
	Sections []jsonSection `json:"sections"`
	Notes    []string      `json:"notes"`
	Warnings []string      `json:"warnings"`
}

type jsonSection struct {
	Heading string      `json:"heading"`
	Tables  []jsonTable `json:"tables"`
}

type jsonTable struct {
	Key          string       `json:"key"`
	Title        string       `json:"title,omitempty"`
	Municipality string       `json:"municipality,omitempty"`
	Columns      []jsonColumn `json:"columns"`
	Rows         []jsonRow    `json:"rows"`
	Notes        []string     `json:"notes,omitempty"`
}

type jsonColumn struct {
	Label string `json:"label"`
	Key   string `json:"key"`
	Memo  bool   `json:"memo,omitempty"`
}

type jsonRow struct {
	Key   string     `json:"key,omitempty"` // what the row is, for programs: a municipality, a category's code
	Total bool       `json:"total,omitempty"`
	Group bool       `json:"group,omitempty"`
	Level int        `json:"level,omitempty"`
	Cells []jsonCell `json:"cells"`
}

type jsonCell struct {
	Text   string `json:"text,omitempty"`
	Kind   string `json:"kind"`
	Value  string `json:"value,omitempty"` // exact decimal; absent when undefined
	Shown  string `json:"shown,omitempty"` // as the table prints it
	Unit   string `json:"unit,omitempty"`
	Figure string `json:"figure,omitempty"`
	Year   int    `json:"year,omitempty"`
}

func renderJSON(w io.Writer, d *Document) error {
	doc := jsonDoc{Report: d.Report, Language: d.Lang, Name: d.Name, Currency: d.Currency, Title: d.Title,
		Lines: nonNil(d.Lines), Notes: nonNil(d.Notes), Warnings: nonNil(d.Warnings), Sections: []jsonSection{}}
	for _, s := range d.Sections {
		js := jsonSection{Heading: s.Heading, Tables: []jsonTable{}}
		for _, t := range s.Tables {
			jt := jsonTable{Key: t.Key, Title: t.Title, Municipality: t.Municipality, Notes: t.Notes, Rows: []jsonRow{}}
			for _, c := range t.Columns {
				jt.Columns = append(jt.Columns, jsonColumn{Label: c.Label, Key: c.Key, Memo: c.Memo})
			}
			for _, r := range t.Rows {
				jr := jsonRow{Key: r.Key, Total: r.Total, Group: r.Group, Level: r.Level, Cells: []jsonCell{}}
				for _, c := range r.Cells {
					jr.Cells = append(jr.Cells, jsonCellOf(d.Lang, c))
				}
				jt.Rows = append(jt.Rows, jr)
			}
			js.Tables = append(js.Tables, jt)
		}
		doc.Sections = append(doc.Sections, js)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func jsonCellOf(lang string, c Cell) jsonCell {
	if c.Kind == KindText {
		return jsonCell{Kind: c.Kind.String(), Text: c.Text}
	}
	jc := jsonCell{Kind: c.Kind.String(), Value: exact(c), Shown: cellText(lang, c), Unit: c.Unit}
	if c.Source != nil {
		jc.Figure = c.Source.Figure()
		if c.Source.K >= 0 {
			jc.Year = c.Source.Year
		}
	}
	return jc
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
