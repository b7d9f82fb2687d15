package costing

import (
	"github.com/kosto-project/kosto/models"
)

// familyCare costs foster, kinship and specialised foster care per child-year
// and per new placement (DOMAIN.md §3), then the year's lines as unit blocks
// times volumes.
func (sb *serviceBuilder) familyCare() {
	s, cur := sb.s, sb.g.Currency
	cy := sb.per("child-year")
	children := sb.in("children", "child-years")
	type unitBlock struct {
		name, element string
		unit          NodeID
		fundedBy      string
	}
	var blocks []unitBlock
	allowance := sb.money("unit.allowance", "allowance", cy, OpMul, sb.in("monthly_allowance", cur+"/month"), sb.in("allowance_months", "months/child-year"))
	paidBy := s.Texts["allowances_paid_by"].S
	blocks = append(blocks, unitBlock{"allowance", models.ElementTransfers, allowance, paidBy})
	if cw := s.Texts["case_worker"]; cw.Set {
		role := sb.role(cw.S, sb.m)
		cm := sb.money("unit.case_management", "case_management", cy, OpMul, sb.in("client_hours_per_child_year", "hours/child-year"), role.CostPerClientHour)
		blocks = append(blocks, unitBlock{"case_management", models.ElementStaffTime, cm, s.Texts["case_management_funded_by"].S})
	}
	if s.In.Has("carer_support_per_carer") {
		cs := sb.money("unit.carer_support", "carer_support", cy, OpDiv, sb.in("carer_support_per_carer", cur+"/carer-year"), sb.in("children_per_carer", "children/carer"))
		blocks = append(blocks, unitBlock{"carer_support", models.ElementGoodsServices, cs, ""})
	}
	if s.In.Has("overhead_rate") {
		direct := make([]NodeID, len(blocks))
		for i, bl := range blocks {
			direct[i] = bl.unit
		}
		d := sb.money("unit.direct", "direct_cost", cy, OpSum, direct...)
		oh := sb.money("unit.overhead", "overhead", cy, OpMul, d, sb.in("overhead_rate", "share"))
		blocks = append(blocks, unitBlock{"overhead", models.ElementOverheads, oh, ""})
	}
	ids := make([]NodeID, len(blocks))
	for i, bl := range blocks {
		ids[i] = bl.unit
	}
	unit := sb.money("unit_cost", "unit_cost", cy, OpSum, ids...)
	sb.sr.UnitCosts = append(sb.sr.UnitCosts, UnitCost{Measure: "child_year", Volume: children, Cost: unit, Blocks: ids})
	for _, bl := range blocks {
		id := sb.money("annual."+bl.name, bl.name, sb.per("year"), OpMul, bl.unit, children)
		sb.line(id, bl.element, bl.fundedBy)
	}

	// One-off costs of each new placement.
	oneOff := []struct{ key, name, element, paidBy string }{
		{"placement_payment", "placement_payment", models.ElementTransfers, paidBy},
		{"recruitment_per_placement", "recruitment", models.ElementGoodsServices, ""},
		{"assessment_training_per_placement", "assessment_training", models.ElementGoodsServices, ""},
	}
	var perPlacement []NodeID
	var names, elements, payers []string
	for _, o := range oneOff {
		if s.In.Has(o.key) {
			perPlacement = append(perPlacement, sb.in(o.key, sb.per("placement")))
			names = append(names, o.name)
			elements = append(elements, o.element)
			payers = append(payers, o.paidBy)
		}
	}
	if len(perPlacement) == 0 {
		return
	}
	placements := sb.in("new_placements", "placements/year")
	cost := sb.money("one_off_per_placement", "one_off_per_placement", sb.per("placement"), OpSum, perPlacement...)
	sb.sr.UnitCosts = append(sb.sr.UnitCosts, UnitCost{Measure: "placement", Volume: placements, Cost: cost, Blocks: perPlacement})
	for i, p := range perPlacement {
		id := sb.money("annual."+names[i], names[i], sb.per("year"), OpMul, p, placements)
		sb.line(id, elements[i], payers[i])
	}
}

// A block is an annual subtotal that unit costs divide by a volume.
type block struct {
	name, label, title string
	annual             NodeID
}

// dayCentre costs a day centre from its staff by ratio to places, its fixed
// running costs and its costs per attendance day, per place-year and per
// attendance day (DOMAIN.md §3).
func (sb *serviceBuilder) dayCentre() {
	places := sb.in("places", "places")
	days := sb.in("operating_days", "days/year")
	attendance := sb.qty("attendance_days", "attendance_days", "attendance days/year", OpMul, places, days, sb.in("attendance_rate", "share"))
	blocks := sb.staffAndCosts(map[string]NodeID{models.PerPlace: places, models.PerAttendanceDay: attendance}, places)
	sb.unitCosts("place_year", places, blocks)
	sb.unitCosts("attendance_day", attendance, blocks)
}

