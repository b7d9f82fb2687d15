package scenarios

import (
	"sort"

	"github.com/kosto-project/kosto/models"
)

// Grant formulas are files of their own (GRANTS.md): [formula], [pot],
// [data], [lump_sums], [criteria.NAME] and [rules]. They are read as
// strictly as scenarios: every unknown key is a problem with the closest
// known key, every problem names file, line and key.

var (
	formulaTop      = []string{"format", "formula", "pot", "data", "lump_sums", "criteria", "rules"}
	formulaMetaKeys = []string{"name", "title", "country", "currency", "year", "language", "description", "caveat"}
	potKeys         = []string{"amount", "share", "base", "cost_based"}
	costBasedKeys   = []string{"scenario", "share", "need", "baseline"}
	dataKeys        = []string{"file", "key", "municipalities", "population", "children", "baseline", "need", "fallback"}
	criterionKeys   = []string{"title", "column", "weight", "transform", "per", "cap", "source", "assumption"}
	rulesKeys       = []string{"floor", "cap", "hold_harmless", "rounding"}
)

// decodeFormula parses one formula file. A syntax error stops the walk.
func decodeFormula(file string, src []byte, ps *models.Problems) *models.Formula {
	raw := parseTOML(file, src, ps)
	if raw == nil {
		return nil
	}
	d := &decoder{file: file, loc: newLocator(string(trimBOM(src))), ps: ps}
	f := &models.Formula{File: file, Pos: models.Position{File: file, Line: 1}, LumpSums: map[string]models.Input{}}
	if _, ok := raw["format"]; !ok {
		d.problem("format", "", "missing: format = %d, the version of the formula format", models.FormatVersion)
	}
	for _, k := range sortedKeys(raw) {
		v := raw[k]
		switch k {
		case "format":
			d.format(k, v, "formula")
		case "formula":
			d.formulaMeta(k, v, f)
		case "pot":
			d.pot(k, v, &f.Pot)
		case "data":
			d.formulaData(k, v, &f.Data)
		case "lump_sums":
			d.lumpSums(k, v, f)
		case "criteria":
			f.CriteriaPos = d.pos(k)
			d.named(k, v, func(path, name string, t map[string]any) {
				f.Criteria = append(f.Criteria, d.criterion(path, name, t))
			})
		case "rules":
			d.rules(k, v, &f.Rules)
		default:
			d.unknown(k, k, formulaTop, "a formula file")
		}
	}
	// Criteria in the order the file writes them.
	sort.SliceStable(f.Criteria, func(i, j int) bool { return f.Criteria[i].Pos.Line < f.Criteria[j].Pos.Line })
	if _, ok := raw["formula"]; !ok {
		d.problem("formula", "", "missing: the [formula] table (name, title, currency)")
	}
	return f
}

// lumpSums decodes [lump_sums]: municipality = amount.
func (d *decoder) lumpSums(path string, v any, f *models.Formula) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	f.LumpPos = d.pos(path)
	for _, m := range sortedKeys(t) {
		f.LumpSums[m] = d.input(path+"."+m, t[m])
	}
}

func (d *decoder) formulaMeta(path string, v any, f *models.Formula) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	f.Pos = d.pos(path)
	texts := map[string]*models.Text{"name": &f.Name, "title": &f.Title, "country": &f.Country, "currency": &f.Currency,
		"language": &f.Language, "description": &f.Description, "caveat": &f.Caveat}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		if k == "year" {
			f.Year = d.input(p, t[k])
			continue
		}
		dst, ok := texts[k]
		if !ok {
			d.unknown(p, k, formulaMetaKeys, "[formula]")
			continue
		}
		*dst = d.text(p, t[k])
	}
}

