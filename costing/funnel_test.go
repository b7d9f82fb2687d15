package costing_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// funnelTOML is a funnel small enough to work out by hand, with a ceiling
// at every stage. The sessions' conversion is a parameter.
const funnelTOML = `
format = 1

[scenario]
name = "funnel"
country = "XK"
currency = "EUR"
base_year = 2025

[parameters.session_conversion]
value = 0.3
assumption = "for the test"

[municipalities.town]

[recruitment.foster]
title = "Foster carers"
target = 3

[[recruitment.foster.stages]]
name = "campaign"
conversion = 0.35
cost_per_person = "2.50"
fixed_cost = 1000
available = AVAILABLE

[[recruitment.foster.stages]]
name = "sessions"
title = "Information sessions"
conversion = "session_conversion"
cost_per_person = 20

[[recruitment.foster.stages]]
name = "assessment"
conversion = 0.7
cost_per_person = "350.00"
fixed_cost = 500
`

func costFunnel(t *testing.T, available string) *costing.Result {
	t.Helper()
	src := strings.Replace(funnelTOML, "AVAILABLE", available, 1)
	sc, err := scenarios.Load(fstest.MapFS{"f.toml": &fstest.MapFile{Data: []byte(src)}}, "f.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFunnelByHand(t *testing.T) {
	r := costFunnel(t, "100")
	want := map[string]string{
		"recruitment.foster.target": "3",
		// The last stage first: 3 ÷ 0.7 = 4.29, rounded up to 5 families
		// assessed.
		"recruitment.foster.assessment.people": "5",
		// 5 ÷ 0.3 = 16.67 → 17 people at information sessions.
		"recruitment.foster.sessions.people": "17",
		// 17 ÷ 0.35 = 48.57 → 49 people reached by the campaign (rounding
		// only once, 3 ÷ 0.7 ÷ 0.3 ÷ 0.35 = 40.8, would say 41).
		"recruitment.foster.campaign.people": "49",
		// 49 × 2.50 + 1,000 = 1,122.50
		"recruitment.foster.campaign.cost": "1122.5",
		// 17 × 20 + 0 = 340
		"recruitment.foster.sessions.cost": "340",
		// 5 × 350 + 500 = 2,250
		"recruitment.foster.assessment.cost": "2250",
		// 1,122.50 + 340 + 2,250 = 3,712.50
		"recruitment.foster.total": "3712.5",
		// 3,712.50 ÷ 3 = 1,237.50 per approved family
		"recruitment.foster.per_approved": "1237.5",
	}
	for name, w := range want {
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Errorf("no figure %s", name)
			continue
		}
		if got, _ := r.Value(id); !got.Equal(decimal.RequireFromString(w)) {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
	if len(r.Funnels) != 1 {
		t.Fatalf("%d funnels, want 1", len(r.Funnels))
	}
	f := r.Funnels[0]
	if f.Name != "foster" || f.Title.S != "Foster carers" || len(f.Stages) != 3 {
		t.Fatalf("funnel = %+v", f)
	}
	names := []string{f.Stages[0].Name, f.Stages[1].Name, f.Stages[2].Name}
	if strings.Join(names, ",") != "campaign,sessions,assessment" || f.Stages[1].Title.S != "Information sessions" || f.Stages[0].Title.S != "campaign" {
		t.Errorf("stages %v (titles %q, %q): want the order written, titles defaulting to names", names, f.Stages[0].Title, f.Stages[1].Title)
	}
	if f.Stages[0].Available < 0 || f.Stages[1].Available >= 0 {
		t.Errorf("available: only the campaign has one")
	}
	if ps := r.FunnelProblems(); len(ps) != 0 {
		t.Errorf("a feasible funnel has problems: %v", ps)
	}
	// The conversion comes from the parameter.
	if n := r.Node(f.Stages[1].Conversion); n.Leaf == nil || n.Leaf.Param != "session_conversion" {
		t.Errorf("sessions' conversion is %s, want the parameter session_conversion", n.Name)
	}
}

func TestFunnelCannotMeetTarget(t *testing.T) {
	r := costFunnel(t, "40")
	ps := r.FunnelProblems()
	if len(ps) != 1 {
		t.Fatalf("problems = %v, want one", ps)
	}
	want := "f.toml:25: recruitment.foster: reaching the target of 3 families needs 49 people at stage campaign, but it can take at most 40 (available); the funnel cannot meet the target"
	if got := ps[0].Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// At the limit it can.
	if ps := costFunnel(t, "49").FunnelProblems(); len(ps) != 0 {
		t.Errorf("49 available for 49 people: %v", ps)
	}
}

// The two funnels of seed 000 at a target of 10 families (scenarios/testdata/funnels.toml).
func TestSeedFunnels(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/funnels.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(sc)
	want := map[string]string{
		// Albania: 10 ÷ 0.3125 = 32; 32 ÷ 0.0378 = 846.6 → 847; 847 ÷ 0.2706 = 3,130.1 → 3,131.
		"recruitment.albania.assessment.people":  "32",
		"recruitment.albania.information.people": "847",
		"recruitment.albania.events.people":      "3131",
		// 3,131 × 825 + 847 × 1,036 + 32 × 64,733 = 2,583,075 + 877,492 + 2,071,456
		"recruitment.albania.total":        "5532023",
		"recruitment.albania.per_approved": "553202", // 553,202.3
		// North Macedonia: 10 ÷ 0.0806 = 124.07 → 125; 125 ÷ 0.1607 = 777.8 → 778.
		"recruitment.north_macedonia.assessment.people": "125",
		"recruitment.north_macedonia.events.people":     "778",
		// 778 × 500 + 125 × 7,161 = 389,000 + 895,125
		"recruitment.north_macedonia.total":        "1284125",
		"recruitment.north_macedonia.per_approved": "128413", // 128,412.5, rounded half away from zero
	}
	for name, w := range want {
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Errorf("no figure %s", name)
			continue
		}
		if got, _ := r.Value(id); !got.Equal(decimal.RequireFromString(w)) {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
}
