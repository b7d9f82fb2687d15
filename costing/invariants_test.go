package costing_test

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// twoMunicipalities adds to the worked example a second municipality that
// overrides a parameter the roles use (so the roles are costed again for
// it), and the volumes of two services, with a fractional number of
// child-years.
const twoMunicipalities = workedTOML + `
[municipalities.village]
population = 4200

[municipalities.village.parameters.pension]
value = 0.075
assumption = "a different rate, for the test"

[municipalities.village.services.foster]
children = 2.5
new_placements = 1

[municipalities.village.services.dc]
places = 9
`

// TestInvariants checks, for every shipped scenario and for the worked
// example, that the tables a report prints add up and are defined.
func TestInvariants(t *testing.T) {
	cases := map[string]func(t *testing.T) *costing.Result{
		"worked":             func(t *testing.T) *costing.Result { return loadWorked(t) },
		"two_municipalities": func(t *testing.T) *costing.Result { return loadTOML(t, twoMunicipalities) },
	}
	shipped := scenarios.Shipped()
	if len(shipped) == 0 {
		t.Fatal("no shipped scenarios")
	}
	for _, name := range shipped {
		cases["shipped/"+name] = func(t *testing.T) *costing.Result { return loadShipped(t, name) }
	}
	for name, load := range cases {
		t.Run(name, func(t *testing.T) {
			checkInvariants(t, load(t))
		})
	}
}

// TestTwoMunicipalitiesCostsRolesAgain checks the premise of the second
// invariant case: the village's own pension rate makes its own role figures.
func TestTwoMunicipalitiesCostsRolesAgain(t *testing.T) {
	r := loadTOML(t, twoMunicipalities)
	// 7,452.70 × 0.075 = 558.9525 → 558.95
	if got := value(t, r, "village.roles.sw.on_costs"); !got.Equal(dec("558.95")) {
		t.Errorf("village.roles.sw.on_costs = %s, want 558.95", got)
	}
	// The town keeps the scenario's rate: 372.64.
	if got := value(t, r, "roles.sw.on_costs"); !got.Equal(dec("372.64")) {
		t.Errorf("roles.sw.on_costs = %s, want 372.64", got)
	}
	// 2.5 child-years × 3,000.00 = 7,500.00
	if got := value(t, r, "village.foster.annual.allowance"); !got.Equal(dec("7500.00")) {
		t.Errorf("village.foster.annual.allowance = %s, want 7500.00", got)
	}
}

