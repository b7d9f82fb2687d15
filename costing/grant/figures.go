package grant

import (
	"fmt"
	"slices"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// figures reads every municipality's population, children and need (step
// 5), and returns the need (nil without one): a [data] need column, else
// the scenario's costed need of a cost-based pot.
func (b *builder) figures() []decimal.Decimal {
	g, d := b.g, b.f.Data
	if pop := b.values(d.Population, "data.population", "data.population"); pop != nil {
		g.HasPopulation, g.Population = true, d.Population.S
		for k := range g.Rows {
			g.Rows[k].Population = pop[k]
		}
	}
	if ch := b.values(d.Children, "data.children", "data.children"); ch != nil {
		g.HasChildren, g.Children = true, d.Children.S
		for k := range g.Rows {
			g.Rows[k].Children = ch[k]
		}
	}
	var need []decimal.Decimal
	var figures [][]costing.NodeID
	if b.f.Pot.Kind == models.PotCostBased {
		need, figures = b.scenarioNeed()
	}
	if d.Need.Set {
		need, figures = b.values(d.Need, "data.need", "data.need"), nil
		g.NeedFrom = Origin{Kind: OriginColumn, Name: d.Need.S, File: b.t.File}
	}
	if need != nil {
		g.HasNeed = true
		for k := range g.Rows {
			g.Rows[k].Need = need[k]
			if figures != nil {
				g.Rows[k].NeedFigures = figures[k]
			}
		}
	}
	return need
}

// baseline returns each municipality's baseline, or nil: --baseline, else
// the [data] baseline column, else a cost-based pot's scenario totals.
func (b *builder) baseline() []decimal.Decimal {
	f := b.f
	switch {
	case b.o.Baseline != nil:
		b.g.BaselineFrom = Origin{Kind: OriginRun, Name: b.o.BaselineFile}
		return b.previousRun()
	case f.Data.Baseline.Set:
		b.g.BaselineFrom = Origin{Kind: OriginColumn, Name: f.Data.Baseline.S, File: b.t.File}
		return b.values(f.Data.Baseline, "data.baseline", "data.baseline")
	case f.Pot.Kind == models.PotCostBased && f.Pot.Baseline.Set && b.o.Scenario != nil && b.scenario != nil:
		b.g.BaselineFrom = Origin{Kind: OriginBudget, Name: b.o.Scenario.Scenario.Name}
		baseline, figures := b.scenarioBaseline()
		if baseline != nil {
			for k := range b.g.Rows {
				b.g.Rows[k].BaselineFigures = figures[k]
			}
		}
		return baseline
	}
	return nil
}

// previousRun returns every municipality's allocation in a previous run
// (Options.Baseline), which must have every municipality of the grant and
// no other.
func (b *builder) previousRun() []decimal.Decimal {
	out := make([]decimal.Decimal, len(b.rows))
	ok := true
	for k, name := range b.names {
		v, has := b.o.Baseline[name]
		if !has {
			b.ps.Add(models.Position{File: b.o.BaselineFile}, "", "no allocation for %s, a municipality of %s", name, b.t.File)
			ok = false
		}
		out[k] = v
	}
	for _, name := range models.Sorted(b.o.Baseline) {
		if !slices.Contains(b.names, name) {
			b.ps.Add(models.Position{File: b.o.BaselineFile}, fmt.Sprintf("%q", name), "no municipality of that name in %s", b.t.File)
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return out
}
