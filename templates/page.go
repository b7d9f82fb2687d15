package templates

// The page of kosto serve: a scenario's headline figures, its inputs as an
// editable table (parameter, value, unit, source, applies-from), and its
// reports — the run, the projection, a comparison — as the HTML renderer
// writes documents. The page computes nothing either: cmd/kosto costs the
// scenario (as a variant of the inputs changed) and hands the results here.

import (
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// PageLanguages are the languages the page is written in: the reports'.
var PageLanguages = models.Languages

// A Page is what the page shows.
type Page struct {
	Lang      string   // one of PageLanguages
	Scenarios []string // the shipped scenarios to choose from
	Scenario  string   // the shipped scenario shown; "" for an upload or a grant
	Formulas  []string // the shipped grant formulas to choose from
	Formula   string   // the shipped formula shown, on the grant view; "" for a scenario
	Base      string   // the shipped scenario it is compared with; "" for none
	Upload    string   // the uploaded file's name, for an upload
	Source    string   // the uploaded file's text, sent back with a change of language
	Edits     map[string]string
	Inputs    []PageInput
	Headline  []PageFigure
	Problems  models.Problems
	Message   string // what went wrong, when it is no list of problems
	Documents []*Document
}

// A PageInput is a row of the inputs table: a parameter of the scenario.
type PageInput struct {
	Name    string // the parameter's name (the form field is "p."+Name)
	Figure  string // its node's name, params.NAME
	Label   string
	Value   string // as the form holds it: the edit, or the value as shipped
	Default string // as shipped
	Unit    string
	Source  string // its source, or its assumption
	From    string
	Written string // where it is written
	Changed bool
}

// A PageFigure is a headline figure: what it is, its value and, when the
// inputs were changed, its change against the scenario as shipped.
type PageFigure struct {
	Label  string
	Cell   htmlCell
	Change string
}

// PageInputs are the rows of the inputs table: every parameter of base's
// graph, each with its value in edits (a parameter's name to the text the
// form sent) or as shipped, and its provenance as the scenario states it.
func PageInputs(base *costing.Result, edits map[string]string, lang string) []PageInput {
	v := newView(base, Options{Lang: lang})
	var out []PageInput
	for i, n := range base.Graph.Nodes {
		lf := n.Leaf
		if n.Op != costing.OpInput || lf.Param == "" || n.Name != "params."+lf.Param {
			continue
		}
		def := exact(v.fig(costing.NodeID(i)))
		in := PageInput{Name: lf.Param, Figure: n.Name, Label: v.name(costing.NodeID(i)), Value: def, Default: def,
			Unit: unitLabel(v.lang, n.Unit), Source: v.sourceOf(lf), From: lf.From, Written: written(lf)}
		if e, ok := edits[lf.Param]; ok {
			in.Value, in.Changed = e, true
		}
		out = append(out, in)
	}
	return out
}

// Edits reads the form's inputs ("p.NAME" fields) as changes to base: the
// parameters whose text differs from the value as shipped (a text that is
// no number is a change, which loading the variant then reports).
func Edits(base *costing.Result, form url.Values) map[string]string {
	edits := map[string]string{}
	for key, vs := range form {
		name, ok := strings.CutPrefix(key, "p.")
		if !ok || len(vs) == 0 {
			continue
		}
		id, ok := base.Graph.Lookup("params." + name)
		if !ok || base.Node(id).Op != costing.OpInput {
			continue
		}
		text := strings.TrimSpace(vs[0])
		now, _ := base.Value(id)
		if d, err := decimal.NewFromString(text); err == nil && d.Equal(now) {
			continue
		}
		edits[name] = text
	}
	return edits
}

// PageHeadline are the headline figures of r: the total budget and, for
// one municipality, the total per inhabitant; with their change against
// base when base is another result (the scenario as shipped).
func PageHeadline(r, base *costing.Result, lang string) []PageFigure {
	v := newView(r, Options{Lang: lang})
	type fig struct {
		key string
		id  func(*costing.Result) costing.NodeID
	}
	figs := []fig{{"page_total", func(x *costing.Result) costing.NodeID { return x.Total }}}
	if len(r.Municipalities) == 1 && r.Municipalities[0].PerInhabitant >= 0 {
		figs = append(figs, fig{"page_per_inhabitant", func(x *costing.Result) costing.NodeID { return x.Municipalities[0].PerInhabitant }})
	}
	var out []PageFigure
	for _, f := range figs {
		c := v.fig(f.id(r))
		pf := PageFigure{Label: label(lang, f.key) + " (" + r.Scenario.Currency + ")", Cell: htmlCell{Text: cellText(v.lang, c), Value: exact(c), Class: "num", Figure: c.Source.Figure()}}
		if base != nil && base != r && len(base.Municipalities) == len(r.Municipalities) {
			now, ok1 := r.Value(f.id(r))
			was, ok2 := base.Value(f.id(base))
			if ok1 && ok2 {
				d := now.Sub(was)
				s := v.num.money(d)
				if d.IsPositive() {
					s = "+" + s
				}
				pf.Change = s
			}
		}
		out = append(out, pf)
	}
	return out
}

// The view of a page the template lays out.
type pageView struct {
	*Page
	Docs     []htmlDoc
	Query    string // the page's state as a query, for the download links
	Problems []pageProblem
}

type pageProblem struct{ Where, Key, Value, Message string }

// Action is the page's address, which its forms send their state to: the
// grant view's, or the scenario's.
func (pv pageView) Action() string {
	if pv.Formula != "" {
		return "/grant"
	}
	return "/"
}

// WritePage writes the whole page.
func WritePage(w io.Writer, p *Page) error {
	pv := pageView{Page: p, Query: p.query()}
	for i, d := range p.Documents {
		pv.Docs = append(pv.Docs, htmlDocument(d, "d"+strconv.Itoa(i)))
	}
	for _, pr := range p.Problems {
		where := pr.Pos.File
		if pr.Pos.Line > 0 {
			where += ":" + strconv.Itoa(pr.Pos.Line)
		}
		pv.Problems = append(pv.Problems, pageProblem{Where: where, Key: pr.Pos.Key, Value: pr.Value, Message: pr.Expected})
	}
	return pageTemplates.ExecuteTemplate(w, "page", pv)
}

// query is the page's state — scenario, language, comparison, edits — as
// a URL query.
func (p *Page) query() string {
	q := url.Values{}
	if p.Formula != "" {
		q.Set("formula", p.Formula)
	} else {
		q.Set("scenario", p.Scenario)
	}
	q.Set("lang", p.Lang)
	if p.Base != "" {
		q.Set("base", p.Base)
	}
	for name, v := range p.Edits {
		q.Set("p."+name, v)
	}
	return q.Encode()
}
