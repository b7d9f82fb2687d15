package templates

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
)

// view prepares a result for a document in one language: the labels, the
// names of figures and the cells that show them.
type view struct {
	r    *costing.Result
	lang string
	num  numbers
}

func newView(r *costing.Result, o Options) *view {
	lang := language(o.Lang, r.Scenario.Language)
	return &view{r: r, lang: lang, num: numbers{lang: lang, decimals: r.Graph.Decimals}}
}

func (v *view) l(key string) string { return label(v.lang, key) }

// fig is the cell showing a figure of the base year.
func (v *view) fig(id costing.NodeID) Cell { return nodeCell(v.r, nil, -1, id, false) }

// amount formats a figure for a sentence: money with the currency's
// decimals, anything else as a quantity; an undefined figure as n/a.
func (v *view) amount(id costing.NodeID) string { return cellText(v.lang, v.fig(id)) }

// name is how a figure is called in a report: the title the scenario gave
// it, else its glossary label.
func (v *view) name(id costing.NodeID) string {
	n := v.r.Node(id)
	switch {
	case n.Title.S == "":
		return v.l(n.Label)
	case n.Label == "cost_line":
		return n.Title.In(v.lang)
	}
	return n.Title.In(v.lang) + " — " + v.l(n.Label)
}

// sourceOf is where an input comes from: its source, else its assumption,
// said to be one.
func (v *view) sourceOf(lf *costing.Leaf) string {
	if lf.Source == "" && lf.Assumption != "" {
		return v.l("assumption") + ": " + lf.Assumption
	}
	return lf.Source
}

// written is where in the scenario's files an input is written, "" for
// one no file wrote.
func written(lf *costing.Leaf) string {
	if lf.Pos.File == "" {
		return ""
	}
	return lf.Pos.String()
}

func (v *view) categoryLabel(i int) string {
	return v.r.Classification.Categories[i].Label(v.lang)
}

// document starts a document of the result: its title and what it is.
func (v *view) document(report string) *Document {
	s := v.r.Scenario
	title := s.Title.In(v.lang)
	if title == "" {
		title = s.Name
	}
	return &Document{Report: report, Lang: v.lang, Name: s.Name, Currency: s.Currency, Title: title,
		Lines: []string{fmt.Sprintf("%s %s · %s · %s · %s %d · %s %s", v.l("scenario"), s.Name, s.Country, s.Currency,
			v.l("base_year"), s.BaseYear, v.l("classification"), v.r.Classification.Name)},
		Warnings: v.warnings()}
}

// SummaryAbove is the number of municipalities above which kosto run shows
// the scenario's summary by municipality rather than every municipality in
// full (Options.Municipality names one to show in full).
const SummaryAbove = 3

// RunReport is the document of kosto run: the staff cost of every role;
// for each municipality its unit costs, its staffing against need, the
// cost of care per child by type of care, its budget and its budget by
// category; and, for a scenario of several municipalities, the budget by
// municipality, the staffing of each, the budget by service and by
// category. A scenario of more than SummaryAbove municipalities shows only
// the summary, unless o.Municipality names one to show in full.
func RunReport(r *costing.Result, o Options) (*Document, error) {
	v := newView(r, o)
	d := v.document("run")
	cur := " (" + r.Scenario.Currency + ")"
	munis, err := v.shown(o.Municipality, o.Full)
	if err != nil {
		return nil, err
	}
	d.Sections = append(d.Sections, &Section{Heading: v.l("staff_costs") + cur, Tables: []*Table{v.roleTable(o.Municipality)}})
	multi := len(r.Municipalities) > 1
	if multi && o.Municipality == "" {
		d.Sections = append(d.Sections, &Section{Heading: v.l("by_municipality") + cur, Tables: []*Table{v.municipalityTable()}})
	}
	for _, m := range munis {
		d.Sections = append(d.Sections, v.municipalitySections(m, multi)...)
	}
	if multi && o.Municipality == "" {
		if ts := v.staffingTotalTables(); len(ts) > 0 {
			d.Sections = append(d.Sections, &Section{Heading: v.l("staffing_by_municipality"), Tables: ts})
		}
		d.Sections = append(d.Sections,
			&Section{Heading: v.l("by_service") + cur, Tables: []*Table{v.serviceTable()}},
			&Section{Heading: v.l("by_category") + " — " + v.l("total") + cur, Tables: []*Table{v.categoryTable(r.ByCategory, r.Total, "")}},
		)
	}
	if len(munis) < len(r.Municipalities) && o.Municipality == "" {
		d.Notes = append(d.Notes, fmt.Sprintf(v.l("summary_note"), len(r.Municipalities)))
	}
	return d, nil
}

