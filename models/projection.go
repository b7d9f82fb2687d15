package models

import (
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// How a projection moves each input from the base year (docs/METHOD.md §8). The
// class of an input is its key's (UprateClasses); a value may name its own
// rule with uprate = "…".
const (
	UpratePay       = "pay"       // with the wage path
	UpratePrice     = "price"     // with the price (CPI) path
	UprateAllowance = "allowance" // by the allowance rule: frozen unless the scenario says otherwise
	UprateVolume    = "volume"    // constant unless a demand path or a transition moves it
)

// Rules a value or [projection] may name besides a path's name.
const (
	RuleFrozen = "frozen" // the base year's value every year
	RulePrices = "prices" // the projection's price path
	RuleWages  = "wages"  // the projection's wage path
)

// UprateClasses gives the class of every key that is uprated; any other key
// (shares, hours, weeks, norms, units) keeps its base-year value.
var UprateClasses = map[string]string{
	"monthly_gross": UpratePay, "annual_allowances": UpratePay,

	"capital_value": UpratePrice, "value": UpratePrice, "amount": UpratePrice,
	"carer_support_per_carer": UpratePrice, "recruitment_per_placement": UpratePrice,
	"assessment_training_per_placement": UpratePrice, "cost_per_person": UpratePrice, "fixed_cost": UpratePrice,

	"monthly_allowance": UprateAllowance, "placement_payment": UprateAllowance, "monthly_amount": UprateAllowance,

	"children": UprateVolume, "new_placements": UprateVolume, "places": UprateVolume, "families": UprateVolume,
	"cases": UprateVolume, "visits": UprateVolume, "beneficiaries": UprateVolume, "population": UprateVolume,
	"leavers": UprateVolume, "target": UprateVolume,
}

// ProjectionTable is the schema of [projection].
var ProjectionTable = &Table{
	Name: "projection",
	Texts: []TextField{
		{Key: "wages", Doc: "the path pay grows by (a [paths] name); none: pay stays at the base year's"},
		{Key: "prices", Doc: "the path prices grow by (a [paths] name, e.g. CPI); none: prices stay at the base year's"},
		{Key: "allowances", Default: RuleFrozen, Doc: "how allowances move: \"frozen\" until a decision, \"prices\", \"wages\", or a path of their own"},
	},
	Numbers: []Field{
		{Key: "start", Spec: Spec{Kind: Quantity, Whole: true}, Doc: "the first year of the horizon, from base_year to 10 years after it (default: the year after base_year)"},
		{Key: "years", Spec: Spec{Kind: Quantity, Positive: true, Whole: true, Max: MaxYears}, Default: "3", Doc: "how many years the horizon has, from 1 to 100"},
		{Key: "discount_rate", Spec: share, Doc: "the yearly rate kosto compare discounts differences by for their net present value"},
	},
}

// PathTable is the schema of [paths.NAME]: a yearly path of growth rates or
// of levels.
var PathTable = &Table{
	Name: "path",
	Texts: []TextField{
		{Key: "title"},
		{Key: "unit"},
		{Key: "source"},
		{Key: "assumption"},
	},
	Numbers: []Field{
		{Key: "rate", Spec: Spec{Kind: Rate}, Doc: "the same growth rate every year (0.03 is 3%, −0.02 a 2% fall), above −1 and at most 1"},
	},
	Tables: []string{"rates", "levels"},
}

// TransitionTable is the schema of [transition]: children leaving a
// residential service year by year, where they go, and when its units close.
var TransitionTable = &Table{
	Name: "transition",
	Texts: []TextField{
		{Key: "title"},
		{Key: "from", Required: true, RefersTo: "service", Doc: "the residential_care or small_group_home service children leave"},
		{Key: "programme", RefersTo: "service", Doc: "a service of kind transition whose leavers are the children leaving each year (reintegration support, one-off costs)"},
	},
	Tables: []string{"leavers", "units"},
}

// Projection is the [projection] table.
type Projection struct {
	Pos   Position
	Set   bool
	Texts Texts
	In    Inputs
}

// A Path is a named yearly path: growth rates (rate, or rates by year) that
// index a value from the base year, or levels by year that replace it.
type Path struct {
	Name   string
	Pos    Position
	Texts  Texts
	In     Inputs
	Rates  map[int]Input
	Levels map[int]Input
}

// Transition is the [transition] table.
type Transition struct {
	Pos     Position
	Set     bool
	Texts   Texts
	Leavers map[int]map[string]Input // year → destination service → children leaving
	Units   map[int]Input            // year → units open from that year on
}

// The years a scenario may name: a base year, a path's or a transition's
// year, a formula's year.
const (
	MinYear = 1990
	MaxYear = 2100
)

// Bounds of a projection's horizon, checked before anything is sized from
// them: a horizon of at most MaxYears years, starting in the base year or at
// most MaxStartAfterBase years after it.
const (
	MaxYears          = 100
	MaxStartAfterBase = 10
)

// Horizon returns the projection's years, or nil when the base year, start
// or years are not ones Validate accepts: nothing is sized from a number
// that has not been checked.
func (sc *Scenario) Horizon() []int {
	base, ok := sc.baseYear()
	if !ok {
		return nil
	}
	start := base + 1
	if i := sc.Projection.In["start"]; i.Set {
		if i.Ref != "" || !i.Value.IsInteger() || i.Value.LessThan(decimal.NewFromInt(int64(base))) || i.Value.GreaterThan(decimal.NewFromInt(int64(base+MaxStartAfterBase))) {
			return nil
		}
		start = int(i.Value.IntPart())
	}
	y := sc.Projection.In.Get(ProjectionTable, "years")
	if y.Ref != "" || !y.Value.IsInteger() || y.Value.Sign() <= 0 || y.Value.GreaterThan(decimal.NewFromInt(MaxYears)) {
		return nil
	}
	years := make([]int, y.Value.IntPart())
	for k := range years {
		years[k] = start + k
	}
	return years
}

// baseYear returns the scenario's base year when it is one Validate accepts.
func (sc *Scenario) baseYear() (int, bool) {
	by := sc.Meta.BaseYear
	if !by.Set || by.Ref != "" || !by.Value.IsInteger() || by.Value.LessThan(decimal.NewFromInt(MinYear)) || by.Value.GreaterThan(decimal.NewFromInt(MaxYear)) {
		return 0, false
	}
	return int(by.Value.IntPart()), true
}

// SortedYears returns the years of a map in order.
func SortedYears[V any](m map[int]V) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// projection checks [projection], [paths] and [transition], and every
// uprate rule, against the horizon.
func (v *validator) projection() {
	sc := v.sc
	p := sc.Projection
	if p.Set {
		v.texts(ProjectionTable, p.Texts, p.Pos, "projection.")
		for _, f := range ProjectionTable.Numbers {
			v.check(ProjectionTable, p.In, f.Key, p.Pos, "projection.", nil)
		}
	}
	base, baseOK := sc.baseYear()
	if i := p.In["start"]; i.Set && baseOK && i.Ref == "" && i.Value.IsInteger() {
		switch {
		case i.Value.LessThan(decimal.NewFromInt(int64(base))):
			v.add(i.Pos, i.Raw, "expected a first year no earlier than base_year (%d): the base year's figures are where a projection starts", base)
		case i.Value.GreaterThan(decimal.NewFromInt(int64(base + MaxStartAfterBase))):
			v.add(i.Pos, i.Raw, "expected a first year from %d to %d: at most %d years after base_year (%d), whose figures a projection moves", base, base+MaxStartAfterBase, MaxStartAfterBase, base)
		}
	}
	years := sc.Horizon()
	for _, k := range []string{"wages", "prices", "allowances"} {
		t := p.Texts[k]
		if !t.Set {
			continue
		}
		v.rule(t, k == "allowances")
		// A path of levels would set every value the rule moves to the
		// same figures: one schedule for all pay, or for every allowance.
		if path, ok := sc.Paths[t.S]; ok && path.Levels != nil {
			v.add(t.Pos, quote(t.S), "expected a path of growth rates: %s moves every %s by it, and a path of levels would set them all to the same figures; give a schedule of levels to one value with uprate = %q", k, strings.TrimSuffix(k, "s"), t.S)
		}
	}
	for _, name := range Sorted(sc.Paths) {
		v.path(sc.Paths[name], years)
	}
	v.transition(years)
}

// rule checks an uprate rule: frozen, prices, wages (when allowed) or a
// path whose years cover the horizon.
func (v *validator) rule(t Text, named bool) {
	if named && (t.S == RuleFrozen || t.S == RulePrices || t.S == RuleWages) {
		return
	}
	if t.S == RuleFrozen {
		return
	}
	if _, ok := v.sc.Paths[t.S]; !ok {
		v.add(t.Pos, quote(t.S), "refers to path %q, which is not defined in [paths]%s", t.S, suggestion(t.S, append(Sorted(v.sc.Paths), RuleFrozen, RulePrices, RuleWages)))
	}
}

// movesAs checks that the path a value's uprate rule names can move a value
// of that spec: the levels of a path of levels are checked as the value is,
// and a share or a whole number cannot follow a path of growth rates, which
// would take a share above 1 or a count of units to a fraction.
func (v *validator) movesAs(rule Text, spec Spec, usedBy string) {
	name := rule.S
	switch name {
	case RuleFrozen:
		return
	case RulePrices, RuleWages:
		name = v.sc.Projection.Texts[name].S
	}
	p, ok := v.sc.Paths[name]
	if !ok {
		return // reported by rule, or no path: nothing moves
	}
	if p.Levels != nil {
		for _, y := range SortedYears(p.Levels) {
			if l := p.Levels[y]; l.Set && l.Ref == "" {
				v.value(l, spec, usedBy)
			}
		}
		return
	}
	switch {
	case spec.Kind == Share:
		v.add(rule.Pos, quote(rule.S), "a share cannot follow a path of growth rates, which could take it above 1; give it a path of levels, each from 0 to 1")
	case spec.Whole:
		v.add(rule.Pos, quote(rule.S), "a whole number cannot follow a path of growth rates, which would make it a fraction; give it a path of levels")
	}
}

func (v *validator) path(p *Path, years []int) {
	prefix := "paths." + p.Name + "."
	if !ValidName(p.Name) {
		v.add(p.Pos, quote(p.Name), "expected a path name of lower-case letters, digits and _, starting with a letter")
	}
	var given []string
	if _, written := p.In["rate"]; written { // written, if not readable (nan)
		given = append(given, "rate")
	}
	if p.Rates != nil {
		given = append(given, "["+prefix+"rates]")
	}
	if p.Levels != nil {
		given = append(given, "["+prefix+"levels]")
	}
	switch {
	case len(given) == 0:
		v.add(p.Pos, "", "missing: a path needs rate, [%srates] or [%slevels]", prefix, prefix)
		return
	case len(given) > 1:
		v.add(p.Pos, "", "expected one of rate, [%srates] or [%slevels]; this path gives %s", prefix, prefix, joinAnd(given))
		return
	}
	if p.Rates != nil {
		v.pathYears(p, "rates", p.Rates, years, Spec{Kind: Rate})
	}
	if p.Levels != nil {
		v.pathYears(p, "levels", p.Levels, years, Spec{Kind: Quantity})
	}
	if i, ok := p.In["rate"]; ok && i.Set {
		f, _ := PathTable.Number("rate")
		v.literal(i, f.Spec)
	}
}

// pathYears checks a path's rates or levels by year: one for every year it
// must cover, each a number of spec. Levels cover the horizon; rates run
// from the year after the base year to its end, since a growth path indexes
// the base year's value and cannot index the years before its first rate.
func (v *validator) pathYears(p *Path, what string, m map[int]Input, years []int, spec Spec) {
	base := int(v.sc.Meta.BaseYear.Value.IntPart())
	var missing []string
	if what == "rates" {
		for y := base + 1; len(years) > 0 && y < years[0]; y++ {
			if _, ok := m[y]; !ok {
				missing = append(missing, strconv.Itoa(y))
			}
		}
	}
	for _, y := range years {
		if _, ok := m[y]; !ok && (what == "levels" || y > base) {
			missing = append(missing, strconv.Itoa(y))
		}
	}
	if len(missing) > 0 {
		v.add(Position{File: p.Pos.File, Line: p.Pos.Line, Key: "paths." + p.Name + "." + what}, "", "the path is shorter than the horizon %d–%d: it has no value for %s", years[0], years[len(years)-1], joinList(missing))
	}
	for _, y := range SortedYears(m) {
		v.literal(m[y], spec)
	}
}

// literal checks a number that must be written as one: a path's rates and
// levels and a transition's children and units are read as written, not
// through [parameters].
func (v *validator) literal(i Input, spec Spec) {
	if !i.Set {
		return
	}
	if i.Ref != "" {
		v.add(i.Pos, i.Raw, "expected a number: the rates and levels of a path and the figures of a transition plan are written as numbers, not as names of parameters")
		return
	}
	v.value(i, spec, "")
}

// joinAnd joins words as a sentence does: "a and b", "a, b and c".
func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return joinList(xs)
	}
	return joinList(xs[:len(xs)-1]) + " and " + xs[len(xs)-1]
}