// pot decodes [pot]: amount, share of base, or cost_based — one of them.
func (d *decoder) pot(path string, v any, p *models.Pot) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	p.Pos = d.pos(path)
	kinds := 0
	for _, k := range sortedKeys(t) {
		kp := path + "." + k
		switch k {
		case "amount":
			p.Amount, p.Kind = d.input(kp, t[k]), models.PotAmount
			kinds++
		case "base":
			p.Base = d.input(kp, t[k])
		case "share":
			if _, cost := t["cost_based"]; cost {
				d.problem(kp, show(t[k]), "a cost-based pot states its share inside cost_based = { …, share = … }")
				continue
			}
			p.Share, p.Kind = d.input(kp, t[k]), models.PotShare
			kinds++
		case "cost_based":
			if d.costBased(kp, t[k], p) {
				kinds++
			}
		default:
			d.unknown(kp, k, potKeys, "[pot]")
		}
	}
	if kinds > 1 {
		d.problem(path, "", "expected one kind of pot: amount = \"…\", or share = … of base = \"…\", or cost_based = { … }")
	}
	if p.Base.Set && p.Kind != models.PotShare {
		d.problem(path+".base", p.Base.Raw, "base goes with share = … (the pot is that share of the base)")
	}
}

// costBased decodes the pot's cost_based = { scenario, need, baseline,
// share }, making the pot cost-based; it reports false when v is not a
// table.
func (d *decoder) costBased(path string, v any, p *models.Pot) bool {
	t, ok := d.table(path, v)
	if !ok {
		return false
	}
	p.Kind, p.CostPos = models.PotCostBased, d.pos(path)
	for _, k := range sortedKeys(t) {
		kp := path + "." + k
		switch k {
		case "scenario":
			p.Scenario = d.text(kp, t[k])
		case "need":
			p.Need = d.text(kp, t[k])
		case "baseline":
			p.Baseline = d.text(kp, t[k])
		case "share":
			p.Share = d.input(kp, t[k])
		default:
			d.unknown(kp, k, costBasedKeys, "cost_based")
		}
	}
	return true
}

func (d *decoder) formulaData(path string, v any, fd *models.FormulaData) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	fd.Pos = d.pos(path)
	texts := map[string]*models.Text{"file": &fd.File, "key": &fd.Key, "population": &fd.Population, "children": &fd.Children,
		"baseline": &fd.Baseline, "need": &fd.Need}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		if k == "municipalities" {
			fd.Only, fd.OnlyPos = d.names(p, t[k]), d.pos(p)
			continue
		}
		if k == "fallback" {
			ft, ok := d.table(p, t[k])
			if !ok {
				continue
			}
			fd.Fallback = map[string]models.Text{}
			for _, col := range sortedKeys(ft) {
				fd.Fallback[col] = d.text(p+"."+col, ft[col])
			}
			continue
		}
		dst, ok := texts[k]
		if !ok {
			d.unknown(p, k, dataKeys, "[data]")
			continue
		}
		*dst = d.text(p, t[k])
	}
}

func (d *decoder) criterion(path, name string, t map[string]any) *models.Criterion {
	c := &models.Criterion{Name: name, Pos: d.pos(path)}
	texts := map[string]*models.Text{"title": &c.Title, "column": &c.Column, "transform": &c.Transform, "per": &c.Per,
		"source": &c.Source, "assumption": &c.Assumption}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		switch k {
		case "weight":
			c.Weight = d.input(p, t[k])
		case "cap":
			c.Cap = d.input(p, t[k])
		default:
			dst, ok := texts[k]
			if !ok {
				d.unknown(p, k, criterionKeys, "a criterion")
				continue
			}
			*dst = d.text(p, t[k])
		}
	}
	return c
}

func (d *decoder) rules(path string, v any, r *models.Rules) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	r.Pos = d.pos(path)
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		switch k {
		case "floor":
			r.Floor = d.input(p, t[k])
		case "cap":
			r.Cap = d.input(p, t[k])
		case "hold_harmless":
			r.HoldHarmless = d.input(p, t[k])
		case "rounding":
			r.Rounding = d.text(p, t[k])
		default:
			d.unknown(p, k, rulesKeys, "[rules]")
		}
	}
}
