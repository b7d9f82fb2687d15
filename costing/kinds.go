package costing

import (
	"strings"

	"github.com/kosto-project/kosto/models"
)

// unitFirst costs a kind costed models.UnitFirst — foster, kinship and
// specialised foster care — per child-year and per new placement
// (docs/METHOD.md §4), then the year's lines as unit blocks times volumes.
func (sb *serviceBuilder) unitFirst() {
	children, _ := sb.volume("children")
	sb.children = children
	for _, bl := range sb.childYearBlocks() {
		sb.unitBlocks = append(sb.unitBlocks, bl.unit)
		sb.blockElements = append(sb.blockElements, bl.element)
		id := sb.money("annual."+bl.name, bl.name, sb.per("year"), OpMul, bl.unit, children)
		sb.line(id, bl.element, bl.fundedBy)
	}
	sb.placements()
}

// A unitBlock is a block of a unit cost: its name, cost element, node, and
// the budget that pays it when this one does not.
type unitBlock struct {
	name, element string
	unit          NodeID
	fundedBy      models.Phrase
}

// childYearBlocks builds the blocks of the cost per child-year: the
// allowance, the case worker's time where a case worker is named, carer
// support where it is written, and an overhead on all of them.
func (sb *serviceBuilder) childYearBlocks() []unitBlock {
	s, cur := sb.s, sb.g.Currency
	cy := sb.per("child-year")
	allowance := sb.money("unit.allowance", "allowance", cy, OpMul, sb.in("monthly_allowance", cur+"/month"), sb.in("allowance_months", "months/child-year"))
	blocks := []unitBlock{{"allowance", models.ElementTransfers, allowance, s.Texts["allowances_paid_by"].Phrase()}}
	if cw := s.Texts["case_worker"]; cw.Set {
		role := sb.role(cw.S, sb.m)
		cm := sb.money("unit.case_management", "case_management", cy, OpMul, sb.in("client_hours_per_child_year", "hours/child-year"), role.CostPerClientHour)
		blocks = append(blocks, unitBlock{"case_management", models.ElementStaffTime, cm, s.Texts["case_management_funded_by"].Phrase()})
	}
	if s.In.Has("carer_support_per_carer") {
		cs := sb.money("unit.carer_support", "carer_support", cy, OpDiv, sb.in("carer_support_per_carer", cur+"/carer-year"), sb.in("children_per_carer", "children/carer"))
		blocks = append(blocks, unitBlock{"carer_support", models.ElementGoodsServices, cs, models.Phrase{}})
	}
	if s.In.Has("overhead_rate") {
		direct := make([]NodeID, len(blocks))
		for i, bl := range blocks {
			direct[i] = bl.unit
		}
		d := sb.money("unit.direct", "direct_cost", cy, OpSum, direct...)
		oh := sb.money("unit.overhead", "overhead", cy, OpMul, d, sb.in("overhead_rate", "share"))
		blocks = append(blocks, unitBlock{"overhead", models.ElementOverheads, oh, models.Phrase{}})
	}
	return blocks
}

// placements costs what each new placement costs once — the placement
// payment, recruitment, assessment and training, as written — as a unit
// cost per placement and the year's lines of the new placements.
func (sb *serviceBuilder) placements() {
	s := sb.s
	oneOff := []struct {
		key, name, element string
		paidBy             models.Phrase
	}{
		{"placement_payment", "placement_payment", models.ElementTransfers, s.Texts["allowances_paid_by"].Phrase()},
		{"recruitment_per_placement", "recruitment", models.ElementGoodsServices, models.Phrase{}},
		{"assessment_training_per_placement", "assessment_training", models.ElementGoodsServices, models.Phrase{}},
	}
	var blocks []unitBlock
	for _, o := range oneOff {
		if s.In.Has(o.key) {
			// A block of its own, so that reports name it by what it is,
			// not by the parameter it comes from.
			id := sb.money("placement."+o.name, o.name, sb.per("placement"), OpSum, sb.in(o.key, sb.per("placement")))
			blocks = append(blocks, unitBlock{o.name, o.element, id, o.paidBy})
		}
	}
	if len(blocks) == 0 {
		return
	}
	placements := sb.in("new_placements", "placements/year")
	ids := make([]NodeID, len(blocks))
	for i, bl := range blocks {
		ids[i] = bl.unit
	}
	cost := sb.money("one_off_per_placement", "one_off_per_placement", sb.per("placement"), OpSum, ids...)
	sb.sr.UnitCosts = append(sb.sr.UnitCosts, UnitCost{Measure: "placement", Volume: placements, Cost: cost, Blocks: ids})
	for _, bl := range blocks {
		id := sb.money("annual."+bl.name, bl.name, sb.per("year"), OpMul, bl.unit, placements)
		sb.line(id, bl.element, bl.fundedBy)
	}
}

