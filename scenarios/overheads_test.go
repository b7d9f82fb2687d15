package scenarios

import (
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

const overheadScenario = head + `[services.qps]
kind = "social_work_centre"
staff_basis = "current"
[services.qps.staff.w]
role = "w"
posts = 3
[services.qps.caseload.all]
cases = 60
[services.dc]
kind = "day_centre"
places = 10
operating_days = 200
attendance_rate = 1
[services.dc.staff.w]
role = "w"
posts = 1
[services.fc]
kind = "foster_care"
children = 3
monthly_allowance = 250
[overheads.admin]
title = "Director and administration"
amount = "10000.00"
by = "cases"
services = ["qps", "dc", "fc"]
`

// A central cost shared by cases: the QPS's 60 cases, the day centre's 10
// places and foster care's 3 children, 73 in all.
func TestOverheadAllocation(t *testing.T) {
	sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(overheadScenario)}}, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(sc)
	// In municipality a:
	//   qps: 10,000 × 60/73 = 8,219.178… → 8,219.18
	//   dc:  10,000 × 10/73 = 1,369.863… → 1,369.86
	//   fc:  what remains: 10,000 − 8,219.18 − 1,369.86 = 410.96
	//        (10,000 × 3/73 = 410.958…, so the remainder is the rounded share)
	//   per foster child-year: 410.96 ÷ 3 = 136.986… → 136.99
	// A worker: 600 × 12 = 7,200 + 5% = 7,560 a post.
	//   qps total: 3 × 7,560 = 22,680 + 8,219.18 = 30,899.18
	//   fc unit cost: 3,000 allowance + 136.99 = 3,136.99
	for fig, want := range map[string]string{
		"a.qps.annual.allocated.admin":   "8219.18",
		"a.dc.annual.allocated.admin":    "1369.86",
		"a.fc.annual.allocated.admin":    "410.96",
		"a.fc.unit.allocated.admin":      "136.99",
		"a.qps.total":                    "30899.18",
		"a.fc.unit_cost":                 "3136.99",
		"a.overheads.admin.driver_total": "73",
	} {
		id, ok := r.Graph.Lookup(fig)
		if !ok {
			t.Errorf("no figure %s", fig)
			continue
		}
		if got, _ := r.Value(id); got.String() != want && got.StringFixed(2) != want {
			t.Errorf("%s = %s, want %s", fig, got, want)
		}
	}
	// The shares add up to the amount in every municipality.
	for _, m := range []string{"a", "b"} {
		sum := 0.0
		for _, s := range []string{"qps", "dc", "fc"} {
			id, _ := r.Graph.Lookup(m + "." + s + ".annual.allocated.admin")
			v, _ := r.Value(id)
			f, _ := v.Float64()
			sum += f
		}
		if sum < 9999.999 || sum > 10000.001 {
			t.Errorf("%s: shares add up to %v, not 10,000", m, sum)
		}
	}
}

