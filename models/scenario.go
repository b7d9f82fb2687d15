package models

import (
	"math"
	"sort"

	"github.com/shopspring/decimal"
)

// FormatVersion is the version of the scenario file format this package reads.
const FormatVersion = 1

// A Scenario is everything kosto needs to cost a set of services in one or
// more municipalities. After package scenarios has read it (with any base it
// extends) it is self-contained: every reference is by name inside it.
type Scenario struct {
	Meta           Meta
	Parameters     map[string]*Parameter
	Roles          map[string]*Role
	Services       map[string]*Service
	Municipalities map[string]*Municipality
	Overheads      map[string]*Overhead
	Recruitment    map[string]*Funnel // [recruitment.NAME]: foster-carer recruitment funnels
	Projection     Projection         // [projection]: the horizon and how values move
	Paths          map[string]*Path   // [paths.NAME]: yearly growth rates or levels
	Transition     Transition         // [transition]: children leaving a residential service
	Uncertainty    Uncertainty        // [uncertainty]: draws, seed, method and correlations of kosto uncertainty
	Classification *Classification
	Files          []string // the files read, the base first
	// Notices says how the files were found where a reader might not
	// expect it (a base taken from the shipped scenarios because no file
	// of that name lies beside the variant). Warnings includes them.
	Notices Problems
}

// Meta is the [scenario] table.
type Meta struct {
	Pos            Position
	Name           Text
	Title          Text
	Country        Text // ISO 3166 alpha-2: "XK" (Kosovo), "AL" (Albania)
	Currency       Text // ISO 4217: "EUR", "ALL"
	BaseYear       Input
	Language       Text // "en", "sq" or "sr": the default language of reports
	Classification Text // name of the economic classification, e.g. "kosovo-municipal"
	Description    Text
}

// Figure names are dotted paths (gjilan.foster_care.unit_cost). The engine
// names some figures of its own at the root of that path and some at the
// root of each municipality's, so a municipality cannot take a name of
// FigureRoots, nor a service one of MunicipalityFigures: their figures would
// clash. A test of package costing keeps the lists true to the names it
// gives.
var (
	FigureRoots         = []string{"params", "roles", "service", "category", "total", "const", "recruitment", "staffing"}
	MunicipalityFigures = []string{"params", "roles", "overheads", "category", "total", "per_inhabitant", "population"}
)

// A Text is a word or sentence of a scenario with where it was written.
// A name a report prints (a title, who pays) may be written in each
// language, title = { en = "Foster care", sq = "Strehim familjar", sr =
// "Hraniteljstvo" }: By holds those texts, and S the text of the first of
// Languages given, for whatever reads one text only (messages, JSON). A
// plain string leaves By nil and means every language.
type Text struct {
	S   string
	By  map[string]string // language → text, for a text written per language; nil for plain text
	Pos Position
	Set bool
}

// T returns a set Text, for building scenarios in code.
func T(s string) Text { return Text{S: s, Set: true} }

// In returns the text in lang: the text written for lang, else the plain
// (or first) text.
func (t Text) In(lang string) string { return t.Phrase().In(lang) }

// Phrase returns the text in every language, without where it was written.
func (t Text) Phrase() Phrase { return Phrase{S: t.S, By: t.By} }

// Over lays t over base, as a variant's key is laid over its base's: a
// plain text replaces every language; a text per language replaces the
// languages it gives and keeps the base's others.
func (t Text) Over(base Text) Text {
	if t.By == nil || !base.Set {
		return t
	}
	by := map[string]string{}
	for l, s := range base.By {
		by[l] = s
	}
	for l, s := range t.By {
		by[l] = s
	}
	out := t
	out.By = by
	if _, ok := t.By[Languages[0]]; !ok {
		out.S = base.S // the base's text still stands for the languages t does not give
	}
	return out
}

// A Phrase is a name as reports print it, in every language: S for every
// language, or for those By does not give. Results of the engine carry
// their titles as Phrases, and a report picks one with In.
type Phrase struct {
	S  string
	By map[string]string // language → text; nil when one text serves every language
}

