package costing_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
)

// An institution of 24 beds in 2 units of 12, with 13 children: carers round
// the clock by ratio to the places of open units, a manager, a building
// charged as an annuity, utilities per open unit, food per child.
const institution = `format = 1
[scenario]
name = "inst"
country = "XK"
currency = "EUR"
base_year = 2024
[roles.carer]
monthly_gross = 600
employer_contribution = 0.05
leave_weeks = 4
holiday_weeks = 2
sickness_weeks = 1
training_weeks = 1
hours_per_week = 40
[roles.manager]
monthly_gross = 900
employer_contribution = 0.05
hours_per_week = 40
[services.home]
kind = "residential_care"
capacity = 24
units = 2
children = 13
[services.home.staff.day]
role = "carer"
norm = "continuous"
per_post = 4
shift_hours = 5840
[services.home.staff.night]
role = "carer"
norm = "continuous"
per_post = 12
shift_hours = 2920
[services.home.staff.manager]
role = "manager"
posts = 1
[services.home.capital.building]
value = 500000
years = 40
rate = 0.03
[services.home.costs.utilities]
amount = 20000
per = "unit"
element = "utilities"
[services.home.costs.food]
amount = 1500
per = "child"
element = "goods_services"
[municipalities.town]
`

// The figures, by hand:
//
//	carer: 600 × 12 = 7,200 gross + 5% = 360 → 7,560 a post;
//	       productive hours (52 − 4 − 2 − 1 − 1) × 40 = 1,760
//	manager: 900 × 12 = 10,800 + 540 = 11,340
//	units: 24 beds ÷ 2 = 12 a unit; 13 children need ⌈13 ÷ 12⌉ = 2 units open,
//	       so 24 open places
//	day shift: ⌈24 ÷ 4⌉ = 6 carers on shift × 5,840 h = 35,040 h
//	       ÷ 1,760 = 19.909… FTE → 20 posts
//	night shift: ⌈24 ÷ 12⌉ = 2 × 2,920 = 5,840 h ÷ 1,760 = 3.318… FTE → 4 posts
//	staff: (20 + 4) × 7,560 + 11,340 = 192,780.00
//	building: 500,000 × 0.03 × 1.03^40 ÷ (1.03^40 − 1), with
//	       1.03^40 = 3.2620377920 → 15,000 × 3.2620377920 ÷ 2.2620377920 = 21,631.19
//	utilities: 2 open units × 20,000 = 40,000; food: 13 × 1,500 = 19,500
//	total: 192,780.00 + 21,631.19 + 40,000 + 19,500 = 273,911.19
//	per occupied place-year, each block rounded:
//	       192,780 ÷ 13 = 14,829.23; 21,631.19 ÷ 13 = 1,663.94;
//	       40,000 ÷ 13 = 3,076.92; 19,500 ÷ 13 = 1,500.00 → 21,070.09
func TestResidentialWorkedExample(t *testing.T) {
	sc, err := scenarios.Load(fstest.MapFS{"i.toml": {Data: []byte(institution)}}, "i.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(sc)
	check := func(fig, want string) {
		t.Helper()
		id, ok := r.Graph.Lookup(fig)
		if !ok {
			t.Errorf("no figure %s", fig)
			return
		}
		got, defined := r.Value(id)
		if !defined || (got.String() != want && got.StringFixed(2) != want) {
			t.Errorf("%s = %s (defined %v), want %s", fig, got, defined, want)
		}
	}
	check("town.home.open_units", "2")
	check("town.home.open_places", "24")
	check("town.home.staff.day.posts_on_shift", "6")
	check("town.home.staff.day.posts_required", "20")
	check("town.home.staff.night.posts_required", "4")
	check("town.home.annual.staff", "192780.00")
	check("town.home.capital.building.annual_charge", "21631.19")
	check("town.home.annual.costs.utilities", "40000.00")
	check("town.home.annual.costs.food", "19500.00")
	check("town.home.total", "273911.19")
	check("town.home.per_occupied_place_year", "21070.09")

	// The curve: full, the occupancy of the scenario, the child whose leaving
	// closes a unit, one child, and empty.
	//	24 children: 2 units, the same staff and utilities, food 36,000
	//	             → 290,411.19; per child 8,032.50 + 901.30 + 1,666.67 + 1,500 = 12,100.47
	//	12 children: 1 unit: day ⌈12 ÷ 4⌉ = 3 × 5,840 ÷ 1,760 → 10 posts, night 1 × 2,920
	//	             ÷ 1,760 → 2 posts: 12 × 7,560 + 11,340 = 102,060; utilities 20,000;
	//	             food 18,000 → 161,691.19, a saving of 273,911.19 − 161,691.19
	//	             = 112,220.00 when the 13th child left; per child
	//	             8,505.00 + 1,802.60 + 1,666.67 + 1,500 = 13,474.27
	//	0 children: no unit open, so nothing is paid: the manager's post and
	//	             the building's annuity are costs of a year the home is open
	//	             (1 child cost 145,191.19, all of which the last child's
	//	             leaving saves); no cost per child.
	points, err := r.Curve("town", "home")
	if err != nil {
		t.Fatal(err)
	}
	if len(points) != 25 {
		t.Fatalf("%d points, want 25 (24 down to 0)", len(points))
	}
	at := func(children int) costing.CurvePoint { return points[24-children] }
	for _, c := range []struct {
		children                int
		total, perChild, saving string
		closed, defined         bool
	}{
		{24, "290411.19", "12100.47", "0.00", false, true},
		{13, "273911.19", "21070.09", "1500.00", false, true},
		{12, "161691.19", "13474.27", "112220.00", true, true},
		{0, "0.00", "", "145191.19", true, false},
	} {
		p := at(c.children)
		if p.Total.StringFixed(2) != c.total || p.UnitClosed != c.closed || p.Defined != c.defined || p.Saving.StringFixed(2) != c.saving {
			t.Errorf("at %d children: total %s, saving %s, unit closed %v, defined %v; want %s, %s, %v, %v",
				c.children, p.Total.StringFixed(2), p.Saving.StringFixed(2), p.UnitClosed, p.Defined, c.total, c.saving, c.closed, c.defined)
		}
		if c.defined && p.PerChild.StringFixed(2) != c.perChild {
			t.Errorf("at %d children: cost per child %s, want %s", c.children, p.PerChild.StringFixed(2), c.perChild)
		}
	}
	// The curve leaves the result's own values alone.
	check("town.home.total", "273911.19")

	// Occupancy above capacity is refused.
	bad := []byte(institution[:len(institution)-len("[municipalities.town]\n")] + "[municipalities.town.services.home]\nchildren = 25\n[municipalities.town]\n")
	if _, err := scenarios.Load(fstest.MapFS{"i.toml": {Data: bad}}, "i.toml"); err == nil {
		t.Error("25 children in 24 beds: no error")
	}
}

// closedHome is an institution of two units of 12 beds with a cost of
// every kind a residential service can have, and CHILDREN children.
const closedHome = `format = 1
[scenario]
name = "s"
country = "AL"
currency = "ALL"
base_year = 2024
[roles.w]
monthly_gross = 60000
employer_contribution = 0.167
hours_per_week = 40
[services.home]
kind = "residential_care"
capacity = 24
units = 2
children = CHILDREN
[services.home.staff.director]
role = "w"
posts = 1
[services.home.staff.carers]
role = "w"
norm = "ratio"
ratio_of = "open_places"
per_post = 6
[services.home.costs.beds]
amount = 10000
per = "bed"
element = "goods_services"
[services.home.costs.unit]
amount = 100000
per = "unit"
element = "utilities"
[services.home.costs.admin]
amount = 50000
per = "year"
element = "goods_services"
[services.home.costs.food]
amount = 20000
per = "child"
element = "goods_services"
[services.home.capital.building]
value = 1000000
years = 20
per = "unit"
[services.home.capital.van]
value = 200000
years = 5
[municipalities.a]
`

// A closed institution costs nothing: what follows beds follows the beds of
// open units, what is per year or written as posts is of a year it is open.
//
// A post: 60,000 × 12 = 720,000 + 16.7% = 120,240 → 840,240.
//
//	5 children: 1 unit open (⌈5 ÷ 12⌉), 12 beds in it, in operation 1.
//	  director 1 post 840,240; carers 12 ÷ 6 = 2 posts 1,680,480;
//	  beds 12 × 10,000 = 120,000; unit 100,000; admin 50,000;
//	  food 5 × 20,000 = 100,000; building 1,000,000 ÷ 20 = 50,000 × 1 unit;
//	  van 200,000 ÷ 5 = 40,000 a year; total 2,980,720.
//	0 children: no unit open, nothing in operation: every line 0.
func TestClosedInstitutionCostsNothing(t *testing.T) {
	for _, c := range []struct {
		children string
		want     map[string]string
	}{
		{"5", map[string]string{
			"a.home.open_units": "1", "a.home.open_places": "12", "a.home.in_operation": "1",
			"a.home.staff.director.posts_while_open": "1",
			"a.home.annual.staff":                    "2520720",
			"a.home.annual.costs.beds":               "120000",
			"a.home.annual.costs.unit":               "100000",
			"a.home.annual.costs.admin":              "50000",
			"a.home.annual.costs.food":               "100000",
			"a.home.annual.capital.building":         "50000",
			"a.home.annual.capital.van":              "40000",
			"a.home.total":                           "2980720",
			// ÷ 12 beds, block by block in whole lek: 210,060 + 10,000 + 8,333
			// + 4,167 + 8,333 + 4,167 + 3,333
			"a.home.per_bed_year": "248393",
		}},
		{"0", map[string]string{
			"a.home.open_units": "0", "a.home.open_places": "0", "a.home.in_operation": "0",
			"a.home.staff.director.posts_while_open": "0",
			"a.home.staff.carers.posts_required":     "0",
			"a.home.annual.staff":                    "0",
			"a.home.annual.costs.beds":               "0",
			"a.home.annual.costs.unit":               "0",
			"a.home.annual.costs.admin":              "0",
			"a.home.annual.costs.food":               "0",
			"a.home.annual.capital.building":         "0",
			"a.home.annual.capital.van":              "0",
			"a.home.total":                           "0",
		}},
	} {
		t.Run(c.children+" children", func(t *testing.T) {
			r := loadTOML(t, strings.Replace(closedHome, "CHILDREN", c.children, 1))
			for fig, want := range c.want {
				if got := value(t, r, fig); !got.Equal(dec(want)) {
					t.Errorf("%s = %s, want %s", fig, got, want)
				}
			}
		})
	}
}
