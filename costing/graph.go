package costing

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A NodeID indexes a node in its graph.
type NodeID int32

// An Op is what a node computes from its arguments.
type Op uint8

const (
	OpInput   Op = iota // a leaf: its value comes from the scenario
	OpSum               // a + b + …
	OpSub               // a − b − …
	OpMul               // a × b × …
	OpDiv               // a ÷ b, or a × b × … ÷ z: the last argument divides the product of the others
	OpCeil              // a rounded up to a whole number
	OpMax               // the largest of a, b, …
	OpAnnuity           // annual charge of value a at rate b over c years (Excel PMT)
	OpMin               // the smallest of a, b, …
)

// A Node is one figure: its stable name, what it computes, and — for a leaf —
// where its value came from.
type Node struct {
	Name  string        // stable figure name, e.g. "gjilan.foster_care.unit_cost"
	Label string        // glossary key for reports, e.g. "unit_cost"
	Title models.Phrase // a title written in the scenario, which reports prefer to Label
	Unit  string        // what the figure measures, e.g. "EUR/child-year", "hours/year", "FTE"
	Money bool          // money is rounded to the currency's minor unit
	Op    Op
	Args  []NodeID
	Leaf  *Leaf // for OpInput
}

// A Leaf is the origin of an input node's value.
type Leaf struct {
	Raw   string // as written
	Pos   models.Position
	Param string // the parameter's name, when the leaf is one
	models.Provenance
	Spec   models.Spec   // what the value may be (a share 0–1, money ≥ 0, …), for a workbook's validation
	Class  string        // how a projection moves it by default: models.UpratePay, …; "" keeps it
	Uprate string        // the rule the scenario gives it, if any: "frozen", "prices", "wages" or a path
	Range  *models.Range // how far the value might be, for an uncertainty analysis; nil: none written
}

// A Graph is a calculation graph in dependency order: every node's arguments
// come before it.
type Graph struct {
	Nodes    []Node
	Decimals int32             // decimals money is rounded to
	Currency string            // ISO 4217 code
	base     []decimal.Decimal // leaf values as the scenario states them
	index    map[string]NodeID
}

// NewGraph returns an empty graph for money in the given currency, with room
// for about size nodes (0 if unknown).
func NewGraph(currency string, decimals int32, size int) *Graph {
	return &Graph{Currency: currency, Decimals: decimals,
		Nodes: make([]Node, 0, size), base: make([]decimal.Decimal, 0, size), index: make(map[string]NodeID, size)}
}

// Lookup returns the node with the given name.
func (g *Graph) Lookup(name string) (NodeID, bool) {
	id, ok := g.index[name]
	return id, ok
}

// Names returns every node name, in graph order.
func (g *Graph) Names() []string {
	ns := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ns[i] = n.Name
	}
	return ns
}

// add appends a node; names are unique.
func (g *Graph) add(n Node, value decimal.Decimal) NodeID {
	if _, dup := g.index[n.Name]; dup {
		panic("costing: duplicate node " + n.Name)
	}
	for _, a := range n.Args {
		if int(a) >= len(g.Nodes) {
			panic("costing: node " + n.Name + " uses a later node")
		}
	}
	id := NodeID(len(g.Nodes))
	g.Nodes = append(g.Nodes, n)
	g.base = append(g.base, value)
	g.index[n.Name] = id
	return id
}

// Input adds a leaf with its value and origin.
func (g *Graph) Input(n Node, value decimal.Decimal) NodeID {
	n.Op = OpInput
	n.Args = nil
	if n.Leaf == nil {
		n.Leaf = &Leaf{Raw: value.String()}
	}
	return g.add(n, value)
}

// Compute adds a node that computes op over args.
func (g *Graph) Compute(n Node, op Op, args ...NodeID) NodeID {
	if op == OpInput {
		panic("costing: Compute with OpInput")
	}
	n.Op = op
	n.Args = args
	return g.add(n, decimal.Zero)
}

// Values holds one evaluation of a graph: a value per node, and whether it is
// defined (a quotient by zero is not, nor anything computed from it).
type Values struct {
	D         []decimal.Decimal
	Undefined []bool
}

// Get returns a node's value and whether it is defined.
func (v Values) Get(id NodeID) (decimal.Decimal, bool) {
	return v.D[id], !v.Undefined[id]
}

