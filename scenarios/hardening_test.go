package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/models"
)

// withProjection is minimal with a horizon and a price path, for the cases
// that change them.
const withProjection = minimal + `
[projection]
years = 3
prices = "cpi"

[paths.cpi]
assumption = "2% a year"
rate = 0.02
`

// hardeningCases are inputs that once crashed kosto, hung it, or were
// accepted though they mean nothing: each is refused with its file, line
// and key. They seed the fuzz targets too.
var hardeningCases = []hardeningCase{
	{name: "nan parameter", from: "value = 250", to: "value = nan",
		want: `s.toml:10: parameters.allowance.value = nan: expected a number (250, "250.50") or the name of a parameter: nan is not a number kosto can cost with`},
	{name: "inf in a role", from: "employer_contribution = 0.05", to: "employer_contribution = inf",
		want: `s.toml:15: roles.officer.employer_contribution = inf: expected a number (250, "250.50") or the name of a parameter: inf is not a number kosto can cost with`},
	{name: "+inf in a service", from: "children = 3", to: "children = +inf",
		want: `s.toml:20: services.foster.children = inf: expected a number (250, "250.50") or the name of a parameter: inf is not a number kosto can cost with`},
	{name: "-inf in a value table", from: "children = 3", to: `children = { value = -inf, source = "x" }`,
		want: `s.toml:20: services.foster.children.value = -inf: expected a number (250, "250.50") or the name of a parameter: -inf is not a number kosto can cost with`},
	{name: "nan growth rate", base: withProjection, from: "rate = 0.02", to: "rate = nan",
		want: `s.toml:33: paths.cpi.rate = nan: expected a number (250, "250.50") or the name of a parameter: nan is not a number kosto can cost with`},
	{name: "nan in a municipality", from: "population = 1000", to: "population = nan",
		want: `s.toml:25: municipalities.town.population = nan: expected a number (250, "250.50") or the name of a parameter: nan is not a number kosto can cost with`},
	{name: "nan funnel conversion", to: `
[recruitment.f]
target = 10

[[recruitment.f.stages]]
name = "events"
conversion = nan
cost_per_person = 10
`, want: `s.toml:33: recruitment.f.stages[1].conversion = nan: expected a number (250, "250.50") or the name of a parameter: nan is not a number kosto can cost with`},
	{name: "a float too large", from: "children = 3", to: "children = 1e300",
		want: `s.toml:20: services.foster.children = 1e+300: expected a number smaller than 1,000,000,000,000,000 (10¹⁵) in size`},
	{name: "an integer too large", from: "population = 1000", to: "population = 9223372036854775807",
		want: `s.toml:25: municipalities.town.population = 9223372036854775807: expected a number smaller than 1,000,000,000,000,000 (10¹⁵) in size`},
	{name: "too many digits in quotes", from: "value = 250", to: `value = "250.0000000000001"`,
		want: `s.toml:10: parameters.allowance.value = "250.0000000000001": expected a number with at most 12 decimals`},
	{name: "negative years", base: withProjection, from: "years = 3", to: "years = -3",
		want: `s.toml:28: projection.years = -3: expected a whole number from 1 to 100`},
	{name: "zero years", base: withProjection, from: "years = 3", to: "years = 0",
		want: `s.toml:28: projection.years = 0: expected a whole number from 1 to 100`},
	{name: "huge years", base: withProjection, from: "years = 3", to: "years = 100000000000",
		want: `s.toml:28: projection.years = 100000000000: expected a whole number from 1 to 100`},
	{name: "a start far from the base year", base: withProjection, from: "years = 3", to: "start = 202600\nyears = 3",
		want: `s.toml:28: projection.start = 202600: expected a first year from 2024 to 2034: at most 10 years after base_year (2024), whose figures a projection moves`},
	{name: "a start before the base year", base: withProjection, from: "years = 3", to: "start = 2020\nyears = 3",
		want: `s.toml:28: projection.start = 2020: expected a first year no earlier than base_year (2024): the base year's figures are where a projection starts`},
	{name: "a growth rate of -2 on a one-rate path", base: withProjection, from: "rate = 0.02", to: "rate = -2",
		want: `s.toml:33: paths.cpi.rate = -2: expected a growth rate above −1 (−0.02 is a 2% fall; −1 would be a fall to nothing)`},
	{name: "a growth rate of -1 in a rates table", base: withProjection, from: "rate = 0.02", to: "[paths.cpi.rates]\n2025 = -1\n2026 = 0\n2027 = 0",
		want: `s.toml:34: paths.cpi.rates.2025 = -1: expected a growth rate above −1 (−0.02 is a 2% fall; −1 would be a fall to nothing)`},
	{name: "a growth rate above 100%", base: withProjection, from: "rate = 0.02", to: "rate = 2",
		want: `s.toml:33: paths.cpi.rate = 2: expected a growth rate of at most 1 (100% a year): 5% is written 0.05, and a larger rate is more likely a typo than a forecast`},
	{name: "a growth rate naming a parameter", base: withProjection, from: "rate = 0.02", to: `rate = "allowance"`,
		want: `s.toml:33: paths.cpi.rate = "allowance": expected a number: the rates and levels of a path and the figures of a transition plan are written as numbers, not as names of parameters`},
	{name: "a capacity the occupancy curve cannot walk", to: `[services.home]
kind = "residential_care"
capacity = 1000000000
children = 1`, want: `s.toml:29: services.home.capacity = 1000000000: expected a number no greater than 10000`},
	{name: "a municipality named as kosto's own figures", from: "[municipalities.town]", to: "[municipalities.roles]",
		want: `s.toml:24: municipalities.roles = "roles": expected another name: kosto names figures of its own roles.…, and a municipality's would clash with them; call it, say, "roles_m", and give its name as written in title`},
	{name: "a service named as a municipality's own figures", from: "[services.foster]", to: "[services.total]",
		want: `s.toml:18: services.total = "total": expected another name: kosto names figures of each municipality MUNICIPALITY.total.…, and the service's would clash with them or be taken for them; call it, say, "total_service", and give its name as written in title`},
	{name: "a share following a growth path", base: withProjection, from: "employer_contribution = 0.05", to: `employer_contribution = { value = 0.05, uprate = "cpi" }`,
		want: `s.toml:15: roles.officer.employer_contribution.uprate = "cpi": a share cannot follow a path of growth rates, which could take it above 1; give it a path of levels, each from 0 to 1`},
	{name: "a share following levels above 1", base: withProjection, from: "employer_contribution = 0.05", to: `employer_contribution = { value = 0.05, uprate = "rise" }`,
		want: `s.toml:39: paths.rise.levels.2026 = 1.5: expected a share from 0 to 1 (write 5% as 0.05) (used by roles.officer.employer_contribution.value)`},
	{name: "a projection's prices following levels", base: withProjection, from: `prices = "cpi"`, to: `prices = "rise"`,
		want: `s.toml:29: projection.prices = "rise": expected a path of growth rates: prices moves every price by it, and a path of levels would set them all to the same figures; give a schedule of levels to one value with uprate = "rise"`},
	{name: "deeply nested inline tables", from: "children = 3", to: "children = " + strings.Repeat("{ a = ", 5000) + "1" + strings.Repeat(" }", 5000),
		want: `s.toml:20: expected values nested at most 32 arrays or inline tables deep (a scenario needs two or three); kosto stops reading here`},
	{name: "deeply nested arrays", to: "x = " + strings.Repeat("[", 33) + strings.Repeat("]", 33),
		want: `s.toml:27: expected values nested at most 32 arrays or inline tables deep (a scenario needs two or three); kosto stops reading here`},
	{name: "a dotted key of thousands of parts", to: strings.Repeat("a.", 20000) + "b = 1",
		want: `s.toml:27: expected a key or table header of at most 32 dotted parts (a scenario needs six at most); kosto stops reading here`},
	{name: "a table header of thousands of parts", to: "[" + strings.Repeat("a.", 20000) + "b]",
		want: `s.toml:27: expected a key or table header of at most 32 dotted parts (a scenario needs six at most); kosto stops reading here`},
}

