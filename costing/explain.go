package costing

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// An Explanation is a figure with the formula that computed it and the
// explanations of its inputs, down to the scenario's parameters.
type Explanation struct {
	ID        NodeID
	Node      *Node
	Value     decimal.Decimal
	Defined   bool
	Formula   string // readable, in terms of the inputs' names; empty for a leaf
	Inputs    []*Explanation
	Repeated  bool // explained earlier in the same tree; Inputs left out
	Truncated bool // deeper than the depth asked for; Inputs left out
}

// Explain returns the formula tree of figure id. depth limits how many levels
// are expanded (0 for all); a figure that appears twice is expanded once.
func (r *Result) Explain(id NodeID, depth int) *Explanation {
	seen := map[NodeID]bool{}
	var walk func(id NodeID, level int) *Explanation
	walk = func(id NodeID, level int) *Explanation {
		n := &r.Graph.Nodes[id]
		v, ok := r.Values.Get(id)
		e := &Explanation{ID: id, Node: n, Value: v, Defined: ok}
		if n.Op != OpInput {
			e.Formula = r.Graph.Formula(id, Readable, func(a NodeID) string { return r.Graph.Nodes[a].Name })
		}
		switch {
		case n.Op == OpInput:
		case seen[id]:
			e.Repeated = true
		case depth > 0 && level >= depth:
			e.Truncated = true
		default:
			seen[id] = true
			for _, a := range n.Args {
				e.Inputs = append(e.Inputs, walk(a, level+1))
			}
		}
		return e
	}
	return walk(id, 0)
}

// Find resolves a figure name a person typed: the exact name, or a unique
// figure whose name ends with it (".unit_cost" after a municipality and
// service). When it cannot, the error lists the closest names.
func (r *Result) Find(name string) (NodeID, error) {
	if id, ok := r.Graph.Lookup(name); ok {
		return id, nil
	}
	var matches []string
	for _, n := range r.Graph.Nodes {
		if strings.HasSuffix(n.Name, "."+name) {
			matches = append(matches, n.Name)
		}
	}
	if len(matches) == 1 {
		id, _ := r.Graph.Lookup(matches[0])
		return id, nil
	}
	if len(matches) > 1 {
		sort.Strings(matches)
		if len(matches) > 10 {
			matches = append(matches[:10], fmt.Sprintf("… and %d more", len(matches)-10))
		}
		return 0, fmt.Errorf("figure %q is ambiguous; it could be:\n  %s", name, strings.Join(matches, "\n  "))
	}
	var near []string
	for _, n := range r.Graph.Nodes {
		if strings.Contains(n.Name, name) || strings.Contains(name, lastPart(n.Name)) && len(lastPart(n.Name)) > 3 {
			near = append(near, n.Name)
		}
	}
	sort.Strings(near)
	if len(near) > 10 {
		near = near[:10]
	}
	msg := fmt.Sprintf("figure %q is not in scenario %s", name, r.Scenario.Name)
	if len(near) > 0 {
		msg += "; figures with similar names:\n  " + strings.Join(near, "\n  ")
	}
	msg += "\n(kosto explain SCENARIO --list prints every figure)"
	return 0, fmt.Errorf("%s", msg)
}

func lastPart(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}
