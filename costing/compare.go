package costing

import (
	"github.com/kosto-project/kosto/models"
)

// Comparison groups: the blocks the care-type comparison shows every kind of
// care in, so that an institution and a foster family are built from the same
// parts and no one can say the comparison is rigged.
const (
	GroupAllowance = "allowance" // transfers to carers and families
	GroupStaff     = "staff"     // pay, employer contributions and priced staff time
	GroupOverheads = "overheads" // management, administration, office
	GroupCapital   = "capital"   // annuities on buildings, vehicles and equipment, and rent
	GroupRunning   = "running"   // goods, services and utilities: food, transport, energy
)

// Groups lists the comparison groups in the order a comparison shows them.
var Groups = []string{GroupAllowance, GroupStaff, GroupOverheads, GroupCapital, GroupRunning}

// groupOf puts a cost element into its comparison group.
func groupOf(element string) string {
	switch element {
	case models.ElementTransfers:
		return GroupAllowance
	case models.ElementPay, models.ElementEmployerContributions, models.ElementStaffTime:
		return GroupStaff
	case models.ElementOverheads:
		return GroupOverheads
	case models.ElementCapital:
		return GroupCapital
	}
	return GroupRunning
}

// A Comparison is a service's full cost per child (or family) in care for a
// year, in the comparison groups, whoever pays each part: memo lines count,
// because the question is what a child's care costs, not who budgets it.
type Comparison struct {
	Measure string   // the per-child measure: child_year, occupied_place_year, place_year, family_year
	Volume  NodeID   // child-years (or places, families) in the year
	Groups  []NodeID // one per Groups entry, each per child-year
	Total   NodeID   // the sum of the groups
	Ratio   NodeID   // Total ÷ the reference service's Total; -1 without a reference
}

// compare adds a service's comparison nodes when its kind has a per-child
// measure. Family care's groups are sums of its unit blocks; every other
// kind's are its annual lines by group, divided by the per-child volume.
func (sb *serviceBuilder) compare() {
	var m models.Measure
	found := false
	for _, x := range sb.t.Measures {
		if x.PerChild {
			m, found = x, true
		}
	}
	if !found {
		return
	}
	var volume NodeID = -1
	for _, u := range sb.sr.UnitCosts {
		if u.Measure == m.Key {
			volume = u.Volume
		}
	}
	if volume < 0 {
		return
	}
	unit := sb.per(m.Key)
	members := map[string][]NodeID{}
	unitFirst := sb.t.Method == models.UnitFirst
	if unitFirst {
		for i, b := range sb.unitBlocks {
			members[groupOf(sb.blockElements[i])] = append(members[groupOf(sb.blockElements[i])], b)
		}
	} else {
		for _, l := range sb.sr.Lines {
			members[groupOf(l.Element)] = append(members[groupOf(l.Element)], l.Node)
		}
	}
	c := &Comparison{Measure: m.Key, Volume: volume, Ratio: -1}
	for _, g := range Groups {
		n := Node{Name: sb.prefix + "compare." + g, Label: "group_" + g, Unit: unit, Money: true}
		switch {
		case len(members[g]) == 0:
			c.Groups = append(c.Groups, sb.g.Compute(n, OpSum))
		case unitFirst:
			c.Groups = append(c.Groups, sb.g.Compute(n, OpSum, members[g]...))
		default:
			annual := sb.money("compare."+g+".annual", "group_"+g, sb.per("year"), OpSum, members[g]...)
			c.Groups = append(c.Groups, sb.g.Compute(n, OpDiv, annual, volume))
		}
	}
	c.Total = sb.money("compare.total", "compare_total", unit, OpSum, c.Groups...)
	sb.sr.Compare = c
}

// ratios divides each service's comparison total by the reference service's,
// in one municipality: the first service of the kind of lowest Reference
// rank (non-kin foster care is the usual reference for family-based care).
func (b *builder) ratios(mr *MunicipalityResult) {
	ref, rank := -1, 0
	for i, s := range mr.Services {
		r := models.ServiceTables[s.Kind].Reference
		if s.Compare != nil && r > 0 && (ref < 0 || r < rank) {
			ref, rank = i, r
		}
	}
	if ref < 0 {
		return
	}
	mr.Reference = mr.Services[ref].Name
	for i := range mr.Services {
		s := &mr.Services[i]
		if s.Compare == nil {
			continue
		}
		s.Compare.Ratio = b.g.Compute(Node{Name: mr.Name + "." + s.Name + ".compare.ratio", Label: "ratio_to_reference", Unit: "× " + mr.Services[ref].Name},
			OpDiv, s.Compare.Total, mr.Services[ref].Compare.Total)
	}
}