func joinList(xs []string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}

// transition checks a transition plan: a service children leave (one with
// units), a programme of the right kind, destinations that can receive
// children, years inside the horizon, and — in its one municipality —
// services that are provided there. What only the figures show (no more
// children leaving than are there, no unit closing with children in it) is
// checked on the engine's figures, year by year (costing.Result.Check).
func (v *validator) transition(years []int) {
	t := v.sc.Transition
	if !t.Set {
		return
	}
	v.texts(TransitionTable, t.Texts, t.Pos, "transition.")
	from, ok := v.transitionKinds()
	v.transitionYears(years)
	if !ok || len(v.sc.Municipalities) != 1 {
		if ok {
			v.add(t.Pos, "", "a transition plan is for a scenario of one municipality; this one has %d", len(v.sc.Municipalities))
		}
		return
	}
	var m *Municipality
	for _, x := range v.sc.Municipalities {
		m = x
	}
	v.transitionProvided(from, m)
}

// transitionKinds checks the kinds of the services the plan names: the one
// children leave, which it returns (ok false when it cannot be followed),
// and the programme.
func (v *validator) transitionKinds() (from *Service, ok bool) {
	t := v.sc.Transition
	from, ok = v.sc.Services[t.Texts["from"].S]
	if ok && (from.Table() == nil || !from.Table().Leaves) {
		v.add(t.Texts["from"].Pos, quote(t.Texts["from"].S), "expected a %s service; %s is a %s service", orList(KindsWith(func(t *Table) bool { return t.Leaves })), from.Name, from.Kind())
		ok = false
	}
	if pg := t.Texts["programme"]; pg.Set {
		if s, found := v.sc.Services[pg.S]; found && (s.Table() == nil || s.Table().Leavers == "") {
			v.add(pg.Pos, quote(pg.S), "expected a service of kind %s; %s is a %s service", orList(KindsWith(func(t *Table) bool { return t.Leavers != "" })), s.Name, s.Kind())
		}
	}
	return from, ok
}

