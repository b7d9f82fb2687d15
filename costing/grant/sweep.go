package grant

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// clamp applies floors and caps (step 2 of [Split.Run]): every allocation
// is lump + λ × part held within its bounds, with the one λ that makes the
// total the pot.
func (s *Split) clamp(res *SplitResult, part, lump, lo []decimal.Decimal, hi []*decimal.Decimal) error {
	w := &sweep{s: s, part: part, lump: lump, lo: lo, hi: hi, base: zero, slope: zero}
	if !w.binds(res.Formula) {
		copy(res.Exact, res.Formula) // nothing binds at λ = 1: the formula stands
		return nil
	}
	w.start()
	if w.base.GreaterThan(s.Pot) {
		return w.floorsAbovePot()
	}
	slices.SortFunc(w.events, compareEvents)
	lambda, err := w.lambda(w.find())
	if err != nil {
		return err
	}
	res.Scale = lambda
	for m := range part {
		res.Exact[m], res.Bound[m] = w.within(m, lump[m].Add(lambda.Mul(part[m])))
	}
	return nil
}

// A sweep finds λ. g(λ) = Σ clamp(lump + λ × part, lo, hi) is continuous,
// piecewise linear and non-decreasing; at λ = 0 each allocation is its lump
// sum, clamped. On the current piece g(λ) = base + λ × slope. An event is
// where a municipality changes piece: it leaves its floor, or reaches its
// cap, at λ = (bound − lump) ÷ part. The sweep visits the events in order
// until g reaches the pot.
//
// Events are sorted by a float64 approximation of that point, and the exact
// point is computed only for the events the sweep visits: two events nearer
// each other than float64 can tell apart change λ by less than the rounding
// absorbs, and every allocation is clamped to its bounds exactly afterwards.
type sweep struct {
	s           *Split
	part, lump  []decimal.Decimal
	lo          []decimal.Decimal
	hi          []*decimal.Decimal // nil: no cap
	base, slope decimal.Decimal
	events      []event
}

type event struct {
	key   float64
	m     int
	toCap bool // reaches its cap (else: leaves its floor)
	// What the event changes in base and slope, as float64, for the
	// approximate pass of the sweep.
	dBase, dSlope float64
}

// within holds v within m's bounds and says which rule held it.
func (w *sweep) within(m int, v decimal.Decimal) (decimal.Decimal, string) {
	if v.LessThan(w.lo[m]) && w.s.Floor != nil {
		return w.lo[m], BoundFloor
	}
	if w.hi[m] != nil && v.GreaterThan(*w.hi[m]) {
		return *w.hi[m], BoundCap
	}
	return v, ""
}

// binds says whether a floor or a cap holds any formula amount.
func (w *sweep) binds(formula []decimal.Decimal) bool {
	for m, v := range formula {
		if _, b := w.within(m, v); b != "" {
			return true
		}
	}
	return false
}

// start sets g's first piece, at λ = 0, and lists the events.
func (w *sweep) start() {
	for m := range w.part {
		l := w.lump[m]
		fixedLo := w.s.Floor != nil && l.LessThan(w.lo[m])
		fixedHi := w.hi[m] != nil && !l.LessThan(*w.hi[m])
		switch {
		case fixedHi:
			w.base = w.base.Add(*w.hi[m])
			continue
		case fixedLo:
			w.base = w.base.Add(w.lo[m])
		default:
			w.base = w.base.Add(l)
			w.slope = w.slope.Add(w.part[m])
		}
		if w.part[m].IsZero() {
			continue // never moves
		}
		pf, lf := approx(w.part[m]), approx(l)
		if fixedLo {
			lof := approx(w.lo[m])
			w.events = append(w.events, event{(lof - lf) / pf, m, false, lf - lof, pf})
		}
		if w.hi[m] != nil {
			hif := approx(*w.hi[m])
			w.events = append(w.events, event{(hif - lf) / pf, m, true, hif - lf, -pf})
		}
	}
}

