package models

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Currencies maps the ISO 4217 codes kosto accepts to the number of decimals
// money is rounded to. EUR is rounded to the cent. ALL is rounded to the whole
// lek: the qindarka has not circulated for decades and Albanian budget laws
// state amounts in lek (ISO 4217 still lists two minor digits).
var Currencies = map[string]int32{"EUR": 2, "ALL": 0, "USD": 2, "MKD": 2}

// Languages are the languages reports can be written in: English,
// Albanian and Serbian (Latin script), Kosovo's two official languages and
// English. The first is the default.
var Languages = []string{"en", "sq", "sr"}

// Validate checks the whole scenario and returns every problem found, sorted
// by file and line, or nil.
func (sc *Scenario) Validate() error {
	v := &validator{sc: sc, reported: map[string]bool{}, used: map[string]bool{}, moves: map[string]Text{}}
	v.meta()
	for _, name := range Sorted(sc.Parameters) {
		v.parameter(sc.Parameters[name])
	}
	for _, name := range Sorted(sc.Roles) {
		v.role(sc.Roles[name], nil)
	}
	for _, name := range Sorted(sc.Services) {
		v.serviceKind(sc.Services[name])
	}
	if len(sc.Municipalities) == 0 {
		v.ps.Add(Position{File: v.file(), Key: "municipalities"}, "", "missing: a scenario costs services in at least one municipality; add a [municipalities.NAME] table")
	}
	for _, name := range Sorted(sc.Municipalities) {
		v.municipality(sc.Municipalities[name])
	}
	for _, name := range Sorted(sc.Overheads) {
		v.overhead(sc.Overheads[name])
	}
	v.projection()
	v.recruitment()
	v.ps = append(v.ps, UncertaintyProblems(sc.Uncertainty, sc.rangedName)...)
	if sc.Classification != nil {
		pos := sc.Meta.Classification.Pos
		if pos.Key == "" {
			pos = Position{File: v.file(), Key: "classification"}
		}
		v.ps = append(v.ps, sc.Classification.Validate(pos)...)
	}
	return v.ps.Err()
}

// Warnings lists what is allowed but worth a reader's attention: the
// scenario's notices, parameters with neither a source nor an assumption, and
// parameters nothing uses.
func (sc *Scenario) Warnings() Problems {
	ws := append(Problems(nil), sc.Notices...)
	used := sc.usedParameters()
	check := func(p *Parameter, where string) {
		if !p.Input.Known() {
			ws.Add(p.Input.Pos, "", "parameter %s has neither a source nor an assumption; say where the value comes from", where)
		}
		if !used[p.Name] {
			ws.Add(p.Input.Pos, "", "parameter %s is defined but nothing uses it", where)
		}
	}
	for _, n := range Sorted(sc.Parameters) {
		check(sc.Parameters[n], n)
	}
	for _, mn := range Sorted(sc.Municipalities) {
		m := sc.Municipalities[mn]
		for _, n := range Sorted(m.Parameters) {
			check(m.Parameters[n], mn+"."+n)
		}
	}
	ws = append(ws, sc.copiedVolumes()...)
	ws = append(ws, sc.unshared()...)
	ws.Sort()
	return ws
}

// copiedVolumes warns of municipalities that give a service none of its
// volumes — children, places, families, cases, visits, beneficiaries — in a
// scenario of two or more: each then costs exactly the scenario's, which is
// what a municipality added without values of its own silently does. One
// warning a service names every such municipality.
func (sc *Scenario) copiedVolumes() Problems {
	var ws Problems
	if len(sc.Municipalities) < 2 {
		return nil // the scenario's values are its one municipality's
	}
	for _, sn := range sc.ServiceNames() {
		def := sc.Services[sn]
		t := def.Table()
		if t == nil {
			continue
		}
		var copiers []string
		var copied []string
		for _, mn := range Sorted(sc.Municipalities) {
			m := sc.Municipalities[mn]
			if !def.ProvidedIn(m) || sc.ownVolume(m, def) {
				continue
			}
			copiers = append(copiers, mn)
			if copied == nil {
				copied = sc.volumesOf(def, m)
			}
		}
		if len(copiers) == 0 || len(copied) == 0 {
			continue
		}
		if len(copied) > 3 {
			copied = append(copied[:3], fmt.Sprintf("and %d more", len(copied)-3))
		}
		who, verb, each := copiers[0], "gives", "it costs"
		if len(copiers) > 1 {
			names := copiers
			if len(names) > 4 {
				names = append(append([]string{}, names[:3]...), fmt.Sprintf("%d more municipalities", len(copiers)-3))
			}
			who, verb, each = joinAnd(names), "give", "each costs"
		}
		where := "municipalities." + copiers[0]
		if len(copiers) > 1 {
			where = "municipalities.NAME"
		}
		ws.Add(Position{File: def.Pos.File, Line: def.Pos.Line, Key: "services." + sn}, "",
			"%s %s it no volumes of its own, so %s the scenario's (%s); give them under [%s.services.%s], or provided = false there if it has no such service",
			who, verb, each, strings.Join(copied, ", "), where, sn)
	}
	return ws
}

