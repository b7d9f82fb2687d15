package scenarios

// The shipped Albania deinstitutionalisation scenario (shipped/albania-di-vlore.toml):
// it loads without warnings, costs, and gives by hand the figures its inputs imply.

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

func TestAlbaniaDIVlore(t *testing.T) {
	sc, err := LoadShipped("albania-di-vlore")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if ws := sc.Warnings(); len(ws) > 0 {
		t.Errorf("albania-di-vlore has warnings:\n%v", ws)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatalf("cost: %v", err)
	}
	value := func(name string) decimal.Decimal {
		t.Helper()
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		v, ok := r.Value(id)
		if !ok {
			t.Fatalf("figure %s has no value", name)
		}
		return v
	}

	// The institution's day and evening carers, round the clock by ratio.
	// The carer's productive hours, from the file's parameters:
	//   weeks_per_year 52.18 − leave_weeks 4.4 − holiday_weeks 2.8
	//   − sickness_weeks 1.5 − training_weeks 1.0 = 42.48 weeks
	//   × hours_per_week 40 = 1,699.2 hours.
	// Posts on shift: institution_children 13 ÷ children_per_carer_on_shift 6
	//   = 2.17, rounded up to 3 carers on each day or evening shift.
	// FTE = 3 × day_shift_hours 5,840 ÷ 1,699.2 = 17,520 ÷ 1,699.2 = 10.3107…
	want := decimal.NewFromInt(17520).DivRound(decimal.RequireFromString("1699.2"), 12)
	got := value("vlore.institution.staff.carers_day.fte_continuous")
	if got.Sub(want).Abs().GreaterThan(decimal.RequireFromString("0.000001")) {
		t.Errorf("vlore.institution.staff.carers_day.fte_continuous = %s, want %s (3 on shift × 5,840 h ÷ 1,699.2 h)", got, want)
	}

	// The foster-care allowance per child-year:
	//   foster_allowance 25,000 ALL a month × allowance_months 12 = 300,000 ALL.
	if got := value("vlore.foster_care.unit.allowance"); !got.Equal(decimal.NewFromInt(300000)) {
		t.Errorf("vlore.foster_care.unit.allowance = %s, want 300000 (25,000 × 12)", got)
	}

	// An occupied place in the institution costs more a year than a child in
	// foster care.
	inst := value("vlore.institution.per_occupied_place_year")
	foster := value("vlore.foster_care.unit_cost")
	if !inst.GreaterThan(foster) {
		t.Errorf("institution per occupied place-year %s is not greater than foster care per child-year %s", inst, foster)
	}
}
