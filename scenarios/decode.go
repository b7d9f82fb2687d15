package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A document is one scenario file decoded into a partial scenario: only what
// that file writes. Load lays documents over their bases.
type document struct {
	file    string
	extends models.Text
	sc      *models.Scenario
	// replaced parameters and written keys are what the file itself says
}

// decoder walks one file's TOML tree against the schema tables of package
// models, building a partial scenario and collecting every problem.
type decoder struct {
	file      string
	loc       *locator
	ps        *models.Problems
	suggested map[string]bool // key paths offered as "did you mean"
}

func (d *decoder) pos(path string) models.Position {
	return models.Position{File: d.file, Line: d.loc.line(path), Key: path}
}

func (d *decoder) problem(path, value, format string, args ...any) {
	d.ps.Add(d.pos(path), value, format, args...)
}

// scenarioTop are the keys of a scenario file's top level.
var scenarioTop = []string{"format", "extends", "scenario", "parameters", "roles", "services", "municipalities", "overheads", "recruitment", "projection", "paths", "transition", "classification", "uncertainty"}

// decodeFile parses src and walks it. A syntax error stops the walk (the
// decoder cannot go on), and is reported with its line.
func decodeFile(file string, src []byte, ps *models.Problems, suggested map[string]bool) *document {
	raw := parseTOML(file, src, ps)
	if raw == nil {
		return nil
	}
	d := &decoder{file: file, loc: newLocator(string(trimBOM(src))), ps: ps, suggested: suggested}
	doc := &document{file: file, sc: &models.Scenario{
		Parameters:     map[string]*models.Parameter{},
		Roles:          map[string]*models.Role{},
		Services:       map[string]*models.Service{},
		Municipalities: map[string]*models.Municipality{},
		Overheads:      map[string]*models.Overhead{},
	}}
	for _, k := range sortedKeys(raw) {
		d.top(doc, k, raw[k])
	}
	return doc
}

// top decodes the top-level key k of a scenario file, whose value is v,
// into doc: one case for each table of the format.
func (d *decoder) top(doc *document, k string, v any) {
	sc := doc.sc
	switch k {
	case "format":
		d.format(k, v, "scenario")
	case "extends":
		doc.extends = d.text(k, v)
	case "scenario":
		d.meta(k, v, &sc.Meta)
	case "parameters":
		d.parameters(k, v, sc.Parameters)
	case "roles":
		d.named(k, v, func(path, name string, t map[string]any) { sc.Roles[name] = d.role(path, name, t) })
	case "services":
		d.named(k, v, func(path, name string, t map[string]any) { sc.Services[name] = d.service(path, name, t) })
	case "municipalities":
		d.named(k, v, func(path, name string, t map[string]any) { sc.Municipalities[name] = d.municipality(path, name, t) })
	case "overheads":
		d.named(k, v, func(path, name string, t map[string]any) { sc.Overheads[name] = d.overhead(path, name, t) })
	case "projection":
		sc.Projection = d.projection(k, v)
	case "paths":
		d.named(k, v, func(path, name string, t map[string]any) {
			if sc.Paths == nil {
				sc.Paths = map[string]*models.Path{}
			}
			sc.Paths[name] = d.path(path, name, t)
		})
	case "transition":
		sc.Transition = d.transition(k, v)
	case "classification":
		sc.Classification = d.classification(k, v)
	case "recruitment":
		sc.Recruitment = d.recruitment(k, v)
	case "uncertainty":
		sc.Uncertainty = d.uncertainty(k, v)
	default:
		d.unknown(k, k, scenarioTop, "a scenario file")
	}
}

// format checks format = N, the version of the format of a file of kind
// what ("scenario", "formula"), against the version this kosto reads.
func (d *decoder) format(path string, v any, what string) {
	if n, ok := v.(int64); !ok || n != models.FormatVersion {
		d.problem(path, show(v), "expected format = %d, the version of the %s format this kosto reads", models.FormatVersion, what)
	}
}

// role decodes [roles.NAME].
func (d *decoder) role(path, name string, t map[string]any) *models.Role {
	r := &models.Role{Name: name, Pos: d.pos(path), Texts: models.Texts{}, In: models.Inputs{}}
	d.fields(path, t, models.RoleTable, r.Texts, r.In, nil)
	return r
}

