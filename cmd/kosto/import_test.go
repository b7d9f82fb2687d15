package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// edit sets cells of the workbook at path: each key a defined name
// ("@params_foster_allowance") or a sheet and cell ("Calculations!C10"),
// each value a number, text (a string) or a date (a time.Time).
func edit(t *testing.T, path, out string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dates, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for ref, v := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if name, ok := strings.CutPrefix(ref, "@"); ok {
			for _, n := range f.GetDefinedName() {
				if n.Name == name {
					sheet, cell, _ = scenarios.NameRef(n.RefersTo)
				}
			}
		}
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
		if _, ok := v.(time.Time); ok {
			f.SetCellStyle(sheet, cell, cell, dates)
		}
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

// resave has LibreOffice open each workbook and save it again, headless,
// as a council's spreadsheet would; it returns the saved files' paths.
func resave(t *testing.T, files ...string) []string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed; `apt-get install --no-install-recommends libreoffice-calc` (.ci/run does) to run the re-saved workbook tests")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "saved")
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", out}
	if b, err := exec.Command(soffice, append(args, files...)...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	var saved []string
	for _, f := range files {
		p := filepath.Join(out, filepath.Base(f))
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice did not save %s", f)
		}
		saved = append(saved, p)
	}
	return saved
}

func mustKosto(t *testing.T, dir string, args ...string) string {
	t.Helper()
	code, out, errs := kosto(t, dir, args...)
	if code != 0 {
		t.Fatalf("kosto %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

// costWith is the scenario's graph costed with some leaves set.
func costWith(t *testing.T, r *costing.Result, set map[string]string) costing.Values {
	t.Helper()
	v := r.Graph.Leaves()
	for name, val := range set {
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		if err := r.Graph.Set(v, id, decimal.RequireFromString(val)); err != nil {
			t.Fatal(err)
		}
	}
	r.Graph.Eval(v)
	return v
}

// A council edits the workbook — the foster allowance, a day centre's
// places, a file scenario's parameter in an Albanian workbook with its rows
// inserted — LibreOffice saves it again, and kosto import reads it back as a
// variant whose every changed value says which cell it came from, and whose
// run equals the scenario's with the same change, figure by figure.
func TestImportResavedWorkbook(t *testing.T) {
	dir := t.TempDir()
	mustKosto(t, dir, "export", "gjilan", "-o", "gjilan.xlsx")
	src := mustKosto(t, dir, "scenarios", "show", "gjilan")
	if err := os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	mustKosto(t, dir, "export", "mine.toml", "-o", "mine.xlsx", "--lang", "sq")
	edit(t, filepath.Join(dir, "gjilan.xlsx"), filepath.Join(dir, "council.xlsx"), map[string]any{"@params_foster_allowance": 300, "@gjilan_day_centre_places": 25})
	edit(t, filepath.Join(dir, "mine.xlsx"), filepath.Join(dir, "mine-council.xlsx"), map[string]any{"@params_kinship_allowance": 120.5})
	// Rows inserted above the inputs: they are found by their names.
	f, err := excelize.OpenFile(filepath.Join(dir, "mine-council.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := "Të dhënat"
	if err := f.InsertRows(inputs, 3, 2); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	saved := resave(t, filepath.Join(dir, "council.xlsx"), filepath.Join(dir, "mine-council.xlsx"))

	mustKosto(t, dir, "import", saved[0], "-o", "council.toml")
	variant, _ := os.ReadFile(filepath.Join(dir, "council.toml"))
	for _, want := range []string{`extends = "gjilan"`, `[parameters.foster_allowance]`, `value = "300"`,
		`source = "edited in council.xlsx, Inputs!C95 (was 250), saved `, `places = { value = "25", source = "edited in council.xlsx, Inputs!C103 (was 20), saved `} {
		if !strings.Contains(string(variant), want) {
			t.Errorf("the variant lacks %q:\n%s", want, variant)
		}
	}
	check := func(t *testing.T, file, base string, set map[string]string) {
		wd, _ := os.Getwd()
		os.Chdir(dir)
		defer os.Chdir(wd)
		vsc, err := scenarios.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		vr := costing.Build(vsc)
		bsc, err := scenarios.Open(base)
		if err != nil {
			t.Fatal(err)
		}
		br := costing.Build(bsc)
		want := costWith(t, br, set)
		if len(vr.Graph.Nodes) != len(br.Graph.Nodes) {
			t.Fatalf("the variant has %d figures, the scenario %d", len(vr.Graph.Nodes), len(br.Graph.Nodes))
		}
		for i, n := range br.Graph.Nodes {
			id, ok := vr.Graph.Lookup(n.Name)
			if !ok {
				t.Errorf("the variant has no %s", n.Name)
				continue
			}
			g, gok := vr.Value(id)
			w, wok := want.Get(costing.NodeID(i))
			if gok != wok || !g.Equal(w) {
				t.Errorf("%s = %s in the variant, %s in the scenario with the change", n.Name, g, w)
			}
		}
	}
	check(t, "council.toml", "gjilan", map[string]string{"params.foster_allowance": "300", "gjilan.day_centre.places": "25"})

	// A file scenario's Albanian workbook: the variant extends the file,
	// relative to where it is written.
	if err := os.MkdirAll(filepath.Join(dir, "council"), 0o755); err != nil {
		t.Fatal(err)
	}
	mustKosto(t, dir, "import", saved[1], "-o", "council/mine.toml")
	variant, _ = os.ReadFile(filepath.Join(dir, "council", "mine.toml"))
	if !strings.Contains(string(variant), `extends = "../mine.toml"`) || !strings.Contains(string(variant), `value = "120.5"`) ||
		!strings.Contains(string(variant), `source = "edited in mine-council.xlsx, Të dhënat!C`) {
		t.Errorf("the variant of mine.toml:\n%s", variant)
	}
	check(t, "council/mine.toml", "mine.toml", map[string]string{"params.kinship_allowance": "120.5"})

	// kosto diff says what changed and what it does.
	out := mustKosto(t, dir, "diff", "gjilan", "council.toml")
	for _, want := range []string{"params.foster_allowance   250.00  300.00", "total                    Total                                     202,571.10  220,901.65   18,330.55"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if got := mustKosto(t, dir, "diff", "gjilan", saved[0], "--format", "json"); !strings.Contains(got, `"report": "diff"`) || !strings.Contains(got, `"figure": "params.foster_allowance"`) {
		t.Errorf("diff of the workbook, as JSON:\n%s", got)
	}
}
