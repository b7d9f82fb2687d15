package scenarios_test

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// TestKosovoQPSStaffing costs the shipped kosovo-qps-staffing scenario and
// checks two centres' staffing under the 70-case norm against figures
// computed by hand.
//
// One social services officer costs, a year:
//
//	594.00 × 12 = 7,128.00 gross; × 0.05 = 356.40 pension; 7,484.40 in all
//	(no overhead, no capital).
//
// Prishtinë: 868 families on social assistance (KAS, January 2025) + 1,857
// other cases (8.1735 per 1,000 × 227,154 = 1,856.6) = 2,725 cases.
//
//	fte_caseload   = 2,725 ÷ 70 = 38.928…
//	posts_required = 39 (rounded up)
//	gap            = 39 − 23 in post = 16
//	gap_cost       = 16 × 7,484.40 = 119,750.40
//	fte_population = 227,154 ÷ 3,000 = 75.718
//
// Mitrovicë (South): 1,759 families + 529 other cases (8.1735 per 1,000 ×
// 64,742 = 529.2) = 2,288 cases.
//
//	fte_caseload   = 2,288 ÷ 70 = 32.685…
//	posts_required = 33
//	gap            = 33 − 7 in post = 26
//	gap_cost       = 26 × 7,484.40 = 194,594.40
//	fte_population = 64,742 ÷ 3,000 = 21.580666…
//
// Kllokot: 40 + 21 = 61 cases, 61 ÷ 70 = 0.871…, so 1 post, as in post: no
// gap and no cost.
func TestKosovoQPSStaffing(t *testing.T) {
	sc, err := scenarios.LoadShipped("kosovo-qps-staffing")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if n := len(sc.Municipalities); n != 38 {
		t.Errorf("municipalities: got %d, want 38", n)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatalf("cost: %v", err)
	}
	get := func(name string) decimal.Decimal {
		t.Helper()
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		v, ok := r.Value(id)
		if !ok {
			t.Fatalf("%s is undefined", name)
		}
		return v
	}
	exact := []struct{ figure, want string }{
		{"roles.social_services_officer.annual_cost_per_fte", "7484.40"},

		{"prishtine.qps.caseload.cases", "2725"},
		{"prishtine.qps.staff.officers.posts", "23"},
		{"prishtine.qps.staff.officers.posts_required", "39"},
		{"prishtine.qps.staff.officers.gap", "16"},
		{"prishtine.qps.staff.officers.posts_missing", "16"},
		{"prishtine.qps.staff.officers.gap_cost", "119750.40"},

		{"mitrovice.qps.caseload.cases", "2288"},
		{"mitrovice.qps.staff.officers.posts", "7"},
		{"mitrovice.qps.staff.officers.posts_required", "33"},
		{"mitrovice.qps.staff.officers.gap", "26"},
		{"mitrovice.qps.staff.officers.posts_missing", "26"},
		{"mitrovice.qps.staff.officers.gap_cost", "194594.40"},

		{"kllokot.qps.staff.officers.posts_required", "1"},
		{"kllokot.qps.staff.officers.gap", "0"},
		{"kllokot.qps.staff.officers.gap_cost", "0"},
	}
	for _, c := range exact {
		if got, want := get(c.figure), decimal.RequireFromString(c.want); !got.Equal(want) {
			t.Errorf("%s = %s, want %s", c.figure, got, want)
		}
	}
	// FTE are not rounded: compare to 4 decimals.
	approx := []struct{ figure, want string }{
		{"prishtine.qps.staff.officers.fte_caseload", "38.9286"},
		{"prishtine.qps.staff.officers.fte_population", "75.7180"},
		{"mitrovice.qps.staff.officers.fte_caseload", "32.6857"},
		{"mitrovice.qps.staff.officers.fte_population", "21.5807"},
	}
	for _, c := range approx {
		if got, want := get(c.figure).Round(4), decimal.RequireFromString(c.want); !got.Equal(want) {
			t.Errorf("%s = %s, want %s", c.figure, got, want)
		}
	}
}
