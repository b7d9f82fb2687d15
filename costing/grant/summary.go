package grant

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// columns fills in every municipality's allocation from the split, and the
// columns computed from it (step 8): per capita, per child, the change
// against the baseline and the gap to need.
func (b *builder) columns(sp *Split, res *SplitResult, baseline []decimal.Decimal) {
	g := b.g
	g.Scale, g.GainScale, g.Rounded = res.Scale, res.GainScale, res.Rounded
	g.HasBaseline = baseline != nil
	for k := range g.Rows {
		r := &g.Rows[k]
		r.Share, r.Formula, r.Exact, r.Allocation, r.Bound = sp.Shares[k], res.Formula[k], res.Exact[k], res.Allocation[k], res.Bound[k]
		if g.HasPopulation && r.Population.IsPositive() {
			r.PerCapita = r.Allocation.Div(r.Population)
		}
		if g.HasChildren && r.Children.IsPositive() {
			r.PerChild = r.Allocation.Div(r.Children)
		}
		if g.HasBaseline {
			r.Baseline = baseline[k]
			r.Change = r.Allocation.Sub(r.Baseline)
			if r.Baseline.IsPositive() {
				r.ChangeShare = r.Change.Div(r.Baseline)
			}
		}
		if g.HasNeed {
			r.Gap = r.Need.Sub(r.Allocation)
		}
	}
}

// summarise computes the summary lines (step 9).
func summarise(g *Result) Summary {
	s := Summary{ByFormula: g.Pot.Sub(g.LumpSums)}
	for _, r := range g.Rows {
		s.Total = s.Total.Add(r.Allocation)
		s.Population = s.Population.Add(r.Population)
		if g.HasBaseline {
			s.change(r)
			s.Baseline = s.Baseline.Add(r.Baseline)
		}
		if g.HasNeed {
			s.Need = s.Need.Add(r.Need)
			s.Gap = s.Gap.Add(r.Gap)
			if r.Gap.IsPositive() {
				s.Unmet = s.Unmet.Add(r.Gap)
			}
		}
	}
	s.Change = s.Total.Sub(s.Baseline)
	if g.HasPopulation {
		s.perCapita(g.Rows)
		if s.Population.IsPositive() {
			s.PerCapita = s.Total.Div(s.Population)
		}
	}
	return s
}

// change counts a municipality among the gainers or the losers.
func (s *Summary) change(r Row) {
	switch r.Change.Sign() {
	case 1:
		s.Gainers++
		s.Gained = s.Gained.Add(r.Change)
	case -1:
		s.Losers++
		s.Lost = s.Lost.Add(r.Change.Neg())
	}
}

// perCapita is one municipality's allocation per inhabitant x, its
// allocation a and its population p.
type perCapita struct {
	x, a, p decimal.Decimal
	name    string
}

// perCapita computes the extremes of the allocation per inhabitant, their
// ratio, and its Gini coefficient, over the municipalities with a
// population.
func (s *Summary) perCapita(rows []Row) {
	var xs []perCapita
	for _, r := range rows {
		if r.Population.IsPositive() {
			xs = append(xs, perCapita{r.PerCapita, r.Allocation, r.Population, r.Name})
		}
	}
	if len(xs) == 0 {
		return
	}
	sort.Slice(xs, func(i, j int) bool {
		if c := xs[i].x.Cmp(xs[j].x); c != 0 {
			return c < 0
		}
		return xs[i].name < xs[j].name
	})
	s.MinPerCapita, s.MinName = xs[0].x, xs[0].name
	s.MaxPerCapita, s.MaxName = xs[len(xs)-1].x, xs[len(xs)-1].name
	if s.MinPerCapita.IsPositive() {
		s.Ratio = s.MaxPerCapita.Div(s.MinPerCapita)
	}
	s.Gini = gini(xs)
}

// gini is the Gini coefficient of the per-capita allocation among
// inhabitants (each municipality weighted by its population), xs in
// ascending order of x:
//
//	G = Σ_i Σ_j p_i p_j |x_i − x_j| ÷ (2 P² μ), μ = A ÷ P,
//
// which, with the municipalities in ascending order of x, is
//
//	G = Σ_i a_i (P_before(i) − P_after(i)) ÷ (P × A),
//
// a_i = p_i x_i the allocation, P and A the totals. It is zero when
// nothing is allocated.
func gini(xs []perCapita) decimal.Decimal {
	P, A := zero, zero
	for _, v := range xs {
		P, A = P.Add(v.p), A.Add(v.a)
	}
	if !A.IsPositive() {
		return decimal.Decimal{}
	}
	before, num := zero, zero
	for _, v := range xs {
		after := P.Sub(before).Sub(v.p)
		num = num.Add(v.a.Mul(before.Sub(after)))
		before = before.Add(v.p)
	}
	return num.Div(P.Mul(A))
}

// notes records the sources of the columns used, the fallbacks taken and
// the columns without a source.
func (b *builder) notes() {
	g := b.g
	for _, col := range b.used {
		src := b.t.Sources[col]
		g.Sources = append(g.Sources, ColumnSource{col, src})
		if src == "" {
			g.Notes = append(g.Notes, fmt.Sprintf("column %s of %s has no recorded source (add it to %s)", col, b.t.File,
				strings.TrimSuffix(b.t.File, ".csv")+".sources.toml"))
		}
	}
	for _, col := range models.Sorted(b.fallbacks) {
		names := b.fallbacks[col]
		g.Notes = append(g.Notes, fmt.Sprintf("%s is missing for %s: %s used instead", col, strings.Join(names, ", "), b.f.Data.Fallback[col].S))
	}
}
