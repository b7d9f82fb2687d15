package costing_test

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
)

// figure is one figure of the worked example and its value, worked out by
// hand.
type figure struct {
	name, want string
}

// checkFigures compares each figure with its hand value.
func checkFigures(t *testing.T, r *costing.Result, figs []figure) {
	t.Helper()
	for _, f := range figs {
		got := value(t, r, f.name)
		if !got.Equal(dec(f.want)) {
			t.Errorf("%s = %s, want %s (by hand)", f.name, got, f.want)
		}
	}
}

// The figures below were computed by hand from workedTOML (helpers_test.go),
// following docs/METHOD.md §2–4, with the rounding rule of §11: a money figure is
// rounded to the cent, half away from zero, where it is produced, and every
// later figure uses the rounded value. Quantities (hours, FTE, attendance
// days) are never rounded.

// TestWorkedRole: one full-time post of role sw.
func TestWorkedRole(t *testing.T) {
	r := loadWorked(t)
	checkFigures(t, r, []figure{
		// 612.50 × 12 = 7,350.00
		{"roles.sw.annual_salary", "7350.00"},
		// 7,350.00 + 102.70 (annual allowance) = 7,452.70
		{"roles.sw.annual_gross", "7452.70"},
		// 7,452.70 × 0.05 = 372.635 → 372.64 (half away from zero)
		{"roles.sw.on_costs", "372.64"},
		// 7,452.70 + 372.64 = 7,825.34
		{"roles.sw.employment_cost", "7825.34"},
		// 7,825.34 × 0.2 = 1,565.068 → 1,565.07
		{"roles.sw.overheads", "1565.07"},
		// PMT(0.04, 5, −1000) = 1000 × 0.04 × 1.04⁵ ÷ (1.04⁵ − 1)
		//   1.04² = 1.0816; 1.04³ = 1.124864; 1.04⁴ = 1.16985856; 1.04⁵ = 1.2166529024
		//   1000 × 0.04 × 1.2166529024 = 48.666116096
		//   48.666116096 ÷ 0.2166529024 = 224.62711… → 224.63
		//   (check: 0.2166529024 × 224.627 = 48.66609…, remainder 0.0000246 ÷ 0.21665 ≈ 0.00011)
		{"roles.sw.capital", "224.63"},
		// 7,825.34 + 1,565.07 + 224.63 = 9,615.04
		{"roles.sw.annual_cost_per_fte", "9615.04"},
		// 52 − 4 − 2 − 1.5 − 0.5 = 44 weeks
		{"roles.sw.productive_weeks", "44"},
		// 44 × 40 = 1,760 hours
		{"roles.sw.productive_hours", "1760"},
		// 1,760 × 0.6 = 1,056 client hours
		{"roles.sw.client_hours", "1056"},
		// 9,615.04 ÷ 1,760 = 5.463090… → 5.46
		{"roles.sw.cost_per_hour", "5.46"},
		// 5.46 ÷ 0.6 = 9.10. (Had cost_per_hour not been rounded first,
		// 5.463090… ÷ 0.6 = 9.10515… would give 9.11: this figure checks that
		// the rounded value is the one used downstream.)
		{"roles.sw.cost_per_client_hour", "9.10"},

		// Role admin uses the format's defaults: 12 months, no allowance, no
		// overhead, no capital, 52 weeks, client share 1.
		// 480.00 × 12 = 5,760.00
		{"roles.admin.annual_gross", "5760.00"},
		// 5,760.00 × 0.05 = 288.00
		{"roles.admin.on_costs", "288.00"},
		// 5,760.00 + 288.00 = 6,048.00
		{"roles.admin.employment_cost", "6048.00"},
		// 6,048.00 × 0 = 0
		{"roles.admin.overheads", "0"},
		// annuity of 0 at rate 0 over 1 year: 0 ÷ 1 = 0
		{"roles.admin.capital", "0"},
		// 6,048.00 + 0 + 0
		{"roles.admin.annual_cost_per_fte", "6048.00"},
		// 52 × 40 = 2,080 hours
		{"roles.admin.productive_hours", "2080"},
		// 6,048.00 ÷ 2,080 = 2.9076… → 2.91
		{"roles.admin.cost_per_hour", "2.91"},
		// 2.91 ÷ 1 = 2.91
		{"roles.admin.cost_per_client_hour", "2.91"},
	})
	if len(r.Roles) != 2 || r.Roles[0].Name != "admin" || r.Roles[1].Name != "sw" {
		t.Errorf("roles: want admin and sw in name order, got %+v", r.Roles)
	}
}