func checkInvariants(t *testing.T, r *costing.Result) {
	g := r.Graph
	name := func(id costing.NodeID) string { return g.Nodes[id].Name }
	val := func(id costing.NodeID) decimal.Decimal { v, _ := r.Value(id); return v }
	eq := func(what string, got, want decimal.Decimal) {
		t.Helper()
		if !got.Equal(want) {
			t.Errorf("%s: %s, want %s", what, got, want)
		}
	}
	ncat := len(r.Classification.Categories)
	if len(r.ByCategory) != ncat {
		t.Fatalf("scenario has %d category totals, classification %d categories", len(r.ByCategory), ncat)
	}

	// (g) Every figure a report shows is defined — but for a unit cost of a
	// measure whose volume is zero (a cost per leaver in a year no child
	// leaves), which has nothing to be per and is shown as n/a.
	var shown []costing.NodeID
	for _, ro := range r.Roles {
		shown = append(shown, ro.AnnualGross, ro.OnCosts, ro.EmploymentCost, ro.Overheads, ro.Capital,
			ro.AnnualCostPerFTE, ro.ProductiveHours, ro.ClientHours, ro.CostPerHour, ro.CostPerClientHour)
	}
	for _, m := range r.Municipalities {
		if m.Population >= 0 {
			shown = append(shown, m.Population, m.PerInhabitant)
		} else if m.PerInhabitant >= 0 {
			t.Errorf("%s has a total per inhabitant but no population", m.Name)
		}
		shown = append(shown, m.ByCategory...)
		shown = append(shown, m.Total)
		for _, s := range m.Services {
			shown = append(shown, s.Total)
			if s.Memo >= 0 {
				shown = append(shown, s.Memo)
			}
			for _, u := range s.UnitCosts {
				if u.Volume >= 0 {
					shown = append(shown, u.Volume)
					if vol, _ := r.Value(u.Volume); vol.IsZero() {
						continue
					}
				}
				shown = append(shown, u.Cost)
				shown = append(shown, u.Blocks...)
			}
			for _, l := range s.Lines {
				shown = append(shown, l.Node)
			}
			for _, st := range s.Staffing {
				for _, n := range st.ByNorm {
					shown = append(shown, n.FTE)
				}
				shown = append(shown, st.RequiredFTE, st.RequiredPosts, st.CurrentPosts, st.Gap, st.GapCost, st.Budgeted)
			}
		}
	}
	for _, s := range r.Services {
		shown = append(shown, s.Total)
	}
	shown = append(shown, r.ByCategory...)
	shown = append(shown, r.Total)
	for _, id := range shown {
		if _, ok := r.Value(id); !ok {
			t.Errorf("(g) %s is undefined", name(id))
		}
	}

	// (f) Every money figure has at most Graph.Decimals decimals.
	for i, n := range g.Nodes {
		if !n.Money {
			continue
		}
		v, _ := r.Value(costing.NodeID(i))
		if !v.Equal(v.Round(g.Decimals)) {
			t.Errorf("(f) %s = %s has more than %d decimals", n.Name, v, g.Decimals)
		}
	}

	svcSum := map[string]decimal.Decimal{}
	scenarioCats := make([]decimal.Decimal, ncat)
	var muniSum decimal.Decimal
	for _, m := range r.Municipalities {
		cats := make([]decimal.Decimal, ncat)
		var services decimal.Decimal
		for _, s := range m.Services {
			where := m.Name + "." + s.Name
			// (a) A service total is the sum of its budgeted lines; its memo
			// total is the sum of the others.
			var budgeted, memo decimal.Decimal
			for _, l := range s.Lines {
				if l.Budgeted {
					budgeted = budgeted.Add(val(l.Node))
					cats[l.Category] = cats[l.Category].Add(val(l.Node))
				} else {
					memo = memo.Add(val(l.Node))
				}
				if c, ok := r.Classification.CategoryOf(l.Element); !ok || c != l.Category {
					t.Errorf("%s: line %s of element %s is in category %d, classification says %d", where, name(l.Node), l.Element, l.Category, c)
				}
			}
			eq("(a) "+where+" total = Σ budgeted lines", val(s.Total), budgeted)
			if s.Memo >= 0 {
				eq("(a) "+where+" memo = Σ memo lines", val(s.Memo), memo)
			} else if !memo.IsZero() {
				t.Errorf("(a) %s has memo lines of %s but no memo total", where, memo)
			}
			services = services.Add(val(s.Total))
			svcSum[s.Name] = svcSum[s.Name].Add(val(s.Total))

			// (d) Every unit cost is the sum of its blocks.
			for _, u := range s.UnitCosts {
				eq("(d) "+name(u.Cost)+" = Σ blocks", val(u.Cost), sum(r, u.Blocks...))
			}

			// (h) Every other kind builds its unit costs as Σ round(block ÷
			// volume), so unit cost × volume is the service's full annual
			// cost (budgeted and memo lines) give or take half a minor unit
			// per block per unit of volume — never more.
			if models.ServiceTables[s.Kind].Method != models.UnitFirst {
				full := val(s.Total)
				if s.Memo >= 0 {
					full = full.Add(val(s.Memo))
				}
				half := decimal.New(5, -g.Decimals-1)
				for _, u := range s.UnitCosts {
					vol := val(u.Volume)
					diff := val(u.Cost).Mul(vol).Sub(full).Abs()
					limit := half.Mul(decimal.NewFromInt(int64(len(u.Blocks)))).Mul(vol)
					if diff.GreaterThan(limit) {
						t.Errorf("(h) %s × %s = %s, but the service costs %s a year: off by %s, more than the rounding of %d blocks (%s)",
							name(u.Cost), name(u.Volume), val(u.Cost).Mul(vol), full, diff, len(u.Blocks), limit)
					}
				}
			}

			// (e) Family care: each annual line is its unit block × volume
			// (rounded to the currency's minor unit, which changes nothing
			// when the volume is whole).
			switch models.ServiceTables[s.Kind].Method {
			case models.UnitFirst:
				var blocks, volumes []costing.NodeID
				for _, u := range s.UnitCosts {
					for _, b := range u.Blocks {
						blocks = append(blocks, b)
						volumes = append(volumes, u.Volume)
					}
				}
				if len(blocks) != len(s.Lines) {
					t.Errorf("(e) %s: %d unit blocks but %d lines", where, len(blocks), len(s.Lines))
					break
				}
				for i, l := range s.Lines {
					product := val(blocks[i]).Mul(val(volumes[i]))
					eq("(e) "+name(l.Node)+" = "+name(blocks[i])+" × "+name(volumes[i]), val(l.Node), product.Round(g.Decimals))
					if val(volumes[i]).IsInteger() {
						eq("(e) "+name(l.Node)+" exactly", val(l.Node), product)
					}
				}
			}
		}
		// (b) A municipality's total is the sum of its service totals and
		// the sum of its category totals; each category total is the sum of
		// the budgeted lines in that category.
		eq("(b) "+m.Name+" total = Σ services", val(m.Total), services)
		eq("(b) "+m.Name+" total = Σ categories", val(m.Total), sum(r, m.ByCategory...))
		for c, id := range m.ByCategory {
			eq("(b) "+name(id)+" = Σ its budgeted lines", val(id), cats[c])
			scenarioCats[c] = scenarioCats[c].Add(val(id))
		}
		if m.PerInhabitant >= 0 {
			eq("(b) "+name(m.PerInhabitant)+" = total ÷ population, rounded", val(m.PerInhabitant), val(m.Total).Div(val(m.Population)).Round(g.Decimals))
		}
		muniSum = muniSum.Add(val(m.Total))
	}

	// (c) The scenario total is the sum of municipality totals, of
	// categories and of service totals.
	total := val(r.Total)
	eq("(c) total = Σ municipalities", total, muniSum)
	eq("(c) total = Σ categories", total, sum(r, r.ByCategory...))
	var services []costing.NodeID
	for _, s := range r.Services {
		services = append(services, s.Total)
		eq("(c) "+name(s.Total)+" = Σ over municipalities", val(s.Total), svcSum[s.Name])
	}
	eq("(c) total = Σ services", total, sum(r, services...))
	for c, id := range r.ByCategory {
		eq("(c) "+name(id)+" = Σ over municipalities", val(id), scenarioCats[c])
	}
	if total.IsZero() {
		t.Errorf("total is zero: the scenario costs nothing")
	}
}