// unshared warns of a central cost that no service shares in a
// municipality — none of its services is provided there — and so is not
// budgeted there.
func (sc *Scenario) unshared() Problems {
	var ws Problems
	for _, on := range Sorted(sc.Overheads) {
		o := sc.Overheads[on]
		var names, none []string
		for _, t := range o.Services {
			names = append(names, t.S)
		}
		for _, mn := range Sorted(sc.Municipalities) {
			shared := false
			for _, n := range names {
				if s := sc.Services[n]; s != nil && s.ProvidedIn(sc.Municipalities[mn]) {
					shared = true
				}
			}
			if !shared {
				none = append(none, mn)
			}
		}
		if len(none) > 0 && len(names) > 0 {
			ws.Add(Position{File: o.Pos.File, Line: o.Pos.Line, Key: "overheads." + on}, "",
				"none of the services that share it (%s) is provided in %s, so it is not budgeted there", strings.Join(names, ", "), joinAnd(none))
		}
	}
	return ws
}

// ownVolume reports whether municipality m gives service def a volume of its
// own: in its table of the service (or of a caseload category), or through a
// parameter it overrides that a volume names.
func (sc *Scenario) ownVolume(m *Municipality, def *Service) bool {
	t := def.Table()
	volume := func(key string) bool { return UprateClasses[key] == UprateVolume }
	if o := m.Services[def.Name]; o != nil {
		for k, i := range o.In {
			if i.Set && volume(k) {
				return true
			}
		}
		for _, l := range o.Caseload {
			if l.In["cases"].Set {
				return true
			}
		}
	}
	for _, f := range t.Numbers {
		if i := def.In[f.Key]; volume(f.Key) && i.Ref != "" && m.Parameters[i.Ref] != nil {
			return true
		}
	}
	for _, l := range def.Caseload {
		if i := l.In["cases"]; i.Ref != "" && m.Parameters[i.Ref] != nil {
			return true
		}
	}
	return false
}

// volumesOf lists the volumes service def writes, as a message quotes them.
func (sc *Scenario) volumesOf(def *Service, m *Municipality) []string {
	var out []string
	for _, f := range def.Table().Numbers {
		if i, ok := def.In[f.Key]; ok && i.Set && UprateClasses[f.Key] == UprateVolume {
			out = append(out, f.Key+" = "+sc.shown(i, m))
		}
	}
	for _, cn := range Sorted(def.Caseload) {
		if i, ok := def.Caseload[cn].In["cases"]; ok && i.Set {
			out = append(out, "caseload."+cn+".cases = "+sc.shown(i, m))
		}
	}
	return out
}

// shown is a value as a message quotes it: the literal, or the parameter it
// names with the parameter's value.
func (sc *Scenario) shown(i Input, m *Municipality) string {
	if i.Ref == "" {
		return i.Value.String()
	}
	if p, ok := sc.Parameter(m, i.Ref); ok && p.Input.Ref == "" {
		return i.Ref + " = " + p.Input.Value.String()
	}
	return i.Ref
}

func (sc *Scenario) usedParameters() map[string]bool {
	used := map[string]bool{}
	mark := func(in Inputs) {
		for _, i := range in {
			if i.Ref != "" {
				used[i.Ref] = true
			}
		}
	}
	for _, r := range sc.Roles {
		mark(r.In)
	}
	for _, o := range sc.Overheads {
		mark(o.In)
	}
	for _, f := range sc.Recruitment {
		mark(f.In)
		for _, st := range f.Stages {
			mark(st.In)
		}
	}
	services := []map[string]*Service{sc.Services}
	for _, m := range sc.Municipalities {
		mark(m.In)
		services = append(services, m.Services)
	}
	for _, ss := range services {
		for _, s := range ss {
			mark(s.In)
			for _, ls := range []map[string]*Line{s.Staff, s.Costs, s.Capital, s.Caseload} {
				for _, l := range ls {
					mark(l.In)
				}
			}
		}
	}
	return used
}

type validator struct {
	sc       *Scenario
	ps       Problems
	reported map[string]bool
	used     map[string]bool
	moves    map[string]Text // parameter (as it applies in a municipality) → the first uprate rule a use of it states
}

func (v *validator) file() string {
	if len(v.sc.Files) > 0 {
		return v.sc.Files[len(v.sc.Files)-1]
	}
	return ""
}

// missing is the position of key, which the table written at "at" lacks:
// the table's file and line, so that the reader sees where to add it.
func (v *validator) missing(at Position, key string) Position {
	if at.File == "" {
		return Position{File: v.file(), Key: key}
	}
	return Position{File: at.File, Line: at.Line, Key: key}
}

