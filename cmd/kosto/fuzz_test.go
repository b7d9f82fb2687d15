package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
)

// FuzzCommands runs every command that reads a scenario on arbitrary text
// saved as s.toml, as a user would: validate, run in every format, project,
// compare (the scenario with itself), compare-care, funnel and the curve of
// every residential service. kosto must answer each with exit status 0 or
// 2 — never 1, which a panic (caught in one place) or an engine failure on
// an input it accepted would give — and, on 2, with nothing on standard
// output. Seeds: the shipped scenarios and the test scenarios, and inputs
// that once crashed or hung kosto.
func FuzzCommands(f *testing.F) {
	for _, name := range scenarios.Shipped() {
		src, err := scenarios.ShippedSource(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	files, _ := filepath.Glob("../../scenarios/testdata/*.toml")
	for _, file := range files {
		if strings.Contains(file, "national") {
			continue // large: the benchmarks' input, slow as a seed
		}
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	vlore, _ := scenarios.ShippedSource("albania-di-vlore")
	for _, r := range [][2]string{
		{"value = 13\n", "value = nan\n"},
		{"value = 13\n", "value = 0\n"},
		{"value = 24\n", "value = 1e300\n"},
		{"[projection]\n", "[projection]\nyears = -3\n"},
		{"[projection]\n", "[projection]\nstart = 202600\n"},
		{"rate = ", "rate = -2 # "},
		{"[services.institution]\n", "[services.institution]\nunits_kept_open = 2\n"},
	} {
		f.Add(strings.Replace(string(vlore), r[0], r[1], 1))
	}
	f.Add("format = 1\nextends = \"gjilan\"\n[projection]\nyears = 100\n")
	f.Add("format = 1\nextends = \"albania-di-vlore-reform\"\n[transition.units]\n2029 = 1\n")
	f.Add("x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40))
	f.Fuzz(checkCommands)
}

// checkCommands runs the commands of FuzzCommands on src.
func checkCommands(t *testing.T, src string) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s.toml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"validate", file},
		{"run", file}, {"run", file, "--format", "json"}, {"run", file, "--format", "csv", "--lang", "sq"}, {"run", file, "--format", "markdown"},
		{"project", file}, {"compare", file, file}, {"compare-care", file}, {"funnel", file},
	}
	if sc, err := scenarios.LoadFile(file); err == nil {
		for _, mn := range models.Sorted(sc.Municipalities) {
			for _, sn := range models.Sorted(sc.Services) {
				if t := sc.Services[sn].Table(); t != nil && t.Leaves {
					commands = append(commands, []string{"curve", file, sn, "--municipality", mn})
				}
			}
		}
	}
	for _, args := range commands {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		switch {
		case code == exitInput && out.Len() > 0:
			t.Errorf("kosto %s: exit 2 with standard output:\n%s", strings.Join(args, " "), out.String())
		case code != exitOK && code != exitInput:
			t.Errorf("kosto %s: exit %d:\n%s", strings.Join(args, " "), code, errb.String())
		}
	}
}

// number finds the numbers a scenario writes after "=": a whole number, a
// decimal, or either in quotes.
var number = regexp.MustCompile(`(=\s*)("?-?[0-9][0-9_]*(?:\.[0-9]+)?"?)`)

// FuzzNumbers changes one number of a shipped scenario — the which-th, to
// value — and runs the commands of FuzzCommands on it: the inputs a byte
// fuzzer seldom builds, a valid scenario with a strange figure in it (a
// zero that divides, a capacity below the children, a huge count).
func FuzzNumbers(f *testing.F) {
	names := scenarios.Shipped()
	for i := range names {
		for _, v := range []string{"0", "-1", "1", "0.5", "1000000", `"0.01"`, "99999999999999", "1e300", "nan", "3.5", "2"} {
			f.Add(uint8(i), uint16(7*i+len(v)), v)
		}
	}
	f.Fuzz(func(t *testing.T, scenario uint8, which uint16, value string) {
		if strings.ContainsAny(value, "\n\r") {
			return // a number, not a change of the file's shape
		}
		src, err := scenarios.ShippedSource(names[int(scenario)%len(names)])
		if err != nil {
			t.Fatal(err)
		}
		found := number.FindAllSubmatchIndex(src, -1)
		if len(found) == 0 {
			t.Fatal("no number in a shipped scenario")
		}
		m := found[int(which)%len(found)]
		// A variant's base is found among the shipped scenarios by its name.
		checkCommands(t, string(src[:m[4]])+value+string(src[m[5]:]))
	})
}
