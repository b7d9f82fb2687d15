package scenarios_test

import (
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// A written variant of every shipped scenario, each parameter it states
// raised by a tenth, loads without problems and costs to the same figures
// as the base graph with that one leaf set to the new value.
func TestVariantEveryParameter(t *testing.T) {
	for _, base := range scenarios.Shipped() {
		sc, err := scenarios.LoadShipped(base)
		if err != nil {
			t.Fatal(err)
		}
		r, err := costing.Cost(sc)
		if err != nil {
			t.Fatal(err)
		}
		for name, p := range sc.Parameters {
			if p.Input.Ref != "" {
				continue
			}
			v := p.Input.Value.Mul(decimal.RequireFromString("1.1")).Round(2)
			if p.Input.Value.IsInteger() {
				v = p.Input.Value.Add(decimal.NewFromInt(1))
			}
			if p.Input.Value.LessThanOrEqual(decimal.NewFromInt(1)) && !p.Input.Value.IsInteger() {
				v = p.Input.Value.Mul(decimal.RequireFromString("0.9")).Round(3) // a share stays a share
			}
			src, err := scenarios.Variant(base, sc, map[string]string{name: v.String()})
			if err != nil {
				t.Fatal(err)
			}
			vsc, err := scenarios.LoadSource("variant.toml", src)
			if err != nil {
				t.Errorf("%s %s = %s: %v\n%s", base, name, v, err, src)
				continue
			}
			vr, err := costing.Cost(vsc)
			if err != nil && !strings.Contains(err.Error(), "variant.toml") {
				continue // the new value breaks a check of the base (a unit closing with children in it)
			}
			if err != nil {
				t.Errorf("%s %s = %s: %v", base, name, v, err)
				continue
			}
			id, ok := r.Graph.Lookup("params." + name)
			if !ok {
				continue // a parameter nothing uses
			}
			vals := r.Graph.Leaves()
			if err := r.Graph.Set(vals, id, v); err != nil {
				t.Fatal(err)
			}
			r.Graph.Eval(vals)
			got, _ := vr.Value(vr.Total)
			want := vals.D[r.Total]
			if !got.Equal(want) {
				t.Errorf("%s %s = %s: the variant's total is %s, the base with the leaf set %s", base, name, v, got, want)
			}
		}
	}
}

func TestVariantRefusesOddInput(t *testing.T) {
	sc, err := scenarios.LoadShipped("gjilan")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []map[string]string{
		{"foster_allowance": "300\"\n[evil]"},
		{"foster_allowance": "1e3"},
		{"foster_allowance": ""},
		{"no_such": "1"},
		{"foster_allowance\n[x]": "1"},
	} {
		if src, err := scenarios.Variant("gjilan", sc, v); err == nil {
			t.Errorf("%q: accepted:\n%s", v, src)
		}
	}
	if _, err := scenarios.Variant("../etc/passwd", sc, nil); err == nil {
		t.Error("a base that is no shipped scenario was accepted")
	}
	src, _ := scenarios.Variant("gjilan", sc, map[string]string{"foster_allowance": "-5"})
	_, err = scenarios.LoadSource("variant.toml", src)
	if err == nil || !strings.Contains(err.Error(), "variant.toml:") || !strings.Contains(err.Error(), "parameters.foster_allowance.value") {
		t.Errorf("a negative allowance: %v", err)
	}
}
