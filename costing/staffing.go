package costing

import "github.com/kosto-project/kosto/models"

// StaffingTotal is one staff line of a service summed over the
// municipalities that provide the service: what a ministry needs to cost
// staffing a whole network of centres to a norm.
type StaffingTotal struct {
	Service, Post, Norm string
	RoleTitle           models.Phrase
	ByNorm              []NormFTE // FTE under each norm, summed where every centre has it
	RequiredPosts       NodeID
	CurrentPosts        NodeID
	Missing             NodeID // posts missing, summed: a surplus in one centre does not fill a gap in another
	GapCost             NodeID
}

// staffingTotals sums every service's staff lines over municipalities.
func (b *builder) staffingTotals() {
	if len(b.r.Municipalities) < 2 {
		return
	}
	type key struct{ service, post string }
	var order []key
	lines := map[key][]Staffing{}
	for _, m := range b.r.Municipalities {
		for _, s := range m.Services {
			for _, st := range s.Staffing {
				k := key{s.Name, st.Post}
				if _, ok := lines[k]; !ok {
					order = append(order, k)
				}
				lines[k] = append(lines[k], st)
			}
		}
	}
	for _, k := range order {
		sts := lines[k]
		p := "staffing." + k.service + "." + k.post + "."
		sum := func(fig, label, unit string, money bool, pick func(Staffing) NodeID) NodeID {
			var ids []NodeID
			for _, st := range sts {
				ids = append(ids, pick(st))
			}
			return b.g.Compute(Node{Name: p + fig, Label: label, Unit: unit, Money: money}, OpSum, ids...)
		}
		t := StaffingTotal{Service: k.service, Post: k.post, RoleTitle: sts[0].RoleTitle, Norm: sts[0].Norm}
		for _, n := range []string{models.NormRatio, models.NormContinuous, models.NormCaseload, models.NormPopulation, models.NormTime} {
			var ids []NodeID
			for _, st := range sts {
				for _, bn := range st.ByNorm {
					if bn.Norm == n {
						ids = append(ids, bn.FTE)
					}
				}
			}
			if len(ids) == len(sts) {
				t.ByNorm = append(t.ByNorm, NormFTE{n, b.g.Compute(Node{Name: p + "fte_" + n, Label: "fte_" + n, Unit: "FTE"}, OpSum, ids...)})
			}
		}
		t.RequiredPosts = sum("posts_required", "posts_required", "posts", false, func(st Staffing) NodeID { return st.RequiredPosts })
		t.CurrentPosts = sum("posts_current", "posts_current", "posts", false, func(st Staffing) NodeID { return st.CurrentPosts })
		t.Missing = sum("posts_missing", "posts_missing", "posts", false, func(st Staffing) NodeID { return st.Missing })
		t.GapCost = sum("gap_cost", "gap_cost", b.per("year"), true, func(st Staffing) NodeID { return st.GapCost })
		b.r.Staffing = append(b.r.Staffing, t)
	}
}