// transitionYears checks the plan's leavers and units year by year: inside
// the horizon, written as numbers, sent where children can be received.
func (v *validator) transitionYears(years []int) {
	t := v.sc.Transition
	// Without a horizon (its start or years are refused) years cannot be
	// placed in it; that problem is reported once, at the projection.
	outside := func(y int) bool { return len(years) > 0 && (y < years[0] || y > years[len(years)-1]) }
	for _, y := range SortedYears(t.Leavers) {
		for _, dest := range Sorted(t.Leavers[y]) {
			i := t.Leavers[y][dest]
			if outside(y) {
				v.add(i.Pos, i.Raw, "children leaving in %d, outside the horizon %d–%d", y, years[0], years[len(years)-1])
			}
			v.literal(i, Spec{Kind: Quantity})
			v.destination(dest, i)
		}
	}
	for _, y := range SortedYears(t.Units) {
		i := t.Units[y]
		if outside(y) {
			v.add(i.Pos, i.Raw, "units open from %d, outside the horizon %d–%d", y, years[0], years[len(years)-1])
		}
		v.literal(i, Spec{Kind: Quantity, Whole: true})
	}
}

// destination checks where the plan sends children: a service of the
// scenario that can receive them, other than the one they leave, or home
// ("reunification").
func (v *validator) destination(dest string, i Input) {
	s, found := v.sc.Services[dest]
	switch {
	case dest == "reunification":
	case dest == v.sc.Transition.Texts["from"].S:
		v.add(i.Pos, i.Raw, "sends children from %s to %s itself; a destination is where children go when they leave it", dest, dest)
	case !found:
		v.add(i.Pos, i.Raw, "sends children to %q, which is not a service of the scenario (or \"reunification\", home without a service)%s", dest, suggestion(dest, Sorted(v.sc.Services)))
	case s.Table() == nil || s.Table().Receives == "":
		v.add(i.Pos, i.Raw, "sends children to %s, a %s, which has no children, families or places to receive them", dest, s.Kind())
	}
}

