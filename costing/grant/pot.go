package grant

import (
	"errors"
	"fmt"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// lumpSums returns every municipality's lump sum, by the name in the table
// (step 6), or nil when the formula gives none.
func (b *builder) lumpSums() []decimal.Decimal {
	if len(b.f.LumpSums) == 0 {
		return nil
	}
	lumps := make([]decimal.Decimal, len(b.rows))
	index := map[string]int{}
	for k, name := range b.names {
		index[name] = k
		lumps[k] = zero
	}
	for _, name := range models.Sorted(b.f.LumpSums) {
		in := b.f.LumpSums[name]
		k, ok := index[name]
		if !ok {
			b.ps.Add(in.Pos, in.Raw, "%s", b.noMunicipality(name, b.names))
			continue
		}
		lumps[k] = in.Value
		b.g.LumpSums = b.g.LumpSums.Add(in.Value)
		b.g.Rows[k].Lump = in.Value
	}
	return lumps
}

// pot computes the pot (step 6): fixed; a share of a base, rounded to the
// unit; or the summed need times the co-financing share, rounded to the
// unit.
func (b *builder) pot(need []decimal.Decimal) decimal.Decimal {
	g, p := b.g, b.f.Pot
	g.PotKind = p.Kind
	switch p.Kind {
	case models.PotAmount:
		return p.Amount.Value
	case models.PotShare:
		g.PotBase, g.PotShare = p.Base.Value, p.Share.Value
	case models.PotCostBased:
		g.PotShare = one
		if p.Share.Set {
			g.PotShare = p.Share.Value
		}
		g.PotBase = zero
		for _, v := range need {
			g.PotBase = g.PotBase.Add(v)
		}
	}
	return g.PotShare.Mul(g.PotBase).Round(g.Decimals)
}

// split sets out the arithmetic of the grant (step 7): the pot, the
// shares, the lump sums, the floor, the cap, and hold-harmless with the
// baseline it keeps to.
func (b *builder) split(shares, lumps, baseline []decimal.Decimal) *Split {
	r := b.f.Rules
	sp := &Split{Pot: b.g.Pot, Decimals: b.g.Decimals, Names: b.names, Shares: shares, Lumps: lumps,
		Floor: optional(r.Floor), Cap: optional(r.Cap)}
	if r.HoldHarmless.Set {
		if baseline == nil {
			b.ps.Add(r.HoldHarmless.Pos, r.HoldHarmless.Raw, "hold-harmless needs a baseline: [data] baseline = \"COLUMN\", cost_based = { …, baseline = \"total\" }, or --baseline FILE.csv")
		} else {
			sp.HoldHarmless, sp.Baseline = optional(r.HoldHarmless), baseline
		}
	}
	return sp
}

// optional is a rule's value, or nil when the formula does not set it.
func optional(in models.Input) *decimal.Decimal {
	if !in.Set {
		return nil
	}
	v := in.Value
	return &v
}

// run runs the split. A rule it cannot meet is a problem of the key that
// states the rule (nil result, no error); an error is kosto's own failure.
func (b *builder) run(sp *Split) (*SplitResult, error) {
	res, err := sp.Run()
	if se := (*SplitError)(nil); errors.As(err, &se) {
		pos, value := b.rule(se.Rule)
		b.ps.Add(pos, value, "%s", se.Msg)
		return nil, nil
	}
	return res, err
}

// rule is the key of the formula that states a rule of the split, and its
// value as written.
func (b *builder) rule(name string) (models.Position, string) {
	f := b.f
	switch name {
	case BoundFloor:
		return f.Rules.Floor.Pos, f.Rules.Floor.Raw
	case BoundCap:
		return f.Rules.Cap.Pos, f.Rules.Cap.Raw
	case BoundHoldHarmless:
		return f.Rules.HoldHarmless.Pos, f.Rules.HoldHarmless.Raw
	case "lump_sums":
		return models.Position{File: f.File, Line: f.LumpPos.Line, Key: "lump_sums"}, b.g.LumpSums.String()
	case "pot":
		if f.Rules.Rounding.Set {
			return f.Rules.Rounding.Pos, fmt.Sprintf("%q", f.Rules.Rounding.S)
		}
	}
	return models.Position{File: f.File, Line: f.Pos.Line, Key: "pot"}, b.g.Pot.StringFixed(b.g.MoneyDecimals)
}