// projection decodes [projection]: the horizon and how values move.
func (d *decoder) projection(path string, v any) models.Projection {
	t, ok := d.table(path, v)
	if !ok {
		return models.Projection{}
	}
	p := models.Projection{Set: true, Pos: d.pos(path), Texts: models.Texts{}, In: models.Inputs{}}
	d.fields(path, t, models.ProjectionTable, p.Texts, p.In, nil)
	return p
}

func (d *decoder) unknown(path, key string, known []string, what string) {
	msg := fmt.Sprintf("unknown key in %s", what)
	if s := models.Suggest(key, known); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
		if d.suggested != nil {
			d.suggested[strings.TrimSuffix(path, key)+s] = true
		}
	} else {
		msg += "; expected one of " + quoteAll(known)
	}
	d.problem(path, "", "%s", msg)
}

// table asserts that v is a table.
func (d *decoder) table(path string, v any) (map[string]any, bool) {
	t, ok := v.(map[string]any)
	if !ok {
		d.problem(path, show(v), "expected a table ([%s] or %s = { … })", path, lastKey(path))
	}
	return t, ok
}

// named walks a table of named tables, such as [roles.NAME].
func (d *decoder) named(path string, v any, each func(path, name string, t map[string]any)) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	for _, name := range sortedKeys(t) {
		p := path + "." + name
		if !models.ValidName(name) {
			d.problem(p, fmt.Sprintf("%q", name), "expected a name of lower-case letters, digits and _, starting with a letter")
			continue
		}
		sub, ok := d.table(p, t[name])
		if !ok {
			continue
		}
		each(p, name, sub)
	}
}

func (d *decoder) meta(path string, v any, m *models.Meta) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	m.Pos = d.pos(path)
	texts := map[string]*models.Text{
		"name": &m.Name, "title": &m.Title, "country": &m.Country, "currency": &m.Currency,
		"language": &m.Language, "classification": &m.Classification, "description": &m.Description,
	}
	known := []string{"name", "title", "country", "currency", "base_year", "language", "classification", "description"}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		if k == "base_year" {
			m.BaseYear = d.input(p, t[k])
			continue
		}
		dst, ok := texts[k]
		if !ok {
			d.unknown(p, k, known, "[scenario]")
			continue
		}
		*dst = d.text(p, t[k])
	}
}

func (d *decoder) flag(path string, v any) models.Flag {
	b, ok := v.(bool)
	if !ok {
		d.problem(path, show(v), "expected true or false")
		return models.Flag{}
	}
	return models.Flag{B: b, Pos: d.pos(path), Set: true}
}

// text decodes a word or sentence in quotes; a key of models.PerLanguage
// may also be written in each language, { en = "…", sq = "…", sr = "…" }.
func (d *decoder) text(path string, v any) models.Text {
	perLang := contains(models.PerLanguage, lastKey(path))
	if t, ok := v.(map[string]any); ok && perLang {
		return d.perLanguage(path, t)
	}
	s, ok := v.(string)
	if !ok {
		if perLang {
			d.problem(path, show(v), "expected text in quotes, or a text in each language: { %s }", languageExample())
		} else {
			d.problem(path, show(v), "expected text in quotes")
		}
		return models.Text{}
	}
	return models.Text{S: s, Pos: d.pos(path), Set: true}
}

// perLanguage decodes a text written in each language, { en = "Foster
// care", sq = "Strehim familjar", sr = "Hraniteljstvo" }: its keys are
// languages of models.Languages, each a text in quotes. Its plain text, for
// the languages it leaves out, is the first of models.Languages it gives.
func (d *decoder) perLanguage(path string, t map[string]any) models.Text {
	out := models.Text{By: map[string]string{}, Pos: d.pos(path), Set: true}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		if !contains(models.Languages, k) {
			d.problem(p, "", "unknown language in a text given per language; expected %s", languageChoice())
			continue
		}
		s, ok := t[k].(string)
		if !ok {
			d.problem(p, show(t[k]), "expected text in quotes")
			continue
		}
		out.By[k] = s
	}
	for _, l := range models.Languages {
		if s, ok := out.By[l]; ok {
			out.S = s
			break
		}
	}
	if len(out.By) == 0 {
		d.problem(path, "{}", "expected text in quotes, or a text in each language: { %s }", languageExample())
		return models.Text{}
	}
	return out
}

// languageChoice names the languages as a choice: "en, sq or sr".
func languageChoice() string {
	ls := models.Languages
	return strings.Join(ls[:len(ls)-1], ", ") + " or " + ls[len(ls)-1]
}

