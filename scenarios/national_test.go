package scenarios_test

// The synthetic national scenario: all 38 Kosovo municipalities × every
// service kind kosto costs, with volumes scaled from the Gjilan example by
// population. It is benchmark data (costing/bench_test.go), not a shipped
// scenario, and every value in it says so.
//
// Regenerate it with
//
//	go test ./scenarios -run TestGenerateNational -update-national
//
// which reads the municipalities from -municipalities-csv (by default
// ../../shared/data/kosovo_municipalities.csv, the project's shared data).

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
)

const nationalFile = "testdata/national-synthetic.toml"

var (
	updateNational    = flag.Bool("update-national", false, "regenerate "+nationalFile+" from -municipalities-csv")
	municipalitiesCSV = flag.String("municipalities-csv", "../../shared/data/kosovo_municipalities.csv", "the municipalities table the national scenario is generated from")
)

// TestGenerateNational writes the national scenario when -update-national is
// given.
func TestGenerateNational(t *testing.T) {
	if !*updateNational {
		t.Skip("run with -update-national to regenerate " + nationalFile)
	}
	src, err := generateNational(*municipalitiesCSV)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(nationalFile, src, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNationalSynthetic checks that the committed file loads, validates
// without warnings and costs, and that it is what the generator writes (when
// the municipalities table is at hand), so that the two cannot drift apart.
func TestNationalSynthetic(t *testing.T) {
	sc, err := scenarios.LoadFile(nationalFile)
	if err != nil {
		t.Fatalf("load %s: %v", nationalFile, err)
	}
	if ws := sc.Warnings(); len(ws) > 0 {
		t.Errorf("%s has warnings:\n%v", nationalFile, ws)
	}
	if n := len(sc.Municipalities); n != 38 {
		t.Errorf("%d municipalities, want 38", n)
	}
	kinds := map[string]bool{}
	for _, s := range sc.Services {
		kinds[s.Kind()] = true
	}
	for _, k := range models.ServiceKinds {
		if !kinds[k] {
			t.Errorf("no service of kind %s", k)
		}
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatalf("cost: %v", err)
	}
	if d, ok := r.Values.Get(r.Total); !ok || d.Sign() <= 0 {
		t.Errorf("total = %s (defined %v), want a positive amount", d, ok)
	}
	if len(r.Municipalities) != 38 {
		t.Errorf("%d municipalities costed, want 38", len(r.Municipalities))
	}

	want, err := generateNational(*municipalitiesCSV)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: cannot check %s against the generator", *municipalitiesCSV, nationalFile)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(nationalFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the generator's output; run go test ./scenarios -run TestGenerateNational -update-national", nationalFile)
	}
}

// A municipalityRow is what the generator takes from the municipalities table.
type municipalityRow struct {
	name, title string
	population  int
	source      string // which column, and why
}

