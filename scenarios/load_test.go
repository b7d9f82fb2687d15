package scenarios

import (
	"testing"
	"testing/fstest"
)

// A loadCase is one scenario (one or more files) and the full error text
// Load must return for it.
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
	},
	{
		name: "extends a missing file",
		files: one(`format = 1
extends = "status_quo.toml"

[scenario]
name = "reform"
`),
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
`),
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
	},
	{
		name: "planned kind and unknown kind",
		files: one(`[scenario]
name = "t"
country = "XK"
currency = "EUR"
base_year = 2024

[services.home]
kind = "residential_care"

[services.foster]
kind = "foster_cares"
children = 3
monthly_allowance = 250

[municipalities.town]
`),
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
	},
}

func TestLoadErrors(t *testing.T) {
	for _, c := range loadCases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, src := range c.files {
				fsys[name] = &fstest.MapFile{Data: []byte(src)}
			}
			_, err := Load(fsys, "s.toml")
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}
