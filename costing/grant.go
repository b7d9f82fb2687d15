package costing

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A Grant is a grant formula computed over its data: every municipality's
// allocation, how it was reached, and the summary lines of docs/METHOD.md §10.
type Grant struct {
	Name, Title, Currency, Language, Description, Caveat string
	Year                                                 int
	File, DataFile                                       string
	Decimals                                             int32 // of allocations: the currency's, or 0 with rounding = "unit"
	MoneyDecimals                                        int32 // of the currency
	Pot                                                  decimal.Decimal
	PotKind                                              string          // models.PotAmount, PotShare or PotCostBased
	PotBase, PotShare                                    decimal.Decimal // the base (share pot) or the summed need (cost-based), and the share
	LumpSums                                             decimal.Decimal
	Criteria                                             []GrantCriterion
	Rows                                                 []GrantRow // in the data table's order
	Scale, GainScale                                     decimal.Decimal
	Rounded                                              int // municipalities given one unit of the remainder
	HasPopulation, HasChildren, HasBaseline, HasNeed     bool
	BaselineFrom, NeedFrom                               string // where the baseline and the need come from, in words
	Population, Children                                 string // the columns
	Summary                                              GrantSummary
	Sources                                              []ColumnSource // of every column used
	Notes                                                []string       // fallbacks used, columns without a source
}

// GrantCriterion is one criterion as applied.
type GrantCriterion struct {
	Name, Title, Column, Transform, Per string
	Weight                              decimal.Decimal
	Total                               decimal.Decimal // Σ of the indicator over municipalities
	Source, Assumption                  string
}

// ColumnSource is a data column and its recorded source.
type ColumnSource struct{ Column, Source string }

// GrantRow is one municipality's allocation.
type GrantRow struct {
	Name       string
	Line       int               // of the data table
	Indicators []decimal.Decimal // per criterion, after its transform
	Share      decimal.Decimal   // the formula share
	Lump       decimal.Decimal
	Formula    decimal.Decimal // lump + (pot − Σ lumps) × share, before the rules
	Exact      decimal.Decimal // after the rules, before rounding
	Allocation decimal.Decimal
	Bound      string // "floor", "cap", "hold_harmless" or ""
	// Optional figures; their flags on Grant say whether they are there.
	Population, PerCapita, Children, PerChild decimal.Decimal
	Baseline, Change, ChangeShare             decimal.Decimal // ChangeShare undefined (zero) when the baseline is zero
	Need, Gap                                 decimal.Decimal // Gap = need − allocation: unmet need where positive
}

// GrantSummary is the summary lines.
type GrantSummary struct {
	Total                      decimal.Decimal // = the pot, exactly
	MinPerCapita, MaxPerCapita decimal.Decimal
	MinName, MaxName           string
	Ratio                      decimal.Decimal // highest ÷ lowest per-capita allocation; zero when the lowest is zero
	Gini                       decimal.Decimal // of the per-capita allocation among inhabitants
	Gainers, Losers            int
	Gained, Lost               decimal.Decimal
	Need, Gap, Unmet           decimal.Decimal // Σ need, Σ (need − allocation), Σ of the positive gaps
}

// GrantOptions are what a grant is computed with besides its formula and
// data.
type GrantOptions struct {
	// Scenario is the costed scenario of a cost-based pot (nil otherwise).
	Scenario *Result
	// Baseline, when not nil, replaces the formula's baseline: a previous
	// run's allocations by municipality (kosto grant --baseline).
	Baseline     map[string]decimal.Decimal
	BaselineFile string
	// CheckOnly checks the formula against its data and stops before
	// allocating: for a formula that has problems of its own, so that every
	// problem is reported in one run.
	CheckOnly bool
}

// Allocate computes a grant formula over its data table. Every problem with the
// formula against its data — an unknown column, a missing or negative
// value, a lump sum for an unknown municipality, floors above the pot,
// hold-harmless that cannot be met — is returned as models.Problems, each
// naming the file, line and key or column.
func Allocate(f *models.Formula, t *models.DataTable, o GrantOptions) (*Grant, error) {
	gb := &grantBuilder{f: f, t: t, o: o, fallbacks: map[string][]string{}}
	g := gb.build()
	if err := gb.ps.Err(); err != nil {
		return nil, err
	}
	if o.CheckOnly {
		return nil, nil
	}
	return g, nil
}

