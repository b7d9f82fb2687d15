package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/models"
)

// TestRangeErrors: a range is checked like its value, with the usual
// positioned messages.
func TestRangeErrors(t *testing.T) {
	src := strings.Replace(minimal, `[parameters.allowance]
value = 250
source = "MLSW 2018"`, `[parameters.allowance]
value = 250
source = "MLSW 2018"
range = { low = 200.5, high = 300, dist = "normal" }

[parameters.share]
value = 0.5
range = { low = 0.2, high = 1.2 }

[parameters.hours]
value = 40
range = { low = 30, mode = 45, high = 42, colour = "red" }

[uncertainty]
draws = 0
method = "sobol"
[[uncertainty.correlations]]
inputs = ["allowance"]
rank = 1`, 1)
	src = strings.Replace(src, "employer_contribution = 0.05\nhours_per_week = 40", `employer_contribution = "share"
hours_per_week = "hours"`, 1)
	_, err := Load(mapFS(one(src)), "s.toml")
	want := text(`
		s.toml:12: parameters.allowance.range.low = 200.5: expected an amount in quotes ("200.5") or a whole number: a number with decimals written without quotes can silently lose digits
		s.toml:16: parameters.share.range.high = 1.2: expected a share from 0 to 1 (write 5% as 0.05)
		s.toml:20: parameters.hours.range.colour: unknown key in a range; expected one of "low", "high", "mode", "dist", "source", "assumption"
		s.toml:20: parameters.hours.range.mode = 45: expected low ≤ mode ≤ high (30–42)
		s.toml:23: uncertainty.draws = 0: expected a whole number of draws from 1 to 1000000
		s.toml:24: uncertainty.method = "sobol": expected a sampling method: "lhs" or "random"
		s.toml:25: uncertainty.correlations: expected two or more inputs that move together (inputs = ["a", "b"])
		s.toml:27: uncertainty.correlations[1].rank = 1: expected a rank correlation above -1 and below 1`)
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestRangeLoads: a valid range reaches the parameter's input.
func TestRangeLoads(t *testing.T) {
	src := strings.Replace(minimal, `source = "MLSW 2018"`, `source = "MLSW 2018"
range = { low = 200, high = "320", mode = 260, dist = "triangular", assumption = "regional rates" }`, 1)
	sc, err := Load(mapFS(one(src)), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := sc.Parameters["allowance"].Input.Range
	if r == nil || r.String() != "200–320 (triangular, mode 260)" || r.Assumption != "regional rates" {
		t.Errorf("range = %+v", r)
	}
}

// TestRangesFile reads --ranges FILE.toml and reports its problems with
// positions.
func TestRangesFile(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "r.toml")
	os.WriteFile(f, []byte(`format = 1
[uncertainty]
draws = 500
seed = 7
[ranges]
allowance = { low = 200, high = 320 }
"paths.cpi.rate" = { low = 0.01, hihg = 0.04 }
`), 0o644)
	_, err := LoadRanges(f)
	want := f + `:7: ranges.paths.cpi.rate.hihg: unknown key in a range; did you mean "high"?`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// TestFormatRangesLoads: the ranges file of FORMAT.md reads, and fits the
// complete example.
func TestFormatRangesLoads(t *testing.T) {
	rf, err := LoadRanges(filepath.Join("testdata", "format-ranges.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rf.Ranges) != 4 || rf.Uncertainty.Draws.Value.IntPart() != 2000 || len(rf.Uncertainty.Correlations) != 1 {
		t.Errorf("ranges file: %d ranges, %+v", len(rf.Ranges), rf.Uncertainty)
	}
}

// FuzzRanges feeds arbitrary text to LoadRanges, and what loads to an
// uncertainty study of the minimal scenario, drawn a few times. Neither
// may panic, and every problem must name a key or a line.
func FuzzRanges(f *testing.F) {
	f.Add("format = 1\n[ranges]\nallowance = { low = 200, high = 300 }\n")
	f.Add("format = 1\n[uncertainty]\ndraws = 5\nseed = 3\nmethod = \"random\"\n[ranges]\nallowance = { low = 200, high = 300, mode = 250, dist = \"triangular\" }\n\"roles.officer.employer_contribution\" = { low = 0.01, high = 0.2, dist = \"lognormal\" }\n")
	f.Add("format = 1\n[[uncertainty.correlations]]\ninputs = [\"allowance\", \"services.foster.children\"]\nrank = -0.5\n[ranges]\nallowance = { low = 250, high = 250 }\n\"services.foster.children\" = { low = 1, high = 9, dist = \"uniform\" }\n")
	f.Add("[ranges]\nallowance = { low = \"x\", high = [1] }\n")
	sc, err := Load(mapFS(one(minimal)), "s.toml")
	if err != nil {
		f.Fatal(err)
	}
	r := costing.Build(sc)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src string) {
		file := filepath.Join(dir, "r.toml")
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		named := func(err error) {
			ps, ok := err.(models.Problems)
			if !ok {
				t.Fatalf("%T, not models.Problems: %v", err, err)
			}
			for _, p := range ps {
				if p.Pos.Key == "" && p.Pos.Line <= 0 {
					t.Errorf("problem names neither a key nor a line: %q", p.Error())
				}
			}
		}
		rf, err := LoadRanges(file)
		if err != nil {
			named(err)
			return
		}
		st, err := uncertainty.New(r, nil, rf)
		if err != nil {
			named(err)
			return
		}
		o := st.Options()
		o.Draws = 8
		if _, err := st.Run(o); err != nil {
			return // a correlation the draws cannot bear is said, not a panic
		}
	})
}

// TestRangeRefused: the horizon and a transition plan are choices, not
// draws.
func TestRangeRefused(t *testing.T) {
	src := minimal + `
[projection]
years = { value = 3, range = { low = 2, high = 4 } }
discount_rate = { value = 0.05, range = { low = 0.03, high = 0.07 } }
`
	_, err := Load(mapFS(one(src)), "s.toml")
	want := "s.toml:28: projection.years.range: expected no range here: kosto uncertainty draws parameters, the values of roles, services, municipalities and central costs, growth rates and the discount rate; a horizon, a path's levels and a transition plan are the scenario's choices"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}
