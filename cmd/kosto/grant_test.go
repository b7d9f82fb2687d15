package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tried as a new user would (issue 5): the shipped social-services grant
// prints 38 allocations, per capita, gainers and losers and the gap to need;
// a copy with a changed weight shifts the allocations; a typo'd column and
// weights summing to 0.95 are refused with messages that say so, exit 2.
func TestGrantAsANewUser(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := kosto(t, dir, "grant", "kosovo-social-services-grant", "--wide")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Prishtinë", "Zveçan", "Gap to need", "Per inhabitant", "Gainers against the baseline: 38", "Total (= the pot, exactly)", "3,442,824.00", "Unmet need"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// A copy, run before and after changing a weight.
	_, src, _ := kosto(t, dir, "formulas", "show", "kosovo-social-services-grant")
	mine := filepath.Join(dir, "mine.toml")
	write := func(s string) {
		if err := os.WriteFile(mine, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(src)
	if code, _, errs := kosto(t, dir, "grant", "mine.toml", "--format", "csv", "--output", "before.csv"); code != 0 {
		t.Fatalf("the copy: exit %d: %s", code, errs)
	}
	write(strings.Replace(strings.Replace(src, "weight = 0.8", "weight = 0.5", 1), "weight = 0.2", "weight = 0.5", 1))
	code, out, errs = kosto(t, dir, "grant", "mine.toml", "--baseline", "before.csv")
	if code != 0 {
		t.Fatalf("changed weights: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Baseline: a previous run: before.csv.") || !strings.Contains(out, "Losers against the baseline:") {
		t.Errorf("the run against the previous one shows no gainers and losers:\n%s", out)
	}
	// A typo'd column and weights summing to 0.95, both reported.
	write(strings.Replace(strings.Replace(src, "weight = 0.2", "weight = 0.15", 1), `column = "scenario.population"`, `column = "scenario.populaton"`, 1))
	code, out, errs = kosto(t, dir, "grant", "mine.toml")
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, out)
	}
	for _, want := range []string{
		"mine.toml:43: criteria = 0.95: expected the weights of the criteria to sum to 1 exactly: caseload 0.8 + population 0.15 = 0.95 (0.05 short)",
		`mine.toml:51: criteria.population.column = "scenario.populaton": scenario kosovo_qps_staffing has no figure decan.populaton (kosto explain kosovo-qps-staffing --list shows every figure)`,
		"kosto: 2 problems; nothing was computed",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
}

func TestGrantCommandErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"grant"}, "grant needs a FORMULA"},
		{[]string{"grant", "no-such-formula"}, "no-such-formula: no such file, and no shipped formula of that name"},
		{[]string{"grant", "kosovo-general-grant-illustrative", "--format", "xml"}, `--format "xml": expected`},
		{[]string{"grant", "kosovo-general-grant-illustrative", "--baseline", "nope.csv"}, "nope.csv: no such file"},
		{[]string{"formulas", "show", "nope"}, `no shipped formula "nope"`},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errs := kosto(t, t.TempDir(), c.args...)
			if code != 2 || out != "" || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errs, c.want)
			}
		})
	}
}

func TestGrantList(t *testing.T) {
	for _, args := range [][]string{{"grant", "--list"}, {"formulas", "list"}} {
		code, out, _ := kosto(t, "", args...)
		if code != 0 || !strings.Contains(out, "kosovo-social-services-grant") || !strings.Contains(out, "albania_municipalities.csv") {
			t.Errorf("%v: exit %d:\n%s", args, code, out)
		}
	}
}