type grantBuilder struct {
	f         *models.Formula
	t         *models.DataTable
	o         GrantOptions
	ps        models.Problems
	rows      []int // the table's rows in the grant
	names     []string
	used      []string            // columns used, in order of first use
	fallbacks map[string][]string // column → municipalities that took its fallback
	scenario  []int               // row → index in o.Scenario.Municipalities
	said      map[string]bool     // columns already reported as unknown
}

func (b *grantBuilder) at(t models.Text, key string) models.Position {
	if t.Set {
		return t.Pos
	}
	return models.Position{File: b.f.File, Line: b.f.Pos.Line, Key: key}
}

func (b *grantBuilder) build() *Grant {
	f, t := b.f, b.t
	g := &Grant{Name: f.Name.S, Title: f.Title.S, Currency: f.Currency.S, Language: f.Language.S, Description: f.Description.S,
		Caveat: f.Caveat.S, Year: int(f.Year.Value.IntPart()), File: f.File, DataFile: t.File,
		Decimals: f.Decimals(), MoneyDecimals: models.Currencies[f.Currency.S]}
	if g.Language == "" {
		g.Language = "en"
	}
	key := b.column(f.Data.Key, "data.key")
	if key < 0 {
		return nil
	}
	// The rows: every municipality of the table, or those [data]
	// municipalities names.
	only := map[string]bool{}
	for _, m := range f.Data.Only {
		only[m.S] = true
	}
	var all []string
	for i := range t.Rows {
		all = append(all, t.Cell(i, key))
	}
	for _, m := range f.Data.Only {
		if !contains(all, m.S) {
			msg := "no municipality of that name in " + t.File
			if s := models.Suggest(m.S, all); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			b.ps.Add(m.Pos, fmt.Sprintf("%q", m.S), "%s", msg)
		}
	}
	seen := map[string]int{}
	for i, row := range t.Rows {
		name := t.Cell(i, key)
		if len(only) > 0 && !only[name] {
			continue
		}
		if name == "" {
			b.ps.Add(models.Position{File: t.File, Line: row.Line, Key: t.Columns[key]}, `""`, "expected the municipality's name")
			continue
		}
		if first, dup := seen[name]; dup {
			b.ps.Add(models.Position{File: t.File, Line: row.Line, Key: t.Columns[key]}, fmt.Sprintf("%q", name), "expected each municipality once (also on line %d)", first)
			continue
		}
		seen[name] = row.Line
		b.rows = append(b.rows, i)
		b.names = append(b.names, name)
	}
	n := len(b.rows)
	if n == 0 {
		if len(f.Data.Only) > 0 {
			b.ps.Add(f.Data.OnlyPos, "", "none of these municipalities is in %s", t.File)
		} else {
			b.ps.Add(models.Position{File: t.File, Line: 1}, "", "expected one row per municipality; the table has none")
		}
		return nil
	}
	if f.Pot.Kind == models.PotCostBased && b.o.Scenario != nil {
		b.matchScenario(g)
	}
	g.Rows = make([]GrantRow, n)
	for k := range g.Rows {
		g.Rows[k].Name, g.Rows[k].Line = b.names[k], t.Rows[b.rows[k]].Line
	}

	// Criteria: indicators after their transforms, and their totals.
	sp := &Split{Decimals: g.Decimals, Names: b.names, Shares: make([]decimal.Decimal, n)}
	for k := range sp.Shares {
		sp.Shares[k] = zero
	}
	for _, c := range f.Criteria {
		key := "criteria." + c.Name
		tr := c.Transform.S
		if tr == "" {
			tr = models.TransformNone
		}
		gc := GrantCriterion{Name: c.Name, Title: c.Title.S, Column: c.Column.S, Transform: tr, Per: c.Per.S, Weight: c.Weight.Value,
			Source: c.Source.S, Assumption: c.Assumption.S}
		if gc.Title == "" {
			gc.Title = c.Name
		}
		vals := b.values(c.Column, key+".column", key)
		var per []decimal.Decimal
		if tr == models.TransformPerCapita {
			per = b.values(c.Per, key+".per", key)
		}
		total := zero
		ok := vals != nil
		for k := range n {
			if vals == nil {
				break
			}
			x := vals[k]
			switch tr {
			case models.TransformPerCapita:
				if per == nil {
					ok = false
					break
				}
				if !per[k].IsPositive() {
					b.rowProblem(k, c.Per.S, per[k].String(), "expected more than 0: criterion %s divides %s by it (%s)", c.Name, c.Column.S, b.names[k])
					ok = false
					continue
				}
				x = x.Div(per[k])
			case models.TransformInverse:
				if !x.IsPositive() {
					b.rowProblem(k, c.Column.S, x.String(), "expected more than 0: criterion %s takes its inverse (%s)", c.Name, b.names[k])
					ok = false
					continue
				}
				x = one.Div(x)
			case models.TransformCapped:
				x = decimal.Min(x, c.Cap.Value)
			}
			vals[k] = x
			total = total.Add(x)
		}
		gc.Total = total
		g.Criteria = append(g.Criteria, gc)
		for k := range g.Rows {
			if vals != nil && ok {
				g.Rows[k].Indicators = append(g.Rows[k].Indicators, vals[k])
			} else {
				g.Rows[k].Indicators = append(g.Rows[k].Indicators, zero)
			}
		}
		if !ok || c.Weight.Value.IsZero() {
			continue // a criterion of weight 0 is read and checked, and changes nothing
		}
		if total.IsZero() {
			b.ps.Add(b.at(c.Column, key+".column"), fmt.Sprintf("%q", c.Column.S), "expected some municipality with a value above 0: criterion %s divides by the total, which is 0", c.Name)
			continue
		}
		for k := range n {
			sp.Shares[k] = sp.Shares[k].Add(c.Weight.Value.Mul(vals[k]).Div(total))
		}
	}

	// Population, children, need and baseline.
	if pop := b.values(f.Data.Population, "data.population", "data.population"); pop != nil {
		g.HasPopulation, g.Population = true, f.Data.Population.S
		for k := range g.Rows {
			g.Rows[k].Population = pop[k]
		}
	}
	if ch := b.values(f.Data.Children, "data.children", "data.children"); ch != nil {
		g.HasChildren, g.Children = true, f.Data.Children.S
		for k := range g.Rows {
			g.Rows[k].Children = ch[k]
		}
	}
	var need []decimal.Decimal
	if f.Pot.Kind == models.PotCostBased {
		need = b.scenarioNeed(g)
	}
	if f.Data.Need.Set {
		need = b.values(f.Data.Need, "data.need", "data.need")
		g.NeedFrom = "column " + f.Data.Need.S + " of " + t.File
	}
	if need != nil {
		g.HasNeed = true
		for k := range g.Rows {
			g.Rows[k].Need = need[k]
		}
	}
	baseline := b.baseline(g)

	// Lump sums, by the name in the table.
	if len(f.LumpSums) > 0 {
		sp.Lumps = make([]decimal.Decimal, n)
		index := map[string]int{}
		for k, name := range b.names {
			index[name] = k
			sp.Lumps[k] = zero
		}
		for _, name := range models.Sorted(f.LumpSums) {
			in := f.LumpSums[name]
			k, ok := index[name]
			if !ok {
				msg := "no municipality of that name in " + t.File
				if s := models.Suggest(name, b.names); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				b.ps.Add(in.Pos, in.Raw, "%s", msg)
				continue
			}
			sp.Lumps[k] = in.Value
			g.LumpSums = g.LumpSums.Add(in.Value)
			g.Rows[k].Lump = in.Value
		}
	}

	// The pot.
	g.Pot = b.pot(g, need)
	sp.Pot = g.Pot

	if f.Rules.Floor.Set {
		v := f.Rules.Floor.Value
		sp.Floor = &v
	}
	if f.Rules.Cap.Set {
		v := f.Rules.Cap.Value
		sp.Cap = &v
	}
	if f.Rules.HoldHarmless.Set {
		if baseline == nil {
			b.ps.Add(f.Rules.HoldHarmless.Pos, f.Rules.HoldHarmless.Raw, "hold-harmless needs a baseline: [data] baseline = \"COLUMN\", cost_based = { …, baseline = \"total\" }, or --baseline FILE.csv")
		} else {
			v := f.Rules.HoldHarmless.Value
			sp.HoldHarmless, sp.Baseline = &v, baseline
		}
	}
	if len(b.ps) > 0 || b.o.CheckOnly {
		return nil
	}
	res, err := sp.Run()
	if err != nil {
		se, ok := err.(*SplitError)
		if !ok {
			b.ps = append(b.ps, models.Problem{Pos: models.Position{File: f.File}, Expected: err.Error()})
			return nil
		}
		pos := models.Position{File: f.File, Line: f.Pos.Line, Key: "pot"}
		value := g.Pot.StringFixed(g.MoneyDecimals)
		switch se.Rule {
		case BoundFloor:
			pos, value = f.Rules.Floor.Pos, f.Rules.Floor.Raw
		case BoundCap:
			pos, value = f.Rules.Cap.Pos, f.Rules.Cap.Raw
		case BoundHoldHarmless:
			pos, value = f.Rules.HoldHarmless.Pos, f.Rules.HoldHarmless.Raw
		case "lump_sums":
			pos, value = models.Position{File: f.File, Line: f.LumpPos.Line, Key: "lump_sums"}, g.LumpSums.String()
		case "pot":
			if f.Rules.Rounding.Set {
				pos, value = f.Rules.Rounding.Pos, fmt.Sprintf("%q", f.Rules.Rounding.S)
			}
		}
		b.ps.Add(pos, value, "%s", se.Msg)
		return nil
	}
	g.Scale, g.GainScale, g.Rounded = res.Scale, res.GainScale, res.Rounded
	for k := range g.Rows {
		r := &g.Rows[k]
		r.Share, r.Formula, r.Exact, r.Allocation, r.Bound = sp.Shares[k], res.Formula[k], res.Exact[k], res.Allocation[k], res.Bound[k]
		if g.HasPopulation && r.Population.IsPositive() {
			r.PerCapita = r.Allocation.Div(r.Population)
		}
		if g.HasChildren && r.Children.IsPositive() {
			r.PerChild = r.Allocation.Div(r.Children)
		}
		if baseline != nil {
			r.Baseline = baseline[k]
			r.Change = r.Allocation.Sub(r.Baseline)
			if r.Baseline.IsPositive() {
				r.ChangeShare = r.Change.Div(r.Baseline)
			}
		}
		if g.HasNeed {
			r.Gap = r.Need.Sub(r.Allocation)
		}
	}
	g.HasBaseline = baseline != nil
	g.Summary = summarise(g)
	b.notes(g)
	return g
}

