package costing_test

import (
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// workedTOML is the scenario of worked_example_test.go: one municipality
// ("town") with a foster care service, a kinship care service whose
// allowances another budget pays, a day centre and a Centre for Social Work.
// Every figure it produces is worked out by hand in worked_example_test.go.
const workedTOML = `
format = 1

[scenario]
name = "worked"
title = "Worked example"
country = "XK"
currency = "EUR"
base_year = 2024
classification = "kosovo-municipal"

[parameters.pension]
value = 0.05
unit = "share of gross pay"
source = "Kosovo Pension Savings Trust: employer 5% of gross pay"

[parameters.population]
value = 10500
unit = "inhabitants"
assumption = "a round figure for the test"

[roles.sw]
title = "Social worker"
monthly_gross = "612.50"
salary_months = 12
annual_allowances = "102.70"
employer_contribution = "pension"
overhead_rate = 0.2
capital_value = 1000
capital_years = 5
capital_rate = 0.04
weeks_per_year = 52
leave_weeks = 4
holiday_weeks = 2
sickness_weeks = 1.5
training_weeks = 0.5
hours_per_week = 40
client_related_share = 0.6

[roles.admin]
title = "Administrator"
monthly_gross = "480.00"
employer_contribution = "pension"
hours_per_week = 40

[services.foster]
kind = "foster_care"
title = "Foster care"
children = 7
new_placements = 3
monthly_allowance = 250
case_worker = "sw"
client_hours_per_child_year = 60
carer_support_per_carer = "900.00"
children_per_carer = 1.4
overhead_rate = 0.07
placement_payment = 75
recruitment_per_placement = "400.00"
assessment_training_per_placement = "333.33"

[services.kinship]
kind = "kinship_care"
children = 4
monthly_allowance = 100
allowances_paid_by = "Ministry"

[services.dc]
kind = "day_centre"
places = 15
operating_days = 220
attendance_rate = 0.8
overhead_rate = 0.1

[services.dc.staff.carers]
role = "sw"
norm = "ratio"
per_post = 4
posts = 3

[services.dc.costs.meals]
title = "Meals"
amount = "2.35"
per = "attendance_day"
element = "goods_services"

[services.dc.costs.premises]
title = "Premises"
amount = "5000"
per = "year"
element = "utilities"

[services.qps]
kind = "social_work_centre"

[services.qps.caseload.assistance]
cases = 400
hours_per_case = 1.5

[services.qps.caseload.child_protection]
cases = 120
hours_per_case = 12

[services.qps.staff.workers]
role = "sw"
norm = "time"
posts = 1
cases_per_worker = 150
inhabitants_per_worker = 3000

[services.qps.staff.admin]
role = "admin"
norm = "population"
posts = 5
inhabitants_per_worker = 3000

[services.qps.costs.files]
amount = "0.75"
per = "case"
element = "goods_services"

[services.qps.costs.office]
amount = "1200"
per = "post"
element = "goods_services"

[municipalities.town]
title = "Town"
population = "population"
`

// loadTOML loads and costs a scenario written inline.
func loadTOML(t testing.TB, src string) *costing.Result {
	t.Helper()
	sc, err := scenarios.Load(fstest.MapFS{"x.toml": {Data: []byte(src)}}, "x.toml")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatalf("cost: %v", err)
	}
	return r
}

// loadWorked costs the worked example.
func loadWorked(t testing.TB) *costing.Result {
	t.Helper()
	return loadTOML(t, workedTOML)
}

// loadShipped costs a shipped scenario.
func loadShipped(t testing.TB, name string) *costing.Result {
	t.Helper()
	sc, err := scenarios.LoadShipped(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatalf("cost %s: %v", name, err)
	}
	return r
}

// value returns the defined value of the figure called name.
func value(t testing.TB, r *costing.Result, name string) decimal.Decimal {
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

// dec parses a decimal written in a test.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// sum adds the values of ids.
func sum(r *costing.Result, ids ...costing.NodeID) decimal.Decimal {
	s := decimal.Zero
	for _, id := range ids {
		v, _ := r.Value(id)
		s = s.Add(v)
	}
	return s
}
