package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUncertaintyCommand: the advocate's three questions, each the same
// for the same seed on one worker or four.
func TestUncertaintyCommand(t *testing.T) {
	dir := t.TempDir()
	args := []string{"uncertainty", "albania-di-vlore", "albania-di-vlore-reform", "--draws", "200", "--seed", "5", "--format", "json"}
	code, one, errs := kosto(t, dir, append(args, "--workers", "1")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, four, _ := kosto(t, dir, append(args, "--workers", "4")...)
	if one != four {
		t.Error("1 and 4 workers printed different reports")
	}
	var doc struct {
		Report   string
		Lines    []string
		Sections []struct {
			Tables []struct {
				Key  string
				Rows []struct {
					Cells []struct{ Figure, Value string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(one), &doc); err != nil {
		t.Fatal(err)
	}
	figures := 0
	for _, s := range doc.Sections {
		for _, tb := range s.Tables {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Figure != "" {
						figures++
					}
				}
			}
		}
	}
	if doc.Report != "uncertainty" || figures < 100 || !strings.Contains(strings.Join(doc.Lines, "\n"), "costs less than the base over 2026–2030") {
		t.Errorf("report %q with %d figures named; lines %q", doc.Report, figures, doc.Lines)
	}
	for _, a := range [][]string{
		{"tornado", "albania-di-vlore", "albania-di-vlore-reform"},
		{"switch", "albania-di-vlore", "albania-di-vlore-reform", "--input", "foster_allowance", "--by", "2030"},
		{"uncertainty", "gjilan", "--draws", "50", "--lang", "sq"},
	} {
		if code, _, errs := kosto(t, dir, a...); code != 0 {
			t.Errorf("kosto %s: exit %d: %s", strings.Join(a, " "), code, errs)
		}
	}
}

// TestUncertaintyErrors: bad input exits 2 with what was expected, a
// ranges file's problems with their positions.
func TestUncertaintyErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "r.toml"), []byte(`format = 1
[ranges]
foster_alowance = { low = 13000, high = 40000 }
kinship_allowance = { low = 12000, high = 16000 }
`), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"uncertainty", "albania-di-vlore", "--draws", "0"}, "--draws 0: expected from 1 to 1000000"},
		{[]string{"uncertainty", "albania-di-vlore", "--method", "sobol"}, `--method "sobol": expected "lhs" or "random"`},
		{[]string{"uncertainty", "albania-di-vlore", "--ranges", "r.toml"}, `r.toml:3: ranges.foster_alowance: no input of the scenario is called so: expected a parameter's name or a value's key path; did you mean "foster_allowance"?
r.toml:4: ranges.kinship_allowance: expected the value 10000 within its range 12000–16000`},
		{[]string{"switch", "albania-di-vlore", "albania-di-vlore-reform"}, "switch needs --input NAME"},
		{[]string{"switch", "albania-di-vlore", "albania-di-vlore-reform", "--input", "foster_allowance", "--by", "2040"}, "--by 2040: expected a year of the horizon, 2026–2030"},
		{[]string{"tornado", "gjilan", "--figure", "totl"}, `--figure "totl": no figure of gjilan is called so; did you mean "total"?`},
	} {
		code, out, errs := kosto(t, dir, c.args...)
		if code != 2 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("kosto %s: exit %d, stdout %q, stderr\n%s\nwant exit 2 and\n%s", strings.Join(c.args, " "), code, out, errs, c.want)
		}
	}
}