func TestHardening(t *testing.T) {
	for _, c := range hardeningCases {
		t.Run(c.name, func(t *testing.T) {
			src := c.source()
			sc, err := Load(mapFS(one(src)), "s.toml")
			if err == nil {
				t.Fatalf("Load succeeded (%v); want:\n%s", sc != nil, c.want)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

func (c hardeningCase) source() string {
	base := c.base
	if base == "" {
		base = minimal
	}
	if strings.Contains(c.name, "levels") {
		base += "\n[paths.rise]\nassumption = \"x\"\n[paths.rise.levels]\n2025 = 0.05\n2026 = 1.5\n2027 = 0.05\n"
	}
	if c.from == "" {
		return base + "\n" + c.to + "\n"
	}
	if !strings.Contains(base, c.from) {
		panic("hardening case " + c.name + ": no " + c.from + " in its base")
	}
	return strings.Replace(base, c.from, c.to, 1)
}

type hardeningCase struct {
	name     string
	from, to string // replace the first from in base with to; from "" appends to
	base     string // minimal when empty
	want     string
}

// Nesting within the limits reads as before: 32 dotted parts and 32 levels
// of brackets are refused only for not being keys kosto knows.
func TestNestingWithinLimits(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("a.", MaxNesting-1) + "b = 1",
		"x = " + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting),
		`s = "` + strings.Repeat("{[.", 100) + `"`,
		"m = '''\n" + strings.Repeat("{[", 100) + "\n'''",
		"# " + strings.Repeat("{[.", 100),
	} {
		var ps models.Problems
		if raw := parseTOML("s.toml", []byte(src), &ps); raw == nil {
			t.Errorf("%.40s…: refused: %v", src, ps)
		}
	}
}

// The limits hold in grant formulas too, which share the decoder: a weight,
// a cap and a hold-harmless share cannot be nan or inf.
func TestFormulaNumbersRefused(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"weight = 0.9", "weight = nan", `test.toml:23: criteria.population.weight = nan: expected a number (250, "250.50") or the name of a parameter: nan is not a number kosto can cost with`},
		{"hold_harmless = 0.05", "hold_harmless = inf", `test.toml:31: rules.hold_harmless = inf: expected a number (250, "250.50") or the name of a parameter: inf is not a number kosto can cost with`},
		{"floor = 50000", "floor = -inf\ncap = nan", "test.toml:30: rules.floor = -inf: expected a number (250, \"250.50\") or the name of a parameter: -inf is not a number kosto can cost with\ntest.toml:31: rules.cap = nan: expected a number (250, \"250.50\") or the name of a parameter: nan is not a number kosto can cost with"},
		{"amount = \"1000000\"", "amount = 1e300", `test.toml:10: pot.amount = 1e+300: expected a number smaller than 1,000,000,000,000,000 (10¹⁵) in size`},
	} {
		t.Run(c.to, func(t *testing.T) {
			var ps models.Problems
			decodeFormula("test.toml", []byte(strings.Replace(grantBase, c.from, c.to, 1)), &ps)
			if got := ps.Err(); got == nil || got.Error() != c.want {
				t.Errorf("got:\n%v\nwant:\n%s", got, c.want)
			}
		})
	}
}

// A municipality that gives a service none of its volumes in a scenario of
// two or more costs the scenario's: kosto warns, naming it and the service.
func TestCopiedVolumesWarned(t *testing.T) {
	fc := `[parameters.kids]
value = 3
source = "count"
[services.fc]
kind = "foster_care"
children = "kids"
new_placements = 1
monthly_allowance = 250
`
	for _, c := range []struct{ name, extra, want string }{
		{"one municipality copies", `[municipalities.a.services.fc]
children = 5
`, `s.toml:18: services.fc: b gives it no volumes of its own, so it costs the scenario's (children = kids = 3, new_placements = 1); give them under [municipalities.b.services.fc], or provided = false there if it has no such service`},
		{"every municipality copies", ``, `s.toml:18: services.fc: a and b give it no volumes of its own, so each costs the scenario's (children = kids = 3, new_placements = 1); give them under [municipalities.NAME.services.fc], or provided = false there if it has no such service`},
		{"a parameter of its own, or none of the service", `[municipalities.a.parameters.kids]
value = 4
source = "count"
[municipalities.b.services.fc]
provided = false
`, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc, err := Load(mapFS(one(head+fc+c.extra)), "s.toml")
			if err != nil {
				t.Fatal(err)
			}
			if got := sc.Warnings().Error(); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// The files a formula names follow the rule extends does: relative to the
// formula, never absolute, never above the root; a folder given as a
// formula or a table says so.
func TestFormulaPaths(t *testing.T) {
	for _, c := range []struct{ name, from, to, want string }{
		{"an absolute data file", `file = "lugina.csv"`, `file = "/etc/passwd"`,
			`f.toml:13: data.file = "/etc/passwd": expected a path relative to the folder of the formula (like "data.csv" or "../data/data.csv"); a file is never named by an absolute path (FORMAT.md §6)`},
		{"a data file above the root", `file = "lugina.csv"`, `file = "../../lugina.csv"`,
			`f.toml:13: data.file = "../../lugina.csv": reaches outside ROOT; a file a formula names must lie in that folder or below it (FORMAT.md §6)`},
		{"an absolute pot scenario", `amount = "1000000"`, `cost_based = { scenario = "/etc/s.toml" }`,
			`f.toml:10: pot.cost_based.scenario = "/etc/s.toml": expected a path relative to the folder of the formula (like "data.csv" or "../data/data.csv"); a file is never named by an absolute path (FORMAT.md §6)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := grantFiles(t, strings.Replace(grantBase, c.from, c.to, 1), "")
			root := filepath.Dir(path)
			t.Chdir(root)
			_, err := OpenFormula("f.toml", "", CSVOptions{})
			got := ""
			if err != nil {
				got = strings.ReplaceAll(err.Error(), root, "ROOT")
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got:\n%s\nwant a line:\n%s", got, c.want)
			}
		})
	}
	t.Run("folders", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		if err := os.Mkdir("tables", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("tables/a.csv", nil, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ formula, data, want string }{
			{"tables", "", "tables: is a folder, not a formula file; it holds no .toml file"},
			{"kosovo-general-grant-illustrative", "tables/", "tables: is a folder, not a data table; name a .csv file in it (a.csv)"},
		} {
			_, err := OpenFormula(c.formula, c.data, CSVOptions{})
			if err == nil || err.Error() != c.want {
				t.Errorf("OpenFormula(%q, %q):\ngot:  %v\nwant: %s", c.formula, c.data, err, c.want)
			}
		}
	})
}
