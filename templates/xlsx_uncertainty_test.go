package templates_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/xuri/excelize/v2"
)

// TestUncertaintyWorkbook: the draws as values, the percentiles and
// probabilities as formulas over them, and the statement that kosto drew
// them.
func TestUncertaintyWorkbook(t *testing.T) {
	var rs []*costing.Result
	for _, n := range []string{"albania-di-vlore", "albania-di-vlore-reform"} {
		sc, err := scenarios.LoadShipped(n)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, costing.Build(sc))
	}
	st, err := uncertainty.New(rs[0], rs[1], nil)
	if err != nil {
		t.Fatal(err)
	}
	o := st.Options()
	o.Draws = 40
	out, err := st.Run(o)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := out.Summarise()
	if err != nil {
		t.Fatal(err)
	}
	tor, err := st.Tornado("", 0)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.UncertaintyWorkbook(&buf, sm, tor, templates.WorkbookOptions{Version: "test", Date: "2026-12-02"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "About,Uncertainty,Draws" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("Draws")
	if len(rows) != 41 || rows[0][1] != st.Inputs[0].Name {
		t.Errorf("Draws has %d rows, first %v", len(rows), rows[0][:3])
	}
	fm, _ := f.GetCellFormula("Uncertainty", "C6")
	c, _ := excelize.ColumnNumberToName(len(st.Inputs) + 2) // after the draw's number and the inputs
	if fm != "PERCENTILE(Draws!$"+c+"$2:$"+c+"$41,0.05)" {
		t.Errorf("C6 = %q", fm)
	}
	about, _ := f.GetCellValue("About", "B7")
	if !strings.Contains(about, "computed by kosto") {
		t.Errorf("About does not say kosto computed the draws: %q", about)
	}
}