// A block is an annual subtotal that unit costs divide by a volume.
type block struct {
	name, label string
	title       models.Phrase
	annual      NodeID
}

// byMeasures costs every service that runs premises or a team with staff —
// residential care, small group homes, day centres, community centres,
// shelters, home care and Centres for Social Work — one way: the kind's
// measures give its volumes, staff lines give posts under a norm, cost lines
// and capital items add what they are per, an overhead rate may follow, and
// unit costs (built by finish) divide each block by each measure's volume
// (docs/METHOD.md §6–7).
func (sb *serviceBuilder) byMeasures() {
	for _, m := range sb.t.Measures {
		if id, ok := sb.measure(m); ok {
			sb.measureVols[m.Key] = id
			if m.Per != "" {
				sb.vols["per:"+m.Per] = id
			}
		}
	}
	sb.blocks = sb.staffAndCosts()
}

// measure returns the volume of a measure: the product of its factors, or
// false when a factor is missing (no caseload, no population).
func (sb *serviceBuilder) measure(m models.Measure) (NodeID, bool) {
	var fs []NodeID
	for _, f := range m.Factors {
		id, ok := sb.volume(f)
		if !ok {
			return 0, false
		}
		fs = append(fs, id)
	}
	if len(fs) == 1 {
		return fs[0], true
	}
	name := m.Per + "s"
	if id, ok := sb.g.Lookup(sb.prefix + name); ok {
		return id, true
	}
	return sb.qty(name, name, m.Unit, OpMul, fs...), true
}

// volume returns a named volume of the service: one of its numeric inputs,
// or a derived volume — "caseload", "population", and a residential
// service's "open_units" and "open_places".
func (sb *serviceBuilder) volume(name string) (NodeID, bool) {
	if id, ok := sb.vols[name]; ok {
		return id, true
	}
	var id NodeID
	switch name {
	case "caseload":
		if len(sb.s.Caseload) == 0 {
			return 0, false
		}
		var all []NodeID
		for _, cn := range models.Sorted(sb.s.Caseload) {
			c := sb.s.Caseload[cn]
			cid := sb.input(models.CaseloadTable, c.In, "cases", sb.m, sb.prefix+"caseload."+cn+".cases", "cases/year")
			sb.cases[cn] = cid
			all = append(all, cid)
		}
		id = sb.qty("caseload.cases", "cases", "cases/year", OpSum, all...)
	case "population":
		if sb.mr.Population < 0 {
			return 0, false
		}
		id = sb.mr.Population
	case "in_operation":
		open, _ := sb.volume("open_units")
		id = sb.qty("in_operation", "in_operation", "years open", OpMin, open, sb.one())
	case "open_units", "open_places":
		// A unit's fixed costs stop only when it closes: the children left
		// are gathered into as few units as hold them.
		units := sb.in("units", "units")
		capacity, _ := sb.volume("capacity")
		children, _ := sb.volume("children")
		size := sb.qty("unit_capacity", "unit_capacity", "beds/unit", OpDiv, capacity, units)
		needed := sb.qty("units_needed", "units_needed", "units", OpCeil, sb.qty("units_for_children", "units_for_children", "units", OpDiv, children, size))
		sb.vols["unit_capacity"], sb.vols["units_needed"] = size, needed
		// Open: the units the children need, or more where the scenario
		// keeps them open (a unit's fixed costs stop only when it closes),
		// never more than there are.
		open := sb.qty("open_units", "open_units", "units", OpMin, units,
			sb.qty("units_open_by_decision", "units_open_by_decision", "units", OpMax, needed, sb.in("units_kept_open", "units")))
		sb.vols["open_units"] = open
		sb.vols["open_places"] = sb.qty("open_places", "open_places", "places", OpMul, open, size)
		return sb.vols[name], true
	default:
		f, ok := sb.t.Number(name)
		// An optional input that is not written (a community centre's
		// cases) gives no volume, and its measure no unit cost.
		if !ok || !f.Required && f.Default == "" && !sb.s.In.Has(name) {
			return 0, false
		}
		id = sb.in(name, f.Unit)
	}
	sb.vols[name] = id
	return id, true
}

