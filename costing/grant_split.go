package costing

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// A Split is the arithmetic of a formula grant over plain numbers
// (docs/METHOD.md §10), without names of columns or files: [Grant] builds one
// from a formula and its data, tests and benchmarks build them directly.
//
// Every slice has one entry per municipality, in any order: no result
// depends on the order (sums of decimals are exact, and the one tie-break,
// in rounding, is by Names).
type Split struct {
	Pot      decimal.Decimal
	Decimals int32             // allocations are multiples of 10^-Decimals
	Names    []string          // for the rounding tie-break; unique
	Shares   []decimal.Decimal // formula shares: Σ_c weight_c × indicator_c,m ÷ Σ_m' indicator_c,m'
	Lumps    []decimal.Decimal // nil: none
	// Floor and Cap bound every allocation; nil: none.
	Floor, Cap *decimal.Decimal
	// HoldHarmless is the largest share of its baseline a municipality may
	// lose (0.05: at least 95% of the baseline); nil: none. It needs
	// Baseline.
	HoldHarmless *decimal.Decimal
	Baseline     []decimal.Decimal
}

// Rules a municipality's allocation may end at.
const (
	BoundFloor        = "floor"
	BoundCap          = "cap"
	BoundHoldHarmless = "hold_harmless"
)

// A SplitResult is the allocation and how it came about.
type SplitResult struct {
	Formula    []decimal.Decimal // lump + (pot − Σ lumps) × share, exact
	Exact      []decimal.Decimal // after floors, caps and hold-harmless, before rounding
	Allocation []decimal.Decimal // rounded; sums to the pot exactly
	Bound      []string          // the rule holding the allocation, or ""
	// Scale is the factor the formula part of every free allocation was
	// multiplied by so that floors and caps are financed within the pot (1
	// when neither binds); GainScale the factor the gains above baseline
	// were multiplied by to finance hold-harmless (1 when it does not bind).
	Scale, GainScale decimal.Decimal
	// Rounded counts the municipalities that received one unit of the
	// remainder by largest remainder.
	Rounded int
}

// A SplitError says which rule cannot be met, with the numbers.
type SplitError struct {
	Rule string // "lump_sums", "floor", "cap", "hold_harmless", "shares", "pot"
	Msg  string
}

func (e *SplitError) Error() string { return e.Msg }

var (
	one  = decimal.NewFromInt(1)
	zero = decimal.Zero
)

// Run computes the allocation:
//
//  1. formula_m = lump_m + (pot − Σ lumps) × share_m.
//  2. Floors and caps: allocation_m = clamp(lump_m + λ × (pot − Σ lumps) ×
//     share_m, floor, cap), with the one factor λ that makes the total the
//     pot again. λ is found exactly, by sweeping the points where a
//     municipality reaches its floor or its cap in order, not by trial: so
//     floors are financed by scaling back every allocation not held by a
//     rule, in proportion to its formula part, and what caps free is shared
//     the same way.
//  3. Hold-harmless: no municipality ends below (1 − h) × baseline (rounded
//     up to the unit). The cost is financed by scaling back the gainers: each
//     gain above max(baseline, lower bound) is multiplied by the one factor k
//     that pays for it. Scaling a gain back never takes a gainer below its
//     own bound or above the cap, so one round is stable; it cannot be
//     satisfied when the gains are smaller than the losses to cover, which
//     is an error with both numbers.
//  4. Rounding: every allocation is rounded down to the unit, and the units
//     left over (the pot minus the rounded sum) go one each to the largest
//     remainders, equal remainders in the order of Names (byte order). A
//     municipality held at a bound sits on a whole unit (bounds are rounded
//     inward), so rounding never breaks a rule, and the allocations sum to
//     the pot exactly.
func (s *Split) Run() (*SplitResult, error) {
	n := len(s.Shares)
	unit := decimal.New(1, -s.Decimals)
	if n == 0 {
		return nil, &SplitError{"shares", "no municipality to allocate to"}
	}
	if s.Pot.IsNegative() {
		return nil, &SplitError{"pot", fmt.Sprintf("the pot is %s, less than zero", s.Pot)}
	}
	if !s.Pot.Mod(unit).IsZero() {
		return nil, &SplitError{"pot", fmt.Sprintf("the pot %s is not a whole multiple of %s, the unit allocations are rounded to", s.Pot, unit)}
	}
	if err := s.check(n); err != nil {
		return nil, err
	}
	lump := func(m int) decimal.Decimal {
		if s.Lumps == nil {
			return zero
		}
		return s.Lumps[m]
	}
	lumps := zero
	for m := range n {
		lumps = lumps.Add(lump(m))
	}
	if lumps.GreaterThan(s.Pot) {
		return nil, &SplitError{"lump_sums", fmt.Sprintf("the lump sums add up to %s, more than the pot of %s", lumps, s.Pot)}
	}
	rest := s.Pot.Sub(lumps)
	res := &SplitResult{Formula: make([]decimal.Decimal, n), Exact: make([]decimal.Decimal, n), Allocation: make([]decimal.Decimal, n),
		Bound: make([]string, n), Scale: one, GainScale: one}
	part := make([]decimal.Decimal, n) // the formula part, (pot − lumps) × share
	for m := range n {
		part[m] = rest.Mul(s.Shares[m])
		res.Formula[m] = lump(m).Add(part[m])
	}

	// Bounds, rounded inward to the unit.
	lo := make([]decimal.Decimal, n)
	hi := make([]*decimal.Decimal, n)
	floor, capv := zero, zero
	if s.Floor != nil {
		floor = ceilTo(*s.Floor, unit)
	}
	if s.Cap != nil {
		capv = floorTo(*s.Cap, unit)
	}
	for m := range n {
		lo[m] = floor
		if s.Cap != nil {
			hi[m] = &capv
		}
	}
	if s.Floor != nil || s.Cap != nil {
		if err := s.clamp(res, part, lump, lo, hi); err != nil {
			return nil, err
		}
	} else {
		copy(res.Exact, res.Formula)
	}

	if s.HoldHarmless != nil {
		if err := s.holdHarmless(res, lo, hi, unit); err != nil {
			return nil, err
		}
	}
	if err := s.round(res, unit); err != nil {
		return nil, err
	}
	return res, nil
}