// P returns a Phrase that is s in every language.
func P(s string) Phrase { return Phrase{S: s} }

// In returns the phrase in lang, else its text for every language.
func (p Phrase) In(lang string) string {
	if s := p.By[lang]; s != "" {
		return s
	}
	return p.S
}

// String returns the phrase's text for every language (the first of
// Languages when it was written per language).
func (p Phrase) String() string { return p.S }

// PerLanguage are the keys whose text may be written per language: the
// names reports print. Other text keys (a kind, a norm, the name of a role)
// are words of the format and are written once.
var PerLanguage = []string{"title", "paid_by", "allowances_paid_by"}

// A Parameter is a named input, referred to by name wherever it is used: one
// foster-allowance parameter feeds every service that pays it.
type Parameter struct {
	Name  string
	Input Input
}

// Inputs holds a table's numeric keys.
type Inputs map[string]Input

// Texts holds a table's word keys.
type Texts map[string]Text

// A Flag is a true/false key of a scenario with where it was written.
type Flag struct {
	B   bool
	Pos Position
	Set bool
}

func (f Flag) isSet() bool { return f.Set }

// Flags holds a table's true/false keys.
type Flags map[string]Flag

// Get returns the input under key, or the field's default from the table
// when the key was not written. A default is an Input whose provenance says
// it is the format's default.
func (in Inputs) Get(t *Table, key string) Input {
	if v, ok := in[key]; ok && v.Set {
		return v
	}
	f, ok := t.Number(key)
	if !ok {
		panic("models: no field " + key + " in " + t.Name)
	}
	d := "0"
	if f.Default != "" {
		d = f.Default
	}
	return Input{Raw: d, Value: decimal.RequireFromString(d), Provenance: Provenance{Assumption: "default of the scenario format"}}
}

// Has reports whether key was written.
func (in Inputs) Has(key string) bool { return in[key].Set }

// Get returns the text under key, or the field's default.
func (tx Texts) Get(t *Table, key string) Text {
	if v, ok := tx[key]; ok && v.Set {
		return v
	}
	f, ok := t.Text(key)
	if !ok {
		panic("models: no text field " + key + " in " + t.Name)
	}
	return Text{S: f.Default}
}

// A Role is a kind of staff post and everything needed to cost one full-time
// post of it (docs/METHOD.md §2).
type Role struct {
	Name  string
	Pos   Position
	Texts Texts
	In    Inputs
}

// A Service is one service as defined at scenario level, or a municipality's
// overrides of it (only the keys it writes).
type Service struct {
	Name     string
	Pos      Position
	Texts    Texts
	Flags    Flags
	In       Inputs
	Staff    map[string]*Line
	Costs    map[string]*Line
	Capital  map[string]*Line
	Caseload map[string]*Line
}

// Kind returns the service's kind as written.
func (s *Service) Kind() string { return s.Texts["kind"].S }

// Provided reports whether the service is provided (where it applies: at
// scenario level, or in a municipality for an effective service).
func (s *Service) Provided() bool {
	if f, ok := s.Flags["provided"]; ok && f.Set {
		return f.B
	}
	return true
}

// ProvidedIn reports whether the service is provided in municipality m: the
// municipality's provided flag for it if it writes one, else the service's.
// It is Effective(m).Provided() without building the effective service.
func (s *Service) ProvidedIn(m *Municipality) bool {
	if m != nil {
		if o := m.Services[s.Name]; o != nil {
			if f, ok := o.Flags["provided"]; ok && f.Set {
				return f.B
			}
		}
	}
	return s.Provided()
}

// Table returns the schema of the service's kind, or nil for an unknown kind.
func (s *Service) Table() *Table { return ServiceTables[s.Kind()] }

// An Overhead is a central cost shared among services (OverheadTable).
type Overhead struct {
	Name     string
	Pos      Position
	Texts    Texts
	In       Inputs
	Services []Text // the services that share it, in the order written
}