func (v *validator) add(pos Position, value, format string, args ...any) {
	p := Problem{Pos: pos, Value: value, Expected: fmt.Sprintf(format, args...)}
	key := p.Error()
	if v.reported[key] {
		return
	}
	v.reported[key] = true
	v.ps = append(v.ps, p)
}

func (v *validator) meta() {
	m := v.sc.Meta
	at := func(t Text, key string) Position {
		if t.Pos.Key != "" {
			return t.Pos
		}
		return v.missing(m.Pos, "scenario."+key)
	}
	switch {
	case !m.Name.Set:
		v.add(at(m.Name, "name"), "", "missing: the scenario's name (lower-case letters, digits and _)")
	case !ValidName(m.Name.S):
		v.add(at(m.Name, "name"), quote(m.Name.S), "expected a name of lower-case letters, digits and _, starting with a letter")
	}
	if !m.Currency.Set {
		v.add(at(m.Currency, "currency"), "", "missing: the ISO 4217 currency code of every amount (%s)", list(sortedKeys(Currencies)))
	} else if _, ok := Currencies[m.Currency.S]; !ok {
		v.add(at(m.Currency, "currency"), quote(m.Currency.S), "expected an ISO 4217 currency code kosto knows: %s", list(sortedKeys(Currencies)))
	}
	if !m.Country.Set {
		v.add(at(m.Country, "country"), "", "missing: the ISO 3166 country code (\"XK\" for Kosovo, \"AL\" for Albania)")
	} else if len(m.Country.S) != 2 || strings.ToUpper(m.Country.S) != m.Country.S {
		v.add(at(m.Country, "country"), quote(m.Country.S), "expected a two-letter upper-case ISO 3166 country code (\"XK\" for Kosovo, \"AL\" for Albania)")
	}
	if m.Language.Set && !contains(Languages, m.Language.S) {
		v.add(at(m.Language, "language"), quote(m.Language.S), "expected one of %s", list(Languages))
	}
	by := m.BaseYear
	if !by.Set {
		v.add(v.missing(m.Pos, "scenario.base_year"), "", "missing: the year the scenario's figures are for")
	} else if _, ok := v.sc.baseYear(); !ok {
		v.add(by.Pos, by.Raw, "expected a year from %d to %d, written as a whole number", MinYear, MaxYear)
	}
}

func (v *validator) parameter(p *Parameter) {
	pos := p.Input.Pos
	if !ValidName(p.Name) {
		v.add(pos, quote(p.Name), "expected a parameter name of lower-case letters, digits and _, starting with a letter")
	}
	if !p.Input.Set {
		v.add(pos, "", "missing: the parameter's value")
	} else if p.Input.Ref != "" {
		v.add(pos, p.Input.Raw, "expected a number: a parameter's value cannot be the name of another parameter")
	}
	if p.Input.Uprate.Set {
		v.rule(p.Input.Uprate, true)
	}
	if p.Input.Set && p.Input.Ref == "" && isMoneyUnit(p.Input.Unit, v.sc.Meta.Currency.S) {
		// A parameter whose unit names the currency is money wherever it
		// is used, or if nothing uses it yet.
		v.value(p.Input, Spec{Kind: Money}, "")
	}
}

// isMoneyUnit reports whether a unit such as "EUR/month" names the currency.
func isMoneyUnit(unit, currency string) bool {
	if currency == "" || !strings.HasPrefix(unit, currency) {
		return false
	}
	rest := unit[len(currency):]
	return rest == "" || rest[0] == '/' || rest[0] == ' '
}

// check validates one numeric field of a table as it applies in municipality m.
func (v *validator) check(t *Table, in Inputs, key string, at Position, prefix string, m *Municipality) {
	f, ok := t.Number(key)
	if !ok {
		return
	}
	i, set := in[key]
	if !set || !i.Set {
		if f.Required {
			v.add(v.missing(at, prefix+key), "", "missing: %s (%s)", f.Doc, describe(f.Spec))
		}
		return
	}
	v.resolve(i, f.Spec, m)
}