// rowProblem reports a problem with a value of the table.
func (b *grantBuilder) rowProblem(k int, col, value, format string, args ...any) {
	b.ps.Add(models.Position{File: b.t.File, Line: b.t.Rows[b.rows[k]].Line, Key: col}, fmt.Sprintf("%q", value), format, args...)
}

// column returns the index of the column a key of the formula names, or
// reports it and returns -1.
func (b *grantBuilder) column(name models.Text, key string) int {
	if !name.Set {
		return -1
	}
	if i := b.t.Column(name.S); i >= 0 {
		return i
	}
	if b.said[name.S] {
		return -1
	}
	msg := fmt.Sprintf("no column %q in %s", name.S, b.t.File)
	if s := models.Suggest(name.S, b.t.Columns); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else {
		msg += "; its columns are " + strings.Join(b.t.Columns, ", ")
	}
	b.ps.Add(b.at(name, key), fmt.Sprintf("%q", name.S), "%s", msg)
	return -1
}

// values reads a column for every municipality of the grant: numbers of
// zero or more; where a value is missing, the column's fallback
// ([data.fallback]) when the formula gives one. usedBy names the key that
// uses the column, for messages. It returns nil when the column is not
// named, or on a problem (reported).
func (b *grantBuilder) values(name models.Text, key, usedBy string) []decimal.Decimal {
	col := b.column(name, key)
	if col < 0 {
		return nil
	}
	b.use(name.S)
	fb := -1
	fbText, hasFB := b.f.Data.Fallback[name.S]
	if hasFB {
		if fb = b.column(fbText, "data.fallback."+name.S); fb < 0 {
			return nil
		}
	}
	out := make([]decimal.Decimal, len(b.rows))
	ok := true
	for k, i := range b.rows {
		cell, c := b.t.Cell(i, col), col
		if cell == "" && fb >= 0 {
			cell, c = b.t.Cell(i, fb), fb
			if cell != "" {
				b.use(fbText.S)
				if !contains(b.fallbacks[name.S], b.names[k]) {
					b.fallbacks[name.S] = append(b.fallbacks[name.S], b.names[k])
				}
			}
		}
		colName := b.t.Columns[c]
		switch {
		case cell == "" && hasFB:
			b.rowProblem(k, name.S, "", "missing for %s, used by %s, and its fallback %s is missing too", b.names[k], usedBy, fbText.S)
			ok = false
		case cell == "":
			b.rowProblem(k, name.S, "", "missing for %s, used by %s; fill it in, or name a column to use where it is missing under [data.fallback] (%s = \"COLUMN\")", b.names[k], usedBy, name.S)
			ok = false
		default:
			v, err := decimal.NewFromString(cell)
			if err != nil || !numeric(cell) {
				read := ""
				if d := b.t.Dialect(); d != "" {
					read = "; read with " + d
				}
				b.rowProblem(k, colName, b.t.Written(i, c), "expected a number (%s, used by %s%s)", b.names[k], usedBy, read)
				ok = false
				continue
			}
			if v.IsNegative() {
				b.rowProblem(k, colName, b.t.Written(i, c), "expected a value of zero or more (%s, used by %s)", b.names[k], usedBy)
				ok = false
				continue
			}
			out[k] = v
		}
	}
	if !ok {
		return nil
	}
	return out
}

