package models

// Overlay lays a variant over its base, in place: every key the variant
// writes replaces the base's, table by table and key by key. A parameter is
// replaced whole — a new value needs its own source — while roles, services,
// lines and municipalities are merged key by key, so a variant states only
// what changes. This is how a "reform" extends a "status quo".
func (sc *Scenario) Overlay(v *Scenario) {
	sc.overlayMeta(v)
	for name, p := range v.Parameters {
		sc.Parameters[name] = p
	}
	for name, r := range v.Roles {
		if b, ok := sc.Roles[name]; ok {
			overlayMaps(b.Texts, r.Texts, nil)
			overlayMaps(b.In, r.In, nil)
		} else {
			sc.Roles[name] = r
		}
	}
	overlayServices(sc.Services, v.Services)
	sc.overlayOverheads(v)
	sc.overlayMunicipalities(v)
	sc.overlayRecruitment(v)
	sc.overlayYears(v)
	if v.Classification != nil {
		sc.Classification = v.Classification
	}
	sc.Files = append(sc.Files, v.Files...)
}

// overlayMeta lays the variant's [scenario] keys over the base's.
func (sc *Scenario) overlayMeta(v *Scenario) {
	m := &sc.Meta
	for _, p := range []struct{ dst, src *Text }{
		{&m.Name, &v.Meta.Name}, {&m.Title, &v.Meta.Title}, {&m.Country, &v.Meta.Country},
		{&m.Currency, &v.Meta.Currency}, {&m.Language, &v.Meta.Language},
		{&m.Classification, &v.Meta.Classification}, {&m.Description, &v.Meta.Description},
	} {
		if p.src.Set {
			*p.dst = p.src.Over(*p.dst)
		}
	}
	if v.Meta.BaseYear.Set {
		m.BaseYear = v.Meta.BaseYear
	}
	if v.Meta.Pos.File != "" {
		m.Pos = v.Meta.Pos
	}
}

// overlayOverheads merges central costs key by key; a variant's list of
// services that share one replaces the base's.
func (sc *Scenario) overlayOverheads(v *Scenario) {
	for name, o := range v.Overheads {
		b, ok := sc.Overheads[name]
		if !ok {
			if sc.Overheads == nil {
				sc.Overheads = map[string]*Overhead{}
			}
			sc.Overheads[name] = o
			continue
		}
		overlayMaps(b.Texts, o.Texts, nil)
		overlayMaps(b.In, o.In, nil)
		if o.Services != nil {
			b.Services = o.Services
		}
	}
}

// overlayMunicipalities merges municipalities key by key, their parameters
// whole and their services key by key.
func (sc *Scenario) overlayMunicipalities(v *Scenario) {
	for name, mv := range v.Municipalities {
		b, ok := sc.Municipalities[name]
		if !ok {
			sc.Municipalities[name] = mv
			continue
		}
		overlayMaps(b.Texts, mv.Texts, nil)
		overlayMaps(b.In, mv.In, nil)
		for pn, p := range mv.Parameters {
			b.Parameters[pn] = p
		}
		overlayServices(b.Services, mv.Services)
	}
}

// overlayYears lays the variant's projection over the base's key by key;
// its paths and its transition plan replace the base's whole.
func (sc *Scenario) overlayYears(v *Scenario) {
	if v.Projection.Set {
		if !sc.Projection.Set {
			sc.Projection = Projection{Texts: Texts{}, In: Inputs{}}
		}
		sc.Projection.Set, sc.Projection.Pos = true, v.Projection.Pos
		overlayMaps(sc.Projection.Texts, v.Projection.Texts, nil)
		overlayMaps(sc.Projection.In, v.Projection.In, nil)
	}
	for name, p := range v.Paths {
		if sc.Paths == nil {
			sc.Paths = map[string]*Path{}
		}
		sc.Paths[name] = p // a path is replaced whole, like a parameter
	}
	if v.Transition.Set {
		sc.Transition = v.Transition // so is a transition plan
	}
	sc.Uncertainty.Overlay(v.Uncertainty)
}

func overlayServices(base, over map[string]*Service) {
	for name, s := range over {
		b, ok := base[name]
		if !ok {
			base[name] = s
			continue
		}
		overlayMaps(b.Texts, s.Texts, nil)
		if b.Flags == nil {
			b.Flags = Flags{}
		}
		overlayMaps(b.Flags, s.Flags, nil)
		overlayMaps(b.In, s.In, nil)
		b.Staff = overlayLines(b.Staff, s.Staff)
		b.Costs = overlayLines(b.Costs, s.Costs)
		b.Capital = overlayLines(b.Capital, s.Capital)
		b.Caseload = overlayLines(b.Caseload, s.Caseload)
	}
}
