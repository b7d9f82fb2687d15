package templates_test

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name; with -update it rewrites the
// file. On a mismatch it writes testdata/name.got for a diff.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./templates -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from the golden file; see %s.got (go test ./templates -update accepts it)", path, path)
	} else {
		os.Remove(path + ".got")
	}
}

func cost(t *testing.T, name string) *costing.Result {
	t.Helper()
	sc, err := scenarios.LoadShipped(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGolden(t *testing.T) {
	renderers := map[string]func(io.Writer, *costing.Result, templates.Options) error{
		"txt": templates.Text, "md": templates.Markdown, "json": templates.JSON, "csv": templates.CSV,
	}
	for _, name := range scenarios.Shipped() {
		r := cost(t, name)
		for ext, render := range renderers {
			for _, lang := range models.Languages {
				t.Run(name+"."+lang+"."+ext, func(t *testing.T) {
					var buf bytes.Buffer
					if err := render(&buf, r, templates.Options{Lang: lang}); err != nil {
						t.Fatal(err)
					}
					golden(t, name+"."+lang+"."+ext, buf.Bytes())
				})
			}
		}
	}
}

func TestGoldenExplain(t *testing.T) {
	r := cost(t, "gjilan")
	for _, fig := range []string{"gjilan.foster_care.unit_cost", "gjilan.qps.staff.officers.gap_cost", "gjilan.day_centre.per_attendance_day"} {
		for _, lang := range models.Languages {
			t.Run(fig+"."+lang, func(t *testing.T) {
				id, err := r.Find(fig)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := templates.Explain(&buf, r, r.Explain(id, 0), templates.Options{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				golden(t, "explain."+fig+"."+lang+".txt", buf.Bytes())
			})
		}
	}
}

// Every label the engine gives a figure of a shipped scenario, every
// measure and every norm must be in the glossary, so no report prints a bare
// key in either language.
func TestGlossaryCoversEngine(t *testing.T) {
	for _, name := range scenarios.Shipped() {
		r := cost(t, name)
		for _, n := range r.Graph.Nodes {
			if n.Op != costing.OpInput && !templates.HasLabel(n.Label) && n.Label != "category" {
				t.Errorf("%s: figure %s has label %q, which the glossary lacks", name, n.Name, n.Label)
			}
		}
		for _, m := range r.Municipalities {
			for _, s := range m.Services {
				for _, u := range s.UnitCosts {
					if !templates.HasLabel(u.Measure) {
						t.Errorf("measure %q is not in the glossary", u.Measure)
					}
				}
				for _, st := range s.Staffing {
					if !templates.HasLabel("norm_" + st.Norm) {
						t.Errorf("norm %q is not in the glossary", st.Norm)
					}
				}
			}
		}
	}
}

// A failing writer's error is returned, not lost.
func TestWriteError(t *testing.T) {
	r := cost(t, "gjilan")
	for name, render := range map[string]func(io.Writer, *costing.Result, templates.Options) error{
		"text": templates.Text, "markdown": templates.Markdown, "json": templates.JSON, "csv": templates.CSV,
	} {
		if err := render(failWriter{}, r, templates.Options{}); err == nil {
			t.Errorf("%s: no error from a failing writer", name)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// The care-type comparison of every shipped scenario that has one, and the
// occupancy curve of the Albanian institution, in every format.
func TestGoldenCareReports(t *testing.T) {
	for _, name := range scenarios.Shipped() {
		r := cost(t, name)
		for _, format := range []string{"table", "markdown", "json", "csv"} {
			var buf bytes.Buffer
			if err := templates.Compare(&buf, r, templates.Options{Lang: "en"}, templates.Format(format)); err != nil {
				continue // no type of care to compare
			}
			golden(t, "compare."+name+"."+format, buf.Bytes())
		}
	}
	r := cost(t, "albania-di-vlore")
	points, err := r.Curve("vlore", "institution")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range models.Languages {
		for _, format := range []string{"table", "csv"} {
			var buf bytes.Buffer
			if err := templates.Curve(&buf, r, "vlore", "institution", points, templates.Options{Lang: lang}, templates.Format(format)); err != nil {
				t.Fatal(err)
			}
			golden(t, "curve.albania-di-vlore."+lang+"."+format, buf.Bytes())
		}
	}
	var buf bytes.Buffer
	if err := templates.Funnel(&buf, r, templates.Options{Lang: "sq"}, "table"); err != nil {
		t.Fatal(err)
	}
	golden(t, "funnel.albania-di-vlore.sq.table", buf.Bytes())
}

// The Albanian reform against its status quo, as kosto compare prints it.
func TestGoldenVersus(t *testing.T) {
	vs, err := costing.Compare(cost(t, "albania-di-vlore"), cost(t, "albania-di-vlore-reform"))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"table", "markdown", "json", "csv"} {
		var buf bytes.Buffer
		if err := templates.Versus(&buf, vs, templates.Options{Lang: "en"}, templates.Format(format)); err != nil {
			t.Fatal(err)
		}
		golden(t, "versus.albania-di-vlore."+format, buf.Bytes())
	}
	p := cost(t, "gjilan").Project()
	var buf bytes.Buffer
	if err := templates.Project(&buf, p, templates.Options{Lang: "sq"}, "table"); err != nil {
		t.Fatal(err)
	}
	golden(t, "project.gjilan.sq.table", buf.Bytes())
}
