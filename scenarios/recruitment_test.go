package scenarios

import (
	"path/filepath"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

// funnelHead is a scenario with nothing but a municipality, to which each
// case adds a funnel.
const funnelHead = `format = 1

[scenario]
name = "f"
country = "XK"
currency = "EUR"
base_year = 2025

[municipalities.town]

`

func TestRecruitmentErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"conversion of zero", `[recruitment.foster]
target = 10

[[recruitment.foster.stages]]
name = "events"
conversion = 0.25

[[recruitment.foster.stages]]
name = "assessment"
conversion = 0
`, `s.toml:20: recruitment.foster.stages[2].conversion = 0: a conversion rate of zero can never approve anyone; expected a share greater than 0 and at most 1`},
		{"conversion of zero from a parameter", `[parameters.rate]
value = 0
assumption = "a mistake"

[recruitment.foster]
target = 10

[[recruitment.foster.stages]]
name = "events"
conversion = "rate"
`, `s.toml:12: parameters.rate.value = 0: a conversion rate of zero can never approve anyone; expected a share greater than 0 and at most 1 (used by recruitment.foster.stages[1].conversion)`},
		{"conversion above 1", `[recruitment.foster]
target = 10

[[recruitment.foster.stages]]
name = "events"
conversion = 1.5
`, `s.toml:16: recruitment.foster.stages[1].conversion = 1.5: expected a share from 0 to 1 (write 5% as 0.05)`},
		{"no stages", `[recruitment.foster]
title = "Foster carers"
target = 10
`, `s.toml:11: recruitment.foster.stages: missing: the funnel's stages, in order; add at least one [[recruitment.foster.stages]] table with name and conversion`},
		{"target of zero, and missing", `[recruitment.foster]
target = 0

[[recruitment.foster.stages]]
name = "events"
conversion = 0.5

[recruitment.other]

[[recruitment.other.stages]]
name = "events"
conversion = 0.5
`, `s.toml:12: recruitment.foster.target = 0: expected a number greater than zero (it divides other figures)
s.toml:18: recruitment.other.target: missing: new carer families to approve in the year (a number greater than zero)`},
		{"unknown stage key, with suggestion", `[recruitment.foster]
target = 10

[[recruitment.foster.stages]]
name = "events"
conversion = 0.5

[[recruitment.foster.stages]]
name = "assessment"
conversoin = 0.5
cost_per_person = 100
`, `s.toml:20: recruitment.foster.stages[2].conversoin: unknown key in a recruitment stage; did you mean "conversion"?`},
		{"duplicate and missing stage names", `[recruitment.foster]
target = 10

[[recruitment.foster.stages]]
name = "events"
conversion = 0.5

[[recruitment.foster.stages]]
conversion = 0.5

[[recruitment.foster.stages]]
name = "events"
conversion = 0.5
`, `s.toml:18: recruitment.foster.stages[2].name: missing: the stage's name (lower-case letters, digits and _), unique in the funnel; it names the stage's figures
s.toml:22: recruitment.foster.stages[3].name = "events": stage 1 of this funnel is already named "events"; expected a name unique in the funnel`},
		{"stages as a table", `[recruitment.foster]
target = 10

[recruitment.foster.stages.events]
conversion = 0.5
`, `s.toml:14: recruitment.foster.stages = {…}: expected the stages as an array of tables, in order: one [[recruitment.foster.stages]] table per stage`},
		{"unknown funnel key", `[recruitment.foster]
targte = 10

[[recruitment.foster.stages]]
name = "events"
conversion = 0.5
`, `s.toml:12: recruitment.foster.targte: unknown key in a recruitment funnel; did you mean "target"?`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(mapFS(one(funnelHead+c.src)), "s.toml")
			if err == nil {
				t.Fatalf("Load succeeded; want:\n%s", c.want)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// Stages written inline load like [[…]] tables.
func TestRecruitmentInline(t *testing.T) {
	sc, err := Load(mapFS(one(funnelHead+`[recruitment.foster]
target = 2
stages = [{ name = "events", conversion = 0.5 }, { name = "assessment", conversion = 0.5, cost_per_person = 100 }]
`)), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	f := sc.Recruitment["foster"]
	if len(f.Stages) != 2 || f.Stages[1].Name() != "assessment" || f.Stages[1].Pos.Line != 13 {
		t.Fatalf("stages = %+v", f.Stages)
	}
}

// The example of FORMAT.md's "Recruitment funnels": a variant of the complete
// example that adds a funnel, and changes nothing else.
func TestFormatRecruitmentExample(t *testing.T) {
	sc, err := LoadFile(filepath.Join("testdata", "format-recruitment.toml"))
	if err != nil {
		t.Fatalf("the recruitment example of FORMAT.md does not load:\n%v", err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Funnels) != 1 {
		t.Fatalf("%d funnels, want 1", len(r.Funnels))
	}
	id, _ := r.Graph.Lookup("recruitment.foster_carers.per_approved")
	if v, ok := r.Value(id); !ok || !v.Equal(decimal.RequireFromString(formatRecruitmentPerApproved)) {
		t.Errorf("cost per approved family = %s, want %s (worked out in FORMAT.md)", v, formatRecruitmentPerApproved)
	}
	if ps := r.FunnelProblems(); len(ps) != 0 {
		t.Errorf("problems: %v", ps)
	}
}

// A variant changes a funnel's target key by key and keeps its stages.
func TestRecruitmentOverlay(t *testing.T) {
	files := map[string]string{
		"base.toml": funnelHead + `[recruitment.foster]
target = 10

[[recruitment.foster.stages]]
name = "events"
conversion = 0.5
`,
		"s.toml": `format = 1
extends = "base.toml"

[recruitment.foster]
target = 20
`,
	}
	sc, err := Load(mapFS(files), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	f := sc.Recruitment["foster"]
	if got := f.In["target"].Value; !got.Equal(decimal.NewFromInt(20)) || len(f.Stages) != 1 {
		t.Errorf("target %s with %d stages; want 20 with the base's stage", got, len(f.Stages))
	}
}

// formatRecruitmentPerApproved is worked out in FORMAT.md: 9 assessed
// (6 ÷ 0.7 = 8.57), 75 applicants (9 ÷ 0.12), 250 reached (75 ÷ 0.3);
// 250 × 4 + 2,000 + 75 × 25 + 9 × 450 = 8,925; 8,925 ÷ 6 = 1,487.50.
const formatRecruitmentPerApproved = "1487.5"