// staffAndCosts adds a service's staff lines, cost lines, capital items and
// overhead, and returns the blocks its unit costs are built from.
func (sb *serviceBuilder) staffAndCosts() []block {
	var blocks []block
	var direct, staffLines, budgetedPosts []NodeID
	for _, post := range models.Sorted(sb.s.Staff) {
		st, lines := sb.staffLine(post, sb.s.Staff[post])
		sb.sr.Staffing = append(sb.sr.Staffing, st)
		budgetedPosts = append(budgetedPosts, st.Budgeted)
		staffLines = append(staffLines, lines...)
	}
	if len(staffLines) > 0 {
		id := sb.money("annual.staff", "staff", sb.per("year"), OpSum, staffLines...)
		blocks = append(blocks, block{name: "staff", label: "staff", annual: id})
		direct = append(direct, id)
	}
	if len(budgetedPosts) > 0 {
		sb.vols["per:"+models.PerPost] = sb.qty("posts_budgeted", "posts_budgeted", "FTE", OpSum, budgetedPosts...)
	}
	if id, ok := sb.builtinLine(); ok {
		blocks = append(blocks, block{name: "benefit", label: "benefit", annual: id})
	}
	for _, name := range models.Sorted(sb.s.Costs) {
		l := sb.s.Costs[name]
		per := l.Texts.Get(models.CostTable, "per").S
		amount := sb.input(models.CostTable, l.In, "amount", sb.m, sb.prefix+"costs."+name+".amount", sb.per(per))
		id := sb.perBasis("annual.costs."+name, "cost_line", title(l.Texts, name), amount, per)
		sb.line(id, l.Texts["element"].S, models.Phrase{})
		// Named after the TOML path (costs.NAME), so that no cost line can
		// take the name of a subtotal such as "staff" or "overhead".
		blocks = append(blocks, block{name: "costs." + name, label: "cost_line", title: title(l.Texts, name), annual: id})
		direct = append(direct, id)
	}
	for _, name := range models.Sorted(sb.s.Capital) {
		l := sb.s.Capital[name]
		p := sb.prefix + "capital." + name + "."
		in := func(k, unit string) NodeID { return sb.input(models.CapitalTable, l.In, k, sb.m, p+k, unit) }
		t := title(l.Texts, name)
		charge := sb.g.Compute(Node{Name: p + "annual_charge", Label: "capital", Title: t, Unit: sb.per("year"), Money: true},
			OpAnnuity, in("value", sb.g.Currency), in("rate", "share"), in("years", "years"))
		id := sb.perBasis("annual.capital."+name, "capital", t, charge, l.Texts.Get(models.CapitalTable, "per").S)
		sb.line(id, models.ElementCapital, models.Phrase{})
		blocks = append(blocks, block{name: "capital." + name, label: "capital", title: t, annual: id})
		direct = append(direct, id)
	}
	if sb.s.In.Has("overhead_rate") && len(direct) > 0 {
		d := sb.money("annual.direct", "direct_cost", sb.per("year"), OpSum, direct...)
		oh := sb.money("annual.overhead", "overhead", sb.per("year"), OpMul, d, sb.in("overhead_rate", "share"))
		sb.line(oh, models.ElementOverheads, models.Phrase{})
		blocks = append(blocks, block{name: "overhead", label: "overhead", annual: oh})
	}
	return blocks
}

// perBasis adds an annual line of amount per basis: the amount itself per
// year, or times the volume the basis names (posts, places, children, years
// open, …).
func (sb *serviceBuilder) perBasis(fig, label string, t models.Phrase, amount NodeID, per string) NodeID {
	n := Node{Name: sb.prefix + fig, Label: label, Title: t, Unit: sb.per("year"), Money: true}
	if _, byVolume := sb.vols["per:"+per]; per == models.PerYear && !byVolume {
		return sb.g.Compute(n, OpSum, amount)
	}
	vol, ok := sb.vols["per:"+per]
	if !ok {
		panic("costing: no volume for per " + per + " in " + sb.prefix)
	}
	return sb.g.Compute(n, OpMul, amount, vol)
}

