package costing

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// Cost validates a scenario, turns it into its calculation graph,
// evaluates it and checks its figures (Result.Check). It returns an error
// only for a scenario with problems, every one found.
func Cost(sc *models.Scenario) (*Result, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	r := Build(sc)
	if err := r.Check(); err != nil {
		return nil, err
	}
	return r, nil
}

// Build turns a scenario that has passed Validate — as every scenario
// scenarios.Load returns has — into its calculation graph and evaluates it,
// without validating it again. A scenario changed since it was validated
// must go through Cost.
func Build(sc *models.Scenario) *Result {
	b := newBuilder(sc)
	r := b.build()
	r.Values = r.Graph.Evaluate()
	r.Warnings = append(r.Warnings, r.undefinedTotal()...)
	return r
}

// undefinedTotal explains a total that cannot be computed: it names each
// division by zero the total depends on (a central cost shared by a driver
// that is zero everywhere, say), so that a reader who sees n/a knows why.
func (r *Result) undefinedTotal() models.Problems {
	if _, ok := r.Value(r.Total); ok {
		return nil
	}
	var ws models.Problems
	seen := map[NodeID]bool{}
	var walk func(id NodeID)
	walk = func(id NodeID) {
		if seen[id] {
			return
		}
		seen[id] = true
		n := &r.Graph.Nodes[id]
		origin := true
		for _, a := range n.Args {
			if _, ok := r.Value(a); !ok {
				origin = false
				walk(a)
			}
		}
		if !origin {
			return
		}
		what := "is undefined"
		if n.Op == OpDiv {
			what = "divides by " + r.Graph.Nodes[n.Args[len(n.Args)-1]].Name + ", which is 0"
		}
		ws.Add(models.Position{Key: n.Name}, "", "%s, so %s and every figure computed from it are n/a", what, n.Name)
	}
	walk(r.Total)
	return ws
}

type builder struct {
	sc     *models.Scenario
	g      *Graph
	params map[string]NodeID // figure name → node, for parameters already added
	roles  map[string]*RoleResult
	r      *Result
	zero   NodeID
}

func newBuilder(sc *models.Scenario) *builder {
	cur := sc.Meta.Currency.S
	return &builder{
		sc: sc,
		// About a hundred nodes a service in each municipality, and the
		// roles: growing the graph node by node is most of building it.
		g:      NewGraph(cur, models.Currencies[cur], 100*(len(sc.Services)+1)*len(sc.Municipalities)+40*len(sc.Roles)),
		params: map[string]NodeID{},
		roles:  map[string]*RoleResult{},
	}
}

func (b *builder) build() *Result {
	sc := b.sc
	b.r = &Result{
		scenario:       sc,
		Graph:          b.g,
		Classification: sc.Classification,
		Warnings:       sc.Warnings(),
		Scenario: Meta{
			Name: sc.Meta.Name.S, Title: sc.Meta.Title.Phrase(), Country: sc.Meta.Country.S,
			Currency: sc.Meta.Currency.S, Language: sc.Meta.Language.S,
			Description: sc.Meta.Description.S, BaseYear: int(sc.Meta.BaseYear.Value.IntPart()),
			Files: sc.Files,
		},
	}
	if b.r.Scenario.Language == "" {
		b.r.Scenario.Language = "en"
	}
	b.zero = b.g.Input(Node{Name: "const.zero", Label: "zero", Leaf: &Leaf{Raw: "0", Provenance: models.Provenance{Assumption: "constant"}}}, decimal.Zero)
	// Roles costed with the scenario's own parameters come first, in name
	// order, so that reports list them even where no service uses them.
	for _, name := range models.Sorted(sc.Roles) {
		b.role(name, nil)
	}
	ncat := len(sc.Classification.Categories)
	svcTotals := map[string][]NodeID{}
	catTotals := make([][]NodeID, ncat)
	var muniTotals []NodeID
	for _, mn := range models.Sorted(sc.Municipalities) {
		mr := b.municipality(sc.Municipalities[mn])
		for _, s := range mr.Services {
			svcTotals[s.Name] = append(svcTotals[s.Name], s.Total)
		}
		for c, id := range mr.ByCategory {
			catTotals[c] = append(catTotals[c], id)
		}
		muniTotals = append(muniTotals, mr.Total)
		b.r.Municipalities = append(b.r.Municipalities, mr)
	}
	b.recruitment()
	b.staffingTotals()
	for _, sn := range sc.ServiceNames() {
		s := sc.Services[sn]
		id := b.g.Compute(Node{Name: "service." + sn, Label: "service_total", Title: title(s.Texts, sn), Money: true, Unit: b.per("year")}, OpSum, svcTotals[sn]...)
		b.r.Services = append(b.r.Services, ServiceTotal{Name: sn, Kind: s.Kind(), Title: title(s.Texts, sn), Total: id})
	}
	for c, cat := range sc.Classification.Categories {
		id := b.g.Compute(Node{Name: "category." + cat.Code, Label: "category", Money: true, Unit: b.per("year")}, OpSum, catTotals[c]...)
		b.r.ByCategory = append(b.r.ByCategory, id)
	}
	b.r.Total = b.g.Compute(Node{Name: "total", Label: "total", Money: true, Unit: b.per("year")}, OpSum, muniTotals...)
	b.r.plan = b.planProjection()
	b.r.Warnings = append(b.r.Warnings, b.r.plan.problems...)
	return b.r
}

