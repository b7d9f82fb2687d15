package costing_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// agree checks every node of the compiled program against the decimal
// evaluation v: NaN exactly where v is undefined, money to the minor unit,
// everything else within 1e-9 relative.
func agree(t *testing.T, what string, r *costing.Result, p *costing.Program, s []float64, v costing.Values) {
	t.Helper()
	bad := 0
	for i, n := range r.Graph.Nodes {
		id := costing.NodeID(i)
		k := p.Slot(id)
		if k < 0 {
			continue
		}
		f := s[k]
		if v.Undefined[id] {
			if !math.IsNaN(f) {
				t.Errorf("%s: %s is undefined in decimal, %v compiled", what, n.Name, f)
				bad++
			}
			continue
		}
		d := v.D[id].InexactFloat64()
		diff := math.Abs(f - d)
		ok := diff <= 1e-9*math.Max(1, math.Abs(d))
		if n.Money {
			ok = diff < 0.5*math.Pow(10, -float64(r.Graph.Decimals))
		}
		if !ok || math.IsNaN(f) {
			t.Errorf("%s: %s = %s in decimal, %v compiled", what, n.Name, v.D[id], f)
			bad++
		}
		if bad > 10 {
			t.Fatal("too many differences")
		}
	}
}

func allLeaves(g *costing.Graph) (leaves, all []costing.NodeID) {
	for i, n := range g.Nodes {
		if n.Op == costing.OpInput {
			leaves = append(leaves, costing.NodeID(i))
		}
		all = append(all, costing.NodeID(i))
	}
	return leaves, all
}

// TestCompiledEqualsDecimal compiles every shipped scenario's whole graph
// and evaluates it on the scenario's values and on random perturbations of
// every leaf (money to the minor unit, shares within 0–1), against the
// decimal engine.
func TestCompiledEqualsDecimal(t *testing.T) {
	for _, name := range scenarios.Shipped() {
		sc, err := scenarios.LoadShipped(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := costing.Cost(sc)
		if err != nil {
			t.Fatal(err)
		}
		g := r.Graph
		leaves, all := allLeaves(g)
		p := g.Compile(r.Values, leaves, all)
		s := p.Slots()
		p.Run(s)
		agree(t, name, r, p, s, r.Values)
		rng := rand.New(rand.NewPCG(1, 2))
		for trial := 0; trial < 20; trial++ {
			v := g.Leaves()
			copy(v.D, r.Values.D)
			s := p.Slots()
			for _, id := range leaves {
				n := &g.Nodes[id]
				if n.Leaf == nil || n.Name == "const.one" || n.Name == "const.zero" || n.Leaf.Spec.Whole {
					continue
				}
				x := v.D[id].Mul(decimal.NewFromFloat(0.7 + 0.6*rng.Float64()))
				switch {
				case n.Money:
					x = g.RoundMoney(x)
				case n.Leaf.Spec.Kind == models.Share:
					x = decimal.Min(x.Round(4), decimal.NewFromInt(1))
				default:
					x = x.Round(4)
				}
				if err := g.Set(v, id, x); err != nil {
					t.Fatal(err)
				}
				s[p.Slot(id)] = x.InexactFloat64()
			}
			g.Eval(v)
			p.Run(s)
			agree(t, name, r, p, s, v)
		}
	}
}

// TestCompiledProjection compiles the national ten-year projection's moved
// leaves and checks each year against the decimal projection.
func TestCompiledProjection(t *testing.T) {
	for _, name := range []string{"albania-di-vlore-reform", "gjilan"} {
		r := loadShipped(t, name)
		pr := r.Project()
		var moved []costing.NodeID
		for _, mv := range r.Moves() {
			moved = append(moved, mv.Leaf)
		}
		_, all := allLeaves(r.Graph)
		p := r.Graph.Compile(r.Values, moved, all)
		for k := range pr.Years {
			s := p.Slots()
			for _, id := range moved {
				s[p.Slot(id)] = pr.Values[k].D[id].InexactFloat64()
			}
			p.Run(s)
			agree(t, name, r, p, s, pr.Values[k])
		}
	}
}

func TestRoundHalfAwayTies(t *testing.T) {
	g := costing.NewGraph("EUR", 2, 0)
	a := g.Input(costing.Node{Name: "a", Money: true}, dec("250"))
	b := g.Input(costing.Node{Name: "b"}, dec("0.167"))
	c := g.Compute(costing.Node{Name: "c", Money: true}, costing.OpMul, a, b)
	m := g.Compute(costing.Node{Name: "m", Money: true}, costing.OpMul, c, g.Input(costing.Node{Name: "neg"}, dec("-1")))
	z := g.Input(costing.Node{Name: "z"}, dec("0"))
	u := g.Compute(costing.Node{Name: "u"}, costing.OpDiv, a, z)
	x := g.Compute(costing.Node{Name: "x"}, costing.OpMax, a, u)
	v := g.Evaluate()
	_, all := allLeaves(g)
	p := g.Compile(v, []costing.NodeID{a, b}, all)
	s := p.Slots()
	p.Run(s)
	if s[p.Slot(c)] != 41.75 || s[p.Slot(m)] != -41.75 {
		t.Errorf("250 × 0.167 = %v, negated %v; want 41.75", s[p.Slot(c)], s[p.Slot(m)])
	}
	if !math.IsNaN(s[p.Slot(u)]) || !math.IsNaN(s[p.Slot(x)]) {
		t.Errorf("a ÷ 0 = %v, max(a, a ÷ 0) = %v; want NaN (undefined)", s[p.Slot(u)], s[p.Slot(x)])
	}
}

// TestLanesEqualScalar: eight draws at once give, lane by lane and bit for
// bit, what the program gives one draw at a time.
func TestLanesEqualScalar(t *testing.T) {
	for _, name := range scenarios.Shipped() {
		r := loadShipped(t, name)
		g := r.Graph
		leaves, all := allLeaves(g)
		p := g.CompileYears(r.Values, leaves[:len(leaves)/2], leaves[len(leaves)/2:], all)
		rng := rand.New(rand.NewPCG(3, 4))
		lanes := p.SlotsLanes()
		scalar := make([][]float64, costing.Lanes)
		for l := range scalar {
			scalar[l] = p.Slots()
			for _, id := range leaves {
				k := p.Slot(id)
				x := scalar[l][k] * (0.5 + rng.Float64())
				scalar[l][k], lanes[k*costing.Lanes+l] = x, x
			}
			p.RunDraw(scalar[l])
			p.RunYear(scalar[l])
		}
		p.RunDrawLanes(lanes)
		p.RunYearLanes(lanes)
		for l := range scalar {
			for k, x := range scalar[l] {
				if y := lanes[k*costing.Lanes+l]; math.Float64bits(x) != math.Float64bits(y) && !(math.IsNaN(x) && math.IsNaN(y)) {
					t.Fatalf("%s: slot %d lane %d: %v one at a time, %v in lanes", name, k, l, x, y)
				}
			}
		}
	}
}
