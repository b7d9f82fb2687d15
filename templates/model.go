package templates

import (
	"strconv"

	"github.com/kosto-project/kosto/costing"
	"github.com/shopspring/decimal"
)

// A Document is one report as every output shows it: a title, the lines
// under it, sections of tables and charts, and the warnings. The code that
// knows the domain builds it once from the engine's results (the builders,
// one per command: RunReport, ProjectReport, …); the renderers — text,
// Markdown, CSV, JSON, the workbook's Results sheet and the web page —
// only lay it out. A cell carries the figure it shows, already computed and
// rounded by the engine, and, where the figure is a node of the
// calculation graph, which node: a renderer formats the value (or, in a
// workbook, refers to the node's calculation cell) and never computes one.
type Document struct {
	Report   string   // what it is: "run", "project", "compare", "care", "curve", "funnel", "grant"
	Lang     string   // the language it is written in, one of models.Languages
	Name     string   // the scenario's or formula's name
	Currency string   // ISO code of its money
	Title    string   // its first line
	Lines    []string // the lines under the title: what it is, from what
	Sections []*Section
	Notes    []string // said at the end, before the warnings
	Warnings []string
}

// A Section is a heading and the tables and charts under it.
type Section struct {
	Heading string
	Tables  []*Table
	Charts  []*Chart
}

// A Table is one titled grid. Its first column names the rows; the others
// hold figures, or words.
type Table struct {
	Key          string // what it is, for programs: "staff_costs", "budget", "projection", …
	Title        string // under the section's heading; "" when the heading says it
	Municipality string // the municipality it belongs to, when one does
	Columns      []Column
	Rows         []Row
	Notes        []string
}

// A Column is a table's column: its heading, and its key for programs (a
// glossary key, a year, a service's name).
type Column struct {
	Label   string
	Key     string
	Numeric bool // figures: aligned right
	// Memo marks a column of costs another budget pays: shown in brackets
	// and outside the column totals.
	Memo bool
}

// A Row is a line of a table.
type Row struct {
	Key   string // what the row is, for programs (a municipality's name); "" when its label says it
	Cells []Cell
	Total bool // a total: bold, after a rule
	Group bool // a heading over the rows below it (a service in a budget)
	Level int  // indentation of its first cell
}

// Label is the row's first cell: its words, or its figure as programs
// read it (a year).
func (r Row) Label() string {
	if len(r.Cells) == 0 {
		return ""
	}
	if c := r.Cells[0]; c.IsFigure() {
		return exact(c)
	}
	return r.Cells[0].Text
}

// A Kind is what a cell holds, which decides how it is written.
type Kind uint8

// The kinds of cell.
const (
	KindText     Kind = iota // words
	KindMoney                // an amount with Places decimals
	KindMemo                 // an amount another budget pays: in brackets, outside totals
	KindQuantity             // FTE, hours, children: at most two decimals
	KindShare                // a fraction shown as a percentage, with Places decimals (0: at most two)
	KindRatio                // a multiple, 2.35×
	KindNumber               // a plain number with Places decimals (a scale, a Gini coefficient)
	KindCount                // a whole number, written without separators (a year, a count)
)

var kindNames = [...]string{"text", "money", "memo", "quantity", "share", "ratio", "number", "count"}

func (k Kind) String() string { return kindNames[k] }

// A Cell is one cell of a table: words, or a figure with its value.
type Cell struct {
	Kind    Kind
	Text    string // the words of a text cell; after a figure, a mark ("*")
	Value   decimal.Decimal
	Defined bool  // false: the figure is undefined (a division by zero), shown as n/a
	Places  int32 // decimals shown, for money, memo, ratios and numbers
	Unit    string
	Source  *Source // the graph node the figure is; nil for words and for figures that are no node
}

// IsFigure reports whether the cell holds a figure.
func (c Cell) IsFigure() bool { return c.Kind != KindText }

// A Source is the node of the calculation graph a cell shows, in the base
// year or in a year of a projection.
type Source struct {
	Result *costing.Result
	Node   costing.NodeID
	K      int // the projection's year index; -1 for the base year
	Year   int // the calendar year
}

// Figure is the node's stable name, for `kosto explain`.
func (s *Source) Figure() string { return s.Result.Node(s.Node).Name }

// Words is a cell of words.
func Words(s string) Cell { return Cell{Kind: KindText, Text: s} }

// Blank is an empty cell.
func Blank() Cell { return Cell{Kind: KindText} }

// Money is an amount that is no node of the graph (a difference between
// two scenarios, a grant's allocation), with places decimals.
func Money(d decimal.Decimal, places int32) Cell {
	return Cell{Kind: KindMoney, Value: d, Defined: true, Places: places}
}

// Figure is a cell of kind k holding d.
func Figure(k Kind, d decimal.Decimal, places int32) Cell {
	return Cell{Kind: k, Value: d, Defined: true, Places: places}
}

// Count is a whole number.
func Count(n int) Cell {
	return Cell{Kind: KindCount, Value: decimal.NewFromInt(int64(n)), Defined: true}
}

// nodeCell is the cell showing node id of r in year index k (-1: the base
// year): money with the currency's decimals (memo money when memo), any
// other figure a quantity.
func nodeCell(r *costing.Result, p *costing.Projection, k int, id costing.NodeID, memo bool) Cell {
	n := r.Node(id)
	c := Cell{Kind: KindQuantity, Unit: n.Unit, Source: &Source{Result: r, Node: id, K: k, Year: r.Scenario.BaseYear}}
	if n.Money {
		c.Kind, c.Places = KindMoney, r.Graph.Decimals
		if memo {
			c.Kind = KindMemo
		}
	}
	if k >= 0 {
		c.Source.Year = p.Years[k]
		c.Value, c.Defined = p.Value(k, id)
	} else {
		c.Value, c.Defined = r.Value(id)
	}
	return c
}

// yearColumns are the columns of a table with a column per year.
func yearColumns(years []int) []Column {
	cols := make([]Column, len(years))
	for i, y := range years {
		s := strconv.Itoa(y)
		cols[i] = Column{Label: s, Key: s, Numeric: true}
	}
	return cols
}

// A ChartKind is how a chart draws its series.
type ChartKind uint8

// The kinds of chart.
const (
	ChartBars    ChartKind = iota // a bar per category and series
	ChartStacked                  // the series stacked in a column per category
	ChartLines                    // a line per series
	ChartCombo                    // bars, with the Lines series drawn as lines over them
)

// A Chart draws a table's figures. Its series are rows of the table (over
// the figure columns) or columns of it (over the rows that are no total).
type Chart struct {
	Title        string
	Kind         ChartKind
	Table        *Table
	Rows         []int // the series are these rows …
	Columns      []int // … or these columns
	Lines        []int // in a combo, the series (by position) drawn as lines
	ValueAxis    string
	CategoryAxis string
}
