package costing_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
)

// The names the engine gives its own figures stay within the names a
// scenario cannot take (models.FigureRoots, models.MunicipalityFigures),
// so that no municipality or service can clash with them: a figure's first
// part is a municipality or a root, and a municipality's figure's second
// part is a service or one of the municipality's own.
func TestFigureNamesReserved(t *testing.T) {
	for _, file := range []string{"national-synthetic.toml", "national-projection.toml", "format-example.toml", "funnels.toml"} {
		sc, err := scenarios.LoadFile("../scenarios/testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		checkNames(t, file, sc)
	}
	for _, name := range scenarios.Shipped() {
		sc, err := scenarios.LoadShipped(name)
		if err != nil {
			t.Fatal(err)
		}
		checkNames(t, name, sc)
	}
}

func checkNames(t *testing.T, what string, sc *models.Scenario) {
	t.Helper()
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range r.Graph.Nodes {
		p := strings.Split(n.Name, ".")
		switch {
		case sc.Municipalities[p[0]] != nil:
			if len(p) > 1 && sc.Services[p[1]] == nil && !slices.Contains(models.MunicipalityFigures, p[1]) {
				t.Errorf("%s: figure %s: %q is neither a service nor in models.MunicipalityFigures", what, n.Name, p[1])
			}
		case !slices.Contains(models.FigureRoots, p[0]):
			t.Errorf("%s: figure %s: %q is neither a municipality nor in models.FigureRoots", what, n.Name, p[0])
		}
	}
}