// TestWorkedFosterCare: unit blocks per child-year, the annual lines and
// the one-off costs of new placements.
func TestWorkedFosterCare(t *testing.T) {
	r := loadWorked(t)
	checkFigures(t, r, []figure{
		// allowance: 250 × 12 = 3,000.00
		{"town.foster.unit.allowance", "3000.00"},
		// case management: 60 client hours × 9.10 = 546.00
		{"town.foster.unit.case_management", "546.00"},
		// carer support: 900.00 ÷ 1.4 children per carer = 642.857… → 642.86
		{"town.foster.unit.carer_support", "642.86"},
		// direct: 3,000.00 + 546.00 + 642.86 = 4,188.86
		{"town.foster.unit.direct", "4188.86"},
		// overhead: 4,188.86 × 0.07 = 293.2202 → 293.22
		{"town.foster.unit.overhead", "293.22"},
		// unit cost: 3,000.00 + 546.00 + 642.86 + 293.22 = 4,482.08
		{"town.foster.unit_cost", "4482.08"},

		// Annual lines: rounded unit block × 7 children.
		// 3,000.00 × 7 = 21,000.00
		{"town.foster.annual.allowance", "21000.00"},
		// 546.00 × 7 = 3,822.00
		{"town.foster.annual.case_management", "3822.00"},
		// 642.86 × 7 = 4,500.02 (not 900 ÷ 1.4 × 7 = 4,500.00: the block is rounded first)
		{"town.foster.annual.carer_support", "4500.02"},
		// 293.22 × 7 = 2,052.54
		{"town.foster.annual.overhead", "2052.54"},

		// One-off per new placement: 75 + 400.00 + 333.33 = 808.33
		{"town.foster.one_off_per_placement", "808.33"},
		// × 3 placements: 225.00, 1,200.00, 999.99
		{"town.foster.annual.placement_payment", "225.00"},
		{"town.foster.annual.recruitment", "1200.00"},
		{"town.foster.annual.assessment_training", "999.99"},

		// Total: 21,000.00 + 3,822.00 + 4,500.02 + 2,052.54
		//      + 225.00 + 1,200.00 + 999.99 = 33,799.55
		{"town.foster.total", "33799.55"},

		// Kinship care: the allowance is paid by the ministry, so its line is
		// a memo line and the service's own budget is nothing.
		// 100 × 12 = 1,200.00 per child-year; × 4 children = 4,800.00
		{"town.kinship.unit.allowance", "1200.00"},
		{"town.kinship.unit_cost", "1200.00"},
		{"town.kinship.annual.allowance", "4800.00"},
		{"town.kinship.total", "0"},
		{"town.kinship.memo_total", "4800.00"},
	})

	svc := service(t, r, "town", "foster")
	if len(svc.UnitCosts) != 2 || svc.UnitCosts[0].Measure != "child_year" || svc.UnitCosts[1].Measure != "placement" {
		t.Fatalf("foster unit costs: want child_year and placement, got %+v", svc.UnitCosts)
	}
	if n := len(svc.UnitCosts[0].Blocks); n != 4 {
		t.Errorf("foster child-year blocks: want 4 (allowance, case management, carer support, overhead), got %d", n)
	}
	if svc.Memo != -1 {
		t.Errorf("foster: want no memo total, got node %d", svc.Memo)
	}
	for _, l := range svc.Lines {
		if !l.Budgeted {
			t.Errorf("foster line %s: want budgeted", r.Node(l.Node).Name)
		}
	}
	kin := service(t, r, "town", "kinship")
	if len(kin.Lines) != 1 || kin.Lines[0].Budgeted || kin.Lines[0].FundedBy.S != "Ministry" {
		t.Errorf("kinship: want one memo line funded by the Ministry, got %+v", kin.Lines)
	}
}