func (b *grantBuilder) use(col string) {
	if !contains(b.used, col) {
		b.used = append(b.used, col)
	}
}

// numeric says whether a cell is written as a number of a data table:
// digits, a sign first, a decimal point (package scenarios keeps numbers so,
// whatever marks the file used). It refuses 1e5 and 1e309, which
// decimal.NewFromString reads; nan, inf and Infinity that reads neither.
func numeric(s string) bool {
	for i, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || (c == '-' || c == '+') && i == 0) {
			return false
		}
	}
	return s != ""
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// pot computes the pot: fixed; a share of a base, rounded to the unit;
// or the summed need times the co-financing share, rounded to the unit.
func (b *grantBuilder) pot(g *Grant, need []decimal.Decimal) decimal.Decimal {
	p := b.f.Pot
	g.PotKind = p.Kind
	switch p.Kind {
	case models.PotAmount:
		return p.Amount.Value
	case models.PotShare:
		g.PotBase, g.PotShare = p.Base.Value, p.Share.Value
	case models.PotCostBased:
		g.PotShare = one
		if p.Share.Set {
			g.PotShare = p.Share.Value
		}
		g.PotBase = zero
		for _, v := range need {
			g.PotBase = g.PotBase.Add(v)
		}
	}
	return g.PotShare.Mul(g.PotBase).Round(g.Decimals)
}

