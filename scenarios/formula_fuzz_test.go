package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// grantProblemCases are the formulas of TestGrantProblems, as seeds.
func grantSeeds() []string {
	seeds := []string{grantBase}
	for _, r := range [][2]string{
		{"weight = 0.1", "weight = 0.05"}, {`column = "population"`, `column = "populaton"`}, {"floor = 50000", "floor = 400000"},
		{"Kodra = 20000", "Kodar = 20000"}, {`amount = "1000000"`, `amount = 1000000.5`}, {"floor = 50000", "flor = 50000"},
		{"weight = 0.1", "weight = 0.1\ntransform = \"per_capta\""}, {"weight = 0.1", "weight = 0.1\ntransform = \"capped\"\ncap = 90"},
		{"[lump_sums]", "[data.fallback]\narea_km2 = \"population\"\n\n[lump_sums]"},
		{`amount = "1000000"`, `cost_based = { scenario = "gjilan", share = 0.5 }`},
	} {
		seeds = append(seeds, strings.Replace(grantBase, r[0], r[1], 1))
	}
	return seeds
}

func checkProblems(t *testing.T, err error) {
	t.Helper()
	ps, ok := err.(models.Problems)
	if !ok {
		t.Fatalf("returned %T, not models.Problems: %v", err, err)
	}
	if len(ps) == 0 {
		t.Fatal("returned an empty list of problems as an error")
	}
	for _, p := range ps {
		if p.Pos.Key == "" && p.Pos.Line <= 0 {
			t.Errorf("problem names neither a key nor a line: %q", p.Error())
		}
	}
}

func luginaTable(t testing.TB) *models.DataTable {
	src, err := os.ReadFile(filepath.Join("testdata", "grants", "lugina.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var ps models.Problems
	tab := ReadData("lugina.csv", src, nil, CSVOptions{}, &ps)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	return tab
}

// FuzzFormula feeds arbitrary text to the formula reader, and a formula it
// accepts to the engine over the test table. Neither may panic, and every
// problem must name a key or a line.
func FuzzFormula(f *testing.F) {
	for _, s := range grantSeeds() {
		f.Add(s)
	}
	for _, name := range Formulas() {
		src, _ := FormulaSource(name)
		f.Add(string(src))
	}
	tab := luginaTable(f)
	f.Fuzz(func(t *testing.T, src string) {
		var ps models.Problems
		fm := decodeFormula("f.toml", []byte(src), &ps)
		if fm == nil {
			checkProblems(t, ps)
			return
		}
		if err := fm.Validate(); err != nil {
			ps = append(ps, err.(models.Problems)...)
		}
		if len(ps) > 0 {
			checkProblems(t, ps)
			return
		}
		if fm.Pot.Kind == models.PotCostBased {
			return // needs a scenario
		}
		copyTab := *tab
		copyTab.Rows = append([]models.DataRow{}, tab.Rows...)
		if _, err := grant.Allocate(fm, &copyTab, grant.Options{}); err != nil {
			checkProblems(t, err)
		}
	})
}

// FuzzData feeds arbitrary text to the CSV reader as the table of the test
// formula, and a table it accepts to the engine.
func FuzzData(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "grants", "lugina.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,,1,1\nKodra,4000,1,95,1,1\n")
	f.Add("name,population,children,area_km2,budget_2025,need\nLugina,60000,1,120,1,1\nFusha,36000,1,-80,1,1\n")
	f.Add("name,population\n\"Lugina,1\n")
	// As spreadsheets save it: ";" and decimal commas, thousands marks, a
	// byte-order mark, CRLF, tabs, UTF-16; and what is not a number.
	head := "name;population;population_2011;children;area_km2;budget_2025;need\r\n"
	f.Add("\xef\xbb\xbf" + head + "Lugina;60000;61000;13000;120,5;300000;520000\r\nFusha;36000;38000;8500;80;220000;290000\r\nKodra;4000;4500;900;95;60000;70000\r\n")
	f.Add(head + "Lugina;60.000;61.000;13.000;120;300.000,00;520.000,00\nFusha;36.000;38.000;8.500;80;220.000,00;290.000,00\nKodra;4.000;4.500;900;95;60.000,00;70.000,00\n")
	f.Add(head + "Lugina;60 000;61\u00a0000;13\u202f000;120;1 234,5;1\nFusha;36.000;38000;8500;80,5;1.234.567;1\nKodra;4000;4500;900;95.5;1,234;1\n")
	f.Add(strings.ReplaceAll(head, ";", "\t") + "Lugina\t60000\t61000\t13000\t120,5\t300000\t1\n")
	f.Add("\xff\xfen\x00a\x00m\x00e\x00\t\x00p\x00\r\x00\n\x00L\x00\t\x001\x00,\x005\x00\r\x00\n\x00")
	f.Add(head + "Lugina;nan;61000;inf;Infinity;1e5;1e309\nFusha;-inf;NaN;+1;-0;0x10;1_000\n")
	f.Add(head + "Lugina;" + strings.Repeat("9", 400) + ";61000;13000;0," + strings.Repeat("1", 400) + ";300000;1\nFusha;36000;38000;8500;80;220000;290000\nKodra;4000;4500;900;95;60000;70000\n")
	f.Add("name;pop,x\nLugina;6,5\n")
	f.Add("# a comment;;;;\nname;population\n;;\nLugina;1,5\r")
	var ps models.Problems
	fm := decodeFormula("f.toml", []byte(grantBase), &ps)
	if len(ps) > 0 || fm.Validate() != nil {
		f.Fatal("the base formula has problems")
	}
	f.Fuzz(func(t *testing.T, src string) {
		var ps models.Problems
		tab := ReadData("d.csv", []byte(src), nil, CSVOptions{}, &ps)
		if tab == nil || len(ps) > 0 {
			if len(ps) == 0 {
				t.Fatal("no table and no problem")
			}
			checkProblems(t, ps)
			return
		}
		// Every number rewritten is in the one form costing reads.
		for _, row := range tab.Rows {
			for c, was := range row.Written {
				if _, err := decimal.NewFromString(row.Cells[c]); err != nil || !looksNumeric(row.Cells[c]) {
					t.Fatalf("%q became %q", was, row.Cells[c])
				}
			}
		}
		if _, err := grant.Allocate(fm, tab, grant.Options{}); err != nil {
			checkProblems(t, err)
		}
	})
}
