package models

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// Distributions a range may be drawn from.
const (
	DistPERT       = "pert"       // a Beta over low–high with its mode at mode (the default)
	DistTriangular = "triangular" // low, mode, high
	DistUniform    = "uniform"    // every value from low to high alike
	DistLogNormal  = "lognormal"  // low and high its 5th and 95th percentiles
)

// Dists are the distributions a range may name, the default first.
var Dists = []string{DistPERT, DistTriangular, DistUniform, DistLogNormal}

// Sampling methods of [uncertainty].
const (
	MethodLHS    = "lhs"    // Latin hypercube: each input's draws spread over equal strata
	MethodRandom = "random" // independent draws
)

// Methods are the sampling methods [uncertainty] may name, the default first.
var Methods = []string{MethodLHS, MethodRandom}

// MaxDraws bounds [uncertainty] draws and --draws.
const MaxDraws = 1_000_000

// A Range is how far a value might be from the one written: range = { low,
// high, mode, dist } on a parameter or a value table, with the reason for
// it. Mode, when not written, is the value itself.
type Range struct {
	Pos             Position // where range = { … } is written
	Low, Mode, High Input
	Dist            Text
	Provenance      // source or assumption: why the range is what it is
}

// Distribution is the range's dist, or the default.
func (r *Range) Distribution() string {
	if r.Dist.Set {
		return r.Dist.S
	}
	return DistPERT
}

// ModeOr returns the mode, or value when none is written.
func (r *Range) ModeOr(value decimal.Decimal) decimal.Decimal {
	if r.Mode.Set {
		return r.Mode.Value
	}
	return value
}

// Collapsed returns a range at value alone, low = mode = high, for tests
// and for comparing a probabilistic run with the deterministic figures.
func Collapsed(value decimal.Decimal) *Range {
	in := Input{Set: true, Raw: value.String(), Value: value}
	return &Range{Low: in, Mode: in, High: in, Dist: T(DistTriangular)}
}

// An Uncertainty is the [uncertainty] table: how many draws, from which
// seed, by which method, and the rank correlations between inputs.
type Uncertainty struct {
	Set          bool
	Pos          Position
	Draws, Seed  Input
	Method       Text
	Correlations []Correlation
}

// A Correlation says that the inputs it names move together: every pair of
// them has the rank correlation Rank (Spearman's), from −1 to 1.
type Correlation struct {
	Pos    Position
	Inputs []Text // parameter names or key paths of ranged values
	Rank   Input
}

// A RangeFile is what --ranges FILE.toml gives: ranges by input name
// (a parameter's name, or the key path of a value: "paths.cpi.rate",
// "services.foster_care.monthly_allowance") and an [uncertainty] table,
// kept beside a scenario the analyst does not own.
type RangeFile struct {
	File        string
	Ranges      map[string]*Range
	Uncertainty Uncertainty
}

// Overlay lays a variant's [uncertainty] over the base's: each key it
// writes replaces the base's; correlations, when written, replace whole.
func (u *Uncertainty) Overlay(v Uncertainty) {
	if !v.Set {
		return
	}
	u.Set, u.Pos = true, v.Pos
	if v.Draws.Set {
		u.Draws = v.Draws
	}
	if v.Seed.Set {
		u.Seed = v.Seed
	}
	if v.Method.Set {
		u.Method = v.Method
	}
	if v.Correlations != nil {
		u.Correlations = v.Correlations
	}
}