// check refuses a Split that [Grant] never builds but a caller of the
// library could: slices of different lengths, negative shares or lump
// sums, hold-harmless without baselines, shares that do not add up to 1
// (to within the rounding of one division a municipality, 10^-15 each).
func (s *Split) check(n int) error {
	switch {
	case len(s.Names) != n:
		return &SplitError{"shares", fmt.Sprintf("%d names for %d shares", len(s.Names), n)}
	case s.Lumps != nil && len(s.Lumps) != n:
		return &SplitError{"lump_sums", fmt.Sprintf("%d lump sums for %d shares", len(s.Lumps), n)}
	case s.HoldHarmless != nil && len(s.Baseline) != n:
		return &SplitError{BoundHoldHarmless, fmt.Sprintf("%d baselines for %d shares", len(s.Baseline), n)}
	}
	total := zero
	for m := range n {
		if s.Shares[m].IsNegative() {
			return &SplitError{"shares", fmt.Sprintf("%s: the share is %s, less than zero", s.Names[m], s.Shares[m])}
		}
		if s.Lumps != nil && s.Lumps[m].IsNegative() {
			return &SplitError{"lump_sums", fmt.Sprintf("%s: the lump sum is %s, less than zero", s.Names[m], s.Lumps[m])}
		}
		total = total.Add(s.Shares[m])
	}
	if total.Sub(one).Abs().GreaterThan(decimal.New(int64(n), -15)) {
		return &SplitError{"shares", fmt.Sprintf("the shares add up to %s, not 1", total)}
	}
	return nil
}