// readMunicipalities reads the municipalities table: population_latest, or
// population_2011 where the latest is missing.
func readMunicipalities(file string) ([]municipalityRow, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: no rows", file)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, h := range []string{"name", "population_2011", "population_latest", "latest_year"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("%s: no column %s", file, h)
		}
	}
	var rows []municipalityRow
	seen := map[string]bool{}
	for _, rec := range recs[1:] {
		title := strings.TrimSpace(rec[col["name"]])
		r := municipalityRow{name: kostoName(title), title: title}
		if !models.ValidName(r.name) || seen[r.name] {
			return nil, fmt.Errorf("%s: %q gives the name %q, which is not valid or not unique", file, title, r.name)
		}
		seen[r.name] = true
		latest, year := strings.TrimSpace(rec[col["population_latest"]]), strings.TrimSpace(rec[col["latest_year"]])
		if latest != "" {
			r.population, err = strconv.Atoi(latest)
			r.source = fmt.Sprintf("shared/data/kosovo_municipalities.csv, %s row, population_latest (%s)", title, year)
		} else {
			r.population, err = strconv.Atoi(strings.TrimSpace(rec[col["population_2011"]]))
			r.source = fmt.Sprintf("shared/data/kosovo_municipalities.csv, %s row, population_2011 (2011 census): fallback, population_latest is missing", title)
		}
		if err != nil || r.population <= 0 {
			return nil, fmt.Errorf("%s: %s: no usable population", file, title)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// kostoName turns a municipality's name into a kosto name: lower-case ASCII
// with underscores.
func kostoName(s string) string {
	r := strings.NewReplacer("ë", "e", "Ë", "e", "ç", "c", "Ç", "c", " ", "_", "-", "_")
	return strings.ToLower(r.Replace(s))
}

// gjilanPopulation is the population the Gjilan volumes are for (2024 census).
const gjilanPopulation = 82980

// A volume is a Gjilan volume scaled by population in every municipality.
type volume struct {
	gjilan int
	min    int // the smallest value allowed (places must be positive)
}

// scaled returns v × population ÷ Gjilan's population, rounded half up to a
// whole number, and the assumption that says so.
func (v volume) scaled(population int, what string) (int, string) {
	n := int(math.Floor(float64(v.gjilan)*float64(population)/gjilanPopulation + 0.5))
	note := ""
	if n < v.min {
		n = v.min
		note = fmt.Sprintf(", raised to the minimum of %d", v.min)
	}
	return n, fmt.Sprintf("synthetic benchmark data: Gjilan's %d %s × %d ÷ %d inhabitants, rounded%s", v.gjilan, what, population, gjilanPopulation, note)
}

// Per-municipality volumes that are parameters (they feed both the QPS
// caseload and the family-care services, or a staff line's posts).
var volumeParameters = []struct {
	name, unit, what string
	v                volume
}{
	{"foster_children", "child-years", "foster child-years", volume{3, 0}},
	{"kinship_children", "child-years", "kinship child-years", volume{28, 0}},
	{"qps_other_posts", "FTE", "administrative posts", volume{9, 1}},
	{"social_assistance_families", "families", "families on social assistance", volume{1095, 0}},
	{"specialised_foster_children", "child-years", "specialised foster child-years", volume{1, 0}},
	{"sso_posts", "FTE", "social services officer posts", volume{8, 1}},
}

// Per-municipality caseload categories written as literals.
var caseloadVolumes = []struct {
	name string
	v    volume
}{
	{"children_without_parental_care", volume{8, 0}},
	{"domestic_violence", volume{96, 0}},
	{"juveniles_in_conflict_with_law", volume{37, 0}},
	{"other_clients", volume{506, 0}},
}

// cityThreshold: municipalities this large override sso_client_share.
const cityThreshold = 100000

func generateNational(csvFile string) ([]byte, error) {
	rows, err := readMunicipalities(csvFile)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(nationalHeader)
	for _, r := range rows {
		fmt.Fprintf(&b, "\n[municipalities.%s]\n", r.name)
		fmt.Fprintf(&b, "title = %q\n", r.title)
		fmt.Fprintf(&b, "population = { value = %d, source = %q, assumption = %q }\n", r.population, r.source,
			"synthetic benchmark data: the census figure is real, its use in this scenario is not")
		for _, p := range volumeParameters {
			n, a := p.v.scaled(r.population, p.what)
			fmt.Fprintf(&b, "\n[municipalities.%s.parameters.%s]\nvalue = %d\nunit = %q\nassumption = %q\n", r.name, p.name, n, p.unit, a)
		}
		if r.population >= cityThreshold {
			fmt.Fprintf(&b, "\n[municipalities.%s.parameters.sso_client_share]\nvalue = 0.65\nunit = \"share of productive time\"\nassumption = %q\n", r.name,
				fmt.Sprintf("synthetic benchmark data: a municipality of %d or more inhabitants is taken to spend less time travelling (0.65 instead of 0.6)", cityThreshold))
		}
		n, a := volume{1, 0}.scaled(r.population, "new foster placement")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.foster_care]\nnew_placements = { value = %d, assumption = %q }\n", r.name, n, a)
		for _, c := range caseloadVolumes {
			n, a := c.v.scaled(r.population, strings.ReplaceAll(c.name, "_", " ")+" cases")
			fmt.Fprintf(&b, "\n[municipalities.%s.services.qps.caseload.%s]\ncases = { value = %d, assumption = %q }\n", r.name, c.name, n, a)
		}
		n, a = volume{20, 1}.scaled(r.population, "day-centre places")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.day_centre]\nplaces = { value = %d, assumption = %q }\n", r.name, n, a)
		n, a = volume{10, 1}.scaled(r.population, "children in residential care")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.residential_care]\nchildren = { value = %d, assumption = %q }\n", r.name, n, a)
		n, a = volume{40, 1}.scaled(r.population, "families supported by the community centre")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.community_centre]\nfamilies = { value = %d, assumption = %q }\n", r.name, n, a)
		n, a = volume{2000, 1}.scaled(r.population, "home-care visits")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.home_care]\nvisits = { value = %d, assumption = %q }\n", r.name, n, a)
		n, a = volume{300, 0}.scaled(r.population, "beneficiaries of the child disability allowance")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.disability_allowance]\nbeneficiaries = { value = %d, assumption = %q }\n", r.name, n, a)
		// The same in every municipality, but said in each: a municipality
		// that gives a service no volume of its own is warned of.
		fmt.Fprintf(&b, "\n[municipalities.%s.services.small_group_home]\nchildren = { value = 5, assumption = %q }\n", r.name, "synthetic benchmark data: one home of 6 places with 5 children in every municipality")
		fmt.Fprintf(&b, "\n[municipalities.%s.services.transition]\nleavers = { value = 2, assumption = %q }\n", r.name, "synthetic benchmark data: 2 children leaving residential care in every municipality")
	}
	return []byte(b.String()), nil
}