// baseline returns each municipality's baseline, or nil: --baseline, else
// the [data] baseline column, else a cost-based pot's scenario totals.
func (b *grantBuilder) baseline(g *Grant) []decimal.Decimal {
	f := b.f
	switch {
	case b.o.Baseline != nil:
		out := make([]decimal.Decimal, len(b.rows))
		ok := true
		for k, name := range b.names {
			v, has := b.o.Baseline[name]
			if !has {
				b.ps.Add(models.Position{File: b.o.BaselineFile}, "", "no allocation for %s, a municipality of %s", name, b.t.File)
				ok = false
			}
			out[k] = v
		}
		for _, name := range models.Sorted(b.o.Baseline) {
			if !contains(b.names, name) {
				b.ps.Add(models.Position{File: b.o.BaselineFile}, fmt.Sprintf("%q", name), "no municipality of that name in %s", b.t.File)
				ok = false
			}
		}
		g.BaselineFrom = "a previous run: " + b.o.BaselineFile
		if !ok {
			return nil
		}
		return out
	case f.Data.Baseline.Set:
		g.BaselineFrom = "column " + f.Data.Baseline.S + " of " + b.t.File
		return b.values(f.Data.Baseline, "data.baseline", "data.baseline")
	case f.Pot.Kind == models.PotCostBased && f.Pot.Baseline.Set && b.o.Scenario != nil && b.scenario != nil:
		g.BaselineFrom = "the budget of scenario " + b.o.Scenario.Scenario.Name + " (municipality totals)"
		out := make([]decimal.Decimal, len(b.rows))
		for k := range b.rows {
			v, _ := b.o.Scenario.Value(b.o.Scenario.Municipalities[b.scenario[k]].Total)
			out[k] = v
		}
		return out
	}
	return nil
}

