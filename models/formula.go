package models

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// A Formula is a grant formula (docs/METHOD.md §10): a pot divided among
// municipalities by weighted criteria read from a data table, then floors,
// caps, hold-harmless and rounding. Package scenarios reads it from its own
// TOML file (scenarios/GRANTS.md); package costing computes it.
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
	var ps Problems
	at := func(t Text, key string) Position {
		if t.Set {
			return t.Pos
		}
		return Position{File: f.File, Line: f.Pos.Line, Key: key}
	}
	need := func(t Text, key, what string) {
		if !t.Set {
			ps.Add(at(t, key), "", "missing: %s", what)
		}
	}
	need(f.Name, "formula.name", "the formula's name (lower-case letters, digits and _)")
	if f.Name.Set && !ValidName(f.Name.S) {
		ps.Add(f.Name.Pos, fmt.Sprintf("%q", f.Name.S), "expected a name of lower-case letters, digits and _, starting with a letter")
	}
	need(f.Title, "formula.title", "the formula's title, the heading of its reports")
	dec := int32(2)
	if !f.Currency.Set {
		ps.Add(at(f.Currency, "formula.currency"), "", "missing: the ISO 4217 currency code of every amount (%s)", strings.Join(Sorted(Currencies), ", "))
	} else if d, ok := Currencies[f.Currency.S]; !ok {
		ps.Add(f.Currency.Pos, fmt.Sprintf("%q", f.Currency.S), "expected an ISO 4217 currency code kosto knows: %s", strings.Join(Sorted(Currencies), ", "))
	} else {
		dec = d
	}
	if f.Language.Set && f.Language.S != "en" && f.Language.S != "sq" {
		ps.Add(f.Language.Pos, fmt.Sprintf("%q", f.Language.S), "expected \"en\" or \"sq\"")
	}
	if f.Year.Set && (f.Year.Ref != "" || !f.Year.Value.IsInteger() || f.Year.Value.LessThan(decimal.NewFromInt(MinYear)) || f.Year.Value.GreaterThan(decimal.NewFromInt(MaxYear))) {
		ps.Add(f.Year.Pos, f.Year.Raw, "expected a year from %d to %d", MinYear, MaxYear)
	}
	switch f.Rules.Rounding.S {
	case "", RoundCent:
	case RoundUnit:
		dec = 0
	default:
		ps.Add(f.Rules.Rounding.Pos, fmt.Sprintf("%q", f.Rules.Rounding.S), "expected \"unit\" (whole %s) or \"cent\"", f.Currency.S)
	}
	if f.Rules.Rounding.S == RoundCent && Currencies[f.Currency.S] == 0 && f.Currency.Set {
		ps.Add(f.Rules.Rounding.Pos, `"cent"`, "expected \"unit\": %s amounts have no minor unit", f.Currency.S)
	}
	money := func(in Input, what string) {
		if !in.Set {
			return
		}
		switch {
		case in.Ref != "":
			ps.Add(in.Pos, in.Raw, "expected %s as a number: a formula has no parameters", what)
		case in.Float:
			ps.Add(in.Pos, in.Raw, "expected an amount in quotes (%q) or a whole number: a number with decimals written without quotes can silently lose digits", in.Value.String())
		case in.Value.IsNegative():
			ps.Add(in.Pos, in.Raw, "expected %s of zero or more", what)
		case !in.Value.Round(dec).Equal(in.Value):
			ps.Add(in.Pos, in.Raw, "expected %s with at most %d decimals, the unit allocations are rounded to", what, dec)
		}
	}
	share := func(in Input, what string, max1 bool) {
		if !in.Set {
			return
		}
		switch {
		case in.Ref != "":
			ps.Add(in.Pos, in.Raw, "expected %s as a number: a formula has no parameters", what)
		case in.Value.IsNegative() || max1 && in.Value.GreaterThan(decimal.NewFromInt(1)):
			ps.Add(in.Pos, in.Raw, "expected %s from 0 to 1 (5%% is written 0.05)", what)
		}
	}
	// The pot.
	p := &f.Pot
	switch p.Kind {
	case "":
		ps.Add(Position{File: f.File, Line: p.Pos.Line, Key: "pot"}, "", "missing: the pot, one of amount = \"…\", share = … of base = \"…\", or cost_based = { scenario = \"…\" }")
	case PotAmount:
		money(p.Amount, "an amount")
	case PotShare:
		share(p.Share, "a share", true)
		if !p.Base.Set {
			ps.Add(Position{File: f.File, Line: p.Pos.Line, Key: "pot.base"}, "", "missing: the base amount the pot is a share of")
		}
		money(p.Base, "an amount")
	case PotCostBased:
		need(p.Scenario, "pot.cost_based.scenario", "the scenario whose costed need is the pot (a shipped scenario's name or a path)")
		share(p.Share, "a share", true)
		if p.Need.Set && p.Need.S == "" {
			ps.Add(p.Need.Pos, `""`, "expected \"total\", \"staffed_to_norm\" or a figure name such as \"qps.total\"")
		}
		if p.Baseline.Set && p.Baseline.S != NeedTotal {
			ps.Add(p.Baseline.Pos, fmt.Sprintf("%q", p.Baseline.S), "expected \"total\": the scenario's municipality totals are the baseline")
		}
	}
	// The data.
	need(f.Data.File, "data.file", "the data table, a CSV file with one row per municipality")
	need(f.Data.Key, "data.key", "the column that names the municipality")
	// Criteria.
	if len(f.Criteria) == 0 {
		ps.Add(Position{File: f.File, Line: f.Pos.Line, Key: "criteria"}, "", "missing: at least one [criteria.NAME] with column and weight")
	}
	sum := decimal.Zero
	var terms []string
	weightsKnown := true
	for _, c := range f.Criteria {
		key := "criteria." + c.Name
		need(c.Column, key+".column", "the column of the data table that is this criterion's indicator")
		if !c.Weight.Set {
			ps.Add(Position{File: f.File, Line: c.Pos.Line, Key: key + ".weight"}, "", "missing: the criterion's weight, a share from 0 to 1")
			weightsKnown = false
		} else {
			n := len(ps)
			share(c.Weight, "a weight", true)
			if len(ps) > n {
				weightsKnown = false
			}
			sum = sum.Add(c.Weight.Value)
			terms = append(terms, c.Name+" "+c.Weight.Value.String())
		}
		tr := c.Transform.S
		if !c.Transform.Set {
			tr = TransformNone
		}
		switch tr {
		case TransformNone, TransformInverse:
		case TransformPerCapita:
			if !c.Per.Set {
				ps.Add(Position{File: f.File, Line: c.Pos.Line, Key: key + ".per"}, "", "missing: per = the column the indicator is divided by (transform = \"per_capita\"), e.g. per = \"population_2011\"")
			}
		case TransformCapped:
			if !c.Cap.Set {
				ps.Add(Position{File: f.File, Line: c.Pos.Line, Key: key + ".cap"}, "", "missing: cap = the largest value of the indicator counted (transform = \"capped\")")
			} else if c.Cap.Ref != "" || c.Cap.Value.IsNegative() {
				ps.Add(c.Cap.Pos, c.Cap.Raw, "expected a number of zero or more")
			}
		default:
			msg := "expected one of " + quoteList(Transforms)
			if s := Suggest(tr, Transforms); s != "" {
				msg = fmt.Sprintf("did you mean %q? expected one of %s", s, quoteList(Transforms))
			}
			ps.Add(c.Transform.Pos, fmt.Sprintf("%q", tr), "%s", msg)
		}
		if c.Per.Set && tr != TransformPerCapita {
			ps.Add(c.Per.Pos, fmt.Sprintf("%q", c.Per.S), "per applies only to transform = \"per_capita\"")
		}
		if c.Cap.Set && tr != TransformCapped {
			ps.Add(c.Cap.Pos, c.Cap.Raw, "cap applies only to transform = \"capped\"")
		}
	}
	if weightsKnown && len(f.Criteria) > 0 && !sum.Equal(decimal.NewFromInt(1)) {
		diff := decimal.NewFromInt(1).Sub(sum)
		how := fmt.Sprintf("%s short", diff.String())
		if diff.IsNegative() {
			how = fmt.Sprintf("%s over", diff.Neg().String())
		}
		ps.Add(Position{File: f.File, Line: f.CriteriaPos.Line, Key: "criteria"}, sum.String(),
			"expected the weights of the criteria to sum to 1 exactly: %s = %s (%s)", strings.Join(terms, " + "), sum.String(), how)
	}
	// Lump sums and rules.
	for _, k := range Sorted(f.LumpSums) {
		money(f.LumpSums[k], "an amount")
	}
	money(f.Rules.Floor, "an amount")
	money(f.Rules.Cap, "an amount")
	share(f.Rules.HoldHarmless, "a share", true)
	if f.Rules.Floor.Set && f.Rules.Cap.Set && f.Rules.Floor.Ref == "" && f.Rules.Cap.Ref == "" && f.Rules.Floor.Value.GreaterThan(f.Rules.Cap.Value) {
		ps.Add(f.Rules.Cap.Pos, f.Rules.Cap.Raw, "expected a cap of at least the floor (%s)", f.Rules.Floor.Value.String())
	}
	return ps.Err()
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
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
