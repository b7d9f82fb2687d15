package costing

import (
	"math"
)

// A Program is a graph compiled for drawing it many times: the nodes that
// some varying leaves reach and some wanted figures need, in graph order,
// as a flat list of float64 operations over a slot array, evaluated
// without allocating. It is for Monte Carlo draws whose results are
// percentiles; every figure kosto reports is computed by the decimal
// evaluator (Graph.Eval), and tests prove the two agree within 1e-9
// relative, and to the cent where money is rounded.
//
// It mirrors the decimal evaluator operation by operation: money is
// rounded to the currency's minor unit half away from zero where Eval
// rounds it (a quotient once, from the exact quotient), a tie being a
// quotient within a few units of the last place of one, which float
// arithmetic cannot tell from it; whole posts are rounded up, allowing the
// same; a figure Eval leaves undefined (a division by zero, an annuity over
// no years, and anything computed from one) is NaN.
type Program struct {
	code  []instr
	args  []int32
	slot  []int32   // node → its slot, -1 for a node the program neither reads nor writes
	init  []float64 // every slot's value in the evaluation compiled from
	scale float64   // 10^decimals of the currency
}

type instr struct {
	op    Op
	money bool
	dst   int32
	a, n  int32 // the arguments' slots: args[a : a+n]
}

// Compile compiles the nodes of g that any of vary reaches and that any of
// wanted needs. Every other slot holds its value in base, an evaluation of
// g, which does not change however vary is set.
func (g *Graph) Compile(base Values, vary, wanted []NodeID) *Program {
	reached := g.Reached(vary)
	needed := make([]bool, len(g.Nodes))
	for _, w := range wanted {
		needed[w] = true
	}
	for i := len(g.Nodes) - 1; i >= 0; i-- {
		if needed[i] && reached[i] {
			for _, a := range g.Nodes[i].Args {
				needed[a] = true
			}
		}
	}
	p := &Program{slot: make([]int32, len(g.Nodes)), scale: math.Pow(10, float64(g.Decimals))}
	for i := range p.slot {
		p.slot[i] = -1
	}
	slotOf := func(id NodeID) int32 {
		if p.slot[id] < 0 {
			p.slot[id] = int32(len(p.init))
			p.init = append(p.init, float(base, id))
		}
		return p.slot[id]
	}
	for _, id := range vary {
		slotOf(id)
	}
	for _, id := range wanted {
		slotOf(id)
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if n.Op == OpInput || !reached[i] || !needed[i] {
			continue
		}
		in := instr{op: n.Op, money: n.Money, a: int32(len(p.args)), n: int32(len(n.Args))}
		for _, a := range n.Args {
			p.args = append(p.args, slotOf(a))
		}
		in.dst = slotOf(NodeID(i))
		p.code = append(p.code, in)
	}
	return p
}

// float is a node's value in v as a float64, NaN where it is undefined.
func float(v Values, id NodeID) float64 {
	if v.Undefined[id] {
		return math.NaN()
	}
	return v.D[id].InexactFloat64()
}

// Len is the number of operations the program runs.
func (p *Program) Len() int { return len(p.code) }

// Slots returns a fresh slot array holding the compiled-from evaluation.
func (p *Program) Slots() []float64 { return append([]float64(nil), p.init...) }

// Slot returns the slot of a node, or -1 when the program does not hold it.
func (p *Program) Slot(id NodeID) int { return int(p.slot[id]) }

// Run evaluates the program's operations over s, from the values its leaf
// slots hold.
func (p *Program) Run(s []float64) {
	args := p.args
	for i := range p.code {
		in := &p.code[i]
		a := args[in.a : in.a+in.n]
		var x float64
		switch in.op {
		case OpSum:
			for _, j := range a {
				x += s[j]
			}
		case OpSub:
			x = s[a[0]]
			for _, j := range a[1:] {
				x -= s[j]
			}
		case OpMul:
			x = s[a[0]]
			for _, j := range a[1:] {
				x *= s[j]
			}
		case OpDiv:
			x = s[a[0]]
			for _, j := range a[1 : len(a)-1] {
				x *= s[j]
			}
			den := s[a[len(a)-1]]
			if den == 0 {
				x = math.NaN()
			} else {
				x /= den
			}
		case OpCeil:
			x = ceil(s[a[0]])
		case OpMax:
			x = s[a[0]]
			for _, j := range a[1:] {
				if y := s[j]; y > x || y != y {
					x = y
				}
			}
		case OpMin:
			x = s[a[0]]
			for _, j := range a[1:] {
				if y := s[j]; y < x || y != y {
					x = y
				}
			}
		case OpAnnuity:
			x = annuityFloat(s[a[0]], s[a[1]], s[a[2]])
		}
		if in.money {
			x = roundHalfAway(x, p.scale)
		}
		s[in.dst] = x
	}
}

// RoundMoney rounds x to the currency's minor unit as the program does.
func (p *Program) RoundMoney(x float64) float64 { return roundHalfAway(x, p.scale) }

// roundHalfAway rounds x to a multiple of 1/scale, half away from zero, as
// Graph.RoundMoney. A product of decimals that is exactly a tie in decimal
// arithmetic (250 × 0.167 = 41.75) may be a hair off it in binary, so what
// is within a few units of the last place of a tie is taken as one.
func roundHalfAway(x, scale float64) float64 {
	r := x * scale
	t := math.Trunc(r)
	f := math.Abs(r - t)
	if f >= 0.5-tolerance(r) {
		t += math.Copysign(1, r)
	}
	return t / scale
}

// tolerance is how far from a tie (or a whole number) a float64 result of
// a chain of operations may be when the decimal result is on it: a few
// million units of the last place, at most a thousandth.
func tolerance(r float64) float64 {
	return math.Min(1e-3, math.Max(1e-9, math.Abs(r)*1e-12))
}

// ceil rounds up, taking what is within the tolerance above a whole number
// as that number (3 × 1/3 posts is 3 posts, not 4).
func ceil(x float64) float64 { return math.Ceil(x - tolerance(x)) }

// annuityFloat is annuity in float64: undefined (NaN) over years that are
// not a positive whole number.
func annuityFloat(value, rate, years float64) float64 {
	if !(years > 0) || years != math.Trunc(years) {
		return math.NaN()
	}
	if rate == 0 {
		return value / years
	}
	qn := math.Pow(1+rate, years)
	return value * rate * qn / (qn - 1)
}