// A Line is a named sub-table of a service: a staff line, a cost line or a
// caseload category.
type Line struct {
	Name  string
	Pos   Position
	Texts Texts
	In    Inputs
}

// A Municipality is where services are delivered: its population, its own
// values of parameters, and its own volumes and overrides of services.
type Municipality struct {
	Name       string
	Pos        Position
	Texts      Texts
	In         Inputs
	Parameters map[string]*Parameter
	Services   map[string]*Service
}

// Title returns the display name of the municipality, in every language.
func (m *Municipality) Title() Phrase {
	if t := m.Texts["title"]; t.Set {
		return t.Phrase()
	}
	return P(m.Name)
}

// Sorted returns the keys of a map in order: names are the stable order of
// every report.
func Sorted[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Effective returns the service as it applies in municipality m: the
// scenario's definition with the municipality's overrides laid over it key by
// key (and line by line, and key by key inside a line). Where m overrides
// nothing it is the definition itself; either way, do not modify it.
func (s *Service) Effective(m *Municipality) *Service {
	if m == nil || m.Services[s.Name] == nil {
		return s
	}
	e := &Service{Name: s.Name, Pos: s.Pos, Texts: Texts{}, Flags: Flags{}, In: Inputs{}}
	overlayServices(map[string]*Service{s.Name: e}, map[string]*Service{s.Name: s})
	if m != nil {
		if o, ok := m.Services[s.Name]; ok {
			overlayServices(map[string]*Service{s.Name: e}, map[string]*Service{s.Name: o})
		}
	}
	// A municipality cannot change a service's kind (validation says so);
	// the definition's kind decides the schema.
	if k, ok := s.Texts["kind"]; ok {
		e.Texts["kind"] = k
	} else {
		delete(e.Texts, "kind")
	}
	return e
}

// overlayMaps copies every set value of src into dst (and of over, if given).
// A Text given per language is laid over the text it replaces (Text.Over).
func overlayMaps[V interface{ isSet() bool }](dst, src, over map[string]V) {
	for _, m := range []map[string]V{src, over} {
		for k, v := range m {
			if !v.isSet() {
				continue
			}
			if t, ok := any(v).(Text); ok {
				if b, ok := any(dst[k]).(Text); ok {
					v = any(t.Over(b)).(V)
				}
			}
			dst[k] = v
		}
	}
}

func (i Input) isSet() bool { return i.Set }
func (t Text) isSet() bool  { return t.Set }

// overlayLines merges two sets of named lines, the second over the first.
func overlayLines(base, over map[string]*Line) map[string]*Line {
	out := map[string]*Line{}
	for _, src := range []map[string]*Line{base, over} {
		for name, l := range src {
			e, ok := out[name]
			if !ok {
				e = &Line{Name: name, Pos: l.Pos, Texts: Texts{}, In: Inputs{}}
				out[name] = e
			}
			overlayMaps(e.Texts, l.Texts, nil)
			overlayMaps(e.In, l.In, nil)
		}
	}
	return out
}

// Parameter returns the parameter name as it applies in municipality m: the
// municipality's own value if it sets one, else the scenario's.
func (sc *Scenario) Parameter(m *Municipality, name string) (*Parameter, bool) {
	if m != nil {
		if p, ok := m.Parameters[name]; ok {
			return p, true
		}
	}
	p, ok := sc.Parameters[name]
	return p, ok
}

// ServiceNames returns the scenario's service names in report order: by
// their kind's Order (the Centre for Social Work that manages cases first,
// then family-based care, then day services, then the rest), then by name.
func (sc *Scenario) ServiceNames() []string {
	names := Sorted(sc.Services)
	rank := func(n string) int {
		if t := sc.Services[n].Table(); t != nil && t.Order > 0 {
			return t.Order
		}
		return math.MaxInt
	}
	sort.SliceStable(names, func(i, j int) bool { return rank(names[i]) < rank(names[j]) })
	return names
}
