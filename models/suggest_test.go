package models

import "testing"

func TestSuggest(t *testing.T) {
	serviceKeys := AnyServiceTable().Keys()
	for _, c := range []struct {
		name       string
		word       string
		candidates []string
		want       string
	}{
		{"missing letter", "montly_allowance", serviceKeys, "monthly_allowance"},
		{"swapped letters", "titel", RoleTable.Keys(), "title"},
		{"extra letter", "hours_per_weeek", RoleTable.Keys(), "hours_per_week"},
		{"kind with a typo", "foster_cares", ServiceKinds, "foster_care"},
		{"exact match", "places", serviceKeys, "places"},
		{"nothing near", "zzz", MunicipalityTable.Keys(), ""},
		{"three edits in a short word", "abcdef", []string{"abcxyz"}, ""},
		{"long word allows a third of its length", "employer_contrib", RoleTable.Keys(), "employer_contribution"},
		{"long word, too far", "employer", RoleTable.Keys(), ""},
		{"closest wins", "cases", []string{"places", "case", "cases_per_worker"}, "case"},
		{"first of equals wins", "ab", []string{"xb", "ax"}, "xb"},
		{"no candidates", "title", nil, ""},
		{"empty word", "", []string{"a", "ab"}, ""},
		{"short word is not replaced whole", "ab", []string{"cd"}, ""},
		{"one-letter word", "x", []string{"y", "xy"}, ""},
		{"letters, not bytes", "shërbime", []string{"sherbime"}, "sherbime"},
		{"case matters", "Title", []string{"title"}, "title"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Suggest(c.word, c.candidates); got != c.want {
				t.Errorf("Suggest(%q, %q) = %q, want %q", c.word, c.candidates, got, c.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"titel", "title", 2},
		{"ë", "e", 1},
		{"same", "same", 0},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := distance(c.b, c.a); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}
