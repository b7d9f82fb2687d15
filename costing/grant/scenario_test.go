package grant_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/shopspring/decimal"
)

// socialServices reads the shipped social-services grant, or a copy of it
// with old replaced by new, and costs its scenario; change, when not nil,
// changes the costed scenario before the grant is computed.
func socialServices(t *testing.T, old, new string, change func(*costing.Result)) (*grant.Result, error) {
	t.Helper()
	name := "kosovo-social-services-grant"
	if old != "" {
		src, err := scenarios.FormulaSource(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), old) {
			t.Fatalf("the formula has no %q", old)
		}
		name = filepath.Join(t.TempDir(), "f.toml")
		if err := os.WriteFile(name, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, err := scenarios.OpenFormula(name, "", scenarios.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(in.Scenario)
	if change != nil {
		change(r)
	}
	return grant.Allocate(in.Formula, in.Data, grant.Options{Scenario: r})
}

// setLeaves gives leaves of a costed scenario new values and evaluates it
// again.
func setLeaves(t *testing.T, r *costing.Result, leaves map[string]string) {
	t.Helper()
	v := r.Graph.Leaves()
	for name, value := range leaves {
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		if err := r.Graph.Set(v, id, dec(value)); err != nil {
			t.Fatal(err)
		}
	}
	r.Graph.Eval(v)
	r.Values = v
}

// Each municipality's need and baseline name the scenario's figures they
// are read from, which add up to them and which kosto explain can explain:
// its total and, staffed to the norm, each staff line's gap cost. The
// cost-based pot is their sum.
func TestNeedNamesItsFigures(t *testing.T) {
	g, err := socialServices(t, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if g.Scenario == nil {
		t.Fatal("a cost-based grant without its scenario")
	}
	all := decimal.Zero
	for _, r := range g.Rows {
		slug := models.Slug(r.Name)
		var names []string
		sum := decimal.Zero
		for _, id := range r.NeedFigures {
			names = append(names, g.Scenario.Node(id).Name)
			v, ok := g.Scenario.Value(id)
			if !ok {
				t.Errorf("%s: figure %s undefined", r.Name, g.Scenario.Node(id).Name)
			}
			sum = sum.Add(v)
		}
		want := []string{slug + ".total", slug + ".qps.staff.officers.gap_cost"}
		if strings.Join(names, " ") != strings.Join(want, " ") || !sum.Equal(r.Need) {
			t.Errorf("%s: need %s from %v (sum %s); want the sum of %v", r.Name, r.Need, names, sum, want)
		}
		if len(r.BaselineFigures) != 1 || g.Scenario.Node(r.BaselineFigures[0]).Name != slug+".total" {
			t.Errorf("%s: baseline from %v, want %s.total", r.Name, r.BaselineFigures, slug)
		} else if v, _ := g.Scenario.Value(r.BaselineFigures[0]); !v.Equal(r.Baseline) {
			t.Errorf("%s: baseline %s, its figure %s", r.Name, r.Baseline, v)
		}
		if e := g.Scenario.Explain(r.NeedFigures[1], 1); !e.Defined || e.Formula == "" || len(e.Inputs) == 0 {
			t.Errorf("%s: the gap cost cannot be explained: %+v", r.Name, e)
		}
		all = all.Add(sum)
	}
	if !all.Equal(g.PotBase) {
		t.Errorf("the pot's base %s, the sum of the needs' figures %s", g.PotBase, all)
	}
	// Need from a column of the table, and a pot that is not cost-based,
	// name no figure.
	in, err := scenarios.OpenFormula("../../scenarios/testdata/grants/example.toml", "", scenarios.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := grant.Allocate(in.Formula, in.Data, grant.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !ex.HasNeed || ex.Scenario != nil || ex.Rows[0].NeedFigures != nil || ex.Rows[0].BaselineFigures != nil {
		t.Errorf("need from a column: scenario %v, figures %v %v", ex.Scenario, ex.Rows[0].NeedFigures, ex.Rows[0].BaselineFigures)
	}
}

// A municipality's need the scenario leaves undefined — a division by zero
// — is a problem naming the municipality and the figure, not a need of 0.
func TestUndefinedNeedIsAProblem(t *testing.T) {
	// Deçan with no cases: its cost per case divides by zero.
	_, err := socialServices(t, `need = "staffed_to_norm"`, `need = "qps.per_case"`, func(r *costing.Result) {
		setLeaves(t, r, map[string]string{"decan.qps.caseload.other_cases.cases": "0", "decan.qps.caseload.social_assistance.cases": "0"})
	})
	want := `f.toml:36: pot.cost_based.need = "qps.per_case": expected every municipality's need to be defined: for Deçan, figure decan.qps.per_case of scenario kosovo_qps_staffing is undefined, a division by zero (kosto explain kosovo-qps-staffing decan.qps.per_case shows where)`
	if err == nil || !strings.HasSuffix(err.Error(), want) || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("got\n%v\nwant\n…%s", err, want)
	}

	// A norm of 0 cases per officer: every municipality's posts required,
	// so its cost staffed to the norm, divide by zero.
	_, err = socialServices(t, "", "", func(r *costing.Result) {
		setLeaves(t, r, map[string]string{"params.cases_per_officer_norm": "0"})
	})
	ps, ok := err.(models.Problems)
	if !ok || len(ps) != 38 {
		t.Fatalf("got %d problems, want one for each of the 38 municipalities:\n%v", len(ps), err)
	}
	want = `kosto:formulas/kosovo-social-services-grant.toml:36: pot.cost_based.need = "staffed_to_norm": expected every municipality's need to be defined: for Deçan, figure decan.qps.staff.officers.gap_cost of scenario kosovo_qps_staffing is undefined, a division by zero (kosto explain kosovo-qps-staffing decan.qps.staff.officers.gap_cost shows where)`
	if !strings.Contains(err.Error(), want+"\n") {
		t.Errorf("the problems lack\n%s:\n%v", want, err)
	}

	// A budget left undefined (made so by hand: no leaf of this scenario
	// divides its totals by zero) is a problem of the need and of the
	// baseline it is too.
	_, err = socialServices(t, "", "", func(r *costing.Result) {
		id, _ := r.Graph.Lookup("gjilan.total")
		r.Values.Undefined[id] = true
	})
	for _, want := range []string{
		`kosto:formulas/kosovo-social-services-grant.toml:36: pot.cost_based.baseline = "total": expected every municipality's baseline to be defined: for Gjilan, figure gjilan.total of scenario kosovo_qps_staffing is undefined`,
		`kosto:formulas/kosovo-social-services-grant.toml:36: pot.cost_based.need = "staffed_to_norm": expected every municipality's need to be defined: for Gjilan, figure gjilan.total of scenario kosovo_qps_staffing is undefined`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the problems lack\n%s:\n%v", want, err)
		}
	}
}

// The scenario's figures a formula names as columns are read into the
// grant's copy of the table: the caller's is left as it was, and a second
// grant over it is the first.
func TestScenarioColumnsLeaveTheTable(t *testing.T) {
	in, err := scenarios.OpenFormula("kosovo-social-services-grant", "", scenarios.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	columns := strings.Join(in.Data.Columns, ",")
	o := grant.Options{Scenario: costing.Build(in.Scenario)}
	g1, err := grant.Allocate(in.Formula, in.Data, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(in.Data.Columns, ","); got != columns || len(in.Data.Rows[0].Cells) != len(in.Data.Columns) {
		t.Errorf("the table's columns became %s, were %s", got, columns)
	}
	g2, err := grant.Allocate(in.Formula, in.Data, o)
	if err != nil {
		t.Fatal(err)
	}
	for k := range g1.Rows {
		if !g1.Rows[k].Allocation.Equal(g2.Rows[k].Allocation) {
			t.Errorf("%s: %s, then %s", g1.Rows[k].Name, g1.Rows[k].Allocation, g2.Rows[k].Allocation)
		}
	}
}
