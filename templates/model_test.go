package templates_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// documents are every report kosto prints of the shipped scenarios and
// formulas, by a name for failures: run, project, the care comparison, the
// funnels and the occupancy curves of each scenario, the two comparisons,
// and the grants.
func documents(t *testing.T, lang string) map[string]*templates.Document {
	t.Helper()
	o := templates.Options{Lang: lang}
	docs := map[string]*templates.Document{}
	for _, name := range scenarios.Shipped() {
		r := cost(t, name)
		d, err := templates.RunReport(r, o)
		if err != nil {
			t.Fatal(err)
		}
		docs["run "+name] = d
		docs["project "+name] = templates.ProjectReport(r.Project(), o)
		if d, err := templates.CareReport(r, o); err == nil {
			docs["compare-care "+name] = d
		}
		if d, err := templates.FunnelReport(r, o); err == nil {
			docs["funnel "+name] = d
		}
		for _, m := range r.Municipalities {
			for _, s := range m.Services {
				if points, err := r.Curve(m.Name, s.Name); err == nil {
					docs["curve "+name+" "+s.Name] = templates.CurveReport(r, m.Name, s.Name, points, o)
				}
			}
		}
	}
	for _, pair := range [][2]string{{"albania-di-vlore", "albania-di-vlore-reform"}, {"gjilan", "gjilan-qps-norm"}} {
		vs, err := costing.Compare(cost(t, pair[0]), cost(t, pair[1]))
		if err != nil {
			t.Fatal(err)
		}
		docs["compare "+pair[0]] = templates.VersusReport(vs, o)
	}
	for _, name := range scenarios.Formulas() {
		g := allocate(t, name)
		docs["grant "+name] = templates.GrantReport(g, o)
	}
	return docs
}

// No table kosto prints by default is wider than 120 columns, in any
// language, for any shipped scenario, comparison or grant; --wide lets
// them be as wide as they are.
func TestTablesFit(t *testing.T) {
	for _, lang := range models.Languages {
		for name, d := range documents(t, lang) {
			var buf bytes.Buffer
			if err := templates.Render(&buf, d, templates.Options{}, templates.FormatTable); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(buf.String(), "\n") {
				if n := utf8.RuneCountInString(line); n > templates.DefaultWidth {
					t.Errorf("%s (%s), line %d is %d columns wide: %q", name, lang, i+1, n, line)
				}
			}
			buf.Reset()
			templates.Render(&buf, d, templates.Options{Width: 60}, templates.FormatTable)
			for i, line := range strings.Split(buf.String(), "\n") {
				// At 60 columns a table may be as wide as its widest figure
				// column beside its first, wrapped to the narrowest.
				if n := utf8.RuneCountInString(line); n > 60+24 {
					t.Errorf("%s (%s) at 60 columns, line %d is %d wide: %q", name, lang, i+1, n, line)
				}
			}
		}
	}
}

