package scenarios

import (
	"strings"
	"testing"

	"github.com/kosto-project/kosto/models"
)

// A title, and who pays, may be written in each language; a plain string
// still means every language.
func TestTitlePerLanguage(t *testing.T) {
	src := strings.Replace(minimal, `name = "mini"`, `name = "mini"
title = { en = "Mini", sq = "Mini-skenari", sr = "Mini-scenario" }`, 1)
	src = strings.Replace(src, `kind = "foster_care"`, `kind = "foster_care"
title = { en = "Foster care", sq = "Strehim familjar", sr = "Hraniteljstvo" }
allowances_paid_by = { en = "Ministry", sq = "Ministria", sr = "Ministarstvo" }`, 1)
	src = strings.Replace(src, `[municipalities.town]`, `[municipalities.town]
title = "Gjilan/Gnjilane"`, 1)
	sc, err := Load(mapFS(one(src)), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	foster := sc.Services["foster"].Texts["title"]
	for lang, want := range map[string]string{"en": "Foster care", "sq": "Strehim familjar", "sr": "Hraniteljstvo", "de": "Foster care"} {
		if got := foster.In(lang); got != want {
			t.Errorf("title in %s = %q, want %q", lang, got, want)
		}
	}
	if foster.S != "Foster care" || foster.Pos.Line != 21 {
		t.Errorf("title = %+v, want its English text as the plain one, at line 21", foster)
	}
	if got := sc.Services["foster"].Texts["allowances_paid_by"].In("sr"); got != "Ministarstvo" {
		t.Errorf("allowances_paid_by in sr = %q", got)
	}
	if got := sc.Meta.Title.In("sq"); got != "Mini-skenari" {
		t.Errorf("scenario title in sq = %q", got)
	}
	if got := sc.Municipalities["town"].Title(); got.In("sr") != "Gjilan/Gnjilane" || got.In("en") != "Gjilan/Gnjilane" {
		t.Errorf("a plain title = %+v, want it in every language", got)
	}
}

// An inline table of a title names languages only; anything else is
// refused with its file, line and the languages expected.
func TestTitlePerLanguageErrors(t *testing.T) {
	src := strings.Replace(minimal, `kind = "foster_care"`, `kind = "foster_care"
title = { en = "Foster care", de = "Pflegefamilie", sr = 3 }`, 1)
	src = strings.Replace(src, `[roles.officer]`, `[roles.officer]
title = {}`, 1)
	src = strings.Replace(src, `[municipalities.town]`, `[municipalities.town]
title = 12`, 1)
	_, err := Load(mapFS(one(src)), "s.toml")
	if err == nil {
		t.Fatal("Load succeeded")
	}
	for _, want := range []string{
		`s.toml:21: services.foster.title.de: unknown language in a text given per language; expected en, sq or sr`,
		`s.toml:21: services.foster.title.sr = 3: expected text in quotes`,
		`s.toml:14: roles.officer.title = {}: expected text in quotes, or a text in each language: { en = "…", sq = "…", sr = "…" }`,
		`s.toml:27: municipalities.town.title = 12: expected text in quotes, or a text in each language: { en = "…", sq = "…", sr = "…" }`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%s", want, err)
		}
	}
	// A key that is not a name reports print is written once, never per language.
	src = strings.Replace(minimal, `kind = "foster_care"`, `kind = { en = "foster_care" }`, 1)
	if _, err := Load(mapFS(one(src)), "s.toml"); err == nil || !strings.Contains(err.Error(), "services.foster.kind = {…}: expected text in quotes") {
		t.Errorf("kind per language: err = %v", err)
	}
}

// A variant's plain title replaces every language of its base's; a title
// per language replaces the languages it gives and keeps the others.
func TestTitlePerLanguageOverlay(t *testing.T) {
	base := strings.Replace(minimal, `kind = "foster_care"`, `kind = "foster_care"
title = { en = "Foster care", sq = "Strehim familjar", sr = "Hraniteljstvo" }`, 1)
	base = strings.Replace(base, `[roles.officer]`, `[roles.officer]
title = { en = "Officer", sq = "Zyrtar", sr = "Službenik" }`, 1)
	fsys := mapFS(map[string]string{
		"base.toml": base,
		"v.toml": `format = 1
extends = "base.toml"

[roles.officer]
title = "Case officer"

[services.foster]
title = { sq = "Strehim familjar jo farefisnor" }
`,
	})
	sc, err := Load(fsys, "v.toml")
	if err != nil {
		t.Fatal(err)
	}
	role := sc.Roles["officer"].Texts["title"]
	for _, lang := range models.Languages {
		if got := role.In(lang); got != "Case officer" {
			t.Errorf("role title in %s = %q, want the variant's plain title", lang, got)
		}
	}
	foster := sc.Services["foster"].Texts["title"]
	for lang, want := range map[string]string{"en": "Foster care", "sq": "Strehim familjar jo farefisnor", "sr": "Hraniteljstvo"} {
		if got := foster.In(lang); got != want {
			t.Errorf("service title in %s = %q, want %q", lang, got, want)
		}
	}
}