// one returns the constant 1, a leaf added the first time a figure needs it.
func (b *builder) one() NodeID {
	if id, ok := b.g.Lookup("const.one"); ok {
		return id
	}
	return b.g.Input(Node{Name: "const.one", Label: "one", Leaf: &Leaf{Raw: "1", Provenance: models.Provenance{Assumption: "constant"}}}, decimal.NewFromInt(1))
}

// per returns a money unit such as "EUR/child-year".
func (b *builder) per(what string) string { return b.g.Currency + "/" + what }

func title(tx models.Texts, fallback string) models.Phrase {
	if t := tx["title"]; t.Set {
		return t.Phrase()
	}
	return models.P(fallback)
}

// input returns the node for one numeric field as it applies in municipality
// m: the parameter it names (the municipality's own value first), or a leaf
// named name holding the literal or the format's default.
func (b *builder) input(t *models.Table, in models.Inputs, key string, m *models.Municipality, name, unit string) NodeID {
	f, _ := t.Number(key)
	i := in.Get(t, key)
	money := f.Spec.Kind == models.Money
	if i.Ref != "" {
		id := b.param(i.Ref, m, money, unit)
		if l := b.g.Nodes[id].Leaf; l.Class == "" {
			l.Class = models.UprateClasses[key] // a parameter moves as the first key that uses it
		}
		if l := b.g.Nodes[id].Leaf; l.Uprate == "" && i.Uprate.Set {
			// { value = "PARAM", uprate = "RULE" }: the rule moves the
			// parameter (Validate refuses two uses that disagree).
			l.Uprate = i.Uprate.S
		}
		if l := b.g.Nodes[id].Leaf; l.Spec.Kind == 0 {
			l.Spec = f.Spec
		}
		return id
	}
	return b.g.Input(Node{Name: name, Label: key, Unit: unit, Money: money,
		Leaf: &Leaf{Raw: i.Raw, Pos: i.Pos, Provenance: i.Provenance, Spec: f.Spec, Class: models.UprateClasses[key], Uprate: i.Uprate.S, Range: i.Range}}, i.Value)
}

// param returns the leaf of parameter name as it applies in m, adding it the
// first time it is used.
func (b *builder) param(name string, m *models.Municipality, money bool, unit string) NodeID {
	p, _ := b.sc.Parameter(m, name)
	fig := "params." + name
	if m != nil && m.Parameters[name] != nil {
		fig = m.Name + ".params." + name
	}
	if id, ok := b.params[fig]; ok {
		return id
	}
	if p.Input.Unit != "" {
		unit = p.Input.Unit
	}
	id := b.g.Input(Node{Name: fig, Label: name, Unit: unit, Money: money,
		Leaf: &Leaf{Raw: p.Input.Raw, Pos: p.Input.Pos, Param: name, Provenance: p.Input.Provenance, Uprate: p.Input.Uprate.S, Range: p.Input.Range}}, p.Input.Value)
	b.params[fig] = id
	return id
}

// overrides reports whether municipality m sets a parameter that in uses.
func overrides(m *models.Municipality, in models.Inputs) bool {
	if m == nil {
		return false
	}
	for _, i := range in {
		if i.Ref != "" && m.Parameters[i.Ref] != nil {
			return true
		}
	}
	return false
}