func TestOverheadErrors(t *testing.T) {
	for _, c := range []struct{ name, extra, want string }{
		{"fte without staff", `[overheads.admin]
amount = 100
by = "fte"
services = ["fc"]
`, `s.toml:22: overheads.admin.services = "fc": a cost shared by fte needs services with staff lines, and fc has none; share it by "cases" or "direct_cost"`},
		{"unknown service and driver", `[overheads.admin]
amount = 100
by = "people"
services = ["fcc"]
`, `s.toml:21: overheads.admin.by = "people": expected one of "fte", "cases", "direct_cost"
s.toml:22: overheads.admin.services = "fcc": refers to service "fcc", which is not defined in [services]; did you mean "fc"?`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := head + `[services.fc]
kind = "foster_care"
children = 3
monthly_allowance = 250
` + c.extra
			_, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
			if err == nil || err.Error() != c.want {
				t.Errorf("got:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}

// A share is amount × driver ÷ total driver, computed exactly and rounded
// once. Cut to 16 digits first, 12.5 ÷ 15 = 0.8333333333333333 gives
// 1,000.05 × 0.8333333333333333 = 833.3749999… → 833.37; exactly it is
// 833.375, a tie rounded away from zero to 833.38. In lek, 1,234,569 × 5 ÷ 6
// = 1,028,807.5 → 1,028,808 (not 1,028,807). The last service takes what
// remains: 1,000.05 − 833.38 = 166.67; 1,234,569 − 1,028,808 = 205,761.
func TestOverheadShareTies(t *testing.T) {
	for _, c := range []struct {
		name, currency, country, amount, xPosts, yPosts, wantX, wantY string
	}{
		{"EUR", "EUR", "XK", `"1000.05"`, "12.5", "2.5", "833.38", "166.67"},
		{"ALL", "ALL", "AL", "1234569", "5", "1", "1028808", "205761"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := `format = 1
[scenario]
name = "s"
country = "` + c.country + `"
currency = "` + c.currency + `"
base_year = 2024
[roles.w]
monthly_gross = 600
employer_contribution = 0.05
hours_per_week = 40
[municipalities.a]
[services.x]
kind = "social_work_centre"
staff_basis = "current"
[services.x.staff.w]
role = "w"
posts = ` + c.xPosts + `
[services.y]
kind = "social_work_centre"
staff_basis = "current"
[services.y.staff.w]
role = "w"
posts = ` + c.yPosts + `
[overheads.director]
amount = ` + c.amount + `
by = "fte"
services = ["x", "y"]
`
			sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
			if err != nil {
				t.Fatal(err)
			}
			r := costing.Build(sc)
			for fig, want := range map[string]string{"a.x.annual.allocated.director": c.wantX, "a.y.annual.allocated.director": c.wantY} {
				id, _ := r.Graph.Lookup(fig)
				if got, _ := r.Value(id); got.String() != want {
					t.Errorf("%s = %s, want %s", fig, got, want)
				}
			}
		})
	}
}

// A cost shared by direct cost is shared by each service's own budget
// before any central cost is shared, whatever the order of the central
// costs' names. Here "a_director" (first in name order) goes to x alone;
// "z_admin" is then shared by direct cost. Own budgets: x 12.5 posts ×
// 7,560 = 94,500; y 2.5 × 7,560 = 18,900; in all 113,400. x's share of 900
// is 900 × 94,500 ÷ 113,400 = 750 and y's 150; counting the director's
// 1,000 in x's direct cost would give x 900 × 95,500 ÷ 114,400 = 751.31.
func TestOverheadDirectCostBeforeShares(t *testing.T) {
	src := head + `[services.x]
kind = "social_work_centre"
staff_basis = "current"
[services.x.staff.w]
role = "w"
posts = 12.5
[services.y]
kind = "social_work_centre"
staff_basis = "current"
[services.y.staff.w]
role = "w"
posts = 2.5
[overheads.a_director]
amount = 1000
by = "fte"
services = ["x"]
[overheads.z_admin]
amount = 900
by = "direct_cost"
services = ["x", "y"]
`
	sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(sc)
	for fig, want := range map[string]string{
		"a.x.annual.allocated.a_director":   "1000",
		"a.overheads.z_admin.x.direct_cost": "94500",
		"a.overheads.z_admin.driver_total":  "113400",
		"a.x.annual.allocated.z_admin":      "750",
		"a.y.annual.allocated.z_admin":      "150",
		"a.x.total":                         "96250", // 94,500 + 1,000 + 750
	} {
		id, ok := r.Graph.Lookup(fig)
		if !ok {
			t.Errorf("no figure %s", fig)
			continue
		}
		if got, _ := r.Value(id); !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s = %s, want %s", fig, got, want)
		}
	}
}

// A central cost whose drivers are zero everywhere cannot be shared: the
// shares and the totals that add them are undefined, and the result says
// which division by zero made them so.
func TestOverheadAllDriversZero(t *testing.T) {
	src := head + `[services.x]
kind = "social_work_centre"
staff_basis = "current"
[services.x.staff.w]
role = "w"
posts = 0
[services.y]
kind = "social_work_centre"
staff_basis = "current"
[services.y.staff.w]
role = "w"
posts = 0
[overheads.director]
amount = 1000
by = "fte"
services = ["x", "y"]
`
	sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(sc)
	if _, ok := r.Value(r.Total); ok {
		t.Fatal("the total is defined")
	}
	want := "a.x.annual.allocated.director: divides by a.overheads.director.driver_total, which is 0, so a.x.annual.allocated.director and every figure computed from it are n/a\n" +
		"b.x.annual.allocated.director: divides by b.overheads.director.driver_total, which is 0, so b.x.annual.allocated.director and every figure computed from it are n/a"
	if got := r.Warnings.Error(); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
}

// A central cost that no provided service shares in a municipality is not
// budgeted there, and kosto says so.
func TestOverheadUnshared(t *testing.T) {
	src := head + `[services.x]
kind = "social_work_centre"
staff_basis = "current"
[services.x.staff.w]
role = "w"
posts = 1
[municipalities.b.services.x]
provided = false
[overheads.director]
amount = 1000
by = "fte"
services = ["x"]
`
	sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := "s.toml:23: overheads.director: none of the services that share it (x) is provided in b, so it is not budgeted there"
	if got := sc.Warnings().Error(); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
}