// TestWorkedDayCentre: staff by places ratio, a cost per attendance day and
// a fixed cost, and the two unit costs.
func TestWorkedDayCentre(t *testing.T) {
	r := loadWorked(t)
	checkFigures(t, r, []figure{
		// attendance days: 15 places × 220 days × 0.8 = 2,640
		{"town.dc.attendance_days", "2640"},
		// carers: 15 places ÷ 4 places per post = 3.75 FTE → 4 posts; 3 filled, gap 1
		{"town.dc.staff.carers.fte_ratio", "3.75"},
		{"town.dc.staff.carers.posts_required", "4"},
		{"town.dc.staff.carers.gap", "1"},
		// gap cost: 1 × 9,615.04
		{"town.dc.staff.carers.gap_cost", "9615.04"},
		// The budget pays the 4 required posts (staff_basis defaults to required):
		// pay 7,452.70 × 4 = 29,810.80
		{"town.dc.annual.staff.carers.pay", "29810.80"},
		// employer contributions 372.64 × 4 = 1,490.56
		{"town.dc.annual.staff.carers.employer_contributions", "1490.56"},
		// overheads 1,565.07 × 4 = 6,260.28
		{"town.dc.annual.staff.carers.overheads", "6260.28"},
		// capital 224.63 × 4 = 898.52
		{"town.dc.annual.staff.carers.capital", "898.52"},
		// staff: 29,810.80 + 1,490.56 + 6,260.28 + 898.52 = 38,460.16 (= 9,615.04 × 4)
		{"town.dc.annual.staff", "38460.16"},
		// meals: 2.35 × 2,640 = 6,204.00
		{"town.dc.annual.costs.meals", "6204.00"},
		// premises: 5,000 a year
		{"town.dc.annual.costs.premises", "5000.00"},
		// direct: 38,460.16 + 6,204.00 + 5,000.00 = 49,664.16
		{"town.dc.annual.direct", "49664.16"},
		// overhead: 49,664.16 × 0.1 = 4,966.416 → 4,966.42
		{"town.dc.annual.overhead", "4966.42"},
		// total: 38,460.16 + 6,204.00 + 5,000.00 + 4,966.42 = 54,630.58
		{"town.dc.total", "54630.58"},

		// Per place-year (÷ 15), each block rounded:
		// 38,460.16 ÷ 15 = 2,564.0106… → 2,564.01
		{"town.dc.per_place_year.staff", "2564.01"},
		// 6,204.00 ÷ 15 = 413.60
		{"town.dc.per_place_year.costs.meals", "413.60"},
		// 5,000.00 ÷ 15 = 333.333… → 333.33
		{"town.dc.per_place_year.costs.premises", "333.33"},
		// 4,966.42 ÷ 15 = 331.0946… → 331.09
		{"town.dc.per_place_year.overhead", "331.09"},
		// 2,564.01 + 413.60 + 333.33 + 331.09 = 3,642.03
		// (the total ÷ 15 would be 3,642.0386… → 3,642.04: the table adds up instead)
		{"town.dc.per_place_year", "3642.03"},

		// Per attendance day (÷ 2,640):
		// 38,460.16 ÷ 2,640 = 14.5682… → 14.57
		{"town.dc.per_attendance_day.staff", "14.57"},
		// 6,204.00 ÷ 2,640 = 2.35
		{"town.dc.per_attendance_day.costs.meals", "2.35"},
		// 5,000.00 ÷ 2,640 = 1.8939… → 1.89
		{"town.dc.per_attendance_day.costs.premises", "1.89"},
		// 4,966.42 ÷ 2,640 = 1.8812… → 1.88
		{"town.dc.per_attendance_day.overhead", "1.88"},
		// 14.57 + 2.35 + 1.89 + 1.88 = 20.69
		{"town.dc.per_attendance_day", "20.69"},
	})
	svc := service(t, r, "town", "dc")
	if len(svc.UnitCosts) != 2 || svc.UnitCosts[0].Measure != "place_year" || svc.UnitCosts[1].Measure != "attendance_day" {
		t.Errorf("day centre unit costs: want place_year and attendance_day, got %+v", svc.UnitCosts)
	}
}

