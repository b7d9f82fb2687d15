package scenarios

// Tests that keep FORMAT.md honest: its complete example and its variant are
// the files under testdata and load; its reference tables are generated from
// the schema in package models (go test ./scenarios -run Format -update
// rewrites them).

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the generated reference tables of FORMAT.md")

const (
	formatDoc   = "FORMAT.md"
	schemaBegin = "<!-- schema:begin -->"
	schemaEnd   = "<!-- schema:end -->"
	exampleMark = "<!-- example: " // followed by a file under testdata and " -->"
)

func TestFormatExampleLoads(t *testing.T) {
	sc, err := LoadFile(filepath.Join("testdata", "format-example.toml"))
	if err != nil {
		t.Fatalf("the complete example of FORMAT.md does not load:\n%v", err)
	}
	if ws := sc.Warnings(); len(ws) > 0 {
		t.Errorf("the complete example has warnings:\n%v", ws.Error())
	}
	if _, err := costing.Cost(sc); err != nil {
		t.Fatalf("the complete example does not cost: %v", err)
	}
}

func TestFormatVariantLoads(t *testing.T) {
	sc, err := LoadFile(filepath.Join("testdata", "format-variant.toml"))
	if err != nil {
		t.Fatalf("the variant of FORMAT.md does not load:\n%v", err)
	}
	// The parameter is replaced whole: the variant's value, and none of the
	// base's provenance.
	p := sc.Parameters["foster_allowance"].Input
	if !p.Value.Equal(decimal.NewFromInt(300)) || p.Source != "" || p.Assumption == "" {
		t.Errorf("foster_allowance = %s (source %q, assumption %q); want 300 with the variant's assumption only", p.Value, p.Source, p.Assumption)
	}
	// A service value is replaced key by key, in one municipality only.
	places := func(m string) string {
		return sc.Services["day_centre"].Effective(sc.Municipalities[m]).In["places"].Value.String()
	}
	if got := places("lugina"); got != "30" {
		t.Errorf("lugina day centre places = %s, want 30", got)
	}
	if got := places("fusha"); got != "10" {
		t.Errorf("fusha day centre places = %s, want 10 (from the base)", got)
	}
	if sc.Meta.Currency.S != "EUR" || sc.Meta.Name.S != "example_allowance_300" {
		t.Errorf("[scenario] = name %q, currency %q; want the variant's name and the base's currency", sc.Meta.Name.S, sc.Meta.Currency.S)
	}
	r, err := costing.Cost(sc)
	if err != nil {
		t.Fatal(err)
	}
	id, ok := r.Graph.Lookup("lugina.foster_care.unit.allowance")
	if !ok {
		t.Fatal("no figure lugina.foster_care.unit.allowance")
	}
	if v, _ := r.Value(id); !v.Equal(decimal.NewFromInt(3600)) {
		t.Errorf("lugina.foster_care.unit.allowance = %s, want 3600 (300 × 12)", v)
	}
}

// TestFormatDocExamples checks that the TOML blocks of FORMAT.md marked
// <!-- example: NAME --> are, joined by one blank line, the file
// testdata/NAME.
func TestFormatDocExamples(t *testing.T) {
	doc := readDoc(t)
	blocks := map[string][]string{}
	var order []string
	lines := strings.Split(doc, "\n")
	for i := 0; i < len(lines); i++ {
		name, ok := strings.CutPrefix(strings.TrimSpace(lines[i]), exampleMark)
		if !ok {
			continue
		}
		name = strings.TrimSpace(strings.TrimSuffix(name, "-->"))
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "```toml" {
			t.Fatalf("FORMAT.md:%d: %s is not followed by a ```toml block", i+1, lines[i])
		}
		var b strings.Builder
		j := i + 2
		for ; j < len(lines) && strings.TrimSpace(lines[j]) != "```"; j++ {
			b.WriteString(lines[j] + "\n")
		}
		if j == len(lines) {
			t.Fatalf("FORMAT.md:%d: the ```toml block is not closed", i+2)
		}
		if _, seen := blocks[name]; !seen {
			order = append(order, name)
		}
		blocks[name] = append(blocks[name], b.String())
		i = j
	}
	for _, want := range []string{"format-example.toml", "format-variant.toml"} {
		if _, ok := blocks[want]; !ok {
			t.Errorf("FORMAT.md has no block marked %s%s -->", exampleMark, want)
		}
	}
	for _, name := range order {
		got := strings.Join(blocks[name], "\n")
		want, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Errorf("FORMAT.md shows %s, which cannot be read: %v", name, err)
			continue
		}
		if got != string(want) {
			t.Errorf("the blocks of FORMAT.md marked %s differ from testdata/%s: %s", name, name, firstDifference(got, string(want)))
		}
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d of the file:\n  doc:  %s\n  file: %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("the doc has %d lines, the file %d", len(g), len(w))
}

