package grant

import (
	"fmt"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// criteria reads every criterion's indicator and its total (step 3) and
// returns the formula shares (step 4):
//
//	share_m = Σ_c weight_c × indicator_c,m ÷ Σ_m' indicator_c,m'.
//
// A criterion of weight 0 is read and checked, and changes nothing.
func (b *builder) criteria() []decimal.Decimal {
	shares := make([]decimal.Decimal, len(b.rows))
	for k := range shares {
		shares[k] = zero
	}
	for _, c := range b.f.Criteria {
		vals, total, ok := b.indicator(c)
		b.g.Criteria = append(b.g.Criteria, criterion(c, total))
		for k := range b.g.Rows {
			v := zero
			if ok {
				v = vals[k]
			}
			b.g.Rows[k].Indicators = append(b.g.Rows[k].Indicators, v)
		}
		if !ok || c.Weight.Value.IsZero() {
			continue
		}
		if total.IsZero() {
			b.ps.Add(b.at(c.Column, "criteria."+c.Name+".column"), fmt.Sprintf("%q", c.Column.S), "expected some municipality with a value above 0: criterion %s divides by the total, which is 0", c.Name)
			continue
		}
		for k := range shares {
			shares[k] = shares[k].Add(c.Weight.Value.Mul(vals[k]).Div(total))
		}
	}
	return shares
}

// criterion is a criterion of the formula as the result shows it.
func criterion(c *models.Criterion, total decimal.Decimal) Criterion {
	gc := Criterion{Name: c.Name, Title: c.Title.Phrase(), Column: c.Column.S, Transform: transform(c), Per: c.Per.S, Weight: c.Weight.Value,
		Total: total, Source: c.Source.S, Assumption: c.Assumption.S}
	if gc.Title.S == "" {
		gc.Title = models.P(c.Name)
	}
	return gc
}

// transform is the transform a criterion names, none by default.
func transform(c *models.Criterion) string {
	if c.Transform.S == "" {
		return models.TransformNone
	}
	return c.Transform.S
}

// indicator reads a criterion's column, and its per column for
// per_capita, and transforms every value: the indicator of every
// municipality, their total, and whether they could be read (problems
// reported).
func (b *builder) indicator(c *models.Criterion) ([]decimal.Decimal, decimal.Decimal, bool) {
	key := "criteria." + c.Name
	tr := transform(c)
	vals := b.values(c.Column, key+".column", key)
	var per []decimal.Decimal
	if tr == models.TransformPerCapita {
		per = b.values(c.Per, key+".per", key)
	}
	if vals == nil || tr == models.TransformPerCapita && per == nil {
		return nil, zero, false
	}
	total, ok := zero, true
	for k := range vals {
		x, good := b.transformed(c, tr, k, vals[k], per)
		if !good {
			ok = false
			continue
		}
		vals[k] = x
		total = total.Add(x)
	}
	return vals, total, ok
}

// transformed is municipality k's value x of a criterion's column after the
// transform tr: ÷ its per value, inverted, or capped. A per value or a
// value to invert of 0 or less is a problem.
func (b *builder) transformed(c *models.Criterion, tr string, k int, x decimal.Decimal, per []decimal.Decimal) (decimal.Decimal, bool) {
	switch tr {
	case models.TransformPerCapita:
		if !per[k].IsPositive() {
			b.rowProblem(k, c.Per.S, per[k].String(), "expected more than 0: criterion %s divides %s by it (%s)", c.Name, c.Column.S, b.names[k])
			return x, false
		}
		return x.Div(per[k]), true
	case models.TransformInverse:
		if !x.IsPositive() {
			b.rowProblem(k, c.Column.S, x.String(), "expected more than 0: criterion %s takes its inverse (%s)", c.Name, b.names[k])
			return x, false
		}
		return one.Div(x), true
	case models.TransformCapped:
		return decimal.Min(x, c.Cap.Value), true
	}
	return x, true
}
