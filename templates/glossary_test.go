package templates

import (
	"testing"

	"github.com/kosto-project/kosto/models"
)

// Every glossary entry has an English and an Albanian text, every cost
// element of the models has one, and every kind a title in each language.
func TestGlossaryComplete(t *testing.T) {
	for k, v := range glossary {
		if v[0] == "" || v[1] == "" {
			t.Errorf("glossary %q lacks a text: %q", k, v)
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
	} {
		if got := (numbers{lang: c.lang}).group(c.in); got != c.want {
			t.Errorf("group(%s, %s) = %s, want %s", c.lang, c.in, got, c.want)
		}
	}
}
