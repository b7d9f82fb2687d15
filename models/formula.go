package models

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// A Formula is a grant formula (docs/METHOD.md §10): a pot divided among
// municipalities by weighted criteria read from a data table, then floors,
// caps, hold-harmless and rounding. Package scenarios reads it from its own
// TOML file (scenarios/GRANTS.md); package costing/grant computes it.
type Formula struct {
	Pos         Position
	Name        Text
	Title       Text
	Country     Text
	Currency    Text
	Year        Input
	Language    Text
	Description Text
	Caveat      Text // printed by every report of the formula
	Pot         Pot
	Data        FormulaData
	LumpSums    map[string]Input // by the data table's key (the municipality's name as written there)
	LumpPos     Position
	Criteria    []*Criterion // in name order
	CriteriaPos Position
	Rules       Rules
	File        string // the file read, as shown in messages
}

// Pot kinds.
const (
	PotAmount    = "amount"     // a fixed amount
	PotShare     = "share"      // a share of a base amount
	PotCostBased = "cost_based" // the costed need of a scenario's municipalities, times a share
)

// Pot is the [pot] table: one of amount; share of base; cost_based.
type Pot struct {
	Pos      Position
	Kind     string
	Amount   Input
	Share    Input
	Base     Input
	Scenario Text // cost_based: a shipped scenario's name, or a path relative to the formula file
	Need     Text // cost_based: "total", "staffed_to_norm", or a figure name relative to the municipality
	Baseline Text // cost_based: "total" makes the scenario's municipality totals the baseline
	CostPos  Position
}

// Need bases of a cost-based pot.
const (
	NeedTotal         = "total"           // each municipality's budget as the scenario costs it
	NeedStaffedToNorm = "staffed_to_norm" // the budget plus the yearly cost of every missing post
)

// FormulaData is the [data] table: which table, which column is the
// municipality, and which columns give population, children, a baseline and
// a costed need; Fallback names, for a column, the column to use where a
// value is missing.
type FormulaData struct {
	Pos        Position
	File       Text
	Key        Text
	Population Text
	Children   Text
	Baseline   Text
	Need       Text
	Fallback   map[string]Text
	// Only, when not empty, limits the grant to these municipalities of the
	// table (a grant to some municipalities, or a table only partly filled).
	Only    []Text
	OnlyPos Position
}

// Transforms of a criterion's indicator.
const (
	TransformNone      = "none"
	TransformPerCapita = "per_capita"
	TransformInverse   = "inverse"
	TransformCapped    = "capped"
)

// Transforms lists the transforms a criterion may name.
var Transforms = []string{TransformNone, TransformPerCapita, TransformInverse, TransformCapped}

// A Criterion is one [criteria.NAME]: an indicator column and its weight.
type Criterion struct {
	Name       string
	Pos        Position
	Title      Text
	Column     Text
	Weight     Input
	Transform  Text
	Per        Text  // per_capita: the column divided by
	Cap        Input // capped: the largest value counted
	Source     Text
	Assumption Text
}

// Rounding units.
const (
	RoundUnit = "unit"
	RoundCent = "cent"
)

// Rules is the [rules] table.
type Rules struct {
	Pos          Position
	Floor        Input // a minimum allocation per municipality
	Cap          Input // a maximum allocation per municipality
	HoldHarmless Input // the largest share of its baseline a municipality may lose
	Rounding     Text  // "unit" or "cent"
}

// Decimals returns the decimals allocations are rounded to: the currency's
// minor unit for "cent" (the default), none for "unit".
func (f *Formula) Decimals() int32 {
	d := Currencies[f.Currency.S]
	if f.Rules.Rounding.S == RoundUnit {
		return 0
	}
	return d
}

// Validate checks what the formula says on its own (its data table is
// checked when it is computed): required keys, kinds of numbers, a pot of
// one kind, weights that sum to 1 exactly, known transforms and rules that
// can hold. It returns every problem, or nil.
func (f *Formula) Validate() error {
	c := &formulaCheck{f: f, dec: 2}
	c.meta()
	c.pot()
	c.need(f.Data.File, "data.file", "the data table, a CSV file with one row per municipality")
	c.need(f.Data.Key, "data.key", "the column that names the municipality")
	c.criteria()
	c.rules()
	return c.ps.Err()
}

// A formulaCheck collects the problems of one formula; dec is the decimals
// its amounts may have, those the allocations are rounded to.
type formulaCheck struct {
	f   *Formula
	ps  Problems
	dec int32
}

