package scenarios

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

// upHead is a scenario of one cash benefit whose amount is a parameter:
// 100 a month to 10 beneficiaries, 12,000 a year in 2024; pay grows 10% in
// 2025 and prices 2%, and allowances are frozen.
const upHead = `format = 1
[scenario]
name = "s"
country = "XK"
currency = "EUR"
base_year = 2024
[parameters.disability_allowance]
value = 100
source = "MLSW"
[services.benefit]
kind = "cash_benefit"
beneficiaries = 10
[municipalities.a]
[projection]
years = 1
wages = "pay"
prices = "cpi"
[paths.pay]
assumption = "x"
rate = 0.10
[paths.cpi]
assumption = "x"
rate = 0.02
`

// A value table that names a parameter moves it by the rule it states: the
// allowance follows wages, 100 → 110 in 2025 (12,000 → 13,200 a year), not
// the frozen rule of allowances (12,000) nor prices (12,240).
func TestUprateThroughParameter(t *testing.T) {
	for _, c := range []struct{ name, amount, want string }{
		{"by the class of its key", `monthly_amount = "disability_allowance"`, "12000"},
		{"by the rule of its use", `monthly_amount = { value = "disability_allowance", uprate = "wages" }`, "13200"},
		{"by a path of its use", `monthly_amount = { value = "disability_allowance", uprate = "cpi" }`, "12240"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := replaceOnce(upHead, "beneficiaries = 10", "beneficiaries = 10\n"+c.amount)
			sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
			if err != nil {
				t.Fatal(err)
			}
			r := costing.Build(sc)
			p := r.Project()
			id, _ := r.Graph.Lookup("a.benefit.total")
			got, _ := p.Value(0, id)
			if !got.Equal(decimal.RequireFromString(c.want)) {
				t.Errorf("2025 total = %s, want %s", got, c.want)
			}
		})
	}
}

// A parameter is one value moved one way: two uses that state different
// rules, or a use that contradicts the parameter's own rule, are refused.
func TestUprateConflicts(t *testing.T) {
	for _, c := range []struct{ name, from, to, want string }{
		{"two uses disagree", "beneficiaries = 10", `beneficiaries = 10
monthly_amount = { value = "disability_allowance", uprate = "wages" }
[services.other]
kind = "cash_benefit"
beneficiaries = 5
monthly_amount = { value = "disability_allowance", uprate = "prices" }`,
			`s.toml:17: services.other.monthly_amount.uprate = "prices": parameter disability_allowance already moves by "wages" (s.toml:13: services.benefit.monthly_amount.uprate); a parameter is moved one way: state the rule once, on the parameter, or give this value a parameter of its own`},
		{"a use contradicts the parameter", `source = "MLSW"`, `source = "MLSW"
uprate = "prices"`,
			`s.toml:14: services.benefit.monthly_amount.uprate = "wages": parameter disability_allowance already moves by "prices" (s.toml:10: parameters.disability_allowance.uprate); a parameter is moved one way: state the rule once, on the parameter, or give this value a parameter of its own`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := replaceOnce(upHead, c.from, c.to)
			if c.name == "a use contradicts the parameter" {
				src = replaceOnce(src, "beneficiaries = 10", "beneficiaries = 10\nmonthly_amount = { value = \"disability_allowance\", uprate = \"wages\" }")
			}
			_, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
			if err == nil || err.Error() != c.want {
				t.Errorf("got:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}

func replaceOnce(s, from, to string) string {
	if !strings.Contains(s, from) {
		panic("no " + from)
	}
	return strings.Replace(s, from, to, 1)
}
