package costing

import (
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// A Result is a costed scenario: the graph, its values, and the structure a
// report walks (which nodes are unit costs, lines, staffing and totals).
// Renderers read figures through Value and Name, so every figure they print
// can also say which node it is.
type Result struct {
	Graph          *Graph
	Values         Values
	Scenario       Meta
	Classification *models.Classification
	Roles          []RoleResult
	Municipalities []MunicipalityResult
	Services       []ServiceTotal  // each service summed over municipalities
	Staffing       []StaffingTotal // each staff line summed over municipalities (scenarios of two or more)
	ByCategory     []NodeID        // per category of Classification, over municipalities
	Total          NodeID
	Warnings       models.Problems
	Funnels        []FunnelResult    // foster-carer recruitment funnels, by name
	Transition     *TransitionResult // the services a transition plan moves children between; nil without one
	plan           *plan             // how the leaves move over the projection's horizon
	scenario       *models.Scenario  // what the figures were built from, for Check's positions
}

// Meta describes the scenario a result came from.
type Meta struct {
	Name, Country, Currency, Language, Description string
	Title                                          models.Phrase
	BaseYear                                       int
	Files                                          []string
}

// Value returns a figure's value and whether it is defined.
func (r *Result) Value(id NodeID) (decimal.Decimal, bool) { return r.Values.Get(id) }

// Node returns a figure's node.
func (r *Result) Node(id NodeID) *Node { return &r.Graph.Nodes[id] }

// RoleResult is the cost of one full-time post of a role (docs/METHOD.md §2).
type RoleResult struct {
	Name              string
	Title             models.Phrase
	Municipality      string // set when a municipality's parameters change the role's cost
	AnnualGross       NodeID
	OnCosts           NodeID
	EmploymentCost    NodeID
	Overheads         NodeID
	Capital           NodeID
	AnnualCostPerFTE  NodeID
	ProductiveWeeks   NodeID
	ProductiveHours   NodeID
	ClientHours       NodeID // productive hours × client-related share
	CostPerHour       NodeID
	CostPerClientHour NodeID
}

// MunicipalityResult is one municipality's services and totals.
type MunicipalityResult struct {
	Name          string
	Title         models.Phrase
	Population    NodeID // -1 when not given
	Services      []ServiceResult
	ByCategory    []NodeID
	Total         NodeID
	PerInhabitant NodeID // the total per inhabitant; -1 without a population
	Reference     string // the service comparisons take their ratios against; "" when none
}

// ServiceResult is one service costed in one municipality.
type ServiceResult struct {
	Name, Kind string
	Title      models.Phrase
	UnitCosts  []UnitCost
	Lines      []Line
	Staffing   []Staffing
	Total      NodeID // the annual budget: the sum of budgeted lines
	Memo       NodeID // lines paid from another budget (-1 when none)
	FullCost   NodeID // what the service costs, whoever pays: Total + Memo (Total when there is no memo line)
	Compare    *Comparison
	Inputs     map[string]NodeID // the service's own input leaves by key (children, units, …)
	// For kinds children leave (residential care), the volumes the
	// occupancy curve and a transition plan move and read (-1 otherwise).
	Children, Capacity, OpenUnits, UnitsNeeded, UnitCapacity NodeID
}

// A UnitCost is the cost of one unit of a service's output, built from
// blocks that sum to it.
type UnitCost struct {
	Measure string // glossary key: "child_year", "placement", "place_year", "attendance_day", "case", "inhabitant"
	Volume  NodeID // units of output in the year (-1 when not meaningful)
	Cost    NodeID
	Blocks  []NodeID
}

// A Line is one annual cost line of a service: its cost element, the
// economic category the classification puts it in, and whether the service's
// budget pays it (a memo line is paid from another budget and is shown, not
// added).
type Line struct {
	Node     NodeID
	Element  string
	Category int
	Budgeted bool
	FundedBy models.Phrase // for a memo line: the service whose budget pays it, or who pays it (a ministry), as written
}

// Staffing is one staff line's requirement against the posts filled now.
type Staffing struct {
	Post, Role    string
	RoleTitle     models.Phrase
	Norm          string
	ByNorm        []NormFTE // FTE under every norm the scenario gives inputs for
	RequiredFTE   NodeID    // under the chosen norm, unrounded
	RequiredPosts NodeID    // whole posts: RequiredFTE rounded up
	CurrentPosts  NodeID
	Gap           NodeID // required posts − current posts
	Missing       NodeID // the gap where positive: posts to fill
	GapCost       NodeID // yearly cost of filling the gap (zero when there is none)
	Budgeted      NodeID // the posts the budget pays for
}

// NormFTE is the FTE one norm gives.
type NormFTE struct {
	Norm string
	FTE  NodeID
}

// ServiceTotal is a service summed over municipalities.
type ServiceTotal struct {
	Name, Kind string
	Title      models.Phrase
	Total      NodeID
}

// TransitionResult names the services a transition plan moves children
// between.
type TransitionResult struct {
	From      *ServiceResult
	To        []*ServiceResult // the services children go to
	Programme *ServiceResult   // the transition programme, if any
}
