package templates

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/shopspring/decimal"
)

// Grant writes a grant formula's allocation: the pot and the criteria, every
// municipality's allocation with its share, per capita (per child), change
// against the baseline and gap to costed need, and the summary lines (total,
// lowest and highest per capita, their ratio, the Gini coefficient, gainers
// and losers). format is table, markdown, json or csv; the CSV has one row
// per municipality, and can be read back as the --baseline of a later run.
func Grant(w io.Writer, g *grant.Result, o Options, format Format) error {
	if err := format.text(); err != nil {
		return err
	}
	lang := language(o.Lang, g.Language)
	v := &view{r: &costing.Result{}, lang: lang, num: numbers{lang: lang, decimals: g.MoneyDecimals}}
	gv := &grantView{view: v, g: g}
	switch format {
	case FormatJSON:
		return gv.json(w)
	case FormatCSV:
		return gv.csv(w)
	}
	heading := []string{g.Title.In(v.lang), fmt.Sprintf("%s %s · %s · %s %d · %d %s", v.l("grant_formula"), g.Name, g.Currency, v.l("year"), g.Year, len(g.Rows), pluralInt(v.lang, len(g.Rows), "municipalities"))}
	if g.Caveat != "" {
		heading = append(heading, v.l("caveat")+": "+g.Caveat)
	}
	cur := " (" + g.Currency + ")"
	sections := []section{
		{heading: v.l("grant_pot") + cur, tables: []*table{gv.potTable()}},
		{heading: v.l("grant_allocation") + cur, tables: []*table{gv.allocationTable()}},
		{heading: v.l("grant_summary") + cur, tables: []*table{gv.summaryTable()}},
	}
	if format == FormatMarkdown {
		return v.markdown(w, heading, sections)
	}
	return v.text(w, heading, sections)
}

type grantView struct {
	*view
	g *grant.Result
}

func (v *grantView) money(d decimal.Decimal) string { return v.num.money(d) }

// alloc writes an allocation with the decimals it is rounded to.
func (v *grantView) alloc(d decimal.Decimal) string {
	return numbers{lang: v.lang, decimals: v.g.Decimals}.money(d)
}

func (v *grantView) pct(d decimal.Decimal) string {
	return v.num.group(d.Shift(2).StringFixed(2)) + "%"
}

func (v *grantView) potTable() *table {
	g := v.g
	t := &table{header: []string{v.l("grant_criterion"), v.l("grant_column"), v.l("grant_transform"), v.l("grant_weight"), v.l("grant_indicator_total")},
		right: []bool{false, false, false, true, true}}
	for _, c := range g.Criteria {
		col := c.Column
		if c.Per != "" {
			col += " ÷ " + c.Per
		}
		t.add(false, c.Title.In(v.lang), col, v.l("transform_"+c.Transform), v.pct(c.Weight), v.num.qty(c.Total))
	}
	t.notes = append(t.notes, v.l("grant_pot")+": "+v.alloc(g.Pot)+" — "+v.potHow())
	if g.LumpSums.IsPositive() {
		t.notes = append(t.notes, fmt.Sprintf("%s: %s; %s: %s", v.l("grant_lump_sums"), v.alloc(g.LumpSums), v.l("grant_by_formula"), v.alloc(g.Summary.ByFormula)))
	}
	return t
}

// potHow says how the pot was reached, with the numbers.
func (v *grantView) potHow() string {
	g := v.g
	switch g.PotKind {
	case "share":
		return fmt.Sprintf(v.l("grant_pot_share"), v.num.group(g.PotShare.String()), v.money(g.PotBase))
	case "cost_based":
		return fmt.Sprintf(v.l("grant_pot_cost"), g.NeedFrom, v.money(g.PotBase), v.num.group(g.PotShare.String()))
	}
	return v.l("grant_pot_fixed")
}

// allocationTable is every municipality's allocation, a row each, and the
// total. Its columns are the ones the grant has figures for: population,
// lump sums, per child, baseline and change, need and gap are there only
// when the grant's data has them.
func (v *grantView) allocationTable() *table {
	t := v.allocationColumns()
	for _, r := range v.g.Rows {
		t.add(false, v.allocationRow(r)...)
	}
	t.add(true, v.allocationTotal()...)
	t.notes = append(t.notes, v.allocationNotes()...)
	return t
}

