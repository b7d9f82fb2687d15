package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
)

// CareReport is the document of kosto compare-care: for each municipality,
// the full cost per child-year of every type of care side by side, in the
// same blocks (allowance, staff, overheads, capital, running costs), with
// each one's ratio to family-based care.
func CareReport(r *costing.Result, o Options) (*Document, error) {
	v := newView(r, o)
	d := v.document("care")
	for i := range r.Municipalities {
		m := &r.Municipalities[i]
		t := v.compareTable(m)
		if t == nil {
			continue
		}
		heading := v.l("care_comparison") + " (" + r.Scenario.Currency + ")"
		if len(r.Municipalities) > 1 {
			heading = m.Title.In(v.lang) + ": " + heading
		}
		d.Sections = append(d.Sections, &Section{Heading: heading, Tables: []*Table{t}, Charts: []*Chart{v.compareChart(heading, t)}})
	}
	if len(d.Sections) == 0 {
		kinds := models.KindsWith(func(t *models.Table) bool {
			for _, m := range t.Measures {
				if m.PerChild {
					return true
				}
			}
			return false
		})
		return nil, fmt.Errorf("scenario %s has no type of care to compare: it needs a service of kind %s", r.Scenario.Name, strings.Join(kinds, ", "))
	}
	return d, nil
}

// Compare writes CareReport in format.
func Compare(w io.Writer, r *costing.Result, o Options, format Format) error {
	d, err := CareReport(r, o)
	if err != nil {
		return err
	}
	return Render(w, d, o, format)
}

// compared lists a municipality's services that have a comparison.
func compared(m *costing.MunicipalityResult) []*costing.ServiceResult {
	var out []*costing.ServiceResult
	for i := range m.Services {
		if m.Services[i].Compare != nil {
			out = append(out, &m.Services[i])
		}
	}
	return out
}

// compareTable is a municipality's types of care, a column each: the
// measure, the blocks of the cost per child, the total, the ratio to the
// reference type of care and the volume.
func (v *view) compareTable(m *costing.MunicipalityResult) *Table {
	svcs := compared(m)
	if len(svcs) == 0 {
		return nil
	}
	t := &Table{Key: "care_comparison", Municipality: m.Name, Columns: []Column{v.col("block")}}
	for _, s := range svcs {
		t.Columns = append(t.Columns, Column{Label: s.Title.In(v.lang), Key: s.Name, Numeric: true})
	}
	row := func(total bool, name string, cell func(s *costing.ServiceResult) Cell) {
		cells := []Cell{Words(name)}
		for _, s := range svcs {
			cells = append(cells, cell(s))
		}
		t.Rows = append(t.Rows, Row{Total: total, Cells: cells})
	}
	row(false, v.l("measure"), func(s *costing.ServiceResult) Cell { return Words(v.l(s.Compare.Measure)) })
	for g, key := range costing.Groups {
		row(false, v.l("group_"+key), func(s *costing.ServiceResult) Cell { return v.fig(s.Compare.Groups[g]) })
	}
	row(true, v.l("compare_total"), func(s *costing.ServiceResult) Cell { return v.fig(s.Compare.Total) })
	if m.Reference != "" {
		ref := m.Reference
		for _, s := range svcs {
			if s.Name == ref {
				ref = s.Title.In(v.lang)
			}
		}
		row(false, v.l("ratio_to_reference")+" "+ref, func(s *costing.ServiceResult) Cell {
			if s.Compare.Ratio < 0 {
				return Blank()
			}
			c := v.fig(s.Compare.Ratio)
			c.Kind, c.Places = KindRatio, 2
			return c
		})
	}
	row(false, v.l("volume"), func(s *costing.ServiceResult) Cell {
		c := v.fig(s.Compare.Volume)
		c.Text = " " + v.unitCount(s.Compare.Volume)
		return c
	})
	t.Notes = append(t.Notes, v.l("comparison_note"))
	return t
}

// compareChart charts the comparison's totals, a bar per type of care.
func (v *view) compareChart(title string, t *Table) *Chart {
	total := 0
	for i, r := range t.Rows {
		if r.Total {
			total = i
		}
	}
	return &Chart{Title: title, Kind: ChartBars, Table: t, Rows: []int{total}, ValueAxis: v.r.Scenario.Currency + " " + v.l("axis_per_child_year"), CategoryAxis: v.l("axis_care_type")}
}
