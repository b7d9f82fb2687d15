package costing_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

// A kind of service is its table of the schema: this one, respite care for
// children with disabilities (a few beds, nights of care), is costed,
// validated, shared a central cost by its nights and reported with no line
// of the engine naming it.
func TestAKindIsItsTable(t *testing.T) {
	remove := models.AddKind("respite_care", models.PremisesTable("respite_care", models.Traits{
		Doc:    "Short stays that give families of children with disabilities a rest.",
		Titles: map[string]string{"en": "Respite care", "sq": "Kujdes çlodhës"},
		Cases:  "nights", // a central cost shared by cases counts its nights
	}, []models.Field{
		{Key: "beds", Spec: models.Spec{Kind: models.Quantity, Positive: true}, Required: true, Unit: "beds", Doc: "beds"},
		{Key: "nights", Spec: models.Spec{Kind: models.Quantity}, Required: true, Unit: "nights/year", Doc: "nights of care a year"},
	}, nil, []string{"beds"}, []models.Measure{
		{Key: "night", Per: "night", Factors: []string{"nights"}, Unit: "nights/year"},
	}))
	defer remove()

	src := `format = 1
[scenario]
name = "s"
country = "XK"
currency = "EUR"
base_year = 2024
[roles.carer]
monthly_gross = 500
employer_contribution = 0.05
hours_per_week = 40
[services.respite]
kind = "respite_care"
beds = 4
nights = 1000
[services.respite.staff.carers]
role = "carer"
norm = "ratio"
per_post = 2
[services.respite.costs.meals]
amount = 6
per = "night"
element = "goods_services"
[overheads.admin]
amount = 1000
by = "cases"
services = ["respite"]
[municipalities.town]
`
	// A carer: 500 × 12 = 6,000 + 5% = 6,300 a post; 4 beds ÷ 2 = 2 posts,
	// 12,600. Meals 1,000 nights × 6 = 6,000. The central cost 1,000, all
	// of it (the one service). Total 19,600; per night 12.60 + 6 + 1 = 19.60.
	r := loadTOML(t, src)
	for fig, want := range map[string]string{
		"town.respite.annual.staff":           "12600",
		"town.respite.annual.costs.meals":     "6000",
		"town.respite.annual.allocated.admin": "1000",
		"town.respite.total":                  "19600",
		"town.respite.per_night":              "19.6",
	} {
		if got := value(t, r, fig); !got.Equal(dec(want)) {
			t.Errorf("%s = %s, want %s", fig, got, want)
		}
	}
	var report bytes.Buffer
	if err := templates.Text(&report, r, templates.Options{}); err != nil || !strings.Contains(report.String(), "respite, night") {
		t.Errorf("the report (%v) does not show the kind's unit cost:\n%s", err, report.String())
	}

	// Validated by its table: a key of another kind is refused, with the
	// closest of its own.
	bad := strings.Replace(src, "nights = 1000", "nights = 1000\nchildren = 3", 1)
	_, err := scenarios.Load(fstest.MapFS{"s.toml": {Data: []byte(bad)}}, "s.toml")
	want := `s.toml:15: services.respite.children: a respite_care service has no key "children"`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s…", err, want)
	}
}
