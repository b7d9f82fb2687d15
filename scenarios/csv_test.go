package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// readTable reads a table, failing the test on any problem.
func readTable(t *testing.T, file string, src []byte, o CSVOptions) *models.DataTable {
	t.Helper()
	var ps models.Problems
	tab := ReadData(file, src, nil, o, &ps)
	if len(ps) > 0 || tab == nil {
		t.Fatalf("%s: %v", file, ps.Err())
	}
	return tab
}

// sameCells fails the test unless two tables have the same columns and
// cells, cell for cell.
func sameCells(t *testing.T, got, want *models.DataTable) {
	t.Helper()
	if !reflect.DeepEqual(got.Columns, want.Columns) {
		t.Fatalf("columns\n%q\nwant\n%q", got.Columns, want.Columns)
	}
	if len(got.Rows) != len(want.Rows) {
		t.Fatalf("%d rows, want %d", len(got.Rows), len(want.Rows))
	}
	for i := range want.Rows {
		for c, col := range want.Columns {
			if g, w := got.Cell(i, c), want.Cell(i, c); g != w {
				t.Errorf("row %d (line %d), %s: %q, want %q", i+1, got.Rows[i].Line, col, g, w)
			}
		}
	}
}

// The shipped Kosovo table as a council's spreadsheet saves it reads cell
// for cell as the shipped file does. The files under testdata/grants were
// made from the shipped table: numbers with a decimal comma, values
// separated by ";" (with a byte-order mark and CRLF: Excel's "CSV UTF-8" in
// an Albanian locale) or by tabs (LibreOffice; and UTF-16 with CRLF,
// Excel's "Unicode Text"), values quoted only where they hold the
// separator. When the shipped table changes, make them again.
func TestReadDataAsSpreadsheetsSave(t *testing.T) {
	shippedSrc, err := DataSource("kosovo_municipalities.csv")
	if err != nil {
		t.Fatal(err)
	}
	shipped := readTable(t, "kosovo_municipalities.csv", shippedSrc, CSVOptions{})
	if got, want := shipped.Dialect(), `separator "," and decimal point`; got != want {
		t.Errorf("the shipped table: %q, want %q", got, want)
	}
	for _, c := range []struct {
		name, file, dialect string
		o                   CSVOptions
		edit                func([]byte) []byte // of the shipped file, when file is ""
	}{
		{name: "Excel, CSV UTF-8, Albanian locale", file: "kosovo_excel_sq.csv", dialect: `separator ";" and decimal comma`},
		{name: "the same, separator given", file: "kosovo_excel_sq.csv", dialect: `separator ";" and decimal comma`, o: CSVOptions{Separator: ';'}},
		{name: "LibreOffice, tabs", file: "kosovo_tab.csv", dialect: `separator tab and decimal comma`},
		{name: "Excel, Unicode Text (UTF-16, tabs, CRLF)", file: "kosovo_unicode.txt", dialect: `separator tab and decimal comma`},
		{name: "the shipped file with a byte-order mark and CRLF", dialect: `separator "," and decimal point`,
			edit: func(b []byte) []byte {
				return append([]byte("\xef\xbb\xbf"), strings.ReplaceAll(string(b), "\n", "\r\n")...)
			}},
		{name: "the shipped file with CR line ends", dialect: `separator "," and decimal point`,
			edit: func(b []byte) []byte { return []byte(strings.ReplaceAll(string(b), "\n", "\r")) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var src []byte
			if c.file != "" {
				var err error
				if src, err = os.ReadFile(filepath.Join("testdata", "grants", c.file)); err != nil {
					t.Fatal(err)
				}
			} else {
				src = c.edit(append([]byte{}, shippedSrc...))
			}
			tab := readTable(t, c.name, src, c.o)
			sameCells(t, tab, shipped)
			if got := tab.Dialect(); got != c.dialect {
				t.Errorf("read with %q, want %q", got, c.dialect)
			}
			for i := range tab.Rows {
				if tab.Rows[i].Line != shipped.Rows[i].Line {
					t.Errorf("row %d is on line %d, want %d", i+1, tab.Rows[i].Line, shipped.Rows[i].Line)
				}
			}
		})
	}
}

