package costing_test

import (
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
)

// walk visits every explanation of a tree.
func walk(e *costing.Explanation, visit func(*costing.Explanation)) {
	visit(e)
	for _, in := range e.Inputs {
		walk(in, visit)
	}
}

func TestExplainReachesParameters(t *testing.T) {
	r := loadWorked(t)
	id, err := r.Find("town.foster.unit_cost")
	if err != nil {
		t.Fatal(err)
	}
	e := r.Explain(id, 0)
	if e.ID != id || !e.Defined || !e.Value.Equal(dec("4482.08")) {
		t.Errorf("root: id %d value %s defined %v, want %d, 4482.08, defined", e.ID, e.Value, e.Defined, id)
	}
	want := "town.foster.unit.allowance + town.foster.unit.case_management + town.foster.unit.carer_support + town.foster.unit.overhead"
	if e.Formula != want {
		t.Errorf("root formula %q, want %q", e.Formula, want)
	}

	leaves := map[string]*costing.Explanation{}
	var repeated []string
	walk(e, func(x *costing.Explanation) {
		if x.Truncated {
			t.Errorf("%s truncated with depth 0", x.Node.Name)
		}
		if x.Node.Op == costing.OpInput {
			leaves[x.Node.Name] = x
			if x.Formula != "" || len(x.Inputs) != 0 {
				t.Errorf("leaf %s has formula %q and %d inputs, want none", x.Node.Name, x.Formula, len(x.Inputs))
			}
		} else if x.Formula == "" {
			t.Errorf("%s has no formula", x.Node.Name)
		}
		if x.Repeated {
			repeated = append(repeated, x.Node.Name)
			if len(x.Inputs) != 0 {
				t.Errorf("repeated %s keeps its inputs", x.Node.Name)
			}
		}
	})

	// The case-management block goes through the role's cost per client
	// hour down to the employer contribution, a named parameter with its
	// source.
	p, ok := leaves["params.pension"]
	switch {
	case !ok:
		t.Errorf("the tree does not reach params.pension; leaves: %v", keys(leaves))
	case p.Node.Leaf == nil || p.Node.Leaf.Param != "pension" ||
		p.Node.Leaf.Source != "Kosovo Pension Savings Trust: employer 5% of gross pay" ||
		p.Node.Leaf.Raw != "0.05" || !p.Value.Equal(dec("0.05")):
		t.Errorf("params.pension leaf: %+v, value %s", p.Node.Leaf, p.Value)
	}
	// Literals written in the service and the role are leaves too, with the
	// text as written.
	for name, raw := range map[string]string{
		"town.foster.monthly_allowance":       "250",
		"town.foster.carer_support_per_carer": `"900.00"`,
		"roles.sw.monthly_gross":              `"612.50"`,
		"roles.sw.capital_rate":               "0.04",
	} {
		l, ok := leaves[name]
		if !ok {
			t.Errorf("the tree does not reach %s", name)
			continue
		}
		if l.Node.Leaf.Raw != raw {
			t.Errorf("%s written as %q, want %q", name, l.Node.Leaf.Raw, raw)
		}
		if l.Node.Leaf.Pos.Line == 0 {
			t.Errorf("%s has no line in the scenario file", name)
		}
	}
	// salary_months is written; allowance_months is the format's default.
	if l, ok := leaves["town.foster.allowance_months"]; !ok || !strings.Contains(l.Node.Leaf.Assumption, "default") {
		t.Errorf("allowance_months should be a leaf saying it is the format's default, got %+v", l)
	}

	// The allowance is an argument of the unit cost and again of the direct
	// cost the overhead is a rate on; the employment cost feeds both the
	// overheads and the annual cost per FTE. The second time each is met it
	// is marked Repeated, not expanded.
	for _, name := range []string{"town.foster.unit.allowance", "roles.sw.employment_cost"} {
		if !contains(repeated, name) {
			t.Errorf("%s is not marked Repeated; repeated: %v", name, repeated)
		}
	}
}

