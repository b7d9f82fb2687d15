package grant_test

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// dec parses a decimal written in a test.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ptr(s string) *decimal.Decimal { d := dec(s); return &d }

func decs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = dec(s)
	}
	return out
}

// Three municipalities, a lump sum, a floor and hold-harmless, computed by
// hand:
//
//	pot 1,000 (whole units); population A 60, B 36, C 4, so shares 0.6,
//	0.36, 0.04; A has a lump sum of 100, so 900 is divided by the formula:
//	  formula: A = 100 + 0.6 × 900 = 640, B = 0.36 × 900 = 324, C = 0.04 × 900 = 36.
//	floor 100: C is lifted to 100; A's and B's formula parts (540, 324) are
//	scaled by λ so that 100 + 540λ + 324λ + 100 = 1,000: λ = 800 ÷ 864:
//	  A = 100 + 540 × 800/864 = 600, B = 324 × 800/864 = 300, C = 100.
//	hold-harmless 10% against baselines A 500, B 400, C 100: B may not go
//	below 360, so needs 60; the only gainer is A, 100 above its baseline, so
//	gains are scaled by k = 1 − 60/100 = 0.4:
//	  A = 500 + 100 × 0.4 = 540, B = 360, C = 100; total 1,000.
func TestSplitByHand(t *testing.T) {
	s := &grant.Split{Pot: dec("1000"), Decimals: 0, Names: []string{"a", "b", "c"},
		Shares: decs("0.6", "0.36", "0.04"), Lumps: decs("100", "0", "0")}
	check := func(name string, want ...string) *grant.SplitResult {
		t.Helper()
		res, err := s.Run()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, w := range want {
			if !res.Allocation[i].Equal(dec(w)) {
				t.Errorf("%s: %s = %s, want %s", name, s.Names[i], res.Allocation[i], w)
			}
		}
		return res
	}
	res := check("formula", "640", "324", "36")
	if !res.Formula[0].Equal(dec("640")) {
		t.Errorf("formula amount of a = %s, want 640", res.Formula[0])
	}
	s.Floor = ptr("100")
	res = check("floor", "600", "300", "100")
	if res.Bound[2] != grant.BoundFloor || res.Bound[0] != "" {
		t.Errorf("bounds = %v, want c at the floor", res.Bound)
	}
	s.HoldHarmless, s.Baseline = ptr("0.1"), decs("500", "400", "100")
	res = check("hold-harmless", "540", "360", "100")
	if res.Bound[1] != grant.BoundHoldHarmless || !res.GainScale.Round(9).Equal(dec("0.4")) {
		t.Errorf("bounds = %v, gain scale %s; want b held harmless and gains × 0.4", res.Bound, res.GainScale)
	}
	// With a cap of 550: floors and caps first — A held at 550, C at its
	// floor 100, so B's formula part is scaled to 1,000 − 650 = 350. Then
	// hold-harmless: B needs 10 to reach 360; A gains 50 above its
	// baseline: k = 1 − 10/50 = 0.8, A = 500 + 50 × 0.8 = 540.
	s.Cap = ptr("550")
	check("cap", "540", "360", "100")
}

// Equal remainders go in the order of the names, so that the allocations
// sum to the pot to the cent.
func TestSplitLargestRemainder(t *testing.T) {
	third := dec("1").Div(dec("3"))
	s := &grant.Split{Pot: dec("100"), Decimals: 2, Names: []string{"c", "a", "b"}, Shares: []decimal.Decimal{third, third, third}}
	res, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"33.33", "33.34", "33.33"}
	for i := range want {
		if !res.Allocation[i].Equal(dec(want[i])) {
			t.Errorf("%s = %s, want %s", s.Names[i], res.Allocation[i], want[i])
		}
	}
	if res.Rounded != 1 {
		t.Errorf("rounded = %d, want 1", res.Rounded)
	}
}

