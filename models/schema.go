package models

// The scenario schema is data: for every table of a scenario file, the keys it
// accepts, what each holds, whether it is required and its default. The TOML
// decoder (package scenarios) reads these tables to refuse unknown keys and
// suggest near ones; Validate reads them to check values; the engine reads
// defaults through Inputs.Get. The kinds of service are in kinds.go: adding
// one means adding its table there, with its traits — the file format, the
// engine, validation and the reports need no other change.

// A Field is one numeric key of a table.
type Field struct {
	Key      string
	Spec     Spec
	Required bool
	Default  string // used when the key is absent and not Required; "" means absent is zero
	Unit     string // what a volume or a rate measures ("child-years", "share"); money's unit is its currency's
	Doc      string
}

// A TextField is one key that holds a word: a choice, or the name of a role
// or service.
type TextField struct {
	Key      string
	Required bool
	Default  string
	Choices  []string // allowed values; nil for free text or a reference
	RefersTo string   // "role" or "service" when the value names one
	Doc      string
}

// A FlagField is one key that holds true or false.
type FlagField struct {
	Key     string
	Default bool
	Doc     string
}

// A Table is the schema of one kind of TOML table.
type Table struct {
	Name     string // for messages: "role", "foster_care service", …
	Traits          // what a service kind's table says of the kind; zero for other tables
	Numbers  []Field
	Texts    []TextField
	Flags    []FlagField
	Tables   []string  // keys that hold named sub-tables (staff, costs, capital, caseload)
	Ratios   []string  // volumes a staff ratio may divide, the default first
	Measures []Measure // units of output of a service
	Lists    []string  // keys that hold a list of names
}

// Flag returns the true/false field with the given key.
func (t *Table) Flag(key string) (FlagField, bool) {
	for _, f := range t.Flags {
		if f.Key == key {
			return f, true
		}
	}
	return FlagField{}, false
}

// provided is the flag every service kind has: a municipality that does not
// offer a service says provided = false, and the service is not costed there.
var provided = []FlagField{{Key: "provided", Default: true,
	Doc: "whether the service is provided (a municipality without it writes provided = false)"}}

