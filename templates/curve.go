package templates

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kosto-project/kosto/costing"
)

// Curve writes a residential service's occupancy curve: from full to empty,
// the open units, the annual cost, the cost per child-year, what each child's
// leaving saved, and the steps where a unit closes. format is table,
// markdown, json or csv.
func Curve(w io.Writer, r *costing.Result, municipality, service string, points []costing.CurvePoint, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	v := newView(r, o)
	title := service
	for _, m := range r.Municipalities {
		for _, s := range m.Services {
			if m.Name == municipality && s.Name == service {
				title = s.Title + " — " + m.Title
			}
		}
	}
	switch format {
	case FormatJSON:
		type point struct {
			Children   string `json:"children"`
			OpenUnits  string `json:"open_units"`
			AnnualCost string `json:"annual_cost"`
			PerChild   string `json:"cost_per_child_year"` // "" when there are no children
			Saving     string `json:"saving"`
			UnitClosed bool   `json:"unit_closed"`
		}
		doc := struct {
			Municipality string  `json:"municipality"`
			Service      string  `json:"service"`
			Currency     string  `json:"currency"`
			Points       []point `json:"points"`
		}{Municipality: municipality, Service: service, Currency: r.Scenario.Currency}
		for _, p := range points {
			pc := ""
			if p.Defined {
				pc = p.PerChild.StringFixed(r.Graph.Decimals)
			}
			doc.Points = append(doc.Points, point{p.Children.String(), p.OpenUnits.String(), p.Total.StringFixed(r.Graph.Decimals), pc, p.Saving.StringFixed(r.Graph.Decimals), p.UnitClosed})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	case FormatCSV:
		cw := csv.NewWriter(w)
		cw.Write([]string{"children", "open_units", "annual_cost", "cost_per_child_year", "saving", "unit_closed"})
		for _, p := range points {
			pc := ""
			if p.Defined {
				pc = p.PerChild.StringFixed(r.Graph.Decimals)
			}
			cw.Write([]string{p.Children.String(), p.OpenUnits.String(), p.Total.StringFixed(r.Graph.Decimals), pc, p.Saving.StringFixed(r.Graph.Decimals), fmt.Sprint(p.UnitClosed)})
		}
		cw.Flush()
		return cw.Error()
	}
	t := &table{header: []string{v.l("children"), v.l("open_units"), v.l("annual_cost"), v.l("cost_per_child"), v.l("saving"), ""},
		right: []bool{true, true, true, true, true, false}}
	for i, p := range points {
		pc := v.l("undefined")
		if p.Defined {
			pc = v.num.money(p.PerChild)
		}
		saving, mark := "", ""
		if i > 0 {
			saving = v.num.money(p.Saving)
		}
		if p.UnitClosed {
			mark = "← " + v.l("unit_closes")
		}
		t.add(false, v.num.qty(p.Children), v.num.qty(p.OpenUnits), v.num.money(p.Total), pc, saving, mark)
	}
	t.notes = append(t.notes, v.l("curve_note"))
	sections := []section{{heading: v.l("occupancy_curve") + ": " + title + " (" + r.Scenario.Currency + ")", tables: []*table{t}}}
	if format == FormatMarkdown {
		return v.markdown(w, v.heading(), sections)
	}
	return v.text(w, v.heading(), sections)
}
