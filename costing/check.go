package costing

import (
	"fmt"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// Check reports what a scenario's figures must not be, read from the figures
// the engine computes rather than computed again beside them: a role with no
// productive weeks (its cost per hour would divide by zero); and, year by
// year of the projection, a transition plan that sends away more children
// than a service has or closes a unit with children in it, and a
// residential service holding more children than it has beds. Each problem
// names where the input behind it was written. The error is models.Problems,
// or nil.
//
// scenarios.Load checks everything that can be checked from the inputs
// alone; Check is what only the figures show. costing.Cost runs both.
func (r *Result) Check() error {
	var ps models.Problems
	r.checkRoles(&ps)
	if r.plan != nil && len(r.plan.moves) > 0 {
		p := r.Project()
		r.checkTransition(p, &ps)
		r.checkOccupancy(p, &ps)
	}
	return ps.Err()
}

// checkRoles refuses a role without productive weeks, in the scenario or as
// a municipality's parameters cost it.
func (r *Result) checkRoles(ps *models.Problems) {
	for _, rr := range r.Roles {
		weeks, _ := r.Value(rr.ProductiveWeeks)
		if weeks.Sign() > 0 {
			continue
		}
		where := ""
		if rr.Municipality != "" {
			where = " in municipality " + rr.Municipality
		}
		role := r.scenario.Roles[rr.Name]
		ps.Add(models.Position{File: role.Pos.File, Line: role.Pos.Line, Key: "roles." + rr.Name}, "",
			"weeks_per_year minus leave, holiday, sickness and training weeks is %s%s; expected more than zero productive weeks", weeks, where)
	}
}

// checkTransition follows the service children leave through the years of
// the plan: no more children may have left it than it had, and the units
// the plan keeps open from a year must hold the children still there.
func (r *Result) checkTransition(p *Projection, ps *models.Problems) {
	tr, t := r.Transition, r.scenario.Transition
	if tr == nil {
		return
	}
	from := tr.From
	base, _ := r.Value(from.Children)
	for k, y := range p.Years {
		children, _ := p.Value(k, from.Children)
		if !children.IsNegative() {
			continue
		}
		pos := t.Pos
		for _, dest := range models.Sorted(t.Leavers[y]) {
			pos = t.Leavers[y][dest].Pos
		}
		ps.Add(models.Position{File: pos.File, Line: pos.Line, Key: fmt.Sprintf("transition.leavers.%d", y)}, "",
			"by %d, %s children have left %s, which has only %s", y, base.Sub(children), from.Name, base)
		return // the units that follow would only repeat it
	}
	for k, y := range p.Years {
		i, ok := t.Units[y]
		if !ok {
			continue
		}
		needed, _ := p.Value(k, from.UnitsNeeded)
		if !i.Value.LessThan(needed) {
			continue
		}
		children, _ := p.Value(k, from.Children)
		size, _ := p.Value(k, from.UnitCapacity)
		units := "units"
		if needed.Equal(decimal.NewFromInt(1)) {
			units = "unit"
		}
		ps.Add(i.Pos, i.Raw, "in %d, %s children are still in %s and need %s %s of %s beds; a unit cannot close with children in it", y, children, from.Name, needed, units, size)
	}
}

// checkOccupancy refuses a year in which a residential service would hold
// more children than it has beds: a demand path or a transition plan may
// move its children where its inputs alone do not.
func (r *Result) checkOccupancy(p *Projection, ps *models.Problems) {
	for _, m := range r.Municipalities {
		for _, s := range m.Services {
			if s.Children < 0 {
				continue
			}
			for k, y := range p.Years {
				children, _ := p.Value(k, s.Children)
				capacity, _ := p.Value(k, s.Capacity)
				if children.LessThanOrEqual(capacity) {
					continue
				}
				leaf := r.Graph.Nodes[s.Children].Leaf
				ps.Add(leaf.Pos, leaf.Raw, "in %d, %s children would be in %s in %s, which has %s beds: occupancy cannot exceed capacity", y, children.Round(2), s.Name, m.Name, capacity)
				break
			}
		}
	}
}