// languageExample is a text in each language as a file writes it:
// en = "…", sq = "…", sr = "…".
func languageExample() string {
	xs := make([]string, len(models.Languages))
	for i, l := range models.Languages {
		xs[i] = l + ` = "…"`
	}
	return strings.Join(xs, ", ")
}

// parameters walks [parameters]: each entry is a table with value, unit,
// source, from and assumption, or — without provenance — a bare value.
func (d *decoder) parameters(path string, v any, into map[string]*models.Parameter) {
	t, ok := d.table(path, v)
	if !ok {
		return
	}
	for _, name := range sortedKeys(t) {
		p := path + "." + name
		if !models.ValidName(name) {
			d.problem(p, fmt.Sprintf("%q", name), "expected a parameter name of lower-case letters, digits and _, starting with a letter")
			continue
		}
		into[name] = &models.Parameter{Name: name, Input: d.input(p, t[name])}
	}
}

// provenanceKeys are the keys an inline value table may carry besides value.
var provenanceKeys = []string{"value", "unit", "source", "from", "assumption", "uprate", "range"}

// input decodes a number: an integer, a float (kept, so that validation can
// refuse it for money), a quoted decimal, the name of a parameter, or a table
// { value = …, unit, source, from, assumption }.
func (d *decoder) input(path string, v any) models.Input {
	if t, ok := v.(map[string]any); ok {
		return d.valueTable(path, t)
	}
	in := d.scalar(path, v)
	if in.Ref == "" && in.Set {
		if msg := outOfRange(in.Value); msg != "" {
			d.problem(path, in.Raw, "%s", msg)
			in.Set = false
		}
	}
	return in
}

// valueTable decodes a value with its provenance, { value = …, unit,
// source, from, assumption, uprate }: the value as input decodes it, at
// path.value, and the other keys as text (from as a date). A table without
// a value is not set.
func (d *decoder) valueTable(path string, t map[string]any) models.Input {
	in := models.Input{Pos: d.pos(path), Set: true}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		switch k {
		case "value":
			inner := d.input(p, t[k])
			inner.Pos = d.pos(p)
			in.Raw, in.Float, in.Ref, in.Value = inner.Raw, inner.Float, inner.Ref, inner.Value
			in.Pos = inner.Pos
			in.Set = inner.Set
			if !inner.Set && d.suggested != nil {
				d.suggested[path] = true // said at .value: validation need not call the key missing
			}
		case "unit":
			in.Unit = d.text(p, t[k]).S
		case "source":
			in.Source = d.text(p, t[k]).S
		case "assumption":
			in.Assumption = d.text(p, t[k]).S
		case "from":
			in.From = d.date(p, t[k])
		case "uprate":
			in.Uprate = d.text(p, t[k])
		case "range":
			if why := rangeRefused(path); why != "" {
				d.problem(p, "", "%s", why)
				continue
			}
			in.Range = d.valueRange(p, t[k])
		default:
			d.unknown(p, k, provenanceKeys, "a value table")
		}
	}
	if _, has := t["value"]; !has {
		d.problem(path+".value", "", "missing: the value (a table of a value with its source needs value = …)")
		in.Set = false
		if d.suggested != nil {
			d.suggested[path] = true // said: validation need not call the key missing
		}
	}
	return in
}

// scalar decodes a value written bare: an integer, a float, a quoted
// decimal or the name of a parameter. Anything else — and a float that is
// not a number, nan or inf — is a problem, and the input is not set. Its
// size is not checked here (input does).
func (d *decoder) scalar(path string, v any) models.Input {
	in := models.Input{Pos: d.pos(path), Set: true}
	switch x := v.(type) {
	case int64:
		in.Raw = strconv.FormatInt(x, 10)
		in.Value = decimal.NewFromInt(x)
	case float64:
		in.Raw = show(x)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			d.problem(path, in.Raw, "expected a number (250, \"250.50\") or the name of a parameter: %s is not a number kosto can cost with", in.Raw)
			in.Set = false
			return in
		}
		in.Float = true
		in.Value = decimal.NewFromFloat(x)
	case string:
		in.Raw = fmt.Sprintf("%q", x)
		if dv, err := decimal.NewFromString(strings.TrimSpace(x)); err == nil && looksNumeric(x) {
			in.Value = dv
		} else if models.ValidName(x) {
			in.Ref = x
		} else {
			d.problem(path, in.Raw, "expected a number (250, \"250.50\") or the name of a parameter")
			in.Set = false
		}
	default:
		d.problem(path, show(v), "expected a number (250, \"250.50\") or the name of a parameter")
		in.Set = false
	}
	return in
}

