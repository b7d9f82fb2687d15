package costing_test

// Benchmarks of loading and costing; BENCHMARKS.md gives the commands, the
// machine and the results. The national scenario is synthetic test data
// (scenarios/testdata/national-synthetic.toml, 38 municipalities × 5 services).

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

const nationalFile = "../scenarios/testdata/national-synthetic.toml"

// BenchmarkLoadCostGjilan loads the shipped Gjilan scenario (parse, decode,
// validate) and costs it (build the graph, evaluate): what `kosto run` does
// before it writes the report.
func BenchmarkLoadCostGjilan(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sc, err := scenarios.LoadShipped("gjilan")
		if err != nil {
			b.Fatal(err)
		}
		costing.Build(sc)
	}
}

// BenchmarkLoadCostNational reads the national scenario from disk, loads and
// costs it: what `kosto run` does before it writes the report.
func BenchmarkLoadCostNational(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sc, err := scenarios.LoadFile(nationalFile)
		if err != nil {
			b.Fatal(err)
		}
		costing.Build(sc)
	}
}

// BenchmarkBuildNational builds and evaluates the graph of the already
// loaded and validated national scenario.
func BenchmarkBuildNational(b *testing.B) {
	sc := loadNational(b)
	b.ReportAllocs()
	for b.Loop() {
		costing.Build(sc)
	}
}

// BenchmarkLoadNational only loads the national scenario (read, parse,
// decode, validate), to split BenchmarkLoadCostNational in two.
func BenchmarkLoadNational(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadNational(b)
	}
}

func loadNational(b *testing.B) *models.Scenario {
	b.Helper()
	sc, err := scenarios.LoadFile(nationalFile)
	if err != nil {
		b.Fatal(err)
	}
	return sc
}

// BenchmarkCostNational costs the already loaded national scenario:
// validation, graph construction and one evaluation.
func BenchmarkCostNational(b *testing.B) {
	sc := loadNational(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := costing.Cost(sc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvalNational is the inner loop of a Monte-Carlo run on the built
// graph: fresh leaf values, one parameter changed, one forward evaluation.
func BenchmarkEvalNational(b *testing.B) {
	r, err := costing.Cost(loadNational(b))
	if err != nil {
		b.Fatal(err)
	}
	g := r.Graph
	leaf, ok := g.Lookup("params.foster_allowance")
	if !ok {
		b.Fatal("no leaf params.foster_allowance")
	}
	draws := make([]decimal.Decimal, 64)
	for i := range draws {
		draws[i] = decimal.NewFromInt(200 + int64(i))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		v := g.Leaves()
		if err := g.Set(v, leaf, draws[i%len(draws)]); err != nil {
			b.Fatal(err)
		}
		g.Eval(v)
		i++
	}
	b.ReportMetric(float64(len(g.Nodes)), "nodes") // after the loop: b.Loop resets extra metrics
}

// BenchmarkProjectNational projects the national scenario over ten years
// (scenarios/testdata/national-projection.toml: national-synthetic.toml with
// a wage path and a price path): one evaluation of the graph a year, with its
// leaves moved. The graph is built once, outside the loop, as kosto project
// builds it once.
func BenchmarkProjectNational(b *testing.B) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/national-projection.toml")
	if err != nil {
		b.Fatal(err)
	}
	r := costing.Build(sc)
	if got := len(r.Project().Years); got != 10 {
		b.Fatalf("%d years, want 10", got)
	}
	b.ReportAllocs()
	for b.Loop() {
		r.Project()
	}
}
