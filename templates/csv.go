package templates

import (
	"encoding/csv"
	"io"

	"github.com/kosto-project/kosto/costing"
)

// CSV writes every reported figure as one row of a long table, ready for a
// spreadsheet's pivot table: where it belongs (municipality, service), what
// it is (table, item, measure or category), whether the budget pays it, its
// value as an exact decimal with a point, its unit and its figure name.
func CSV(w io.Writer, r *costing.Result, o Options) error {
	v := newView(r, o)
	cw := csv.NewWriter(w)
	write := func(muni, svc, kind, tbl, item, group, budgeted string, id costing.NodeID) {
		f := v.figure(id)
		cw.Write([]string{muni, svc, kind, tbl, item, group, budgeted, f.Value, f.Unit, f.Figure})
	}
	cw.Write([]string{"municipality", "service", "kind", "table", "item", "measure_or_category", "budgeted", "value", "unit", "figure"})
	for _, ro := range r.Roles {
		for _, id := range []costing.NodeID{ro.AnnualGross, ro.OnCosts, ro.EmploymentCost, ro.Overheads, ro.Capital,
			ro.AnnualCostPerFTE, ro.ProductiveHours, ro.ClientHours, ro.CostPerHour, ro.CostPerClientHour} {
			write(ro.Municipality, "", "", "role", ro.Title.In(v.lang), v.l(r.Node(id).Label), "", id)
		}
	}
	for _, m := range r.Municipalities {
		for _, s := range m.Services {
			for _, u := range s.UnitCosts {
				for _, b := range u.Blocks {
					write(m.Name, s.Name, s.Kind, "unit_cost", v.name(b), u.Measure, "", b)
				}
				write(m.Name, s.Name, s.Kind, "unit_cost", v.l("unit_cost"), u.Measure, "", u.Cost)
			}
			for _, st := range s.Staffing {
				for _, bn := range st.ByNorm {
					write(m.Name, s.Name, s.Kind, "staffing", st.Post, "fte_"+bn.Norm, "", bn.FTE)
				}
				write(m.Name, s.Name, s.Kind, "staffing", st.Post, "posts_required", "", st.RequiredPosts)
				write(m.Name, s.Name, s.Kind, "staffing", st.Post, "posts_current", "", st.CurrentPosts)
				write(m.Name, s.Name, s.Kind, "staffing", st.Post, "gap", "", st.Gap)
				write(m.Name, s.Name, s.Kind, "staffing", st.Post, "gap_cost", "", st.GapCost)
			}
			for _, l := range s.Lines {
				b := "yes"
				if !l.Budgeted {
					b = "no"
				}
				write(m.Name, s.Name, s.Kind, "budget", v.name(l.Node), r.Classification.Categories[l.Category].Code, b, l.Node)
			}
			write(m.Name, s.Name, s.Kind, "budget", v.l("service_total"), "", "yes", s.Total)
		}
		for i, id := range m.ByCategory {
			write(m.Name, "", "", "category", v.categoryLabel(i), r.Classification.Categories[i].Code, "yes", id)
		}
		write(m.Name, "", "", "total", v.l("total"), "", "yes", m.Total)
	}
	if len(r.Municipalities) > 1 {
		for _, s := range r.Services {
			write("", s.Name, s.Kind, "total", s.Title.In(v.lang), "", "yes", s.Total)
		}
		for i, id := range r.ByCategory {
			write("", "", "", "category", v.categoryLabel(i), r.Classification.Categories[i].Code, "yes", id)
		}
		write("", "", "", "total", v.l("total"), "", "yes", r.Total)
	}
	cw.Flush()
	return cw.Error()
}