// Every number kosto reads is below MaxMagnitude and has at most
// MaxDecimals decimals: enough for the national budget of any country kosto
// serves in its smallest unit and for a rate to a millionth of a percent,
// and a bound on the digits decimal arithmetic must carry.
const (
	MaxMagnitude = 1_000_000_000_000_000 // 10¹⁵
	MaxDecimals  = 12
)

// outOfRange says what is wrong with a number beyond those bounds, or "".
func outOfRange(d decimal.Decimal) string {
	if d.Abs().Cmp(decimal.NewFromInt(MaxMagnitude)) >= 0 {
		return "expected a number smaller than 1,000,000,000,000,000 (10¹⁵) in size"
	}
	if d.Exponent() < -MaxDecimals && !d.Equal(d.Round(MaxDecimals)) {
		return fmt.Sprintf("expected a number with at most %d decimals", MaxDecimals)
	}
	return ""
}

// looksNumeric refuses what decimal would accept but a person would not
// write as an amount, such as "1e3".
func looksNumeric(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || (c == '-' || c == '+') && i == 0) {
			return false
		}
	}
	return true
}

func (d *decoder) date(path string, v any) string {
	switch x := v.(type) {
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	}
	d.problem(path, show(v), "expected a date (2018-06-01) or a year (2024)")
	return ""
}

// fields walks a table against its schema: numeric keys into in, word keys
// into tx, named sub-tables to sub. Unknown keys are reported with the
// closest known key.
func (d *decoder) fields(path string, t map[string]any, schema *models.Table, tx models.Texts, in models.Inputs, sub func(path, key string, v any)) {
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		v := t[k]
		if _, ok := schema.Number(k); ok {
			in[k] = d.input(p, v)
			continue
		}
		if _, ok := schema.Text(k); ok {
			tx[k] = d.text(p, v)
			continue
		}
		if contains(schema.Tables, k) && sub != nil {
			sub(p, k, v)
			continue
		}
		d.unknown(p, k, schema.Keys(), "a "+schema.Name)
	}
}

func (d *decoder) service(path, name string, t map[string]any) *models.Service {
	s := &models.Service{Name: name, Pos: d.pos(path), Texts: models.Texts{}, Flags: models.Flags{}, In: models.Inputs{},
		Staff: map[string]*models.Line{}, Costs: map[string]*models.Line{}, Capital: map[string]*models.Line{}, Caseload: map[string]*models.Line{}}
	rest := map[string]any{}
	for k, v := range t {
		if _, ok := models.AnyServiceTable().Flag(k); ok {
			s.Flags[k] = d.flag(path+"."+k, v)
			continue
		}
		rest[k] = v
	}
	t = rest
	// Decode against the union of every kind's keys: whether a key belongs to
	// this service's kind is checked by validation, once every file is read.
	d.fields(path, t, models.AnyServiceTable(), s.Texts, s.In, func(p, key string, v any) {
		schema, into := models.StaffTable, s.Staff
		switch key {
		case "costs":
			schema, into = models.CostTable, s.Costs
		case "capital":
			schema, into = models.CapitalTable, s.Capital
		case "caseload":
			schema, into = models.CaseloadTable, s.Caseload
		}
		d.named(p, v, func(lp, ln string, lt map[string]any) {
			l := &models.Line{Name: ln, Pos: d.pos(lp), Texts: models.Texts{}, In: models.Inputs{}}
			d.fields(lp, lt, schema, l.Texts, l.In, nil)
			into[ln] = l
		})
	})
	return s
}

func (d *decoder) municipality(path, name string, t map[string]any) *models.Municipality {
	m := &models.Municipality{Name: name, Pos: d.pos(path), Texts: models.Texts{}, In: models.Inputs{},
		Parameters: map[string]*models.Parameter{}, Services: map[string]*models.Service{}}
	d.fields(path, t, models.MunicipalityTable, m.Texts, m.In, func(p, key string, v any) {
		switch key {
		case "parameters":
			d.parameters(p, v, m.Parameters)
		case "services":
			d.named(p, v, func(sp, sn string, st map[string]any) {
				m.Services[sn] = d.service(sp, sn, st)
			})
		}
	})
	return m
}