func TestExplainDepth(t *testing.T) {
	r := loadWorked(t)
	id, _ := r.Graph.Lookup("town.foster.unit_cost")
	e := r.Explain(id, 1)
	if len(e.Inputs) != 4 {
		t.Fatalf("depth 1: root has %d inputs, want its 4 blocks", len(e.Inputs))
	}
	for _, in := range e.Inputs {
		if !in.Truncated || len(in.Inputs) != 0 {
			t.Errorf("depth 1: %s truncated %v with %d inputs, want truncated with none", in.Node.Name, in.Truncated, len(in.Inputs))
		}
		if in.Formula == "" {
			t.Errorf("depth 1: truncated %s should still show its formula", in.Node.Name)
		}
	}
	// Depth 2: the blocks are expanded, their inputs are not (except leaves,
	// which have nothing to expand).
	e = r.Explain(id, 2)
	walk(e, func(x *costing.Explanation) {
		if x.Truncated && x.Node.Op == costing.OpInput {
			t.Errorf("leaf %s marked truncated", x.Node.Name)
		}
	})
	var truncated int
	for _, b := range e.Inputs {
		if b.Truncated {
			t.Errorf("depth 2: block %s truncated", b.Node.Name)
		}
		for _, in := range b.Inputs {
			if in.Truncated {
				truncated++
			}
			if len(in.Inputs) != 0 {
				t.Errorf("depth 2: %s expanded at the third level", in.Node.Name)
			}
		}
	}
	if truncated == 0 {
		t.Error("depth 2: nothing truncated at the third level")
	}
}

func TestFind(t *testing.T) {
	r := loadWorked(t)
	exact, _ := r.Graph.Lookup("town.foster.unit_cost")

	// The exact name.
	if id, err := r.Find("town.foster.unit_cost"); err != nil || id != exact {
		t.Errorf("Find exact: %d, %v; want %d", id, err, exact)
	}
	// A unique suffix after a dot.
	if id, err := r.Find("foster.unit_cost"); err != nil || id != exact {
		t.Errorf("Find suffix: %d, %v; want %d", id, err, exact)
	}
	// A suffix must start at a dot: "ster.unit_cost" is not a figure.
	if _, err := r.Find("ster.unit_cost"); err == nil {
		t.Error("Find matched a suffix that does not start at a dot")
	}
	// An ambiguous suffix lists its candidates.
	_, err := r.Find("unit_cost")
	if err == nil {
		t.Fatal("Find(unit_cost): want an ambiguity error")
	}
	for _, c := range []string{"ambiguous", "town.foster.unit_cost", "town.kinship.unit_cost"} {
		if !strings.Contains(err.Error(), c) {
			t.Errorf("ambiguity error %q does not mention %s", err, c)
		}
	}
	// Many candidates are cut to ten.
	_, err = r.Find("on_costs")
	if err == nil || !strings.Contains(err.Error(), "roles.admin.on_costs") || !strings.Contains(err.Error(), "roles.sw.on_costs") {
		t.Errorf("Find(on_costs): %v, want both roles' on_costs", err)
	}
	// Gjilan has 18 caseload categories, each with its workload hours.
	_, err = loadShipped(t, "gjilan").Find("hours")
	if err == nil || strings.Count(err.Error(), "\n  ") != 11 || !strings.Contains(err.Error(), "… and 8 more") {
		t.Errorf("Find(hours) in gjilan: %v, want ten candidates and \"… and 8 more\"", err)
	}
	// An unknown name is an error that names the scenario.
	_, err = r.Find("no_such_figure")
	if err == nil {
		t.Fatal("Find(no_such_figure): want an error")
	}
	if !strings.Contains(err.Error(), "not in scenario worked") {
		t.Errorf("unknown-figure error %q should say which scenario", err)
	}
	// A near name is suggested.
	_, err = r.Find("cost_per_client")
	if err == nil || !strings.Contains(err.Error(), "roles.sw.cost_per_client_hour") {
		t.Errorf("Find(cost_per_client): %v, want roles.sw.cost_per_client_hour suggested", err)
	}
}

func keys(m map[string]*costing.Explanation) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
