package models

import (
	"fmt"
	"strconv"
)

// Recruiting foster carers is a funnel (docs/METHOD.md §5): people reached by a
// campaign come to information sessions, some apply, fewer are assessed,
// trained and approved. A scenario states the stages in order, the share of
// people entering each stage who go on to the next, and what each stage
// costs; kosto derives how many people each stage must take to approve the
// target number of new carer families, and the cost per approved family.

// RecruitmentTable is the schema of [recruitment.NAME].
var RecruitmentTable = &Table{
	Name: "recruitment funnel",
	Texts: []TextField{
		{Key: "title", Doc: "what the funnel is called in reports"},
	},
	Numbers: []Field{
		{Key: "target", Spec: Spec{Kind: Quantity, Positive: true, Whole: true}, Required: true,
			Doc: "new carer families to approve in the year"},
	},
	Tables: []string{"stages"},
}

// StageTable is the schema of one [[recruitment.NAME.stages]] entry.
var StageTable = &Table{
	Name: "recruitment stage",
	Texts: []TextField{
		{Key: "name", Required: true, Doc: "the stage's name (lower-case letters, digits and _), unique in the funnel; it names the stage's figures"},
		{Key: "title", Doc: "what the stage is called in reports"},
	},
	Numbers: []Field{
		{Key: "conversion", Spec: positiveShr, Required: true,
			Doc: "share of the people entering this stage who go on to the next; for the last stage, the share approved"},
		{Key: "cost_per_person", Spec: money, Doc: "cost of the stage per person entering it"},
		{Key: "fixed_cost", Spec: money, Doc: "cost of running the stage in the year, whatever the number of people"},
		{Key: "available", Spec: qty, Doc: "the most people the stage can take in the year (e.g. how many a campaign can reach); a target that needs more is an error"},
	},
}

// A Funnel is one [recruitment.NAME] table: a target and its ordered stages.
type Funnel struct {
	Name   string
	Pos    Position
	Texts  Texts
	In     Inputs
	Stages []*Stage // in the order written; nil when the file writes none
}

// A Stage is one [[recruitment.NAME.stages]] entry.
type Stage struct {
	Pos   Position // the stage's header, with key "recruitment.NAME.stages[N]"
	Texts Texts
	In    Inputs
}

// Name returns the stage's name as written.
func (s *Stage) Name() string { return s.Texts["name"].S }

// Title returns the funnel's title, or its name.
func (f *Funnel) Title() Phrase {
	if t := f.Texts["title"]; t.Set {
		return t.Phrase()
	}
	return P(f.Name)
}

// Title returns the stage's title, or its name.
func (s *Stage) Title() Phrase {
	if t := s.Texts["title"]; t.Set {
		return t.Phrase()
	}
	return P(s.Name())
}

// StageKey is the key path of stage n (counted from 1) of funnel name, as
// messages write it: recruitment.foster.stages[2].
func StageKey(funnel string, n int) string {
	return "recruitment." + funnel + ".stages[" + strconv.Itoa(n) + "]"
}

// overlayRecruitment lays a variant's funnels over the base's: title and
// target key by key; stages, an ordered list, are replaced whole when the
// variant writes any.
func (sc *Scenario) overlayRecruitment(v *Scenario) {
	for name, f := range v.Recruitment {
		if sc.Recruitment == nil {
			sc.Recruitment = map[string]*Funnel{}
		}
		b, ok := sc.Recruitment[name]
		if !ok {
			sc.Recruitment[name] = f
			continue
		}
		overlayMaps(b.Texts, f.Texts, nil)
		overlayMaps(b.In, f.In, nil)
		if len(f.Stages) > 0 {
			b.Stages = f.Stages
		}
	}
}

// recruitment checks every funnel: a positive whole target, at least one
// stage, each stage named once, and conversion rates above zero.
func (v *validator) recruitment() {
	for _, name := range Sorted(v.sc.Recruitment) {
		f := v.sc.Recruitment[name]
		prefix := "recruitment." + name + "."
		if !ValidName(name) {
			v.add(f.Pos, quote(name), "expected a funnel name of lower-case letters, digits and _, starting with a letter")
		}
		v.texts(RecruitmentTable, f.Texts, f.Pos, prefix)
		for _, fl := range RecruitmentTable.Numbers {
			v.check(RecruitmentTable, f.In, fl.Key, f.Pos, prefix, nil)
		}
		if len(f.Stages) == 0 {
			v.add(v.missing(f.Pos, prefix+"stages"), "", "missing: the funnel's stages, in order; add at least one [[recruitment.%s.stages]] table with name and conversion", name)
			continue
		}
		seen := map[string]int{}
		for i, s := range f.Stages {
			n := i + 1
			sp := StageKey(name, n) + "."
			v.texts(StageTable, s.Texts, s.Pos, sp)
			if x := s.Texts["name"]; x.Set {
				switch first, dup := seen[x.S]; {
				case !ValidName(x.S):
					v.add(x.Pos, quote(x.S), "expected a stage name of lower-case letters, digits and _, starting with a letter")
				case dup:
					v.add(x.Pos, quote(x.S), "stage %d of this funnel is already named %q; expected a name unique in the funnel", first, x.S)
				default:
					seen[x.S] = n
				}
			}
			for _, fl := range StageTable.Numbers {
				if fl.Key == "conversion" && v.zeroConversion(s.In["conversion"]) {
					continue
				}
				v.check(StageTable, s.In, fl.Key, s.Pos, sp, nil)
			}
		}
	}
}

// zeroConversion reports a conversion rate of zero, written or taken from a
// parameter, with the reason it cannot be: the funnel would never approve
// anyone. It reports whether it did.
func (v *validator) zeroConversion(i Input) bool {
	if !i.Set {
		return false
	}
	lit, suffix := i, ""
	if i.Ref != "" {
		p, ok := v.sc.Parameter(nil, i.Ref)
		if !ok || !p.Input.Set || p.Input.Ref != "" {
			return false // reported by check
		}
		lit, suffix = p.Input, " (used by "+i.Pos.Key+")"
	}
	if !lit.Value.IsZero() {
		return false
	}
	v.add(lit.Pos, lit.Raw, "%s", fmt.Sprintf("a conversion rate of zero can never approve anyone; expected a share greater than 0 and at most 1%s", suffix))
	return true
}