// How each cell of a table is read: numbers in the canonical form whatever
// their marks, when the file settles them; text as written.
func TestReadDataNumbers(t *testing.T) {
	for _, c := range []struct {
		name, csv, dialect string
		o                  CSVOptions
		want               [][]string // the cells, by row
		written            []string   // "row:column=as written" of the cells rewritten
	}{
		{name: "decimal comma", csv: "name;area\nLugina;120,5\nFusha;-0,25\nKodra;,5\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "120.5"}, {"Fusha", "-0.25"}, {"Kodra", ".5"}}, written: []string{`0:1="120,5"`, `1:1="-0,25"`, `2:1=",5"`}},
		{name: "a point settled as thousands mark by 1.234,5", csv: "name;population;budget\nLugina;60.000;1.300.000,50\nFusha;36.000;220.000,00\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "60000", "1300000.50"}, {"Fusha", "36000", "220000.00"}}, written: []string{`0:1="60.000"`, `0:2="1.300.000,50"`, `1:1="36.000"`, `1:2="220.000,00"`}},
		{name: "a point settled as thousands mark by 1.234.567", csv: "name;population\nLugina;1.234.567\nFusha;36.000\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "1234567"}, {"Fusha", "36000"}}, written: []string{`0:1="1.234.567"`, `1:1="36.000"`}},
		{name: "a comma settled as thousands mark by 1,234.5", csv: "name,population,area\nLugina,\"60,000\",\"1,120.5\"\n", dialect: `separator "," and decimal point`,
			want: [][]string{{"Lugina", "60000", "1120.5"}}, written: []string{`0:1="60,000"`, `0:2="1,120.5"`}},
		{name: "three decimals after the file's decimal mark", csv: "name;area;share\nLugina;1,234;0,5\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "1.234", "0.5"}}, written: []string{`0:1="1,234"`, `0:2="0,5"`}},
		{name: "three decimals after a decimal point", csv: "name,area,share\nLugina,1.234,0.5\n", dialect: `separator "," and decimal point`,
			want: [][]string{{"Lugina", "1.234", "0.5"}}},
		{name: "no decimals: 0,123 and 1234,567 cannot group thousands", csv: "name;a;b\nLugina;0,123;1234,567\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "0.123", "1234.567"}}, written: []string{`0:1="0,123"`, `0:2="1234,567"`}},
		{name: "spaces as thousands marks", csv: "name;population;budget;need\nLugina;60 000;1\u00a0300\u00a0000,5;2\u202f000\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "60000", "1300000.5", "2000"}}, written: []string{`0:1="60 000"`, `0:2="1\u00a0300\u00a0000,5"`, `0:3="2\u202f000"`}},
		{name: "whole numbers only", csv: "name;population\nLugina;60000\nFusha;+36000\n", dialect: `separator ";" and no decimals`,
			want: [][]string{{"Lugina", "60000"}, {"Fusha", "+36000"}}},
		{name: "text is never changed", csv: "name;latest_year;notes;date;code;n\nDeçan;2024-final;2024 prelim 27,756.;01.03.2024;1.23.4;5,5\nFusha;2024;12,34.5;1 2345;5.;-\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Deçan", "2024-final", "2024 prelim 27,756.", "01.03.2024", "1.23.4", "5.5"}, {"Fusha", "2024", "12,34.5", "1 2345", "5.", "-"}}, written: []string{`0:5="5,5"`}},
		{name: "the header names a comma: the separator splits every line evenly", csv: "name;area, km2, 2020\nLugina;120,5\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "120.5"}}, written: []string{`0:1="120,5"`}},
		{name: "comments, blank lines and a spreadsheet's empty rows", csv: "# a note;;\n\nname;population\n;\n ; \nLugina;1,5\r\n;\r\n", dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "1.5"}}, written: []string{`0:1="1,5"`}},
		{name: "a separator given where the header does not say", csv: "name;pop,2011\nLugina;6,5\n", o: CSVOptions{Separator: ';'}, dialect: `separator ";" and decimal comma`,
			want: [][]string{{"Lugina", "6.5"}}, written: []string{`0:1="6,5"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab := readTable(t, "d.csv", []byte(c.csv), c.o)
			if got := tab.Dialect(); got != c.dialect {
				t.Errorf("read with %q, want %q", got, c.dialect)
			}
			var cells [][]string
			var written []string
			for i, row := range tab.Rows {
				cells = append(cells, row.Cells)
				for col := range row.Cells {
					if w, ok := row.Written[col]; ok {
						written = append(written, fmt.Sprintf("%d:%d=%q", i, col, w))
					}
				}
			}
			if !reflect.DeepEqual(cells, c.want) {
				t.Errorf("cells\n%q\nwant\n%q", cells, c.want)
			}
			if !reflect.DeepEqual(written, c.written) {
				t.Errorf("written\n%q\nwant\n%q", written, c.written)
			}
		})
	}
}

// What a file does not settle is refused, saying which separator and
// decimal mark were found and what to write.
func TestReadDataRefuses(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		o         CSVOptions
		want      string
	}{
		{"a comma in a file with decimal points", "name,population,area\nLugina,60000,120.5\nFusha,\"36,000\",80\n", CSVOptions{},
			`d.csv:3: population = "36,000": expected 36000 if the comma is a thousands mark, or 36.000 if it is a decimal comma: the file has separator "," and decimal point, so it could be either`},
		{"a point in a file with decimal commas", "name;population;area\nLugina;60000;120,5\nFusha;36.000;80\nKodra;-4.500;95\n", CSVOptions{},
			`d.csv:3: population = "36.000": expected 36000 if the point is a thousands mark, or 36,000 if it is a decimal point: the file has separator ";" and decimal comma, so it could be either
d.csv:4: population = "-4.500": expected -4500 if the point is a thousands mark, or -4,500 if it is a decimal point: the file has separator ";" and decimal comma, so it could be either`},
		{"a point in a file whose numbers show no decimal mark", "name;population\nLugina;60.000\nFusha;36000\n", CSVOptions{},
			`d.csv:2: population = "60.000": expected 60000 if the point is a thousands mark, or 60.0000 if it is a decimal point: no number in the file shows its decimal mark (separator ";"), so it could be either`},
		{"both decimal marks", "name;population;area\nLugina;60000;120,5\nFusha;36000;80.25\nKodra;4000;1,5\n", CSVOptions{},
			`d.csv:3: area = "80.25": expected one decimal mark in the whole file (separator ";"): this number has a decimal point, but line 2 (area = "120,5") has a decimal comma`},
		{"a thousands mark that is the other file's decimal mark", "name;population;area\nLugina;1.234.567;120\nFusha;36000;80.25\n", CSVOptions{},
			`d.csv:3: area = "80.25": expected one decimal mark in the whole file (separator ";"): this number has a decimal point, but line 2 (population = "1.234.567") has a point as thousands mark, so a decimal comma`},
		{"a line with a value too few", "name;population;area\nLugina;60000;120,5\nFusha;36000\n", CSVOptions{},
			`d.csv:3: not valid CSV (separator ";", found in the header line): expected 3 values, one for each column of the header, not 2`},
		{"a tab file with a line split by ;", "name\tpopulation\nLugina\t60000\nFusha;36000\n", CSVOptions{},
			`d.csv:3: not valid CSV (separator tab, found in the header line): expected 2 values, one for each column of the header, not 1`},
		{"the wrong separator given", "name;population\nLugina;1,5\n", CSVOptions{Separator: ','},
			`d.csv:2: not valid CSV (separator ",", given with --csv-separator): expected 1 value, as the header has one column, not 2`},
		{"a stray quote", "name;population\nLu\"gina;60000\n", CSVOptions{},
			`d.csv:2: not valid CSV (separator ";", found in the header line): bare " in non-quoted-field`},
		{"a header that does not say its separator", "# note\nname;pop,2011\nLugina;6,5\n", CSVOptions{},
			`d.csv:2: expected one separator: the header line has as many "," as ";", and either splits every line into as many values as the header; give the separator with --csv-separator`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ps models.Problems
			tab := ReadData("d.csv", []byte(c.csv), nil, c.o, &ps)
			if tab != nil {
				t.Errorf("a table was returned beside the problems")
			}
			got := ""
			if err := ps.Err(); err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// A previous run's CSV, saved again by a spreadsheet, is a baseline; its
// amounts that are not amounts say how the file was read.
func TestReadBaselineAsSaved(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name, csv string
		o         CSVOptions
		want      map[string]string
		problem   string
	}{
		{name: "as kosto writes it", csv: "municipality,share,allocation\nLugina,0.5,500000.25\nFusha,0.5,499999.75\n",
			want: map[string]string{"Lugina": "500000.25", "Fusha": "499999.75"}},
		{name: "saved with ; and decimal commas, a byte-order mark and CRLF", csv: "\xef\xbb\xbfmunicipality;share;allocation\r\nLugina;0,5;500.000,25\r\nFusha;0,5;499.999,75\r\n",
			want: map[string]string{"Lugina": "500000.25", "Fusha": "499999.75"}},
		{name: "tabs, given", csv: "municipality\tshare\tallocation\nLugina\t0,5\t500000,25\n", o: CSVOptions{Separator: '\t'},
			want: map[string]string{"Lugina": "500000.25"}},
		{name: "a negative amount", csv: "municipality;allocation\nLugina;-500,25\n",
			problem: `DIR/b.csv:2: allocation = "-500,25": expected an amount of zero or more (Lugina; read with separator ";" and decimal comma)`},
		{name: "not an amount", csv: "municipality;allocation\nLugina;1e5\nFusha;nan\n",
			problem: `DIR/b.csv:2: allocation = "1e5": expected an amount of zero or more (Lugina; read with separator ";" and no decimals)
DIR/b.csv:3: allocation = "nan": expected an amount of zero or more (Fusha; read with separator ";" and no decimals)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ReadBaseline(write("b.csv", c.csv), c.o)
			msg := ""
			if err != nil {
				msg = strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "DIR/")
			}
			if msg != c.problem {
				t.Fatalf("got\n%s\nwant\n%s", msg, c.problem)
			}
			if c.problem != "" {
				return
			}
			if len(got) != len(c.want) {
				t.Errorf("%v, want %v", got, c.want)
			}
			for m, v := range c.want {
				if !got[m].Equal(decimal.RequireFromString(v)) {
					t.Errorf("%s: %s, want %s", m, got[m], v)
				}
			}
		})
	}
}

func TestParseSeparator(t *testing.T) {
	for _, c := range []struct {
		in   string
		want rune
		ok   bool
	}{
		{",", ',', true}, {";", ';', true}, {"tab", '\t', true}, {"\t", '\t', true},
		{"|", 0, false}, {"TAB", 0, false}, {"", 0, false}, {";;", 0, false},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got, ok := ParseSeparator(c.in); got != c.want || ok != c.ok {
				t.Errorf("ParseSeparator(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}