// builtinLine adds the line a kind pays by definition, its Benefit: a cash
// benefit's monthly amount times its beneficiary-months.
func (sb *serviceBuilder) builtinLine() (NodeID, bool) {
	bf := sb.t.Benefit
	if bf == nil {
		return 0, false
	}
	volume := sb.vols["per:"+bf.Per]
	id := sb.money("annual.benefit", "benefit", sb.per("year"), OpMul, sb.in(bf.Amount, sb.per(strings.ReplaceAll(bf.Per, "_", "-"))), volume)
	sb.line(id, bf.Element, sb.s.Texts[bf.PaidBy].Phrase())
	return id, true
}

// staffLine derives a staff line's FTE under every norm it has inputs for,
// the whole posts its chosen norm requires, the gap to the posts filled now
// and its cost, and the annual lines of the posts the budget pays for.
func (sb *serviceBuilder) staffLine(post string, l *models.Line) (Staffing, []NodeID) {
	role := sb.role(l.Texts["role"].S, sb.m)
	sl := &staffBuilder{serviceBuilder: sb, p: sb.prefix + "staff." + post + ".", l: l, role: role,
		st: Staffing{Post: post, Role: role.Name, RoleTitle: role.Title, Norm: l.Texts.Get(models.StaffTable, "norm").S}}
	sl.current()
	sl.byRatio()
	sl.byNeed()
	sl.required()
	return sl.st, sl.lines()
}

// A staffBuilder costs one staff line of a service.
type staffBuilder struct {
	*serviceBuilder
	p    string // the line's figure-name prefix
	l    *models.Line
	role *RoleResult
	st   Staffing
}

func (sl *staffBuilder) in(k, unit string) NodeID {
	return sl.input(models.StaffTable, sl.l.In, k, sl.m, sl.p+k, unit)
}

func (sl *staffBuilder) node(fig, label, unit string, op Op, args ...NodeID) NodeID {
	return sl.g.Compute(Node{Name: sl.p + fig, Label: label, Unit: unit}, op, args...)
}

func (sl *staffBuilder) norm(norm string, op Op, args ...NodeID) {
	sl.st.ByNorm = append(sl.st.ByNorm, NormFTE{norm, sl.node("fte_"+norm, "fte_"+norm, "FTE", op, args...)})
}

// current reads the posts filled now: posts while the service is open, for
// a kind whose costs per year are those of a year it is open.
func (sl *staffBuilder) current() {
	sl.st.CurrentPosts = sl.zero
	if !sl.l.In.Has("posts") {
		return
	}
	sl.st.CurrentPosts = sl.in("posts", "FTE")
	if open, ok := sl.vols["per:"+models.PerYear]; ok {
		sl.st.CurrentPosts = sl.node("posts_while_open", "posts_while_open", "FTE", OpMul, sl.st.CurrentPosts, open)
	}
	sl.st.ByNorm = append(sl.st.ByNorm, NormFTE{models.NormPosts, sl.st.CurrentPosts})
}

// byRatio derives the FTE of a ratio of the kind's volume: per post, or —
// round the clock — posts on shift, each covered for the shift's hours by
// as many FTE as the role's productive hours need.
func (sl *staffBuilder) byRatio() {
	if len(sl.t.Ratios) == 0 || !sl.l.In.Has("per_post") {
		return
	}
	of := sl.t.Ratios[0]
	if t := sl.l.Texts["ratio_of"]; t.Set {
		of = t.S
	}
	vol, _ := sl.volume(of)
	perPost := sl.in("per_post", of+"/post")
	if sl.st.Norm != models.NormContinuous {
		sl.norm(models.NormRatio, OpDiv, vol, perPost)
		return
	}
	onShift := sl.node("posts_on_shift", "posts_on_shift", "posts on shift", OpCeil,
		sl.node("carers_on_shift", "carers_on_shift", "carers on shift", OpDiv, vol, perPost))
	covered := sl.node("shift_hours_covered", "shift_hours_covered", "hours/year", OpMul, onShift, sl.in("shift_hours", "hours/year"))
	sl.norm(models.NormContinuous, OpDiv, covered, sl.role.ProductiveHours)
}

// byNeed derives the FTE of the caseload, population and time norms the
// line has inputs for. The time norm has no input of its own on the line,
// so it is derived only for lines that choose it.
func (sl *staffBuilder) byNeed() {
	if cases, ok := sl.volume("caseload"); ok && sl.l.In.Has("cases_per_worker") {
		sl.norm(models.NormCaseload, OpDiv, cases, sl.in("cases_per_worker", "cases/worker"))
	}
	if sl.mr.Population >= 0 && sl.l.In.Has("inhabitants_per_worker") {
		sl.norm(models.NormPopulation, OpDiv, sl.mr.Population, sl.in("inhabitants_per_worker", "inhabitants/worker"))
	}
	if hours, ok := sl.workloadHours(); ok && sl.st.Norm == models.NormTime {
		sl.norm(models.NormTime, OpDiv, hours, sl.role.ClientHours)
	}
}