// resolve checks an input against its spec, following a reference to the
// parameter it names (the municipality's own value first).
func (v *validator) resolve(i Input, spec Spec, m *Municipality) {
	if i.Uprate.Set {
		v.rule(i.Uprate, true)
		v.movesAs(i.Uprate, spec, i.Pos.Key)
	}
	if i.Ref == "" {
		v.value(i, spec, "")
		return
	}
	p, ok := v.sc.Parameter(m, i.Ref)
	if !ok {
		msg := "refers to parameter %q, which is not defined in [parameters]"
		if s := Suggest(i.Ref, v.parameterNames(m)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		v.add(i.Pos, i.Raw, msg, i.Ref)
		return
	}
	if !p.Input.Set || p.Input.Ref != "" {
		return // reported at the parameter
	}
	v.value(p.Input, spec, i.Pos.Key)
	if p.Input.Uprate.Set {
		v.movesAs(p.Input.Uprate, spec, i.Pos.Key)
	}
	if i.Uprate.Set {
		v.oneMove(p, i, m)
	}
}

// oneMove checks that a use naming a parameter with its own uprate rule
// agrees with every other rule given for that parameter: a parameter is one
// value, moved one way by a projection — the rule its table states, or the
// one its uses state.
func (v *validator) oneMove(p *Parameter, use Input, m *Municipality) {
	key := p.Name
	if m != nil && m.Parameters[p.Name] == p {
		key = m.Name + "." + p.Name
	}
	first, seen := v.moves[key]
	if own := p.Input.Uprate; own.Set {
		first, seen = own, true
	}
	switch {
	case !seen:
		v.moves[key] = use.Uprate
	case first.S != use.Uprate.S:
		v.add(use.Uprate.Pos, quote(use.Uprate.S), "parameter %s already moves by %q (%s); a parameter is moved one way: state the rule once, on the parameter, or give this value a parameter of its own", p.Name, first.S, first.Pos)
	}
}

func (v *validator) parameterNames(m *Municipality) []string {
	names := Sorted(v.sc.Parameters)
	if m != nil {
		names = append(names, Sorted(m.Parameters)...)
	}
	return names
}

// value checks a literal against a spec. usedBy names the field that refers
// to it, when the literal is a parameter's value. The first problem found is
// the one reported.
func (v *validator) value(i Input, spec Spec, usedBy string) {
	msg := v.kindProblem(i, spec)
	if msg == "" {
		msg = boundsProblem(i.Value, spec)
	}
	if msg == "" {
		v.rangeOf(i, spec)
		return
	}
	if usedBy != "" {
		msg += " (used by " + usedBy + ")"
	}
	v.add(i.Pos, i.Raw, "%s", msg)
}

// rangedName reports whether name can be an input of a correlation: a
// parameter, or a value's key path. Whether it has a range — its own, or
// one from a ranges file — the uncertainty analysis checks against the
// graph.
func (sc *Scenario) rangedName(name string) bool {
	_, ok := sc.Parameters[name]
	return ok || strings.Contains(name, ".")
}

// rangeOf checks a valid value's range, as the value is checked; each
// problem once, however many keys use the parameter it belongs to.
func (v *validator) rangeOf(i Input, spec Spec) {
	for _, p := range RangeProblems(i.Range, i.Value, spec, v.sc.Meta.Currency.S) {
		v.add(p.Pos, p.Value, "%s", p.Expected)
	}
}

// kindProblem says what is wrong with a literal for its kind — money, a
// share, a rate, a quantity — or "".
func (v *validator) kindProblem(i Input, spec Spec) string {
	d := i.Value
	switch spec.Kind {
	case Money:
		cur, known := Currencies[v.sc.Meta.Currency.S]
		switch {
		case i.Float:
			return fmt.Sprintf("expected an amount in quotes (%s) or a whole number: a number with decimals written without quotes can silently lose digits", moneyHint(i.Raw))
		case d.IsNegative():
			return "expected an amount of zero or more"
		case known && -d.Exponent() > cur && !d.Equal(d.Round(cur)):
			return fmt.Sprintf("expected an amount with at most %d decimals in %s", cur, v.sc.Meta.Currency.S)
		}
	case Share:
		if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(1)) {
			return "expected a share from 0 to 1 (write 5% as 0.05)"
		}
	case Rate:
		switch {
		case d.LessThanOrEqual(decimal.NewFromInt(-1)):
			return "expected a growth rate above −1 (−0.02 is a 2% fall; −1 would be a fall to nothing)"
		case d.GreaterThan(decimal.NewFromInt(1)):
			return "expected a growth rate of at most 1 (100% a year): 5% is written 0.05, and a larger rate is more likely a typo than a forecast"
		}
	case Quantity:
		if d.IsNegative() && !spec.Positive {
			return "expected a number of zero or more"
		}
	}
	return ""
}

// boundsProblem says what is wrong with a number for its spec's bounds —
// above zero, whole, at most Max — or "".
func boundsProblem(d decimal.Decimal, spec Spec) string {
	max := decimal.NewFromInt(spec.Max)
	switch {
	case spec.Whole && spec.Positive && spec.Max > 0 && (d.Sign() <= 0 || !d.IsInteger() || d.GreaterThan(max)):
		return fmt.Sprintf("expected a whole number from 1 to %d", spec.Max)
	case spec.Positive && d.Sign() <= 0:
		return "expected a number greater than zero (it divides other figures)"
	case spec.Whole && !d.IsInteger():
		return "expected a whole number"
	case spec.Max > 0 && d.GreaterThan(max):
		return fmt.Sprintf("expected a number no greater than %d", spec.Max)
	}
	return ""
}