// grantTestdata is the path of a file of scenarios/testdata/grants.
func grantTestdata(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "scenarios", "testdata", "grants", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The shipped Kosovo table, saved by a council's spreadsheet (";" and
// decimal commas, a byte-order mark and CRLF; tabs; UTF-16), gives the
// grant the shipped table gives, figure for figure; and so does a previous
// run saved again as a baseline.
func TestGrantOverSpreadsheetSaves(t *testing.T) {
	dir := t.TempDir()
	_, shipped, _ := kosto(t, dir, "formulas", "show", "kosovo_municipalities.csv")
	if err := os.WriteFile(filepath.Join(dir, "shipped.csv"), []byte(shipped), 0o644); err != nil {
		t.Fatal(err)
	}
	grant := func(t *testing.T, args ...string) string {
		t.Helper()
		code, out, errs := kosto(t, dir, append([]string{"grant", "kosovo-general-grant-illustrative", "--format", "csv"}, args...)...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return out
	}
	want := grant(t, "--data", "shipped.csv")
	if !strings.Contains(want, ",allocation,,Prishtinë,Prishtinë,population,227154,") {
		t.Fatalf("the grant over the shipped table:\n%s", want)
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"Excel CSV UTF-8, Albanian locale", []string{"--data", grantTestdata(t, "kosovo_excel_sq.csv")}},
		{"Excel CSV UTF-8, --csv-separator ;", []string{"--data", grantTestdata(t, "kosovo_excel_sq.csv"), "--csv-separator", ";"}},
		{"LibreOffice, tabs", []string{"--data", grantTestdata(t, "kosovo_tab.csv")}},
		{"LibreOffice, --csv-separator tab", []string{"--data", grantTestdata(t, "kosovo_tab.csv"), "--csv-separator", "tab"}},
		{"Excel Unicode Text", []string{"--data", grantTestdata(t, "kosovo_unicode.txt")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := grant(t, c.args...); got != want {
				t.Errorf("the grant differs from the shipped table's:\n%s\nwant\n%s", got, want)
			}
		})
	}
	// A copy of the formula reads the table beside it: the one saved again.
	t.Run("the formula's own table, saved again", func(t *testing.T) {
		sub := filepath.Join(dir, "mine")
		_, src, _ := kosto(t, dir, "formulas", "show", "kosovo-general-grant-illustrative")
		excel, err := os.ReadFile(grantTestdata(t, "kosovo_excel_sq.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range map[string][]byte{"mine.toml": []byte(src), "kosovo_municipalities.csv": excel} {
			if err := os.WriteFile(filepath.Join(sub, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, args := range [][]string{{}, {"--csv-separator", ";"}} {
			code, out, errs := kosto(t, sub, append([]string{"grant", "mine.toml", "--format", "csv"}, args...)...)
			if code != 0 || out != want {
				t.Errorf("%v: exit %d: %s\n%s\nwant\n%s", args, code, errs, out, want)
			}
		}
	})
	// A previous run, saved again with ";" and decimal commas, is the same
	// baseline.
	t.Run("a baseline saved again", func(t *testing.T) {
		saved := strings.NewReplacer(",", ";", ".", ",").Replace(want)
		if err := os.WriteFile(filepath.Join(dir, "before.csv"), []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "saved.csv"), []byte("\xef\xbb\xbf"+strings.ReplaceAll(saved, "\n", "\r\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		before := grant(t, "--baseline", "before.csv")
		if got := grant(t, "--baseline", "saved.csv"); got != before {
			t.Errorf("against the saved baseline:\n%s\nwant\n%s", got, before)
		}
		if !strings.Contains(before, ",allocation,,Prishtinë,Prishtinë,baseline,25065469.00,,money,,\n,allocation,,Prishtinë,Prishtinë,change,0.00,,money,,") {
			t.Errorf("the run against itself:\n%s", before)
		}
	})
}

// What the grant command refuses of the CSV tables: exit 2, nothing
// written, every message in full.
func TestGrantCSVRefusals(t *testing.T) {
	excel := grantTestdata(t, "kosovo_excel_sq.csv")
	dir := t.TempDir()
	write := func(name, s string) string {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	ambiguous := write("ambiguous.csv", strings.Replace(shippedTable(t), "Prishtinë,Priština / Pristina,198897,227154,", `Prishtinë,Priština / Pristina,198897,"227,154",`, 1))
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"an unknown separator", []string{"--csv-separator", "|"},
			`--csv-separator "|": expected ",", ";" or tab`},
		{"a separator named in words", []string{"--csv-separator", "semicolon"},
			`--csv-separator "semicolon": expected ",", ";" or tab`},
		{"the wrong separator given", []string{"--data", excel, "--csv-separator", ","},
			excel + `:2: not valid CSV (separator ",", given with --csv-separator): bare " in non-quoted-field
kosto: 1 problem; nothing was computed`},
		{"a thousands comma in a table of decimal points", []string{"--data", ambiguous},
			`ambiguous.csv:28: population_latest = "227,154": expected 227154 if the comma is a thousands mark, or 227.154 if it is a decimal comma: the file has separator "," and decimal point, so it could be either
kosto: 1 problem; nothing was computed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := kosto(t, dir, append([]string{"grant", "kosovo-general-grant-illustrative"}, c.args...)...)
			if code != 2 || out != "" || strings.TrimSpace(errs) != c.want {
				t.Errorf("exit %d, stdout %q, stderr\n%s\nwant 2, nothing, and\n%s", code, out, errs, c.want)
			}
		})
	}
}

// shippedTable is the text of the shipped Kosovo table.
func shippedTable(t *testing.T) string {
	t.Helper()
	code, out, errs := kosto(t, "", "formulas", "show", "kosovo_municipalities.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	return out
}