// at is where t was written, or where the formula lacks key.
func (c *formulaCheck) at(t Text, key string) Position {
	if t.Set {
		return t.Pos
	}
	return Position{File: c.f.File, Line: c.f.Pos.Line, Key: key}
}

func (c *formulaCheck) need(t Text, key, what string) {
	if !t.Set {
		c.ps.Add(c.at(t, key), "", "missing: %s", what)
	}
}

func (c *formulaCheck) missing(line int, key, format string, args ...any) {
	c.ps.Add(Position{File: c.f.File, Line: line, Key: key}, "", "missing: "+format, args...)
}

// meta checks [formula]: name, title, currency, language, year and the
// rounding rule, which set the decimals amounts may have.
func (c *formulaCheck) meta() {
	f := c.f
	c.need(f.Name, "formula.name", "the formula's name (lower-case letters, digits and _)")
	if f.Name.Set && !ValidName(f.Name.S) {
		c.ps.Add(f.Name.Pos, fmt.Sprintf("%q", f.Name.S), "expected a name of lower-case letters, digits and _, starting with a letter")
	}
	c.need(f.Title, "formula.title", "the formula's title, the heading of its reports")
	if !f.Currency.Set {
		c.ps.Add(c.at(f.Currency, "formula.currency"), "", "missing: the ISO 4217 currency code of every amount (%s)", strings.Join(Sorted(Currencies), ", "))
	} else if d, ok := Currencies[f.Currency.S]; !ok {
		c.ps.Add(f.Currency.Pos, fmt.Sprintf("%q", f.Currency.S), "expected an ISO 4217 currency code kosto knows: %s", strings.Join(Sorted(Currencies), ", "))
	} else {
		c.dec = d
	}
	if f.Language.Set && !contains(Languages, f.Language.S) {
		c.ps.Add(f.Language.Pos, fmt.Sprintf("%q", f.Language.S), "expected %s", orList(quoted(Languages)))
	}
	if f.Year.Set && (f.Year.Ref != "" || !f.Year.Value.IsInteger() || f.Year.Value.LessThan(decimal.NewFromInt(MinYear)) || f.Year.Value.GreaterThan(decimal.NewFromInt(MaxYear))) {
		c.ps.Add(f.Year.Pos, f.Year.Raw, "expected a year from %d to %d", MinYear, MaxYear)
	}
	switch f.Rules.Rounding.S {
	case "", RoundCent:
	case RoundUnit:
		c.dec = 0
	default:
		c.ps.Add(f.Rules.Rounding.Pos, fmt.Sprintf("%q", f.Rules.Rounding.S), "expected \"unit\" (whole %s) or \"cent\"", f.Currency.S)
	}
	if f.Rules.Rounding.S == RoundCent && Currencies[f.Currency.S] == 0 && f.Currency.Set {
		c.ps.Add(f.Rules.Rounding.Pos, `"cent"`, "expected \"unit\": %s amounts have no minor unit", f.Currency.S)
	}
}

// money checks an amount: a number, not a float, zero or more, with no more
// decimals than the allocations are rounded to.
func (c *formulaCheck) money(in Input, what string) {
	if !in.Set {
		return
	}
	switch {
	case in.Ref != "":
		c.ps.Add(in.Pos, in.Raw, "expected %s as a number: a formula has no parameters", what)
	case in.Float:
		c.ps.Add(in.Pos, in.Raw, "expected an amount in quotes (%q) or a whole number: a number with decimals written without quotes can silently lose digits", in.Value.String())
	case in.Value.IsNegative():
		c.ps.Add(in.Pos, in.Raw, "expected %s of zero or more", what)
	case !in.Value.Round(c.dec).Equal(in.Value):
		c.ps.Add(in.Pos, in.Raw, "expected %s with at most %d decimals, the unit allocations are rounded to", what, c.dec)
	}
}

// share checks a share from 0 to 1; it reports whether the share is good.
func (c *formulaCheck) share(in Input, what string) bool {
	if !in.Set {
		return true
	}
	switch {
	case in.Ref != "":
		c.ps.Add(in.Pos, in.Raw, "expected %s as a number: a formula has no parameters", what)
	case in.Value.IsNegative() || in.Value.GreaterThan(decimal.NewFromInt(1)):
		c.ps.Add(in.Pos, in.Raw, "expected %s from 0 to 1 (5%% is written 0.05)", what)
	default:
		return true
	}
	return false
}

