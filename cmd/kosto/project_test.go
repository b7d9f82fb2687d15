package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A status quo and a reform written with extends, and a reform over a
// different horizon.
var projectFiles = map[string]string{
	"base.toml": `format = 1
[scenario]
name = "base"
country = "XK"
currency = "EUR"
base_year = 2024
[roles.carer]
monthly_gross = 600
employer_contribution = 0.05
hours_per_week = 40
[services.home]
kind = "residential_care"
capacity = 20
units = 2
children = 20
[services.home.staff.team]
role = "carer"
posts = 2
[services.home.costs.running]
amount = 30000
per = "unit"
element = "utilities"
[services.fc]
kind = "foster_care"
children = 4
monthly_allowance = 250
[municipalities.town]
[projection]
years = 4
wages = "wage"
discount_rate = 0.05
[paths.wage]
rate = 0.03
`,
	"reform.toml": `format = 1
extends = "base.toml"
[scenario]
name = "reform"
[transition]
from = "home"
[transition.leavers.2025]
fc = 12
[transition.leavers.2026]
fc = 8
`,
	"longer.toml": `format = 1
extends = "reform.toml"
[projection]
years = 6
`,
}

func TestProjectAndCompareCommands(t *testing.T) {
	dir := t.TempDir()
	for name, src := range projectFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"project", "base.toml"},
		{"project", "reform.toml"},
		{"compare", "base.toml", "reform.toml"},
	} {
		code, out, errs := kosto(t, dir, args...)
		if code != 0 {
			t.Errorf("kosto %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errs)
		}
		if !strings.Contains(out, "2025") || !strings.Contains(out, "2028") {
			t.Errorf("kosto %s: no years 2025–2028 in\n%s", strings.Join(args, " "), out)
		}
	}
	code, out, errs := kosto(t, dir, "compare", "base.toml", "longer.toml")
	if code != 2 {
		t.Errorf("compare of different horizons: exit %d, want 2\nstdout: %s\nstderr: %s", code, out, errs)
	}
	want := "the scenarios have different horizons (2025–2028 and 2025–2030); compare scenarios with the same [projection]"
	if !strings.Contains(errs, want) {
		t.Errorf("compare of different horizons: stderr\n%s\nwant it to say\n%s", errs, want)
	}
}
