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
	switch format {
	case FormatJSON:
		return v.curveJSON(w, municipality, service, points)
	case FormatCSV:
		return v.curveCSV(w, points)
	}
	title := curveTitle(r, v.lang, municipality, service)
	sections := []section{{heading: v.l("occupancy_curve") + ": " + title + " (" + r.Scenario.Currency + ")", tables: []*table{v.curveTable(points)}}}
	if format == FormatMarkdown {
		return v.markdown(w, v.heading(), sections)
	}
	return v.text(w, v.heading(), sections)
}

// curveTitle names the service and its municipality by their titles, or
// the service by its name when the scenario has no such service there.
func curveTitle(r *costing.Result, lang, municipality, service string) string {
	title := service
	for _, m := range r.Municipalities {
		for _, s := range m.Services {
			if m.Name == municipality && s.Name == service {
				title = s.Title.In(lang) + " — " + m.Title.In(lang)
			}
		}
	}
	return title
}

// curveTable is the curve for a table: a row for each number of children,
// the saving from the second row on, and a mark where a unit closes.
func (v *view) curveTable(points []costing.CurvePoint) *table {
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
	return t
}

// curveJSON writes the curve as one JSON document, its amounts exact
// decimals.
func (v *view) curveJSON(w io.Writer, municipality, service string, points []costing.CurvePoint) error {
	type point struct {
		Children   string `json:"children"`
		OpenUnits  string `json:"open_units"`
		AnnualCost string `json:"annual_cost"`
		PerChild   string `json:"cost_per_child_year"` // "" when there are no children
		Saving     string `json:"saving"`
		UnitClosed bool   `json:"unit_closed"`
	}
	r := v.r
	doc := struct {
		Municipality string  `json:"municipality"`
		Service      string  `json:"service"`
		Currency     string  `json:"currency"`
		Points       []point `json:"points"`
	}{Municipality: municipality, Service: service, Currency: r.Scenario.Currency}
	for _, p := range points {
		doc.Points = append(doc.Points, point{p.Children.String(), p.OpenUnits.String(), p.Total.StringFixed(r.Graph.Decimals), v.exactPerChild(p), p.Saving.StringFixed(r.Graph.Decimals), p.UnitClosed})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// curveCSV writes the curve as CSV, a row for each point, its amounts exact
// decimals.
func (v *view) curveCSV(w io.Writer, points []costing.CurvePoint) error {
	dec := v.r.Graph.Decimals
	cw := csv.NewWriter(w)
	cw.Write([]string{"children", "open_units", "annual_cost", "cost_per_child_year", "saving", "unit_closed"})
	for _, p := range points {
		cw.Write([]string{p.Children.String(), p.OpenUnits.String(), p.Total.StringFixed(dec), v.exactPerChild(p), p.Saving.StringFixed(dec), fmt.Sprint(p.UnitClosed)})
	}
	cw.Flush()
	return cw.Error()
}

// exactPerChild is a point's cost per child-year with the currency's
// decimals, "" when there are no children.
func (v *view) exactPerChild(p costing.CurvePoint) string {
	if !p.Defined {
		return ""
	}
	return p.PerChild.StringFixed(v.r.Graph.Decimals)
}