// TestFormatDocSchema checks that the reference tables of FORMAT.md, between
// the schema markers, are what the schema of package models says.
func TestFormatDocSchema(t *testing.T) {
	doc := readDoc(t)
	begin, end := strings.Index(doc, schemaBegin), strings.Index(doc, schemaEnd)
	if begin < 0 || end < begin {
		t.Fatalf("FORMAT.md has no %s … %s section", schemaBegin, schemaEnd)
	}
	got := doc[begin+len(schemaBegin) : end]
	want := "\n" + schemaReference() + "\n"
	if got == want {
		return
	}
	if *update {
		doc = doc[:begin+len(schemaBegin)] + want + doc[end:]
		if err := os.WriteFile(formatDoc, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the reference tables of %s", formatDoc)
		return
	}
	t.Errorf("the reference tables of FORMAT.md are out of date with package models; run\n\tgo test ./scenarios -run FormatDocSchema -update\nThey should read:\n%s", want)
}

func readDoc(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")))
}

// schemaReference writes one Markdown table per schema table of package
// models, and the economic classifications shipped with kosto.
func schemaReference() string {
	var b strings.Builder
	measures := func(t *models.Table) { b.WriteString(measuresOf(t)) }
	section := func(title, intro string, t *models.Table, kinds ...string) {
		fmt.Fprintf(&b, "\n### %s\n\n%s\n\n", title, intro)
		b.WriteString("| key | kind | required / default | meaning |\n|---|---|---|---|\n")
		for _, f := range t.Texts {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Key, textKind(f), textDefault(f), textMeaning(f, kinds))
		}
		for _, f := range t.Numbers {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Key, numberKind(f.Spec), numberDefault(f), f.Doc)
		}
		for _, f := range t.Flags {
			fmt.Fprintf(&b, "| `%s` | true or false | `%t` | %s |\n", f.Key, f.Default, f.Doc)
		}
		for _, k := range t.Tables {
			fmt.Fprintf(&b, "| `%s` | table | optional | %s |\n", k, subTables[k])
		}
	}
	section("Roles: `[roles.NAME]`", "What one full-time post of a role costs, and the hours it gives.", models.RoleTable)

	// Kinds whose schemas are the same but for their name share a table.
	var groups [][]string
	for _, k := range models.ServiceKinds {
		placed := false
		for i, g := range groups {
			if sameSchema(models.ServiceTables[g[0]], models.ServiceTables[k]) {
				groups[i] = append(groups[i], k)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []string{k})
		}
	}
	for _, g := range groups {
		var names []string
		for _, k := range g {
			names = append(names, "`"+k+"`")
		}
		title := "Services of kind " + strings.Join(names, ", ") + ": `[services.NAME]`"
		intro := fmt.Sprintf("Also `[municipalities.MUNICIPALITY.services.NAME]`, which gives any of these keys for one municipality (all but `kind`). %s", models.ServiceTables[g[0]].Doc)
		t := models.ServiceTables[g[0]]
		section(title, intro, t, g...)
		measures(t)
	}
	section("Staff lines: `[services.NAME.staff.POST]`", "Posts of one role in a service that has staff lines.", models.StaffTable)
	section("Cost lines: `[services.NAME.costs.LINE]`", "Any other cost of a service that has cost lines: a fixed amount a year, or an amount per post or per unit of output (the kind's `per` bases, listed with it).", models.CostTable)
	section("Capital items: `[services.NAME.capital.ITEM]`", "A building, vehicle or equipment, charged each year as an annuity, like Excel's PMT: `value × rate ÷ (1 − (1 + rate)^−years)`, or `value ÷ years` at rate 0. Rent is a cost line with `element = \"capital\"`.", models.CapitalTable)
	section("Caseload categories: `[services.NAME.caseload.CATEGORY]`", "The cases a Centre for Social Work handles in a year, by category.", models.CaseloadTable)
	section("Recruitment funnels: `[recruitment.NAME]`", "A foster-carer recruitment funnel: the new carer families to approve in the year, and its stages (see §7, Recruitment funnels).", models.RecruitmentTable)
	section("Recruitment stages: `[[recruitment.NAME.stages]]`", "One stage of a funnel, in order, first stage first.", models.StageTable)
	section("Projection: `[projection]`", "The horizon of `kosto project` and `kosto compare`, and the paths pay, prices and allowances follow. Volumes stay at the base year's unless a value names a path (`uprate = \"PATH\"`) or a transition moves them.", models.ProjectionTable)
	section("Paths: `[paths.NAME]`", "A yearly path: growth rates (`rate`, or `[paths.NAME.rates]` keyed by year) that index a value from the base year, or levels (`[paths.NAME.levels]` keyed by year) that replace it. A path must cover the horizon.", models.PathTable)
	section("Transition: `[transition]`", "Children leaving a residential service year by year (`[transition.leavers.YEAR]`, destination service = children, or `reunification`), and the units it keeps open from a year on (`[transition.units]`, year = units).", models.TransitionTable)
	section("Municipalities: `[municipalities.NAME]`", "Where the services are delivered. Every service of the scenario is costed in every municipality.", models.MunicipalityTable)

	b.WriteString("\n### Economic classifications\n\nEach cost element of a line belongs to one category of the classification that `[scenario] classification` names.\n")
	for _, name := range Classifications() {
		c, err := Classification(name)
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(&b, "\n`%s`: %s\n\n| category | label (en) | label (sq) | label (sr) | cost elements |\n|---|---|---|---|---|\n", c.Name, c.Title)
		for _, cat := range c.Categories {
			var els []string
			for _, e := range cat.Elements {
				els = append(els, "`"+e+"`")
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", cat.Code, cat.Labels["en"], cat.Labels["sq"], cat.Labels["sr"], strings.Join(els, ", "))
		}
	}
	return strings.TrimPrefix(b.String(), "\n")
}