// TestWorkedSocialWorkCentre: FTE under every norm, whole posts, the gap
// and its cost.
func TestWorkedSocialWorkCentre(t *testing.T) {
	r := loadWorked(t)
	checkFigures(t, r, []figure{
		// cases: 400 + 120 = 520
		{"town.qps.caseload.cases", "520"},
		// workload: 400 × 1.5 + 120 × 12 = 600 + 1,440 = 2,040 hours
		{"town.qps.caseload.assistance.hours", "600"},
		{"town.qps.caseload.child_protection.hours", "1440"},
		{"town.qps.caseload.workload_hours", "2040"},

		// workers (role sw, norm time, 1 post filled):
		// caseload norm: 520 ÷ 150 = 3.4666…
		// population norm: 10,500 ÷ 3,000 = 3.5
		{"town.qps.staff.workers.fte_population", "3.5"},
		// time norm (chosen): 2,040 ÷ 1,056 client hours = 1.93181… → 2 posts
		{"town.qps.staff.workers.posts_required", "2"},
		// gap: 2 − 1 = 1; cost 1 × 9,615.04
		{"town.qps.staff.workers.gap", "1"},
		{"town.qps.staff.workers.gap_cost", "9615.04"},

		// admin (role admin, norm population, 5 posts filled):
		// 10,500 ÷ 3,000 = 3.5 → 4 posts; gap 4 − 5 = −1, so nothing to fill
		{"town.qps.staff.admin.fte_population", "3.5"},
		{"town.qps.staff.admin.posts_required", "4"},
		{"town.qps.staff.admin.gap", "-1"},
		{"town.qps.staff.admin.posts_missing", "0"},
		{"town.qps.staff.admin.gap_cost", "0"},

		// Budgeted posts (required): admin 4, workers 2.
		// admin: pay 5,760.00 × 4 = 23,040.00; contributions 288.00 × 4 = 1,152.00
		// (no overheads or capital line: the role has neither)
		{"town.qps.annual.staff.admin.pay", "23040.00"},
		{"town.qps.annual.staff.admin.employer_contributions", "1152.00"},
		// workers: 7,452.70 × 2 = 14,905.40; 372.64 × 2 = 745.28;
		// 1,565.07 × 2 = 3,130.14; 224.63 × 2 = 449.26
		{"town.qps.annual.staff.workers.pay", "14905.40"},
		{"town.qps.annual.staff.workers.employer_contributions", "745.28"},
		{"town.qps.annual.staff.workers.overheads", "3130.14"},
		{"town.qps.annual.staff.workers.capital", "449.26"},
		// staff: 23,040.00 + 1,152.00 + 14,905.40 + 745.28 + 3,130.14 + 449.26 = 43,422.08
		{"town.qps.annual.staff", "43422.08"},
		// posts budgeted: 4 + 2 = 6
		{"town.qps.posts_budgeted", "6"},
		// files: 0.75 × 520 cases = 390.00
		{"town.qps.annual.costs.files", "390.00"},
		// office: 1,200 × 6 posts = 7,200.00
		{"town.qps.annual.costs.office", "7200.00"},
		// total: 43,422.08 + 390.00 + 7,200.00 = 51,012.08
		{"town.qps.total", "51012.08"},

		// Per case (÷ 520): 43,422.08 ÷ 520 = 83.504 → 83.50;
		// 390.00 ÷ 520 = 0.75; 7,200.00 ÷ 520 = 13.846… → 13.85
		{"town.qps.per_case.staff", "83.50"},
		{"town.qps.per_case.costs.files", "0.75"},
		{"town.qps.per_case.costs.office", "13.85"},
		// 83.50 + 0.75 + 13.85 = 98.10
		{"town.qps.per_case", "98.10"},
		// Per inhabitant (÷ 10,500): 4.1354… → 4.14; 0.0371… → 0.04; 0.6857… → 0.69
		// 4.14 + 0.04 + 0.69 = 4.87
		{"town.qps.per_inhabitant", "4.87"},
	})

	// FTE that do not terminate are compared to six decimals.
	for _, f := range []figure{
		{"town.qps.staff.workers.fte_caseload", "3.466667"}, // 520 ÷ 150
		{"town.qps.staff.workers.fte_time", "1.931818"},     // 2,040 ÷ 1,056
	} {
		if got := value(t, r, f.name).Round(6); !got.Equal(dec(f.want)) {
			t.Errorf("%s = %s (to 6 places), want %s", f.name, got, f.want)
		}
	}

	svc := service(t, r, "town", "qps")
	if len(svc.Staffing) != 2 {
		t.Fatalf("qps staffing: want 2 lines, got %d", len(svc.Staffing))
	}
	workers := svc.Staffing[1]
	if workers.Post != "workers" || workers.Norm != "time" {
		t.Fatalf("qps staffing[1]: want workers under the time norm, got %s under %s", workers.Post, workers.Norm)
	}
	var norms []string
	for _, n := range workers.ByNorm {
		norms = append(norms, n.Norm)
	}
	if got, want := len(norms), 4; got != want {
		t.Errorf("workers: FTE under norms %v, want posts, caseload, population and time", norms)
	}
	if r.Node(workers.RequiredFTE).Name != "town.qps.staff.workers.fte_time" {
		t.Errorf("workers: required FTE is %s, want the time norm's", r.Node(workers.RequiredFTE).Name)
	}
	if v, _ := r.Value(workers.CurrentPosts); !v.Equal(dec("1")) {
		t.Errorf("workers: current posts %s, want 1", v)
	}
}

