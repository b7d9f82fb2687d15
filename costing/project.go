package costing

import (
	"fmt"
	"slices"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A projection evaluates the same graph once for each year of the horizon,
// with only its leaves moved: pay by the wage path, prices by the price path,
// allowances by their own rule, volumes by a demand path or a transition
// plan. Every other figure follows from its inputs in dependency order, so
// nothing is uprated twice or out of order, and every year's figures can be
// explained like the base year's (docs/METHOD.md §8).

// A Projection is a result evaluated for each year of its horizon.
type Projection struct {
	Result *Result
	Years  []int
	Values []Values // one evaluation per year
}

// Value returns a figure's value in year index k of the horizon.
func (p *Projection) Value(k int, id NodeID) (decimal.Decimal, bool) { return p.Values[k].Get(id) }

// At returns a figure's value in year index k of the horizon, or in the
// base year when k < 0.
func (p *Projection) At(k int, id NodeID) (decimal.Decimal, bool) {
	if k < 0 {
		return p.Result.Value(id)
	}
	return p.Value(k, id)
}

// A TransitionYear is a transition plan's figures in one year, each derived
// from figures of the graph in that year and in the base year: what the
// service children leave costs, what the services they go to and the
// programme cost (memo lines included: what the care costs, whoever pays),
// what closures free against the base year and how much is reassigned to
// the new services, and whether both systems are paid for.
type TransitionYear struct {
	Children, OpenUnits             decimal.Decimal
	FromCost, ToCost, ProgrammeCost decimal.Decimal
	Freed                           decimal.Decimal // the service's cost in the base year less this year's; 0 in the base year
	Reassigned                      decimal.Decimal // what the services children go to and the programme cost more than in the base year; 0 in the base year
	// DoubleRunning: the service still has units open while the services
	// children go to have grown — the institution and the new care are both paid for.
	DoubleRunning bool
}

// Year returns the plan's figures in year index k of the projection p, or
// in the base year when k < 0.
func (t *TransitionResult) Year(p *Projection, k int) TransitionYear {
	at := func(k int, id NodeID) decimal.Decimal { d, _ := p.At(k, id); return d }
	to := func(k int) decimal.Decimal {
		d := decimal.Zero
		for _, s := range t.To {
			d = d.Add(at(k, s.FullCost))
		}
		return d
	}
	programme := func(k int) decimal.Decimal {
		if t.Programme == nil {
			return decimal.Zero
		}
		return at(k, t.Programme.FullCost)
	}
	y := TransitionYear{Children: at(k, t.From.Children), OpenUnits: at(k, t.From.OpenUnits),
		FromCost: at(k, t.From.FullCost), ToCost: to(k), ProgrammeCost: programme(k)}
	if k >= 0 {
		y.Freed = at(-1, t.From.FullCost).Sub(y.FromCost)
		y.Reassigned = y.ToCost.Sub(to(-1)).Add(y.ProgrammeCost.Sub(programme(-1)))
		y.DoubleRunning = y.OpenUnits.Sign() > 0 && y.ToCost.GreaterThan(to(-1))
	}
	return y
}

// A move says how one leaf changes from the base year: by a cumulative index
// (a growth path), or to a level in each year.
type move struct {
	leaf   NodeID
	path   string                  // the growth path that indexes it ("" for levels)
	index  map[int]decimal.Decimal // year → value ÷ base value
	levels map[int]decimal.Decimal // year → value
}

// plan is what a projection needs from the scenario, resolved when the graph
// is built.
type plan struct {
	base     int
	years    []int
	discount decimal.Decimal
	moves    []move
	rates    map[string]map[int]decimal.Decimal // growth path → year → rate, from the year after the base
	problems models.Problems
}

// planProjection resolves how every leaf moves over the horizon.
func (b *builder) planProjection() *plan {
	sc := b.sc
	p := &plan{base: int(sc.Meta.BaseYear.Value.IntPart()), years: sc.Horizon(),
		discount: sc.Projection.In.Get(models.ProjectionTable, "discount_rate").Value,
		rates:    map[string]map[int]decimal.Decimal{}}
	if len(p.years) == 0 {
		return p // no horizon: Validate refuses such a scenario
	}
	pl := &planner{b: b, p: p, indexes: map[string]map[int]decimal.Decimal{}}
	b.planTransition(p, pl.leafMoves())
	return p
}

// A planner resolves the moves of one projection's leaves.
type planner struct {
	b       *builder
	p       *plan
	indexes map[string]map[int]decimal.Decimal // growth path → year → cumulative index
}

// leafMoves plans a move for every leaf whose rule — its own uprate, or
// its class's — names a path, and returns the leaves it moves.
func (pl *planner) leafMoves() map[NodeID]bool {
	sc := pl.b.sc
	classRule := map[string]string{
		models.UpratePay:       models.RuleWages,
		models.UpratePrice:     models.RulePrices,
		models.UprateAllowance: sc.Projection.Texts.Get(models.ProjectionTable, "allowances").S,
	}
	moved := map[NodeID]bool{}
	for i := range pl.b.g.Nodes {
		n := &pl.b.g.Nodes[i]
		if n.Op != OpInput || n.Leaf == nil {
			continue
		}
		r := n.Leaf.Uprate
		if r == "" {
			r = classRule[n.Leaf.Class]
		}
		name, ix, lv := pl.rule(r)
		if ix != nil || lv != nil {
			pl.p.moves = append(pl.p.moves, move{leaf: NodeID(i), path: name, index: ix, levels: lv})
			moved[NodeID(i)] = true
		}
	}
	return moved
}

// rule resolves an uprate rule to the growth path that indexes a leaf (its
// name and index) or the levels that replace it; neither for a leaf that
// stays at the base year's value.
func (pl *planner) rule(r string) (name string, index, levels map[int]decimal.Decimal) {
	sc := pl.b.sc
	switch r {
	case "", models.RuleFrozen:
		return "", nil, nil
	case models.RulePrices, models.RuleWages:
		if r = sc.Projection.Texts[r].S; r == "" {
			return "", nil, nil
		}
	}
	path, ok := sc.Paths[r]
	switch {
	case !ok:
		return "", nil, nil
	case path.Levels != nil:
		lv := map[int]decimal.Decimal{}
		for y, i := range path.Levels {
			lv[y] = i.Value
		}
		return "", nil, lv
	}
	return path.Name, pl.index(path), nil
}

// index returns a growth path's cumulative index by year — 1 in the base
// year, times (1 + rate) each year after — to the end of the horizon, and
// records its rates.
func (pl *planner) index(path *models.Path) map[int]decimal.Decimal {
	if ix, ok := pl.indexes[path.Name]; ok {
		return ix
	}
	p := pl.p
	ix := map[int]decimal.Decimal{p.base: decimal.NewFromInt(1)}
	rates := map[int]decimal.Decimal{}
	cum := decimal.NewFromInt(1)
	for y := p.base + 1; y <= p.years[len(p.years)-1]; y++ {
		rate := path.In["rate"].Value
		if r, ok := path.Rates[y]; ok {
			rate = r.Value
		}
		rates[y] = rate
		cum = cum.Mul(decimal.NewFromInt(1).Add(rate))
		ix[y] = cum
	}
	pl.indexes[path.Name] = ix
	p.rates[path.Name] = rates
	return ix
}

// planTransition turns a transition plan into levels of the leaves it moves:
// the children of the service they leave, and of the services they go to
// (with new placements for family care), the units open, and the leavers of
// the transition programme. Children leave at the start of the year they are
// written under.
func (b *builder) planTransition(p *plan, moved map[NodeID]bool) {
	t := b.sc.Transition
	if !t.Set || len(b.r.Municipalities) != 1 {
		return
	}
	tp := &transitionPlan{b: b, t: t, m: &b.r.Municipalities[0], levels: map[NodeID]map[int]decimal.Decimal{}}
	from := tp.find(t.Texts["from"].S)
	if from == nil {
		return
	}
	b.r.Transition = tp.result(from)
	tp.plan(p.years)
	tp.merge(p, moved)
}

// A transitionPlan is the levels a transition plan sets, leaf by leaf and
// year by year, in its one municipality.
type transitionPlan struct {
	b      *builder
	t      models.Transition
	m      *MunicipalityResult
	tr     *TransitionResult
	levels map[NodeID]map[int]decimal.Decimal
}

// find returns the municipality's costed service of that name, or nil.
func (tp *transitionPlan) find(name string) *ServiceResult {
	for i := range tp.m.Services {
		if tp.m.Services[i].Name == name {
			return &tp.m.Services[i]
		}
	}
	return nil
}

func (tp *transitionPlan) set(id NodeID, y int, d decimal.Decimal) {
	if _, ok := tp.levels[id]; !ok {
		tp.levels[id] = map[int]decimal.Decimal{}
	}
	tp.levels[id][y] = d
}

func (tp *transitionPlan) base(id NodeID) decimal.Decimal { return tp.b.g.base[id] }

// result names the services the plan moves children between: the one they
// leave, the programme, and where they go, in the order the plan first
// sends children to each.
func (tp *transitionPlan) result(from *ServiceResult) *TransitionResult {
	tr := &TransitionResult{From: from, Programme: tp.find(tp.t.Texts["programme"].S)}
	seen := map[string]bool{}
	for _, y := range models.SortedYears(tp.t.Leavers) {
		for _, dest := range models.Sorted(tp.t.Leavers[y]) {
			if s := tp.find(dest); s != nil && !seen[dest] {
				seen[dest] = true
				tr.To = append(tr.To, s)
			}
		}
	}
	tp.tr = tr
	return tr
}

// plan sets, each year of the horizon, the children left in the service
// they leave, those arrived in each destination (and family care's new
// placements), the units the plan keeps open and the programme's leavers.
func (tp *transitionPlan) plan(years []int) {
	t, from := tp.t, tp.tr.From
	leaving := decimal.Zero
	arrived := map[string]decimal.Decimal{}
	// A service has an input only where its graph uses it (leavers only
	// with costs per leaver): a missing one must not be mistaken for node 0.
	kept, hasKept := from.Inputs["units_kept_open"]
	// Every unit stays open until the plan closes it: a unit's fixed costs
	// stop only in the year the scenario closes it.
	open := tp.base(from.Inputs["units"])
	for _, y := range years {
		thisYear := decimal.Zero
		for _, dest := range models.Sorted(t.Leavers[y]) {
			n := t.Leavers[y][dest].Value
			thisYear = thisYear.Add(n)
			arrived[dest] = arrived[dest].Add(n)
		}
		leaving = leaving.Add(thisYear)
		tp.set(from.Inputs["children"], y, tp.base(from.Inputs["children"]).Sub(leaving))
		tp.arrivals(y, arrived)
		if u, ok := t.Units[y]; ok {
			open = u.Value
		}
		if hasKept {
			tp.set(kept, y, open)
		}
		if pg := tp.tr.Programme; pg != nil {
			if id, ok := pg.Inputs[models.ServiceTables[pg.Kind].Leavers]; ok {
				tp.set(id, y, thisYear)
			}
		}
	}
}

// arrivals sets year y's levels of the services children go to: each
// receives all who have arrived so far, and family care counts this year's
// arrivals as new placements on top of its own (a year without arrivals
// keeps its own).
func (tp *transitionPlan) arrivals(y int, arrived map[string]decimal.Decimal) {
	for _, dest := range models.Sorted(arrived) {
		s := tp.find(dest)
		if s == nil {
			continue // reunification: home, without a service
		}
		t := models.ServiceTables[s.Kind]
		if np, ok := s.Inputs[t.Placements]; ok {
			tp.set(np, y, tp.base(np).Add(tp.t.Leavers[y][dest].Value))
		}
		if id, ok := receiving(s); ok {
			tp.set(id, y, tp.base(id).Add(arrived[dest]))
		}
	}
}

// merge adds the plan's levels to the projection's moves, in graph order:
// where an uprate rule moves a leaf the plan also sets, the plan wins, and
// the result says so.
func (tp *transitionPlan) merge(p *plan, moved map[NodeID]bool) {
	ids := make([]NodeID, 0, len(tp.levels))
	for id := range tp.levels {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		lv := tp.levels[id]
		if !moved[id] {
			p.moves = append(p.moves, move{leaf: id, levels: lv})
			continue
		}
		n := &tp.b.g.Nodes[id]
		p.problems.Add(n.Leaf.Pos, "", "%s is moved both by an uprate rule and by the transition plan; the plan wins", n.Name)
		for k := range p.moves {
			if p.moves[k].leaf == id {
				p.moves[k] = move{leaf: id, levels: lv}
			}
		}
	}
}

// receiving returns the input a service takes children in by, its kind's
// Receives: children for family and residential care, families for a
// community centre, places for a day centre.
func receiving(s *ServiceResult) (NodeID, bool) {
	id, ok := s.Inputs[models.ServiceTables[s.Kind].Receives]
	return id, ok
}

// Project evaluates the result's graph for every year of its horizon. Each
// year starts from the base year's evaluation and recomputes only what the
// moved leaves reach.
func (r *Result) Project() *Projection { return r.ProjectFrom(r.Values, nil) }

// ProjectFrom projects from v, an evaluation of the result's graph whose
// leaves may differ from the scenario's (a tornado's swing, a switching
// value's trial), with the yearly rates of growth paths replaced where
// rates gives them (path → year → rate; nil keeps the scenario's): a moved
// leaf follows its path from v's value.
func (r *Result) ProjectFrom(v Values, rates map[string]map[int]decimal.Decimal) *Projection {
	p := r.plan
	pr := &Projection{Result: r, Years: p.years}
	leaves := make([]NodeID, len(p.moves))
	for k, mv := range p.moves {
		leaves[k] = mv.leaf
	}
	index := map[string]map[int]decimal.Decimal{}
	for name, rs := range rates {
		index[name] = p.indexWith(name, rs)
	}
	reached := r.Graph.Reached(leaves)
	for _, y := range p.years {
		yv := Values{D: append([]decimal.Decimal(nil), v.D...), Undefined: append([]bool(nil), v.Undefined...)}
		for _, mv := range p.moves {
			base := v.D[mv.leaf] // the base year's value, changed inputs and all
			var d decimal.Decimal
			switch {
			case mv.levels != nil:
				lv, ok := mv.levels[y]
				if !ok {
					continue // before the path's first level: the base value
				}
				d = lv
			case index[mv.path] != nil:
				d = base.Mul(index[mv.path][y])
			default:
				d = base.Mul(mv.index[y])
			}
			if r.Graph.Nodes[mv.leaf].Money {
				d = r.Graph.RoundMoney(d)
			}
			yv.D[mv.leaf] = d
		}
		r.Graph.EvalReached(yv, reached)
		pr.Values = append(pr.Values, yv)
	}
	return pr
}

// indexWith is growth path name's cumulative index by year with the rates
// of some years replaced by those in over.
func (p *plan) indexWith(name string, over map[int]decimal.Decimal) map[int]decimal.Decimal {
	one := decimal.NewFromInt(1)
	ix := map[int]decimal.Decimal{p.base: one}
	cum := one
	for y := p.base + 1; len(p.years) > 0 && y <= p.years[len(p.years)-1]; y++ {
		rate := p.rates[name][y]
		if o, ok := over[y]; ok {
			rate = o
		}
		cum = cum.Mul(one.Add(rate))
		ix[y] = cum
	}
	return ix
}

// Versus is one scenario against another over the same horizon: each
// year's totals, the difference (variant − base), its running sum, its
// present value at the variant's discount rate, and the break-even year.
type Versus struct {
	Base, Variant *Projection
	Years         []int
	BaseTotal     []decimal.Decimal
	VariantTotal  []decimal.Decimal
	Difference    []decimal.Decimal
	Cumulative    []decimal.Decimal
	DiscountRate  decimal.Decimal
	NPV           decimal.Decimal // Σ difference ÷ (1 + rate)^(year − first year), rounded to the minor unit
	BreakEven     int             // the first year from which the running difference stays at or below zero; 0 when none within the horizon
}

// Compare projects two results and sets them side by side. They must share a
// currency and a horizon.
func Compare(base, variant *Result) (*Versus, error) {
	if base.Scenario.Currency != variant.Scenario.Currency {
		return nil, fmt.Errorf("the scenarios are in different currencies (%s and %s)", base.Scenario.Currency, variant.Scenario.Currency)
	}
	return CompareProjections(base.Project(), variant.Project())
}

// CompareProjections sets two projections side by side, as Compare does:
// a tornado or a switching value compares projections from changed inputs.
func CompareProjections(bp, vp *Projection) (*Versus, error) {
	return CompareProjectionsAt(bp, vp, vp.Result.plan.discount)
}

// CompareProjectionsAt is CompareProjections at another discount rate: a
// tornado or a switching value moves the rate too.
func CompareProjectionsAt(bp, vp *Projection, rate decimal.Decimal) (*Versus, error) {
	base, variant := bp.Result, vp.Result
	if base.Scenario.Currency != variant.Scenario.Currency {
		return nil, fmt.Errorf("the scenarios are in different currencies (%s and %s)", base.Scenario.Currency, variant.Scenario.Currency)
	}
	if fmt.Sprint(bp.Years) != fmt.Sprint(vp.Years) {
		return nil, fmt.Errorf("the scenarios have different horizons (%d–%d and %d–%d); compare scenarios with the same [projection]",
			bp.Years[0], bp.Years[len(bp.Years)-1], vp.Years[0], vp.Years[len(vp.Years)-1])
	}
	vs := &Versus{Base: bp, Variant: vp, Years: bp.Years, DiscountRate: rate}
	one := decimal.NewFromInt(1)
	cum, npv := decimal.Zero, decimal.Zero
	for k := range bp.Years {
		b, okb := bp.Value(k, base.Total)
		v, okv := vp.Value(k, variant.Total)
		if !okb || !okv {
			name := base.Scenario.Name
			if okb {
				name = variant.Scenario.Name
			}
			return nil, fmt.Errorf("%s has no total in %d: a figure it adds is undefined (a division by zero); kosto project %s shows which", name, bp.Years[k], name)
		}
		d := v.Sub(b)
		cum = cum.Add(d)
		factor := one.Add(vs.DiscountRate).Pow(decimal.NewFromInt(int64(k)))
		npv = npv.Add(d.DivRound(factor, 16))
		vs.BaseTotal = append(vs.BaseTotal, b)
		vs.VariantTotal = append(vs.VariantTotal, v)
		vs.Difference = append(vs.Difference, d)
		vs.Cumulative = append(vs.Cumulative, cum)
	}
	vs.NPV = base.Graph.RoundMoney(npv)
	for k := len(vs.Cumulative) - 1; k >= 0 && vs.Cumulative[k].Sign() <= 0; k-- {
		vs.BreakEven = vs.Years[k]
	}
	return vs, nil
}

// A Move says how a projection moves one input: indexed by a growth path,
// or set to a level in each year (a levels path, or a transition plan).
type Move struct {
	Leaf   NodeID
	Path   string                  // the growth path; "" when Levels
	Levels map[int]decimal.Decimal // year → value
}

// Moves lists how the projection moves the graph's inputs.
func (r *Result) Moves() []Move {
	out := make([]Move, len(r.plan.moves))
	for k, mv := range r.plan.moves {
		out[k] = Move{Leaf: mv.leaf, Path: mv.path, Levels: mv.levels}
	}
	return out
}

// Horizon returns the base year and the years of the projection.
func (r *Result) Horizon() (base int, years []int) { return r.plan.base, r.plan.years }

// DiscountRate is the [projection] discount_rate a comparison with this
// result as its variant discounts by.
func (r *Result) DiscountRate() decimal.Decimal { return r.plan.discount }

// Model returns the scenario the result was costed from.
func (r *Result) Model() *models.Scenario { return r.scenario }

// PathRates returns each growth path's rate in every year from the one
// after the base year to the end of the horizon.
func (r *Result) PathRates() map[string]map[int]decimal.Decimal { return r.plan.rates }
