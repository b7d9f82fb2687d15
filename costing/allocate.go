package costing

import "github.com/kosto-project/kosto/models"

// allocate shares each of the scenario's central costs among the services
// of a municipality that name it, by FTE, cases or direct cost
// (docs/METHOD.md §2.3): each share is amount × driver ÷ total driver, computed
// exactly and rounded once, and the last share is what remains, so the
// shares add up to the amount to the cent. A service's direct cost, as a
// driver, is its own budget before any central cost is shared, whatever the
// order of the central costs' names. A share is an overhead line of the service,
// a memo line when the central cost is paid from another budget; it reaches
// the service's unit costs as a block of its own.
func (b *builder) allocate(m *models.Municipality, sbs []*serviceBuilder) {
	byName := map[string]*serviceBuilder{}
	for _, sb := range sbs {
		byName[sb.s.Name] = sb
	}
	for _, name := range models.Sorted(b.sc.Overheads) {
		o := b.sc.Overheads[name]
		var takers []*serviceBuilder
		for _, t := range o.Services {
			if sb, ok := byName[t.S]; ok {
				takers = append(takers, sb)
			}
		}
		if len(takers) == 0 {
			continue
		}
		p := m.Name + ".overheads." + name + "."
		t := title(o.Texts, name)
		amount := b.input(models.OverheadTable, o.In, "amount", m, p+"amount", b.per("year"))
		by := o.Texts["by"].S
		drivers := make([]NodeID, len(takers))
		for i, sb := range takers {
			drivers[i] = sb.driver(by, p)
		}
		total := b.g.Compute(Node{Name: p + "driver_total", Label: "driver_" + by, Unit: by}, OpSum, drivers...)
		var shares []NodeID
		for i, sb := range takers {
			n := Node{Name: sb.prefix + "annual.allocated." + name, Label: "allocated_overhead", Title: t, Unit: b.per("year"), Money: true}
			var id NodeID
			if i < len(takers)-1 {
				// amount × driver ÷ total, exactly, rounded once: a share
				// cut to a fixed number of digits first can turn a tie.
				id = b.g.Compute(n, OpDiv, amount, drivers[i], total)
			} else {
				id = b.g.Compute(n, OpSub, append([]NodeID{amount}, shares...)...)
			}
			shares = append(shares, id)
			sb.line(id, models.ElementOverheads, o.Texts["paid_by"].Phrase())
			if sb.t.Method == models.UnitFirst {
				unit := sb.money("unit.allocated."+name, "allocated_overhead", sb.per("child-year"), OpDiv, id, sb.children)
				sb.g.Nodes[unit].Title = t
				sb.unitBlocks = append(sb.unitBlocks, unit)
				sb.blockElements = append(sb.blockElements, models.ElementOverheads)
			} else {
				sb.blocks = append(sb.blocks, block{name: "allocated." + name, label: "allocated_overhead", title: t, annual: id})
			}
		}
	}
}

// driver returns the quantity a service is allocated a central cost by.
func (sb *serviceBuilder) driver(by, p string) NodeID {
	name := p + sb.s.Name + "." + by
	switch by {
	case models.ByFTE:
		var posts []NodeID
		for _, st := range sb.sr.Staffing {
			posts = append(posts, st.Budgeted)
		}
		return sb.g.Compute(Node{Name: name, Label: "driver_fte", Unit: "FTE"}, OpSum, posts...)
	case models.ByCases:
		if id, ok := sb.volume(sb.t.Cases); ok {
			return id
		}
		return sb.zero
	}
	// Direct cost is the service's own budget before any central cost is
	// shared: not what earlier central costs (in name order) gave it.
	var own []NodeID
	for _, l := range sb.sr.Lines[:sb.ownLines] {
		if l.Budgeted {
			own = append(own, l.Node)
		}
	}
	return sb.g.Compute(Node{Name: name, Label: "driver_direct_cost", Unit: sb.per("year"), Money: true}, OpSum, own...)
}
