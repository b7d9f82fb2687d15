package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/models"
)

// kosto runs the command in-process with the working directory dir.
func kosto(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if dir != "" {
		wd, _ := os.Getwd()
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// The README's commands are the ones a new user types first: each must
// work. Every line of a ```sh block that starts with "go run ./cmd/kosto"
// is run in a scratch folder, in order (so mine.toml exists when it is
// validated); "> FILE" redirects standard output.
func TestReadmeCommands(t *testing.T) {
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := t.TempDir()
	inSh, n := false, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		}
		if !inSh || !strings.HasPrefix(line, "go run ./cmd/kosto") {
			continue
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		fields := strings.Fields(strings.TrimPrefix(line, "go run ./cmd/kosto"))
		redirect := ""
		if i := indexOf(fields, ">"); i >= 0 {
			redirect = fields[i+1]
			fields = fields[:i]
		}
		n++
		t.Run(strings.Join(fields, " "), func(t *testing.T) {
			code, out, errs := kosto(t, dir, fields...)
			if code != 0 {
				t.Fatalf("exit %d\nstderr: %s", code, errs)
			}
			if out == "" && !hasFlag(fields, "--output") {
				t.Errorf("printed nothing")
			}
			if redirect != "" {
				if err := os.WriteFile(filepath.Join(dir, redirect), []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	if n < 5 {
		t.Fatalf("found only %d kosto commands in README.md", n)
	}
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

func hasFlag(xs []string, f string) bool { return indexOf(xs, f) >= 0 }

// The first README command prints Gjilan's budget, with its total.
func TestRunDefault(t *testing.T) {
	code, out, errs := kosto(t, "", "run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Gjilan/Gnjilane", "ANNUAL BUDGET 2024", "Wages and salaries", "202,571.10"} {
		if !strings.Contains(out, want) {
			t.Errorf("kosto run does not print %q", want)
		}
	}
}

const badScenario = `format = 1
[scenario]
name = "bad"
country = "XK"
currency = "EUR"
base_year = 2024
[parameters.allowance]
value = 250.5
source = "test"
[services.fc]
kind = "foster_care"
children = 2
monthly_allowance = "allowance"
montly_allowance = 3
[municipalities.m]
`

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte(badScenario), 0o644)
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr []string // substrings
	}{
		{"bad scenario", []string{"run", bad}, 2, []string{
			bad + `:8: parameters.allowance.value = 250.5: expected an amount in quotes ("250.5") or a whole number`,
			bad + `:14: services.fc.montly_allowance: unknown key in a service; did you mean "monthly_allowance"?`,
			"kosto: 2 problems; nothing was computed"}},
		{"validate bad", []string{"validate", bad}, 2, []string{"montly_allowance", "kosto: 1 of 1 files have problems"}},
		{"unknown format", []string{"run", "--format", "xls"}, 2, []string{`--format "xls": expected table, json, csv or markdown`}},
		{"unknown lang", []string{"run", "--lang", "de"}, 2, []string{`--lang "de": expected en (English), sq (Albanian) or sr (Serbian, Latin script)`}},
		{"unknown flag", []string{"run", "--colour"}, 2, []string{"unknown flag: --colour"}},
		{"unknown municipality", []string{"run", "kosovo-qps-staffing", "--municipality", "gjilann"}, 2, []string{`--municipality "gjilann": scenario kosovo_qps_staffing has no such municipality; expected one of decan, dragash, `}},
		{"too many args", []string{"run", "a", "b"}, 2, []string{"accepts at most 1 arg(s)"}},
		{"no such scenario", []string{"run", "nowhere"}, 2, []string{"nowhere: no such file, and no shipped scenario of that name (shipped: "}},
		{"missing file", []string{"run", filepath.Join(dir, "missing.toml")}, 2, []string{"missing.toml: no such file"}},
		{"unknown figure", []string{"explain", "gjilan", "gjilan.nothing"}, 2, []string{`figure "gjilan.nothing" is not in scenario gjilan`}},
		{"explain without figure", []string{"explain", "gjilan"}, 2, []string{"explain needs a FIGURE"}},
		{"show unknown", []string{"scenarios", "show", "atlantis"}, 2, []string{`no shipped scenario "atlantis"`}},
		{"version", []string{"version"}, 0, nil},
		{"validate shipped", []string{"validate", "gjilan"}, 0, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := kosto(t, "", c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, c.code, errs)
			}
			if c.code != 0 && out != "" {
				t.Errorf("printed on stdout with exit %d:\n%s", code, out)
			}
			for _, s := range c.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
		})
	}
}

// An existing output file is kept without --force and replaced whole with
// it; a failed run writes nothing.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "budget.csv")
	os.WriteFile(out, []byte("keep me"), 0o644)
	if code, _, errs := kosto(t, "", "run", "--format", "csv", "--output", out); code != 2 || !strings.Contains(errs, "exists; use --force") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Fatalf("file changed without --force: %q", b)
	}
	if code, _, errs := kosto(t, "", "run", "--format", "csv", "--output", out, "--force"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// A CSV written to a file starts with a byte-order mark, for Excel.
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "\ufeffmunicipality,table,") {
		t.Fatalf("not replaced: %q", b)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte(badScenario), 0o644)
	fresh := filepath.Join(dir, "fresh.md")
	if code, _, _ := kosto(t, "", "run", bad, "--output", fresh); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Fatal("a failed run wrote its output file")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// Every command has help with examples, and the root help documents the
// exit statuses.
func TestHelp(t *testing.T) {
	root := newRoot(&bytes.Buffer{}, &bytes.Buffer{})
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Example == "" {
			t.Errorf("%s has no examples", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			if sub.Example == "" {
				t.Errorf("%s has no examples", sub.CommandPath())
			}
		}
	}
	_, out, _ := kosto(t, "", "--help")
	want := `Exit status:
  0    success
  1    kosto itself failed (a bug, or an output file that could not be written)
  2    bad input: a scenario with problems, an unknown figure or scenario,
       a wrong flag or argument, an --output that cannot be a file;
       nothing is written to standard output or to the --output file
  130  stopped by Ctrl-C (SIGINT); no output file is left half-written
  143  stopped by SIGTERM; no output file is left half-written
`
	if !strings.Contains(out, want) {
		t.Errorf("root help lacks\n%s\nin\n%s", want, out)
	}
}

// The root help names every kind of service kosto costs, in the words a
// reader knows them by, and says what each command beyond run does.
func TestRootHelpCoversKindsAndCommands(t *testing.T) {
	_, out, _ := kosto(t, "", "--help")
	help := strings.Join(strings.Fields(out), " ") // the words, whatever the line breaks
	phrases := map[string]string{
		models.FosterCare:            "foster, kinship and specialised foster care",
		models.KinshipCare:           "foster, kinship and specialised foster care",
		models.SpecialisedFosterCare: "foster, kinship and specialised foster care",
		models.ResidentialCare:       "residential care",
		models.SmallGroupHome:        "small group homes",
		models.DayCentre:             "day centres",
		models.CommunityCentre:       "community centres",
		models.Shelter:               "shelters",
		models.HomeCare:              "home care",
		models.SocialWorkCentre:      "Centres for Social Work",
		models.CashBenefit:           "cash benefits",
		models.TransitionProgramme:   "transition programmes out of residential care",
	}
	for _, k := range models.ServiceKinds {
		t.Run(k, func(t *testing.T) {
			p, ok := phrases[k]
			if !ok {
				t.Fatalf("kind %q has no phrase here: name it in rootLong (root.go) and add the phrase to this test", k)
			}
			if !strings.Contains(help, p) {
				t.Errorf("root help does not mention %s (%q)", k, p)
			}
		})
	}
	// Not the list of commands cobra adds: what the help says of each.
	long := strings.Join(strings.Fields(rootLong), " ")
	for _, c := range []string{"kosto explain walks", "kosto project carries", "compare sets", "compare-care sets", "curve shows",
		"funnel costs", "export writes", "project, compare and grant do too, with --format xlsx", "grant divides"} {
		t.Run(c, func(t *testing.T) {
			if !strings.Contains(long, c) {
				t.Errorf("rootLong does not say %q", c)
			}
		})
	}
}

// The README's sample validate output is what kosto really says for the
// edits the README describes.
func TestReadmeValidateExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "mistype `monthly_allowance`, and it says:\n\n```text\n")
	if !ok {
		t.Fatal("README has no validate example")
	}
	want, _, _ := strings.Cut(after, "```")
	dir := t.TempDir()
	_, src, _ := kosto(t, "", "scenarios", "show", "gjilan")
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if l == "[parameters.foster_allowance]" {
			lines[i+1] = strings.Replace(lines[i+1], "value = 250", "value = 250.5", 1)
		}
		if l == `kind = "foster_care"` {
			for j := i; j < len(lines); j++ {
				if strings.HasPrefix(lines[j], "monthly_allowance") {
					lines[j] = "montly" + strings.TrimPrefix(lines[j], "monthly")
					break
				}
			}
		}
	}
	os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(strings.Join(lines, "\n")), 0o644)
	code, out, errs := kosto(t, dir, "validate", "mine.toml")
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if errs != want {
		t.Errorf("README says:\n%s\nkosto says:\n%s", want, errs)
	}
}
