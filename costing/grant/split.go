package grant

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// A Split is the arithmetic of a formula grant over plain numbers
// (docs/METHOD.md §10), without names of columns or files: [Allocate] builds one
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
	unit := decimal.New(1, -s.Decimals)
	if err := s.check(unit); err != nil {
		return nil, err
	}
	lump := s.lumps()
	res, part, err := s.formula(lump)
	if err != nil {
		return nil, err
	}
	lo, hi := s.bounds(unit)
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

// check refuses a Split that [Allocate] never builds but a caller of the
// library could: no municipality, a pot below zero or not a whole number of
// units, slices of different lengths, negative shares or lump sums,
// hold-harmless without baselines, shares that do not add up to 1 (to
// within the rounding of one division a municipality, 10^-15 each).
func (s *Split) check(unit decimal.Decimal) error {
	n := len(s.Shares)
	switch {
	case n == 0:
		return &SplitError{"shares", "no municipality to allocate to"}
	case s.Pot.IsNegative():
		return &SplitError{"pot", fmt.Sprintf("the pot is %s, less than zero", s.Pot)}
	case !s.Pot.Mod(unit).IsZero():
		return &SplitError{"pot", fmt.Sprintf("the pot %s is not a whole multiple of %s, the unit allocations are rounded to", s.Pot, unit)}
	case len(s.Names) != n:
		return &SplitError{"shares", fmt.Sprintf("%d names for %d shares", len(s.Names), n)}
	case s.Lumps != nil && len(s.Lumps) != n:
		return &SplitError{"lump_sums", fmt.Sprintf("%d lump sums for %d shares", len(s.Lumps), n)}
	case s.HoldHarmless != nil && len(s.Baseline) != n:
		return &SplitError{BoundHoldHarmless, fmt.Sprintf("%d baselines for %d shares", len(s.Baseline), n)}
	}
	return s.checkShares()
}

// checkShares refuses negative shares and lump sums, and shares that do not
// add up to 1.
func (s *Split) checkShares() error {
	total := zero
	for m := range s.Shares {
		if s.Shares[m].IsNegative() {
			return &SplitError{"shares", fmt.Sprintf("%s: the share is %s, less than zero", s.Names[m], s.Shares[m])}
		}
		if s.Lumps != nil && s.Lumps[m].IsNegative() {
			return &SplitError{"lump_sums", fmt.Sprintf("%s: the lump sum is %s, less than zero", s.Names[m], s.Lumps[m])}
		}
		total = total.Add(s.Shares[m])
	}
	if total.Sub(one).Abs().GreaterThan(decimal.New(int64(len(s.Shares)), -15)) {
		return &SplitError{"shares", fmt.Sprintf("the shares add up to %s, not 1", total)}
	}
	return nil
}

// lumps returns every municipality's lump sum: zero for all without any.
func (s *Split) lumps() []decimal.Decimal {
	if s.Lumps != nil {
		return s.Lumps
	}
	lump := make([]decimal.Decimal, len(s.Shares))
	for m := range lump {
		lump[m] = zero
	}
	return lump
}

// formula applies step 1: each municipality's formula part, (pot − Σ
// lumps) × share, and its formula amount, its lump sum plus that part.
func (s *Split) formula(lump []decimal.Decimal) (*SplitResult, []decimal.Decimal, error) {
	n := len(s.Shares)
	lumps := zero
	for m := range n {
		lumps = lumps.Add(lump[m])
	}
	if lumps.GreaterThan(s.Pot) {
		return nil, nil, &SplitError{"lump_sums", fmt.Sprintf("the lump sums add up to %s, more than the pot of %s", lumps, s.Pot)}
	}
	rest := s.Pot.Sub(lumps)
	res := &SplitResult{Formula: make([]decimal.Decimal, n), Exact: make([]decimal.Decimal, n), Allocation: make([]decimal.Decimal, n),
		Bound: make([]string, n), Scale: one, GainScale: one}
	part := make([]decimal.Decimal, n)
	for m := range n {
		part[m] = rest.Mul(s.Shares[m])
		res.Formula[m] = lump[m].Add(part[m])
	}
	return res, part, nil
}

// bounds returns every municipality's floor (zero without one) and cap
// (nil without one), rounded inward to the unit.
func (s *Split) bounds(unit decimal.Decimal) ([]decimal.Decimal, []*decimal.Decimal) {
	n := len(s.Shares)
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
	return lo, hi
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