// A summary for a scenario of many municipalities, one of them in full on
// request, and an unknown one refused.
func TestRunSummary(t *testing.T) {
	r := cost(t, "kosovo-qps-staffing")
	d, err := templates.RunReport(r, templates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	templates.Render(&buf, d, templates.Options{}, templates.FormatTable)
	if n := strings.Count(buf.String(), "\n"); n > 200 {
		t.Errorf("the summary of 38 municipalities runs to %d lines", n)
	}
	if !strings.Contains(buf.String(), "The scenario has 38 municipalities") || strings.Contains(buf.String(), "GJILAN/GNJILANE: UNIT COSTS") {
		t.Errorf("the summary shows a municipality in full, or does not say it is a summary:\n%s", buf.String())
	}
	d, err = templates.RunReport(r, templates.Options{Municipality: "gjilan"})
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	templates.Render(&buf, d, templates.Options{}, templates.FormatTable)
	if !strings.Contains(buf.String(), "GJILAN/GNJILANE: UNIT COSTS") || strings.Contains(buf.String(), "PRISHTINË") {
		t.Errorf("--municipality gjilan:\n%s", buf.String())
	}
	if _, err := templates.RunReport(r, templates.Options{Municipality: "gjilann"}); err == nil || !strings.Contains(err.Error(), `"gjilann"`) {
		t.Errorf("an unknown municipality: %v", err)
	}
}

// Words that a spreadsheet would run as a formula are written as text in
// a CSV; figures, negative ones too, stay numbers.
func TestCSVInjection(t *testing.T) {
	src, err := scenarios.ShippedSource("gjilan")
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Replace(string(src), `title = { en = "Kinship care"`, `title = { en = "=HYPERLINK(\"http://x.example\",\"click\")"`, 1)
	if evil == string(src) {
		t.Fatal("the kinship care title is not where the test looks for it")
	}
	sc, err := scenarios.LoadSource("evil.toml", []byte(evil))
	if err != nil {
		t.Fatal(err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.Report(&buf, r, templates.Options{Lang: "en"}, templates.FormatCSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, row := range rows[1:] {
		for i, c := range row {
			if i == 6 { // value: a number, which may be negative
				if c != "" {
					if _, err := decimal.NewFromString(c); err != nil {
						t.Errorf("value %q is not a number", c)
					}
				}
				continue
			}
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("cell %q of row %v would run as a formula", c, row)
			}
			seen = seen || strings.HasPrefix(c, "'=HYPERLINK")
		}
	}
	if !seen {
		t.Error("the hostile title is not in the CSV at all")
	}
	d := &templates.Document{Sections: []*templates.Section{{Tables: []*templates.Table{{Key: "t",
		Columns: []templates.Column{{Key: "item"}, {Key: "amount", Numeric: true}},
		Rows:    []templates.Row{{Cells: []templates.Cell{templates.Words("-1+1"), templates.Money(decimal.RequireFromString("-5"), 2)}}}}}}}}
	buf.Reset()
	templates.Render(&buf, d, templates.Options{BOM: true}, templates.FormatCSV)
	if want := "\ufeffmunicipality,"; !strings.HasPrefix(buf.String(), want) {
		t.Errorf("no byte-order mark: %q", buf.String())
	}
	if !strings.Contains(buf.String(), ",t,,'-1+1,'-1+1,amount,-5.00,,money,,") {
		t.Errorf("a negative amount beside a text that starts with -:\n%s", buf.String())
	}
}

// The terminal, the JSON, the CSV and the workbook show the same figures,
// in the same order, because they come from the same document: every
// figure of the JSON is the CSV's, and the Results sheet's formulas refer,
// in the same order, to cells holding the same values.
func TestOutputsAgree(t *testing.T) {
	for _, name := range []string{"gjilan", "albania-di-vlore"} {
		r := cost(t, name)
		var js, cs bytes.Buffer
		templates.Report(&js, r, templates.Options{}, templates.FormatJSON)
		templates.Report(&cs, r, templates.Options{}, templates.FormatCSV)
		var doc struct {
			Sections []struct {
				Tables []struct {
					Rows []struct {
						Cells []struct{ Value, Figure, Kind string }
					}
				}
			}
		}
		if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		var fromJSON []string
		for _, s := range doc.Sections {
			for _, tb := range s.Tables {
				for _, row := range tb.Rows {
					for _, c := range row.Cells {
						if c.Kind != "text" {
							fromJSON = append(fromJSON, c.Value+" "+c.Figure)
						}
					}
				}
			}
		}
		rows, err := csv.NewReader(&cs).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var fromCSV []string
		for _, row := range rows[1:] {
			fromCSV = append(fromCSV, row[6]+" "+row[9])
		}
		if strings.Join(fromJSON, "\n") != strings.Join(fromCSV, "\n") {
			t.Errorf("%s: the JSON's %d figures are not the CSV's %d", name, len(fromJSON), len(fromCSV))
		}
		f, err := excelize.OpenReader(bytes.NewReader(workbook(t, r, false)))
		if err != nil {
			t.Fatal(err)
		}
		sheet := templates.SheetName(r.Scenario.Language, "results")
		cells, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		var fromBook []string
		for i, row := range cells {
			for j := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fo, _ := f.GetCellFormula(sheet, ref); fo != "" {
					fromBook = append(fromBook, row[j])
				}
			}
		}
		full, _ := templates.RunReport(r, templates.Options{Full: true})
		var want []string
		for _, s := range full.Sections {
			for _, tb := range s.Tables {
				for _, row := range tb.Rows {
					for _, c := range row.Cells {
						if c.Source != nil {
							v, _ := c.Value.Float64()
							want = append(want, decimal.NewFromFloat(v).String())
						}
					}
				}
			}
		}
		if len(fromBook) < len(want) {
			t.Fatalf("%s: Results has %d formulas, the document %d figures of the graph", name, len(fromBook), len(want))
		}
		for i, w := range want {
			got, err := decimal.NewFromString(fromBook[i])
			if err != nil || got.String() != w {
				t.Errorf("%s: Results' formula %d holds %q, the document's figure is %s", name, i+1, fromBook[i], w)
				break
			}
		}
	}
}