// shown are the municipalities a run report shows in full: the one named,
// or all of them when there are at most SummaryAbove, else none.
func (v *view) shown(name string, full bool) ([]*costing.MunicipalityResult, error) {
	var out []*costing.MunicipalityResult
	var names []string
	for i := range v.r.Municipalities {
		m := &v.r.Municipalities[i]
		names = append(names, m.Name)
		if name == "" || m.Name == name {
			out = append(out, m)
		}
	}
	switch {
	case name != "" && len(out) == 0:
		return nil, fmt.Errorf("--municipality %q: scenario %s has no such municipality; expected %s", name, v.r.Scenario.Name, orList(names))
	case name == "" && !full && len(out) > SummaryAbove:
		return nil, nil
	}
	return out, nil
}

// municipalitySections are a municipality's unit costs, staffing, care
// comparison, budget and budget by category.
func (v *view) municipalitySections(m *costing.MunicipalityResult, multi bool) []*Section {
	cur := " (" + v.r.Scenario.Currency + ")"
	prefix := ""
	if multi {
		prefix = m.Title.In(v.lang) + ": "
	}
	out := []*Section{{Heading: prefix + v.l("unit_costs") + cur, Tables: v.unitCostTables(m)}}
	if st := v.staffingTable(m); st != nil {
		out = append(out, &Section{Heading: prefix + v.l("staffing"), Tables: []*Table{st}})
	}
	if ct := v.compareTable(m); ct != nil {
		out = append(out, &Section{Heading: prefix + v.l("care_comparison") + cur, Tables: []*Table{ct},
			Charts: []*Chart{v.compareChart(prefix+v.l("care_comparison"), ct)}})
	}
	return append(out,
		&Section{Heading: fmt.Sprintf("%s%s %d — %s%s", prefix, v.l("annual_budget"), v.r.Scenario.BaseYear, m.Title.In(v.lang), cur), Tables: []*Table{v.budgetTable(m)}},
		&Section{Heading: prefix + v.l("by_category") + cur, Tables: []*Table{v.categoryTable(m.ByCategory, m.Total, m.Name)}},
	)
}

// fteNorms are the norms a staffing table has a column for, in order.
var fteNorms = []string{models.NormRatio, models.NormContinuous, models.NormCaseload, models.NormPopulation, models.NormTime}

// col is a text column.
func (v *view) col(key string) Column { return Column{Label: v.l(key), Key: key} }

// numCol is a figure column.
func (v *view) numCol(key string) Column { return Column{Label: v.l(key), Key: key, Numeric: true} }

// roleTable is the cost of a full-time post of every role (of one
// municipality's, when only is one), block by block.
func (v *view) roleTable(only string) *Table {
	t := &Table{Key: "staff_costs", Columns: []Column{v.col("role")}}
	for _, k := range []string{"annual_gross", "on_costs", "overheads", "capital", "annual_cost_per_fte", "productive_hours", "cost_per_hour", "cost_per_client_hour"} {
		t.Columns = append(t.Columns, v.numCol(k))
	}
	for _, ro := range v.r.Roles {
		if only != "" && ro.Municipality != "" && ro.Municipality != only {
			continue
		}
		name := ro.Title.In(v.lang)
		if ro.Municipality != "" {
			name += " (" + ro.Municipality + ")"
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{Words(name), v.fig(ro.AnnualGross), v.fig(ro.OnCosts), v.fig(ro.Overheads), v.fig(ro.Capital),
			v.fig(ro.AnnualCostPerFTE), v.fig(ro.ProductiveHours), v.fig(ro.CostPerHour), v.fig(ro.CostPerClientHour)}})
	}
	return t
}

// unitCostTables are a municipality's unit costs: for each of every
// service's measures, its blocks and the unit cost they add up to.
func (v *view) unitCostTables(m *costing.MunicipalityResult) []*Table {
	var ts []*Table
	for _, s := range m.Services {
		for _, u := range s.UnitCosts {
			t := &Table{Key: "unit_cost", Municipality: m.Name, Title: s.Title.In(v.lang) + ", " + v.l(u.Measure), Columns: []Column{v.col("line"), v.numCol("amount")}}
			for _, b := range u.Blocks {
				t.Rows = append(t.Rows, Row{Cells: []Cell{Words(v.name(b)), v.fig(b)}})
			}
			t.Rows = append(t.Rows, Row{Total: true, Cells: []Cell{Words(v.l("unit_cost")), v.fig(u.Cost)}})
			if u.Volume >= 0 {
				t.Notes = append(t.Notes, fmt.Sprintf("%s: %s %s", v.l("volume"), v.amount(u.Volume), v.unitCount(u.Volume)))
			}
			ts = append(ts, t)
		}
	}
	return ts
}

