package uncertainty

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// Figures a tornado or a switching value can follow in a comparison.
const (
	FigureNPV        = "npv"        // the NPV of the differences (variant − base)
	FigureDifference = "difference" // the difference in one year
)

// A Bar is one input of a tornado: the figure with the input at its low
// and at its high, every other input at its value.
type Bar struct {
	Input         *Input
	Low, High     decimal.Decimal // the input's range
	AtLow, AtHigh decimal.Decimal
	Swing         decimal.Decimal // |AtHigh − AtLow|
}

// A Tornado is every ranged input swung in turn, sorted by the swing of a
// figure, largest first: which assumptions matter most.
type Tornado struct {
	Figure string // a figure's name, or FigureNPV or FigureDifference
	Year   int    // the year of the figure; 0 for the NPV
	Value  decimal.Decimal
	Bars   []Bar
}

// A Setting gives some inputs other values than the scenario's.
type Setting map[*Input]decimal.Decimal

// Evaluate projects every scenario of the study with the inputs of set at
// their values, with the decimal engine: the moved leaves follow their
// paths from the set values, and a set growth rate changes its path.
func (st *Study) Evaluate(set Setting) []*costing.Projection {
	out := make([]*costing.Projection, len(st.Results))
	for s, r := range st.Results {
		g := r.Graph
		v := costing.Values{D: slices.Clone(r.Values.D), Undefined: slices.Clone(r.Values.Undefined)}
		var rates map[string]map[int]decimal.Decimal
		for in, x := range set {
			for _, id := range in.leaves[s] {
				if g.Nodes[id].Money {
					x = g.RoundMoney(x)
				}
				v.D[id] = x
			}
			for _, py := range in.rates[s] {
				if rates == nil {
					rates = map[string]map[int]decimal.Decimal{}
				}
				if rates[py.path] == nil {
					rates[py.path] = map[int]decimal.Decimal{}
				}
				rates[py.path][py.year] = x
			}
		}
		g.Eval(v)
		out[s] = r.ProjectFrom(v, rates)
	}
	return out
}

// figure evaluates a tornado's figure with some inputs set: a figure of
// the one scenario in a year, or the NPV or a year's difference of a
// comparison.
type figure func(set Setting) (decimal.Decimal, error)

// Compare compares the base and the variant with the inputs of set at
// their values, the discount rate among them.
func (st *Study) Compare(set Setting) (*costing.Versus, error) {
	ps := st.Evaluate(set)
	rate := st.Results[1].DiscountRate()
	for in, x := range set {
		if in.discount {
			rate = x
		}
	}
	return costing.CompareProjectionsAt(ps[0], ps[1], rate)
}

// Figure returns how to read the named figure in year (0: the last of the
// horizon). For one scenario name is a figure's name ("total",
// "service.foster_care"); for a comparison it is FigureNPV (the default)
// or FigureDifference.
func (st *Study) Figure(name string, year int) (figure, string, int, error) {
	_, years := st.Results[0].Horizon()
	if year == 0 {
		year = years[len(years)-1]
	}
	k := slices.Index(years, year)
	if k < 0 {
		return nil, "", 0, fmt.Errorf("--year %d: expected a year of the horizon, %d–%d", year, years[0], years[len(years)-1])
	}
	if len(st.Results) == 2 {
		switch name {
		case "", FigureNPV:
			return func(set Setting) (decimal.Decimal, error) {
				vs, err := st.Compare(set)
				if err != nil {
					return decimal.Zero, err
				}
				return vs.NPV, nil
			}, FigureNPV, 0, nil
		case FigureDifference:
			return func(set Setting) (decimal.Decimal, error) {
				vs, err := st.Compare(set)
				if err != nil {
					return decimal.Zero, err
				}
				return vs.Difference[k], nil
			}, name, year, nil
		}
		return nil, "", 0, fmt.Errorf("--figure %q: expected %q or %q for a comparison", name, FigureNPV, FigureDifference)
	}
	if name == "" {
		name = "total"
	}
	r := st.Results[0]
	id, ok := r.Graph.Lookup(name)
	if !ok {
		msg := fmt.Sprintf("--figure %q: no figure of %s is called so", name, r.Scenario.Name)
		if s := models.Suggest(name, r.Graph.Names()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return nil, "", 0, fmt.Errorf("%s", msg)
	}
	return func(set Setting) (decimal.Decimal, error) {
		d, ok := st.Evaluate(set)[0].Value(k, id)
		if !ok {
			return decimal.Zero, fmt.Errorf("%s is undefined in %d (a division by zero)", name, year)
		}
		return d, nil
	}, name, year, nil
}

// Tornado swings each ranged input from its low to its high, every other
// at its value, and sorts the inputs by the swing of the figure.
func (st *Study) Tornado(name string, year int) (*Tornado, error) {
	f, name, year, err := st.Figure(name, year)
	if err != nil {
		return nil, err
	}
	t := &Tornado{Figure: name, Year: year}
	if t.Value, err = f(nil); err != nil {
		return nil, err
	}
	for _, in := range st.Inputs {
		b := Bar{Input: in, Low: in.Range.Low.Value, High: in.Range.High.Value}
		if b.AtLow, err = f(Setting{in: b.Low}); err != nil {
			return nil, err
		}
		if b.AtHigh, err = f(Setting{in: b.High}); err != nil {
			return nil, err
		}
		b.Swing = b.AtHigh.Sub(b.AtLow).Abs()
		t.Bars = append(t.Bars, b)
	}
	slices.SortStableFunc(t.Bars, func(a, b Bar) int { return -cmp.Compare(a.Swing.InexactFloat64(), b.Swing.InexactFloat64()) })
	return t, nil
}