// RangeProblems checks a range for the value it is around, as the value
// itself is checked: each bound of the kind (money, share, rate, quantity)
// and within the bounds its spec sets, low ≤ mode ≤ high, the value within
// low–high, and what each distribution needs. currency is the scenario's.
func RangeProblems(r *Range, value decimal.Decimal, spec Spec, currency string) Problems {
	var ps Problems
	if r == nil {
		return nil
	}
	sc := &Scenario{Meta: Meta{Currency: T(currency)}}
	v := &validator{sc: sc, reported: map[string]bool{}}
	for _, b := range []struct {
		name string
		in   Input
	}{{"low", r.Low}, {"mode", r.Mode}, {"high", r.High}} {
		switch {
		case !b.in.Set && b.name != "mode":
			ps.Add(Position{File: r.Pos.File, Line: r.Pos.Line, Key: r.Pos.Key + "." + b.name}, "", "missing: the %s end of the range (range = { low = …, high = … })", b.name)
		case b.in.Set && b.in.Ref != "":
			ps.Add(b.in.Pos, b.in.Raw, "expected a number: a range's %s cannot be the name of a parameter", b.name)
		case b.in.Set:
			msg := v.kindProblem(b.in, spec)
			if msg == "" {
				msg = boundsProblem(b.in.Value, spec)
			}
			if msg != "" {
				ps.Add(b.in.Pos, b.in.Raw, "%s", msg)
			}
		}
	}
	if len(ps) > 0 {
		return ps
	}
	dist := r.Distribution()
	if r.Dist.Set && !contains(Dists, dist) {
		ps.Add(r.Dist.Pos, quote(dist), "expected a distribution: %s", orList(quoted(Dists)))
		return ps
	}
	if spec.Whole {
		ps.Add(r.Pos, "", "expected no range here: a whole number (%s) cannot be drawn from a range", describe(spec))
		return ps
	}
	low, high := r.Low.Value, r.High.Value
	mode := r.ModeOr(value)
	switch {
	case low.GreaterThan(high):
		ps.Add(r.High.Pos, r.High.Raw, "expected high ≥ low (%s)", low)
	case dist == DistLogNormal && r.Mode.Set:
		ps.Add(r.Mode.Pos, r.Mode.Raw, "expected no mode for a lognormal range: its low and high are its 5th and 95th percentiles")
	case dist == DistLogNormal && low.Sign() <= 0:
		ps.Add(r.Low.Pos, r.Low.Raw, "expected a low above zero for a lognormal range")
	case r.Mode.Set && (mode.LessThan(low) || mode.GreaterThan(high)):
		ps.Add(r.Mode.Pos, r.Mode.Raw, "expected low ≤ mode ≤ high (%s–%s)", low, high)
	case value.LessThan(low) || value.GreaterThan(high):
		ps.Add(r.Pos, "", "expected the value %s within its range %s–%s", value, low, high)
	}
	return ps
}

// UncertaintyProblems checks an [uncertainty] table: draws, seed and
// method, and each correlation's inputs (known names, two or more) and
// rank. known reports whether a name is a ranged input.
func UncertaintyProblems(u Uncertainty, known func(string) bool) Problems {
	var ps Problems
	if !u.Set {
		return nil
	}
	if u.Draws.Set {
		d := u.Draws.Value
		if u.Draws.Ref != "" || !d.IsInteger() || d.Sign() <= 0 || d.GreaterThan(decimal.NewFromInt(MaxDraws)) {
			ps.Add(u.Draws.Pos, u.Draws.Raw, "expected a whole number of draws from 1 to %d", MaxDraws)
		}
	}
	if u.Seed.Set {
		d := u.Seed.Value
		if u.Seed.Ref != "" || !d.IsInteger() || d.Sign() < 0 || d.GreaterThan(decimal.NewFromUint64(math.MaxInt64)) {
			ps.Add(u.Seed.Pos, u.Seed.Raw, "expected a whole number of zero or more as the seed")
		}
	}
	if u.Method.Set && !contains(Methods, u.Method.S) {
		ps.Add(u.Method.Pos, quote(u.Method.S), "expected a sampling method: %s", orList(quoted(Methods)))
	}
	for _, c := range u.Correlations {
		if len(c.Inputs) < 2 {
			ps.Add(c.Pos, "", "expected two or more inputs that move together (inputs = [\"a\", \"b\"])")
		}
		seen := map[string]bool{}
		for _, in := range c.Inputs {
			switch {
			case seen[in.S]:
				ps.Add(in.Pos, quote(in.S), "expected each input once in a correlation")
			case known != nil && !known(in.S):
				ps.Add(in.Pos, quote(in.S), "expected the name of an input with a range (a parameter, or a value's key path)")
			}
			seen[in.S] = true
		}
		r := c.Rank
		switch {
		case !r.Set:
			ps.Add(Position{File: c.Pos.File, Line: c.Pos.Line, Key: c.Pos.Key + ".rank"}, "", "missing: the rank correlation, from -1 to 1 (rank = 0.8)")
		case r.Ref != "" || r.Value.LessThanOrEqual(decimal.NewFromInt(-1)) || r.Value.GreaterThanOrEqual(decimal.NewFromInt(1)):
			ps.Add(r.Pos, r.Raw, "expected a rank correlation above -1 and below 1")
		}
	}
	return ps
}

// String writes a range as people read it: "20000–35000 (pert, mode 25000)".
func (r *Range) String() string {
	s := fmt.Sprintf("%s–%s (%s", r.Low.Value, r.High.Value, r.Distribution())
	if r.Mode.Set {
		s += ", mode " + r.Mode.Value.String()
	}
	return s + ")"
}
