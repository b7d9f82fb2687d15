package costing

import (
	"testing"

	"github.com/kosto-project/kosto/scenarios"
)

// Recomputing only what a year's moved leaves reach gives every figure the
// full evaluation gives, every year, on the national projection.
func TestEvalReachedMatchesEval(t *testing.T) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/national-projection.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := Build(sc)
	p := r.Project()
	for k, y := range p.Years {
		full := r.Graph.Leaves()
		for i := range p.Values[k].D {
			if r.Graph.Nodes[i].Op == OpInput {
				full.D[i] = p.Values[k].D[i]
			}
		}
		r.Graph.Eval(full)
		for i := range full.D {
			if full.Undefined[i] != p.Values[k].Undefined[i] || !full.D[i].Equal(p.Values[k].D[i]) {
				t.Fatalf("%d: %s is %s in the projection, %s evaluated in full", y, r.Graph.Nodes[i].Name, p.Values[k].D[i], full.D[i])
			}
		}
	}
}