// syntaxLine and syntaxMessage turn the TOML decoder's error into a line and
// a message a person can act on.
//
// The decoder counts one line short, or says line 0, for an error at the last
// byte of the file (an escape cut off by the end, `a = "\`); the line is
// then counted from the byte offset it gives, and is at least 1: a syntax
// error is always somewhere.
func syntaxLine(err error, src []byte) int {
	src = trimBOM(src) // the decoder's offsets are after the byte-order mark
	var pe toml.ParseError
	ok := errors.As(err, &pe)
	if ok && pe.Position.Line > 0 && pe.Position.Start < len(src)-1 {
		return pe.Position.Line
	}
	end := len(src)
	if ok && pe.Position.Start >= 0 && pe.Position.Start < end {
		end = pe.Position.Start
	}
	return 1 + bytes.Count(src[:end], []byte("\n"))
}

// trimBOM drops the byte-order mark some editors write at the start of a
// file, as the TOML decoder does.
func trimBOM(src []byte) []byte {
	for _, bom := range []string{"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"} {
		if rest, ok := bytes.CutPrefix(src, []byte(bom)); ok {
			return rest
		}
	}
	return src
}

func syntaxMessage(err error) string {
	if pe := (toml.ParseError{}); errors.As(err, &pe) {
		if pe.Message == "invalid escape in string '\\\x00'" { // the lexer's NUL is the end of the file
			return "not valid TOML: the file ends inside a string, just after a \\"
		}
		msg := printable(pe.Message)
		// The decoder says "Key 'roles.officer' has already been defined." at
		// the second definition.
		if k, ok := strings.CutPrefix(msg, "Key '"); ok {
			if k, ok := strings.CutSuffix(k, "' has already been defined."); ok {
				return "not valid TOML: " + k + " is defined a second time here (every name may be defined once)"
			}
		}
		if strings.Contains(msg, "has already been defined") {
			return "not valid TOML: " + msg + " (every name may be defined once)"
		}
		return "not valid TOML: " + msg
	}
	return "not valid TOML: " + printable(strings.TrimPrefix(err.Error(), "toml: "))
}

// printable writes control characters the decoder quotes from the file (a
// NUL stands for the end of the file) as escapes, so that a message never
// puts raw control bytes on a terminal.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case map[string]any:
		return "{…}"
	case []any, []map[string]any:
		return "[…]"
	case float64:
		// As TOML writes them, so that a message quotes what the file says.
		switch {
		case math.IsNaN(x):
			return "nan"
		case math.IsInf(x, 1):
			return "inf"
		case math.IsInf(x, -1):
			return "-inf"
		case x != 0 && (math.Abs(x) >= 1e15 || math.Abs(x) < 1e-6):
			return strconv.FormatFloat(x, 'g', -1, 64) // 1e+300, not three hundred digits
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func sortedKeys(m map[string]any) []string { return models.Sorted(m) }

// overhead decodes [overheads.NAME], whose services key is a list of names.
func (d *decoder) overhead(path, name string, t map[string]any) *models.Overhead {
	o := &models.Overhead{Name: name, Pos: d.pos(path), Texts: models.Texts{}, In: models.Inputs{}}
	rest := map[string]any{}
	for k, v := range t {
		if k == "services" {
			o.Services = d.names(path+"."+k, v)
			continue
		}
		rest[k] = v
	}
	d.fields(path, rest, models.OverheadTable, o.Texts, o.In, nil)
	return o
}

// names decodes a list of names, such as services = ["qps", "foster_care"].
func (d *decoder) names(path string, v any) []models.Text {
	list, ok := v.([]any)
	if !ok {
		d.problem(path, show(v), "expected a list of names in brackets, e.g. [\"qps\", \"foster_care\"]")
		return nil
	}
	out := []models.Text{}
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			d.problem(path, show(x), "expected a name in quotes")
			continue
		}
		out = append(out, models.Text{S: s, Pos: d.pos(path), Set: true})
	}
	return out
}

