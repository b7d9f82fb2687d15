package templates_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

func funnels(t *testing.T) *costing.Result {
	t.Helper()
	sc, err := scenarios.LoadFile("../scenarios/testdata/funnels.toml")
	if err != nil {
		t.Fatal(err)
	}
	return costing.Build(sc)
}

// Every format prints the cost per approved family of both funnels.
func TestFunnelRendering(t *testing.T) {
	r := funnels(t)
	for _, c := range []struct {
		format, lang string
		want         []string
	}{
		{"table", "en", []string{"Cost per approved family", "553,202", "128,413", "3,131", "27.06%", "Target: 10 new carer families a year"}},
		{"table", "sq", []string{"Kostoja për familje të miratuar", "553.202", "128.413", "27,06%"}},
		{"markdown", "en", []string{"| **Cost per approved family** |", "**553,202**", "## Recruitment of foster carers: Albania"}},
		{"csv", "en", []string{",funnel_albania,,Cost per approved family,per_approved,funnel_stage_cost,553202,ALL/approved family,money,recruitment.albania.per_approved,", ",funnel_north_macedonia,,Public events,events,funnel_people,778,people/year,quantity,recruitment.north_macedonia.events.people,"}},
		{"json", "en", []string{`"figure": "recruitment.albania.per_approved"`, `"value": "553202"`}},
	} {
		var buf bytes.Buffer
		if err := templates.Funnel(&buf, r, templates.Options{Lang: c.lang}, templates.Format(c.format)); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s/%s lacks %q:\n%s", templates.Format(c.format), c.lang, w, buf.String())
			}
		}
		if c.format == "json" && !json.Valid(buf.Bytes()) {
			t.Errorf("invalid JSON")
		}
	}
}

// Every figure of a funnel has a label the glossary translates.
func TestFunnelGlossary(t *testing.T) {
	r := funnels(t)
	for _, n := range r.Graph.Nodes {
		if strings.HasPrefix(n.Name, "recruitment.") && !templates.HasLabel(n.Label) {
			t.Errorf("figure %s has label %q, which the glossary lacks", n.Name, n.Label)
		}
	}
}

func TestFunnelNone(t *testing.T) {
	r := cost(t, "gjilan")
	err := templates.Funnel(&bytes.Buffer{}, r, templates.Options{}, "table")
	if err == nil || !strings.Contains(err.Error(), "has no recruitment funnel") {
		t.Errorf("err = %v, want: has no recruitment funnel", err)
	}
}
