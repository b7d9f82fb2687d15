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
	inv   float64   // 1 ÷ scale
	split int       // code[:split] runs once a draw, code[split:] every year
}

type instr struct {
	code   opcode
	op     Op
	money  bool
	dst    int32
	a, n   int32 // the arguments' slots: args[a : a+n]
	x0, x1 int32 // the first two arguments' slots, for the two-argument opcodes
}

// An opcode is how the program runs an operation: the commonest shapes —
// two arguments, rounded to money or not, and round-ups — have one of
// their own, every other runs as its Op over its arguments.
type opcode uint8

const (
	codeGeneric opcode = iota
	codeMul2
	codeMul2Money
	codeSum2Money
	codeDiv2
	codeDiv2Money
	codeCeil
)

// Compile compiles the nodes of g that any of vary reaches and that any of
// wanted needs. Every other slot holds its value in base, an evaluation of
// g, which does not change however vary is set.
func (g *Graph) Compile(base Values, vary, wanted []NodeID) *Program {
	return g.CompileYears(base, vary, nil, wanted)
}

// CompileYears compiles as Compile does, for leaves drawn once (drawn) and
// leaves set again each year of a projection (yearly): the operations only
// drawn leaves reach run once a draw (RunDraw), those any yearly leaf
// reaches each year (RunYear).
func (g *Graph) CompileYears(base Values, drawn, yearly, wanted []NodeID) *Program {
	vary := append(append([]NodeID(nil), drawn...), yearly...)
	reached := g.Reached(vary)
	perYear := g.Reached(yearly)
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
	p := &Program{slot: make([]int32, len(g.Nodes)), scale: math.Pow(10, float64(g.Decimals)), inv: math.Pow(10, -float64(g.Decimals))}
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
	var once, yearlyCode []instr
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
		if in.n == 2 {
			in.x0, in.x1 = p.args[in.a], p.args[in.a+1]
			switch {
			case n.Op == OpMul && n.Money:
				in.code = codeMul2Money
			case n.Op == OpMul:
				in.code = codeMul2
			case n.Op == OpSum && n.Money:
				in.code = codeSum2Money
			case n.Op == OpDiv && n.Money:
				in.code = codeDiv2Money
			case n.Op == OpDiv:
				in.code = codeDiv2
			}
		}
		if n.Op == OpCeil && !n.Money {
			in.code, in.x0 = codeCeil, p.args[in.a]
		}
		if perYear[i] {
			yearlyCode = append(yearlyCode, in)
		} else {
			once = append(once, in)
		}
	}
	// What no yearly leaf reaches depends only on what comes before it in
	// the graph that no yearly leaf reaches either: it can all run first.
	p.code, p.split = append(once, yearlyCode...), len(once)
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
func (p *Program) Run(s []float64) { p.run(s, p.code) }

// RunDraw evaluates the operations only the drawn leaves reach.
func (p *Program) RunDraw(s []float64) { p.run(s, p.code[:p.split]) }

// RunYear evaluates the operations the yearly leaves reach, after RunDraw.
func (p *Program) RunYear(s []float64) { p.run(s, p.code[p.split:]) }

func (p *Program) run(s []float64, code []instr) {
	args := p.args
	scale, inv := p.scale, p.inv
	for i := range code {
		in := &code[i]
		switch in.code {
		case codeMul2:
			s[in.dst] = s[in.x0] * s[in.x1]
			continue
		case codeMul2Money:
			s[in.dst] = roundHalfAway(s[in.x0]*s[in.x1], scale, inv)
			continue
		case codeSum2Money:
			s[in.dst] = roundHalfAway(s[in.x0]+s[in.x1], scale, inv)
			continue
		case codeDiv2:
			s[in.dst] = div(s[in.x0], s[in.x1])
			continue
		case codeDiv2Money:
			s[in.dst] = roundHalfAway(div(s[in.x0], s[in.x1]), scale, inv)
			continue
		case codeCeil:
			s[in.dst] = ceil(s[in.x0])
			continue
		}
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
			x = roundHalfAway(x, p.scale, p.inv)
		}
		s[in.dst] = x
	}
}

