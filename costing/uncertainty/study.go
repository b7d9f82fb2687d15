package uncertainty

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// An Input is one assumption that carries a range: a parameter, a value
// written in the scenario, or a growth path's rate. The same name in a base
// and a variant is one input, drawn once for both, so that a comparison
// sees the same world twice (common random numbers).
type Input struct {
	Name  string          // the parameter's name, or the value's key path ("paths.cpi.rate")
	Range *models.Range   // the range it is drawn from
	Value decimal.Decimal // the value the scenario writes
	Unit  string
	Money bool
	Spec  models.Spec
	Doc   models.Provenance // the value's source or assumption
	// per scenario: the leaves it sets, and the growth-path years whose rate it is
	leaves   [2][]costing.NodeID
	rates    [2][]pathYear
	discount bool // the comparison's discount rate, which moves no leaf, only the NPV
}

// Discount reports whether the input is the comparison's discount rate.
func (in *Input) Discount() bool { return in.discount }

// DiscountName is the input a range on [projection] discount_rate is: the
// rate a comparison's NPV is discounted at, the variant's.
const DiscountName = "projection.discount_rate"

type pathYear struct {
	path string
	year int
}

// An Assumption is an input that carries no range.
type Assumption struct {
	Name  string
	Value decimal.Decimal
	Unit  string
}

// A Study is one scenario, or a base and a variant, with the inputs the
// uncertainty analysis draws.
type Study struct {
	Results     []*costing.Result // the scenario, or the base and the variant
	Inputs      []*Input          // sorted by name
	Unranged    []Assumption      // parameters and growth rates without a range, sorted by name
	Uncertainty models.Uncertainty
	all         []*Input // the inputs without a range, which a switching value may still move
}

// New gathers the ranged inputs of one result (variant nil) or of a base
// and a variant, with the ranges of a ranges file (rf, may be nil) laid over
// the scenarios' own. A ranges-file range that names no input, or does not
// fit its value, is a problem positioned in the file.
func New(base, variant *costing.Result, rf *models.RangeFile) (*Study, error) {
	st := &Study{Results: []*costing.Result{base}}
	if variant != nil {
		st.Results = append(st.Results, variant)
	}
	byName := map[string]*Input{}
	unranged := map[string]Assumption{}
	get := func(name string) *Input {
		in, ok := byName[name]
		if !ok {
			in = &Input{Name: name}
			byName[name] = in
		}
		return in
	}
	for s, r := range st.Results {
		g := r.Graph
		for i := range g.Nodes {
			n := &g.Nodes[i]
			if n.Op != costing.OpInput || n.Leaf == nil {
				continue
			}
			name := inputName(n.Leaf)
			if name == "" {
				continue
			}
			if b, ok := byName[name]; ok && s == 1 && len(b.leaves[0]) > 0 && !b.Value.Equal(r.Values.D[i]) {
				// The variant changes the value: a choice of the variant, drawn
				// only from a range of its own, as an input of its own.
				name += " (" + r.Scenario.Name + ")"
			}
			in := get(name)
			in.leaves[s] = append(in.leaves[s], costing.NodeID(i))
			if len(in.leaves[0])+len(in.leaves[1]) == 1 || n.Leaf.Range != nil && in.Range == nil {
				in.Range, in.Value, in.Unit, in.Money, in.Spec, in.Doc = n.Leaf.Range, r.Values.D[i], n.Unit, n.Money, n.Leaf.Spec, n.Leaf.Provenance
			}
			if n.Leaf.Range == nil && n.Leaf.Param != "" {
				unranged[name] = Assumption{Name: name, Value: r.Values.D[i], Unit: n.Unit}
			}
		}
		st.pathRates(s, r, get, unranged)
		if s == len(st.Results)-1 && len(st.Results) == 2 {
			d := r.Model().Projection.In["discount_rate"]
			in := get(DiscountName)
			in.discount, in.Value, in.Unit, in.Spec, in.Range, in.Doc = true, r.DiscountRate(), "rate", models.Spec{Kind: models.Share}, d.Range, d.Provenance
			if d.Range == nil {
				unranged[DiscountName] = Assumption{Name: DiscountName, Value: r.DiscountRate(), Unit: "rate"}
			}
		}
		u := r.Model().Uncertainty
		if s == 0 || u.Set {
			st.Uncertainty.Overlay(u)
		}
	}
	var ps models.Problems
	if rf != nil {
		st.Uncertainty.Overlay(rf.Uncertainty)
		for _, name := range models.Sorted(rf.Ranges) {
			r := rf.Ranges[name]
			in, ok := byName[name]
			if !ok {
				msg := "no input of the scenario is called so: expected a parameter's name or a value's key path"
				if s := models.Suggest(name, models.Sorted(byName)); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				ps.Add(r.Pos, "", "%s", msg)
				continue
			}
			if p := models.RangeProblems(r, in.Value, in.Spec, base.Scenario.Currency); len(p) > 0 {
				ps = append(ps, p...)
				continue
			}
			in.Range = r
		}
	}
	for _, name := range models.Sorted(byName) {
		in := byName[name]
		if in.Range != nil {
			st.Inputs = append(st.Inputs, in)
			delete(unranged, name)
		} else if in.Unit != "" || in.discount || len(in.leaves[0])+len(in.leaves[1]) > 0 {
			st.all = append(st.all, in)
		}
	}
	for _, name := range models.Sorted(unranged) {
		st.Unranged = append(st.Unranged, unranged[name])
	}
	known := func(n string) bool {
		return slices.ContainsFunc(st.Inputs, func(in *Input) bool { return in.Name == n })
	}
	ps = append(ps, models.UncertaintyProblems(st.Uncertainty, known)...)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return st, nil
}

// inputName is the name a leaf's input goes by: a scenario parameter's
// name, else the key path it is written at (without .value), or "" for a
// constant or a default of the format.
func inputName(l *costing.Leaf) string {
	key := strings.TrimSuffix(l.Pos.Key, ".value")
	if key == "" {
		return ""
	}
	if p, ok := strings.CutPrefix(key, "parameters."); ok && !strings.Contains(p, ".") {
		return p
	}
	return key
}

// pathRates records the growth-path rates of scenario s that carry a
// range, as inputs, and those that do not, as assumptions: a path's rate
// sets every year its rates table does not.
func (st *Study) pathRates(s int, r *costing.Result, get func(string) *Input, unranged map[string]Assumption) {
	sc := r.Model()
	base, years := r.Horizon()
	if len(years) == 0 {
		return
	}
	for _, pn := range models.Sorted(sc.Paths) {
		p := sc.Paths[pn]
		if p.Levels != nil {
			continue
		}
		for y := base + 1; y <= years[len(years)-1]; y++ {
			in, ok := p.Rates[y]
			name := fmt.Sprintf("paths.%s.rates.%d", pn, y)
			if !ok {
				in, name = p.In["rate"], "paths."+pn+".rate"
			}
			if !in.Set {
				continue
			}
			if in.Range == nil {
				unranged[name] = Assumption{Name: name, Value: in.Value, Unit: "rate"}
			}
			x := get(name)
			x.rates[s] = append(x.rates[s], pathYear{pn, y})
			if x.Unit == "" || in.Range != nil && (x.Range == nil || s == 0) {
				x.Range, x.Value, x.Unit, x.Spec, x.Doc = in.Range, in.Value, "rate", models.Spec{Kind: models.Rate}, in.Provenance
			}
		}
	}
}
