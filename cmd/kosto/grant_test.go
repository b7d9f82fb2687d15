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
	code, out, errs := kosto(t, dir, "grant", "kosovo-social-services-grant")
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
		`mine.toml:51: criteria.population.column = "scenario.populaton": scenario kosovo_qps_staffing has no figure decan.populaton (kosto explain kosovo_qps_staffing --list shows every figure)`,
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
