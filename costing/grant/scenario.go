package grant

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// ScenarioColumn is the prefix of the columns a formula with a cost-based
// pot may name besides the data table's: "scenario.qps.caseload.cases" is
// each municipality's figure qps.caseload.cases of the scenario (the figure
// MUNICIPALITY.qps.caseload.cases of kosto explain --list).
const ScenarioColumn = "scenario."

// matchScenario pairs the table's municipalities with the scenario's (step
// 2), then adds the scenario.* columns the formula names to the table, as
// values.
func (b *builder) matchScenario() {
	if !b.pair() {
		b.scenario = nil
		return
	}
	d := b.f.Data
	var names []models.Text
	for _, c := range b.f.Criteria {
		names = append(names, c.Column, c.Per)
	}
	names = append(names, d.Population, d.Children, d.Baseline, d.Need)
	for _, col := range models.Sorted(d.Fallback) {
		names = append(names, d.Fallback[col])
	}
	for _, n := range names {
		if fig, isScenario := strings.CutPrefix(n.S, ScenarioColumn); n.Set && isScenario && b.t.Column(n.S) < 0 {
			b.scenarioColumn(n, fig)
		}
	}
}

// pair matches a municipality of the table with the scenario's municipality
// whose name is its name written plainly (models.Slug: "Fushë Kosovë" →
// fushe_kosove). Every municipality on either side must have its match; it
// says whether they do.
func (b *builder) pair() bool {
	r := b.o.Scenario
	byName := map[string]int{}
	var scNames []string
	for i, m := range r.Municipalities {
		byName[m.Name] = i
		scNames = append(scNames, m.Name)
	}
	b.scenario = make([]int, len(b.rows))
	matched := map[int]bool{}
	ok := true
	for k, name := range b.names {
		i, has := byName[models.Slug(name)]
		if !has {
			msg := fmt.Sprintf("%s (%s) has no municipality %s in scenario %s", b.t.File, name, models.Slug(name), r.Scenario.Name)
			if s := models.Suggest(models.Slug(name), scNames); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			b.ps.Add(models.Position{File: b.t.File, Line: b.t.Rows[b.rows[k]].Line, Key: b.f.Data.Key.S}, fmt.Sprintf("%q", name), "%s", msg)
			ok = false
			continue
		}
		b.scenario[k] = i
		matched[i] = true
	}
	pos := b.at(b.f.Pot.Scenario, "pot.cost_based.scenario")
	for i, m := range r.Municipalities {
		if !matched[i] {
			b.ps.Add(pos, fmt.Sprintf("%q", b.f.Pot.Scenario.S), "the scenario's municipality %s (%s) has no row in %s", m.Name, m.Title, b.t.File)
			ok = false
		}
	}
	return ok
}

// scenarioColumn adds the column n, each municipality's figure fig of the
// scenario, to the table; an undefined figure is a missing value.
func (b *builder) scenarioColumn(n models.Text, fig string) {
	r := b.o.Scenario
	vals := make([]string, len(b.t.Rows))
	for k, row := range b.rows {
		m := r.Municipalities[b.scenario[k]]
		id, found := r.Graph.Lookup(m.Name + "." + fig)
		if !found {
			b.ps.Add(n.Pos, fmt.Sprintf("%q", n.S), "scenario %s has no figure %s.%s (kosto explain %s --list shows every figure)", r.Scenario.Name, m.Name, fig, r.Scenario.Name)
			if b.said == nil {
				b.said = map[string]bool{}
			}
			b.said[n.S] = true
			return
		}
		if v, def := r.Value(id); def {
			vals[row] = v.String()
		}
	}
	b.t.AddColumn(n.S, fmt.Sprintf("scenario %s, figure MUNICIPALITY.%s", r.Scenario.Name, fig), vals)
}

// scenarioNeed returns each municipality's costed need from the scenario of
// a cost-based pot, by the pot's need basis:
//   - "total": the municipality's budget as the scenario costs it;
//   - "staffed_to_norm" (the default): that budget plus the yearly cost of
//     every post missing against the staffing norm, that is what the
//     services cost staffed to the norm (a surplus of posts in one service
//     is not netted against a gap in another);
//   - any other word: a figure of each municipality, e.g. "qps.total".
func (b *builder) scenarioNeed() []decimal.Decimal {
	r := b.o.Scenario
	if r == nil || b.scenario == nil {
		return nil
	}
	basis := b.f.Pot.Need.S
	if basis == "" {
		basis = models.NeedStaffedToNorm
	}
	out := make([]decimal.Decimal, len(b.rows))
	for k := range b.rows {
		m := &r.Municipalities[b.scenario[k]]
		switch basis {
		case models.NeedTotal, models.NeedStaffedToNorm:
			v, _ := r.Value(m.Total)
			if basis == models.NeedStaffedToNorm {
				for _, s := range m.Services {
					for _, st := range s.Staffing {
						gc, _ := r.Value(st.GapCost)
						v = v.Add(gc)
					}
				}
			}
			out[k] = v
		default:
			id, found := r.Graph.Lookup(m.Name + "." + basis)
			if !found {
				b.ps.Add(b.f.Pot.Need.Pos, fmt.Sprintf("%q", basis), "expected \"total\", \"staffed_to_norm\" or a figure of each municipality: scenario %s has no figure %s.%s", r.Scenario.Name, m.Name, basis)
				return nil
			}
			out[k], _ = r.Value(id)
		}
	}
	switch basis {
	case models.NeedTotal:
		b.g.NeedFrom = "the budget of scenario " + r.Scenario.Name + " (municipality totals)"
	case models.NeedStaffedToNorm:
		b.g.NeedFrom = "scenario " + r.Scenario.Name + " staffed to its norms (municipality totals + the yearly cost of every missing post)"
	default:
		b.g.NeedFrom = "scenario " + r.Scenario.Name + ", figure MUNICIPALITY." + basis
	}
	return out
}

// scenarioBaseline returns each municipality's budget in the scenario of a
// cost-based pot (baseline = "total").
func (b *builder) scenarioBaseline() []decimal.Decimal {
	r := b.o.Scenario
	out := make([]decimal.Decimal, len(b.rows))
	for k := range b.rows {
		v, _ := r.Value(r.Municipalities[b.scenario[k]].Total)
		out[k] = v
	}
	return out
}