// allocationColumns is the allocation table with its header and nothing
// else: the municipality, the grant's columns, and the rule that bound it.
func (v *grantView) allocationColumns() *table {
	g := v.g
	t := &table{header: []string{v.l("municipality")}, right: []bool{false}}
	col := func(key string) {
		t.header = append(t.header, v.l(key))
		t.right = append(t.right, true)
	}
	if g.HasPopulation {
		col("population")
	}
	col("grant_share")
	if g.LumpSums.IsPositive() {
		col("grant_lump")
	}
	col("grant_allocation_col")
	if g.HasPopulation {
		col("per_inhabitant_col")
	}
	if g.HasChildren {
		col("grant_per_child")
	}
	if g.HasBaseline {
		col("grant_baseline")
		col("grant_change")
		col("grant_change_pct")
	}
	if g.HasNeed {
		col("grant_need")
		col("grant_gap")
	}
	t.header = append(t.header, v.l("grant_rule"))
	t.right = append(t.right, false)
	return t
}

// allocationRow is a municipality's row, in allocationColumns' columns.
func (v *grantView) allocationRow(r grant.Row) []string {
	g := v.g
	row := []string{r.Name}
	if g.HasPopulation {
		row = append(row, v.num.qty(r.Population))
	}
	row = append(row, v.pct(r.Share))
	if g.LumpSums.IsPositive() {
		row = append(row, v.alloc(r.Lump))
	}
	row = append(row, v.alloc(r.Allocation))
	if g.HasPopulation {
		row = append(row, v.money(r.PerCapita.Round(g.MoneyDecimals)))
	}
	if g.HasChildren {
		row = append(row, v.money(r.PerChild.Round(g.MoneyDecimals)))
	}
	if g.HasBaseline {
		chg := ""
		if r.Baseline.IsPositive() {
			chg = v.pct(r.ChangeShare)
		}
		row = append(row, v.money(r.Baseline), v.money(r.Change), chg)
	}
	if g.HasNeed {
		row = append(row, v.money(r.Need), v.money(r.Gap))
	}
	rule := ""
	if r.Bound != "" {
		rule = v.l("bound_" + r.Bound)
	}
	return append(row, rule)
}

// allocationTotal is the total row, in allocationColumns' columns: the
// summary's figures, the average per inhabitant, and blanks where a total
// says nothing (per child, the change in per cent, the rule).
func (v *grantView) allocationTotal() []string {
	g := v.g
	total := []string{v.l("total")}
	if g.HasPopulation {
		total = append(total, v.num.qty(g.Summary.Population))
	}
	total = append(total, v.pct(decimal.NewFromInt(1)))
	if g.LumpSums.IsPositive() {
		total = append(total, v.alloc(g.LumpSums))
	}
	total = append(total, v.alloc(g.Summary.Total))
	if g.HasPopulation {
		avg := ""
		if g.Summary.Population.IsPositive() {
			avg = v.money(g.Summary.PerCapita.Round(g.MoneyDecimals))
		}
		total = append(total, avg)
	}
	if g.HasChildren {
		total = append(total, "")
	}
	if g.HasBaseline {
		total = append(total, v.money(g.Summary.Baseline), v.money(g.Summary.Change), "")
	}
	if g.HasNeed {
		total = append(total, v.money(g.Summary.Need), v.money(g.Summary.Gap))
	}
	return append(total, "")
}

// allocationNotes are the notes under the allocation table: where the need
// and the baseline come from, each column's source, and the formula's
// notes.
func (v *grantView) allocationNotes() []string {
	g := v.g
	var notes []string
	if g.HasNeed {
		notes = append(notes, v.l("grant_gap_note")+" "+v.l("grant_need_from")+": "+g.NeedFrom+".")
	}
	if g.HasBaseline {
		notes = append(notes, v.l("grant_baseline_from")+": "+g.BaselineFrom+".")
	}
	for _, c := range g.Sources {
		if c.Source != "" {
			notes = append(notes, fmt.Sprintf("%s %s: %s", v.l("source"), c.Column, c.Source))
		}
	}
	for _, n := range g.Notes {
		notes = append(notes, v.l("note")+": "+n)
	}
	return notes
}

