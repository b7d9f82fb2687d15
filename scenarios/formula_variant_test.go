package scenarios

import (
	"errors"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/models"
)

// A formula variant rewrites the weights and the fixed pot in place and
// reads back with them; weights that do not sum to 1 are a problem at the
// copy's line and key; anything but a number never reaches the text.
func TestFormulaVariant(t *testing.T) {
	src, err := FormulaVariant("kosovo-social-services-grant", map[string]string{"criteria.caseload.weight": "0.5", "criteria.population.weight": "0.5"})
	if err != nil {
		t.Fatal(err)
	}
	in, err := OpenFormulaSource("changed.toml", src, CSVOptions{})
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	for _, c := range in.Formula.Criteria {
		if c.Weight.Value.String() != "0.5" {
			t.Errorf("%s: weight %s, want 0.5", c.Name, c.Weight.Value)
		}
	}
	if in.Formula.Name.S != "kosovo_social_services_grant_changed" || in.Scenario == nil || in.Data == nil {
		t.Errorf("the variant: name %q, its scenario and data read: %v %v", in.Formula.Name.S, in.Scenario != nil, in.Data != nil)
	}

	src, err = FormulaVariant("albania-social-care-transfer-illustrative", map[string]string{FormulaPotKey: "150000000"})
	if err != nil {
		t.Fatal(err)
	}
	if in, err = OpenFormulaSource("changed.toml", src, CSVOptions{}); err != nil || in.Formula.Pot.Amount.Value.String() != "150000000" {
		t.Fatalf("the pot: %v %v", err, in)
	}
	if !strings.Contains(string(src), `unit = "ALL"`) {
		t.Error("the pot's unit and assumption were not kept")
	}

	src, _ = FormulaVariant("kosovo-social-services-grant", map[string]string{"criteria.caseload.weight": "0.7"})
	_, err = OpenFormulaSource("changed.toml", src, CSVOptions{})
	var ps models.Problems
	if !errors.As(err, &ps) || !strings.Contains(err.Error(), "changed.toml:") || !strings.Contains(err.Error(), "sum to 1") {
		t.Errorf("weights summing to 0.9: %v", err)
	}
	for _, bad := range []map[string]string{
		{"criteria.caseload.weight": "0.5\"\n[x]"}, {"criteria.nope.weight": "0.5"}, {FormulaPotKey: "100"}, {"criteria.caseload.weight": "1e-1"},
	} {
		if _, err := FormulaVariant("kosovo-social-services-grant", bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