// pot checks [pot]: one kind, and what that kind needs.
func (c *formulaCheck) pot() {
	p := &c.f.Pot
	switch p.Kind {
	case "":
		c.missing(p.Pos.Line, "pot", "the pot, one of amount = \"…\", share = … of base = \"…\", or cost_based = { scenario = \"…\" }")
	case PotAmount:
		c.money(p.Amount, "an amount")
	case PotShare:
		c.share(p.Share, "a share")
		if !p.Base.Set {
			c.missing(p.Pos.Line, "pot.base", "the base amount the pot is a share of")
		}
		c.money(p.Base, "an amount")
	case PotCostBased:
		c.need(p.Scenario, "pot.cost_based.scenario", "the scenario whose costed need is the pot (a shipped scenario's name or a path)")
		c.share(p.Share, "a share")
		if p.Need.Set && p.Need.S == "" {
			c.ps.Add(p.Need.Pos, `""`, "expected \"total\", \"staffed_to_norm\" or a figure name such as \"qps.total\"")
		}
		if p.Baseline.Set && p.Baseline.S != NeedTotal {
			c.ps.Add(p.Baseline.Pos, fmt.Sprintf("%q", p.Baseline.S), "expected \"total\": the scenario's municipality totals are the baseline")
		}
	}
}

// criteria checks every criterion and that the weights sum to 1 exactly,
// when every weight could be read.
func (c *formulaCheck) criteria() {
	f := c.f
	if len(f.Criteria) == 0 {
		c.missing(f.Pos.Line, "criteria", "at least one [criteria.NAME] with column and weight")
		return
	}
	sum := decimal.Zero
	var terms []string
	weightsKnown := true
	for _, cr := range f.Criteria {
		if !c.criterion(cr) {
			weightsKnown = false
			continue
		}
		sum = sum.Add(cr.Weight.Value)
		terms = append(terms, cr.Name+" "+cr.Weight.Value.String())
	}
	if !weightsKnown || sum.Equal(decimal.NewFromInt(1)) {
		return
	}
	diff := decimal.NewFromInt(1).Sub(sum)
	how := fmt.Sprintf("%s short", diff.String())
	if diff.IsNegative() {
		how = fmt.Sprintf("%s over", diff.Neg().String())
	}
	c.ps.Add(Position{File: f.File, Line: f.CriteriaPos.Line, Key: "criteria"}, sum.String(),
		"expected the weights of the criteria to sum to 1 exactly: %s = %s (%s)", strings.Join(terms, " + "), sum.String(), how)
}

// criterion checks one criterion: its column and weight, and that its
// transform is known and has what it needs (and nothing it does not); it
// reports whether the weight is one the sum can count.
func (c *formulaCheck) criterion(cr *Criterion) (weightKnown bool) {
	key := "criteria." + cr.Name
	c.need(cr.Column, key+".column", "the column of the data table that is this criterion's indicator")
	weightKnown = cr.Weight.Set
	if !cr.Weight.Set {
		c.missing(cr.Pos.Line, key+".weight", "the criterion's weight, a share from 0 to 1")
	} else {
		weightKnown = c.share(cr.Weight, "a weight")
	}
	tr := cr.Transform.S
	if !cr.Transform.Set {
		tr = TransformNone
	}
	switch tr {
	case TransformNone, TransformInverse:
	case TransformPerCapita:
		if !cr.Per.Set {
			c.missing(cr.Pos.Line, key+".per", "per = the column the indicator is divided by (transform = \"per_capita\"), e.g. per = \"population_2011\"")
		}
	case TransformCapped:
		if !cr.Cap.Set {
			c.missing(cr.Pos.Line, key+".cap", "cap = the largest value of the indicator counted (transform = \"capped\")")
		} else if cr.Cap.Ref != "" || cr.Cap.Value.IsNegative() {
			c.ps.Add(cr.Cap.Pos, cr.Cap.Raw, "expected a number of zero or more")
		}
	default:
		msg := "expected one of " + list(Transforms)
		if s := Suggest(tr, Transforms); s != "" {
			msg = fmt.Sprintf("did you mean %q? expected one of %s", s, list(Transforms))
		}
		c.ps.Add(cr.Transform.Pos, fmt.Sprintf("%q", tr), "%s", msg)
	}
	if cr.Per.Set && tr != TransformPerCapita {
		c.ps.Add(cr.Per.Pos, fmt.Sprintf("%q", cr.Per.S), "per applies only to transform = \"per_capita\"")
	}
	if cr.Cap.Set && tr != TransformCapped {
		c.ps.Add(cr.Cap.Pos, cr.Cap.Raw, "cap applies only to transform = \"capped\"")
	}
	return weightKnown
}

