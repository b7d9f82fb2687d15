package templates_test

import (
	"bytes"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

// allocate computes a shipped grant formula over its own data (and, for a
// cost-based pot, its scenario).
func allocate(t *testing.T, name string) *grant.Result {
	t.Helper()
	in, err := scenarios.OpenFormula(name, "", scenarios.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := grant.Options{}
	if in.Scenario != nil {
		o.Scenario = costing.Build(in.Scenario)
	}
	g, err := grant.Allocate(in.Formula, in.Data, o)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Golden files of every shipped formula's report, in every format and
// language (go test ./templates -update rewrites them).
func TestGoldenGrants(t *testing.T) {
	for _, name := range scenarios.Formulas() {
		g := allocate(t, name)
		for _, format := range []string{"table", "markdown", "json", "csv"} {
			for _, lang := range models.Languages {
				if (format == "json" || format == "csv") && lang == "sq" {
					continue // the same figures, without labels
				}
				t.Run(name+"."+lang+"."+format, func(t *testing.T) {
					var buf bytes.Buffer
					if err := templates.Grant(&buf, g, templates.Options{Lang: lang}, templates.Format(format)); err != nil {
						t.Fatal(err)
					}
					golden(t, "grant."+name+"."+lang+"."+format, buf.Bytes())
				})
			}
		}
	}
}
