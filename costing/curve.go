package costing

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"

	"github.com/shopspring/decimal"
)

// A CurvePoint is a residential service's cost at one occupancy.
type CurvePoint struct {
	Children   decimal.Decimal
	OpenUnits  decimal.Decimal
	Total      decimal.Decimal // the service's full annual cost, memo lines included
	PerChild   decimal.Decimal // cost per occupied place-year
	Defined    bool            // PerChild is defined (there are children)
	Saving     decimal.Decimal // what the child who left last saved: the total one child fuller less this one
	UnitClosed bool            // a unit closed when that child left
}

// Curve re-evaluates a residential service at every whole occupancy from its
// capacity down to empty, and returns the cost at each: the curve that shows
// a finance ministry why the first children to leave an institution save
// little — its fixed costs stay until a unit closes — and where the savings
// come. It changes only the service's children input; the graph and the
// result's own values are untouched.
func (r *Result) Curve(municipality, service string) ([]CurvePoint, error) {
	s, err := r.service(municipality, service)
	if err != nil {
		return nil, err
	}
	if s.Children < 0 {
		leaves := models.KindsWith(func(t *models.Table) bool { return t.Leaves })
		return nil, fmt.Errorf("%s.%s is a %s; the occupancy curve is for %s services", municipality, service, s.Kind, strings.Join(leaves, " and "))
	}
	var perChild NodeID = -1
	for _, u := range s.UnitCosts {
		if u.Measure == "occupied_place_year" {
			perChild = u.Cost
		}
	}
	capacity, _ := r.Value(s.Capacity)
	// Each point recomputes only what the children reach.
	v := Values{D: append([]decimal.Decimal(nil), r.Values.D...), Undefined: append([]bool(nil), r.Values.Undefined...)}
	reached := r.Graph.Reached([]NodeID{s.Children})
	var points []CurvePoint
	for n := capacity.Floor(); n.Sign() >= 0; n = n.Sub(decimal.NewFromInt(1)) {
		if err := r.Graph.Set(v, s.Children, n); err != nil {
			return nil, err
		}
		r.Graph.EvalReached(v, reached)
		p := CurvePoint{Children: n, OpenUnits: v.D[s.OpenUnits], Total: v.D[s.FullCost]}
		if perChild >= 0 {
			p.PerChild, p.Defined = v.D[perChild], !v.Undefined[perChild]
		}
		if len(points) > 0 {
			prev := points[len(points)-1]
			p.Saving = prev.Total.Sub(p.Total)
			p.UnitClosed = p.OpenUnits.LessThan(prev.OpenUnits)
		}
		points = append(points, p)
	}
	return points, nil
}

// service finds a costed service of a municipality.
func (r *Result) service(municipality, service string) (*ServiceResult, error) {
	var names []string
	for i := range r.Municipalities {
		m := &r.Municipalities[i]
		names = append(names, m.Name)
		if m.Name != municipality {
			continue
		}
		var svcs []string
		for j := range m.Services {
			if m.Services[j].Name == service {
				return &m.Services[j], nil
			}
			svcs = append(svcs, m.Services[j].Name)
		}
		return nil, fmt.Errorf("municipality %s has no service %q; it has %v", municipality, service, svcs)
	}
	return nil, fmt.Errorf("scenario %s has no municipality %q; it has %v", r.Scenario.Name, municipality, names)
}