func (v *validator) texts(t *Table, tx Texts, at Position, prefix string) {
	for _, f := range t.Texts {
		x, ok := tx[f.Key]
		if !ok || !x.Set {
			if f.Required {
				v.add(v.missing(at, prefix+f.Key), "", "missing: %s", textDoc(f))
			}
			continue
		}
		if f.Choices != nil && !contains(f.Choices, x.S) {
			msg := "expected one of " + list(f.Choices)
			if s := Suggest(x.S, f.Choices); s != "" {
				msg = fmt.Sprintf("did you mean %q? expected one of %s", s, list(f.Choices))
			}
			v.add(x.Pos, quote(x.S), "%s", msg)
		}
		switch f.RefersTo {
		case "role":
			if _, ok := v.sc.Roles[x.S]; !ok {
				msg := "refers to role %q, which is not defined in [roles]"
				if s := Suggest(x.S, Sorted(v.sc.Roles)); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				v.add(x.Pos, quote(x.S), msg, x.S)
			}
		case "service":
			s, ok := v.sc.Services[x.S]
			switch {
			case !ok:
				msg := "refers to service %q, which is not defined in [services]"
				if sg := Suggest(x.S, Sorted(v.sc.Services)); sg != "" {
					msg += fmt.Sprintf("; did you mean %q?", sg)
				}
				v.add(x.Pos, quote(x.S), msg, x.S)
			case t != TransitionTable && s.Table() != nil && !s.Table().ManagesCases:
				// A [transition] checks the kinds of its services itself.
				v.add(x.Pos, quote(x.S), "expected a service of kind %s; %s is a %s service", orList(KindsWith(func(t *Table) bool { return t.ManagesCases })), x.S, s.Kind())
			}
		}
	}
}

func (v *validator) role(r *Role, m *Municipality) {
	prefix := "roles." + r.Name + "."
	if m == nil && !ValidName(r.Name) {
		v.add(r.Pos, quote(r.Name), "expected a role name of lower-case letters, digits and _, starting with a letter")
	}
	v.texts(RoleTable, r.Texts, r.Pos, prefix)
	for _, f := range RoleTable.Numbers {
		v.check(RoleTable, r.In, f.Key, r.Pos, prefix, m)
	}
	// That the weeks left for work are more than zero is checked on the
	// figure the engine computes (costing.Result.Check).
}

// number returns the value of a field as it applies in m, or zero when it
// cannot be resolved (the problem is reported elsewhere).
func (v *validator) number(t *Table, in Inputs, key string, m *Municipality) decimal.Decimal {
	i := in.Get(t, key)
	if i.Ref == "" {
		return i.Value
	}
	if p, ok := v.sc.Parameter(m, i.Ref); ok && p.Input.Ref == "" {
		return p.Input.Value
	}
	return decimal.Zero
}

// serviceKind checks what does not depend on a municipality: the service's
// name and kind, and that it only uses keys its kind has.
func (v *validator) serviceKind(s *Service) {
	prefix := "services." + s.Name + "."
	if !ValidName(s.Name) {
		v.add(s.Pos, quote(s.Name), "expected a service name of lower-case letters, digits and _, starting with a letter")
	} else if contains(MunicipalityFigures, s.Name) {
		v.add(s.Pos, quote(s.Name), "expected another name: kosto names figures of each municipality MUNICIPALITY.%s.…, and the service's would clash with them or be taken for them; call it, say, %q, and give its name as written in title", s.Name, s.Name+"_service")
	}
	kind, ok := s.Texts["kind"]
	switch {
	case !ok || !kind.Set:
		v.add(Position{File: s.Pos.File, Line: s.Pos.Line, Key: prefix + "kind"}, "", "missing: the service's kind, one of %s", list(ServiceKinds))
		return
	case ServiceTables[kind.S] == nil:
		msg := "expected one of " + list(ServiceKinds)
		if sg := Suggest(kind.S, ServiceKinds); sg != "" {
			msg = fmt.Sprintf("did you mean %q? expected one of %s", sg, list(ServiceKinds))
		}
		v.add(kind.Pos, quote(kind.S), "%s", msg)
		return
	}
	v.kindKeys(s, s, prefix)
	for _, m := range v.sc.Municipalities {
		if o, ok := m.Services[s.Name]; ok {
			v.kindKeys(s, o, "municipalities."+m.Name+".services."+s.Name+".")
		}
	}
}