// transitionProvided checks, in the plan's one municipality m, that every
// service the plan moves children between is provided there (a child sent
// to a service the municipality does not provide would be counted nowhere,
// and a plan for one it does not run would do nothing), and that the plan
// keeps open no more units than there are.
func (v *validator) transitionProvided(from *Service, m *Municipality) {
	t := v.sc.Transition
	notProvided := func(name string) bool {
		s := v.sc.Services[name]
		return s != nil && !s.ProvidedIn(m)
	}
	for _, k := range []string{"from", "programme"} {
		if x := t.Texts[k]; x.Set && notProvided(x.S) {
			v.add(x.Pos, quote(x.S), "%s is not provided in %s (provided = false), so the plan would move nothing; a transition plan needs the services it names", x.S, m.Name)
		}
	}
	if notProvided(from.Name) {
		return
	}
	for _, y := range SortedYears(t.Leavers) {
		for _, dest := range Sorted(t.Leavers[y]) {
			if i := t.Leavers[y][dest]; dest != from.Name && notProvided(dest) {
				v.add(i.Pos, i.Raw, "sends children to %s, which %s does not provide (provided = false), so they would be counted nowhere", dest, m.Name)
			}
		}
	}
	units := v.number(from.Table(), from.Effective(m).In, "units", m)
	for _, y := range SortedYears(t.Units) {
		if i := t.Units[y]; i.Value.GreaterThan(units) {
			v.add(i.Pos, i.Raw, "expected at most %s units: %s has no more", units, from.Name)
		}
	}
}