// div is a quotient, undefined (NaN) by zero.
func div(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// RoundMoney rounds x to the currency's minor unit as the program does.
func (p *Program) RoundMoney(x float64) float64 { return roundHalfAway(x, p.scale, p.inv) }

// roundHalfAway rounds x to a multiple of 1/scale, half away from zero, as
// Graph.RoundMoney. A product of decimals that is exactly a tie in decimal
// arithmetic (250 × 0.167 = 41.75) may be a hair off it in binary, so what
// is within 1e-9, and a millionth of a millionth of its size, below a tie
// is taken as one: a few thousand units of the last place of any amount
// kosto reads, far less than a cent of any amount not on a tie.
func roundHalfAway(x, scale, inv float64) float64 {
	r := x * scale
	// Half away from zero is truncating r + ½ (less the tolerance, 1e-9
	// and 1e-12 of r) toward zero; r − r is 0, or NaN where r is NaN
	// (undefined) and must stay so. Branch-free and inlined: most of the
	// program's operations round.
	return float64(int64(r+math.Copysign(0.5+1e-9+math.Abs(r)*1e-12, r)))*inv + (r - r)
}

// tolerance is how far from a tie (or a whole number) a float64 result of
// a chain of operations of size a may be when the decimal result is on
// it: a few thousand units of its last place, at least 1e-9 and at most a
// thousandth.
func tolerance(a float64) float64 {
	t := a * 1e-12
	if t < 1e-9 {
		t = 1e-9
	}
	if t > 1e-3 {
		t = 1e-3
	}
	return t
}

// ceil rounds up, taking what is within the tolerance above a whole number
// as that number (3 × 1/3 posts is 3 posts, not 4).
func ceil(x float64) float64 {
	if x < 0 {
		return math.Ceil(x - tolerance(-x))
	}
	return math.Ceil(x - tolerance(x))
}

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

// Lanes is how many draws RunDrawLanes and RunYearLanes evaluate at once:
// slot k of lane l is at k×Lanes + l, so each operation runs over eight
// independent draws, which keeps the processor's pipelines full where one
// draw's rounding would wait on the one before it.
const Lanes = 8

// lanes is one slot's values in every lane.
type lanes = [Lanes]float64

// SlotsLanes returns a fresh lane array holding the compiled-from
// evaluation in every lane.
func (p *Program) SlotsLanes() []float64 {
	s := make([]float64, len(p.init)*Lanes)
	for k, x := range p.init {
		for l := range Lanes {
			s[k*Lanes+l] = x
		}
	}
	return s
}

// RunDrawLanes is RunDraw over Lanes draws at once.
func (p *Program) RunDrawLanes(s []float64) { p.runLanes(s, p.code[:p.split]) }

// RunYearLanes is RunYear over Lanes draws at once.
func (p *Program) RunYearLanes(s []float64) { p.runLanes(s, p.code[p.split:]) }

func (p *Program) runLanes(s []float64, code []instr) {
	args := p.args
	scale, inv := p.scale, p.inv
	at := func(k int32) *lanes { return (*lanes)(s[int(k)*Lanes:]) }
	for i := range code {
		in := &code[i]
		d := at(in.dst)
		switch in.code {
		case codeMul2:
			a, b := at(in.x0), at(in.x1)
			for l := range d {
				d[l] = a[l] * b[l]
			}
			continue
		case codeMul2Money:
			a, b := at(in.x0), at(in.x1)
			for l := range d {
				d[l] = roundHalfAway(a[l]*b[l], scale, inv)
			}
			continue
		case codeSum2Money:
			a, b := at(in.x0), at(in.x1)
			for l := range d {
				d[l] = roundHalfAway(a[l]+b[l], scale, inv)
			}
			continue
		case codeDiv2:
			a, b := at(in.x0), at(in.x1)
			for l := range d {
				d[l] = div(a[l], b[l])
			}
			continue
		case codeDiv2Money:
			a, b := at(in.x0), at(in.x1)
			for l := range d {
				d[l] = roundHalfAway(div(a[l], b[l]), scale, inv)
			}
			continue
		case codeCeil:
			a := at(in.x0)
			for l := range d {
				d[l] = ceil(a[l])
			}
			continue
		}
		a := args[in.a : in.a+in.n]
		var x lanes
		switch in.op {
		case OpSum:
			for _, j := range a {
				v := at(j)
				for l := range x {
					x[l] += v[l]
				}
			}
		case OpSub:
			x = *at(a[0])
			for _, j := range a[1:] {
				v := at(j)
				for l := range x {
					x[l] -= v[l]
				}
			}
		case OpMul:
			x = *at(a[0])
			for _, j := range a[1:] {
				v := at(j)
				for l := range x {
					x[l] *= v[l]
				}
			}
		case OpDiv:
			x = *at(a[0])
			for _, j := range a[1 : len(a)-1] {
				v := at(j)
				for l := range x {
					x[l] *= v[l]
				}
			}
			den := at(a[len(a)-1])
			for l := range x {
				x[l] = div(x[l], den[l])
			}
		case OpCeil:
			v := at(a[0])
			for l := range x {
				x[l] = ceil(v[l])
			}
		case OpMax:
			x = *at(a[0])
			for _, j := range a[1:] {
				v := at(j)
				for l := range x {
					if y := v[l]; y > x[l] || y != y {
						x[l] = y
					}
				}
			}
		case OpMin:
			x = *at(a[0])
			for _, j := range a[1:] {
				v := at(j)
				for l := range x {
					if y := v[l]; y < x[l] || y != y {
						x[l] = y
					}
				}
			}
		case OpAnnuity:
			v, r, n := at(a[0]), at(a[1]), at(a[2])
			for l := range x {
				x[l] = annuityFloat(v[l], r[l], n[l])
			}
		}
		if in.money {
			for l := range x {
				x[l] = roundHalfAway(x[l], scale, inv)
			}
		}
		*d = x
	}
}