// kindKeys reports keys that the service's kind does not have (the decoder
// accepted them because some other kind has them).
func (v *validator) kindKeys(def, s *Service, prefix string) {
	t := def.Table()
	where := func(pos Position, key string) Position {
		if pos.Key != "" {
			return pos
		}
		return Position{File: s.Pos.File, Line: s.Pos.Line, Key: prefix + key}
	}
	for k, i := range s.In {
		if _, ok := t.Number(k); !ok && i.Set {
			v.add(where(i.Pos, k), "", "a %s has no key %q%s", t.Name, k, suggestion(k, t.Keys()))
		}
	}
	for k, x := range s.Texts {
		if _, ok := t.Text(k); !ok && x.Set {
			v.add(where(x.Pos, k), "", "a %s has no key %q%s", t.Name, k, suggestion(k, t.Keys()))
		}
		if k == "kind" && s != def && x.Set && x.S != def.Kind() {
			v.add(x.Pos, quote(x.S), "a municipality cannot change a service's kind (it is %s)", def.Kind())
		}
	}
	for key, lines := range map[string]map[string]*Line{"staff": s.Staff, "costs": s.Costs, "capital": s.Capital, "caseload": s.Caseload} {
		if len(lines) > 0 && !contains(t.Tables, key) {
			// Point at the sub-table's first line, not at the service.
			var first Position
			for _, name := range Sorted(lines) {
				if p := lines[name].Pos; first.File == "" || p.Line < first.Line {
					first = p
				}
			}
			pos := Position{File: first.File, Line: first.Line, Key: prefix + key}
			if pos.File == "" {
				pos = where(Position{}, key)
			}
			v.add(pos, "", "a %s has no %s table%s", t.Name, key, suggestion(key, t.Keys()))
		}
	}
}

func (v *validator) municipality(m *Municipality) {
	prefix := "municipalities." + m.Name + "."
	if !ValidName(m.Name) {
		v.add(m.Pos, quote(m.Name), "expected a municipality name of lower-case letters, digits and _, starting with a letter")
	} else if contains(FigureRoots, m.Name) {
		v.add(m.Pos, quote(m.Name), "expected another name: kosto names figures of its own %s.…, and a municipality's would clash with them; call it, say, %q, and give its name as written in title", m.Name, m.Name+"_m")
	}
	v.texts(MunicipalityTable, m.Texts, m.Pos, prefix)
	for _, f := range MunicipalityTable.Numbers {
		v.check(MunicipalityTable, m.In, f.Key, m.Pos, prefix, m)
	}
	for _, name := range Sorted(m.Parameters) {
		p := m.Parameters[name]
		if _, ok := v.sc.Parameters[name]; !ok {
			msg := "overrides parameter %q, which the scenario does not define in [parameters]"
			if s := Suggest(name, Sorted(v.sc.Parameters)); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			v.add(p.Input.Pos, "", msg, name)
		}
		v.parameter(p)
	}
	for _, name := range Sorted(m.Services) {
		if _, ok := v.sc.Services[name]; !ok {
			msg := "sets values for service %q, which the scenario does not define in [services]"
			if s := Suggest(name, Sorted(v.sc.Services)); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			v.add(m.Services[name].Pos, "", msg, name)
		}
	}
	// Roles whose inputs the municipality overrides are checked again with
	// its values.
	if len(m.Parameters) > 0 {
		for _, rn := range Sorted(v.sc.Roles) {
			r := v.sc.Roles[rn]
			for _, i := range r.In {
				if _, ok := m.Parameters[i.Ref]; ok && i.Ref != "" {
					v.role(r, m)
					break
				}
			}
		}
	}
	for _, sn := range Sorted(v.sc.Services) {
		def := v.sc.Services[sn]
		if def.Table() == nil {
			continue
		}
		v.service(def.Effective(m), m)
	}
}

// service checks a service as it applies in municipality m.
func (v *validator) service(s *Service, m *Municipality) {
	if !s.Provided() {
		return // not costed in this municipality, so nothing it lacks matters
	}
	t := s.Table()
	prefix, at := "services."+s.Name+".", s.Pos
	if o, ok := m.Services[s.Name]; ok && o != nil {
		prefix, at = "municipalities."+m.Name+".services."+s.Name+".", o.Pos
	}
	v.caseWorker(s, t)
	for _, f := range t.Texts {
		if f.Key == "kind" {
			continue
		}
		v.texts(&Table{Name: t.Name, Texts: []TextField{f}}, s.Texts, at, prefix)
	}
	for _, f := range t.Numbers {
		v.check(t, s.In, f.Key, at, prefix, m)
	}
	v.serviceLines(s, t, prefix, m)
	v.occupancy(s, t, m)
}

// caseWorker refuses what prices a case worker's time when no case worker
// is named.
func (v *validator) caseWorker(s *Service, t *Table) {
	if _, priced := t.Text("case_worker"); !priced || s.Texts["case_worker"].Set {
		return
	}
	for _, k := range []string{"client_hours_per_child_year", "case_management_funded_by"} {
		pos := s.In[k].Pos
		if !s.In[k].Set {
			pos = s.Texts[k].Pos
		}
		if s.In[k].Set || s.Texts[k].Set {
			v.add(pos, "", "%s needs case_worker: the role whose time it prices", k)
		}
	}
}