// Number returns the numeric field with the given key.
func (t *Table) Number(key string) (Field, bool) {
	for _, f := range t.Numbers {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// Text returns the text field with the given key.
func (t *Table) Text(key string) (TextField, bool) {
	for _, f := range t.Texts {
		if f.Key == key {
			return f, true
		}
	}
	return TextField{}, false
}

// Keys lists every key the table accepts, for "did you mean" suggestions.
func (t *Table) Keys() []string {
	var ks []string
	for _, f := range t.Numbers {
		ks = append(ks, f.Key)
	}
	for _, f := range t.Texts {
		ks = append(ks, f.Key)
	}
	for _, f := range t.Flags {
		ks = append(ks, f.Key)
	}
	ks = append(ks, t.Lists...)
	return append(ks, t.Tables...)
}

var (
	money       = Spec{Kind: Money}
	share       = Spec{Kind: Share}
	positiveShr = Spec{Kind: Share, Positive: true}
	qty         = Spec{Kind: Quantity}
	positive    = Spec{Kind: Quantity, Positive: true}
	wholeYears  = Spec{Kind: Quantity, Positive: true, Whole: true, Max: 200}
)

// RoleTable is the schema of [roles.NAME]: every input of docs/METHOD.md §2's staff
// cost per hour.
var RoleTable = &Table{
	Name: "role",
	Texts: []TextField{
		{Key: "title", Doc: "what the post is called"},
	},
	Numbers: []Field{
		{Key: "monthly_gross", Spec: money, Required: true, Doc: "gross pay of one full-time post per month"},
		{Key: "salary_months", Spec: positive, Default: "12", Doc: "monthly salaries paid per year (13 where a 13th salary is paid)"},
		{Key: "annual_allowances", Spec: money, Doc: "fixed annual allowances per post on top of salary"},
		{Key: "employer_contribution", Spec: share, Required: true, Doc: "employer's social contributions as a share of gross pay (Kosovo pension 0.05; Albania 0.167)"},
		{Key: "overhead_rate", Spec: share, Doc: "management, administration, office and training overheads as a share of employment cost"},
		{Key: "capital_value", Spec: money, Doc: "value of the workspace, vehicle or equipment share per post, charged as an annuity"},
		{Key: "capital_years", Spec: wholeYears, Default: "1", Doc: "years over which capital_value is annuitised"},
		{Key: "capital_rate", Spec: share, Doc: "discount rate of the capital annuity (0 gives straight-line value ÷ years)"},
		{Key: "weeks_per_year", Spec: positive, Default: "52", Doc: "weeks in the working year"},
		{Key: "leave_weeks", Spec: qty, Doc: "annual leave in weeks (days ÷ 5)"},
		{Key: "holiday_weeks", Spec: qty, Doc: "public holidays falling on working days, in weeks"},
		{Key: "sickness_weeks", Spec: qty, Doc: "average sickness absence in weeks"},
		{Key: "training_weeks", Spec: qty, Doc: "training time in weeks"},
		{Key: "hours_per_week", Spec: positive, Required: true, Doc: "contracted hours per week"},
		{Key: "client_related_share", Spec: positiveShr, Default: "1", Doc: "share of productive time spent on cases (direct and case-related work)"},
	},
}

// A Measure is a unit of a service's output, and how many of it the service
// produces in a year: the product of its Factors. A factor is a numeric key
// of the service, or one of the derived volumes "caseload" (the sum of the
// caseload's cases), "population" (the municipality's), and a residential
// service's "open_units" (its units open at its occupancy), "open_places"
// (the beds in them) and "in_operation" (1 while any unit is open, 0 once
// all have closed). Unit costs are given per measure, and cost lines may be
// written per measure (per = Per). A measure per "year" makes the kind's
// costs per year, and its posts written as posts, ones of a year the service
// is open.
type Measure struct {
	Key      string   // the unit-cost measure, e.g. "place_year"
	Per      string   // how a cost line names it, e.g. "place"
	Factors  []string // keys multiplied into the volume
	Unit     string   // the volume's unit, e.g. "attendance days/year"
	NoUnit   bool     // a basis for cost lines only, with no unit cost of its own
	PerChild bool     // the measure the care-type comparison uses: a child (or family) in care for a year
}

// StaffTable is the schema of a service's [services.NAME.staff.POST].
var StaffTable = &Table{
	Name: "staff line",
	Texts: []TextField{
		{Key: "role", Required: true, RefersTo: "role", Doc: "the role that fills these posts"},
		{Key: "norm", Default: NormPosts, Choices: []string{NormPosts, NormRatio, NormContinuous, NormCaseload, NormPopulation, NormTime},
			Doc: "how the required posts are derived"},
		{Key: "ratio_of", Doc: "the volume a ratio or continuous norm divides (default: the kind's first; see its table)"},
	},
	Numbers: []Field{
		{Key: "posts", Spec: qty, Doc: "posts filled now (FTE)"},
		{Key: "per_post", Spec: positive, Doc: "places, children or beds per post (norm = \"ratio\"), or per carer on shift (norm = \"continuous\")"},
		{Key: "shift_hours", Spec: positive, Default: "8760", Doc: "hours a year the shift covers (norm = \"continuous\"; 8,760 is round the clock, 365 × 24)"},
		{Key: "cases_per_worker", Spec: positive, Doc: "cases per worker per year (norm = \"caseload\")"},
		{Key: "inhabitants_per_worker", Spec: positive, Doc: "inhabitants per worker (norm = \"population\")"},
	},
}

// Staffing norms: how a staff line's required FTE is derived (docs/METHOD.md §3).
const (
	NormPosts      = "posts"      // required = the posts written
	NormRatio      = "ratio"      // volume ÷ per_post
	NormContinuous = "continuous" // ⌈volume ÷ per_post⌉ posts on shift × shift_hours ÷ productive hours
	NormCaseload   = "caseload"   // cases ÷ cases_per_worker
	NormPopulation = "population" // population ÷ inhabitants_per_worker
	NormTime       = "time"       // workload hours ÷ (productive hours × client-related share)
)

// Cost-line bases that every kind with cost lines has; the others are its
// measures' Per.
const (
	PerYear = "year"
	PerPost = "post"
)

// CostTable is the schema of [services.NAME.costs.LINE]: any other cost, fixed
// per year or per unit of output.
var CostTable = &Table{
	Name: "cost line",
	Texts: []TextField{
		{Key: "title"},
		{Key: "per", Default: PerYear, Doc: "what the amount is per: \"year\", \"post\" or one of the kind's measures (see its table)"},
		{Key: "element", Required: true, Choices: LineElements, Doc: "cost element, which the classification maps to an economic category"},
	},
	Numbers: []Field{
		{Key: "amount", Spec: money, Required: true, Doc: "the amount, per year or per the unit named by per"},
	},
}

// CapitalTable is the schema of [services.NAME.capital.ITEM]: a building,
// vehicle or equipment charged as an annuity (Excel PMT).
var CapitalTable = &Table{
	Name: "capital item",
	Texts: []TextField{
		{Key: "title"},
		{Key: "per", Default: PerYear, Doc: "\"year\" for the whole service, or \"unit\" for each open unit of a residential service"},
	},
	Numbers: []Field{
		{Key: "value", Spec: money, Required: true, Doc: "what the item costs to buy, build or convert"},
		{Key: "years", Spec: wholeYears, Required: true, Doc: "its useful life in years"},
		{Key: "rate", Spec: share, Doc: "the discount rate of the annuity (0 gives value ÷ years)"},
	},
}

// CaseloadTable is the schema of [services.NAME.caseload.CATEGORY].
var CaseloadTable = &Table{
	Name: "caseload category",
	Texts: []TextField{
		{Key: "title"},
	},
	Numbers: []Field{
		{Key: "cases", Spec: qty, Required: true, Doc: "cases handled per year"},
		{Key: "hours_per_case", Spec: qty, Doc: "client-related worker hours per case (norm = \"time\")"},
	},
}

// Staff bases: which posts a service's budget pays for.
const (
	BasisRequired = "required"
	BasisCurrent  = "current"
)

// Bases lists what a cost line of the kind may be per: "year", "post" where
// the kind has staff, and its measures.
func (t *Table) Bases() []string {
	bs := []string{PerYear}
	if contains(t.Tables, "staff") {
		bs = append(bs, PerPost)
	}
	for _, m := range t.Measures {
		if m.Per != "" && !contains(bs, m.Per) {
			bs = append(bs, m.Per)
		}
	}
	return bs
}

// Measure returns the measure a cost line names by per.
func (t *Table) Measure(per string) (Measure, bool) {
	for _, m := range t.Measures {
		if m.Per == per && per != "" {
			return m, true
		}
	}
	return Measure{}, false
}

// Drivers a central cost is shared among services by.
const (
	ByFTE        = "fte"         // the posts each service's budget pays for
	ByCases      = "cases"       // children, families or places in care, or a centre's cases
	ByDirectCost = "direct_cost" // each service's own budget before the shares
)

// OverheadTable is the schema of [overheads.NAME]: a central cost — the
// Centre for Social Work's director and administration, the municipal
// directorate's share — shared among services instead of charged as a rate.
var OverheadTable = &Table{
	Name: "central cost",
	Texts: []TextField{
		{Key: "title"},
		{Key: "by", Required: true, Choices: []string{ByFTE, ByCases, ByDirectCost}, Doc: "what the cost is shared by"},
		{Key: "paid_by", Doc: "who pays the central cost when this budget does not; the shares are then memo lines"},
	},
	Numbers: []Field{
		{Key: "amount", Spec: money, Required: true, Doc: "the central cost per year, in each municipality (a parameter a municipality may override)"},
	},
	Lists: []string{"services"},
}

// MunicipalityTable is the schema of [municipalities.NAME].
var MunicipalityTable = &Table{
	Name: "municipality",
	Texts: []TextField{
		{Key: "title", Doc: "the municipality's name as written in reports"},
	},
	Numbers: []Field{
		{Key: "population", Spec: qty, Doc: "inhabitants (needed by population norms and per-inhabitant figures)"},
	},
	Tables: []string{"parameters", "services"},
}