// socialWorkCentre costs a Centre for Social Work: its staff (with FTE
// required under each norm against the posts filled now), its running costs,
// and cost per case and per inhabitant.
func (sb *serviceBuilder) socialWorkCentre() {
	var cases NodeID = -1
	sb.cases = map[string]NodeID{}
	if len(sb.s.Caseload) > 0 {
		var all []NodeID
		for _, cn := range models.Sorted(sb.s.Caseload) {
			c := sb.s.Caseload[cn]
			id := sb.input(models.CaseloadTable, c.In, "cases", sb.m, sb.prefix+"caseload."+cn+".cases", "cases/year")
			sb.cases[cn] = id
			all = append(all, id)
		}
		cases = sb.qty("caseload.cases", "cases", "cases/year", OpSum, all...)
	}
	bases := map[string]NodeID{}
	if cases >= 0 {
		bases[models.PerCase] = cases
	}
	blocks := sb.staffAndCosts(bases, -1)
	if cases >= 0 {
		sb.unitCosts("case", cases, blocks)
	}
	if sb.mr.Population >= 0 {
		sb.unitCosts("inhabitant", sb.mr.Population, blocks)
	}
}

// staffAndCosts adds the staff lines, cost lines and overhead shared by
// services that run premises with staff, and returns the blocks unit costs
// are built from. bases holds the volumes cost lines may be per; places is the
// service's places (-1 when it has none).
func (sb *serviceBuilder) staffAndCosts(bases map[string]NodeID, places NodeID) []block {
	var blocks, staffLines []NodeID
	var budgetedPosts []NodeID
	for _, post := range models.Sorted(sb.s.Staff) {
		st, lines := sb.staffLine(post, sb.s.Staff[post], places)
		sb.sr.Staffing = append(sb.sr.Staffing, st)
		budgetedPosts = append(budgetedPosts, st.Budgeted)
		staffLines = append(staffLines, lines...)
	}
	var out []block
	if len(staffLines) > 0 {
		id := sb.money("annual.staff", "staff", sb.per("year"), OpSum, staffLines...)
		out = append(out, block{name: "staff", label: "staff", annual: id})
		blocks = append(blocks, id)
	}
	if len(budgetedPosts) > 0 {
		bases[models.PerPost] = sb.qty("posts_budgeted", "posts_budgeted", "FTE", OpSum, budgetedPosts...)
	}
	for _, name := range models.Sorted(sb.s.Costs) {
		l := sb.s.Costs[name]
		per := l.Texts.Get(models.CostTable, "per").S
		amount := sb.input(models.CostTable, l.In, "amount", sb.m, sb.prefix+"costs."+name+".amount", sb.per(per))
		t := title(l.Texts, name)
		var id NodeID
		if per == models.PerYear {
			id = sb.g.Compute(Node{Name: sb.prefix + "annual.costs." + name, Label: "cost_line", Title: t, Unit: sb.per("year"), Money: true}, OpSum, amount)
		} else {
			id = sb.g.Compute(Node{Name: sb.prefix + "annual.costs." + name, Label: "cost_line", Title: t, Unit: sb.per("year"), Money: true}, OpMul, amount, bases[per])
		}
		sb.line(id, l.Texts["element"].S, "")
		// Named after the TOML path (costs.NAME), so that no cost line can
		// take the name of a subtotal such as "staff" or "overhead".
		out = append(out, block{name: "costs." + name, label: "cost_line", title: t, annual: id})
		blocks = append(blocks, id)
	}
	if sb.s.In.Has("overhead_rate") && len(blocks) > 0 {
		direct := sb.money("annual.direct", "direct_cost", sb.per("year"), OpSum, blocks...)
		oh := sb.money("annual.overhead", "overhead", sb.per("year"), OpMul, direct, sb.in("overhead_rate", "share"))
		sb.line(oh, models.ElementOverheads, "")
		out = append(out, block{name: "overhead", label: "overhead", annual: oh})
	}
	return out
}