// When the floors take the whole pot exactly, every municipality gets the
// floor and the formula part is scaled to nothing (the sweep's first event
// reaches the pot on a flat piece; this used to divide by zero).
func TestSplitFloorsTakeThePot(t *testing.T) {
	s := &grant.Split{Pot: dec("200"), Names: []string{"a", "b"}, Shares: decs("0.2", "0.8"), Floor: ptr("100")}
	res, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	for m := range 2 {
		if !res.Allocation[m].Equal(dec("100")) || res.Bound[m] != grant.BoundFloor {
			t.Errorf("%s = %s (%q), want 100 at the floor", s.Names[m], res.Allocation[m], res.Bound[m])
		}
	}
	if !res.Scale.IsZero() {
		t.Errorf("scale = %s, want 0", res.Scale)
	}
}

// The scale λ of floors and caps is characterised without the sweep that
// finds it: every free allocation is lump + λ × formula part, every
// municipality at its floor would be at or below it at λ, at its cap at or
// above it, and the exact allocations add up to the pot (to the precision
// of the one division). Random cases, many with ties and bounds that take
// the pot exactly.
func TestSplitScaleCharacterised(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	met := 0
	for i := range 2000 {
		n := 1 + r.Intn(40)
		s := &grant.Split{Decimals: 0}
		weights := make([]int64, n)
		total := int64(0)
		for m := range n {
			s.Names = append(s.Names, fmt.Sprintf("m%02d", m))
			weights[m] = int64(r.Intn(5) * r.Intn(50)) // zeros and repeats
			total += weights[m]
			lump := int64(0)
			if r.Intn(4) == 0 {
				lump = int64(r.Intn(300))
			}
			s.Lumps = append(s.Lumps, decimal.NewFromInt(lump))
		}
		if total == 0 {
			continue
		}
		for m := range n {
			s.Shares = append(s.Shares, decimal.NewFromInt(weights[m]).Div(decimal.NewFromInt(total)))
		}
		floor, capv := int64(r.Intn(200)), int64(100+r.Intn(400))
		if r.Intn(3) > 0 {
			s.Floor = ptr(strconv.FormatInt(floor, 10))
		}
		if r.Intn(3) > 0 {
			s.Cap = ptr(strconv.FormatInt(capv, 10))
		}
		pot := int64(r.Intn(n * 300))
		switch r.Intn(4) {
		case 0:
			if s.Floor != nil {
				pot = floor * int64(n) // the floors take the pot exactly
			}
		case 1:
			if s.Cap != nil {
				pot = capv * int64(n) // the caps do
			}
		}
		s.Pot = decimal.NewFromInt(pot)
		res, err := s.Run()
		if err != nil {
			continue // infeasible: TestSplitErrors and TestGrantProperties cover the messages
		}
		met++
		rest := s.Pot
		for _, l := range s.Lumps {
			rest = rest.Sub(l)
		}
		sum := decimal.Zero
		eps := dec("1e-9")
		for m := range n {
			v := s.Lumps[m].Add(res.Scale.Mul(rest.Mul(s.Shares[m])))
			x := res.Exact[m]
			sum = sum.Add(x)
			switch res.Bound[m] {
			case "":
				if x.Sub(v).Abs().GreaterThan(eps) {
					t.Fatalf("case %d: %s free at %s, but lump + λ × part = %s (λ = %s)", i, s.Names[m], x, v, res.Scale)
				}
			case grant.BoundFloor:
				if v.Sub(x).GreaterThan(eps) || !x.Equal(*s.Floor) {
					t.Fatalf("case %d: %s held at the floor %s, but lump + λ × part = %s", i, s.Names[m], x, v)
				}
			case grant.BoundCap:
				if x.Sub(v).GreaterThan(eps) || !x.Equal(*s.Cap) {
					t.Fatalf("case %d: %s held at the cap %s, but lump + λ × part = %s", i, s.Names[m], x, v)
				}
			}
		}
		if sum.Sub(s.Pot).Abs().GreaterThan(eps.Mul(decimal.NewFromInt(int64(n)))) {
			t.Fatalf("case %d: exact allocations add up to %s, not the pot %s", i, sum, s.Pot)
		}
	}
	if met < 700 {
		t.Errorf("only %d of 2000 random cases were feasible", met)
	}
}

func TestSplitErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		s    grant.Split
		want string
	}{
		{"floors above the pot", grant.Split{Pot: dec("250"), Names: []string{"a", "b", "c"}, Shares: decs("0.5", "0.3", "0.2"), Floor: ptr("100")},
			"3 municipalities × the floor of 100 = 300; with the lump sums above it, the allocations cannot go below 300, more than the pot of 250"},
		{"lump sums above the pot", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("0.5", "0.5"), Lumps: decs("60", "50")},
			"the lump sums add up to 110, more than the pot of 100"},
		{"caps below the pot", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("0.5", "0.5"), Cap: ptr("40")},
			"with every municipality at its cap of 40 or held by the formula, the allocations reach only 80 of the pot of 100"},
		{"hold-harmless impossible", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("0.5", "0.5"),
			HoldHarmless: ptr("0"), Baseline: decs("80", "40")},
			"cannot be satisfied: keeping every municipality within 0 of its baseline needs 30, but the gainers gain only 10 above their baselines"},
		{"negative share", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("1.5", "-0.5")},
			"b: the share is -0.5, less than zero"},
		{"shares not adding up to 1", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("0.5", "0.4")},
			"the shares add up to 0.9, not 1"},
		{"negative lump sum", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("0.5", "0.5"), Lumps: decs("-10", "0")},
			"a: the lump sum is -10, less than zero"},
		{"hold-harmless without baselines", grant.Split{Pot: dec("100"), Names: []string{"a", "b"}, Shares: decs("0.5", "0.5"), HoldHarmless: ptr("0.1")},
			"0 baselines for 2 shares"},
		{"pot in cents, rounding to units", grant.Split{Pot: dec("100.5"), Names: []string{"a"}, Shares: decs("1")},
			"the pot 100.5 is not a whole multiple of 1, the unit allocations are rounded to"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.s.Run()
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// grantCase is a formula and table built in code.
type grantCase struct {
	names   []string
	pop     []int64
	area    []int64
	noise   []int64 // a weight-0 criterion
	lumps   map[string]int64
	pot     int64
	floor   int64 // 0: none
	cap     int64
	hold    string // "": none
	base    []int64
	cents   bool
	weights [3]string // population, area, noise
}

func (c *grantCase) build(order []int) (*models.Formula, *models.DataTable) {
	f := &models.Formula{File: "f.toml", Name: models.T("t"), Title: models.T("t"), Currency: models.T("EUR"),
		Data: models.FormulaData{File: models.T("d.csv"), Key: models.T("name"), Population: models.T("population")},
		Pot:  models.Pot{Kind: models.PotAmount, Amount: models.Lit(strconv.FormatInt(c.pot, 10))}, LumpSums: map[string]models.Input{}}
	if !c.cents {
		f.Rules.Rounding = models.T(models.RoundUnit)
	}
	for i, col := range []string{"population", "area", "noise"} {
		w := c.weights[i]
		if w == "" {
			continue
		}
		f.Criteria = append(f.Criteria, &models.Criterion{Name: col, Column: models.T(col), Weight: models.Lit(w)})
	}
	for n, v := range c.lumps {
		f.LumpSums[n] = models.Lit(strconv.FormatInt(v, 10))
	}
	if c.floor > 0 {
		f.Rules.Floor = models.Lit(strconv.FormatInt(c.floor, 10))
	}
	if c.cap > 0 {
		f.Rules.Cap = models.Lit(strconv.FormatInt(c.cap, 10))
	}
	if c.hold != "" {
		f.Rules.HoldHarmless = models.Lit(c.hold)
		f.Data.Baseline = models.T("baseline")
	}
	t := &models.DataTable{File: "d.csv", Columns: []string{"name", "population", "area", "noise", "baseline"}}
	for k, i := range order {
		base := ""
		if c.base != nil {
			base = strconv.FormatInt(c.base[i], 10)
		}
		t.Rows = append(t.Rows, models.DataRow{Line: k + 2, Cells: []string{c.names[i], strconv.FormatInt(c.pop[i], 10),
			strconv.FormatInt(c.area[i], 10), strconv.FormatInt(c.noise[i], 10), base}})
	}
	return f, t
}

func identity(n int) []int {
	o := make([]int, n)
	for i := range o {
		o[i] = i
	}
	return o
}

func randomCase(r *rand.Rand) *grantCase {
	n := 1 + r.Intn(30)
	c := &grantCase{pot: int64(1000 + r.Intn(10_000_000)), lumps: map[string]int64{}, cents: r.Intn(2) == 0}
	for i := range n {
		c.names = append(c.names, fmt.Sprintf("m%02d", i))
		c.pop = append(c.pop, int64(1+r.Intn(200_000)))
		c.area = append(c.area, int64(r.Intn(1000))) // may be 0
		c.noise = append(c.noise, int64(r.Intn(1000)))
	}
	c.area[0]++ // never all zero
	wp := r.Intn(101)
	c.weights = [3]string{decimal.New(int64(wp), -2).String(), decimal.New(int64(100-wp), -2).String(), ""}
	if r.Intn(3) == 0 {
		for i := range n {
			if r.Intn(3) == 0 {
				c.lumps[c.names[i]] = int64(r.Intn(int(c.pot/int64(3*n) + 1)))
			}
		}
	}
	avg := c.pot / int64(n)
	if r.Intn(2) == 0 {
		c.floor = int64(r.Intn(int(avg)+1)) * 9 / 10
	}
	if r.Intn(3) == 0 {
		c.cap = avg + 1 + int64(r.Intn(int(avg)+1))*2
	}
	if r.Intn(2) == 0 {
		c.hold = decimal.New(int64(r.Intn(30)), -2).String()
		for range n {
			c.base = append(c.base, int64(r.Intn(int(avg)+1)))
		}
	}
	return c
}

// Properties over random formulas: the allocations sum exactly to the pot,
// none is negative, floors, caps and hold-harmless hold, every allocation is
// a whole unit; a criterion of weight 0 changes nothing; permuting the rows
// changes no one's allocation.
func TestGrantProperties(t *testing.T) {
	r := rand.New(rand.NewSource(20261122))
	ok, refused := 0, 0
	for i := range 600 {
		c := randomCase(r)
		f, tab := c.build(identity(len(c.names)))
		g, err := grant.Allocate(f, tab, grant.Options{})
		if err != nil {
			// Only an infeasible rule may refuse, and it must say which.
			msg := err.Error()
			if !strings.Contains(msg, "rules.floor") && !strings.Contains(msg, "rules.hold_harmless") && !strings.Contains(msg, "rules.cap") {
				t.Fatalf("case %d: unexpected error: %v", i, err)
			}
			refused++
			continue
		}
		ok++
		unit := decimal.New(1, -g.Decimals)
		sum := decimal.Zero
		by := map[string]decimal.Decimal{}
		for k, row := range g.Rows {
			a := row.Allocation
			sum = sum.Add(a)
			by[row.Name] = a
			switch {
			case a.IsNegative():
				t.Errorf("case %d: %s = %s, negative", i, row.Name, a)
			case !a.Mod(unit).IsZero():
				t.Errorf("case %d: %s = %s, not a whole %s", i, row.Name, a, unit)
			case c.floor > 0 && a.LessThan(decimal.NewFromInt(c.floor)):
				t.Errorf("case %d: %s = %s, below the floor %d", i, row.Name, a, c.floor)
			case c.cap > 0 && a.GreaterThan(decimal.NewFromInt(c.cap)):
				t.Errorf("case %d: %s = %s, above the cap %d", i, row.Name, a, c.cap)
			case c.hold != "" && a.LessThan(decimal.NewFromInt(c.base[k]).Mul(decimal.NewFromInt(1).Sub(dec(c.hold)))):
				t.Errorf("case %d: %s = %s, loses more than %s of its baseline %d", i, row.Name, a, c.hold, c.base[k])
			}
		}
		if !sum.Equal(decimal.NewFromInt(c.pot)) || !g.Summary.Total.Equal(sum) {
			t.Errorf("case %d: allocations sum to %s, pot %d", i, sum, c.pot)
		}
		// A criterion of weight 0 changes nothing.
		c.weights[2] = "0"
		f0, tab0 := c.build(identity(len(c.names)))
		g0, err := grant.Allocate(f0, tab0, grant.Options{})
		if err != nil {
			t.Fatalf("case %d with a weight-0 criterion: %v", i, err)
		}
		for _, row := range g0.Rows {
			if !row.Allocation.Equal(by[row.Name]) {
				t.Errorf("case %d: a weight-0 criterion moved %s from %s to %s", i, row.Name, by[row.Name], row.Allocation)
			}
		}
		c.weights[2] = ""
		// Permuting the rows changes no one's allocation.
		perm := r.Perm(len(c.names))
		fp, tabp := c.build(perm)
		gp, err := grant.Allocate(fp, tabp, grant.Options{})
		if err != nil {
			t.Fatalf("case %d permuted: %v", i, err)
		}
		for _, row := range gp.Rows {
			if !row.Allocation.Equal(by[row.Name]) {
				t.Errorf("case %d: permuting the rows moved %s from %s to %s", i, row.Name, by[row.Name], row.Allocation)
			}
		}
	}
	if ok < 300 {
		t.Errorf("only %d of 600 random formulas could be met (%d refused): the generator should make most feasible", ok, refused)
	}
}

// The Gini coefficient of equal per-capita allocations is 0; of one
// municipality taking everything, 1 − its share of the population.
func TestGrantGini(t *testing.T) {
	c := &grantCase{names: []string{"a", "b"}, pop: []int64{100, 300}, area: []int64{1, 3}, noise: []int64{0, 0}, pot: 4000,
		weights: [3]string{"1", "", ""}}
	f, tab := c.build(identity(2))
	g, err := grant.Allocate(f, tab, grant.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !g.Summary.Gini.IsZero() || !g.Summary.Ratio.Equal(dec("1")) {
		t.Errorf("equal per capita: Gini %s, ratio %s; want 0 and 1", g.Summary.Gini, g.Summary.Ratio)
	}
	c.area = []int64{1, 0}
	c.weights = [3]string{"", "1", ""}
	f, tab = c.build(identity(2))
	if g, err = grant.Allocate(f, tab, grant.Options{}); err != nil {
		t.Fatal(err)
	}
	// a (a quarter of the people) takes everything: G = 0.75.
	if !g.Summary.Gini.Equal(dec("0.75")) {
		t.Errorf("one takes all: Gini %s, want 0.75", g.Summary.Gini)
	}
}

// The problems found reading a formula (Options.Read) come back with those
// Allocate finds against its data, in one sorted list, and nothing is
// allocated; without a table, or for a cost-based pot without its scenario,
// they come back alone.
func TestAllocateWithReadProblems(t *testing.T) {
	c := &grantCase{names: []string{"a", "b"}, pop: []int64{100, 300}, area: []int64{1, 3}, noise: []int64{0, 0}, pot: 4000,
		weights: [3]string{"0.5", "0.5", ""}}
	f, tab := c.build(identity(2))
	f.Criteria[1].Column = models.Text{S: "aera", Set: true, Pos: models.Position{File: "f.toml", Line: 12, Key: "criteria.area.column"}}
	read := models.Problems{{Pos: models.Position{File: "f.toml", Line: 20, Key: "rules.flor"}, Expected: "unknown key in [rules]"}}
	g, err := grant.Allocate(f, tab, grant.Options{Read: read})
	want := `f.toml:12: criteria.area.column = "aera": no column "aera" in d.csv; did you mean "area"?
f.toml:20: rules.flor: unknown key in [rules]`
	if g != nil || err == nil || err.Error() != want {
		t.Errorf("got %v, %v; want nothing and\n%s", g, err, want)
	}
	if len(read) != 1 {
		t.Errorf("Allocate changed the caller's problems: %v", read)
	}
	f, tab = c.build(identity(2))
	if g, err := grant.Allocate(f, tab, grant.Options{Read: read}); g != nil || err.Error() != read.Error() {
		t.Errorf("no problems against the data: got %v, %v; want the formula's alone", g, err)
	}
	if g, err := grant.Allocate(f, nil, grant.Options{Read: read}); g != nil || err.Error() != read.Error() {
		t.Errorf("no table: got %v, %v; want the formula's problems alone", g, err)
	}
	f.Pot = models.Pot{Kind: models.PotCostBased, Scenario: models.T("gjilan")}
	if g, err := grant.Allocate(f, tab, grant.Options{Read: read}); g != nil || err.Error() != read.Error() {
		t.Errorf("cost-based without its scenario: got %v, %v; want the formula's problems alone", g, err)
	}
}
