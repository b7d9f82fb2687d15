package templates

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
)

// A table is one titled grid of a report; text and Markdown render the same
// tables, so the two never disagree.
type table struct {
	title  string
	header []string
	right  []bool // right-align (amounts)
	rows   [][]string
	strong []bool // a total row
	notes  []string
}

func (t *table) add(strong bool, cells ...string) {
	t.rows = append(t.rows, cells)
	t.strong = append(t.strong, strong)
}

// A section is a heading and its tables.
type section struct {
	heading string
	tables  []*table
}

// view prepares a result for rendering in one language.
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

// amount formats a figure: money with the currency's decimals, anything else
// as a quantity; an undefined figure as n/a.
func (v *view) amount(id costing.NodeID) string {
	d, ok := v.r.Value(id)
	if !ok {
		return v.l("undefined")
	}
	if v.r.Node(id).Money {
		return v.num.money(d)
	}
	return v.num.qty(d)
}

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

func (v *view) categoryLabel(i int) string {
	return v.r.Classification.Categories[i].Label(v.lang)
}

// heading is the report's first lines.
func (v *view) heading() []string {
	s := v.r.Scenario
	title := s.Title.In(v.lang)
	if title == "" {
		title = s.Name
	}
	return []string{
		title,
		fmt.Sprintf("%s %s · %s · %s · %s %d · %s %s", v.l("scenario"), s.Name, s.Country, s.Currency, v.l("base_year"), s.BaseYear, v.l("classification"), v.r.Classification.Name),
	}
}

// sections builds every table of the report.
func (v *view) sections() []section {
	var out []section
	out = append(out, section{heading: v.l("staff_costs") + " (" + v.r.Scenario.Currency + ")", tables: []*table{v.roleTable()}})
	multi := len(v.r.Municipalities) > 1
	if multi {
		out = append(out, section{heading: v.l("by_municipality") + " (" + v.r.Scenario.Currency + ")", tables: []*table{v.municipalityTable()}})
	}
	for i := range v.r.Municipalities {
		m := &v.r.Municipalities[i]
		prefix := ""
		if multi {
			prefix = m.Title.In(v.lang) + ": "
		}
		out = append(out,
			section{heading: prefix + v.l("unit_costs") + " (" + v.r.Scenario.Currency + ")", tables: v.unitCostTables(m)},
		)
		if st := v.staffingTable(m); st != nil {
			out = append(out, section{heading: prefix + v.l("staffing"), tables: []*table{st}})
		}
		out = append(out,
			section{heading: fmt.Sprintf("%s%s %d — %s (%s)", prefix, v.l("annual_budget"), v.r.Scenario.BaseYear, m.Title, v.r.Scenario.Currency), tables: []*table{v.budgetTable(m)}},
			section{heading: prefix + v.l("by_category") + " (" + v.r.Scenario.Currency + ")", tables: []*table{v.categoryTable(m.ByCategory, m.Total)}},
		)
	}
	if multi {
		if ts := v.staffingTotalTables(); len(ts) > 0 {
			out = append(out, section{heading: v.l("staffing_by_municipality"), tables: ts})
		}
		out = append(out,
			section{heading: v.l("by_service") + " (" + v.r.Scenario.Currency + ")", tables: []*table{v.serviceTable()}},
			section{heading: v.l("by_category") + " — " + v.l("total") + " (" + v.r.Scenario.Currency + ")", tables: []*table{v.categoryTable(v.r.ByCategory, v.r.Total)}},
		)
	}
	return out
}

func (v *view) roleTable() *table {
	t := &table{header: []string{v.l("role"), v.l("annual_gross"), v.l("on_costs"), v.l("overheads"), v.l("capital"), v.l("annual_cost_per_fte"), v.l("productive_hours"), v.l("cost_per_hour"), v.l("cost_per_client_hour")},
		right: []bool{false, true, true, true, true, true, true, true, true}}
	for _, r := range v.r.Roles {
		name := r.Title.In(v.lang)
		if r.Municipality != "" {
			name += " (" + r.Municipality + ")"
		}
		t.add(false, name, v.amount(r.AnnualGross), v.amount(r.OnCosts), v.amount(r.Overheads), v.amount(r.Capital),
			v.amount(r.AnnualCostPerFTE), v.amount(r.ProductiveHours), v.amount(r.CostPerHour), v.amount(r.CostPerClientHour))
	}
	return t
}

func (v *view) unitCostTables(m *costing.MunicipalityResult) []*table {
	var ts []*table
	for _, s := range m.Services {
		for _, u := range s.UnitCosts {
			t := &table{title: s.Title.In(v.lang) + ", " + v.l(u.Measure), header: []string{v.l("line"), v.l("amount")}, right: []bool{false, true}}
			for _, b := range u.Blocks {
				t.add(false, v.name(b), v.amount(b))
			}
			t.add(true, v.l("unit_cost"), v.amount(u.Cost))
			if u.Volume >= 0 {
				t.notes = append(t.notes, fmt.Sprintf("%s: %s %s", v.l("volume"), v.amount(u.Volume), v.unitCount(u.Volume)))
			}
			ts = append(ts, t)
		}
	}
	return ts
}

