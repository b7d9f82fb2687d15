package uncertainty

import (
	"math"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/stat/distuv"
)

// z95 is the standard normal's 95th percentile: a lognormal range's low and
// high are its 5th and 95th.
const z95 = 1.6448536269514722

// A quantiler turns a probability into a value of an input.
type quantiler interface{ Quantile(p float64) float64 }

// constant is a collapsed range: low = high.
type constant float64

func (c constant) Quantile(float64) float64 { return float64(c) }

// scaled is a distribution on 0–1 stretched over low–high (PERT's Beta).
type scaled struct {
	q         quantiler
	low, span float64
}

func (s scaled) Quantile(p float64) float64 { return s.low + s.span*s.q.Quantile(p) }

// distribution returns the quantile function of a range around value.
func distribution(r *models.Range, value decimal.Decimal) quantiler {
	low, high := r.Low.Value.InexactFloat64(), r.High.Value.InexactFloat64()
	mode := r.ModeOr(value).InexactFloat64()
	if high <= low {
		return constant(low)
	}
	switch r.Distribution() {
	case models.DistTriangular:
		return distuv.NewTriangle(low, high, mode, nil)
	case models.DistUniform:
		return distuv.Uniform{Min: low, Max: high}
	case models.DistLogNormal:
		mu := (math.Log(low) + math.Log(high)) / 2
		return distuv.LogNormal{Mu: mu, Sigma: (math.Log(high) - math.Log(low)) / (2 * z95)}
	}
	// PERT: a Beta with α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high − mode)/(high − low).
	span := high - low
	return scaled{q: distuv.Beta{Alpha: 1 + 4*(mode-low)/span, Beta: 1 + 4*(high-mode)/span}, low: low, span: span}
}