// required sets the posts the chosen norm requires, the gap to the posts
// filled now and its cost, and the posts the budget pays for.
func (sl *staffBuilder) required() {
	st := &sl.st
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
		st.RequiredPosts = sl.node("posts_required", "posts_required", "posts", OpCeil, st.RequiredFTE)
	}
	st.Gap = sl.node("gap", "gap", "posts", OpSub, st.RequiredPosts, st.CurrentPosts)
	st.Missing = sl.node("posts_missing", "posts_missing", "posts", OpMax, st.Gap, sl.zero)
	st.GapCost = sl.g.Compute(Node{Name: sl.p + "gap_cost", Label: "gap_cost", Unit: sl.per("year"), Money: true}, OpMul, st.Missing, sl.role.AnnualCostPerFTE)
	st.Budgeted = st.RequiredPosts
	if sl.s.Texts.Get(sl.t, "staff_basis").S == models.BasisCurrent {
		st.Budgeted = st.CurrentPosts
	}
}

// lines adds the annual lines of the posts budgeted: pay and employer
// contributions, and the role's overheads and capital where it has them.
func (sl *staffBuilder) lines() []NodeID {
	r := sl.sc.Roles[sl.role.Name]
	elements := []struct {
		element string
		fig     NodeID
		present bool
	}{
		{models.ElementPay, sl.role.AnnualGross, true},
		{models.ElementEmployerContributions, sl.role.OnCosts, true},
		{models.ElementOverheads, sl.role.Overheads, r.In.Has("overhead_rate")},
		{models.ElementCapital, sl.role.Capital, r.In.Has("capital_value")},
	}
	var lines []NodeID
	for _, e := range elements {
		if !e.present {
			continue
		}
		id := sl.g.Compute(Node{Name: sl.prefix + "annual.staff." + sl.st.Post + "." + e.element, Label: e.element, Title: sl.role.Title, Unit: sl.per("year"), Money: true}, OpMul, e.fig, sl.st.Budgeted)
		sl.line(id, e.element, models.Phrase{})
		lines = append(lines, id)
	}
	return lines
}

// workloadHours returns the hours of client work a service's caseload or
// its kind's Workload take: Σ cases × hours per case, when every caseload
// category states its hours; or, for home care, visits × (hours per visit +
// travel).
func (sb *serviceBuilder) workloadHours() (NodeID, bool) {
	w := sb.t.Workload
	name := sb.prefix + "caseload.workload_hours"
	if w != nil {
		name = sb.prefix + "workload_hours"
	}
	if id, ok := sb.g.Lookup(name); ok {
		return id, true
	}
	if w != nil {
		count, _ := sb.volume(w.Count)
		var hours []NodeID
		for _, k := range w.Hours {
			id, ok := sb.volume(k) // a measure may have read it already
			if !ok {
				f, _ := sb.t.Number(k)
				id = sb.in(k, f.Unit) // not written: its default
			}
			hours = append(hours, id)
		}
		per := sb.qty("hours_per_"+singular(w.Count)+"_worked", "hours_per_"+singular(w.Count)+"_worked", "hours/"+singular(w.Count), OpSum, hours...)
		return sb.g.Compute(Node{Name: name, Label: "workload_hours", Unit: "hours/year"}, OpMul, count, per), true
	}
	if _, ok := sb.volume("caseload"); !ok {
		return 0, false
	}
	var terms []NodeID
	for _, cn := range models.Sorted(sb.s.Caseload) {
		c := sb.s.Caseload[cn]
		if !c.In.Has("hours_per_case") {
			return 0, false
		}
		h := sb.input(models.CaseloadTable, c.In, "hours_per_case", sb.m, sb.prefix+"caseload."+cn+".hours_per_case", "hours/case")
		terms = append(terms, sb.g.Compute(Node{Name: sb.prefix + "caseload." + cn + ".hours", Label: "workload_hours", Unit: "hours/year"}, OpMul, sb.cases[cn], h))
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

// singular is a count's name for one: visits → visit.
func singular(count string) string { return strings.TrimSuffix(count, "s") }
