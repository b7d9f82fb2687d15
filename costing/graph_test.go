package costing_test

import (
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

// cells names node i of a graph "N{i}", as a spreadsheet reference would.
func cells(id costing.NodeID) string { return "N" + string(rune('0'+id)) }

func TestFormulaEveryOp(t *testing.T) {
	g := costing.NewGraph("EUR", 2, 0)
	a := g.Input(costing.Node{Name: "a", Money: true}, dec("10"))                                  // N0
	b := g.Input(costing.Node{Name: "b"}, dec("3"))                                                // N1
	c := g.Input(costing.Node{Name: "c"}, dec("0.04"))                                             // N2
	lit := g.Input(costing.Node{Name: "lit", Leaf: &costing.Leaf{Raw: `"612.50"`}}, dec("612.50")) // N3

	type want struct{ readable, sheet string }
	cases := []struct {
		name  string
		id    costing.NodeID
		want  want
		value string
	}{
		{"sum", g.Compute(costing.Node{Name: "sum", Money: true}, costing.OpSum, a, b, c),
			want{"N0 + N1 + N2", "ROUND(SUM(N0,N1,N2),2)"}, "13.04"},
		{"sum_empty", g.Compute(costing.Node{Name: "sum_empty", Money: true}, costing.OpSum),
			want{"0", "ROUND(0,2)"}, "0"},
		{"sub", g.Compute(costing.Node{Name: "sub"}, costing.OpSub, a, b, c),
			want{"N0 − N1 − N2", "N0-N1-N2"}, "6.96"},
		{"mul", g.Compute(costing.Node{Name: "mul", Money: true}, costing.OpMul, a, b, c),
			want{"N0 × N1 × N2", "ROUND(N0*N1*N2,2)"}, "1.2"},
		{"div", g.Compute(costing.Node{Name: "div", Money: true}, costing.OpDiv, a, b),
			want{"N0 ÷ N1", "ROUND(N0/N1,2)"}, "3.33"},
		{"div_qty", g.Compute(costing.Node{Name: "div_qty"}, costing.OpDiv, b, c),
			want{"N1 ÷ N2", "N1/N2"}, "75"},
		{"ceil", g.Compute(costing.Node{Name: "ceil"}, costing.OpCeil, c),
			want{"round up(N2)", "ROUNDUP(N2,0)"}, "1"},
		{"max", g.Compute(costing.Node{Name: "max"}, costing.OpMax, b, a, c),
			want{"max(N1, N0, N2)", "MAX(N1,N0,N2)"}, "10"},
		// Value a, rate c, years b; the spreadsheet writes PMT(rate, years, −value).
		{"annuity", g.Compute(costing.Node{Name: "annuity", Money: true}, costing.OpAnnuity, a, c, b),
			want{"annuity(N0, N2, N1)", "ROUND(PMT(N2,N1,-N0),2)"}, "3.6"},
	}
	v := g.Evaluate()
	for _, tc := range cases {
		if got := g.Formula(tc.id, costing.Readable, cells); got != tc.want.readable {
			t.Errorf("%s readable: %q, want %q", tc.name, got, tc.want.readable)
		}
		if got := g.Formula(tc.id, costing.Spreadsheet, cells); got != tc.want.sheet {
			t.Errorf("%s spreadsheet: %q, want %q", tc.name, got, tc.want.sheet)
		}
		got, ok := v.Get(tc.id)
		if !ok || !got.Equal(dec(tc.value)) {
			t.Errorf("%s = %s (defined %v), want %s", tc.name, got, ok, tc.value)
		}
	}
	// 10 × 0.04 × 1.04³ ÷ (1.04³ − 1) = 0.4 × 1.124864 ÷ 0.124864
	//   = 0.4499456 ÷ 0.124864 = 3.60348… → 3.60 (checked above as 3.6)

	// A leaf writes its value as written, in both styles.
	for _, style := range []costing.Style{costing.Readable, costing.Spreadsheet} {
		if got := g.Formula(lit, style, cells); got != `"612.50"` {
			t.Errorf("leaf formula in style %d: %q, want the raw text", style, got)
		}
		if got := g.Formula(b, style, cells); got != "3" {
			t.Errorf("leaf without origin in style %d: %q, want 3", style, got)
		}
	}

	// Money rounds to the graph's decimals: whole lek for ALL.
	all := costing.NewGraph("ALL", 0, 0)
	x := all.Input(costing.Node{Name: "x"}, dec("7"))
	y := all.Input(costing.Node{Name: "y"}, dec("2"))
	q := all.Compute(costing.Node{Name: "q", Money: true}, costing.OpDiv, x, y)
	if got := all.Formula(q, costing.Spreadsheet, cells); got != "ROUND(N0/N1,0)" {
		t.Errorf("ALL spreadsheet: %q, want ROUND(N0/N1,0)", got)
	}
	// 7 ÷ 2 = 3.5 → 4 (half away from zero)
	if got, _ := all.Evaluate().Get(q); !got.Equal(dec("4")) {
		t.Errorf("7 ÷ 2 in ALL = %s, want 4", got)
	}
}

// annuityGraph returns a graph with one money annuity node.
func annuityGraph(value, rate, years string) (*costing.Graph, costing.NodeID) {
	g := costing.NewGraph("EUR", 2, 0)
	v := g.Input(costing.Node{Name: "value", Money: true}, dec(value))
	r := g.Input(costing.Node{Name: "rate"}, dec(rate))
	n := g.Input(costing.Node{Name: "years"}, dec(years))
	return g, g.Compute(costing.Node{Name: "charge", Money: true}, costing.OpAnnuity, v, r, n)
}

func TestAnnuity(t *testing.T) {
	cases := []struct {
		value, rate, years, want string
		why                      string
	}{
		{"1000", "0", "3", "333.33", "rate 0: 1000 ÷ 3 = 333.333… → 333.33"},
		{"1200", "0", "5", "240.00", "rate 0: 1200 ÷ 5 = 240"},
		{"1000", "0.04", "5", "224.63", "1000 × 0.04 × 1.2166529024 ÷ 0.2166529024 = 224.6271… → 224.63"},
		{"10000", "0.05", "10", "1295.05",
			"1.05¹⁰ = 1.62889462677744140625; 10000 × 0.05 × 1.6288946… = 814.4473134; ÷ 0.6288946268 = 1295.0457… → 1295.05"},
		{"5000", "0.1", "1", "5500.00", "one year at 10%: 5000 × 0.1 × 1.1 ÷ 0.1 = 5500"},
		{"0", "0.04", "5", "0", "nothing to repay"},
	}
	for _, c := range cases {
		g, id := annuityGraph(c.value, c.rate, c.years)
		got, ok := g.Evaluate().Get(id)
		if !ok || !got.Equal(dec(c.want)) {
			t.Errorf("annuity(%s, %s, %s) = %s (defined %v), want %s: %s", c.value, c.rate, c.years, got, ok, c.want, c.why)
		}
	}
	// Years must be a positive whole number.
	for _, years := range []string{"0", "2.5"} {
		g, id := annuityGraph("1000", "0.04", years)
		if _, ok := g.Evaluate().Get(id); ok {
			t.Errorf("annuity over %s years is defined, want undefined", years)
		}
	}
}

func TestDivisionByZeroIsUndefined(t *testing.T) {
	g := costing.NewGraph("EUR", 2, 0)
	a := g.Input(costing.Node{Name: "a", Money: true}, dec("100"))
	z := g.Input(costing.Node{Name: "z"}, decimal.Zero)
	q := g.Compute(costing.Node{Name: "q", Money: true}, costing.OpDiv, a, z)
	dep := g.Compute(costing.Node{Name: "dep", Money: true}, costing.OpSum, a, q)
	dep2 := g.Compute(costing.Node{Name: "dep2"}, costing.OpCeil, dep)
	other := g.Compute(costing.Node{Name: "other", Money: true}, costing.OpMul, a, a)

	v := g.Evaluate()
	for _, id := range []costing.NodeID{q, dep, dep2} {
		if _, ok := v.Get(id); ok {
			t.Errorf("%s is defined, want undefined (it divides by zero)", g.Nodes[id].Name)
		}
	}
	if got, ok := v.Get(other); !ok || !got.Equal(dec("10000")) {
		t.Errorf("other = %s (defined %v), want 10000: a figure that does not use the quotient stays defined", got, ok)
	}

	// Giving the divisor a value and evaluating the same values again
	// makes them defined.
	if err := g.Set(v, z, dec("8")); err != nil {
		t.Fatal(err)
	}
	g.Eval(v)
	// 100 ÷ 8 = 12.50; 100 + 12.50 = 112.50; round up 113
	for id, want := range map[costing.NodeID]string{q: "12.50", dep: "112.50", dep2: "113"} {
		if got, ok := v.Get(id); !ok || !got.Equal(dec(want)) {
			t.Errorf("after Set: %s = %s (defined %v), want %s", g.Nodes[id].Name, got, ok, want)
		}
	}
}

func TestReevaluation(t *testing.T) {
	r := loadWorked(t)
	g := r.Graph
	pension, ok := g.Lookup("params.pension")
	if !ok {
		t.Fatal("no params.pension")
	}
	before := value(t, r, "total")

	v := g.Leaves()
	if err := g.Set(v, pension, dec("0.10")); err != nil {
		t.Fatal(err)
	}
	g.Eval(v)
	get := func(name string) decimal.Decimal {
		t.Helper()
		id, ok := g.Lookup(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		d, ok := v.Get(id)
		if !ok {
			t.Fatalf("%s undefined after re-evaluation", name)
		}
		return d
	}
	for _, f := range []figure{
		// 7,452.70 × 0.10 = 745.27
		{"roles.sw.on_costs", "745.27"},
		// 7,452.70 + 745.27 = 8,197.97
		{"roles.sw.employment_cost", "8197.97"},
		// 8,197.97 × 0.2 = 1,639.594 → 1,639.59
		{"roles.sw.overheads", "1639.59"},
		// 8,197.97 + 1,639.59 + 224.63 = 10,062.19
		{"roles.sw.annual_cost_per_fte", "10062.19"},
		// capital does not depend on the pension rate
		{"roles.sw.capital", "224.63"},
		// 5,760.00 × 0.10 = 576.00
		{"roles.admin.on_costs", "576.00"},
		// day centre: 745.27 × 4 posts = 2,981.08
		{"town.dc.annual.staff.carers.employer_contributions", "2981.08"},
		// the foster allowance does not use the rate
		{"town.foster.annual.allowance", "21000.00"},
	} {
		if got := get(f.name); !got.Equal(dec(f.want)) {
			t.Errorf("with pension 0.10: %s = %s, want %s", f.name, got, f.want)
		}
	}
	if got := get("total"); !got.GreaterThan(before) {
		t.Errorf("with pension 0.10 the total is %s, want more than %s", got, before)
	}

	// The original evaluation is untouched.
	for _, f := range []figure{
		{"params.pension", "0.05"},
		{"roles.sw.on_costs", "372.64"},
		{"roles.sw.annual_cost_per_fte", "9615.04"},
		{"total", "139442.21"},
	} {
		if got := value(t, r, f.name); !got.Equal(dec(f.want)) {
			t.Errorf("original evaluation changed: %s = %s, want %s", f.name, got, f.want)
		}
	}
	// And so are the graph's own leaf values.
	if d, _ := g.Evaluate().Get(pension); !d.Equal(dec("0.05")) {
		t.Errorf("a fresh evaluation sees pension %s, want 0.05", d)
	}
}

func TestSetComputedIsAnError(t *testing.T) {
	r := loadWorked(t)
	id, _ := r.Graph.Lookup("roles.sw.on_costs")
	v := r.Graph.Leaves()
	err := r.Graph.Set(v, id, dec("1"))
	if err == nil {
		t.Fatal("Set on a computed node: want an error")
	}
	if !strings.Contains(err.Error(), "roles.sw.on_costs") {
		t.Errorf("error %q should name the figure", err)
	}
	if !v.D[id].IsZero() {
		t.Errorf("Set on a computed node changed its value to %s", v.D[id])
	}
}

func TestNamesAndLookup(t *testing.T) {
	r := loadWorked(t)
	names := r.Graph.Names()
	if len(names) != len(r.Graph.Nodes) {
		t.Fatalf("Names: %d names for %d nodes", len(names), len(r.Graph.Nodes))
	}
	for i, n := range names {
		id, ok := r.Graph.Lookup(n)
		if !ok || int(id) != i {
			t.Errorf("Lookup(%s) = %d, %v; want %d", n, id, ok, i)
		}
		// Arguments come before the node that uses them.
		for _, a := range r.Graph.Nodes[i].Args {
			if int(a) >= i {
				t.Errorf("%s uses %s, which comes after it", n, names[a])
			}
		}
	}
	if _, ok := r.Graph.Lookup("no.such.figure"); ok {
		t.Error("Lookup of an unknown name succeeded")
	}
}
