package grant

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// ScenarioColumn is the prefix of the columns a formula with a cost-based
// pot may name besides the data table's: "scenario.qps.caseload.cases" is
// each municipality's figure qps.caseload.cases of the scenario (the figure
// MUNICIPALITY.qps.caseload.cases of kosto explain --list).
const ScenarioColumn = "scenario."

// matchScenario pairs the table's municipalities with the scenario's (step
// 2), then adds the scenario.* columns the formula names to a copy of the
// table, as values.
func (b *builder) matchScenario() {
	if !b.pair() {
		b.scenario = nil
		return
	}
	b.t = cloneTable(b.t)
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

// cloneTable copies a table, so that the scenario's columns are added to
// the grant's copy and the caller's table is left as it was.
func cloneTable(t *models.DataTable) *models.DataTable {
	c := *t
	c.Columns = slices.Clone(t.Columns)
	c.Rows = slices.Clone(t.Rows)
	for i := range c.Rows {
		c.Rows[i].Cells = slices.Clone(t.Rows[i].Cells)
	}
	c.Sources = maps.Clone(t.Sources)
	return &c
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
			b.ps.Add(n.Pos, fmt.Sprintf("%q", n.S), "scenario %s has no figure %s.%s (kosto explain %s --list shows every figure)", r.Scenario.Name, m.Name, fig, explainArg(r))
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
// a cost-based pot, and the figures it is the sum of, by the pot's need
// basis:
//   - "total": the municipality's budget as the scenario costs it;
//   - "staffed_to_norm" (the default): that budget plus the yearly cost of
//     every post missing against the staffing norm, that is what the
//     services cost staffed to the norm (a surplus of posts in one service
//     is not netted against a gap in another);
//   - any other word: a figure of each municipality, e.g. "qps.total".
//
// A figure the scenario leaves undefined (it divides by zero) is a problem
// naming the municipality and the figure.
func (b *builder) scenarioNeed() ([]decimal.Decimal, [][]costing.NodeID) {
	r := b.o.Scenario
	if r == nil || b.scenario == nil {
		return nil, nil
	}
	basis := b.f.Pot.Need.S
	if basis == "" {
		basis = models.NeedStaffedToNorm
	}
	out := make([]decimal.Decimal, len(b.rows))
	figures := make([][]costing.NodeID, len(b.rows))
	ok := true
	for k := range b.rows {
		m := &r.Municipalities[b.scenario[k]]
		ids, found := needFigures(r, m, basis)
		if !found {
			b.ps.Add(b.f.Pot.Need.Pos, fmt.Sprintf("%q", basis), "expected \"total\", \"staffed_to_norm\" or a figure of each municipality: scenario %s has no figure %s.%s", r.Scenario.Name, m.Name, basis)
			return nil, nil
		}
		v, undefined := sum(r, ids)
		if undefined >= 0 {
			b.undefined(b.needAt(), basis, k, "need", undefined)
			ok = false
			continue
		}
		out[k], figures[k] = v, ids
	}
	b.g.NeedFrom = needFrom(r.Scenario.Name, basis)
	if !ok {
		return nil, nil
	}
	return out, figures
}

// needFigures lists the figures of a municipality whose sum is its need by
// basis; found is false when the scenario has no figure of that name.
func needFigures(r *costing.Result, m *costing.MunicipalityResult, basis string) (ids []costing.NodeID, found bool) {
	switch basis {
	case models.NeedTotal:
		return []costing.NodeID{m.Total}, true
	case models.NeedStaffedToNorm:
		ids = []costing.NodeID{m.Total}
		for _, s := range m.Services {
			for _, st := range s.Staffing {
				ids = append(ids, st.GapCost)
			}
		}
		return ids, true
	}
	id, found := r.Graph.Lookup(m.Name + "." + basis)
	return []costing.NodeID{id}, found
}

// needFrom says where the need comes from, in words.
func needFrom(scenario, basis string) Origin {
	switch basis {
	case models.NeedTotal:
		return Origin{Kind: OriginBudget, Name: scenario}
	case models.NeedStaffedToNorm:
		return Origin{Kind: OriginStaffed, Name: scenario}
	}
	return Origin{Kind: OriginFigure, Name: scenario, Figure: basis}
}

// needAt is where the formula states the need basis: its key need, else
// the cost_based table (staffed_to_norm by default).
func (b *builder) needAt() models.Position {
	if b.f.Pot.Need.Set {
		return b.f.Pot.Need.Pos
	}
	return models.Position{File: b.f.File, Line: b.f.Pot.CostPos.Line, Key: "pot.cost_based.need"}
}

// sum adds up the values of figures, in order; undefined is the first
// figure the scenario leaves undefined, or -1.
func sum(r *costing.Result, ids []costing.NodeID) (v decimal.Decimal, undefined costing.NodeID) {
	for i, id := range ids {
		x, def := r.Value(id)
		switch {
		case !def:
			return decimal.Decimal{}, id
		case i == 0:
			v = x
		default:
			v = v.Add(x)
		}
	}
	return v, -1
}

// undefined reports that municipality k's need or baseline, which the
// formula takes from the scenario (the key at pos, of value basis), is
// undefined: its figure id divides by zero.
func (b *builder) undefined(pos models.Position, basis string, k int, what string, id costing.NodeID) {
	r := b.o.Scenario
	fig := r.Graph.Nodes[id].Name
	b.ps.Add(pos, fmt.Sprintf("%q", basis), "expected every municipality's %s to be defined: for %s, figure %s of scenario %s is undefined, a division by zero (kosto explain %s %s shows where)",
		what, b.names[k], fig, r.Scenario.Name, explainArg(r), fig)
}

// explainArg is how kosto explain names the scenario: the file read, or the
// shipped scenario's name.
func explainArg(r *costing.Result) string {
	if len(r.Scenario.Files) == 0 {
		return r.Scenario.Name
	}
	file := r.Scenario.Files[len(r.Scenario.Files)-1]
	if name, shipped := strings.CutPrefix(file, "kosto:"); shipped {
		return strings.TrimSuffix(name, ".toml")
	}
	return file
}

// scenarioBaseline returns each municipality's budget in the scenario of a
// cost-based pot (baseline = "total"), and the figure it is; an undefined
// budget is a problem.
func (b *builder) scenarioBaseline() ([]decimal.Decimal, [][]costing.NodeID) {
	r := b.o.Scenario
	out := make([]decimal.Decimal, len(b.rows))
	figures := make([][]costing.NodeID, len(b.rows))
	ok := true
	for k := range b.rows {
		ids := []costing.NodeID{r.Municipalities[b.scenario[k]].Total}
		v, undefined := sum(r, ids)
		if undefined >= 0 {
			b.undefined(b.f.Pot.Baseline.Pos, b.f.Pot.Baseline.S, k, "baseline", undefined)
			ok = false
			continue
		}
		out[k], figures[k] = v, ids
	}
	if !ok {
		return nil, nil
	}
	return out, figures
}
