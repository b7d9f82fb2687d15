package templates

import (
	"encoding/json"
	"io"

	"github.com/kosto-project/kosto/costing"
)

// The JSON document: every figure is an object with its stable name in the
// calculation graph (for `kosto explain`), its value as an exact decimal
// string, and its unit.
type jsonFigure struct {
	Figure string `json:"figure"`
	Label  string `json:"label,omitempty"`
	Value  string `json:"value"` // exact decimal; "" when undefined
	Unit   string `json:"unit,omitempty"`
}

type jsonDoc struct {
	Scenario       jsonScenario       `json:"scenario"`
	Roles          []jsonRole         `json:"roles"`
	Municipalities []jsonMunicipality `json:"municipalities"`
	Services       []jsonServiceTotal `json:"services"`
	ByCategory     []jsonCategory     `json:"by_category"`
	Total          jsonFigure         `json:"total"`
	Warnings       []string           `json:"warnings"`
}

type jsonScenario struct {
	Name           string   `json:"name"`
	Title          string   `json:"title"`
	Country        string   `json:"country"`
	Currency       string   `json:"currency"`
	MoneyDecimals  int32    `json:"money_decimals"`
	BaseYear       int      `json:"base_year"`
	Classification string   `json:"classification"`
	Files          []string `json:"files"`
}

type jsonRole struct {
	Name         string       `json:"name"`
	Title        string       `json:"title"`
	Municipality string       `json:"municipality,omitempty"`
	Figures      []jsonFigure `json:"figures"`
}

type jsonMunicipality struct {
	Name          string         `json:"name"`
	Title         string         `json:"title"`
	Population    *jsonFigure    `json:"population,omitempty"`
	Services      []jsonService  `json:"services"`
	ByCategory    []jsonCategory `json:"by_category"`
	Total         jsonFigure     `json:"total"`
	PerInhabitant *jsonFigure    `json:"per_inhabitant,omitempty"`
}

type jsonService struct {
	Name      string         `json:"name"`
	Kind      string         `json:"kind"`
	Title     string         `json:"title"`
	UnitCosts []jsonUnitCost `json:"unit_costs"`
	Staffing  []jsonStaffing `json:"staffing,omitempty"`
	Lines     []jsonLine     `json:"lines"`
	Total     jsonFigure     `json:"total"`
	Memo      *jsonFigure    `json:"memo_total,omitempty"`
}

type jsonUnitCost struct {
	Measure string       `json:"measure"`
	Volume  *jsonFigure  `json:"volume,omitempty"`
	Cost    jsonFigure   `json:"cost"`
	Blocks  []jsonFigure `json:"blocks"`
}

type jsonStaffing struct {
	Post          string       `json:"post"`
	Role          string       `json:"role"`
	Norm          string       `json:"norm"`
	ByNorm        []jsonFigure `json:"fte_by_norm"`
	RequiredPosts jsonFigure   `json:"posts_required"`
	CurrentPosts  jsonFigure   `json:"posts_current"`
	Gap           jsonFigure   `json:"gap"`
	GapCost       jsonFigure   `json:"gap_cost"`
	Budgeted      jsonFigure   `json:"posts_budgeted"`
}

type jsonLine struct {
	jsonFigure
	Element  string `json:"element"`
	Category string `json:"category"`
	Budgeted bool   `json:"budgeted"`
	PaidBy   string `json:"paid_by,omitempty"`
}

type jsonCategory struct {
	Code  string     `json:"code"`
	Label string     `json:"label"`
	Total jsonFigure `json:"total"`
}

type jsonServiceTotal struct {
	Name  string     `json:"name"`
	Kind  string     `json:"kind"`
	Title string     `json:"title"`
	Total jsonFigure `json:"total"`
}

// figure is a figure for JSON and CSV: its name, label, exact value (money
// with the currency's decimals; "" when undefined) and unit.
func (v *view) figure(id costing.NodeID) jsonFigure {
	n := v.r.Node(id)
	f := jsonFigure{Figure: n.Name, Label: v.name(id), Unit: n.Unit}
	if d, ok := v.r.Value(id); ok {
		if n.Money {
			f.Value = d.StringFixed(v.r.Graph.Decimals)
		} else {
			f.Value = d.String()
		}
	}
	return f
}

// optFigure is figure for an optional node (-1 for none).
func (v *view) optFigure(id costing.NodeID) *jsonFigure {
	if id < 0 {
		return nil
	}
	f := v.figure(id)
	return &f
}