// serviceLines checks a service's caseload categories, cost lines, capital
// items and staff lines against their tables. A sub-table the kind does not
// have is reported by kindKeys; its lines are not checked against a schema
// that does not apply.
func (v *validator) serviceLines(s *Service, t *Table, prefix string, m *Municipality) {
	has := func(key string) bool { return contains(t.Tables, key) }
	for _, name := range Sorted(s.Caseload) {
		if has("caseload") {
			v.line(CaseloadTable, s.Caseload[name], prefix+"caseload."+name+".", m)
		}
	}
	for _, name := range Sorted(s.Costs) {
		if has("costs") {
			l := s.Costs[name]
			v.line(CostTable, l, prefix+"costs."+name+".", m)
			v.per(s, t, l.Texts.Get(CostTable, "per"), t.Bases())
		}
	}
	capitalBases := []string{PerYear}
	if _, ok := t.Measure("unit"); ok {
		capitalBases = append(capitalBases, "unit")
	}
	for _, name := range Sorted(s.Capital) {
		if has("capital") {
			l := s.Capital[name]
			v.line(CapitalTable, l, prefix+"capital."+name+".", m)
			v.per(s, t, l.Texts.Get(CapitalTable, "per"), capitalBases)
		}
	}
	for _, name := range Sorted(s.Staff) {
		if has("staff") {
			v.staff(s, s.Staff[name], prefix+"staff."+name+".", m)
		}
	}
}

// occupancy refuses more children, or more units, than a residential
// service has beds, as its inputs state them in municipality m.
func (v *validator) occupancy(s *Service, t *Table, m *Municipality) {
	if t.Measures == nil || !s.In.Has("capacity") || !s.In.Has("children") {
		return
	}
	capacity, children := v.number(t, s.In, "capacity", m), v.number(t, s.In, "children", m)
	if capacity.Sign() <= 0 {
		return // refused as capacity
	}
	if children.GreaterThan(capacity) {
		i := s.In["children"]
		v.add(i.Pos, i.Raw, "expected no more children than the capacity (%s): occupancy cannot exceed capacity", capacity)
	}
	if units := v.number(t, s.In, "units", m); s.In.Has("units") && units.GreaterThan(capacity) {
		i := s.In["units"]
		v.add(i.Pos, i.Raw, "expected no more units than the capacity (%s): a unit has at least one bed", capacity)
	}
}

// per checks what a cost line or capital item is per: one of bases, and a
// basis the service has a volume for.
func (v *validator) per(s *Service, t *Table, per Text, bases []string) {
	if !per.Set {
		return
	}
	if !contains(bases, per.S) {
		msg := "a " + t.Name + "'s lines can be per " + list(bases)
		if sg := Suggest(per.S, bases); sg != "" {
			msg = fmt.Sprintf("did you mean %q? %s", sg, msg)
		}
		v.add(per.Pos, quote(per.S), "%s", msg)
		return
	}
	if m, ok := t.Measure(per.S); ok {
		if contains(m.Factors, "caseload") && len(s.Caseload) == 0 {
			v.add(per.Pos, quote(per.S), "a cost per %s needs the service's [caseload] table, which is empty", per.S)
		}
		// A measure of an optional key that is not written has no volume.
		for _, f := range m.Factors {
			if fld, ok := t.Number(f); ok && !fld.Required && fld.Default == "" && !s.In.Has(f) {
				v.add(per.Pos, quote(per.S), "a cost per %s needs the service's %s, which is not written", per.S, f)
			}
		}
	}
	if per.S == PerPost && len(s.Staff) == 0 {
		v.add(per.Pos, quote(per.S), "a cost per post needs the service's [staff] table, which is empty")
	}
}

func (v *validator) line(t *Table, l *Line, prefix string, m *Municipality) {
	if !ValidName(l.Name) {
		v.add(l.Pos, quote(l.Name), "expected a name of lower-case letters, digits and _, starting with a letter")
	}
	v.texts(t, l.Texts, l.Pos, prefix)
	for _, f := range t.Numbers {
		v.check(t, l.In, f.Key, l.Pos, prefix, m)
	}
}

