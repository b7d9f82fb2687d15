package scenarios

import (
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
)

// head is a valid scenario start: one role and one municipality.
const head = `format = 1
[scenario]
name = "s"
country = "XK"
currency = "EUR"
base_year = 2024
[roles.w]
monthly_gross = 600
employer_contribution = 0.05
hours_per_week = 40
[municipalities.a]
population = 1000
[municipalities.b]
population = 2000
`

// Rules added after the format was documented, each with its full message.
func TestRules(t *testing.T) {
	for _, c := range []struct {
		name, toml, want string
	}{
		{"value table without value", head + `[services.fc]
kind = "foster_care"
children = { source = "count" }
monthly_allowance = 250
`, `s.toml:17: services.fc.children.value: missing: the value (a table of a value with its source needs value = …)`},
		{"client hours without a case worker", head + `[services.fc]
kind = "foster_care"
children = 1
monthly_allowance = 250
client_hours_per_child_year = 20
`, `s.toml:19: services.fc.client_hours_per_child_year: client_hours_per_child_year needs case_worker: the role whose time it prices`},
		{"cost per case without a caseload", head + `[services.qps]
kind = "social_work_centre"
[services.qps.staff.w]
role = "w"
posts = 2
[services.qps.costs.files]
amount = 5
per = "case"
element = "goods_services"
`, `s.toml:22: services.qps.costs.files.per = "case": a cost per case needs the service's [caseload] table, which is empty`},
		{"country without a default classification", `format = 1
[scenario]
name = "s"
country = "ME"
currency = "EUR"
base_year = 2024
[municipalities.a]
`, `s.toml:2: scenario.classification: missing: kosto has no default economic classification for country "ME"; name one of "albania-economic", "kosovo-municipal"`},
		{"provided must be true or false", head + `[services.fc]
kind = "foster_care"
children = 1
monthly_allowance = 250
provided = "no"
`, `s.toml:19: services.fc.provided = "no": expected true or false`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"s.toml": {Data: []byte(c.toml)}}, "s.toml")
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", err, c.want)
			}
		})
	}
}

// A service a municipality does not provide is neither validated nor costed
// there: its missing volumes are no error, and it adds nothing.
func TestNotProvided(t *testing.T) {
	src := head + `[services.dc]
kind = "day_centre"
operating_days = 200
attendance_rate = 0.8
[services.dc.costs.meals]
amount = 2
per = "attendance_day"
element = "goods_services"
[municipalities.a.services.dc]
places = 10
[municipalities.b.services.dc]
provided = false
[services.costs_named_staff]
kind = "day_centre"
places = 5
operating_days = 100
attendance_rate = 1
overhead_rate = 0.1
[services.costs_named_staff.staff.w]
role = "w"
posts = 1
[services.costs_named_staff.costs.staff]
amount = 100
element = "goods_services"
[services.costs_named_staff.costs.overhead]
amount = 50
element = "goods_services"
`
	sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Graph.Lookup("b.dc.total"); ok {
		t.Error("b costs a day centre it does not provide")
	}
	// a: 10 places × 200 days × 0.8 = 1,600 attendance days × €2 = €3,200.
	id, ok := r.Graph.Lookup("a.dc.total")
	if !ok {
		t.Fatal("a does not cost its day centre")
	}
	if v, _ := r.Value(id); v.String() != "3200" {
		t.Errorf("a.dc.total = %s, want 3200", v)
	}
	svc, _ := r.Graph.Lookup("service.dc")
	if v, _ := r.Value(svc); v.String() != "3200" {
		t.Errorf("service.dc = %s, want 3200 (a only)", v)
	}
	// Cost lines named like subtotals do not collide with them.
	for _, name := range []string{"a.costs_named_staff.annual.staff", "a.costs_named_staff.annual.costs.staff", "a.costs_named_staff.annual.overhead", "a.costs_named_staff.annual.costs.overhead"} {
		if _, ok := r.Graph.Lookup(name); !ok {
			t.Errorf("no figure %s", name)
		}
	}
}
