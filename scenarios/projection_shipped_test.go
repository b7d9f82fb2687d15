package scenarios

// The shipped scenarios' projections: the Vlorë status quo (albania-di-vlore) against the plan that
// closes the home (albania-di-vlore-reform), and Gjilan's three-year budget.

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

func buildShipped(t *testing.T, name string) *costing.Result {
	t.Helper()
	r, _ := buildShippedScenario(t, name)
	return r
}

func buildShippedScenario(t *testing.T, name string) (*costing.Result, *models.Scenario) {
	t.Helper()
	sc, err := LoadShipped(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	if ws := sc.Warnings(); len(ws) > 0 {
		t.Errorf("%s has warnings:\n%v", name, ws)
	}
	return costing.Build(sc), sc
}

// The reform costs more than the status quo in 2026 (double running) and breaks even in 2029.
//
// 2026, the preparation year: no child leaves, so every service is the status quo's but for the
// transition programme, whose only cost that year is its team (reintegration support is per
// leaver, 0 leavers; the building conversion's level is 0 in 2026):
//
//	2 posts (a social worker and a psychologist, both on the specialist grade, 80,000 ALL a month)
//	pay in 2026: 80,000 × 1.05 (path al_public_pay)        =    84,000 a month
//	× 12 salary months                                      = 1,008,000
//	+ employer contributions 16.7%: 1,008,000 × 0.167       =   168,336
//	per post                                                = 1,176,336
//	× 2 posts                                               = 2,352,672
//	+ overhead 10% (overhead_rate)                          =   235,267
//	difference 2026                                         = 2,587,939   (> 0: double running)
//
// The other years, by service (variant − base, ALL; the services' totals were computed with kosto
// project from the files' inputs and checked to add up):
//
//	2027 (5 leave, 13 → 8; one unit closes): home −9,562,278; foster +2,039,960 (2 more children,
//	     2 new placements with recruitment); kinship +341,994; programme +3,715,405
//	     (team + 5 × reintegration)                                              = −3,464,919
//	2028 (5 leave, 8 → 3): home −14,808,997; foster +1,911,926; kinship +518,073; second
//	     small-group house +11,447,743; programme +3,881,213                      = +2,949,958
//	2029 (3 leave; the home closes): home −45,793,072; foster +2,382,226; kinship +523,422;
//	     small group homes +12,186,761; programme +9,767,431 (conversion 5,578,400 + team
//	     + 3 × reintegration, with overhead)                                      = −20,933,232
//	2030: home −47,966,644; foster +1,775,900; kinship +529,041; small group homes
//	     +12,735,945                                                              = −32,925,758
//
// Cumulative: 2026 +2,587,939; 2027 −876,980; 2028 +2,072,978; 2029 −18,860,254; 2030 −51,786,012.
// The sum dips below zero in 2027 but rises again in 2028 (the second house), so the first year
// from which it stays at or below zero is 2029.
func TestVloreReformAgainstStatusQuo(t *testing.T) {
	base := buildShipped(t, "albania-di-vlore")
	reform := buildShipped(t, "albania-di-vlore-reform")
	vs, err := costing.Compare(base, reform)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	if got := vs.Years; len(got) != 5 || got[0] != 2026 || got[4] != 2030 {
		t.Fatalf("horizon %v, want 2026–2030", got)
	}
	if vs.Difference[0].Sign() <= 0 {
		t.Errorf("2026: reform %s, status quo %s: want the reform to cost more (double running)",
			vs.VariantTotal[0], vs.BaseTotal[0])
	}
	if want := decimal.NewFromInt(2587939); !vs.Difference[0].Equal(want) {
		t.Errorf("2026 difference %s, want %s (the transition team, worked above)", vs.Difference[0], want)
	}
	if vs.BreakEven != 2029 {
		t.Errorf("break-even %d, want 2029; cumulative %v", vs.BreakEven, vs.Cumulative)
	}
}

// Gjilan's QPS is all pay (its staff lines, no cost lines, no overhead rate), so its 2025 total is
// the 2024 total × the wage index of 2025, up to the rounding of each monthly pay to the cent:
//
//	index 2025 = 1 + 0.138889 (path xk_public_pay: 6.15 ÷ 5.4, the Jan and Jul 2025 rises)
//	124,214.94 × 1.138889 = 141,467.031…
//
// By the lines, as kosto computes them (each monthly pay is a leaf, rounded to the cent once moved):
//
//	officers: 594.00 × 1.138889 = 676.500… → 676.50; × 12 = 8,118.00; + 5% = 405.90;
//	          × 8 posts = 64,944.00 + 3,247.20
//	other:    567.37 × 1.138889 = 646.1715… → 646.17; × 12 = 7,754.04; + 5% = 387.70;
//	          × 9 posts = 69,786.36 + 3,489.30
//	total 2025 = 64,944.00 + 3,247.20 + 69,786.36 + 3,489.30 = 141,466.86
//
// The €0.17 between the two is the administrative pay's rounding (646.17 against 646.1715…, × 12
// months × 9 posts × 1.05). The rounding of 17 monthly pays can move the total by at most
// 17 × €0.005 × 12 × 1.05 = €1.071, so the test asserts the total to the cent by the lines, and
// the index arithmetic within that bound.
//
// The allowances stay frozen: the foster allowance (a memo line paid by the ministry) is 3 children
// × €250 × 12 = €9,000 in every year.
func TestGjilanThreeYearBudget(t *testing.T) {
	r, sc := buildShippedScenario(t, "gjilan")
	p := r.Project()
	if got := p.Years; len(got) != 3 || got[0] != 2025 || got[2] != 2027 {
		t.Fatalf("horizon %v, want 2025–2027", got)
	}
	figure := func(name string) costing.NodeID {
		t.Helper()
		id, err := r.Find(name)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	qps := figure("gjilan.qps.total")
	base, _ := r.Value(qps)
	if want := decimal.RequireFromString("124214.94"); !base.Equal(want) {
		t.Fatalf("QPS 2024 %s, want %s", base, want)
	}
	index := decimal.NewFromInt(1).Add(sc.Paths["xk_public_pay"].Rates[2025].Value)
	got, _ := p.Value(0, qps)
	if want := decimal.RequireFromString("141466.86"); !got.Equal(want) {
		t.Errorf("QPS 2025 %s, want %s (the lines, worked above)", got, want)
	}
	scaled := base.Mul(index)
	if diff := got.Sub(scaled).Abs(); diff.GreaterThan(decimal.RequireFromString("1.071")) {
		t.Errorf("QPS 2025 %s is %s from 2024 %s × %s = %s: more than the monthly pays' rounding allows",
			got, diff, base, index, scaled)
	}
	allowance := figure("gjilan.foster_care.annual.allowance")
	for k, y := range p.Years {
		if v, _ := p.Value(k, allowance); !v.Equal(decimal.NewFromInt(9000)) {
			t.Errorf("%d: foster allowance %s, want 9000 (frozen)", y, v)
		}
	}
}