// role returns the cost of one post of role name as it applies in m. A role
// is costed once for the scenario, and again for a municipality only where
// that municipality's parameters change one of its inputs.
func (b *builder) role(name string, m *models.Municipality) *RoleResult {
	r := b.sc.Roles[name]
	if !overrides(m, r.In) {
		m = nil
	}
	prefix := "roles." + name + "."
	key := name
	if m != nil {
		prefix = m.Name + "." + prefix
		key = m.Name + "." + name
	}
	if rr, ok := b.roles[key]; ok {
		return rr
	}
	in := func(k, unit string) NodeID { return b.input(models.RoleTable, r.In, k, m, prefix+k, unit) }
	money := func(fig, label, unit string, op Op, args ...NodeID) NodeID {
		return b.g.Compute(Node{Name: prefix + fig, Label: label, Unit: unit, Money: true}, op, args...)
	}
	qty := func(fig, label, unit string, op Op, args ...NodeID) NodeID {
		return b.g.Compute(Node{Name: prefix + fig, Label: label, Unit: unit}, op, args...)
	}
	cur := b.g.Currency
	rr := &RoleResult{Name: name, Title: title(r.Texts, name)}
	if m != nil {
		rr.Municipality = m.Name
	}
	salary := money("annual_salary", "annual_salary", cur+"/year", OpMul, in("monthly_gross", cur+"/month"), in("salary_months", "months/year"))
	rr.AnnualGross = money("annual_gross", "annual_gross", cur+"/year", OpSum, salary, in("annual_allowances", cur+"/year"))
	rr.OnCosts = money("on_costs", "on_costs", cur+"/year", OpMul, rr.AnnualGross, in("employer_contribution", "share"))
	rr.EmploymentCost = money("employment_cost", "employment_cost", cur+"/year", OpSum, rr.AnnualGross, rr.OnCosts)
	rr.Overheads = money("overheads", "overheads", cur+"/year", OpMul, rr.EmploymentCost, in("overhead_rate", "share"))
	rr.Capital = money("capital", "capital", cur+"/year", OpAnnuity, in("capital_value", cur), in("capital_rate", "share"), in("capital_years", "years"))
	rr.AnnualCostPerFTE = money("annual_cost_per_fte", "annual_cost_per_fte", cur+"/FTE-year", OpSum, rr.EmploymentCost, rr.Overheads, rr.Capital)
	rr.ProductiveWeeks = qty("productive_weeks", "productive_weeks", "weeks/year", OpSub,
		in("weeks_per_year", "weeks/year"), in("leave_weeks", "weeks/year"), in("holiday_weeks", "weeks/year"),
		in("sickness_weeks", "weeks/year"), in("training_weeks", "weeks/year"))
	rr.ProductiveHours = qty("productive_hours", "productive_hours", "hours/year", OpMul, rr.ProductiveWeeks, in("hours_per_week", "hours/week"))
	share := in("client_related_share", "share")
	rr.ClientHours = qty("client_hours", "client_hours", "hours/year", OpMul, rr.ProductiveHours, share)
	rr.CostPerHour = money("cost_per_hour", "cost_per_hour", cur+"/hour", OpDiv, rr.AnnualCostPerFTE, rr.ProductiveHours)
	rr.CostPerClientHour = money("cost_per_client_hour", "cost_per_client_hour", cur+"/client-hour", OpDiv, rr.CostPerHour, share)
	b.roles[key] = rr
	b.r.Roles = append(b.r.Roles, *rr)
	return rr
}

// municipality costs every service in m and sums them by category.
func (b *builder) municipality(m *models.Municipality) MunicipalityResult {
	mr := MunicipalityResult{Name: m.Name, Title: m.Title(), Population: -1, PerInhabitant: -1}
	if m.In.Has("population") {
		mr.Population = b.input(models.MunicipalityTable, m.In, "population", m, m.Name+".population", "inhabitants")
	}
	ncat := len(b.sc.Classification.Categories)
	cats := make([][]NodeID, ncat)
	var totals []NodeID
	// Every service's lines first, then the central costs they share, then
	// their unit costs and totals, which include what they were allocated.
	var sbs []*serviceBuilder
	for _, sn := range b.sc.ServiceNames() {
		s := b.sc.Services[sn].Effective(m)
		if !s.Provided() {
			continue
		}
		sb := &serviceBuilder{builder: b, m: m, mr: &mr, s: s, t: s.Table(), prefix: m.Name + "." + sn + "."}
		sb.lines()
		sbs = append(sbs, sb)
	}
	b.allocate(m, sbs)
	for _, sb := range sbs {
		sr := sb.finish()
		for _, l := range sr.Lines {
			if l.Budgeted {
				cats[l.Category] = append(cats[l.Category], l.Node)
			}
		}
		totals = append(totals, sr.Total)
		mr.Services = append(mr.Services, sr)
	}
	b.ratios(&mr)
	for c, cat := range b.sc.Classification.Categories {
		mr.ByCategory = append(mr.ByCategory, b.g.Compute(Node{Name: m.Name + ".category." + cat.Code, Label: "category", Money: true, Unit: b.per("year")}, OpSum, cats[c]...))
	}
	mr.Total = b.g.Compute(Node{Name: m.Name + ".total", Label: "total", Money: true, Unit: b.per("year")}, OpSum, totals...)
	mr.PerInhabitant = -1
	if mr.Population >= 0 {
		mr.PerInhabitant = b.g.Compute(Node{Name: m.Name + ".per_inhabitant", Label: "inhabitant", Money: true, Unit: b.per("inhabitant-year")}, OpDiv, mr.Total, mr.Population)
	}
	return mr
}

