package uncertainty

import (
	"fmt"
	"slices"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A Switch is the value of one input at which a comparison's decision
// flips: the variant's NPV crosses zero, or it stops (or starts) breaking
// even by a year.
type Switch struct {
	Input    *Input
	By       int             // the break-even year the decision asks for; 0: the NPV
	Value    decimal.Decimal // the switching value, to the input's resolution
	Found    bool            // false: the decision is the same everywhere searched
	From, To decimal.Decimal // where it was searched
	// The decision at the input's value, at its low and at its high: true
	// when the variant pays (NPV below zero, or broken even by By).
	AtValue, AtLow, AtHigh bool
	NPVAtValue             decimal.Decimal // the NPV at the scenario's value
}

// Switch finds, by bisection with the decimal engine, the value of the
// input name at which the variant stops paying for itself: its NPV crosses
// zero (by = 0), or it no longer breaks even by the year by. The search
// runs over the input's range, then down to zero and up to a hundred times
// its value (a share to 1) when the decision does not flip within it.
func (st *Study) Switch(name string, by int) (*Switch, error) {
	if len(st.Results) != 2 {
		return nil, fmt.Errorf("a switching value needs a base and a variant")
	}
	var in *Input
	for _, x := range st.inputsAll() {
		if x.Name == name {
			in = x
		}
	}
	if in == nil {
		names := []string{}
		for _, x := range st.inputsAll() {
			names = append(names, x.Name)
		}
		msg := fmt.Sprintf("--input %q: no input of the scenarios is called so (a parameter's name, or a value's key path)", name)
		if s := models.Suggest(name, names); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return nil, fmt.Errorf("%s", msg)
	}
	if _, years := st.Results[0].Horizon(); by != 0 && !slices.Contains(years, by) {
		return nil, fmt.Errorf("--by %d: expected a year of the horizon, %d–%d", by, years[0], years[len(years)-1])
	}
	pays := func(x decimal.Decimal) (bool, decimal.Decimal, error) {
		vs, err := st.Compare(Setting{in: x})
		if err != nil {
			return false, decimal.Zero, err
		}
		if by == 0 {
			return vs.NPV.Sign() < 0, vs.NPV, nil
		}
		return vs.BreakEven != 0 && vs.BreakEven <= by, vs.NPV, nil
	}
	sw := &Switch{Input: in, By: by}
	var err error
	if sw.AtValue, sw.NPVAtValue, err = pays(in.Value); err != nil {
		return nil, err
	}
	lo, hi := in.Value, in.Value
	if in.Range != nil {
		lo, hi = in.Range.Low.Value, in.Range.High.Value
		if sw.AtLow, _, err = pays(lo); err != nil {
			return nil, err
		}
		if sw.AtHigh, _, err = pays(hi); err != nil {
			return nil, err
		}
	}
	// Bracket a flip: first the range, then down to zero, then up by
	// doublings to the widest the value may plausibly be.
	brackets := [][2]decimal.Decimal{{lo, in.Value}, {in.Value, hi}, {decimal.Zero, decimal.Min(lo, in.Value)}}
	if in.Spec.Kind == models.Rate {
		brackets[2][0] = decimal.RequireFromString("-0.5")
	}
	top := decimal.Max(hi, in.Value)
	for step := top; step.LessThan(widest(in)); {
		next := decimal.Min(step.Mul(decimal.NewFromInt(2)), widest(in))
		if next.IsZero() {
			next = widest(in)
		}
		brackets = append(brackets, [2]decimal.Decimal{step, next})
		step = next
	}
	for _, b := range brackets {
		a, z := b[0], b[1]
		if !a.LessThan(z) {
			continue
		}
		pa, _, err := pays(a)
		if err != nil {
			continue // undefined there (a capacity of 0 divides by it): search elsewhere
		}
		pz, _, err := pays(z)
		if err != nil {
			continue
		}
		sw.From, sw.To = a, z
		if pa == pz {
			continue
		}
		sw.Value, err = st.bisect(in, a, z, pa, pays)
		sw.Found = err == nil
		return sw, err
	}
	sw.From, sw.To = brackets[2][0], widest(in)
	return sw, nil
}

// inputsAll is every input of the study, ranged or not, that a switching
// value may move: the ranged first.
func (st *Study) inputsAll() []*Input { return append(slices.Clone(st.Inputs), st.all...) }

// widest is the top of the search for a switching value: a hundred times
// the value (1 for a share, 1 for a rate), or the range's high if higher.
func widest(in *Input) decimal.Decimal {
	w := in.Value.Mul(decimal.NewFromInt(100))
	switch in.Spec.Kind {
	case models.Share, models.Rate:
		w = decimal.NewFromInt(1)
	}
	if w.IsZero() {
		w = decimal.NewFromInt(1000)
	}
	if in.Range != nil && in.Range.High.Value.GreaterThan(w) {
		w = in.Range.High.Value
	}
	return w
}

// bisect narrows [a, z], where the decision differs at the ends, to the
// input's resolution: the minor unit for money, a millionth of the span
// otherwise. It returns the end on the side where the decision is the
// opposite of pa.
func (st *Study) bisect(in *Input, a, z decimal.Decimal, pa bool, pays func(decimal.Decimal) (bool, decimal.Decimal, error)) (decimal.Decimal, error) {
	res := z.Sub(a).Div(decimal.NewFromInt(1_000_000))
	if in.Money {
		res = decimal.New(1, -st.Results[0].Graph.Decimals)
	}
	two := decimal.NewFromInt(2)
	for i := 0; i < 200 && z.Sub(a).GreaterThan(res); i++ {
		m := a.Add(z).Div(two)
		if in.Money {
			m = st.Results[0].Graph.RoundMoney(m)
			if m.Equal(a) || m.Equal(z) {
				break
			}
		}
		pm, _, err := pays(m)
		if err != nil {
			return decimal.Zero, err
		}
		if pm == pa {
			a = m
		} else {
			z = m
		}
	}
	return z, nil
}
