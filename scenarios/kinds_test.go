package scenarios

import (
	"testing"
	"testing/fstest"
)

// Errors in the fields of the kinds costed since the foundation.
func TestKindErrors(t *testing.T) {
	for _, c := range []struct{ name, toml, want string }{
		{"a ratio of zero", head + `[services.home]
kind = "small_group_home"
capacity = 6
children = 5
[services.home.staff.carers]
role = "w"
norm = "continuous"
per_post = 0
`, `s.toml:22: services.home.staff.carers.per_post = 0: expected a number greater than zero (it divides other figures)`},
		{"a ratio of an unknown volume", head + `[services.home]
kind = "residential_care"
capacity = 24
children = 12
[services.home.staff.carers]
role = "w"
norm = "ratio"
ratio_of = "beds"
per_post = 4
`, `s.toml:22: services.home.staff.carers.ratio_of = "beds": a residential_care service's staff ratio can be of "open_places", "children"`},
		{"a ratio norm in a centre with no volume to divide", head + `[services.qps]
kind = "social_work_centre"
[services.qps.staff.w]
role = "w"
norm = "continuous"
per_post = 4
`, `s.toml:19: services.qps.staff.w.norm = "continuous": norm "continuous" needs a volume to divide, and a social_work_centre service has none; use "posts", "caseload", "population" or "time"`},
		{"a cost per open unit outside residential care", head + `[services.dc]
kind = "day_centre"
places = 10
operating_days = 200
attendance_rate = 0.9
[services.dc.costs.rent]
amount = 100
per = "unit"
element = "capital"
`, `s.toml:22: services.dc.costs.rent.per = "unit": a day_centre service's lines can be per "year", "post", "place", "attendance_day"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"s.toml": {Data: []byte(c.toml)}}, "s.toml")
			if err == nil || err.Error() != c.want {
				t.Errorf("got:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}

// A cost per leaver needs the leavers it is per.
func TestCostPerUnwrittenVolume(t *testing.T) {
	src := head + `[services.tp]
kind = "transition"
[services.tp.costs.support]
amount = 100
per = "leaver"
element = "goods_services"
`
	_, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
	want := `s.toml:19: services.tp.costs.support.per = "leaver": a cost per leaver needs the service's leavers, which is not written`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}