func (v *grantView) summaryTable() *table {
	g, s := v.g, v.g.Summary
	t := &table{header: []string{v.l("grant_item"), v.l("amount")}, right: []bool{false, true}}
	t.add(true, v.l("grant_total_pot"), v.alloc(s.Total))
	if g.HasPopulation {
		t.add(false, v.l("grant_min_per_capita")+" ("+s.MinName+")", v.money(s.MinPerCapita.Round(g.MoneyDecimals)))
		t.add(false, v.l("grant_max_per_capita")+" ("+s.MaxName+")", v.money(s.MaxPerCapita.Round(g.MoneyDecimals)))
		ratio := v.l("undefined")
		if s.Ratio.IsPositive() {
			ratio = v.num.group(s.Ratio.StringFixed(2))
		}
		t.add(false, v.l("grant_ratio"), ratio)
		t.add(false, v.l("grant_gini"), v.num.group(s.Gini.StringFixed(4)))
	}
	if g.HasBaseline {
		t.add(false, fmt.Sprintf("%s: %d", v.l("grant_gainers"), s.Gainers), v.money(s.Gained))
		t.add(false, fmt.Sprintf("%s: %d", v.l("grant_losers"), s.Losers), v.money(s.Lost.Neg()))
	}
	if g.HasNeed {
		t.add(false, v.l("grant_need_total"), v.money(s.Need))
		t.add(false, v.l("grant_unmet"), v.money(s.Unmet))
	}
	bound := map[string]int{}
	for _, r := range g.Rows {
		if r.Bound != "" {
			bound[r.Bound]++
		}
	}
	for _, b := range []string{"floor", "cap", "hold_harmless"} {
		if bound[b] > 0 {
			t.add(false, fmt.Sprintf("%s: %s", v.l("grant_held"), v.l("bound_"+b)), strconv.Itoa(bound[b]))
		}
	}
	if !g.Scale.Equal(decimal.NewFromInt(1)) {
		t.add(false, v.l("grant_scale"), v.num.group(g.Scale.StringFixed(6)))
	}
	if !g.GainScale.Equal(decimal.NewFromInt(1)) {
		t.add(false, v.l("grant_gain_scale"), v.num.group(g.GainScale.StringFixed(6)))
	}
	t.notes = append(t.notes, fmt.Sprintf(v.l("grant_rounding_note"), fmt.Sprintf("%d %s", g.Rounded, pluralInt(v.lang, g.Rounded, "units"))))
	if g.HasPopulation {
		t.notes = append(t.notes, v.l("grant_gini_note"))
	}
	return t
}

// The JSON document: exact decimals as strings.
type jsonGrant struct {
	Formula struct {
		Name        string `json:"name"`
		Title       string `json:"title"`
		Currency    string `json:"currency"`
		Year        int    `json:"year"`
		Decimals    int32  `json:"allocation_decimals"`
		Caveat      string `json:"caveat,omitempty"`
		Description string `json:"description,omitempty"`
		File        string `json:"file"`
		Data        string `json:"data"`
	} `json:"formula"`
	Pot      string               `json:"pot"`
	PotHow   string               `json:"pot_how"`
	LumpSums string               `json:"lump_sums"`
	Criteria []jsonGrantCriterion `json:"criteria"`
	Rows     []jsonGrantRow       `json:"municipalities"`
	Summary  map[string]any       `json:"summary"`
	Sources  map[string]string    `json:"sources"`
	Notes    []string             `json:"notes"`
}

type jsonGrantCriterion struct {
	Name       string `json:"name"`
	Title      string `json:"title"`
	Column     string `json:"column"`
	Transform  string `json:"transform"`
	Per        string `json:"per,omitempty"`
	Weight     string `json:"weight"`
	Total      string `json:"indicator_total"`
	Source     string `json:"source,omitempty"`
	Assumption string `json:"assumption,omitempty"`
}

type jsonGrantRow struct {
	Name        string  `json:"municipality"`
	Population  *string `json:"population,omitempty"`
	Share       string  `json:"share"`
	Lump        string  `json:"lump_sum"`
	Formula     string  `json:"formula_amount"`
	Allocation  string  `json:"allocation"`
	PerCapita   *string `json:"per_capita,omitempty"`
	Children    *string `json:"children,omitempty"`
	PerChild    *string `json:"per_child,omitempty"`
	Baseline    *string `json:"baseline,omitempty"`
	Change      *string `json:"change,omitempty"`
	ChangeShare *string `json:"change_share,omitempty"`
	Need        *string `json:"need,omitempty"`
	Gap         *string `json:"gap,omitempty"`
	Bound       string  `json:"rule,omitempty"`
}

func opt(ok bool, s string) *string {
	if !ok {
		return nil
	}
	return &s
}