// rules checks the lump sums, floor, cap and hold-harmless.
func (c *formulaCheck) rules() {
	f := c.f
	for _, k := range Sorted(f.LumpSums) {
		c.money(f.LumpSums[k], "an amount")
	}
	c.money(f.Rules.Floor, "an amount")
	c.money(f.Rules.Cap, "an amount")
	c.share(f.Rules.HoldHarmless, "a share")
	if f.Rules.Floor.Set && f.Rules.Cap.Set && f.Rules.Floor.Ref == "" && f.Rules.Cap.Ref == "" && f.Rules.Floor.Value.GreaterThan(f.Rules.Cap.Value) {
		c.ps.Add(f.Rules.Cap.Pos, f.Rules.Cap.Raw, "expected a cap of at least the floor (%s)", f.Rules.Floor.Value.String())
	}
}

// quoted returns each of xs in quotes.
func quoted(xs []string) []string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return q
}

// A DataTable is a table of municipal data: one row per municipality,
// columns named in its header, values as written (a blank cell is a missing
// value) except numbers, which are kept in one canonical form (1234.56)
// whatever marks the file used, and the source of each column where it is
// recorded.
type DataTable struct {
	File    string   // as shown in messages
	Columns []string // the header
	Rows    []DataRow
	Sources map[string]string // column → source
	// Separator and Decimal say how the file was written: the separator of
	// its values (',', ';' or '\t') and the decimal mark of its numbers ('.'
	// or ','; 0 when no number in it has decimals). Both are 0 for a table
	// not read from a file.
	Separator, Decimal rune
}

// A DataRow is one row of a data table and the line it was written on.
type DataRow struct {
	Line  int
	Cells []string
	// Written holds, by column, the cells the file wrote otherwise than
	// Cells keeps them: numbers with a decimal comma or a thousands mark
	// ("1.234,56", kept as "1234.56"). Nil when there are none.
	Written map[int]string
}

// Dialect says how the table's file was written, for messages: `separator
// ";" and decimal comma`, `separator tab and decimal point`, `separator ","
// and no decimals`; "" for a table not read from a file.
func (t *DataTable) Dialect() string {
	if t.Separator == 0 {
		return ""
	}
	sep := fmt.Sprintf("separator %q", string(t.Separator))
	if t.Separator == '\t' {
		sep = "separator tab"
	}
	switch t.Decimal {
	case '.':
		return sep + " and decimal point"
	case ',':
		return sep + " and decimal comma"
	}
	return sep + " and no decimals"
}

// Written returns a row's value of a column as the file wrote it, for
// messages: Cell, except for a number written with a decimal comma or a
// thousands mark.
func (t *DataTable) Written(row, col int) string {
	if w, ok := t.Rows[row].Written[col]; ok {
		return w
	}
	return t.Cell(row, col)
}

// Column returns the index of a column, or -1.
func (t *DataTable) Column(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// Cell returns a row's value of a column ("" when the column is missing).
func (t *DataTable) Cell(row, col int) string {
	if col < 0 || col >= len(t.Rows[row].Cells) {
		return ""
	}
	return strings.TrimSpace(t.Rows[row].Cells[col])
}

// AddColumn appends a column with one value per row (values[i] for row i),
// for columns computed from elsewhere, such as a scenario's figures.
func (t *DataTable) AddColumn(name, source string, values []string) {
	t.Columns = append(t.Columns, name)
	for i := range t.Rows {
		t.Rows[i].Cells = append(t.Rows[i].Cells, values[i])
	}
	if t.Sources == nil {
		t.Sources = map[string]string{}
	}
	t.Sources[name] = source
}

// Slug turns a municipality's name as people write it ("Fushë Kosovë",
// "Mitrovicë e Veriut") into the name a scenario gives it (fushe_kosove,
// mitrovice_e_veriut): lower case, letters without diacritics, words joined
// by _.
func Slug(s string) string {
	var b strings.Builder
	last := byte('_')
	for _, r := range strings.ToLower(s) {
		if a, ok := plainLetter[r]; ok {
			r = a
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			last = byte(r)
		default:
			if last != '_' {
				b.WriteByte('_')
				last = '_'
			}
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

var plainLetter = map[rune]rune{
	'ë': 'e', 'é': 'e', 'è': 'e', 'ç': 'c', 'č': 'c', 'ć': 'c', 'š': 's', 'ž': 'z', 'đ': 'd',
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'í': 'i', 'ó': 'o', 'ö': 'o', 'ú': 'u', 'ü': 'u',
}