// staffLine derives a staff line's FTE under every norm it has inputs for,
// the whole posts its chosen norm requires, the gap to the posts filled now
// and its cost, and the annual lines of the posts the budget pays for.
func (sb *serviceBuilder) staffLine(post string, l *models.Line, places NodeID) (Staffing, []NodeID) {
	p := sb.prefix + "staff." + post + "."
	in := func(k, unit string) NodeID { return sb.input(models.StaffTable, l.In, k, sb.m, p+k, unit) }
	fte := func(norm string, op Op, args ...NodeID) NodeID {
		return sb.g.Compute(Node{Name: p + "fte_" + norm, Label: "fte_" + norm, Unit: "FTE"}, op, args...)
	}
	role := sb.role(l.Texts["role"].S, sb.m)
	st := Staffing{Post: post, Role: role.Name, RoleTitle: role.Title, Norm: l.Texts.Get(models.StaffTable, "norm").S}
	st.CurrentPosts = sb.zero
	if l.In.Has("posts") {
		st.CurrentPosts = in("posts", "FTE")
		st.ByNorm = append(st.ByNorm, NormFTE{models.NormPosts, st.CurrentPosts})
	}
	if places >= 0 && l.In.Has("places_per_post") {
		st.ByNorm = append(st.ByNorm, NormFTE{models.NormPlaces, fte(models.NormPlaces, OpDiv, places, in("places_per_post", "places/post"))})
	}
	if id, ok := sb.g.Lookup(sb.prefix + "caseload.cases"); ok && l.In.Has("cases_per_worker") {
		st.ByNorm = append(st.ByNorm, NormFTE{models.NormCaseload, fte(models.NormCaseload, OpDiv, id, in("cases_per_worker", "cases/worker"))})
	}
	if sb.mr.Population >= 0 && l.In.Has("inhabitants_per_worker") {
		st.ByNorm = append(st.ByNorm, NormFTE{models.NormPopulation, fte(models.NormPopulation, OpDiv, sb.mr.Population, in("inhabitants_per_worker", "inhabitants/worker"))})
	}
	// The time norm has no input of its own on the line, so it is derived
	// only for lines that choose it.
	if hours, ok := sb.workloadHours(); ok && st.Norm == models.NormTime {
		st.ByNorm = append(st.ByNorm, NormFTE{models.NormTime, fte(models.NormTime, OpDiv, hours, role.ClientHours)})
	}
	for _, n := range st.ByNorm {
		if n.Norm == st.Norm {
			st.RequiredFTE = n.FTE
		}
	}
	if st.Norm == models.NormPosts {
		// The posts as written are the requirement, part-time posts and
		// all: there is no need to round up to.
		st.RequiredPosts = st.CurrentPosts
	} else {
		st.RequiredPosts = sb.g.Compute(Node{Name: p + "posts_required", Label: "posts_required", Unit: "posts"}, OpCeil, st.RequiredFTE)
	}
	st.Gap = sb.g.Compute(Node{Name: p + "gap", Label: "gap", Unit: "posts"}, OpSub, st.RequiredPosts, st.CurrentPosts)
	missing := sb.g.Compute(Node{Name: p + "posts_missing", Label: "posts_missing", Unit: "posts"}, OpMax, st.Gap, sb.zero)
	st.GapCost = sb.g.Compute(Node{Name: p + "gap_cost", Label: "gap_cost", Unit: sb.per("year"), Money: true}, OpMul, missing, role.AnnualCostPerFTE)
	st.Budgeted = st.RequiredPosts
	if sb.s.Texts.Get(sb.t, "staff_basis").S == models.BasisCurrent {
		st.Budgeted = st.CurrentPosts
	}
	r := sb.sc.Roles[role.Name]
	elements := []struct {
		element string
		fig     NodeID
		present bool
	}{
		{models.ElementPay, role.AnnualGross, true},
		{models.ElementEmployerContributions, role.OnCosts, true},
		{models.ElementOverheads, role.Overheads, r.In.Has("overhead_rate")},
		{models.ElementCapital, role.Capital, r.In.Has("capital_value")},
	}
	var lines []NodeID
	for _, e := range elements {
		if !e.present {
			continue
		}
		id := sb.g.Compute(Node{Name: sb.prefix + "annual.staff." + post + "." + e.element, Label: e.element, Title: role.Title, Unit: sb.per("year"), Money: true}, OpMul, e.fig, st.Budgeted)
		sb.line(id, e.element, "")
		lines = append(lines, id)
	}
	return st, lines
}

// workloadHours returns Σ cases × hours per case over the caseload, when
// every category states its hours.
func (sb *serviceBuilder) workloadHours() (NodeID, bool) {
	name := sb.prefix + "caseload.workload_hours"
	if id, ok := sb.g.Lookup(name); ok {
		return id, true
	}
	if len(sb.s.Caseload) == 0 {
		return 0, false
	}
	var terms []NodeID
	for _, cn := range models.Sorted(sb.s.Caseload) {
		c := sb.s.Caseload[cn]
		if !c.In.Has("hours_per_case") {
			return 0, false
		}
		cases := sb.cases[cn]
		h := sb.input(models.CaseloadTable, c.In, "hours_per_case", sb.m, sb.prefix+"caseload."+cn+".hours_per_case", "hours/case")
		terms = append(terms, sb.g.Compute(Node{Name: sb.prefix + "caseload." + cn + ".hours", Label: "workload_hours", Unit: "hours/year"}, OpMul, cases, h))
	}
	return sb.g.Compute(Node{Name: name, Label: "workload_hours", Unit: "hours/year"}, OpSum, terms...), true
}

// unitCosts divides each block by a volume, rounds it, and sums the rounded
// blocks into the unit cost, so that a unit-cost table adds up to the cent.
func (sb *serviceBuilder) unitCosts(measure string, volume NodeID, blocks []block) {
	unit := sb.per(measure)
	var ids []NodeID
	for _, bl := range blocks {
		ids = append(ids, sb.g.Compute(Node{Name: sb.prefix + "per_" + measure + "." + bl.name, Label: bl.label, Title: bl.title, Unit: unit, Money: true}, OpDiv, bl.annual, volume))
	}
	cost := sb.money("per_"+measure, "unit_cost", unit, OpSum, ids...)
	sb.sr.UnitCosts = append(sb.sr.UnitCosts, UnitCost{Measure: measure, Volume: volume, Cost: cost, Blocks: ids})
}
