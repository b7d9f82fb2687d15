package templates

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/kosto-project/kosto/models"
	"io"
	"strings"

	"github.com/kosto-project/kosto/costing"
)

// Compare writes the care-type comparison: for each municipality, the full
// cost per child-year of every type of care side by side, in the same blocks
// (allowance, staff, overheads, capital, running costs), with each one's
// ratio to family-based care. format is table, markdown, json or csv.
func Compare(w io.Writer, r *costing.Result, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	v := newView(r, o)
	var sections []section
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
		sections = append(sections, section{heading: heading, tables: []*table{t}})
	}
	if len(sections) == 0 {
		kinds := models.KindsWith(func(t *models.Table) bool {
			for _, m := range t.Measures {
				if m.PerChild {
					return true
				}
			}
			return false
		})
		return fmt.Errorf("scenario %s has no type of care to compare: it needs a service of kind %s", r.Scenario.Name, strings.Join(kinds, ", "))
	}
	switch format {
	case FormatJSON:
		return v.compareJSON(w)
	case FormatCSV:
		return v.compareCSV(w)
	case FormatMarkdown:
		return v.markdown(w, v.heading(), sections)
	}
	return v.text(w, v.heading(), sections)
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

func (v *view) compareTable(m *costing.MunicipalityResult) *table {
	svcs := compared(m)
	if len(svcs) == 0 {
		return nil
	}
	t := &table{header: []string{v.l("block")}, right: []bool{false}}
	for _, s := range svcs {
		t.header = append(t.header, s.Title.In(v.lang))
		t.right = append(t.right, true)
	}
	row := func(strong bool, name string, cell func(s *costing.ServiceResult) string) {
		cells := []string{name}
		for _, s := range svcs {
			cells = append(cells, cell(s))
		}
		t.add(strong, cells...)
	}
	row(false, v.l("measure"), func(s *costing.ServiceResult) string { return v.l(s.Compare.Measure) })
	for g, key := range costing.Groups {
		row(false, v.l("group_"+key), func(s *costing.ServiceResult) string { return v.amount(s.Compare.Groups[g]) })
	}
	row(true, v.l("compare_total"), func(s *costing.ServiceResult) string { return v.amount(s.Compare.Total) })
	if m.Reference != "" {
		ref := m.Reference
		for _, s := range svcs {
			if s.Name == ref {
				ref = s.Title.In(v.lang)
			}
		}
		row(false, v.l("ratio_to_reference")+" "+ref, func(s *costing.ServiceResult) string {
			if s.Compare.Ratio < 0 {
				return ""
			}
			d, ok := v.r.Value(s.Compare.Ratio)
			if !ok {
				return v.l("undefined")
			}
			return v.num.group(d.StringFixed(2)) + "×"
		})
	}
	row(false, v.l("volume"), func(s *costing.ServiceResult) string {
		return v.amount(s.Compare.Volume) + " " + v.unitCount(s.Compare.Volume)
	})
	t.notes = append(t.notes, v.l("comparison_note"))
	return t
}

type jsonComparison struct {
	Municipality string        `json:"municipality"`
	Reference    string        `json:"reference,omitempty"`
	Services     []jsonCompare `json:"services"`
}

type jsonCompare struct {
	Name    string       `json:"name"`
	Kind    string       `json:"kind"`
	Title   string       `json:"title"`
	Measure string       `json:"measure"`
	Volume  jsonFigure   `json:"volume"`
	Blocks  []jsonFigure `json:"blocks"`
	Total   jsonFigure   `json:"total"`
	Ratio   *jsonFigure  `json:"ratio,omitempty"`
}

func (v *view) compareJSON(w io.Writer) error {
	var doc []jsonComparison
	for i := range v.r.Municipalities {
		m := &v.r.Municipalities[i]
		c := jsonComparison{Municipality: m.Name, Reference: m.Reference}
		for _, s := range compared(m) {
			jc := jsonCompare{Name: s.Name, Kind: s.Kind, Title: s.Title.In(v.lang), Measure: s.Compare.Measure,
				Volume: v.figure(s.Compare.Volume), Total: v.figure(s.Compare.Total), Ratio: v.optFigure(s.Compare.Ratio)}
			for _, g := range s.Compare.Groups {
				jc.Blocks = append(jc.Blocks, v.figure(g))
			}
			c.Services = append(c.Services, jc)
		}
		if len(c.Services) > 0 {
			doc = append(doc, c)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (v *view) compareCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"municipality", "service", "kind", "measure", "block", "value", "unit", "figure"})
	for i := range v.r.Municipalities {
		m := &v.r.Municipalities[i]
		for _, s := range compared(m) {
			write := func(block string, id costing.NodeID) {
				f := v.figure(id)
				cw.Write([]string{m.Name, s.Name, s.Kind, s.Compare.Measure, block, f.Value, f.Unit, f.Figure})
			}
			for g, key := range costing.Groups {
				write(key, s.Compare.Groups[g])
			}
			write("total", s.Compare.Total)
			if s.Compare.Ratio >= 0 {
				write("ratio", s.Compare.Ratio)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
