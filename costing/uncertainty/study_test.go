package uncertainty_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

func load(t testing.TB, name string) *costing.Result {
	t.Helper()
	sc, err := scenarios.LoadShipped(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// spread gives every parameter and growth rate of r a range: collapsed on
// its value, or ±widen of it (money rounded to the minor unit, shares and
// rates kept within their bounds) by dist.
func spread(r *costing.Result, widen float64, dist string) *models.RangeFile {
	rf := &models.RangeFile{Ranges: map[string]*models.Range{}}
	d := r.Graph.Decimals
	mk := func(v decimal.Decimal, money, share bool) *models.Range {
		lo := v.Mul(decimal.NewFromFloat(1 - widen))
		hi := v.Mul(decimal.NewFromFloat(1 + widen))
		if money {
			lo, hi = lo.RoundFloor(d), hi.RoundCeil(d)
		}
		if share && hi.GreaterThan(decimal.NewFromInt(1)) {
			hi = decimal.NewFromInt(1)
		}
		in := func(x decimal.Decimal) models.Input { return models.Input{Set: true, Raw: x.String(), Value: x} }
		return &models.Range{Low: in(lo), High: in(hi), Dist: models.T(dist)}
	}
	sc := r.Model()
	for name, p := range sc.Parameters {
		id, ok := r.Graph.Lookup("params." + name)
		if !ok || r.Graph.Nodes[id].Leaf.Spec.Whole {
			continue
		}
		n := &r.Graph.Nodes[id]
		rf.Ranges[name] = mk(p.Input.Value, n.Money, n.Leaf.Spec.Kind == models.Share)
	}
	base, years := r.Horizon()
	for pn, p := range sc.Paths {
		if p.Levels != nil {
			continue
		}
		if p.In["rate"].Set {
			rf.Ranges["paths."+pn+".rate"] = mk(p.In["rate"].Value, false, false)
		}
		for y := base + 1; y <= years[len(years)-1]; y++ {
			if in, ok := p.Rates[y]; ok {
				rf.Ranges[fmt.Sprintf("paths.%s.rates.%d", pn, y)] = mk(in.Value, false, false)
			}
		}
	}
	return rf
}

// TestCollapsedIsDeterministic: with every range collapsed on its value,
// every percentile and mean of every figure in every year is the decimal
// projection's figure to the minor unit, and a comparison's NPV and
// break-even are the decimal comparison's.
func TestCollapsedIsDeterministic(t *testing.T) {
	for _, names := range [][2]string{{"albania-di-vlore", "albania-di-vlore-reform"}, {"gjilan", "gjilan-qps-norm"}} {
		base, variant := load(t, names[0]), load(t, names[1])
		rf := spread(base, 0, models.DistTriangular)
		for k, v := range spread(variant, 0, models.DistTriangular).Ranges {
			if _, ok := rf.Ranges[k]; !ok {
				rf.Ranges[k] = v
			}
		}
		rf.Ranges[uncertainty.DiscountName] = models.Collapsed(variant.DiscountRate())
		st, err := uncertainty.New(base, variant, rf)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Inputs) < 10 {
			t.Fatalf("%s: only %d inputs", names[0], len(st.Inputs))
		}
		o, err := st.Run(uncertainty.Options{Draws: 20, Seed: 3, Method: models.MethodLHS})
		if err != nil {
			t.Fatal(err)
		}
		scale := math.Pow(10, float64(base.Graph.Decimals))
		for s, r := range st.Results {
			pr := r.Project()
			for f, fg := range o.Figures[s] {
				for k := range o.Years {
					want, _ := pr.Value(k, fg.Node)
					sm := uncertainty.Summarise(o.Draws(s, f, k))
					for _, got := range []float64{sm.P5, sm.P50, sm.P95, sm.Mean} {
						if g := decimal.NewFromFloat(math.Round(got*scale) / scale); !g.Equal(want) {
							t.Errorf("%s %s %d: %s drawn, %s in decimal", r.Scenario.Name, r.Node(fg.Node).Name, o.Years[k], g, want)
						}
					}
				}
			}
		}
		vs, err := costing.Compare(base, variant)
		if err != nil {
			t.Fatal(err)
		}
		c := o.Compare(vs.DiscountRate.InexactFloat64())
		if got := decimal.NewFromFloat(math.Round(c.NPV.P50*scale) / scale); !got.Equal(vs.NPV) {
			t.Errorf("%s: NPV %s drawn, %s in decimal", names[1], got, vs.NPV)
		}
		for k, y := range vs.Years {
			want := 0.0
			if vs.BreakEven != 0 && y >= vs.BreakEven {
				want = 1
			}
			if c.BreakEvenBy[k] != want {
				t.Errorf("%s: broken even by %d in %v of draws, want %v", names[1], y, c.BreakEvenBy[k], want)
			}
		}
	}
}

// TestSameWhateverTheWorkers: 1 and 4 workers give the same draws and
// figures, bit for bit, and another seed others.
func TestSameWhateverTheWorkers(t *testing.T) {
	base, variant := load(t, "albania-di-vlore"), load(t, "albania-di-vlore-reform")
	rf := spread(base, 0.2, models.DistPERT)
	rf.Uncertainty = models.Uncertainty{Set: true, Correlations: []models.Correlation{{
		Inputs: []models.Text{models.T("floor_monthly_gross"), models.T("specialist_monthly_gross")}, Rank: models.Lit("0.8")}}}
	st, err := uncertainty.New(base, variant, rf)
	if err != nil {
		t.Fatal(err)
	}
	run := func(workers int, seed uint64) *uncertainty.Outcome {
		o, err := st.Run(uncertainty.Options{Draws: 300, Seed: seed, Method: models.MethodLHS, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	one, four, other := run(1, 9), run(4, 9), run(4, 10)
	same := func(a, b *uncertainty.Outcome) bool {
		for s := range st.Results {
			for f := range a.Figures[s] {
				for k := range a.Years {
					x, y := a.Draws(s, f, k), b.Draws(s, f, k)
					for i := range x {
						if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
							return false
						}
					}
				}
			}
		}
		return true
	}
	if !same(one, four) {
		t.Error("1 and 4 workers gave different draws")
	}
	if same(one, other) {
		t.Error("seeds 9 and 10 gave the same draws")
	}
	a, b := -1, -1
	for j, in := range st.Inputs {
		switch in.Name {
		case "floor_monthly_gross":
			a = j
		case "specialist_monthly_gross":
			b = j
		}
	}
	if rho := uncertainty.Spearman(one.Samples[a], one.Samples[b]); math.Abs(rho-0.8) > 0.05 {
		t.Errorf("rank correlation %v, want 0.8", rho)
	}
	if rho := uncertainty.Spearman(one.Samples[a], one.Samples[(b+1)%len(st.Inputs)]); math.Abs(rho) > 0.15 {
		t.Errorf("an uncorrelated input has rank correlation %v", rho)
	}
}

// TestCollapsedEveryShipped: every shipped scenario alone, every range
// collapsed, draws the decimal projection to the cent in every figure.
func TestCollapsedEveryShipped(t *testing.T) {
	for _, name := range scenarios.Shipped() {
		r := load(t, name)
		st, err := uncertainty.New(r, nil, spread(r, 0, models.DistPERT))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		o, err := st.Run(uncertainty.Options{Draws: 9, Seed: 1, Method: models.MethodRandom})
		if err != nil {
			t.Fatal(err)
		}
		pr := r.Project()
		scale := math.Pow(10, float64(r.Graph.Decimals))
		for f, fg := range o.Figures[0] {
			for k := range o.Years {
				want, ok := pr.Value(k, fg.Node)
				for _, got := range o.Draws(0, f, k) {
					if !ok {
						if !math.IsNaN(got) {
							t.Errorf("%s %s: %v drawn, undefined in decimal", name, r.Node(fg.Node).Name, got)
						}
						continue
					}
					if g := decimal.NewFromFloat(math.Round(got*scale) / scale); !g.Equal(want) {
						t.Errorf("%s %s %d: %s drawn, %s in decimal", name, r.Node(fg.Node).Name, o.Years[k], g, want)
					}
				}
			}
		}
	}
}
