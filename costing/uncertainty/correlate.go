package uncertainty

import (
	"fmt"
	"slices"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// correlate rearranges the probabilities of the inputs [uncertainty]
// correlates so that their ranks have the correlations it states, by the
// method of Iman and Conover (1982): each input keeps its own draws — so a
// Latin hypercube keeps its strata — in a new order. Inputs no correlation
// names are left as drawn.
func (st *Study) correlate(u [][]float64, seed uint64) error {
	cs := st.Uncertainty.Correlations
	if len(cs) == 0 {
		return nil
	}
	var cols []int
	at := map[string]int{}
	for _, c := range cs {
		for _, in := range c.Inputs {
			if _, ok := at[in.S]; ok {
				continue
			}
			j := slices.IndexFunc(st.Inputs, func(x *Input) bool { return x.Name == in.S })
			if j < 0 {
				return fmt.Errorf("%s: %q has no range; a correlation is between inputs with ranges", c.Pos, in.S)
			}
			at[in.S] = len(cols)
			cols = append(cols, j)
		}
	}
	k, n := len(cols), len(u[0])
	if n < k+2 {
		return nil // too few draws to impose a correlation on: left as drawn
	}
	target := mat.NewSymDense(k, nil)
	for a := 0; a < k; a++ {
		target.SetSym(a, a, 1)
	}
	for _, c := range cs {
		rho := c.Rank.Value.InexactFloat64()
		for x := range c.Inputs {
			for y := x + 1; y < len(c.Inputs); y++ {
				target.SetSym(at[c.Inputs[x].S], at[c.Inputs[y].S], rho)
			}
		}
	}
	var p mat.Cholesky
	if !p.Factorize(target) {
		return fmt.Errorf("%s: the rank correlations of [uncertainty] contradict each other (their matrix is not positive definite); state fewer, or weaker", cs[0].Pos)
	}
	// Scores: van der Waerden's, each column in an order of its own.
	scores := make([]float64, n)
	norm := distuv.UnitNormal
	for i := range scores {
		scores[i] = norm.Quantile(float64(i+1) / float64(n+1))
	}
	m := mat.NewDense(n, k, nil)
	for a, j := range cols {
		perm := stream(seed, "iman-conover:"+st.Inputs[j].Name).Perm(n)
		for i := range n {
			m.Set(i, a, scores[perm[i]])
		}
	}
	e := mat.NewSymDense(k, nil)
	stat.CorrelationMatrix(e, m, nil)
	var q mat.Cholesky
	if !q.Factorize(e) {
		return fmt.Errorf("too few draws (%d) to correlate %d inputs", n, k)
	}
	var ql, pl, qi mat.TriDense
	q.LTo(&ql)
	p.LTo(&pl)
	if err := qi.InverseTri(&ql); err != nil {
		return err
	}
	// T = M (P Q⁻¹)ᵀ has the target correlation; each input takes T's ranks.
	var s, t mat.Dense
	s.Mul(&pl, &qi)
	t.Mul(m, s.T())
	order := make([]int, n)
	for a, j := range cols {
		sorted := slices.Clone(u[j])
		sort.Float64s(sorted)
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(x, y int) bool { return t.At(order[x], a) < t.At(order[y], a) })
		for rank, i := range order {
			u[j][i] = sorted[rank]
		}
	}
	return nil
}

// spearman is the rank correlation of two samples without ties, for tests.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	return stat.Correlation(rx, ry, nil)
}

func ranks(x []float64) []float64 {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return x[order[a]] < x[order[b]] })
	r := make([]float64, len(x))
	for rank, i := range order {
		r[i] = float64(rank)
	}
	return r
}
