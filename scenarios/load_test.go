package scenarios

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A loadCase is one scenario (one or more files) and the full error text
// Load must return for it, written as an indented raw string (see text).
// FuzzLoad seeds its corpus from these files.
type loadCase struct {
	name  string
	files map[string]string // file name → TOML; Load reads "s.toml"
	want  string
}

// minimal is the smallest scenario that loads.
const minimal = `format = 1

[scenario]
name = "mini"
country = "XK"
currency = "EUR"
base_year = 2024

[parameters.allowance]
value = 250
source = "MLSW 2018"

[roles.officer]
monthly_gross = "594.00"
employer_contribution = 0.05
hours_per_week = 40

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = "allowance"
case_worker = "officer"

[municipalities.town]
population = 1000
`

func one(src string) map[string]string { return map[string]string{"s.toml": src} }

var loadCases = []loadCase{
	{
		name: "unknown key in a service, with suggestion",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[services.foster]
kind = "foster_care"
children = 3
montly_allowance = 250

[municipalities.town]
`),
		want: `
			s.toml:10: services.foster.montly_allowance: unknown key in a service; did you mean "monthly_allowance"?`,
	},
	{
		name: "unknown key in a role, with suggestion",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[roles.officer]
titel = "Officer"
monthly_gross = 594
employer_contribution = 0.05
hours_per_week = 40

[municipalities.town]
`),
		want: `
			s.toml:8: roles.officer.titel: unknown key in a role; did you mean "title"?`,
	},
	{
		name: "unknown top-level key, with suggestion",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[paramters.allowance]
value = 250

[municipalities.town]
`),
		want: `
			s.toml:7: paramters: unknown key in a scenario file; did you mean "parameters"?`,
	},
	{
		name: "unknown key without a near match",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024
budget_holder = "Gjilan"

[municipalities.town]
zzz = 1
`),
		want: `
			s.toml:6: scenario.budget_holder: unknown key in [scenario]; expected one of "name", "title", "country", "currency", "base_year", "language", "classification", "description"
			s.toml:9: municipalities.town.zzz: unknown key in a municipality; expected one of "population", "title", "parameters", "services"`,
	},
	{
		name: "money written as a float",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = 250.5

[municipalities.town]
`),
		want: `
			s.toml:10: services.foster.monthly_allowance = 250.5: expected an amount in quotes ("250.5") or a whole number: a number with decimals written without quotes can silently lose digits`,
	},
	{
		name: "money parameter written as a float",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[parameters.allowance]
value = 250.5
source = "MLSW 2018"

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = "allowance"

[municipalities.town]
`),
		want: `
			s.toml:8: parameters.allowance.value = 250.5: expected an amount in quotes ("250.5") or a whole number: a number with decimals written without quotes can silently lose digits (used by services.foster.monthly_allowance)`,
	},
	{
		name: "negative amount, share above 1, zero divisor",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[roles.officer]
monthly_gross = 594
employer_contribution = 5
hours_per_week = 0

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = -250
children_per_carer = 0

[municipalities.town]
`),
		want: `
			s.toml:9: roles.officer.employer_contribution = 5: expected a share from 0 to 1 (write 5% as 0.05)
			s.toml:10: roles.officer.hours_per_week = 0: expected a number greater than zero (it divides other figures)
			s.toml:15: services.foster.monthly_allowance = -250: expected an amount of zero or more
			s.toml:16: services.foster.children_per_carer = 0: expected a number greater than zero (it divides other figures)`,
	},
	{
		name: "undefined parameter, with suggestion",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[parameters.foster_allowance]
value = 250
source = "MLSW 2018"

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = "foster_alowance"

[municipalities.town]
`),
		want: `
			s.toml:14: services.foster.monthly_allowance = "foster_alowance": refers to parameter "foster_alowance", which is not defined in [parameters]; did you mean "foster_allowance"?`,
	},
	{
		name: "undefined role and case management by a service that is not a centre",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[roles.officer]
monthly_gross = 594
employer_contribution = 0.05
hours_per_week = 40

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = 250
case_worker = "oficer"
case_management_funded_by = "kinship"

[services.kinship]
kind = "kinship_care"
children = 3
monthly_allowance = 100
case_worker = "social_worker"

[municipalities.town]
`),
		want: `
			s.toml:16: services.foster.case_worker = "oficer": refers to role "oficer", which is not defined in [roles]; did you mean "officer"?
			s.toml:17: services.foster.case_management_funded_by = "kinship": expected a service of kind social_work_centre; kinship is a kinship_care service
			s.toml:23: services.kinship.case_worker = "social_worker": refers to role "social_worker", which is not defined in [roles]`,
	},
	{
		name: "extends cycle",
		files: map[string]string{
			"s.toml": `extends = "b.toml"

[scenario]
name = "s"
`,
			"b.toml": `extends = "s.toml"

[scenario]
name = "b"
`,
		},
		want: `
			b.toml:1: extends = "s.toml": extends forms a cycle: s.toml → b.toml → s.toml`,
	},
	{
		name: "extends a missing file",
		files: one(`format = 1
extends = "status_quo.toml"

[scenario]
name = "reform"
`),
		want: `
			s.toml:2: extends = "status_quo.toml": no such file (status_quo.toml)`,
	},
	{
		name:  "extends reaches above the folder read",
		files: map[string]string{"base.toml": minimal, "s.toml": "format = 1\nextends = \"../base.toml\"\n"},
		want: `
			s.toml:2: extends = "../base.toml": reaches outside the folder kosto reads from; a base must lie in that folder or below it (FORMAT.md §6)`,
	},
	{
		name:  "extends names a folder",
		files: map[string]string{"variants/v.toml": minimal, "s.toml": "format = 1\nextends = \"variants/\"\n"},
		want: `
			s.toml:2: extends = "variants/": is a folder, not a scenario file; name a .toml file in it (v.toml)`,
	},
	{
		name: "a variant changes a service's kind",
		files: map[string]string{"base.toml": minimal, "s.toml": `format = 1
extends = "base.toml"

[services.foster]
kind = "kinship_care"
`},
		want: `
			s.toml:5: services.foster.kind = "kinship_care": a variant cannot change a service's kind (it is foster_care in base.toml:19); define a new service instead`,
	},
	{
		name: "problems in a variant and in its base",
		files: map[string]string{
			"base.toml": `format = 1

[scenario]
name = "status_quo"
country = "XK"
base_year = 2024

[roles.officer]
monthly_gross = -594
employer_contribution = 0.05
hours_per_week = 40

[municipalities.town]
`,
			"s.toml": `format = 1
extends = "base.toml"

[roles.officer]
overhead_rate = { value = 0.1, asumption = "10%" }

[municipalities.town.services.foster]
children = 3
`,
		},
		want: `
			base.toml:3: scenario.currency: missing: the ISO 4217 currency code of every amount ("ALL", "EUR", "MKD", "USD")
			base.toml:9: roles.officer.monthly_gross = -594: expected an amount of zero or more
			s.toml:5: roles.officer.overhead_rate.asumption: unknown key in a value table; did you mean "assumption"?
			s.toml:7: municipalities.town.services.foster: sets values for service "foster", which the scenario does not define in [services]`,
	},
	{
		name: "missing required fields",
		files: one(`[scenario]
title = "No name, currency or year"
country = "XK"

[roles.officer]
monthly_gross = 594
employer_contribution = 0.05

[services.foster]
kind = "foster_care"
children = 3

[services.centre]
kind = "social_work_centre"

[services.centre.staff.officers]
posts = 3

[services.centre.costs.rent]
amount = 1200

[municipalities.town]
`),
		want: `
			s.toml:1: scenario.base_year: missing: the year the scenario's figures are for
			s.toml:1: scenario.currency: missing: the ISO 4217 currency code of every amount ("ALL", "EUR", "MKD", "USD")
			s.toml:1: scenario.name: missing: the scenario's name (lower-case letters, digits and _)
			s.toml:5: roles.officer.hours_per_week: missing: contracted hours per week (a number greater than zero)
			s.toml:9: services.foster.monthly_allowance: missing: allowance paid to the carer per child per month (an amount)
			s.toml:16: services.centre.staff.officers.role: missing: the role that fills these posts
			s.toml:19: services.centre.costs.rent.element: missing: cost element, which the classification maps to an economic category`,
	},
	{
		name: "no municipalities",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024
`),
		want: `
			s.toml: municipalities: missing: a scenario costs services in at least one municipality; add a [municipalities.NAME] table`,
	},
	{
		name: "key defined twice",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024
currency = "ALL"

[municipalities.town]
`),
		want: `
			s.toml:6: not valid TOML: scenario.currency is defined a second time here (every name may be defined once)`,
	},
	{
		name: "sub-table the kind does not have",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[roles.officer]
monthly_gross = 594
employer_contribution = 0.05
hours_per_week = 40

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = 250

[services.foster.costs.travel]
amount = 100
per = "child"
element = "goods_services"

[services.foster.staff.officers]
role = "officer"
norm = "caseload"

[municipalities.town]
`),
		want: `
			s.toml:17: services.foster.costs: a foster_care service has no costs table
			s.toml:22: services.foster.staff: a foster_care service has no staff table`,
	},
	{
		name: "municipality changes a service's kind",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = 250

[municipalities.town.services.foster]
kind = "day_centre"

[municipalities.village.services.foster]
kind = "fostr_care"
`),
		want: `
			s.toml:13: municipalities.town.services.foster.kind = "day_centre": a municipality cannot change a service's kind (it is foster_care)
			s.toml:16: municipalities.village.services.foster.kind = "fostr_care": a municipality cannot change a service's kind (it is foster_care)`,
	},
	{
		name: "table defined twice",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[roles.officer]
hours_per_week = 40

[roles.officer]
hours_per_week = 38
`),
		want: `
			s.toml:10: not valid TOML: roles.officer is defined a second time here (every name may be defined once)`,
	},
	{
		name: "syntax error at the end of the file",
		files: one(`[scenario]
name = "t"
description = "ends in \`),
		want: `
			s.toml:3: not valid TOML: the file ends inside a string, just after a \`,
	},
	{
		name: "occupancy above capacity and an unknown kind",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[services.home]
kind = "residential_care"
capacity = 24
children = 30
units = 30

[services.foster]
kind = "foster_cares"
children = 3
monthly_allowance = 250

[municipalities.town]
`),
		want: `
			s.toml:10: services.home.children = 30: expected no more children than the capacity (24): occupancy cannot exceed capacity
			s.toml:11: services.home.units = 30: expected no more units than the capacity (24): a unit has at least one bed
			s.toml:14: services.foster.kind = "foster_cares": did you mean "foster_care"? expected one of "foster_care", "kinship_care", "specialised_foster_care", "residential_care", "small_group_home", "day_centre", "community_centre", "shelter", "home_care", "social_work_centre", "cash_benefit", "transition"`,
	},
	{
		name: "key of another kind",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[services.foster]
kind = "foster_care"
children = 3
monthly_allowance = 250
places = 20

[municipalities.town]
`),
		want: `
			s.toml:11: services.foster.places: a foster_care service has no key "places"`,
	},
	{
		name: "staff norms missing their inputs",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[roles.officer]
monthly_gross = 594
employer_contribution = 0.05
hours_per_week = 40

[services.centre]
kind = "social_work_centre"

[services.centre.staff.officers]
role = "officer"
norm = "caseload"

[services.centre.staff.outreach]
role = "officer"
norm = "population"
inhabitants_per_worker = 3000

[services.centre.caseload.families]
cases = 100

[municipalities.town]
`),
		want: `
			s.toml:15: services.centre.staff.officers.cases_per_worker: missing: cases per worker is needed by norm = "caseload"
			s.toml:21: services.centre.staff.outreach.norm = "population": norm "population" needs municipalities.town.population, which is not set`,
	},
	{
		name: "several problems, sorted by line",
		files: one(`format = 2

[scenario]
name = "Gjilan 2024"
country = "XK"
currency = "EURO"
base_year = 2024

[roles.officer]
monthly_gross = -594
employer_contribution = 0.05
hours_per_wek = 40

[services.foster]
kind = "foster_care"
children = -3
monthly_allowance = 250.50

[municipalities.town]
`),
		want: `
			s.toml:1: format = 2: expected format = 1, the version of the scenario format this kosto reads
			s.toml:4: scenario.name = "Gjilan 2024": expected a name of lower-case letters, digits and _, starting with a letter
			s.toml:6: scenario.currency = "EURO": expected an ISO 4217 currency code kosto knows: "ALL", "EUR", "MKD", "USD"
			s.toml:10: roles.officer.monthly_gross = -594: expected an amount of zero or more
			s.toml:12: roles.officer.hours_per_wek: unknown key in a role; did you mean "hours_per_week"?
			s.toml:16: services.foster.children = -3: expected a number of zero or more
			s.toml:17: services.foster.monthly_allowance = 250.5: expected an amount in quotes ("250.5") or a whole number: a number with decimals written without quotes can silently lose digits`,
	},
}

