package templates

// The grant view of kosto serve's page: a shipped formula's weights (and
// its pot, when it is a fixed amount) as an editable table, and its
// allocation as GrantReport writes it. As for a scenario, the page computes
// nothing: cmd/kosto writes the changed formula (scenarios.FormulaVariant),
// computes it and hands the result here.

import (
	"net/url"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// GrantInputs are the rows of a formula's inputs table: each criterion's
// weight ("criteria.NAME.weight"), and the pot ("pot.amount") when it is a
// fixed amount, each with its value in edits or as shipped (f is the
// shipped formula) and its source or assumption.
func GrantInputs(f *models.Formula, edits map[string]string, lang string) []PageInput {
	var out []PageInput
	add := func(key, name, unit string, in models.Input, p models.Provenance) {
		def := in.Value.String()
		row := PageInput{Name: key, Figure: key, Label: name, Value: def, Default: def, Unit: unit, Source: p.Source, From: in.From}
		if row.Source == "" && p.Assumption != "" {
			row.Source = label(lang, "assumption") + ": " + p.Assumption
		}
		if in.Pos.Line > 0 {
			row.Written = in.Pos.String()
		}
		if e, ok := edits[key]; ok {
			row.Value, row.Changed = e, true
		}
		out = append(out, row)
	}
	if f.Pot.Kind == models.PotAmount {
		add(scenarios.FormulaPotKey, label(lang, "grant_pot"), f.Currency.S, f.Pot.Amount, f.Pot.Amount.Provenance)
	}
	for _, c := range f.Criteria {
		title := c.Title.In(lang)
		if title == "" {
			title = c.Name
		}
		add("criteria."+c.Name+".weight", title+" — "+strings.ToLower(label(lang, "grant_weight")), "",
			c.Weight, models.Provenance{Source: c.Source.S, Assumption: c.Assumption.S})
	}
	return out
}

// GrantEdits reads the form's inputs ("p.KEY" fields, the keys of
// GrantInputs) as changes to the shipped formula f: the values whose text
// differs from the value as shipped (a text that is no number is a change,
// which writing the variant then refuses).
func GrantEdits(f *models.Formula, form url.Values) map[string]string {
	shipped := map[string]decimal.Decimal{}
	for _, in := range GrantInputs(f, nil, "en") {
		shipped[in.Name] = decimal.RequireFromString(in.Default)
	}
	edits := map[string]string{}
	for key, vs := range form {
		name, ok := strings.CutPrefix(key, "p.")
		now, known := shipped[name]
		if !ok || !known || len(vs) == 0 {
			continue
		}
		text := strings.TrimSpace(vs[0])
		if d, err := decimal.NewFromString(text); err == nil && d.Equal(now) {
			continue
		}
		edits[name] = text
	}
	return edits
}