// Leaves returns a fresh set of values holding the scenario's leaf values,
// ready to be changed with Set and evaluated with Eval.
func (g *Graph) Leaves() Values {
	v := Values{D: make([]decimal.Decimal, len(g.Nodes)), Undefined: make([]bool, len(g.Nodes))}
	copy(v.D, g.base)
	return v
}

// Set changes the value of a leaf in v.
func (g *Graph) Set(v Values, id NodeID, d decimal.Decimal) error {
	if g.Nodes[id].Op != OpInput {
		return fmt.Errorf("%s is computed, not an input", g.Nodes[id].Name)
	}
	v.D[id] = d
	return nil
}

// Evaluate returns the graph evaluated on the scenario's own values.
func (g *Graph) Evaluate() Values {
	v := g.Leaves()
	g.Eval(v)
	return v
}

// Eval computes every non-leaf node of v in one forward pass, from the leaf
// values v holds. Money nodes are rounded here, and only here (value).
func (g *Graph) Eval(v Values) { g.eval(v, nil) }

// eval is the one evaluator: it computes the nodes reached marks (every
// node when reached is nil) in graph order, from the values v holds in
// their arguments. A node is undefined when an argument is, or when it
// divides by zero.
func (g *Graph) eval(v Values, reached []bool) {
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if reached != nil && !reached[i] {
			continue
		}
		if n.Op == OpInput {
			v.Undefined[i] = false // a leaf always has a value
			continue
		}
		undefined := false
		for _, a := range n.Args {
			if v.Undefined[a] {
				undefined = true
				break
			}
		}
		var d decimal.Decimal
		if !undefined {
			d, undefined = g.value(n, v.D)
		}
		if undefined {
			v.D[i], v.Undefined[i] = decimal.Zero, true
			continue
		}
		v.D[i], v.Undefined[i] = d, false
	}
}

// RoundMoney rounds an amount to the currency's minor unit, half away from
// zero, as Excel's ROUND: the one rule by which every money figure is
// rounded, in the graph (value) and where a projection moves a money leaf.
func (g *Graph) RoundMoney(d decimal.Decimal) decimal.Decimal { return d.Round(g.Decimals) }

// value computes node n from the values of its arguments, rounding money to
// the currency's minor unit half away from zero, as Excel's ROUND. A money
// quotient is rounded once from the exact quotient: dividing to a fixed
// number of digits first and rounding that would turn 833.37499… into a
// tie, and round it the wrong way.
func (g *Graph) value(n *Node, d []decimal.Decimal) (decimal.Decimal, bool) {
	if n.Money && n.Op == OpDiv {
		num, den := quotient(n.Args, d)
		if den.IsZero() {
			return decimal.Zero, true
		}
		return num.DivRound(den, g.Decimals), false
	}
	v, undefined := apply(n.Op, n.Args, d)
	if n.Money && !undefined {
		v = g.RoundMoney(v)
	}
	return v, undefined
}

// quotient returns the numerator (the product of every argument but the
// last) and the denominator (the last) of a division.
func quotient(args []NodeID, d []decimal.Decimal) (num, den decimal.Decimal) {
	num = d[args[0]]
	for _, a := range args[1 : len(args)-1] {
		num = num.Mul(d[a])
	}
	return num, d[args[len(args)-1]]
}

// Reached marks the nodes whose values depend on any of the given leaves:
// the leaves themselves and everything computed from them.
func (g *Graph) Reached(leaves []NodeID) []bool {
	reached := make([]bool, len(g.Nodes))
	for _, l := range leaves {
		reached[l] = true
	}
	for i := range g.Nodes {
		for _, a := range g.Nodes[i].Args {
			if reached[a] {
				reached[i] = true
				break
			}
		}
	}
	return reached
}

// EvalReached recomputes only the reached nodes of v, which must hold an
// evaluation of the graph in every other node: a projection moves a few
// leaves each year, and most of a graph does not depend on them.
func (g *Graph) EvalReached(v Values, reached []bool) { g.eval(v, reached) }