var subTables = map[string]string{
	"staff":      "staff lines, one table per post: `[services.NAME.staff.POST]`",
	"costs":      "cost lines, one table per line: `[services.NAME.costs.LINE]`",
	"capital":    "capital items, one table per item: `[services.NAME.capital.ITEM]`",
	"caseload":   "caseload categories, one table per category: `[services.NAME.caseload.CATEGORY]`",
	"stages":     "the funnel's stages, in order, one `[[recruitment.NAME.stages]]` table each",
	"parameters": "the municipality's own values of scenario parameters: `[municipalities.NAME.parameters]`",
	"services":   "the municipality's own values of services: `[municipalities.NAME.services.SERVICE]`",
	"rates":      "growth rates by year: `2026 = 0.05`",
	"levels":     "levels by year: `2026 = 13`",
	"leavers":    "children leaving by year and destination: `[transition.leavers.2026] foster_care = 3`",
	"units":      "units open from a year on: `2028 = 1`",
}

// measuresOf writes a kind's units of output: the unit costs reported and
// what its cost lines may be per.
func measuresOf(t *models.Table) string {
	var b strings.Builder
	var units, bases []string
	for _, m := range t.Measures {
		if !m.NoUnit {
			units = append(units, fmt.Sprintf("`%s` (%s)", m.Key, strings.Join(m.Factors, " × ")))
		}
	}
	for _, p := range t.Bases() {
		bases = append(bases, "`\""+p+"\"`")
	}
	fmt.Fprintf(&b, "\nUnit costs: %s. Cost lines may be `per` %s.", strings.Join(units, ", "), strings.Join(bases, ", "))
	if len(t.Ratios) > 0 {
		var rs []string
		for _, r := range t.Ratios {
			rs = append(rs, "`\""+r+"\"`")
		}
		fmt.Fprintf(&b, " A staff ratio (`norm = \"ratio\"` or `\"continuous\"`) may be of %s (the first is the default).", strings.Join(rs, ", "))
	}
	b.WriteString("\n")
	return b.String()
}

func sameSchema(a, b *models.Table) bool {
	return reflect.DeepEqual(a.Numbers, b.Numbers) && reflect.DeepEqual(a.Texts, b.Texts) && reflect.DeepEqual(a.Tables, b.Tables) && reflect.DeepEqual(a.Flags, b.Flags) && reflect.DeepEqual(a.Measures, b.Measures) && reflect.DeepEqual(a.Ratios, b.Ratios)
}

func numberKind(s models.Spec) string {
	k := s.Kind.String()
	switch {
	case s.Whole && s.Positive && s.Max > 0:
		k += fmt.Sprintf(", whole, 1–%d", s.Max)
	case s.Whole:
		k += ", whole"
	case s.Positive:
		k += ", > 0"
	}
	return k
}

func numberDefault(f models.Field) string {
	switch {
	case f.Required:
		return "**required**"
	case f.Default != "":
		return "`" + f.Default + "`"
	}
	return "optional"
}

func textKind(f models.TextField) string {
	switch {
	case f.Key == "kind", f.Choices != nil:
		return "choice"
	case f.RefersTo != "":
		return f.RefersTo + " name"
	}
	return "text"
}

func textDefault(f models.TextField) string {
	switch {
	case f.Required:
		return "**required**"
	case f.Default != "":
		return "`\"" + f.Default + "\"`"
	}
	return "optional"
}

func textMeaning(f models.TextField, kinds []string) string {
	doc := f.Doc
	switch {
	case f.Key == "kind":
		var ks []string
		for _, k := range kinds {
			ks = append(ks, "`\""+k+"\"`")
		}
		return "the service's kind: " + strings.Join(ks, ", ")
	case doc == "" && f.Key == "title":
		doc = "the name reports show instead of the table's name"
	case doc == "":
		doc = f.Key
	}
	if f.Choices != nil {
		var cs []string
		for _, c := range f.Choices {
			cs = append(cs, "`\""+c+"\"`")
		}
		doc += ": " + strings.Join(cs, ", ")
	}
	return doc
}
