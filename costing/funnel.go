package costing

import (
	"fmt"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A FunnelResult is one foster-carer recruitment funnel costed: how many
// people each stage must take to approve the target number of new carer
// families, what each stage costs, and the cost per approved family.
type FunnelResult struct {
	Name        string
	Title       models.Phrase
	Target      NodeID // new carer families to approve in the year
	Stages      []FunnelStage
	Total       NodeID // the sum of the stages' costs
	PerApproved NodeID // Total ÷ Target
}

// A FunnelStage is one stage of a funnel.
type FunnelStage struct {
	Name          string
	Title         models.Phrase
	Conversion    NodeID // share of the people entering who go on to the next stage
	People        NodeID // people who must enter the stage: a whole number, rounded up
	CostPerPerson NodeID
	FixedCost     NodeID
	Cost          NodeID // People × CostPerPerson + FixedCost
	Available     NodeID // the most people the stage can take; -1 when not given
}

// recruitment costs every funnel of the scenario, in name order. People are
// derived from the last stage back to the first: the last stage must take
// ⌈target ÷ conversion⌉ people, each earlier stage ⌈people of the next ÷
// conversion⌉. Whole people are rounded up at each stage.
func (b *builder) recruitment() {
	cur := b.g.Currency
	for _, name := range models.Sorted(b.sc.Recruitment) {
		f := b.sc.Recruitment[name]
		prefix := "recruitment." + name + "."
		fr := FunnelResult{Name: name, Title: f.Title()}
		fr.Target = b.funnelInput(models.RecruitmentTable, f.In, "target", prefix+"target", "families/year")
		fr.Stages = make([]FunnelStage, len(f.Stages))
		next := fr.Target
		for i := len(f.Stages) - 1; i >= 0; i-- {
			s := f.Stages[i]
			sp := prefix + s.Name() + "."
			st := FunnelStage{Name: s.Name(), Title: s.Title(), Available: -1}
			st.Conversion = b.funnelInput(models.StageTable, s.In, "conversion", sp+"conversion", "share")
			exact := b.g.Compute(Node{Name: sp + "people_unrounded", Label: "funnel_people_unrounded", Title: st.Title, Unit: "people/year"}, OpDiv, next, st.Conversion)
			st.People = b.g.Compute(Node{Name: sp + "people", Label: "funnel_people", Title: st.Title, Unit: "people/year"}, OpCeil, exact)
			next = st.People
			if s.In.Has("available") {
				st.Available = b.funnelInput(models.StageTable, s.In, "available", sp+"available", "people/year")
			}
			fr.Stages[i] = st
		}
		costs := make([]NodeID, len(fr.Stages))
		for i := range fr.Stages {
			st := &fr.Stages[i]
			sp := prefix + st.Name + "."
			in := f.Stages[i].In
			st.CostPerPerson = b.funnelInput(models.StageTable, in, "cost_per_person", sp+"cost_per_person", b.per("person"))
			st.FixedCost = b.funnelInput(models.StageTable, in, "fixed_cost", sp+"fixed_cost", b.per("year"))
			variable := b.g.Compute(Node{Name: sp + "variable_cost", Label: "funnel_variable_cost", Title: st.Title, Unit: b.per("year"), Money: true}, OpMul, st.People, st.CostPerPerson)
			st.Cost = b.g.Compute(Node{Name: sp + "cost", Label: "funnel_stage_cost", Title: st.Title, Unit: b.per("year"), Money: true}, OpSum, variable, st.FixedCost)
			costs[i] = st.Cost
		}
		fr.Total = b.g.Compute(Node{Name: prefix + "total", Label: "funnel_total", Title: fr.Title, Unit: b.per("year"), Money: true}, OpSum, costs...)
		fr.PerApproved = b.g.Compute(Node{Name: prefix + "per_approved", Label: "funnel_per_approved", Title: fr.Title, Unit: cur + "/approved family", Money: true}, OpDiv, fr.Total, fr.Target)
		b.r.Funnels = append(b.r.Funnels, fr)
	}
}

// funnelInput is builder.input for a funnel's keys, labelled for reports
// (funnel_target, funnel_conversion, …); a parameter keeps its own name.
func (b *builder) funnelInput(t *models.Table, in models.Inputs, key, name, unit string) NodeID {
	id := b.input(t, in, key, nil, name, unit)
	if n := &b.g.Nodes[id]; n.Leaf != nil && n.Leaf.Param == "" {
		n.Label = "funnel_" + key
	}
	return id
}

// FunnelProblems reports every stage of every funnel that must take more
// people than it can (its available), so that the funnel cannot meet its
// target. Each problem is placed at the stage's available key.
func (r *Result) FunnelProblems() models.Problems {
	var ps models.Problems
	for _, f := range r.Funnels {
		for _, st := range f.Stages {
			if st.Available < 0 {
				continue
			}
			need, ok1 := r.Value(st.People)
			most, ok2 := r.Value(st.Available)
			if !ok1 || !ok2 || !need.GreaterThan(most) {
				continue
			}
			target, _ := r.Value(f.Target)
			pos := r.Node(st.Available).Leaf.Pos
			ps = append(ps, models.Problem{
				Pos: models.Position{File: pos.File, Line: pos.Line, Key: "recruitment." + f.Name},
				Expected: fmt.Sprintf("reaching the target of %s families needs %s people at stage %s, but it can take at most %s (available); the funnel cannot meet the target",
					thousands(target), thousands(need), st.Name, thousands(most)),
			})
		}
	}
	ps.Sort()
	return ps
}

// thousands writes a number with a comma between thousands, as messages do.
func thousands(d decimal.Decimal) string {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
