package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kosto-project/kosto/models"
)

// sameAsEnglish are the glossary texts a language writes as English does,
// so that TestGlossaryComplete does not take them for an untranslated
// label: a sign, and words the languages share.
var sameAsEnglish = map[string][]string{
	"deeper":        {"sq", "sr"}, // "…", a sign
	"formula":       {"sq", "sr"}, // Formula is the word in Albanian and Serbian
	"sheet_formula": {"sq", "sr"}, // the same word
	"scenario":      {"sr"},       // Scenario is the Serbian word
	"page_scenario": {"sr"},       // the same word
	"unc_p5":        {"sq", "sr"}, // a percentile, written P5 in every language
	"unc_p95":       {"sq", "sr"}, // a percentile
	"zero":          {"sq"},       // zero is the Albanian word
}

// Every glossary entry has a text in every language, none is English where
// the language has its own word, every cost element of the models has one,
// and every kind a title in each language.
func TestGlossaryComplete(t *testing.T) {
	for k, v := range glossary {
		for l := range v {
			if !slices.Contains(models.Languages, l) {
				t.Errorf("glossary %q has a text in %q, not one of %v", k, l, models.Languages)
			}
		}
		for _, l := range models.Languages {
			if strings.TrimSpace(v[l]) == "" {
				t.Errorf("glossary %q lacks a text in %s: %q", k, l, v)
				continue
			}
			if l != "en" && v[l] == v["en"] && !slices.Contains(sameAsEnglish[k], l) {
				t.Errorf("glossary %q in %s is the English text %q: translate it, or say in sameAsEnglish why not", k, l, v[l])
			}
		}
	}
	for k, byLang := range plurals {
		for _, l := range models.Languages {
			f, ok := byLang[l]
			if !ok || f.one == "" || f.other == "" {
				t.Errorf("plural %q lacks its forms in %s: %+v", k, l, f)
			}
			if l == "sr" && f.few == "" {
				t.Errorf("plural %q lacks the Serbian few form", k)
			}
		}
		if strings.HasPrefix(k, "unit:") || k == "funnel_families" {
			if _, ok := glossary[k]; !ok {
				t.Errorf("plural %q has no glossary label for when it follows no number", k)
			}
		}
	}
	for _, k := range models.Elements {
		if _, ok := glossary[k]; !ok {
			t.Errorf("glossary lacks %q", k)
		}
	}
	// A kind's names are in its table of the schema.
	for _, k := range models.ServiceKinds {
		for _, lang := range models.Languages {
			if models.ServiceTables[k].Titles[lang] == "" {
				t.Errorf("kind %s has no title in %s", k, lang)
			}
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		lang, in, want string
	}{
		{"en", "1234567.5", "1,234,567.5"},
		{"sq", "1234567.5", "1.234.567,5"},
		{"en", "-1000", "-1,000"},
		{"en", "999.99", "999.99"},
		{"sq", "0.05", "0,05"},
		{"sr", "1234.56", "1.234,56"},
	} {
		if got := (numbers{lang: c.lang}).group(c.in); got != c.want {
			t.Errorf("group(%s, %s) = %s, want %s", c.lang, c.in, got, c.want)
		}
	}
}

// Plural forms follow the CLDR rules: English and Albanian one for 1 only,
// Serbian one for 1 and 21, few for 2 and 22, other for 5, 11 and 25.
func TestPlural(t *testing.T) {
	want := map[string]map[int64]string{
		"en": {1: "municipality", 2: "municipalities", 5: "municipalities", 11: "municipalities", 21: "municipalities", 22: "municipalities", 25: "municipalities"},
		"sq": {1: "komunë", 2: "komuna", 5: "komuna", 11: "komuna", 21: "komuna", 22: "komuna", 25: "komuna"},
		"sr": {1: "opština", 2: "opštine", 5: "opština", 11: "opština", 21: "opština", 22: "opštine", 25: "opština"},
	}
	for lang, byN := range want {
		for n, w := range byN {
			if got := plural(lang, decimal.NewFromInt(n), "municipalities"); got != w {
				t.Errorf("plural(%s, %d, municipalities) = %q, want %q", lang, n, got, w)
			}
		}
	}
	// A whole phrase agrees: the Albanian adjective too.
	for _, c := range []struct {
		lang string
		n    int64
		want string
	}{
		{"sq", 1, "vendosje e re në vit"}, {"sq", 2, "vendosje të reja në vit"},
		{"sr", 1, "novi smeštaj godišnje"}, {"sr", 3, "nova smeštaja godišnje"},
		{"sr", 12, "novih smeštaja godišnje"}, {"sr", 111, "novih smeštaja godišnje"},
		{"en", 1, "new placement a year"}, {"en", 0, "new placements a year"},
	} {
		if got := plural(c.lang, decimal.NewFromInt(c.n), "unit:placements/year"); got != c.want {
			t.Errorf("plural(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	// Decimals: English 1.5 is other; Serbian takes the fraction's digits.
	for _, c := range []struct{ lang, n, want string }{
		{"en", "1.5", other}, {"en", "1", one}, {"sq", "1.5", other},
		{"sr", "0.1", one}, {"sr", "2.3", few}, {"sr", "1.5", other}, {"sr", "1.11", other},
	} {
		if got := pluralCategory(c.lang, c.n); got != c.want {
			t.Errorf("pluralCategory(%s, %s) = %s, want %s", c.lang, c.n, got, c.want)
		}
	}
}

// A unit is translated part by part; a part kosto does not know, and
// English, are kept as written.
func TestUnitLabel(t *testing.T) {
	for _, c := range []struct{ lang, unit, want string }{
		{"sq", "EUR/client-hour", "EUR/orë me klientë"},
		{"sr", "EUR/client-hour", "EUR/sat rada s korisnicima"},
		{"sr", "hours/year", "sati/godina"},
		{"sr", "child-years", "dete-godina"},
		{"sq", "EUR/widget", "EUR/widget"},
		{"en", "EUR/client-hour", "EUR/client-hour"},
	} {
		if got := unitLabel(c.lang, c.unit); got != c.want {
			t.Errorf("unitLabel(%s, %s) = %q, want %q", c.lang, c.unit, got, c.want)
		}
	}
	for w, byLang := range unitWords {
		for _, l := range []string{"sq", "sr"} {
			if byLang[l] == "" {
				t.Errorf("unit word %q lacks %s", w, l)
			}
		}
	}
}
