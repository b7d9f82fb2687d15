package grant_test

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/kosto-project/kosto/costing/grant"
	"github.com/shopspring/decimal"
)

// BenchmarkGrantSplit10k allocates a pot among 10,000 synthetic
// municipalities with lump sums, a floor, a cap and hold-harmless against a
// baseline (all of which bind somewhere), to the cent: the Split alone, the
// shares given (BENCHMARKS.md).
func BenchmarkGrantSplit10k(b *testing.B) {
	s := syntheticSplit(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGrantAllocate10k is the whole computation from a formula and its
// data table: reading the cells, three criteria, shares, the split and the
// summary lines (Gini).
func BenchmarkGrantAllocate10k(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	c := &grantCase{pot: 500_000_000, lumps: map[string]int64{}, cents: true, floor: 20_000, cap: 90_000, hold: "0.05",
		weights: [3]string{"0.85", "0.15", ""}}
	n := 10_000
	for i := range n {
		c.names = append(c.names, fmt.Sprintf("m%05d", i))
		c.pop = append(c.pop, int64(500+r.Intn(200_000)))
		c.area = append(c.area, int64(1+r.Intn(1000)))
		c.noise = append(c.noise, 0)
		c.base = append(c.base, min(c.pop[i]/2*int64(80+r.Intn(40))/100, 90_000)) // no baseline above the cap
		if i%100 == 0 {
			c.lumps[c.names[i]] = 10_000
		}
	}
	f, tab := c.build(identity(n))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := grant.Allocate(f, tab, grant.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func syntheticSplit(n int) *grant.Split {
	r := rand.New(rand.NewSource(1))
	s := &grant.Split{Pot: decimal.NewFromInt(500_000_000), Decimals: 2, Floor: ptr("20000"), Cap: ptr("90000"), HoldHarmless: ptr("0.05")}
	pop := make([]decimal.Decimal, n)
	total := decimal.Zero
	for i := range n {
		pop[i] = decimal.NewFromInt(int64(500 + r.Intn(200_000)))
		total = total.Add(pop[i])
		s.Names = append(s.Names, fmt.Sprintf("m%05d", i))
		base := pop[i].Div(decimal.NewFromInt(2)).Mul(decimal.NewFromInt(int64(80 + r.Intn(40)))).Div(decimal.NewFromInt(100)).Round(2)
		s.Baseline = append(s.Baseline, decimal.Min(base, decimal.NewFromInt(90_000))) // no baseline above the cap
		lump := decimal.Zero
		if i%100 == 0 {
			lump = decimal.NewFromInt(10_000)
		}
		s.Lumps = append(s.Lumps, lump)
	}
	for i := range n {
		s.Shares = append(s.Shares, pop[i].Div(total))
	}
	return s
}

// The synthetic case binds every rule, so the benchmark measures them all.
func TestSyntheticSplitBindsEveryRule(t *testing.T) {
	res, err := syntheticSplit(10_000).Run()
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, b := range res.Bound {
		n[b]++
	}
	if n[grant.BoundFloor] == 0 || n[grant.BoundCap] == 0 || n[grant.BoundHoldHarmless] == 0 {
		t.Errorf("bounds %v: every rule should bind somewhere", n)
	}
}