// text turns a want written as an indented raw string into the error text:
// the first newline and each line's leading tabs are dropped.
func text(s string) string {
	lines := strings.Split(strings.TrimPrefix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func TestLoadErrors(t *testing.T) {
	for _, c := range loadCases {
		t.Run(c.name, func(t *testing.T) {
			sc, err := Load(mapFS(c.files), "s.toml")
			if err == nil {
				t.Fatalf("Load succeeded; want:\n%s", text(c.want))
			}
			if sc != nil {
				t.Errorf("Load returned a scenario with its error")
			}
			if _, ok := err.(models.Problems); !ok {
				t.Errorf("error is a %T, want models.Problems", err)
			}
			if got, want := err.Error(), text(c.want); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestLoadMinimal(t *testing.T) {
	sc, err := Load(mapFS(one(minimal)), "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	if ws := sc.Warnings(); len(ws) > 0 {
		t.Errorf("warnings:\n%v", ws)
	}
	if got := sc.Meta.Name.S; got != "mini" {
		t.Errorf("name = %q, want mini", got)
	}
	if got := sc.Classification.Name; got != "kosovo-municipal" {
		t.Errorf("classification = %q, want kosovo-municipal (the default for XK)", got)
	}
	in := sc.Services["foster"].In["monthly_allowance"]
	if in.Ref != "allowance" || in.Pos != (models.Position{File: "s.toml", Line: 21, Key: "services.foster.monthly_allowance"}) {
		t.Errorf("monthly_allowance = %+v, want a reference to allowance at s.toml:21", in)
	}
	if got := sc.Roles["officer"].In["monthly_gross"].Value; !got.Equal(decimal.RequireFromString("594")) {
		t.Errorf("monthly_gross = %s, want 594", got)
	}
}

// A variant states only what changes; everything else comes from its base.
func TestLoadExtends(t *testing.T) {
	fsys := mapFS(map[string]string{
		"kosovo/status_quo.toml": minimal,
		"kosovo/reform.toml": `format = 1
extends = "status_quo.toml"

[scenario]
name = "reform"

[parameters.allowance]
value = "300.00"
source = "Draft decision 2025"

[services.foster]
children = 5
`,
	})
	sc, err := Load(fsys, "kosovo/reform.toml")
	if err != nil {
		t.Fatal(err)
	}
	if ws := sc.Warnings(); len(ws) > 0 {
		t.Errorf("warnings:\n%v", ws)
	}
	if got, want := sc.Files, []string{"kosovo/status_quo.toml", "kosovo/reform.toml"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if got := sc.Meta.Name.S; got != "reform" {
		t.Errorf("name = %q, want reform (the variant's)", got)
	}
	if got := sc.Meta.Currency.S; got != "EUR" {
		t.Errorf("currency = %q, want EUR (the base's)", got)
	}
	p := sc.Parameters["allowance"].Input
	if !p.Value.Equal(decimal.RequireFromString("300")) || p.Source != "Draft decision 2025" || p.Pos.File != "kosovo/reform.toml" || p.Pos.Line != 8 {
		t.Errorf("parameter allowance = %+v, want the variant's 300.00 with its source, at kosovo/reform.toml:8", p)
	}
	foster := sc.Services["foster"]
	if got := foster.In["children"]; !got.Value.Equal(decimal.NewFromInt(5)) || got.Pos.File != "kosovo/reform.toml" {
		t.Errorf("services.foster.children = %+v, want the variant's 5", got)
	}
	if got := foster.In["monthly_allowance"].Ref; got != "allowance" {
		t.Errorf("services.foster.monthly_allowance refers to %q, want allowance (kept from the base)", got)
	}
	if got := foster.Kind(); got != models.FosterCare {
		t.Errorf("services.foster.kind = %q, want foster_care (kept from the base)", got)
	}
	if got := foster.Texts["case_worker"].S; got != "officer" {
		t.Errorf("services.foster.case_worker = %q, want officer (kept from the base)", got)
	}
	if _, ok := sc.Roles["officer"]; !ok {
		t.Error("role officer of the base is gone")
	}
	if _, ok := sc.Municipalities["town"]; !ok {
		t.Error("municipality town of the base is gone")
	}
}

func TestLoadShipped(t *testing.T) {
	names := Shipped()
	if !slices.Contains(names, "gjilan") {
		t.Fatalf("shipped scenarios %q do not include gjilan", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sc, err := LoadShipped(name)
			if err != nil {
				t.Fatal(err)
			}
			if ws := sc.Warnings(); len(ws) > 0 {
				t.Errorf("warnings:\n%v", ws)
			}
		})
	}
}

// Every number in a shipped scenario carries a source or an assumption: a
// literal says it itself, a reference through the parameter it names (and
// every municipality's own value of that parameter).
func TestShippedProvenance(t *testing.T) {
	for _, name := range Shipped() {
		t.Run(name, func(t *testing.T) {
			sc, err := LoadShipped(name)
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			check := func(in models.Input) {
				if !in.Set {
					return
				}
				checked++
				if in.Ref == "" {
					if !in.Known() {
						t.Errorf("%s = %s has neither a source nor an assumption", in.Pos, in.Raw)
					}
					return
				}
				p, ok := sc.Parameters[in.Ref]
				if !ok {
					t.Errorf("%s refers to parameter %q, which is not defined", in.Pos, in.Ref)
					return
				}
				if !p.Input.Known() {
					t.Errorf("%s refers to parameter %s, which has neither a source nor an assumption", in.Pos, in.Ref)
				}
				for _, mn := range models.Sorted(sc.Municipalities) {
					if mp, ok := sc.Municipalities[mn].Parameters[in.Ref]; ok && !mp.Input.Known() {
						t.Errorf("%s refers to parameter %s, whose value in municipality %s has neither a source nor an assumption", in.Pos, in.Ref, mn)
					}
				}
			}
			inputs := func(in models.Inputs) {
				for _, k := range models.Sorted(in) {
					check(in[k])
				}
			}
			lines := func(ls map[string]*models.Line) {
				for _, n := range models.Sorted(ls) {
					inputs(ls[n].In)
				}
			}
			services := func(ss map[string]*models.Service) {
				for _, n := range models.Sorted(ss) {
					s := ss[n]
					inputs(s.In)
					lines(s.Staff)
					lines(s.Costs)
					lines(s.Caseload)
				}
			}
			for _, n := range models.Sorted(sc.Parameters) {
				check(sc.Parameters[n].Input)
			}
			for _, n := range models.Sorted(sc.Roles) {
				inputs(sc.Roles[n].In)
			}
			services(sc.Services)
			for _, n := range models.Sorted(sc.Municipalities) {
				m := sc.Municipalities[n]
				inputs(m.In)
				for _, pn := range models.Sorted(m.Parameters) {
					check(m.Parameters[pn].Input)
				}
				services(m.Services)
			}
			if checked == 0 {
				t.Error("no numeric input found")
			}
		})
	}
}
