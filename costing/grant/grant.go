package grant

import (
	"errors"
	"slices"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A Result is a grant formula computed over its data: every municipality's
// allocation, how it was reached, and the summary lines of docs/METHOD.md §10.
type Result struct {
	Name, Currency, Language, Description, Caveat    string
	Title                                            models.Phrase
	Year                                             int
	File, DataFile                                   string
	Decimals                                         int32 // of allocations: the currency's, or 0 with rounding = "unit"
	MoneyDecimals                                    int32 // of the currency
	Pot                                              decimal.Decimal
	PotKind                                          string          // models.PotAmount, PotShare or PotCostBased
	PotBase, PotShare                                decimal.Decimal // the base (share pot) or the summed need (cost-based), and the share
	LumpSums                                         decimal.Decimal
	Criteria                                         []Criterion
	Rows                                             []Row // in the data table's order
	Scale, GainScale                                 decimal.Decimal
	Rounded                                          int // municipalities given one unit of the remainder
	HasPopulation, HasChildren, HasBaseline, HasNeed bool
	BaselineFrom, NeedFrom                           Origin // where the baseline and the need come from
	Population, Children                             string // the columns
	Summary                                          Summary
	Sources                                          []ColumnSource // of every column used
	Notes                                            []string       // fallbacks used, columns without a source
	// Scenario is the costed scenario of a cost-based pot, whose graph the
	// rows' NeedFigures and BaselineFigures index (kosto explain SCENARIO
	// FIGURE); nil for another pot.
	Scenario *costing.Result
}

// Criterion is one criterion as applied.
type Criterion struct {
	Name, Column, Transform, Per string
	Title                        models.Phrase
	Weight                       decimal.Decimal
	Total                        decimal.Decimal // Σ of the indicator over municipalities
	Source, Assumption           string
}

// ColumnSource is a data column and its recorded source.
type ColumnSource struct{ Column, Source string }

// Row is one municipality's allocation.
type Row struct {
	Name       string
	Line       int               // of the data table
	Indicators []decimal.Decimal // per criterion, after its transform
	Share      decimal.Decimal   // the formula share
	Lump       decimal.Decimal
	Formula    decimal.Decimal // lump + (pot − Σ lumps) × share, before the rules
	Exact      decimal.Decimal // after the rules, before rounding
	Allocation decimal.Decimal
	Bound      string // "floor", "cap", "hold_harmless" or ""
	// Optional figures; their flags on Result say whether they are there.
	Population, PerCapita, Children, PerChild decimal.Decimal
	Baseline, Change, ChangeShare             decimal.Decimal // ChangeShare undefined (zero) when the baseline is zero
	Need, Gap                                 decimal.Decimal // Gap = need − allocation: unmet need where positive
	// The figures of Result.Scenario whose sum is the need (the cost-based
	// pot is the sum of every municipality's) and the baseline, when they
	// come from the scenario: the municipality's total and, staffed to the
	// norm, each staff line's gap_cost. Nil otherwise.
	NeedFigures, BaselineFigures []costing.NodeID
}

// Summary is the summary lines.
type Summary struct {
	Total                      decimal.Decimal // = the pot, exactly
	Population                 decimal.Decimal // Σ population (with HasPopulation)
	PerCapita                  decimal.Decimal // Total ÷ Population, unrounded; zero without a population
	Baseline, Change           decimal.Decimal // Σ baseline and Total − Σ baseline (with HasBaseline)
	ByFormula                  decimal.Decimal // the pot less the lump sums: what the criteria divide
	MinPerCapita, MaxPerCapita decimal.Decimal
	MinName, MaxName           string
	Ratio                      decimal.Decimal // highest ÷ lowest per-capita allocation; zero when the lowest is zero
	Gini                       decimal.Decimal // of the per-capita allocation among inhabitants
	Gainers, Losers            int
	Gained, Lost               decimal.Decimal
	Need, Gap, Unmet           decimal.Decimal // Σ need, Σ (need − allocation), Σ of the positive gaps
}

// Options are what a grant is computed with besides its formula and
// data.
type Options struct {
	// Scenario is the costed scenario of a cost-based pot (nil otherwise).
	Scenario *costing.Result
	// Baseline, when not nil, replaces the formula's baseline: a previous
	// run's allocations by municipality (kosto grant --baseline).
	Baseline     map[string]decimal.Decimal
	BaselineFile string
	// Read is what reading the formula and its files returned, when it
	// found problems (scenarios.OpenFormula's error): Allocate then checks
	// what could be read against its data, allocates nothing, and returns
	// those problems and its own together, so that every problem is
	// reported in one run. It checks nothing more without a data table, or
	// for a cost-based pot without its scenario.
	Read error
}

// Allocate computes a grant formula over its data table. Every problem with the
// formula against its data — an unknown column, a missing or negative
// value, a lump sum for an unknown municipality, floors above the pot,
// hold-harmless that cannot be met — is returned as models.Problems, each
// naming the file, line and key or column, with those of o.Read. Any other
// error is kosto's own failure.
func Allocate(f *models.Formula, t *models.DataTable, o Options) (*Result, error) {
	var read models.Problems
	ok := errors.As(o.Read, &read)
	if ok && len(read) == 0 {
		o.Read = nil // an empty list is no problem
	}
	switch {
	case o.Read != nil && (!ok || f == nil || t == nil || f.Pot.Kind == models.PotCostBased && o.Scenario == nil):
		return nil, o.Read
	case f == nil || t == nil:
		return nil, errors.New("grant: Allocate needs a formula and its data table")
	}
	b := &builder{f: f, t: t, o: o, fallbacks: map[string][]string{}}
	g, err := b.build()
	if err != nil {
		return nil, err
	}
	if o.Read != nil {
		return nil, append(slices.Clip(read), b.ps...).Err()
	}
	if err := b.ps.Err(); err != nil {
		return nil, err
	}
	return g, nil
}

// A builder computes one grant, step by step; every step adds the problems
// it finds to ps.
type builder struct {
	f         *models.Formula
	t         *models.DataTable
	o         Options
	ps        models.Problems
	g         *Result
	rows      []int // the table's rows in the grant
	names     []string
	used      []string            // columns used, in order of first use
	fallbacks map[string][]string // column → municipalities that took its fallback
	scenario  []int               // row → index in o.Scenario.Municipalities
	said      map[string]bool     // columns already reported as unknown
}

// build goes through the steps of doc.go in order. It returns nil when
// problems stop it (in b.ps), or when o.Read stops it before the split; an
// error only for a failure of kosto's own.
func (b *builder) build() (*Result, error) {
	g := b.describe()
	if !b.matchRows() {
		return nil, nil
	}
	if b.f.Pot.Kind == models.PotCostBased && b.o.Scenario != nil {
		b.matchScenario()
	}
	b.newRows()
	shares := b.criteria()
	need := b.figures()
	baseline := b.baseline()
	lumps := b.lumpSums()
	g.Pot = b.pot(need)
	sp := b.split(shares, lumps, baseline)
	if len(b.ps) > 0 || b.o.Read != nil {
		return nil, nil
	}
	res, err := b.run(sp)
	if res == nil || err != nil {
		return nil, err
	}
	b.columns(sp, res, baseline)
	g.Summary = summarise(g)
	b.notes()
	return g, nil
}

// describe starts the result with what the formula says of itself.
func (b *builder) describe() *Result {
	f, t := b.f, b.t
	b.g = &Result{Name: f.Name.S, Title: f.Title.Phrase(), Currency: f.Currency.S, Language: f.Language.S, Description: f.Description.S,
		Caveat: f.Caveat.S, Year: int(f.Year.Value.IntPart()), File: f.File, DataFile: t.File,
		Decimals: f.Decimals(), MoneyDecimals: models.Currencies[f.Currency.S]}
	if b.g.Language == "" {
		b.g.Language = "en"
	}
	if f.Pot.Kind == models.PotCostBased {
		b.g.Scenario = b.o.Scenario
	}
	return b.g
}

// newRows starts a row of the result for every municipality of the grant.
func (b *builder) newRows() {
	b.g.Rows = make([]Row, len(b.rows))
	for k := range b.g.Rows {
		b.g.Rows[k].Name, b.g.Rows[k].Line = b.names[k], b.t.Rows[b.rows[k]].Line
	}
}

// at is the position of a key of the formula: where it is written, else the
// formula's heading.
func (b *builder) at(t models.Text, key string) models.Position {
	if t.Set {
		return t.Pos
	}
	return models.Position{File: b.f.File, Line: b.f.Pos.Line, Key: key}
}

// An Origin says where a grant's need or baseline comes from, for a report
// to say in its language.
type Origin struct {
	Kind   string // OriginColumn, OriginRun, OriginBudget, OriginStaffed or OriginFigure
	Name   string // the column, the previous run's file, or the scenario
	File   string // the data table a column is in
	Figure string // the scenario's figure of each municipality (OriginFigure)
}

// The kinds of origin.
const (
	OriginColumn  = "column"          // a column of the data table
	OriginRun     = "run"             // a previous run's allocations (--baseline)
	OriginBudget  = "budget"          // a scenario's municipality totals
	OriginStaffed = "staffed_to_norm" // a scenario's totals with every missing post filled
	OriginFigure  = "figure"          // a figure of each municipality of a scenario
)

// String says where the figures come from, in English, for messages.
func (o Origin) String() string {
	switch o.Kind {
	case OriginColumn:
		return "column " + o.Name + " of " + o.File
	case OriginRun:
		return "a previous run: " + o.Name
	case OriginBudget:
		return "the budget of scenario " + o.Name + " (municipality totals)"
	case OriginStaffed:
		return "scenario " + o.Name + " staffed to its norms (municipality totals + the yearly cost of every missing post)"
	case OriginFigure:
		return "scenario " + o.Name + ", figure MUNICIPALITY." + o.Figure
	}
	return ""
}