// apply computes one operation; it reports undefined for a quotient by zero.
func apply(op Op, args []NodeID, d []decimal.Decimal) (decimal.Decimal, bool) {
	switch op {
	case OpSum:
		s := decimal.Zero
		for _, a := range args {
			s = s.Add(d[a])
		}
		return s, false
	case OpSub:
		s := d[args[0]]
		for _, a := range args[1:] {
			s = s.Sub(d[a])
		}
		return s, false
	case OpMul:
		p := d[args[0]]
		for _, a := range args[1:] {
			p = p.Mul(d[a])
		}
		return p, false
	case OpDiv:
		num, den := quotient(args, d)
		if den.IsZero() {
			return decimal.Zero, true
		}
		return num.Div(den), false
	case OpCeil:
		return d[args[0]].Ceil(), false
	case OpMax:
		m := d[args[0]]
		for _, a := range args[1:] {
			if d[a].GreaterThan(m) {
				m = d[a]
			}
		}
		return m, false
	case OpAnnuity:
		return annuity(d[args[0]], d[args[1]], d[args[2]])
	case OpMin:
		m := d[args[0]]
		for _, a := range args[1:] {
			if d[a].LessThan(m) {
				m = d[a]
			}
		}
		return m, false
	}
	panic(fmt.Sprintf("costing: unknown op %d", op))
}

// annuity is the annual charge that repays value over years at rate, as
// Excel's PMT(rate, years, -value): value × r ÷ (1 − (1 + r)^−years), and
// value ÷ years when the rate is zero. Years must be a positive whole number.
func annuity(value, rate, years decimal.Decimal) (decimal.Decimal, bool) {
	if years.Sign() <= 0 || !years.IsInteger() {
		return decimal.Zero, true
	}
	if rate.IsZero() {
		return value.Div(years), false
	}
	q := decimal.NewFromInt(1).Add(rate)
	qn := decimal.NewFromInt(1)
	for i := int64(0); i < years.IntPart(); i++ {
		qn = qn.Mul(q)
	}
	// value × r × qⁿ ÷ (qⁿ − 1), which equals the form above.
	return value.Mul(rate).Mul(qn).DivRound(qn.Sub(decimal.NewFromInt(1)), 20), false
}

// Formula writes node id's formula, naming each argument by ref. With
// Readable it uses ×, ÷ and words for people; with Spreadsheet it writes an
// Excel/LibreOffice formula (without the leading "=") that rounds money at
// the same point Eval does.
func (g *Graph) Formula(id NodeID, style Style, ref func(NodeID) string) string {
	n := g.Nodes[id]
	if n.Op == OpInput {
		return n.Leaf.Raw
	}
	args := make([]string, len(n.Args))
	for i, a := range n.Args {
		args[i] = ref(a)
	}
	if style == Readable {
		return readable(n.Op, args)
	}
	f := spreadsheet(n.Op, args)
	if n.Money {
		f = fmt.Sprintf("ROUND(%s,%d)", f, g.Decimals)
	}
	return f
}

// readable writes an op over its arguments for people: a + b, a × b ÷ c.
func readable(op Op, args []string) string {
	switch op {
	case OpSum:
		if len(args) == 0 {
			return "0"
		}
		return strings.Join(args, " + ")
	case OpSub:
		return strings.Join(args, " − ")
	case OpMul:
		return strings.Join(args, " × ")
	case OpDiv:
		return strings.Join(args[:len(args)-1], " × ") + " ÷ " + args[len(args)-1]
	case OpCeil:
		return "round up(" + args[0] + ")"
	case OpMax:
		return "max(" + strings.Join(args, ", ") + ")"
	case OpAnnuity:
		return "annuity(" + strings.Join(args, ", ") + ")"
	case OpMin:
		return "min(" + strings.Join(args, ", ") + ")"
	}
	return ""
}

// spreadsheet writes an op over its arguments as Excel and LibreOffice
// do: SUM(a,b), a*b/c, PMT(rate,years,-value).
func spreadsheet(op Op, args []string) string {
	switch op {
	case OpSum:
		if len(args) == 0 {
			return "0"
		}
		return "SUM(" + strings.Join(args, ",") + ")"
	case OpSub:
		return strings.Join(args, "-")
	case OpMul:
		return strings.Join(args, "*")
	case OpDiv:
		return strings.Join(args[:len(args)-1], "*") + "/" + args[len(args)-1]
	case OpCeil:
		return "ROUNDUP(" + args[0] + ",0)"
	case OpMax:
		return "MAX(" + strings.Join(args, ",") + ")"
	case OpAnnuity:
		return "PMT(" + args[1] + "," + args[2] + ",-" + args[0] + ")"
	case OpMin:
		return "MIN(" + strings.Join(args, ",") + ")"
	}
	return ""
}

// A Style is a way of writing formulas.
type Style uint8

const (
	Readable    Style = iota // "allowance × children", for people
	Spreadsheet              // "ROUND(B4*B5,2)", for Excel and LibreOffice
)