// staffingTable is a municipality's staff lines against need: the posts
// each norm asks for (the chosen one marked), the posts required and
// current, the gap and its cost. Only the norms some line uses get a
// column.
func (v *view) staffingTable(m *costing.MunicipalityResult) *Table {
	used := map[string]bool{}
	for _, s := range m.Services {
		for _, st := range s.Staffing {
			for _, bn := range st.ByNorm {
				used[bn.Norm] = true
			}
		}
	}
	if len(used) == 0 {
		return nil
	}
	t := &Table{Key: "staffing", Municipality: m.Name, Columns: []Column{{Label: v.l("service") + " / " + v.l("post"), Key: "post"}, v.col("norm")}}
	var norms []string
	for _, n := range fteNorms {
		if used[n] {
			norms = append(norms, n)
			t.Columns = append(t.Columns, v.numCol("fte_"+n))
		}
	}
	t.Columns = append(t.Columns, v.numCol("posts_required"), v.numCol("posts_current"), v.numCol("gap"), v.numCol("gap_cost"))
	for _, s := range m.Services {
		if len(s.Staffing) > 0 {
			t.Rows = append(t.Rows, Row{Group: true, Key: s.Name, Cells: []Cell{Words(s.Title.In(v.lang))}})
		}
		for _, st := range s.Staffing {
			cells := []Cell{Words(st.RoleTitle.In(v.lang)), Words(v.l("norm_" + st.Norm))}
			for _, n := range norms {
				c := Blank()
				for _, bn := range st.ByNorm {
					if bn.Norm == n {
						c = v.fig(bn.FTE)
						if n == st.Norm {
							c.Text = "*"
						}
					}
				}
				cells = append(cells, c)
			}
			cells = append(cells, v.fig(st.RequiredPosts), v.fig(st.CurrentPosts), v.fig(st.Gap), v.fig(st.GapCost))
			t.Rows = append(t.Rows, Row{Level: 1, Key: st.Post, Cells: cells})
		}
	}
	t.Notes = append(t.Notes, "* "+v.l("chosen"))
	return t
}

// budgetTable is a municipality's budget for the base year: each service's
// lines with their economic category and amount, and its total, then the
// municipality's. A line another budget pays is a memo: its amount is in
// its own column, in brackets, and its category column names who pays it.
func (v *view) budgetTable(m *costing.MunicipalityResult) *Table {
	t := &Table{Key: "budget", Municipality: m.Name, Columns: []Column{{Label: v.l("service") + " / " + v.l("line"), Key: "line"}, v.col("category"), v.numCol("amount")}}
	memo := false
	for _, s := range m.Services {
		for _, l := range s.Lines {
			memo = memo || !l.Budgeted
		}
	}
	if memo {
		t.Columns = append(t.Columns, Column{Label: v.l("memo_col"), Key: "memo", Numeric: true, Memo: true})
	}
	row := func(cells ...Cell) []Cell {
		if memo && len(cells) < 4 {
			cells = append(cells, Blank())
		}
		return cells
	}
	for _, s := range m.Services {
		t.Rows = append(t.Rows, Row{Group: true, Cells: row(Words(s.Title.In(v.lang)), Blank(), Blank())})
		for _, l := range s.Lines {
			if l.Budgeted {
				t.Rows = append(t.Rows, Row{Level: 1, Cells: row(Words(v.name(l.Node)), Words(v.categoryLabel(l.Category)), v.fig(l.Node))})
				continue
			}
			t.Rows = append(t.Rows, Row{Level: 1, Cells: row(Words(v.name(l.Node)), Words(v.l("paid_by")+" "+v.payer(l.FundedBy)), Blank(),
				nodeCell(v.r, nil, -1, l.Node, true))})
		}
		total := row(Words(v.l("service_total")), Blank(), v.fig(s.Total))
		if memo && s.Memo >= 0 {
			total[3] = nodeCell(v.r, nil, -1, s.Memo, true)
		}
		t.Rows = append(t.Rows, Row{Level: 1, Total: true, Cells: total})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: row(Words(v.l("total")), Blank(), v.fig(m.Total))})
	if memo {
		t.Notes = append(t.Notes, v.l("memo_note"))
	}
	return t
}