// path decodes [paths.NAME]: rate, or [paths.NAME.rates] or
// [paths.NAME.levels] keyed by year.
func (d *decoder) path(path, name string, t map[string]any) *models.Path {
	p := &models.Path{Name: name, Pos: d.pos(path), Texts: models.Texts{}, In: models.Inputs{}}
	d.fields(path, t, models.PathTable, p.Texts, p.In, func(sp, key string, v any) {
		years := d.years(sp, v, func(yp string, x any) models.Input { return d.input(yp, x) })
		if key == "rates" {
			p.Rates = years
		} else {
			p.Levels = years
		}
	})
	// The path's source and assumption are the provenance of every value
	// that does not give its own.
	for _, m := range []map[int]models.Input{p.Rates, p.Levels} {
		for y, i := range m {
			if !i.Known() {
				i.Source, i.Assumption, i.Unit = p.Texts["source"].S, p.Texts["assumption"].S, p.Texts["unit"].S
				m[y] = i
			}
		}
	}
	return p
}

// years decodes a table keyed by year, such as { 2026 = 0.05, 2027 = 0.04 }.
func (d *decoder) years(path string, v any, each func(path string, v any) models.Input) map[int]models.Input {
	t, ok := d.table(path, v)
	out := map[int]models.Input{}
	if !ok {
		return out
	}
	for _, k := range sortedKeys(t) {
		if y, ok := d.yearKey(path, k); ok {
			out[y] = each(path+"."+k, t[k])
		}
	}
	return out
}

// yearKey reads the key k of the table at path as a year, or says it is
// not one.
func (d *decoder) yearKey(path, k string) (int, bool) {
	y, err := strconv.Atoi(k)
	if err != nil || y < models.MinYear || y > models.MaxYear {
		d.problem(path+"."+k, "", "expected a year from %d to %d as the key", models.MinYear, models.MaxYear)
		return 0, false
	}
	return y, true
}

// transition decodes [transition]: from, programme, [transition.leavers.YEAR]
// (destination = children) and [transition.units] (year = units open).
func (d *decoder) transition(path string, v any) models.Transition {
	t, ok := d.table(path, v)
	if !ok {
		return models.Transition{}
	}
	tr := models.Transition{Set: true, Pos: d.pos(path), Texts: models.Texts{}, Leavers: map[int]map[string]models.Input{}, Units: map[int]models.Input{}}
	d.fields(path, t, models.TransitionTable, tr.Texts, models.Inputs{}, func(sp, key string, v any) {
		switch key {
		case "units":
			tr.Units = d.years(sp, v, func(yp string, x any) models.Input { return d.input(yp, x) })
		case "leavers":
			yt, ok := d.table(sp, v)
			if !ok {
				return
			}
			for _, k := range sortedKeys(yt) {
				y, ok := d.yearKey(sp, k)
				if !ok {
					continue
				}
				dests, ok := d.table(sp+"."+k, yt[k])
				if !ok {
					continue
				}
				tr.Leavers[y] = map[string]models.Input{}
				for _, dest := range sortedKeys(dests) {
					tr.Leavers[y][dest] = d.input(sp+"."+k+"."+dest, dests[dest])
				}
			}
		}
	})
	return tr
}

// classification decodes a scenario's own [classification]: name, title,
// source and [[classification.categories]] of code, en, sq, sr and elements.
func (d *decoder) classification(path string, v any) *models.Classification {
	t, ok := d.table(path, v)
	if !ok {
		return nil
	}
	c := &models.Classification{}
	for _, k := range sortedKeys(t) {
		p := path + "." + k
		switch k {
		case "name":
			c.Name = d.text(p, t[k]).S
		case "title":
			c.Title = d.text(p, t[k]).S
		case "source":
			c.Source = d.text(p, t[k]).S
		case "categories":
			list, ok := t[k].([]map[string]any)
			if !ok {
				d.problem(p, show(t[k]), "expected categories as [[classification.categories]] tables")
				continue
			}
			for n, ct := range list {
				cp := fmt.Sprintf("%s[%d]", p, n+1)
				cat := models.Category{Labels: map[string]string{}}
				for _, ck := range sortedKeys(ct) {
					switch ck {
					case "code":
						cat.Code = d.text(cp+".code", ct[ck]).S
					case "en", "sq", "sr":
						cat.Labels[ck] = d.text(cp+"."+ck, ct[ck]).S
					case "elements":
						for _, e := range d.names(cp+".elements", ct[ck]) {
							cat.Elements = append(cat.Elements, e.S)
						}
					default:
						d.unknown(cp+"."+ck, ck, []string{"code", "en", "sq", "sr", "elements"}, "a category")
					}
				}
				c.Categories = append(c.Categories, cat)
			}
		default:
			d.unknown(p, k, []string{"name", "title", "source", "categories"}, "[classification]")
		}
	}
	return c
}