// summarise computes the summary lines.
func summarise(g *Grant) GrantSummary {
	var s GrantSummary
	for _, r := range g.Rows {
		s.Total = s.Total.Add(r.Allocation)
		if g.HasBaseline {
			switch r.Change.Sign() {
			case 1:
				s.Gainers++
				s.Gained = s.Gained.Add(r.Change)
			case -1:
				s.Losers++
				s.Lost = s.Lost.Add(r.Change.Neg())
			}
		}
		if g.HasNeed {
			s.Need = s.Need.Add(r.Need)
			s.Gap = s.Gap.Add(r.Gap)
			if r.Gap.IsPositive() {
				s.Unmet = s.Unmet.Add(r.Gap)
			}
		}
	}
	if !g.HasPopulation {
		return s
	}
	// Per capita: the extremes, their ratio, and the Gini coefficient of the
	// per-capita allocation among inhabitants (each municipality weighted by
	// its population):
	//   G = Σ_i Σ_j p_i p_j |x_i − x_j| ÷ (2 P² μ), μ = A ÷ P,
	// which, with the municipalities in ascending order of x, is
	//   G = Σ_i a_i (P_before(i) − P_after(i)) ÷ (P × A),
	// a_i = p_i x_i the allocation, P and A the totals.
	type pc struct {
		x, a, p decimal.Decimal
		name    string
	}
	var xs []pc
	for _, r := range g.Rows {
		if r.Population.IsPositive() {
			xs = append(xs, pc{r.PerCapita, r.Allocation, r.Population, r.Name})
		}
	}
	if len(xs) == 0 {
		return s
	}
	sort.Slice(xs, func(i, j int) bool {
		if c := xs[i].x.Cmp(xs[j].x); c != 0 {
			return c < 0
		}
		return xs[i].name < xs[j].name
	})
	s.MinPerCapita, s.MinName = xs[0].x, xs[0].name
	s.MaxPerCapita, s.MaxName = xs[len(xs)-1].x, xs[len(xs)-1].name
	if s.MinPerCapita.IsPositive() {
		s.Ratio = s.MaxPerCapita.Div(s.MinPerCapita)
	}
	P, A := zero, zero
	for _, v := range xs {
		P, A = P.Add(v.p), A.Add(v.a)
	}
	if A.IsPositive() {
		before, num := zero, zero
		for _, v := range xs {
			after := P.Sub(before).Sub(v.p)
			num = num.Add(v.a.Mul(before.Sub(after)))
			before = before.Add(v.p)
		}
		s.Gini = num.Div(P.Mul(A))
	}
	return s
}

// notes records the sources of the columns used, the fallbacks taken and
// the columns without a source.
func (b *grantBuilder) notes(g *Grant) {
	for _, col := range b.used {
		src := b.t.Sources[col]
		g.Sources = append(g.Sources, ColumnSource{col, src})
		if src == "" {
			g.Notes = append(g.Notes, fmt.Sprintf("column %s of %s has no recorded source (add it to %s)", col, b.t.File,
				strings.TrimSuffix(b.t.File, ".csv")+".sources.toml"))
		}
	}
	for _, col := range models.Sorted(b.fallbacks) {
		names := b.fallbacks[col]
		g.Notes = append(g.Notes, fmt.Sprintf("%s is missing for %s: %s used instead", col, strings.Join(names, ", "), b.f.Data.Fallback[col].S))
	}
}