// payer names who pays a memo line: a service by its title, else as written.
func (v *view) payer(fundedBy models.Phrase) string {
	for _, s := range v.r.Services {
		if s.Name == fundedBy.S {
			return s.Title.In(v.lang)
		}
	}
	return fundedBy.In(v.lang)
}

// categoryTable is a budget by economic category and its total.
func (v *view) categoryTable(cats []costing.NodeID, total costing.NodeID, municipality string) *Table {
	t := &Table{Key: "by_category", Municipality: municipality, Columns: []Column{v.col("category"), v.numCol("amount")}}
	for i, id := range cats {
		t.Rows = append(t.Rows, Row{Key: v.r.Classification.Categories[i].Code, Cells: []Cell{Words(v.categoryLabel(i)), v.fig(id)}})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: []Cell{Words(v.l("total")), v.fig(total)}})
	return t
}

// staffingTotalTables show, for each staff line of a service, every
// municipality's requirement under each norm, its posts now, the posts it
// lacks and their cost, with the totals over the network.
func (v *view) staffingTotalTables() []*Table {
	var ts []*Table
	for _, tot := range v.r.Staffing {
		t := &Table{Key: "staffing_total", Title: v.serviceTitle(tot.Service) + " — " + tot.RoleTitle.In(v.lang) + " (" + v.l("norm_"+tot.Norm) + ")",
			Columns: []Column{v.col("municipality")}}
		for _, n := range tot.ByNorm {
			t.Columns = append(t.Columns, v.numCol("fte_"+n.Norm))
		}
		t.Columns = append(t.Columns, v.numCol("posts_required"), v.numCol("posts_current"), v.numCol("posts_missing"), v.numCol("gap_cost"))
		for _, m := range v.r.Municipalities {
			for _, s := range m.Services {
				for _, st := range s.Staffing {
					if s.Name != tot.Service || st.Post != tot.Post {
						continue
					}
					cells := []Cell{Words(m.Title.In(v.lang))}
					for _, n := range tot.ByNorm {
						c := Blank()
						for _, bn := range st.ByNorm {
							if bn.Norm == n.Norm {
								c = v.fig(bn.FTE)
							}
						}
						cells = append(cells, c)
					}
					cells = append(cells, v.fig(st.RequiredPosts), v.fig(st.CurrentPosts), v.fig(st.Missing), v.fig(st.GapCost))
					t.Rows = append(t.Rows, Row{Cells: cells})
				}
			}
		}
		cells := []Cell{Words(v.l("total"))}
		for _, n := range tot.ByNorm {
			cells = append(cells, v.fig(n.FTE))
		}
		cells = append(cells, v.fig(tot.RequiredPosts), v.fig(tot.CurrentPosts), v.fig(tot.Missing), v.fig(tot.GapCost))
		t.Rows = append(t.Rows, Row{Total: true, Cells: cells})
		ts = append(ts, t)
	}
	return ts
}

// serviceTitle returns a service's title by its name.
func (v *view) serviceTitle(name string) string {
	for _, s := range v.r.Services {
		if s.Name == name {
			return s.Title.In(v.lang)
		}
	}
	return name
}

// municipalityTable is every municipality's population, budget and budget
// per inhabitant, and the total.
func (v *view) municipalityTable() *Table {
	t := &Table{Key: "by_municipality", Columns: []Column{v.col("municipality"), v.numCol("population"), v.numCol("total"), v.numCol("per_inhabitant_col")}}
	for _, m := range v.r.Municipalities {
		pop, per := Blank(), Blank()
		if m.Population >= 0 {
			pop, per = v.fig(m.Population), v.fig(m.PerInhabitant)
		}
		t.Rows = append(t.Rows, Row{Key: m.Name, Cells: []Cell{Words(m.Title.In(v.lang)), pop, v.fig(m.Total), per}})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: []Cell{Words(v.l("total")), Blank(), v.fig(v.r.Total), Blank()}})
	return t
}

// serviceTable is every service's budget over the municipalities.
func (v *view) serviceTable() *Table {
	t := &Table{Key: "by_service", Columns: []Column{v.col("service"), v.numCol("amount")}}
	for _, s := range v.r.Services {
		t.Rows = append(t.Rows, Row{Key: s.Name, Cells: []Cell{Words(s.Title.In(v.lang)), v.fig(s.Total)}})
	}
	t.Rows = append(t.Rows, Row{Total: true, Cells: []Cell{Words(v.l("total")), v.fig(v.r.Total)}})
	return t
}

func (v *view) warnings() []string {
	ws := []string{}
	for _, w := range v.r.Warnings {
		ws = append(ws, w.Error())
	}
	return ws
}

// indent returns s with two spaces before each line.
func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