// clamp applies floors and caps (step 2).
func (s *Split) clamp(res *SplitResult, part []decimal.Decimal, lump func(int) decimal.Decimal, lo []decimal.Decimal, hi []*decimal.Decimal) error {
	n := len(part)
	// within holds v within m's bounds and says which rule held it.
	within := func(m int, v decimal.Decimal) (decimal.Decimal, string) {
		if v.LessThan(lo[m]) && s.Floor != nil {
			return lo[m], BoundFloor
		}
		if hi[m] != nil && v.GreaterThan(*hi[m]) {
			return *hi[m], BoundCap
		}
		return v, ""
	}
	// Nothing binds at λ = 1: the formula stands.
	binds := false
	for m := range n {
		if _, b := within(m, res.Formula[m]); b != "" {
			binds = true
			break
		}
	}
	if !binds {
		copy(res.Exact, res.Formula)
		return nil
	}
	// g(λ) = Σ clamp(lump + λ × part, lo, hi) is continuous, piecewise linear
	// and non-decreasing. At λ = 0 each allocation is its lump sum, clamped.
	base, slope := zero, zero // g(λ) = base + λ × slope on the current piece
	// An event is where a municipality changes piece: it leaves its floor, or
	// reaches its cap, at λ = (bound − lump) ÷ part. Events are sorted by a
	// float64 approximation of that point and the exact point is computed
	// only for the events the sweep visits: two events nearer each other than
	// float64 can tell apart change λ by less than the rounding absorbs, and
	// every allocation is clamped to its bounds exactly afterwards.
	type event struct {
		key   float64
		m     int
		toCap bool // reaches its cap (else: leaves its floor)
		// What the event changes in base and slope, as float64, for the
		// approximate pass of the sweep.
		dBase, dSlope float64
	}
	var events []event
	// reached says whether g at the event's point, (bound − lump) ÷ part,
	// is at least the pot: base + point × slope ≥ pot, multiplied out by
	// part (positive) so that no division rounds the comparison.
	reached := func(e event, base, slope decimal.Decimal) bool {
		bound := lo[e.m]
		if e.toCap {
			bound = *hi[e.m]
		}
		return !bound.Sub(lump(e.m)).Mul(slope).LessThan(s.Pot.Sub(base).Mul(part[e.m]))
	}
	for m := range n {
		l := lump(m)
		fixedLo := s.Floor != nil && l.LessThan(lo[m])
		fixedHi := hi[m] != nil && !l.LessThan(*hi[m])
		switch {
		case fixedHi:
			base = base.Add(*hi[m])
			continue
		case fixedLo:
			base = base.Add(lo[m])
		default:
			base = base.Add(l)
			slope = slope.Add(part[m])
		}
		if part[m].IsZero() {
			continue // never moves
		}
		pf, lf := approx(part[m]), approx(l)
		if fixedLo {
			lof := approx(lo[m])
			events = append(events, event{(lof - lf) / pf, m, false, lf - lof, pf})
		}
		if hi[m] != nil {
			hif := approx(*hi[m])
			events = append(events, event{(hif - lf) / pf, m, true, hif - lf, -pf})
		}
	}
	if base.GreaterThan(s.Pot) {
		floors := zero
		k := 0
		for m := range n {
			if s.Floor != nil && !lo[m].IsZero() {
				floors = floors.Add(lo[m])
				k++
			}
		}
		return &SplitError{BoundFloor, fmt.Sprintf("%d municipalities × the floor of %s = %s; with the lump sums above it, the allocations cannot go below %s, more than the pot of %s",
			k, lo[0], floors, base.StringFixed(s.Decimals), s.Pot)}
	}
	slices.SortFunc(events, func(a, b event) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		// At the same point a municipality leaving its floor and one
		// reaching its cap: the order does not change g there.
		if a.toCap != b.toCap {
			if b.toCap {
				return -1
			}
			return 1
		}
		return a.m - b.m
	})
	// step moves base and slope over an event (undo: back): the
	// municipality changes piece, from its floor to free or from free to its
	// cap.
	step := func(e event, undo bool) {
		from, to, dSlope := lo[e.m], lump(e.m), part[e.m]
		if e.toCap {
			from, to, dSlope = lump(e.m), *hi[e.m], part[e.m].Neg()
		}
		if undo {
			from, to, dSlope = to, from, dSlope.Neg()
		}
		base = base.Sub(from).Add(to)
		slope = slope.Add(dSlope)
	}
	// The sweep looks for the first event at which g reaches the pot. A
	// float64 pass finds it, or one near it; the exact pass applies the
	// events before it (sums only), then steps back or on, comparing
	// exactly, to the first event that reaches the pot.
	i := 0
	for fb, fs, fp := approx(base), approx(slope), approx(s.Pot); i < len(events) && fb+events[i].key*fs < fp; i++ {
		fb, fs = fb+events[i].dBase, fs+events[i].dSlope
	}
	for _, e := range events[:i] {
		step(e, false)
	}
	for ; i > 0; i-- {
		step(events[i-1], true)
		if !reached(events[i-1], base, slope) {
			step(events[i-1], false)
			break
		}
	}
	for ; i < len(events) && !reached(events[i], base, slope); i++ {
		step(events[i], false)
	}
	lambda := decimal.Decimal{}
	found := false
	switch {
	case i == len(events):
	case slope.IsZero():
		// Only possible at the first event, with base = pot: every
		// municipality is held at λ = 0 (its lump sum, or its floor) and
		// they add up to the pot exactly.
		lambda, found = zero, true
	default:
		lambda, found = s.Pot.Sub(base).Div(slope), true
	}
	if !found {
		if slope.IsPositive() {
			lambda, found = s.Pot.Sub(base).Div(slope), true
		} else if base.Equal(s.Pot) {
			lambda, found = one, true
		}
	}
	if !found {
		return &SplitError{BoundCap, fmt.Sprintf("with every municipality at its cap of %s or held by the formula, the allocations reach only %s of the pot of %s", hi[0], base.StringFixed(s.Decimals), s.Pot)}
	}
	res.Scale = lambda
	for m := range n {
		res.Exact[m], res.Bound[m] = within(m, lump(m).Add(lambda.Mul(part[m])))
	}
	return nil
}

