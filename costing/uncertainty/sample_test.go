package uncertainty

import (
	"math"
	"testing"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

func rng(low, mode, high, dist string) *models.Range {
	in := func(s string) models.Input {
		if s == "" {
			return models.Input{}
		}
		return models.Input{Set: true, Raw: s, Value: decimal.RequireFromString(s)}
	}
	return &models.Range{Low: in(low), Mode: in(mode), High: in(high), Dist: models.T(dist)}
}

func moments(xs []float64) (mean, variance float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		variance += (x - mean) * (x - mean)
	}
	return mean, variance / float64(len(xs)-1)
}

// TestMoments: PERT's mean is (low + 4 mode + high)/6 and its variance
// (mean − low)(high − mean)/7; a triangle's mean is (low + mode + high)/3
// and its variance (a² + b² + c² − ab − ac − bc)/18; a uniform's (a+b)/2 and
// (b − a)²/12; a lognormal range's median is √(low × high). Drawn by LHS,
// 20,000 draws meet them closely.
func TestMoments(t *testing.T) {
	a, c, b := 10.0, 13.0, 22.0
	pm := (a + 4*c + b) / 6
	cases := []struct {
		dist       string
		mean, vari float64
	}{
		{"pert", pm, (pm - a) * (b - pm) / 7},
		{"triangular", (a + b + c) / 3, (a*a + b*b + c*c - a*b - a*c - b*c) / 18},
		{"uniform", (a + b) / 2, (b - a) * (b - a) / 12},
	}
	for _, k := range cases {
		q := distribution(rng("10", "13", "22", k.dist), decimal.NewFromInt(13))
		u := probabilities(1, k.dist, 20000, models.MethodLHS)
		xs := make([]float64, len(u))
		for i, p := range u {
			xs[i] = q.Quantile(p)
		}
		m, v := moments(xs)
		if math.Abs(m-k.mean) > 1e-3*k.mean || math.Abs(v-k.vari) > 1e-2*k.vari {
			t.Errorf("%s: mean %v variance %v, want %v and %v", k.dist, m, v, k.mean, k.vari)
		}
	}
	q := distribution(rng("4", "", "25", "lognormal"), decimal.NewFromInt(10))
	if got := q.Quantile(0.5); math.Abs(got-10) > 1e-9 {
		t.Errorf("lognormal median %v, want 10", got)
	}
	if got := q.Quantile(0.05); math.Abs(got-4) > 1e-9 {
		t.Errorf("lognormal 5th percentile %v, want 4", got)
	}
}

// TestLatinHypercubeStrata: each of n equal strata holds exactly one draw,
// and the same seed gives the same draws.
func TestLatinHypercubeStrata(t *testing.T) {
	n := 1000
	u := probabilities(42, "foster_allowance", n, models.MethodLHS)
	seen := make([]bool, n)
	for _, p := range u {
		k := int(p * float64(n))
		if p <= 0 || p >= 1 || seen[k] {
			t.Fatalf("probability %v: stratum %d empty or taken twice", p, k)
		}
		seen[k] = true
	}
	again := probabilities(42, "foster_allowance", n, models.MethodLHS)
	other := probabilities(42, "kinship_allowance", n, models.MethodLHS)
	for i := range u {
		if u[i] != again[i] {
			t.Fatal("the same seed and input gave other draws")
		}
	}
	if u[0] == other[0] && u[1] == other[1] {
		t.Error("two inputs drew the same probabilities")
	}
}
