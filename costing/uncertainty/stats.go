package uncertainty

import (
	"math"
	"slices"
)

// Stats summarise one figure's draws.
type Stats struct {
	P5, P50, P95, Mean float64
	Undefined          int // draws in which the figure is undefined (a division by zero); left out of the rest
}

// Summarise returns the 5th, 50th and 95th percentiles (interpolated
// between order statistics, as R's default and Excel's PERCENTILE.INC) and
// the mean of xs, leaving out NaN.
func Summarise(xs []float64) Stats {
	v := make([]float64, 0, len(xs))
	for _, x := range xs {
		if x == x {
			v = append(v, x)
		}
	}
	st := Stats{Undefined: len(xs) - len(v)}
	if len(v) == 0 {
		nan := math.NaN()
		st.P5, st.P50, st.P95, st.Mean = nan, nan, nan, nan
		return st
	}
	slices.Sort(v)
	st.P5, st.P50, st.P95 = Percentile(v, 0.05), Percentile(v, 0.5), Percentile(v, 0.95)
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	st.Mean = sum / float64(len(v))
	if st.Mean < v[0] || st.Mean > v[len(v)-1] { // all equal but for the last bit
		st.Mean = v[0]
	}
	return st
}

// Percentile is the p-th quantile of sorted, interpolated linearly between
// order statistics (h = (n − 1)p), as Excel's PERCENTILE.INC.
func Percentile(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := int(math.Floor(h))
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	if sorted[lo] == sorted[lo+1] {
		return sorted[lo]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// eps is how far from zero a difference of totals — amounts in whole
// minor units, summed in binary — may be when it is zero.
const eps = 1e-6

// A Comparison is a base against a variant over the draws: how likely the
// variant costs less each year and over the horizon, the spread of the
// difference, of the NPV and of the break-even year.
type Comparison struct {
	Years        []int
	Difference   []Stats   // variant − base, each year
	Cheaper      []float64 // share of draws in which the variant costs less, each year
	CheaperTotal float64   // … over the horizon: Σ variant < Σ base
	NPV          Stats     // Σ difference ÷ (1 + rate)^k, at the variant's discount rate
	NPVBelowZero float64   // share of draws with an NPV below zero: the variant saves money
	BreakEvenBy  []float64 // share of draws broken even by each year (cumulative)
	Never        float64   // share of draws that do not break even within the horizon
	Undefined    int       // draws in which a total is undefined, left out
}

// Compare sets the variant's draws against the base's, draw by draw: each
// draw is one world both are costed in. The NPV is discounted at discount,
// or at the draw's discount rate where that has a range.
func (o *Outcome) Compare(discount float64) *Comparison {
	if len(o.out) < 2 {
		return nil
	}
	ny, n := len(o.Years), o.Options.Draws
	c := &Comparison{Years: o.Years, Cheaper: make([]float64, ny), BreakEvenBy: make([]float64, ny)}
	diff := make([][]float64, ny)
	for k := range diff {
		diff[k] = make([]float64, n)
	}
	npv, cs := make([]float64, n), make([]float64, ny)
	good := 0
	var rates []float64 // the drawn discount rate, when it has a range
	for j, in := range o.Study.Inputs {
		if in.discount {
			rates = o.Samples[j]
		}
	}
	for i := 0; i < n; i++ {
		cum, pv, bad := 0.0, 0.0, false
		rate := discount
		if rates != nil {
			rate = rates[i]
		}
		for k := range ny {
			d := o.Draws(1, 0, k)[i] - o.Draws(0, 0, k)[i]
			diff[k][i] = d
			if d != d {
				bad = true
			}
			cum += d
			cs[k] = cum
			pv += d / math.Pow(1+rate, float64(k))
		}
		npv[i] = pv
		if bad {
			c.Undefined++
			continue
		}
		good++
		for k := range ny {
			if diff[k][i] < -eps {
				c.Cheaper[k]++
			}
		}
		if cum < -eps {
			c.CheaperTotal++
		}
		if pv < -eps {
			c.NPVBelowZero++
		}
		be := -1 // the first year from which the running difference stays at or below zero
		for k := ny - 1; k >= 0 && cs[k] <= eps; k-- {
			be = k
		}
		if be < 0 {
			c.Never++
		} else {
			for k := be; k < ny; k++ {
				c.BreakEvenBy[k]++
			}
		}
	}
	share := func(x float64) float64 {
		if good == 0 {
			return math.NaN()
		}
		return x / float64(good)
	}
	for k := range ny {
		c.Difference = append(c.Difference, Summarise(diff[k]))
		c.Cheaper[k] = share(c.Cheaper[k])
		c.BreakEvenBy[k] = share(c.BreakEvenBy[k])
	}
	c.CheaperTotal, c.NPVBelowZero, c.Never = share(c.CheaperTotal), share(c.NPVBelowZero), share(c.Never)
	c.NPV = Summarise(npv)
	return c
}
