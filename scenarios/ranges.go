package scenarios

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// rangeRefused says why a value at path cannot carry a range, or "": an
// uncertainty analysis draws the values the calculation graph reads
// (parameters, roles, services, municipalities, central costs, funnels),
// growth rates and the discount rate, not the horizon, a path's levels or
// a transition plan, which are choices of the scenario.
func rangeRefused(path string) string {
	refused := strings.HasPrefix(path, "transition.") || strings.HasPrefix(path, "scenario.") || strings.Contains(path, ".levels.") ||
		strings.HasPrefix(path, "projection.") && path != "projection.discount_rate"
	if !refused {
		return ""
	}
	return "expected no range here: kosto uncertainty draws parameters, the values of roles, services, municipalities and central costs, growth rates and the discount rate; a horizon, a path's levels and a transition plan are the scenario's choices"
}

// rangeKeys are the keys of range = { … }.
var rangeKeys = []string{"low", "high", "mode", "dist", "source", "assumption"}

// valueRange decodes range = { low, high, mode, dist, source, assumption }:
// the bounds as numbers are read (quoted decimals for money), the rest as
// text. Whether they fit the value is validation's to say.
func (d *decoder) valueRange(path string, v any) *models.Range {
	t, ok := d.table(path, v)
	if !ok {
		return nil
	}
	r := &models.Range{Pos: d.pos(path)}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		switch k {
		case "low":
			r.Low = d.scalarNumber(p, t[k])
		case "high":
			r.High = d.scalarNumber(p, t[k])
		case "mode":
			r.Mode = d.scalarNumber(p, t[k])
		case "dist":
			r.Dist = d.text(p, t[k])
		case "source":
			r.Source = d.text(p, t[k]).S
		case "assumption":
			r.Assumption = d.text(p, t[k]).S
		default:
			d.unknown(p, k, rangeKeys, "a range")
		}
	}
	return r
}

// scalarNumber decodes a bound of a range: a number as input reads it,
// never a table.
func (d *decoder) scalarNumber(path string, v any) models.Input {
	if _, ok := v.(map[string]any); ok {
		d.problem(path, show(v), "expected a number (250, \"250.50\")")
		return models.Input{}
	}
	return d.input(path, v)
}

// uncertaintyKeys are the keys of [uncertainty].
var uncertaintyKeys = []string{"draws", "seed", "method", "correlations"}

// uncertainty decodes [uncertainty]: draws, seed, method and
// [[uncertainty.correlations]] of inputs and rank.
func (d *decoder) uncertainty(path string, v any) models.Uncertainty {
	t, ok := d.table(path, v)
	if !ok {
		return models.Uncertainty{}
	}
	u := models.Uncertainty{Set: true, Pos: d.pos(path)}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		switch k {
		case "draws":
			u.Draws = d.scalarNumber(p, t[k])
		case "seed":
			u.Seed = d.scalarNumber(p, t[k])
		case "method":
			u.Method = d.text(p, t[k])
		case "correlations":
			list, ok := t[k].([]map[string]any)
			if !ok {
				d.problem(p, show(t[k]), "expected correlations as [[uncertainty.correlations]] tables of inputs = [\"a\", \"b\"] and rank = 0.8")
				continue
			}
			u.Correlations = []models.Correlation{}
			for n, ct := range list {
				cp := fmt.Sprintf("%s[%d]", p, n+1)
				c := models.Correlation{Pos: d.pos(p)}
				for _, ck := range sortedKeys(ct) {
					switch ck {
					case "inputs":
						c.Inputs = d.names(cp+".inputs", ct[ck])
					case "rank":
						c.Rank = d.scalarNumber(cp+".rank", ct[ck])
					default:
						d.unknown(cp+"."+ck, ck, []string{"inputs", "rank"}, "a correlation")
					}
				}
				u.Correlations = append(u.Correlations, c)
			}
		default:
			d.unknown(p, k, uncertaintyKeys, "[uncertainty]")
		}
	}
	return u
}

// LoadRanges reads a ranges file (kosto uncertainty --ranges FILE.toml):
// format = 1, an [uncertainty] table, and [ranges] of range tables keyed by
// the input they are for — a parameter's name, or a value's key path in
// quotes ("paths.cpi.rate"). Every problem is reported, positioned in the
// file; whether each range fits its value is checked against the scenario
// it is applied to.
func LoadRanges(file string) (*models.RangeFile, error) {
	var ps models.Problems
	src, msg := readAs(file, "a ranges file", ".toml")
	if msg != "" {
		ps.Add(models.Position{File: file}, "", "%s", msg)
		return nil, ps.Err()
	}
	raw := parseTOML(file, src, &ps)
	if raw == nil {
		return nil, ps.Err()
	}
	d := &decoder{file: file, loc: newLocator(string(trimBOM(src))), ps: &ps}
	rf := &models.RangeFile{File: file, Ranges: map[string]*models.Range{}}
	for _, k := range sortedKeys(raw) {
		switch k {
		case "format":
			d.format(k, raw[k], "ranges")
		case "uncertainty":
			rf.Uncertainty = d.uncertainty(k, raw[k])
		case "ranges":
			t, ok := d.table(k, raw[k])
			if !ok {
				continue
			}
			for _, name := range sortedKeys(t) {
				if r := d.valueRange(k+"."+name, t[name]); r != nil {
					rf.Ranges[name] = r
				}
			}
		default:
			d.unknown(k, k, []string{"format", "uncertainty", "ranges"}, "a ranges file")
		}
	}
	return rf, ps.Err()
}