// floorsAbovePot is the error of floors that take more than the pot at
// λ = 0.
func (w *sweep) floorsAbovePot() error {
	floors := zero
	k := 0
	for m := range w.lo {
		if w.s.Floor != nil && !w.lo[m].IsZero() {
			floors = floors.Add(w.lo[m])
			k++
		}
	}
	return &SplitError{BoundFloor, fmt.Sprintf("%d municipalities × the floor of %s = %s; with the lump sums above it, the allocations cannot go below %s, more than the pot of %s",
		k, w.lo[0], floors, w.base.StringFixed(w.s.Decimals), w.s.Pot)}
}

// compareEvents orders events by their approximate point. At the same point
// a municipality leaving its floor and one reaching its cap: the order does
// not change g there.
func compareEvents(a, b event) int {
	if c := cmp.Compare(a.key, b.key); c != 0 {
		return c
	}
	if a.toCap != b.toCap {
		if b.toCap {
			return -1
		}
		return 1
	}
	return a.m - b.m
}

// find returns the first event at which g reaches the pot (len(events)
// when none does), with base and slope those of the piece before it. A
// float64 pass finds it, or one near it; the exact pass applies the events
// before it (sums only), then steps back or on, comparing exactly, to the
// first event that reaches the pot.
func (w *sweep) find() int {
	i := 0
	for fb, fs, fp := approx(w.base), approx(w.slope), approx(w.s.Pot); i < len(w.events) && fb+w.events[i].key*fs < fp; i++ {
		fb, fs = fb+w.events[i].dBase, fs+w.events[i].dSlope
	}
	for _, e := range w.events[:i] {
		w.step(e, false)
	}
	for ; i > 0; i-- {
		w.step(w.events[i-1], true)
		if !w.reached(w.events[i-1]) {
			w.step(w.events[i-1], false)
			break
		}
	}
	for ; i < len(w.events) && !w.reached(w.events[i]); i++ {
		w.step(w.events[i], false)
	}
	return i
}

// step moves base and slope over an event (undo: back): the municipality
// changes piece, from its floor to free or from free to its cap.
func (w *sweep) step(e event, undo bool) {
	from, to, dSlope := w.lo[e.m], w.lump[e.m], w.part[e.m]
	if e.toCap {
		from, to, dSlope = w.lump[e.m], *w.hi[e.m], w.part[e.m].Neg()
	}
	if undo {
		from, to, dSlope = to, from, dSlope.Neg()
	}
	w.base = w.base.Sub(from).Add(to)
	w.slope = w.slope.Add(dSlope)
}

// reached says whether g at the event's point, (bound − lump) ÷ part, is at
// least the pot: base + point × slope ≥ pot, multiplied out by part
// (positive) so that no division rounds the comparison.
func (w *sweep) reached(e event) bool {
	bound := w.lo[e.m]
	if e.toCap {
		bound = *w.hi[e.m]
	}
	return !bound.Sub(w.lump[e.m]).Mul(w.slope).LessThan(w.s.Pot.Sub(w.base).Mul(w.part[e.m]))
}

// lambda is λ on the piece before event i, where g reaches the pot; after
// the last event, g is base + λ × slope for every λ beyond it.
func (w *sweep) lambda(i int) (decimal.Decimal, error) {
	pot := w.s.Pot
	switch {
	case i < len(w.events) && w.slope.IsZero():
		// Only possible at the first event, with base = pot: every
		// municipality is held at λ = 0 (its lump sum, or its floor) and
		// they add up to the pot exactly.
		return zero, nil
	case i < len(w.events), w.slope.IsPositive():
		return pot.Sub(w.base).Div(w.slope), nil
	case w.base.Equal(pot):
		return one, nil
	}
	return decimal.Decimal{}, &SplitError{BoundCap, fmt.Sprintf("with every municipality at its cap of %s or held by the formula, the allocations reach only %s of the pot of %s", w.hi[0], w.base.StringFixed(w.s.Decimals), pot)}
}