func (v *validator) staff(s *Service, l *Line, prefix string, m *Municipality) {
	v.line(StaffTable, l, prefix, m)
	norm := l.Texts.Get(StaffTable, "norm")
	pos := norm.Pos
	if pos.Key == "" {
		pos = Position{File: l.Pos.File, Line: l.Pos.Line, Key: prefix + "norm"}
	}
	need := func(key, why string) {
		if !l.In.Has(key) {
			v.add(Position{File: l.Pos.File, Line: l.Pos.Line, Key: prefix + key}, "", "missing: %s is needed by norm = %q", why, norm.S)
		}
	}
	switch norm.S {
	case NormPosts:
		need("posts", "the number of posts")
	case NormRatio, NormContinuous:
		t := s.Table()
		if len(t.Ratios) == 0 {
			v.add(pos, quote(norm.S), "norm %q needs a volume to divide, and a %s has none; use \"posts\", \"caseload\", \"population\" or \"time\"", norm.S, t.Name)
			break
		}
		if of := l.Texts["ratio_of"]; of.Set && !contains(t.Ratios, of.S) {
			hint := ""
			if of.S == "capacity" && contains(t.Ratios, "open_places") {
				hint = ` (the beds of closed units need no staff: "open_places" counts the beds of the units open)`
			}
			v.add(of.Pos, quote(of.S), "a %s's staff ratio can be of %s%s", t.Name, list(t.Ratios), hint)
		}
		need("per_post", "what one post is for (places, children or beds per post)")
	case NormCaseload:
		if len(s.Caseload) == 0 {
			v.add(pos, quote(norm.S), "norm %q needs the service's [caseload] table, which is empty", norm.S)
		}
		need("cases_per_worker", "cases per worker")
	case NormPopulation:
		if !m.In.Has("population") {
			v.add(pos, quote(norm.S), "norm %q needs municipalities.%s.population, which is not set", norm.S, m.Name)
		}
		need("inhabitants_per_worker", "inhabitants per worker")
	case NormTime:
		if s.Table().Workload != nil {
			break // the workload is the kind's own (home care: the visits' hours)
		}
		if len(s.Caseload) == 0 {
			v.add(pos, quote(norm.S), "norm %q needs the service's [caseload] table, which is empty", norm.S)
		}
		for _, cn := range Sorted(s.Caseload) {
			c := s.Caseload[cn]
			if !c.In.Has("hours_per_case") {
				v.add(Position{File: c.Pos.File, Line: c.Pos.Line, Key: "caseload." + cn + ".hours_per_case"}, "", "missing: hours per case, needed by %snorm = \"time\"", prefix)
			}
		}
	}
	if s.Texts.Get(s.Table(), "staff_basis").S == BasisCurrent && !l.In.Has("posts") {
		v.add(Position{File: l.Pos.File, Line: l.Pos.Line, Key: prefix + "posts"}, "", "missing: the posts filled now, needed by staff_basis = \"current\"")
	}
}

func describe(s Spec) string {
	switch s.Kind {
	case Money:
		return "an amount"
	case Share:
		return "a share from 0 to 1"
	case Rate:
		return "a growth rate above −1 and at most 1"
	}
	if s.Positive {
		return "a number greater than zero"
	}
	return "a number of zero or more"
}

func textDoc(f TextField) string {
	switch {
	case f.Key == "kind":
		return "the service's kind, one of " + list(ServiceKinds)
	case f.Doc != "":
		return f.Doc
	}
	return f.Key
}

func moneyHint(raw string) string {
	return fmt.Sprintf("%q", raw)
}

func suggestion(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// list joins words in quotes for a message: "a", "b", "c".
func list(xs []string) string { return strings.Join(quoted(xs), ", ") }

func sortedKeys[V any](m map[string]V) []string { return Sorted(m) }

// overhead checks a central cost: its amount and driver, and that every
// service it names exists and has what the driver counts.
func (v *validator) overhead(o *Overhead) {
	prefix := "overheads." + o.Name + "."
	if !ValidName(o.Name) {
		v.add(o.Pos, quote(o.Name), "expected a name of lower-case letters, digits and _, starting with a letter")
	}
	v.texts(OverheadTable, o.Texts, o.Pos, prefix)
	for _, f := range OverheadTable.Numbers {
		v.check(OverheadTable, o.In, f.Key, o.Pos, prefix, nil)
	}
	if len(o.Services) == 0 {
		v.add(Position{File: o.Pos.File, Line: o.Pos.Line, Key: prefix + "services"}, "", "missing: the services that share the cost, e.g. services = [\"qps\", \"foster_care\"]")
	}
	by := o.Texts["by"].S
	seen := map[string]bool{}
	for _, t := range o.Services {
		s, ok := v.sc.Services[t.S]
		switch {
		case !ok:
			v.add(t.Pos, quote(t.S), "refers to service %q, which is not defined in [services]%s", t.S, suggestion(t.S, Sorted(v.sc.Services)))
			continue
		case seen[t.S]:
			v.add(t.Pos, quote(t.S), "names service %q twice", t.S)
		}
		seen[t.S] = true
		tbl := s.Table()
		if tbl == nil {
			continue
		}
		switch by {
		case ByFTE:
			if len(s.Staff) == 0 {
				v.add(t.Pos, quote(t.S), "a cost shared by fte needs services with staff lines, and %s has none; share it by \"cases\" or \"direct_cost\"", t.S)
			}
		case ByCases:
			if !hasCases(s) {
				v.add(t.Pos, quote(t.S), "a cost shared by cases needs services with children, families, places or a caseload, and %s (a %s) has none; share it by \"fte\" or \"direct_cost\"", t.S, s.Kind())
			}
		}
	}
}

// hasCases reports whether a service has a volume a cost can be shared by
// cases (its kind's Cases).
func hasCases(s *Service) bool { return s.Table() != nil && s.Table().Cases != "" }

// orList joins kinds as a message offers them: "a", "a or b", "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
