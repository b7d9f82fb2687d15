package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
)

// A small valid formula over testdata/grants/lugina.csv; each test case
// changes one line.
const grantBase = `format = 1

[formula]
name = "test"
title = "Test"
currency = "EUR"
year = 2025

[pot]
amount = "1000000"

[data]
file = "lugina.csv"
key = "name"
population = "population"
baseline = "budget_2025"

[lump_sums]
Kodra = 20000

[criteria.population]
column = "population"
weight = 0.9

[criteria.area]
column = "area_km2"
weight = 0.1

[rules]
floor = 50000
hold_harmless = 0.05
`

// grantFiles writes a formula beside a copy of the test table (rows
// replaced by csv when not empty) and returns the formula's path.
func grantFiles(t *testing.T, formula, csv string) string {
	t.Helper()
	dir := t.TempDir()
	if csv == "" {
		b, err := os.ReadFile(filepath.Join("testdata", "grants", "lugina.csv"))
		if err != nil {
			t.Fatal(err)
		}
		csv = string(b)
		side, err := os.ReadFile(filepath.Join("testdata", "grants", "lugina.sources.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "lugina.sources.toml"), side, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "lugina.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "f.toml")
	if err := os.WriteFile(path, []byte(formula), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// allocate reads and computes a formula, returning every problem as the
// command prints them (with the temporary folder written DIR).
func allocate(t *testing.T, path string) (*grant.Result, string) {
	t.Helper()
	clean := func(err error) string {
		return strings.ReplaceAll(err.Error(), filepath.Dir(path)+string(filepath.Separator), "DIR/")
	}
	in, err := OpenFormula(path, "", CSVOptions{})
	if in == nil {
		return nil, clean(err)
	}
	g, err := grant.Allocate(in.Formula, in.Data, grant.Options{Read: err})
	if err != nil {
		return nil, clean(err)
	}
	return g, ""
}

func TestGrantBaseAllocates(t *testing.T) {
	g, msg := allocate(t, grantFiles(t, grantBase, ""))
	if msg != "" {
		t.Fatal(msg)
	}
	if len(g.Rows) != 3 || !g.Summary.Total.Equal(g.Pot) {
		t.Errorf("%d rows, total %s, pot %s", len(g.Rows), g.Summary.Total, g.Pot)
	}
	if len(g.Notes) != 0 {
		t.Errorf("notes: %v", g.Notes)
	}
}

// Every problem a formula can have against its data, with the full message.
func TestGrantProblems(t *testing.T) {
	for _, c := range []struct {
		name, old, new, csv, want string
	}{
		{"weights not summing to 1", "weight = 0.1", "weight = 0.05", "",
			"DIR/f.toml:21: criteria = 0.95: expected the weights of the criteria to sum to 1 exactly: population 0.9 + area 0.05 = 0.95 (0.05 short)"},
		{"weights over 1", "weight = 0.1", "weight = 0.15", "",
			"DIR/f.toml:21: criteria = 1.05: expected the weights of the criteria to sum to 1 exactly: population 0.9 + area 0.15 = 1.05 (0.05 over)"},
		{"unknown column, with a suggestion", `column = "population"`, `column = "populaton"`, "",
			`DIR/f.toml:22: criteria.population.column = "populaton": no column "populaton" in DIR/lugina.csv; did you mean "population"?`},
		{"unknown column, nothing close", `column = "area_km2"`, `column = "surface"`, "",
			`DIR/f.toml:26: criteria.area.column = "surface": no column "surface" in DIR/lugina.csv; its columns are name, population, population_2011, children, area_km2, budget_2025, need`},
		{"negative indicator", "", "", "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,-80,1,1\nKodra,4000,1,95,1,1\n",
			`DIR/lugina.csv:3: area_km2 = "-80": expected a value of zero or more (Fusha, used by criteria.area)`},
		{"not a number", "", "", "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,80 km2,1,1\nKodra,4000,1,95,1,1\n",
			`DIR/lugina.csv:3: area_km2 = "80 km2": expected a number (Fusha, used by criteria.area; read with separator "," and no decimals)`},
		{"nan is not a number", "", "", "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,nan,1,1\nKodra,4000,1,95,1,1\n",
			`DIR/lugina.csv:3: area_km2 = "nan": expected a number (Fusha, used by criteria.area; read with separator "," and no decimals)`},
		{"inf is not a number", "", "", "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120.5,1,1\nFusha,36000,1,inf,1,1\nKodra,4000,1,95,1,1\n",
			`DIR/lugina.csv:3: area_km2 = "inf": expected a number (Fusha, used by criteria.area; read with separator "," and decimal point)`},
		{"Infinity is not a number", "", "", "name;population;children;area_km2;budget_2025;need\nLugina;60000;1;120,5;1;1\nFusha;36000;1;-Infinity;1;1\nKodra;4000;1;95;1;1\n",
			`DIR/lugina.csv:3: area_km2 = "-Infinity": expected a number (Fusha, used by criteria.area; read with separator ";" and decimal comma)`},
		{"1e5 is not a number", "", "", "name\tpopulation\tchildren\tarea_km2\tbudget_2025\tneed\nLugina\t60000\t1\t120,5\t1\t1\nFusha\t36000\t1\t1e5\t1\t1\nKodra\t4000\t1\t1E309\t1\t1\n",
			`DIR/lugina.csv:3: area_km2 = "1e5": expected a number (Fusha, used by criteria.area; read with separator tab and decimal comma)
DIR/lugina.csv:4: area_km2 = "1E309": expected a number (Kodra, used by criteria.area; read with separator tab and decimal comma)`},
		{"a negative value, as written", "", "", "name;population;children;area_km2;budget_2025;need\nLugina;60000;1;120;1;1\nFusha;36000;1;-1.080,5;1;1\nKodra;4000;1;95;1;1\n",
			`DIR/lugina.csv:3: area_km2 = "-1.080,5": expected a value of zero or more (Fusha, used by criteria.area)`},
		{"missing value without fallback", "", "", "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,,1,1\nKodra,4000,1,95,1,1\n",
			`DIR/lugina.csv:3: area_km2 = "": missing for Fusha, used by criteria.area; fill it in, or name a column to use where it is missing under [data.fallback] (area_km2 = "COLUMN")`},
		{"floor sum above the pot", "floor = 50000", "floor = 400000", "",
			"DIR/f.toml:30: rules.floor = 400000: 3 municipalities × the floor of 400000 = 1200000; with the lump sums above it, the allocations cannot go below 1200000.00, more than the pot of 1000000"},
		{"hold-harmless that cannot hold", "hold_harmless = 0.05", "hold_harmless = 0", "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,500000,1\nFusha,36000,1,80,900000,1\nKodra,4000,1,95,100000,1\n",
			"DIR/f.toml:31: rules.hold_harmless = 0: cannot be satisfied: keeping every municipality within 0 of its baseline needs 569064.41, but the gainers gain only 69064.41 above their baselines"},
		{"lump sum for an unknown municipality", "Kodra = 20000", "Kodar = 20000", "",
			`DIR/f.toml:19: lump_sums.Kodar = 20000: no municipality of that name in DIR/lugina.csv; did you mean "Kodra"?`},
		{"a float amount", `amount = "1000000"`, `amount = 1000000.5`, "",
			`DIR/f.toml:10: pot.amount = 1000000.5: expected an amount in quotes ("1000000.5") or a whole number: a number with decimals written without quotes can silently lose digits`},
		{"unknown key", "floor = 50000", "flor = 50000", "",
			`DIR/f.toml:30: rules.flor: unknown key in [rules]; did you mean "floor"?`},
		{"unknown transform", "weight = 0.1", "weight = 0.1\ntransform = \"per_capta\"", "",
			`DIR/f.toml:28: criteria.area.transform = "per_capta": did you mean "per_capita"? expected one of "none", "per_capita", "inverse", "capped"`},
		{"hold-harmless without a baseline", `baseline = "budget_2025"`, "", "",
			`DIR/f.toml:31: rules.hold_harmless = 0.05: hold-harmless needs a baseline: [data] baseline = "COLUMN", cost_based = { …, baseline = "total" }, or --baseline FILE.csv`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := grantBase
			if c.old != "" {
				if !strings.Contains(src, c.old) {
					t.Fatalf("the base formula has no %q", c.old)
				}
				src = strings.Replace(src, c.old, c.new, 1)
			}
			_, got := allocate(t, grantFiles(t, src, c.csv))
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// Every problem of one run is reported together: the formula's own and
// those against its data.
func TestGrantProblemsTogether(t *testing.T) {
	src := strings.Replace(strings.Replace(grantBase, "weight = 0.1", "weight = 0.05", 1), `column = "population"`, `column = "populaton"`, 1)
	_, got := allocate(t, grantFiles(t, src, ""))
	want := `DIR/f.toml:21: criteria = 0.95: expected the weights of the criteria to sum to 1 exactly: population 0.9 + area 0.05 = 0.95 (0.05 short)
DIR/f.toml:22: criteria.population.column = "populaton": no column "populaton" in DIR/lugina.csv; did you mean "population"?`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A fallback fills a missing value, and the result says so.
func TestGrantFallback(t *testing.T) {
	csv := "name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,,1,1\nKodra,4000,1,95,1,1\n"
	src := strings.Replace(grantBase, "[lump_sums]", "[data.fallback]\narea_km2 = \"population\"\n\n[lump_sums]", 1)
	src = strings.Replace(src, "hold_harmless = 0.05\n", "", 1)
	g, msg := allocate(t, grantFiles(t, src, csv))
	if msg != "" {
		t.Fatal(msg)
	}
	found := false
	for _, n := range g.Notes {
		found = found || n == "area_km2 is missing for Fusha: population used instead"
	}
	if !found {
		t.Errorf("notes %q do not say Fusha's area came from the fallback", g.Notes)
	}
}

// The shipped formulas compute, sum to their pots, and have no notes beyond
// the fallbacks they state.
func TestShippedFormulas(t *testing.T) {
	if len(Formulas()) < 3 {
		t.Fatalf("shipped formulas: %v", Formulas())
	}
	for _, name := range Formulas() {
		t.Run(name, func(t *testing.T) {
			in, err := OpenFormula(name, "", CSVOptions{})
			if err != nil {
				t.Fatal(err)
			}
			o := grant.Options{}
			if in.Scenario != nil {
				o.Scenario = costing.Build(in.Scenario)
			}
			g, err := grant.Allocate(in.Formula, in.Data, o)
			if err != nil {
				t.Fatal(err)
			}
			if !g.Summary.Total.Equal(g.Pot) || g.Caveat == "" {
				t.Errorf("total %s, pot %s, caveat %q", g.Summary.Total, g.Pot, g.Caveat)
			}
			for _, n := range g.Notes {
				if !strings.Contains(n, "used instead") {
					t.Errorf("note: %s", n)
				}
			}
		})
	}
}

// Every shipped formula decodes on its own, with the title kosto formulas
// list prints; an unknown name says which are shipped.
func TestShippedFormulaTitles(t *testing.T) {
	for _, name := range Formulas() {
		f, err := ShippedFormula(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Title.S == "" || strings.Contains(f.Title.S, `"`) || f.File != "kosto:formulas/"+name+".toml" {
			t.Errorf("%s: title %q, file %s", name, f.Title.S, f.File)
		}
	}
	if _, err := ShippedFormula("nope"); err == nil || !strings.Contains(err.Error(), "kosovo-social-services-grant") {
		t.Errorf("an unknown formula: %v", err)
	}
}
