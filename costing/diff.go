package costing

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// A Diff is what differs between two costed scenarios: the inputs, matched
// by figure name, whose values differ (or that only one has), and the
// money figures both have whose values differ, the totals apart.
type Diff struct {
	Inputs  []InputDiff
	Totals  []FigureDiff // total, each municipality's, each service's and category's over all: by |Δ|, largest first
	Figures []FigureDiff // every other money figure: by |Δ|, largest first
}

// An InputDiff is an input of A, B or both whose value differs; A or B is
// -1 when that scenario has no such input.
type InputDiff struct {
	Figure string
	A, B   NodeID
}

// A FigureDiff is a money figure of both scenarios whose value differs.
type FigureDiff struct {
	Figure string
	A, B   NodeID
	Delta  decimal.Decimal // B − A
}

// DiffOf returns what differs from a to b.
func DiffOf(a, b *Result) Diff {
	var d Diff
	for i, n := range b.Graph.Nodes {
		bi := NodeID(i)
		ai, ok := a.Graph.Lookup(n.Name)
		if n.Op == OpInput {
			if !ok || a.Graph.Nodes[ai].Op != OpInput {
				d.Inputs = append(d.Inputs, InputDiff{Figure: n.Name, A: -1, B: bi})
				continue
			}
			av, _ := a.Value(ai)
			bv, _ := b.Value(bi)
			if !av.Equal(bv) {
				d.Inputs = append(d.Inputs, InputDiff{Figure: n.Name, A: ai, B: bi})
			}
			continue
		}
		if !ok || !n.Money || !a.Graph.Nodes[ai].Money {
			continue
		}
		av, aok := a.Value(ai)
		bv, bok := b.Value(bi)
		if !aok || !bok || av.Equal(bv) {
			continue
		}
		f := FigureDiff{Figure: n.Name, A: ai, B: bi, Delta: bv.Sub(av)}
		if total(n.Name, b) {
			d.Totals = append(d.Totals, f)
		} else {
			d.Figures = append(d.Figures, f)
		}
	}
	for i, n := range a.Graph.Nodes {
		if _, ok := b.Graph.Lookup(n.Name); !ok && n.Op == OpInput {
			d.Inputs = append(d.Inputs, InputDiff{Figure: n.Name, A: NodeID(i), B: -1})
		}
	}
	sort.SliceStable(d.Inputs, func(i, j int) bool { return d.Inputs[i].Figure < d.Inputs[j].Figure })
	for _, fs := range [][]FigureDiff{d.Totals, d.Figures} {
		sort.SliceStable(fs, func(i, j int) bool {
			x, y := fs[i].Delta.Abs(), fs[j].Delta.Abs()
			if c := x.Cmp(y); c != 0 {
				return c > 0
			}
			return fs[i].Figure < fs[j].Figure
		})
	}
	// The grand total first, whatever its size among the others.
	for i, f := range d.Totals {
		if f.Figure == "total" {
			copy(d.Totals[1:i+1], d.Totals[:i])
			d.Totals[0] = f
		}
	}
	return d
}

// total reports whether a figure of r is one of the totals a council reads
// first: the total, a municipality's, a service's or a category's over all
// municipalities.
func total(name string, r *Result) bool {
	if name == "total" || strings.HasPrefix(name, "service.") || strings.HasPrefix(name, "category.") {
		return true
	}
	for _, m := range r.Municipalities {
		if name == m.Name+".total" {
			return true
		}
	}
	return false
}
