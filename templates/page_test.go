package templates

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Every word of the page has its three texts, and label finds them.
func TestPageGlossaryComplete(t *testing.T) {
	for k, v := range pageGlossary {
		for i, s := range v {
			if s == "" {
				t.Errorf("page word %q lacks its text in %s", k, PageLanguages[i])
			}
		}
		if label("sr", k) != v[2] || label("sq", k) != v[1] || label("en", k) != v[0] {
			t.Errorf("label does not find page word %q", k)
		}
	}
}

// The HTML renderer escapes every text a scenario can write, and writes
// figures as cellText does, with their exact values.
func TestHTMLEscapes(t *testing.T) {
	evil := `<script>alert("x")</script>&'`
	tb := &Table{Title: evil, Columns: []Column{{Label: evil}, {Label: "n", Numeric: true}},
		Rows: []Row{{Cells: []Cell{Words(evil), Money(decimal.RequireFromString("1234.5"), 2)}, Total: true}}}
	d := &Document{Lang: "sq", Title: evil, Lines: []string{evil}, Sections: []*Section{{Heading: evil, Tables: []*Table{tb},
		Charts: []*Chart{{Title: evil, Kind: ChartBars, Table: tb, Rows: []int{0}, ValueAxis: evil}}}}}
	var buf bytes.Buffer
	if err := HTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>") {
		t.Errorf("a text was not escaped:\n%s", out)
	}
	if !strings.Contains(out, `data-value="1234.50">1.234,50</td>`) || !strings.Contains(out, `<tr class="total">`) || !strings.Contains(out, "<svg") {
		t.Errorf("the figure, the total or the chart is not as expected:\n%s", out)
	}
}
