package templates_test

import (
	"io"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

// BenchmarkExportNational writes the national scenario (38 municipalities ×
// every service kind) as a workbook with live formulas: what kosto export
// does after costing it. BENCHMARKS.md records the result.
func BenchmarkExportNational(b *testing.B) {
	sc, err := scenarios.LoadFile("../scenarios/testdata/national-synthetic.toml")
	if err != nil {
		b.Fatal(err)
	}
	r := costing.Build(sc)
	b.ReportAllocs()
	for b.Loop() {
		if err := templates.Workbook(io.Discard, r, templates.WorkbookOptions{Version: "bench", Date: "2026-11-22"}); err != nil {
			b.Fatal(err)
		}
	}
}