// nationalHeader is everything but the municipalities: the Gjilan example's
// parameters, roles and services, each value marked as synthetic.
const nationalHeader = `# GENERATED by go test ./scenarios -run TestGenerateNational -update-national; DO NOT EDIT.
#
# Synthetic benchmark data, NOT a costing of Kosovo: all 38 municipalities of
# shared/data/kosovo_municipalities.csv × every service kind kosto costs, with the
# rates and norms of the shipped Gjilan example and its volumes scaled by population.
# Used by costing/bench_test.go and scenarios/national_test.go.

format = 1

[scenario]
name = "national_synthetic"
title = "Synthetic benchmark: 38 Kosovo municipalities, every service kind"
country = "XK"
currency = "EUR"
base_year = 2024
language = "en"
classification = "kosovo-municipal"
description = "Synthetic benchmark data for kosto's performance tests; not a costing of any municipality."

[parameters.sso_monthly_gross]
value = "594.00"
unit = "EUR/month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.qps_admin_monthly_gross]
value = "567.37"
unit = "EUR/month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.coordinator_monthly_gross]
value = "715.00"
unit = "EUR/month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.care_worker_monthly_gross]
value = "594.00"
unit = "EUR/month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.support_monthly_gross]
value = "415.80"
unit = "EUR/month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.xk_employer_pension]
value = 0.05
unit = "share of gross pay"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.hours_per_week]
value = 40
unit = "hours/week"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.leave_weeks]
value = 4.4
unit = "weeks/year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.holiday_weeks]
value = 2.6
unit = "weeks/year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.sickness_weeks]
value = 1.6
unit = "weeks/year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.training_weeks]
value = 0.6
unit = "weeks/year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.sso_client_share]
value = 0.6
unit = "share of productive time"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.foster_allowance]
value = 250
unit = "EUR/child-month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.specialised_foster_allowance]
value = 350
unit = "EUR/child-month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.kinship_allowance]
value = 100
unit = "EUR/child-month"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.placement_payment]
value = 75
unit = "EUR/placement"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.foster_hours]
value = 60
unit = "client hours/child-year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.specialised_foster_hours]
value = 72
unit = "client hours/child-year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.kinship_hours]
value = 40
unit = "client hours/child-year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.cases_per_sso_observed]
value = 184
unit = "cases/officer-year"
assumption = "synthetic benchmark data: the Gjilan example's value"

[parameters.inhabitants_per_worker_draft_norm]
value = 3000
unit = "inhabitants/worker"
assumption = "synthetic benchmark data: the Gjilan example's value"

# Volumes: Gjilan's values here; every municipality sets its own below.
[parameters.foster_children]
value = 3
unit = "child-years"
assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality"

[parameters.specialised_foster_children]
value = 1
unit = "child-years"
assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality"

[parameters.kinship_children]
value = 28
unit = "child-years"
assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality"

[parameters.social_assistance_families]
value = 1095
unit = "families"
assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality"

[parameters.sso_posts]
value = 8
unit = "FTE"
assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality"

[parameters.qps_other_posts]
value = 9
unit = "FTE"
assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality"

[roles.social_services_officer]
title = "Social services officer (QPS)"
monthly_gross = "sso_monthly_gross"
salary_months = { value = 12, assumption = "synthetic benchmark data: the Gjilan example's value" }
employer_contribution = "xk_employer_pension"
leave_weeks = "leave_weeks"
holiday_weeks = "holiday_weeks"
sickness_weeks = "sickness_weeks"
training_weeks = "training_weeks"
hours_per_week = "hours_per_week"
client_related_share = "sso_client_share"

[roles.qps_administration]
title = "QPS director, administrative and technical staff"
monthly_gross = "qps_admin_monthly_gross"
employer_contribution = "xk_employer_pension"
leave_weeks = "leave_weeks"
holiday_weeks = "holiday_weeks"
sickness_weeks = "sickness_weeks"
training_weeks = "training_weeks"
hours_per_week = "hours_per_week"

[roles.day_centre_coordinator]
title = "Day-centre coordinator"
monthly_gross = "coordinator_monthly_gross"
employer_contribution = "xk_employer_pension"
leave_weeks = "leave_weeks"
holiday_weeks = "holiday_weeks"
sickness_weeks = "sickness_weeks"
training_weeks = "training_weeks"
hours_per_week = "hours_per_week"

[roles.care_worker]
title = "Care worker / counsellor"
monthly_gross = "care_worker_monthly_gross"
employer_contribution = "xk_employer_pension"
leave_weeks = "leave_weeks"
holiday_weeks = "holiday_weeks"
sickness_weeks = "sickness_weeks"
training_weeks = "training_weeks"
hours_per_week = "hours_per_week"

[roles.support_staff]
title = "Receptionist, driver and caretaker"
monthly_gross = "support_monthly_gross"
employer_contribution = "xk_employer_pension"
leave_weeks = "leave_weeks"
holiday_weeks = "holiday_weeks"
sickness_weeks = "sickness_weeks"
training_weeks = "training_weeks"
hours_per_week = "hours_per_week"

# The QPS budgets the posts its norms require: officers by the time norm, specialists by the
# population norm, administration by the caseload norm.
[services.qps]
kind = "social_work_centre"
title = "Centre for Social Work (QPS)"
staff_basis = "required"

[services.qps.staff.officers]
role = "social_services_officer"
posts = "sso_posts"
norm = "time"
cases_per_worker = "cases_per_sso_observed"
inhabitants_per_worker = "inhabitants_per_worker_draft_norm"

[services.qps.staff.specialists]
role = "social_services_officer"
norm = "population"
inhabitants_per_worker = { value = 40000, assumption = "synthetic benchmark data: one psychologist or lawyer per 40,000 inhabitants" }

[services.qps.staff.other]
role = "qps_administration"
posts = "qps_other_posts"
norm = "caseload"
cases_per_worker = { value = 200, assumption = "synthetic benchmark data: one administrative post per 200 cases" }

[services.qps.caseload.children_without_parental_care]
cases = { value = 8, assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality" }
hours_per_case = { value = 30, assumption = "synthetic benchmark data: the Gjilan example's value" }
[services.qps.caseload.domestic_violence]
cases = { value = 96, assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality" }
hours_per_case = { value = 8, assumption = "synthetic benchmark data: the Gjilan example's value" }
[services.qps.caseload.juveniles_in_conflict_with_law]
cases = { value = 37, assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality" }
hours_per_case = { value = 8, assumption = "synthetic benchmark data: the Gjilan example's value" }
[services.qps.caseload.other_clients]
cases = { value = 506, assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality" }
hours_per_case = { value = 1.5, assumption = "synthetic benchmark data: the Gjilan example's value" }
[services.qps.caseload.social_assistance]
cases = "social_assistance_families"
hours_per_case = { value = 3, assumption = "synthetic benchmark data: the Gjilan example's value" }
[services.qps.caseload.foster_care]
cases = "foster_children"
hours_per_case = "foster_hours"
[services.qps.caseload.specialised_foster_care]
cases = "specialised_foster_children"
hours_per_case = "specialised_foster_hours"
[services.qps.caseload.kinship_care]
cases = "kinship_children"
hours_per_case = "kinship_hours"

[services.foster_care]
kind = "foster_care"
title = "Foster care (non-kin)"
children = "foster_children"
new_placements = { value = 1, assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality" }
monthly_allowance = "foster_allowance"
placement_payment = "placement_payment"
allowances_paid_by = "Ministry"
case_worker = "social_services_officer"
client_hours_per_child_year = "foster_hours"
case_management_funded_by = "qps"

[services.specialised_foster_care]
kind = "specialised_foster_care"
title = "Foster care for a child with disabilities"
children = "specialised_foster_children"
monthly_allowance = "specialised_foster_allowance"
allowances_paid_by = "Ministry"
case_worker = "social_services_officer"
client_hours_per_child_year = "specialised_foster_hours"
case_management_funded_by = "qps"

[services.kinship_care]
kind = "kinship_care"
title = "Kinship care"
children = "kinship_children"
monthly_allowance = "kinship_allowance"
allowances_paid_by = "Ministry"
case_worker = "social_services_officer"
client_hours_per_child_year = "kinship_hours"
case_management_funded_by = "qps"

[services.day_centre]
kind = "day_centre"
title = "Day centre for children with disabilities"
places = { value = 20, assumption = "synthetic benchmark data: Gjilan's value, overridden in every municipality" }
operating_days = { value = 226, assumption = "synthetic benchmark data: the Gjilan example's value" }
attendance_rate = { value = 0.85, assumption = "synthetic benchmark data: the Gjilan example's value" }

[services.day_centre.staff.coordinator]
role = "day_centre_coordinator"
posts = { value = 1, assumption = "synthetic benchmark data: the Gjilan example's value" }
norm = "posts"

[services.day_centre.staff.care_workers]
role = "care_worker"
norm = "ratio"
per_post = { value = 4, assumption = "synthetic benchmark data: the Gjilan example's value" }

[services.day_centre.staff.support]
role = "support_staff"
posts = { value = 2, assumption = "synthetic benchmark data: the Gjilan example's value" }
norm = "posts"

[services.day_centre.costs.meals]
title = "Meals"
amount = { value = "2.00", assumption = "synthetic benchmark data: the Gjilan example's value" }
per = "attendance_day"
element = "goods_services"

[services.day_centre.costs.transport]
title = "Minibus running costs"
amount = { value = "1.50", assumption = "synthetic benchmark data: the Gjilan example's value" }
per = "attendance_day"
element = "goods_services"

[services.day_centre.costs.premises]
title = "Premises: utilities and cleaning"
amount = { value = "6000", assumption = "synthetic benchmark data: the Gjilan example's value" }
per = "year"
element = "utilities"

[services.day_centre.costs.materials]
title = "Therapy and activity materials"
amount = { value = "2000", assumption = "synthetic benchmark data: the Gjilan example's value" }
per = "year"
element = "goods_services"

[services.residential_care]
kind = "residential_care"
title = "Residential care for children"
capacity = { value = 60, assumption = "synthetic benchmark data" }
units = { value = 5, assumption = "synthetic benchmark data" }
children = { value = 10, assumption = "synthetic benchmark data, overridden in every municipality" }

[services.residential_care.staff.day_carers]
role = "care_worker"
norm = "continuous"
per_post = { value = 6, assumption = "synthetic benchmark data" }
shift_hours = { value = 5840, assumption = "synthetic benchmark data: 16 hours × 365 days" }

[services.residential_care.staff.night_carers]
role = "care_worker"
norm = "continuous"
per_post = { value = 12, assumption = "synthetic benchmark data" }
shift_hours = { value = 2920, assumption = "synthetic benchmark data: 8 hours × 365 days" }

[services.residential_care.staff.manager]
role = "day_centre_coordinator"
posts = { value = 1, assumption = "synthetic benchmark data" }

[services.residential_care.capital.building]
value = { value = "600000", assumption = "synthetic benchmark data" }
years = { value = 40, assumption = "synthetic benchmark data" }
rate = { value = 0.04, assumption = "synthetic benchmark data" }

[services.residential_care.costs.unit_running]
amount = { value = "9000", assumption = "synthetic benchmark data" }
per = "unit"
element = "utilities"

[services.residential_care.costs.food]
amount = { value = "1800", assumption = "synthetic benchmark data" }
per = "child"
element = "goods_services"

[services.small_group_home]
kind = "small_group_home"
title = "Small group home"
capacity = { value = 6, assumption = "synthetic benchmark data" }
children = { value = 5, assumption = "synthetic benchmark data" }

[services.small_group_home.staff.carers]
role = "care_worker"
norm = "continuous"
per_post = { value = 6, assumption = "synthetic benchmark data" }

[services.small_group_home.costs.household]
amount = { value = "2400", assumption = "synthetic benchmark data" }
per = "child"
element = "goods_services"

[services.community_centre]
kind = "community_centre"
title = "Community centre for children and families"
families = { value = 40, assumption = "synthetic benchmark data, overridden in every municipality" }
cases = { value = 60, assumption = "synthetic benchmark data" }

[services.community_centre.staff.team]
role = "social_services_officer"
norm = "ratio"
per_post = { value = 15, assumption = "synthetic benchmark data: families per worker" }

[services.community_centre.costs.activities]
amount = { value = "120", assumption = "synthetic benchmark data" }
per = "family"
element = "goods_services"

[services.shelter]
kind = "shelter"
title = "Shelter"
beds = { value = 8, assumption = "synthetic benchmark data" }
occupancy_rate = { value = 0.7, assumption = "synthetic benchmark data" }

[services.shelter.staff.carers]
role = "care_worker"
norm = "continuous"
per_post = { value = 8, assumption = "synthetic benchmark data" }

[services.shelter.costs.meals]
amount = { value = "5.00", assumption = "synthetic benchmark data" }
per = "bed_night"
element = "goods_services"

[services.home_care]
kind = "home_care"
title = "Home care"
visits = { value = 2000, assumption = "synthetic benchmark data, overridden in every municipality" }
hours_per_visit = { value = 1.5, assumption = "synthetic benchmark data" }
travel_hours_per_visit = { value = 0.5, assumption = "synthetic benchmark data" }

[services.home_care.staff.carers]
role = "care_worker"
norm = "time"

[services.transition]
kind = "transition"
title = "Transition programme"
leavers = { value = 2, assumption = "synthetic benchmark data" }

[services.transition.costs.reintegration]
amount = { value = "1500", assumption = "synthetic benchmark data" }
per = "leaver"
element = "goods_services"

[services.disability_allowance]
kind = "cash_benefit"
title = "Child disability allowance"
beneficiaries = { value = 300, assumption = "synthetic benchmark data, overridden in every municipality" }
monthly_amount = { value = 100, source = "seed 003 L95: €100 a month for a child with a disability, since 2009" }
paid_by = "Ministry"
`
