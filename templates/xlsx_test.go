package templates_test

import (
	"bytes"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// recalc has LibreOffice open each workbook, recalculate every formula and
// save it again; it returns the recalculated files. LibreOffice's own
// setting decides whether it recalculates on load, so a throwaway profile
// sets it to always.
func recalc(t *testing.T, files map[string][]byte) map[string]*excelize.File {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed; `apt-get install --no-install-recommends libreoffice-calc` (.ci/run does) to run the workbook parity tests")
	}
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	const always = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(always), 0o644); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	args := []string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "xlsx", "--outdir", out}
	for name, data := range files {
		p := filepath.Join(in, name+".xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(soffice, args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	got := map[string]*excelize.File{}
	for name := range files {
		f, err := excelize.OpenFile(filepath.Join(out, name+".xlsx"))
		if err != nil {
			t.Fatalf("LibreOffice did not write %s: %v", name, err)
		}
		t.Cleanup(func() { f.Close() })
		got[name] = f
	}
	return got
}

func workbook(t *testing.T, r *costing.Result, noCache bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := templates.Workbook(&buf, r, templates.WorkbookOptions{Version: "test", Date: "2026-11-22", NoCache: noCache}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkParity compares every calculation of a recalculated workbook with the
// engine's figure: money to the cent, other figures to a billionth.
func checkParity(t *testing.T, name string, f *excelize.File, r *costing.Result, want costing.Values) {
	t.Helper()
	row, bad := 2, 0
	for i, n := range r.Graph.Nodes {
		if n.Op == costing.OpInput {
			continue
		}
		cell := "C" + strconv.Itoa(row)
		row++
		raw, err := f.GetCellValue("Calculations", cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		d, defined := want.Get(costing.NodeID(i))
		if !defined {
			if !strings.HasPrefix(raw, "#") {
				t.Errorf("%s: %s (%s) is undefined in kosto but %q in LibreOffice", name, n.Name, cell, raw)
			}
			continue
		}
		got, err := decimal.NewFromString(raw)
		if err != nil {
			t.Errorf("%s: %s (%s) = %q in LibreOffice, want %s", name, n.Name, cell, raw, d)
			bad++
			continue
		}
		ok := false
		if n.Money {
			ok = got.Round(r.Graph.Decimals).Equal(d)
		} else {
			g, _ := got.Float64()
			w, _ := d.Float64()
			ok = math.Abs(g-w) <= 1e-9*math.Max(1, math.Abs(w))
		}
		if !ok {
			t.Errorf("%s: %s (%s) = %s in LibreOffice, %s in kosto", name, n.Name, cell, raw, d)
			bad++
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
	// The projection's years, column by column, where the scenario moves
	// anything over them.
	if len(r.Moves()) == 0 || want.D == nil || &want.D[0] != &r.Values.D[0] {
		return
	}
	p := r.Project()
	for k, y := range p.Years {
		column, _ := excelize.ColumnNumberToName(6 + k)
		row := 2
		for i, n := range r.Graph.Nodes {
			if n.Op == costing.OpInput {
				continue
			}
			cell := column + strconv.Itoa(row)
			row++
			raw, _ := f.GetCellValue("Calculations", cell, excelize.Options{RawCellValue: true})
			d, defined := p.Value(k, costing.NodeID(i))
			if !defined {
				continue
			}
			got, err := decimal.NewFromString(raw)
			ok := err == nil
			if ok && n.Money {
				ok = got.Round(r.Graph.Decimals).Equal(d)
			} else if ok {
				g, _ := got.Float64()
				w, _ := d.Float64()
				ok = math.Abs(g-w) <= 1e-9*math.Max(1, math.Abs(w))
			}
			if !ok {
				t.Errorf("%s %d: %s (%s) = %q in LibreOffice, %s in kosto", name, y, n.Name, cell, raw, d)
				bad++
				if bad > 20 {
					t.Fatal("too many differences")
				}
			}
		}
	}
}

// Every shipped scenario, and one with random inputs, recalculated by
// LibreOffice from formulas alone, gives the engine's figures to the cent.
func TestWorkbookParity(t *testing.T) {
	files := map[string][]byte{}
	results := map[string]*costing.Result{}
	for _, name := range scenarios.Shipped() {
		r := cost(t, name)
		results[name], files[name] = r, workbook(t, r, true)
	}
	// Random inputs within their bounds, on the Gjilan graph.
	r := cost(t, "gjilan")
	rnd := rand.New(rand.NewSource(7))
	v := r.Graph.Leaves()
	for i, n := range r.Graph.Nodes {
		if n.Op != costing.OpInput || n.Leaf.Param == "" {
			continue
		}
		base, _ := r.Value(costing.NodeID(i))
		factor := decimal.NewFromFloat(0.5 + rnd.Float64()) // 50% to 150% of the scenario's value
		d := base.Mul(factor)
		switch {
		case n.Money:
			d = d.Round(r.Graph.Decimals)
		case n.Leaf.Spec.Kind == models.Share:
			d = decimal.Min(d, decimal.NewFromInt(1)).Round(4)
		default:
			d = d.Round(2)
		}
		r.Graph.Set(v, costing.NodeID(i), d)
	}
	r.Graph.Eval(v)
	r.Values = v
	results["random"], files["random"] = r, workbook(t, r, true)

	got := recalc(t, files)
	for name, f := range got {
		checkParity(t, name, f, results[name], results[name].Values)
	}
}

// Changing the foster allowance on the Inputs sheet moves the unit cost and
// the totals to exactly what kosto gives for a scenario with that allowance.
func TestWorkbookChangedInput(t *testing.T) {
	r := cost(t, "gjilan")
	data := workbook(t, r, false)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	id, ok := r.Graph.Lookup("params.foster_allowance")
	if !ok {
		t.Fatal("no params.foster_allowance")
	}
	row := 2
	for i, n := range r.Graph.Nodes {
		if costing.NodeID(i) == id {
			break
		}
		if n.Op == costing.OpInput {
			row++
		}
	}
	if name, _ := f.GetCellValue("Inputs", "A"+strconv.Itoa(row)); name != "params.foster_allowance" {
		t.Fatalf("Inputs!A%d is %q", row, name)
	}
	if err := f.SetCellFloat("Inputs", "C"+strconv.Itoa(row), 300, -1, 64); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	// The engine, with the same change.
	v := r.Graph.Leaves()
	r.Graph.Set(v, id, decimal.NewFromInt(300))
	r.Graph.Eval(v)
	got := recalc(t, map[string][]byte{"changed": buf.Bytes()})
	checkParity(t, "changed", got["changed"], r, v)
	unit, _ := r.Graph.Lookup("gjilan.foster_care.unit_cost")
	if d, _ := v.Get(unit); d.StringFixed(2) != "4036.80" {
		t.Errorf("the engine's foster unit cost at €300 is %s, want 4,036.80 (300 × 12 + 436.80)", d)
	}
}

// Text a spreadsheet would read as a formula stays text: a title such as
// "=HYPERLINK(…)" is written as a string cell, never as a formula.
func TestWorkbookTextIsNeverAFormula(t *testing.T) {
	r := cost(t, "gjilan")
	for i := range r.Municipalities[0].Services {
		r.Municipalities[0].Services[i].Title = models.P(`=HYPERLINK("http://example.invalid","x")`)
	}
	r.Scenario.Title = models.P("+cmd|' /C calc'!A0")
	data := workbook(t, r, false)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			for ci, v := range row {
				if !strings.HasPrefix(v, "=HYPERLINK") && !strings.HasPrefix(v, "+cmd") {
					continue
				}
				found++
				cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				if fo, _ := f.GetCellFormula(sheet, cell); fo != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, cell, fo)
				}
				if ty, _ := f.GetCellType(sheet, cell); ty != excelize.CellTypeSharedString && ty != excelize.CellTypeInlineString {
					t.Errorf("%s!%s is of type %v, not text", sheet, cell, ty)
				}
			}
		}
	}
	if found < 2 {
		t.Fatalf("found %d cells with the planted text; the test checks nothing", found)
	}
}

// The comparison workbook of the Albanian reform, recalculated by
// LibreOffice from formulas alone, gives kosto compare's figures: each
// year's totals, the difference, its running sum, the NPV and the
// break-even year.
func TestCompareWorkbookParity(t *testing.T) {
	vs, err := costing.Compare(cost(t, "albania-di-vlore"), cost(t, "albania-di-vlore-reform"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.CompareWorkbook(&buf, vs, templates.WorkbookOptions{Version: "test", Date: "2026-11-22", NoCache: true}); err != nil {
		t.Fatal(err)
	}
	f := recalc(t, map[string][]byte{"versus": buf.Bytes()})["versus"]
	dec := vs.Base.Result.Graph.Decimals
	get := func(cell string) string {
		v, err := f.GetCellValue("Comparison", cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	money := func(cell string, want decimal.Decimal) {
		t.Helper()
		got, err := decimal.NewFromString(get(cell))
		if err != nil || !got.Round(dec).Equal(want) {
			t.Errorf("Comparison!%s = %q, kosto says %s", cell, get(cell), want)
		}
	}
	for k := range vs.Years {
		row := strconv.Itoa(k + 2)
		money("B"+row, vs.BaseTotal[k])
		money("C"+row, vs.VariantTotal[k])
		money("D"+row, vs.Difference[k])
		money("E"+row, vs.Cumulative[k])
	}
	last := len(vs.Years) + 1
	money("B"+strconv.Itoa(last+2), vs.NPV)
	if got := get("B" + strconv.Itoa(last+3)); got != strconv.Itoa(vs.BreakEven) {
		t.Errorf("break-even year %q in the workbook, %d in kosto", got, vs.BreakEven)
	}
}

// Every shipped grant formula's workbook, recalculated by LibreOffice from
// formulas alone: each municipality's share, formula allocation, allocation
// per inhabitant, change and gap are the engine's.
func TestGrantWorkbookParity(t *testing.T) {
	files := map[string][]byte{}
	grants := map[string]*grant.Result{}
	for _, name := range scenarios.Formulas() {
		g := allocate(t, name)
		var buf bytes.Buffer
		if err := templates.GrantWorkbook(&buf, g, templates.WorkbookOptions{Version: "test", Date: "2026-11-22", NoCache: true}); err != nil {
			t.Fatal(err)
		}
		files[name], grants[name] = buf.Bytes(), g
	}
	for name, f := range recalc(t, files) {
		g := grants[name]
		n := len(g.Criteria)
		colOf := func(k int) string { c, _ := excelize.ColumnNumberToName(2 + n + k); return c }
		near := func(cell string, want decimal.Decimal, money bool) {
			t.Helper()
			raw, _ := f.GetCellValue(templates.SheetName(g.Language, "allocation"), cell, excelize.Options{RawCellValue: true})
			got, err := decimal.NewFromString(raw)
			ok := err == nil
			if ok && money {
				ok = got.Round(g.MoneyDecimals).Equal(want.Round(g.MoneyDecimals))
			} else if ok {
				a, _ := got.Float64()
				b, _ := want.Float64()
				ok = math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
			}
			if !ok {
				t.Errorf("%s: Allocation!%s = %q, kosto says %s", name, cell, raw, want)
			}
		}
		for k, r := range g.Rows {
			row := strconv.Itoa(k + 2)
			near(colOf(1)+row, r.Share, false)   // the formula share
			near(colOf(2)+row, r.Formula, false) // the formula allocation, before the rules
			if g.HasPopulation && r.Population.IsPositive() {
				near(colOf(6)+row, r.PerCapita, false)
			}
			if g.HasBaseline {
				near(colOf(8)+row, r.Change, true)
			}
			if g.HasNeed {
				near(colOf(10)+row, r.Gap, true)
			}
		}
	}
}
