package scenarios

import (
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
)

// projHead is a valid scenario of one municipality with an institution of 10
// children and foster care, base year 2024; the cases below add a
// [projection], [paths] or [transition] to it.
const projHead = `format = 1
[scenario]
name = "s"
country = "XK"
currency = "EUR"
base_year = 2024
[roles.w]
monthly_gross = 600
employer_contribution = 0.05
hours_per_week = 40
[services.home]
kind = "residential_care"
capacity = 12
units = 2
children = 10
[services.home.staff.team]
role = "w"
posts = 3
[services.fc]
kind = "foster_care"
children = 4
monthly_allowance = 250
[services.qps]
kind = "social_work_centre"
[services.qps.staff.w]
role = "w"
posts = 1
[municipalities.a]
[projection]
years = 3
`

// Errors in a projection, a path or a transition plan, each with its full
// message. The horizon is 2025–2027.
func TestProjectionErrors(t *testing.T) {
	for _, c := range []struct {
		name, toml, want string
	}{
		{"more children leaving than are there", projHead + `[transition]
from = "home"
[transition.leavers.2025]
fc = 6
[transition.leavers.2026]
fc = 3
reunification = 2
`, `s.toml:37: transition.leavers.2026: by 2026, 11 children have left home, which has only 10`},
		{"closure outside the horizon", projHead + `[transition]
from = "home"
[transition.leavers.2025]
fc = 6
[transition.units]
2029 = 1
`, `s.toml:36: transition.units.2029 = 1: units open from 2029, outside the horizon 2025–2027`},
		{"rates shorter than the horizon", projHead + `wages = "wage"
[paths.wage.rates]
2025 = 0.05
`, `s.toml:32: paths.wage.rates: the path is shorter than the horizon 2025–2027: it has no value for 2026, 2027`},
		{"levels shorter than the horizon", projHead + `[paths.demand.levels]
2025 = 5
2026 = 6
`, `s.toml:31: paths.demand.levels: the path is shorter than the horizon 2025–2027: it has no value for 2027`},
		{"children sent back where they leave", projHead + `[transition]
from = "home"
[transition.leavers.2025]
home = 2
`, `s.toml:34: transition.leavers.2025.home = 2: sends children from home to home itself; a destination is where children go when they leave it`},
		{"children sent to a service the municipality does not provide", projHead + `[transition]
from = "home"
[transition.leavers.2025]
fc = 2
[municipalities.a.services.fc]
provided = false
`, `s.toml:34: transition.leavers.2025.fc = 2: sends children to fc, which a does not provide (provided = false), so they would be counted nowhere`},
		{"a plan for a service the municipality does not provide", projHead + `[transition]
from = "home"
[transition.leavers.2025]
fc = 2
[municipalities.a.services.home]
provided = false
`, `s.toml:32: transition.from = "home": home is not provided in a (provided = false), so the plan would move nothing; a transition plan needs the services it names`},
		{"transition from a service that is not residential", projHead + `[transition]
from = "fc"
`, `s.toml:32: transition.from = "fc": expected a residential_care or small_group_home service; fc is a foster_care service`},
		{"uprate naming an undefined path", projHead + `[paths.demand]
rate = 0.1
[municipalities.a.services.fc]
children = { value = 4, uprate = "demnd" }
`, `s.toml:34: municipalities.a.services.fc.children.uprate = "demnd": refers to path "demnd", which is not defined in [paths]; did you mean "demand"?`},
		{"leavers sent to an unknown service", projHead + `[transition]
from = "home"
[transition.leavers.2025]
fcc = 2
`, `s.toml:34: transition.leavers.2025.fcc = 2: sends children to "fcc", which is not a service of the scenario (or "reunification", home without a service); did you mean "fc"?`},
		{"a unit closed with children in it", projHead + `[transition]
from = "home"
[transition.leavers.2025]
fc = 2
[transition.units]
2026 = 1
`, `s.toml:36: transition.units.2026 = 1: in 2026, 8 children are still in home and need 2 units of 6 beds; a unit cannot close with children in it`},
		{"more children than beds in a projected year", projHead + `[paths.demand]
assumption = "x"
rate = 0.1
[municipalities.a.services.home]
children = { value = 10, uprate = "demand" }
`, `s.toml:35: municipalities.a.services.home.children.value = 10: in 2026, 12.1 children would be in home in a, which has 12 beds: occupancy cannot exceed capacity`},
		{"a role without productive weeks", projHead + `[roles.w.leave_weeks]
value = 52
assumption = "x"
`, `s.toml:7: roles.w: weeks_per_year minus leave, holiday, sickness and training weeks is 0; expected more than zero productive weeks`},
		{"path with rate and rates", projHead + `prices = "cpi"
[paths.cpi]
rate = 0.02
[paths.cpi.rates]
2025 = 0.03
2026 = 0.02
2027 = 0.02
`, `s.toml:32: paths.cpi: expected one of rate, [paths.cpi.rates] or [paths.cpi.levels]; this path gives rate and [paths.cpi.rates]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(c.toml)}}, "s.toml")
			if err == nil {
				err = costing.Build(sc).Check() // what only the figures show
			}
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", err, c.want)
			}
		})
	}
}