// serviceBuilder costs one service in one municipality.
type serviceBuilder struct {
	*builder
	m      *models.Municipality
	mr     *MunicipalityResult
	s      *models.Service
	t      *models.Table
	prefix string
	sr     ServiceResult
	cases  map[string]NodeID // caseload category → its cases node
	// family care: its children, unit blocks and their elements
	children      NodeID
	unitBlocks    []NodeID
	blockElements []string
	// other kinds: the annual blocks unit costs divide, and each measure's volume
	blocks      []block
	measureVols map[string]NodeID
	vols        map[string]NodeID // named volumes, and "per:BASIS" → the volume a line per BASIS multiplies
	ownLines    int               // the service's own lines, before central costs add their shares
}

func (sb *serviceBuilder) in(key, unit string) NodeID {
	id := sb.input(sb.t, sb.s.In, key, sb.m, sb.prefix+key, unit)
	if sb.sr.Inputs == nil {
		sb.sr.Inputs = map[string]NodeID{}
	}
	sb.sr.Inputs[key] = id
	return id
}

func (sb *serviceBuilder) money(fig, label, unit string, op Op, args ...NodeID) NodeID {
	return sb.g.Compute(Node{Name: sb.prefix + fig, Label: label, Unit: unit, Money: true}, op, args...)
}

func (sb *serviceBuilder) qty(fig, label, unit string, op Op, args ...NodeID) NodeID {
	return sb.g.Compute(Node{Name: sb.prefix + fig, Label: label, Unit: unit}, op, args...)
}

// line records an annual line of element, budgeted unless fundedBy names the
// service whose budget pays it.
func (sb *serviceBuilder) line(id NodeID, element string, fundedBy models.Phrase) {
	cat, ok := sb.sc.Classification.CategoryOf(element)
	if !ok {
		panic(fmt.Sprintf("costing: element %s in no category of %s", element, sb.sc.Classification.Name))
	}
	sb.sr.Lines = append(sb.sr.Lines, Line{Node: id, Element: element, Category: cat, Budgeted: fundedBy.S == "", FundedBy: fundedBy})
}

// lines builds a service's annual lines: the first phase of costing it.
func (sb *serviceBuilder) lines() {
	s := sb.s
	sb.sr = ServiceResult{Name: s.Name, Kind: s.Kind(), Title: title(s.Texts, s.Name), Memo: -1, Children: -1, Capacity: -1, OpenUnits: -1, UnitsNeeded: -1, UnitCapacity: -1}
	sb.cases = map[string]NodeID{}
	sb.vols, sb.measureVols = map[string]NodeID{}, map[string]NodeID{}
	switch sb.t.Method {
	case models.UnitFirst:
		sb.unitFirst()
	default:
		sb.byMeasures()
	}
	sb.ownLines = len(sb.sr.Lines)
}

// finish builds a service's unit costs, totals and comparison from its
// lines, shared central costs included: the second phase of costing it.
func (sb *serviceBuilder) finish() ServiceResult {
	if sb.t.Method == models.UnitFirst {
		// The kind's one measure: the child-year its blocks are costed per.
		m := sb.t.Measures[0]
		unit := sb.money("unit_cost", "unit_cost", sb.per(strings.ReplaceAll(m.Key, "_", "-")), OpSum, sb.unitBlocks...)
		sb.sr.UnitCosts = append([]UnitCost{{Measure: m.Key, Volume: sb.children, Cost: unit, Blocks: sb.unitBlocks}}, sb.sr.UnitCosts...)
	} else {
		for _, m := range sb.t.Measures {
			if id, ok := sb.measureVols[m.Key]; ok && !m.NoUnit {
				sb.unitCosts(m.Key, id, sb.blocks)
			}
		}
	}
	var budgeted, memo []NodeID
	for _, l := range sb.sr.Lines {
		if l.Budgeted {
			budgeted = append(budgeted, l.Node)
		} else {
			memo = append(memo, l.Node)
		}
	}
	sb.sr.Total = sb.money("total", "service_total", sb.per("year"), OpSum, budgeted...)
	sb.sr.FullCost = sb.sr.Total
	if len(memo) > 0 {
		sb.sr.Memo = sb.money("memo_total", "memo_total", sb.per("year"), OpSum, memo...)
		sb.sr.FullCost = sb.money("full_cost", "full_cost", sb.per("year"), OpSum, sb.sr.Total, sb.sr.Memo)
	}
	if sb.t.Leaves {
		sb.sr.Children, sb.sr.Capacity, sb.sr.OpenUnits = sb.vols["children"], sb.vols["capacity"], sb.vols["open_units"]
		sb.sr.UnitsNeeded, sb.sr.UnitCapacity = sb.vols["units_needed"], sb.vols["unit_capacity"]
	}
	sb.compare()
	return sb.sr
}