func (v *grantView) json(w io.Writer) error {
	g, s := v.g, v.g.Summary
	var doc jsonGrant
	doc.Formula.Name, doc.Formula.Title, doc.Formula.Currency, doc.Formula.Year = g.Name, g.Title.In(v.lang), g.Currency, g.Year
	doc.Formula.Decimals, doc.Formula.Caveat, doc.Formula.Description = g.Decimals, g.Caveat, g.Description
	doc.Formula.File, doc.Formula.Data = g.File, g.DataFile
	doc.Pot, doc.PotHow, doc.LumpSums = g.Pot.StringFixed(g.Decimals), v.potHow(), g.LumpSums.StringFixed(g.Decimals)
	doc.Criteria = []jsonGrantCriterion{}
	for _, c := range g.Criteria {
		doc.Criteria = append(doc.Criteria, jsonGrantCriterion{c.Name, c.Title.In(v.lang), c.Column, c.Transform, c.Per, c.Weight.String(), c.Total.String(), c.Source, c.Assumption})
	}
	m := g.MoneyDecimals
	for _, r := range g.Rows {
		doc.Rows = append(doc.Rows, jsonGrantRow{
			Name: r.Name, Population: opt(g.HasPopulation, r.Population.String()), Share: r.Share.Round(12).String(),
			Lump: r.Lump.StringFixed(g.Decimals), Formula: r.Formula.Round(6).String(), Allocation: r.Allocation.StringFixed(g.Decimals),
			PerCapita: opt(g.HasPopulation, r.PerCapita.Round(4).String()),
			Children:  opt(g.HasChildren, r.Children.String()), PerChild: opt(g.HasChildren, r.PerChild.Round(4).String()),
			Baseline: opt(g.HasBaseline, r.Baseline.StringFixed(m)), Change: opt(g.HasBaseline, r.Change.StringFixed(m)),
			ChangeShare: opt(g.HasBaseline && r.Baseline.IsPositive(), r.ChangeShare.Round(6).String()),
			Need:        opt(g.HasNeed, r.Need.StringFixed(m)), Gap: opt(g.HasNeed, r.Gap.StringFixed(m)), Bound: r.Bound,
		})
	}
	doc.Summary = map[string]any{"total": s.Total.StringFixed(g.Decimals), "rounded_units": g.Rounded,
		"scale": g.Scale.Round(12).String(), "gain_scale": g.GainScale.Round(12).String()}
	if g.HasPopulation {
		doc.Summary["min_per_capita"] = map[string]string{"municipality": s.MinName, "value": s.MinPerCapita.Round(4).String()}
		doc.Summary["max_per_capita"] = map[string]string{"municipality": s.MaxName, "value": s.MaxPerCapita.Round(4).String()}
		doc.Summary["ratio_max_min"] = s.Ratio.Round(4).String()
		doc.Summary["gini"] = s.Gini.Round(6).String()
	}
	if g.HasBaseline {
		doc.Summary["gainers"], doc.Summary["gained"] = s.Gainers, s.Gained.StringFixed(m)
		doc.Summary["losers"], doc.Summary["lost"] = s.Losers, s.Lost.StringFixed(m)
		doc.Summary["baseline_from"] = g.BaselineFrom
	}
	if g.HasNeed {
		doc.Summary["need"], doc.Summary["gap"], doc.Summary["unmet_need"] = s.Need.StringFixed(m), s.Gap.StringFixed(m), s.Unmet.StringFixed(m)
		doc.Summary["need_from"] = g.NeedFrom
	}
	doc.Sources = map[string]string{}
	for _, c := range g.Sources {
		doc.Sources[c.Column] = c.Source
	}
	doc.Notes = append([]string{}, g.Notes...)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (v *grantView) csv(w io.Writer) error {
	g := v.g
	m := g.MoneyDecimals
	cw := csv.NewWriter(w)
	cw.Write([]string{"municipality", "population", "share", "lump_sum", "allocation", "per_capita", "children", "per_child",
		"baseline", "change", "change_share", "need", "gap", "rule"})
	if_ := func(ok bool, s string) string {
		if ok {
			return s
		}
		return ""
	}
	for _, r := range g.Rows {
		cw.Write([]string{r.Name, if_(g.HasPopulation, r.Population.String()), r.Share.Round(12).String(), r.Lump.StringFixed(g.Decimals),
			r.Allocation.StringFixed(g.Decimals), if_(g.HasPopulation, r.PerCapita.Round(4).String()),
			if_(g.HasChildren, r.Children.String()), if_(g.HasChildren, r.PerChild.Round(4).String()),
			if_(g.HasBaseline, r.Baseline.StringFixed(m)), if_(g.HasBaseline, r.Change.StringFixed(m)),
			if_(g.HasBaseline && r.Baseline.IsPositive(), r.ChangeShare.Round(6).String()),
			if_(g.HasNeed, r.Need.StringFixed(m)), if_(g.HasNeed, r.Gap.StringFixed(m)), r.Bound})
	}
	cw.Flush()
	return cw.Error()
}