// JSON writes the costed scenario as one JSON document: the scenario, its
// roles, its municipalities with their services, every service's total
// over the municipalities, the budget by category, the total and the
// warnings.
func JSON(w io.Writer, r *costing.Result, o Options) error {
	v := newView(r, o)
	doc := jsonDoc{
		Scenario: jsonScenario{Name: r.Scenario.Name, Title: r.Scenario.Title.In(v.lang), Country: r.Scenario.Country,
			Currency: r.Scenario.Currency, MoneyDecimals: r.Graph.Decimals, BaseYear: r.Scenario.BaseYear,
			Classification: r.Classification.Name, Files: r.Scenario.Files},
		ByCategory: v.jsonCategories(r.ByCategory),
		Total:      v.figure(r.Total),
		Warnings:   v.warnings(),
	}
	if doc.Warnings == nil {
		doc.Warnings = []string{}
	}
	for _, ro := range r.Roles {
		doc.Roles = append(doc.Roles, v.jsonRole(ro))
	}
	for _, m := range r.Municipalities {
		doc.Municipalities = append(doc.Municipalities, v.jsonMunicipality(m))
	}
	for _, s := range r.Services {
		doc.Services = append(doc.Services, jsonServiceTotal{Name: s.Name, Kind: s.Kind, Title: s.Title.In(v.lang), Total: v.figure(s.Total)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// jsonCategories is a budget by economic category: each category's code,
// label and total.
func (v *view) jsonCategories(ids []costing.NodeID) []jsonCategory {
	var out []jsonCategory
	for i, id := range ids {
		c := v.r.Classification.Categories[i]
		out = append(out, jsonCategory{Code: c.Code, Label: c.Label(v.lang), Total: v.figure(id)})
	}
	return out
}

// jsonRole is a role and the cost of a full-time post of it, block by
// block, with its hours and its cost per hour.
func (v *view) jsonRole(ro costing.RoleResult) jsonRole {
	jr := jsonRole{Name: ro.Name, Title: ro.Title.In(v.lang), Municipality: ro.Municipality}
	for _, id := range []costing.NodeID{ro.AnnualGross, ro.OnCosts, ro.EmploymentCost, ro.Overheads, ro.Capital,
		ro.AnnualCostPerFTE, ro.ProductiveHours, ro.ClientHours, ro.CostPerHour, ro.CostPerClientHour} {
		jr.Figures = append(jr.Figures, v.figure(id))
	}
	return jr
}

// jsonMunicipality is a municipality: its population, its services, its
// budget by category, its total and its total per inhabitant.
func (v *view) jsonMunicipality(m costing.MunicipalityResult) jsonMunicipality {
	jm := jsonMunicipality{Name: m.Name, Title: m.Title.In(v.lang), Population: v.optFigure(m.Population), ByCategory: v.jsonCategories(m.ByCategory),
		Total: v.figure(m.Total), PerInhabitant: v.optFigure(m.PerInhabitant)}
	for _, s := range m.Services {
		jm.Services = append(jm.Services, v.jsonService(s))
	}
	return jm
}

// jsonService is a service in a municipality: its unit costs with their
// blocks, its staffing against each norm, its budget lines, its total and
// its memo total.
func (v *view) jsonService(s costing.ServiceResult) jsonService {
	fig, opt := v.figure, v.optFigure
	js := jsonService{Name: s.Name, Kind: s.Kind, Title: s.Title.In(v.lang), Total: fig(s.Total), Memo: opt(s.Memo)}
	for _, u := range s.UnitCosts {
		ju := jsonUnitCost{Measure: u.Measure, Volume: opt(u.Volume), Cost: fig(u.Cost)}
		for _, b := range u.Blocks {
			ju.Blocks = append(ju.Blocks, fig(b))
		}
		js.UnitCosts = append(js.UnitCosts, ju)
	}
	for _, st := range s.Staffing {
		jst := jsonStaffing{Post: st.Post, Role: st.Role, Norm: st.Norm, RequiredPosts: fig(st.RequiredPosts),
			CurrentPosts: fig(st.CurrentPosts), Gap: fig(st.Gap), GapCost: fig(st.GapCost), Budgeted: fig(st.Budgeted)}
		for _, bn := range st.ByNorm {
			jst.ByNorm = append(jst.ByNorm, fig(bn.FTE))
		}
		js.Staffing = append(js.Staffing, jst)
	}
	for _, l := range s.Lines {
		js.Lines = append(js.Lines, jsonLine{jsonFigure: fig(l.Node), Element: l.Element,
			Category: v.r.Classification.Categories[l.Category].Code, Budgeted: l.Budgeted, PaidBy: l.FundedBy.In(v.lang)})
	}
	return js
}
