package scenarios_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

// smallBook is a shipped scenario's workbook, as kosto exports it.
func smallBook(t testing.TB, name, lang string) []byte {
	sc, err := scenarios.LoadShipped(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.Workbook(&buf, costing.Build(sc), templates.WorkbookOptions{Options: templates.Options{Lang: lang}, Version: "test", Source: name, Fingerprint: "x"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipOf is a zip of the given parts.
func zipOf(parts map[string]string, method uint16) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

const (
	rootRels = `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	wbRels   = `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
	wb       = `<workbook><sheets><sheet name="kosto" sheetId="1" r:id="rId1" xmlns:r="r"/></sheets></workbook>`
)

// The reader finds an exported workbook's record, its inputs by their
// names and its formulas, in every language.
func TestReadBook(t *testing.T) {
	for _, lang := range []string{"en", "sq", "sr"} {
		b, err := scenarios.ParseBook(smallBook(t, "gjilan", lang))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := b.Record()
		if err != nil {
			t.Fatal(err)
		}
		if rec.Scenario != "gjilan" || rec.Source != "gjilan" || rec.Lang != lang || rec.Inputs != templates.SheetName(lang, "inputs") || len(rec.Entries) < 100 {
			t.Errorf("%s: record %+v", lang, rec)
		}
		ref := b.Names["params_foster_allowance"]
		sheet, cell, ok := scenarios.NameRef(ref)
		if !ok || sheet != rec.Inputs || b.Cell(sheet, cell).Value != "250" {
			t.Errorf("%s: foster allowance at %q: %q %q %v", lang, ref, sheet, cell, b.Cell(sheet, cell))
		}
		if !b.Cell(rec.Calc, "C2").Formula {
			t.Errorf("%s: %s!C2 holds no formula", lang, rec.Calc)
		}
		if !b.Hidden["kosto"] {
			t.Errorf("%s: the record sheet is not hidden", lang)
		}
	}
	for ref, want := range map[string]string{`'Të dhënat'!$C$95`: "Të dhënat C95", `Inputs!C7`: "Inputs C7", `'it''s'!$AB$1`: "it's AB1", `Inputs!$C$1:$C$4`: "", `[1]Inputs!C1`: "", `SUM(A1)`: ""} {
		s, c, ok := scenarios.NameRef(ref)
		if got := strings.TrimSpace(s + " " + c); ok != (want != "") || ok && got != want {
			t.Errorf("NameRef(%q) = %q, %v", ref, got, ok)
		}
	}
}

// A zip bomb, a zip of too many parts and a sheet of too many cells are
// refused cheaply, by what they declare or as they are read.
func TestReadBookLimits(t *testing.T) {
	bomb := zipOf(map[string]string{"_rels/.rels": rootRels, "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": wbRels,
		"xl/worksheets/sheet1.xml": "<worksheet>" + strings.Repeat(" ", 8<<20) + "</worksheet>"}, zip.Deflate)
	if _, err := scenarios.ParseBook(bomb); err == nil || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("a zip bomb: %v", err)
	}
	many := map[string]string{}
	for i := range 2001 {
		many[fmt.Sprintf("p%d", i)] = ""
	}
	if _, err := scenarios.ParseBook(zipOf(many, zip.Store)); err == nil || !strings.Contains(err.Error(), "2001 parts") {
		t.Errorf("2001 parts: %v", err)
	}
	var cells strings.Builder
	cells.WriteString("<worksheet><sheetData><row r=\"1\">")
	for range 4_000_001 {
		cells.WriteString("<c/>")
	}
	cells.WriteString("</row></sheetData></worksheet>")
	huge := zipOf(map[string]string{"_rels/.rels": rootRels, "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": wbRels, "xl/worksheets/sheet1.xml": cells.String()}, zip.Store)
	if _, err := scenarios.ParseBook(huge); err == nil || !strings.Contains(err.Error(), "more than 4000000 cells") {
		t.Errorf("a huge sheet: %v", err)
	}
	if _, err := scenarios.ParseBook([]byte("PK not really")); err != scenarios.ErrNotWorkbook {
		t.Errorf("not a zip: %v", err)
	}
}

// FuzzWorkbook: whatever the bytes, the reader returns a book or an error,
// never panics, hangs or reads beyond its limits; and what it reads of a
// record is the record's.
func FuzzWorkbook(f *testing.F) {
	record := `<worksheet><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>kosto workbook</t></is></c><c r="B1" t="inlineStr"><is><t>1</t></is></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>source</t></is></c><c r="B3" t="inlineStr"><is><t>gjilan</t></is></c></row>` +
		`<row r="4"><c r="A4" t="inlineStr"><is><t>inputs sheet</t></is></c><c r="B4" t="inlineStr"><is><t>Të dhënat</t></is></c></row>` +
		`<row r="5"><c r="A5" t="inlineStr"><is><t>input</t></is></c></row>` +
		`<row r="6"><c r="A6" t="inlineStr"><is><t>params.x</t></is></c><c r="C6" s="0"><f>A1</f><v>250.5</v></c></row>` +
		`</sheetData></worksheet>`
	f.Add(zipOf(map[string]string{"_rels/.rels": rootRels, "xl/workbook.xml": `<workbook><sheets><sheet name="kosto" sheetId="1" r:id="rId1" state="hidden" xmlns:r="r"/></sheets>` +
		`<definedNames><definedName name="params_x">'Të dhënat'!$C$6</definedName></definedNames></workbook>`,
		"xl/_rels/workbook.xml.rels": wbRels, "xl/worksheets/sheet1.xml": record,
		"xl/sharedStrings.xml": `<sst><si><t>scenario</t></si><si><r><t>gji</t></r><r><t>lan</t></r></si></sst>`}, zip.Deflate))
	f.Add(zipOf(map[string]string{"_rels/.rels": rootRels, "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": wbRels,
		"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>kosto workbook</t></is></c><c t="s"><v>9</v></c></row><row><c r="ZZZZ9"><f>1</f></c></row></sheetData></worksheet>`,
		"xl/styles.xml":            `<styleSheet><numFmts><numFmt numFmtId="200" formatCode="[$-409]d/m/yy"/></numFmts><cellXfs><xf numFmtId="200"/></cellXfs></styleSheet>`}, zip.Deflate))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := scenarios.ParseBook(data)
		if err != nil {
			return
		}
		if rec, err := b.Record(); err == nil && rec.Scenario == "" {
			t.Errorf("a record without a scenario: %+v", rec)
		}
	})
}