// holdHarmless applies step 3.
func (s *Split) holdHarmless(res *SplitResult, lo []decimal.Decimal, hi []*decimal.Decimal, unit decimal.Decimal) error {
	n := len(res.Exact)
	keep := one.Sub(*s.HoldHarmless)
	low := make([]decimal.Decimal, n) // max(floor, (1 − h) × baseline)
	ref := make([]decimal.Decimal, n) // gains are counted above this
	need, gains := zero, zero
	for m := range n {
		b := s.Baseline[m]
		low[m] = ceilTo(b.Mul(keep), unit)
		if hi[m] != nil && low[m].GreaterThan(*hi[m]) {
			return &SplitError{BoundHoldHarmless, fmt.Sprintf("%s: keeping %s of the baseline %s is %s, above the cap of %s", s.Names[m], keep, b, low[m], *hi[m])}
		}
		if lo[m].GreaterThan(low[m]) {
			low[m] = lo[m]
		}
		ref[m] = decimal.Max(b, low[m])
		if res.Exact[m].LessThan(low[m]) {
			need = need.Add(low[m].Sub(res.Exact[m]))
		} else if res.Exact[m].GreaterThan(ref[m]) {
			gains = gains.Add(res.Exact[m].Sub(ref[m]))
		}
	}
	if need.IsZero() {
		return nil
	}
	if need.GreaterThan(gains) {
		return &SplitError{BoundHoldHarmless, fmt.Sprintf("cannot be satisfied: keeping every municipality within %s of its baseline needs %s, but the gainers gain only %s above their baselines", s.HoldHarmless, need.StringFixed(s.Decimals), gains.StringFixed(s.Decimals))}
	}
	k := one.Sub(need.Div(gains))
	res.GainScale = k
	for m := range n {
		switch {
		case res.Exact[m].LessThan(low[m]):
			res.Exact[m], res.Bound[m] = low[m], BoundHoldHarmless
			if low[m].Equal(lo[m]) && s.Floor != nil {
				res.Bound[m] = BoundFloor
			}
		case res.Exact[m].GreaterThan(ref[m]):
			res.Exact[m] = ref[m].Add(res.Exact[m].Sub(ref[m]).Mul(k))
		}
	}
	return nil
}

// round applies step 4.
func (s *Split) round(res *SplitResult, unit decimal.Decimal) error {
	n := len(res.Exact)
	sum := zero
	rem := make([]decimal.Decimal, n)
	for m := range n {
		res.Allocation[m] = floorTo(res.Exact[m], unit)
		// Remainders are compared at 24 decimals, one exponent for all: a
		// difference below that is the noise of division, not a remainder.
		rem[m] = res.Exact[m].Sub(res.Allocation[m]).Round(24)
		sum = sum.Add(res.Allocation[m])
	}
	left := s.Pot.Sub(sum).Shift(s.Decimals)
	if !left.IsInteger() || left.IsNegative() || left.GreaterThan(decimal.NewFromInt(int64(n))) {
		return fmt.Errorf("kosto: rounding left %s units for %d municipalities (a bug)", left, n)
	}
	k := int(left.IntPart())
	order := make([]int, n)
	for m := range order {
		order[m] = m
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := rem[b].Cmp(rem[a]); c != 0 {
			return c
		}
		return strings.Compare(s.Names[a], s.Names[b])
	})
	for _, m := range order[:k] {
		res.Allocation[m] = res.Allocation[m].Add(unit)
	}
	res.Rounded = k
	return nil
}

// approx is d as a float64, for ordering only: the coefficient's nearest
// float times the power of ten, without the exact rational conversion of
// InexactFloat64, which dominated the sweep's cost.
func approx(d decimal.Decimal) float64 {
	if e := d.Exponent(); e >= -300 && e <= 300 {
		f, _ := d.Coefficient().Float64()
		return f * math.Pow10(int(e))
	}
	return d.InexactFloat64()
}

// floorTo and ceilTo round a non-negative amount down or up to a multiple
// of unit (a power of ten).
func floorTo(d, unit decimal.Decimal) decimal.Decimal {
	e := -unit.Exponent()
	return d.Shift(e).Floor().Shift(-e)
}

func ceilTo(d, unit decimal.Decimal) decimal.Decimal {
	e := -unit.Exponent()
	return d.Shift(e).Ceil().Shift(-e)
}
