package uncertainty

import "github.com/kosto-project/kosto/costing"

// A Summary is what a report of a drawn study shows: each kept figure's
// percentiles every year beside the decimal projection's figure, and for a
// comparison the decimal comparison beside the drawn one.
type Summary struct {
	Outcome     *Outcome
	Projections []*costing.Projection // the decimal projection of each scenario, at its values
	Stats       [][][]Stats           // scenario → figure → year
	Versus      *costing.Versus       // the decimal comparison; nil for one scenario
	Comparison  *Comparison           // the drawn comparison; nil for one scenario
}

// Summarise computes the outcome's percentiles and the deterministic
// figures beside them.
func (o *Outcome) Summarise() (*Summary, error) {
	sm := &Summary{Outcome: o}
	for s, r := range o.Study.Results {
		sm.Projections = append(sm.Projections, r.Project())
		fs := make([][]Stats, len(o.Figures[s]))
		for f := range fs {
			for k := range o.Years {
				fs[f] = append(fs[f], Summarise(o.Draws(s, f, k)))
			}
		}
		sm.Stats = append(sm.Stats, fs)
	}
	if len(sm.Projections) == 2 {
		vs, err := costing.CompareProjections(sm.Projections[0], sm.Projections[1])
		if err != nil {
			return nil, err
		}
		sm.Versus = vs
		sm.Comparison = o.Compare(vs.DiscountRate.InexactFloat64())
	}
	return sm, nil
}