func (v *view) staffingTable(m *costing.MunicipalityResult) *table {
	norms := []string{models.NormRatio, models.NormContinuous, models.NormCaseload, models.NormPopulation, models.NormTime}
	// Only the norms some staff line uses get a column.
	used := map[string]bool{}
	for _, s := range m.Services {
		for _, st := range s.Staffing {
			for _, bn := range st.ByNorm {
				used[bn.Norm] = true
			}
		}
	}
	t := &table{header: []string{v.l("service"), v.l("post"), v.l("norm")}, right: []bool{false, false, false}}
	var cols []string
	for _, n := range norms {
		if used[n] {
			cols = append(cols, n)
			t.header = append(t.header, v.l("fte_"+n))
			t.right = append(t.right, true)
		}
	}
	norms = cols
	t.header = append(t.header, v.l("posts_required"), v.l("posts_current"), v.l("gap"), v.l("gap_cost"))
	t.right = append(t.right, true, true, true, true)
	for _, s := range m.Services {
		for _, st := range s.Staffing {
			row := []string{s.Title.In(v.lang), st.RoleTitle.In(v.lang), v.l("norm_" + st.Norm)}
			for _, n := range norms {
				cell := ""
				for _, bn := range st.ByNorm {
					if bn.Norm == n {
						cell = v.amount(bn.FTE)
						if n == st.Norm {
							cell += "*"
						}
					}
				}
				row = append(row, cell)
			}
			row = append(row, v.amount(st.RequiredPosts), v.amount(st.CurrentPosts), v.amount(st.Gap), v.amount(st.GapCost))
			t.add(false, row...)
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	t.notes = append(t.notes, "* "+v.l("chosen"))
	return t
}

func (v *view) budgetTable(m *costing.MunicipalityResult) *table {
	t := &table{header: []string{v.l("service") + " / " + v.l("line"), v.l("category"), v.l("amount")}, right: []bool{false, false, true}}
	memo := false
	for _, s := range m.Services {
		t.add(false, s.Title.In(v.lang), "", "")
		for _, l := range s.Lines {
			amount := v.amount(l.Node)
			cat := v.categoryLabel(l.Category)
			if !l.Budgeted {
				memo = true
				amount = "(" + amount + ")"
				cat = v.l("memo") + ": " + v.l("paid_by") + " " + v.payer(l.FundedBy)
			}
			t.add(false, "  "+v.name(l.Node), cat, amount)
		}
		t.add(true, "  "+v.l("service_total"), "", v.amount(s.Total))
	}
	t.add(true, v.l("total"), "", v.amount(m.Total))
	if memo {
		t.notes = append(t.notes, v.l("memo_note"))
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

func (v *view) categoryTable(cats []costing.NodeID, total costing.NodeID) *table {
	t := &table{header: []string{v.l("category"), v.l("amount")}, right: []bool{false, true}}
	for i, id := range cats {
		t.add(false, v.categoryLabel(i), v.amount(id))
	}
	t.add(true, v.l("total"), v.amount(total))
	return t
}

// staffingTotalTables shows, for each staff line of a service, every
// municipality's requirement under each norm, its posts now, the posts it
// lacks and their cost, with the totals over the network.
func (v *view) staffingTotalTables() []*table {
	var ts []*table
	for _, tot := range v.r.Staffing {
		t := &table{title: v.serviceTitle(tot.Service) + " — " + tot.RoleTitle.In(v.lang) + " (" + v.l("norm_"+tot.Norm) + ")",
			header: []string{v.l("municipality")}, right: []bool{false}}
		for _, n := range tot.ByNorm {
			t.header = append(t.header, v.l("fte_"+n.Norm))
			t.right = append(t.right, true)
		}
		t.header = append(t.header, v.l("posts_required"), v.l("posts_current"), v.l("posts_missing"), v.l("gap_cost"))
		t.right = append(t.right, true, true, true, true)
		for _, m := range v.r.Municipalities {
			for _, s := range m.Services {
				for _, st := range s.Staffing {
					if s.Name != tot.Service || st.Post != tot.Post {
						continue
					}
					row := []string{m.Title.In(v.lang)}
					for _, n := range tot.ByNorm {
						cell := ""
						for _, bn := range st.ByNorm {
							if bn.Norm == n.Norm {
								cell = v.amount(bn.FTE)
							}
						}
						row = append(row, cell)
					}
					row = append(row, v.amount(st.RequiredPosts), v.amount(st.CurrentPosts), v.amount(st.Missing), v.amount(st.GapCost))
					t.add(false, row...)
				}
			}
		}
		row := []string{v.l("total")}
		for _, n := range tot.ByNorm {
			row = append(row, v.amount(n.FTE))
		}
		row = append(row, v.amount(tot.RequiredPosts), v.amount(tot.CurrentPosts), v.amount(tot.Missing), v.amount(tot.GapCost))
		t.add(true, row...)
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

func (v *view) municipalityTable() *table {
	t := &table{header: []string{v.l("municipality"), v.l("population"), v.l("total"), v.l("per_inhabitant_col")}, right: []bool{false, true, true, true}}
	for _, m := range v.r.Municipalities {
		pop, per := "", ""
		if m.Population >= 0 {
			pop, per = v.amount(m.Population), v.amount(m.PerInhabitant)
		}
		t.add(false, m.Title.In(v.lang), pop, v.amount(m.Total), per)
	}
	t.add(true, v.l("total"), "", v.amount(v.r.Total), "")
	return t
}

func (v *view) serviceTable() *table {
	t := &table{header: []string{v.l("service"), v.l("amount")}, right: []bool{false, true}}
	for _, s := range v.r.Services {
		t.add(false, s.Title.In(v.lang), v.amount(s.Total))
	}
	t.add(true, v.l("total"), v.amount(v.r.Total))
	return t
}

func (v *view) warnings() []string {
	var ws []string
	for _, w := range v.r.Warnings {
		ws = append(ws, w.Error())
	}
	return ws
}

// indent returns s with two spaces before each line.
func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