// TestWorkedTotals: categories of the kosovo-municipal classification, and
// the grand total.
func TestWorkedTotals(t *testing.T) {
	r := loadWorked(t)
	figs := []figure{
		// Service totals over the one municipality.
		{"service.dc", "54630.58"},
		{"service.foster", "33799.55"},
		{"service.kinship", "0"},
		{"service.qps", "51012.08"},

		// wages_salaries (pay, employer contributions, staff time):
		//   foster case management 3,822.00
		//   dc 29,810.80 + 1,490.56 = 31,301.36
		//   qps 23,040.00 + 1,152.00 + 14,905.40 + 745.28 = 39,842.68
		//   3,822.00 + 31,301.36 + 39,842.68 = 74,966.04
		{"town.category.wages_salaries", "74966.04"},
		// goods_services (goods and services, overheads):
		//   foster 4,500.02 + 2,052.54 + 1,200.00 + 999.99 = 8,752.55
		//   dc 6,260.28 + 6,204.00 + 4,966.42 = 17,430.70
		//   qps 3,130.14 + 390.00 + 7,200.00 = 10,720.14
		//   8,752.55 + 17,430.70 + 10,720.14 = 36,903.39
		{"town.category.goods_services", "36903.39"},
		// utilities: dc premises 5,000.00
		{"town.category.utilities", "5000.00"},
		// subsidies_transfers: foster 21,000.00 + 225.00 = 21,225.00
		// (the kinship allowance is a memo line, paid by the ministry)
		{"town.category.subsidies_transfers", "21225.00"},
		// capital: dc 898.52 + qps 449.26 = 1,347.78
		{"town.category.capital", "1347.78"},

		// Municipality total: 54,630.58 + 33,799.55 + 0 + 51,012.08 = 139,442.21
		// and by category: 74,966.04 + 36,903.39 + 5,000.00 + 21,225.00 + 1,347.78 = 139,442.21
		{"town.total", "139442.21"},
		// per inhabitant: 139,442.21 ÷ 10,500 = 13.2802… → 13.28
		{"town.per_inhabitant", "13.28"},
		{"total", "139442.21"},
	}
	for _, f := range figs[4:9] {
		figs = append(figs, figure{"category." + f.name[len("town.category."):], f.want})
	}
	checkFigures(t, r, figs)
	if r.Node(r.Total).Name != "total" {
		t.Errorf("Result.Total is %s, want total", r.Node(r.Total).Name)
	}
	if len(r.ByCategory) != 5 {
		t.Errorf("want 5 categories, got %d", len(r.ByCategory))
	}
}

// service returns service sn of municipality mn.
func service(t *testing.T, r *costing.Result, mn, sn string) costing.ServiceResult {
	t.Helper()
	for _, m := range r.Municipalities {
		if m.Name != mn {
			continue
		}
		for _, s := range m.Services {
			if s.Name == sn {
				return s
			}
		}
	}
	t.Fatalf("no service %s in %s", sn, mn)
	return costing.ServiceResult{}
}
