package models

// The scenario schema is data: for every table of a scenario file, the keys it
// accepts, what each holds, whether it is required and its default. The TOML
// decoder (package scenarios) reads these tables to refuse unknown keys and
// suggest near ones; Validate reads them to check values; the engine reads
// defaults through Inputs.Get. Adding a service kind means adding a table
// here and its formulas in package costing — the file format needs no other
// change.

// A Field is one numeric key of a table.
type Field struct {
	Key      string
	Spec     Spec
	Required bool
	Default  string // used when the key is absent and not Required; "" means absent is zero
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

// Service kinds (docs/METHOD.md §1).
const (
	FosterCare            = "foster_care"
	KinshipCare           = "kinship_care"
	SpecialisedFosterCare = "specialised_foster_care"
	ResidentialCare       = "residential_care"
	SmallGroupHome        = "small_group_home"
	DayCentre             = "day_centre"
	CommunityCentre       = "community_centre"
	Shelter               = "shelter"
	HomeCare              = "home_care"
	SocialWorkCentre      = "social_work_centre"
	CashBenefit           = "cash_benefit"
	TransitionProgramme   = "transition"
)

// PlannedKinds are service kinds a later version will cost; a scenario that
// uses one is told so plainly instead of being told the kind is unknown.
var PlannedKinds []string

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

// familyCareTable is shared by the three family-based care kinds: they differ
// in the allowance paid, not in how they are costed.
func familyCareTable(name string) *Table {
	return &Table{
		Name:  name + " service",
		Flags: provided,
		Texts: []TextField{
			{Key: "kind", Required: true},
			{Key: "title"},
			{Key: "case_worker", RefersTo: "role", Doc: "role whose time manages each placement"},
			{Key: "case_management_funded_by", RefersTo: "service", Doc: "social_work_centre service whose staff budget already pays the case worker; the case-management block is then shown as a memo line, not budgeted twice"},
			{Key: "allowances_paid_by", Doc: "who pays the allowances and placement payments when this budget does not (e.g. a ministry); they are then shown as memo lines"},
		},
		Numbers: []Field{
			{Key: "children", Spec: qty, Required: true, Doc: "children in care, on average over the year (child-years)"},
			{Key: "new_placements", Spec: qty, Doc: "new placements made in the year"},
			{Key: "monthly_allowance", Spec: money, Required: true, Doc: "allowance paid to the carer per child per month"},
			{Key: "allowance_months", Spec: qty, Default: "12", Doc: "months of allowance per child-year"},
			{Key: "client_hours_per_child_year", Spec: qty, Doc: "case worker's client-related hours per child per year"},
			{Key: "carer_support_per_carer", Spec: money, Doc: "annual training, respite and support services per carer household"},
			{Key: "children_per_carer", Spec: positive, Default: "1", Doc: "children per carer household, on average"},
			{Key: "overhead_rate", Spec: share, Doc: "programme overhead as a share of direct costs"},
			{Key: "placement_payment", Spec: money, Doc: "one-off payment to the carer at each new placement"},
			{Key: "recruitment_per_placement", Spec: money, Doc: "carer recruitment cost per new placement"},
			{Key: "assessment_training_per_placement", Spec: money, Doc: "assessment and initial training cost per new placement"},
		},
		Measures: []Measure{{Key: "child_year", Factors: []string{"children"}, Unit: "child-years", PerChild: true}},
	}
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

// premises returns the schema shared by services that run premises or teams
// with staff: every one has a title, a staff basis, an overhead rate, staff
// lines, cost lines and capital items; numbers, tables and measures are the
// kind's own.
func premises(kind string, numbers []Field, tables []string, ratios []string, measures []Measure) *Table {
	return &Table{
		Name:  kind + " service",
		Flags: provided,
		Texts: []TextField{
			{Key: "kind", Required: true},
			{Key: "title"},
			{Key: "staff_basis", Default: BasisRequired, Choices: []string{BasisRequired, BasisCurrent}, Doc: "budget the required posts or the posts filled now"},
		},
		Numbers: append(numbers,
			Field{Key: "overhead_rate", Spec: share, Doc: "overhead as a share of direct costs"}),
		Tables:   append([]string{"staff", "costs", "capital"}, tables...),
		Ratios:   ratios,
		Measures: measures,
	}
}

// MaxCapacity is the most beds a residential service may have: more than
// any children's institution has held, and a bound on the occupancy curve,
// which costs the service once for every bed.
const MaxCapacity = 10000

// residential is the schema of 24-hour care of children in units:
// institutions and small group homes are costed the same way (docs/METHOD.md §6).
func residential(kind string) *Table {
	return premises(kind, []Field{
		{Key: "capacity", Spec: Spec{Kind: Quantity, Positive: true, Max: MaxCapacity}, Required: true, Doc: "beds (places) in all units"},
		{Key: "children", Spec: qty, Required: true, Doc: "children in care, on average over the year (occupied places)"},
		{Key: "units", Spec: Spec{Kind: Quantity, Positive: true, Whole: true, Max: 1000}, Default: "1", Doc: "units (houses, floors, groups) the capacity is divided into; a unit's fixed costs stop only when it closes"},
		{Key: "units_kept_open", Spec: Spec{Kind: Quantity, Whole: true, Max: 1000}, Doc: "units kept open whatever the occupancy (a transition plan sets it year by year); 0: a unit closes as soon as the children fit in fewer"},
	}, nil, []string{"open_places", "children"}, []Measure{
		{Key: "occupied_place_year", Per: "child", Factors: []string{"children"}, Unit: "child-years", PerChild: true},
		// A closed unit's beds cost nothing: costs by bed follow the beds
		// of the units open.
		{Key: "bed_year", Per: "bed", Factors: []string{"open_places"}, Unit: "beds in open units"},
		{Key: "open_unit", Per: "unit", Factors: []string{"open_units"}, Unit: "open units", NoUnit: true},
		// A cost per year — and a post written as posts — is one of a year
		// the service is open: none once every unit has closed.
		{Key: "year_open", Per: PerYear, Factors: []string{"in_operation"}, Unit: "years open", NoUnit: true},
	})
}

// ServiceTables maps every kind to its schema.
var ServiceTables = map[string]*Table{
	FosterCare:            familyCareTable(FosterCare),
	KinshipCare:           familyCareTable(KinshipCare),
	SpecialisedFosterCare: familyCareTable(SpecialisedFosterCare),
	ResidentialCare:       residential(ResidentialCare),
	SmallGroupHome:        residential(SmallGroupHome),
	DayCentre: premises(DayCentre, []Field{
		{Key: "places", Spec: positive, Required: true, Doc: "places (capacity)"},
		{Key: "operating_days", Spec: positive, Required: true, Doc: "days open per year"},
		{Key: "attendance_rate", Spec: positiveShr, Required: true, Doc: "share of places filled on an average open day"},
	}, nil, []string{"places"}, []Measure{
		{Key: "place_year", Per: "place", Factors: []string{"places"}, Unit: "places", PerChild: true},
		{Key: "attendance_day", Per: "attendance_day", Factors: []string{"places", "operating_days", "attendance_rate"}, Unit: "attendance days/year"},
	}),
	CommunityCentre: premises(CommunityCentre, []Field{
		{Key: "families", Spec: positive, Required: true, Doc: "families supported, on average over the year (family-years)"},
		{Key: "cases", Spec: qty, Doc: "cases opened in the year"},
	}, nil, []string{"families"}, []Measure{
		{Key: "family_year", Per: "family", Factors: []string{"families"}, Unit: "family-years", PerChild: true},
		{Key: "case", Per: "case", Factors: []string{"cases"}, Unit: "cases/year"},
	}),
	Shelter: premises(Shelter, []Field{
		{Key: "beds", Spec: positive, Required: true, Doc: "beds"},
		{Key: "occupancy_rate", Spec: positiveShr, Required: true, Doc: "share of bed-nights occupied"},
		{Key: "nights_per_year", Spec: positive, Default: "365", Doc: "nights the shelter is open per year"},
	}, nil, []string{"beds"}, []Measure{
		{Key: "bed_night", Per: "bed_night", Factors: []string{"beds", "nights_per_year", "occupancy_rate"}, Unit: "occupied bed-nights/year"},
		{Key: "bed_year", Per: "bed", Factors: []string{"beds"}, Unit: "beds"},
	}),
	HomeCare: premises(HomeCare, []Field{
		{Key: "visits", Spec: positive, Required: true, Doc: "visits a year"},
		{Key: "hours_per_visit", Spec: positive, Required: true, Doc: "hours of care per visit"},
		{Key: "travel_hours_per_visit", Spec: qty, Doc: "travel hours per visit (part of the worker's time, norm = \"time\")"},
	}, nil, nil, []Measure{
		{Key: "visit", Per: "visit", Factors: []string{"visits"}, Unit: "visits/year"},
		{Key: "care_hour", Per: "hour", Factors: []string{"visits", "hours_per_visit"}, Unit: "care hours/year"},
	}),
	SocialWorkCentre: premises(SocialWorkCentre, nil, []string{"caseload"}, nil, []Measure{
		{Key: "case", Per: "case", Factors: []string{"caseload"}, Unit: "cases/year"},
		{Key: "inhabitant", Factors: []string{"population"}, Unit: "inhabitants"},
	}),
	TransitionProgramme: premises(TransitionProgramme, []Field{
		{Key: "leavers", Spec: qty, Doc: "children leaving residential care in the year (a transition plan sets it year by year)"},
	}, nil, nil, []Measure{
		{Key: "leaver", Per: "leaver", Factors: []string{"leavers"}, Unit: "children leaving/year"},
	}),
	CashBenefit: {
		Name:  "cash_benefit service",
		Flags: provided,
		Texts: []TextField{
			{Key: "kind", Required: true},
			{Key: "title"},
			{Key: "paid_by", Doc: "who pays the benefit when this budget does not (e.g. a ministry); it is then a memo line"},
		},
		Numbers: []Field{
			{Key: "beneficiaries", Spec: qty, Required: true, Doc: "beneficiaries, on average over the year"},
			{Key: "months", Spec: qty, Default: "12", Doc: "months paid per year"},
			{Key: "monthly_amount", Spec: money, Required: true, Doc: "the benefit per beneficiary per month"},
		},
		Tables: []string{"costs"},
		Measures: []Measure{
			{Key: "beneficiary_month", Per: "beneficiary_month", Factors: []string{"beneficiaries", "months"}, Unit: "beneficiary-months/year"},
		},
	},
}

// Staff bases: which posts a service's budget pays for.
const (
	BasisRequired = "required"
	BasisCurrent  = "current"
)

// ServiceKinds lists the kinds in a fixed order.
var ServiceKinds = []string{FosterCare, KinshipCare, SpecialisedFosterCare, ResidentialCare, SmallGroupHome,
	DayCentre, CommunityCentre, Shelter, HomeCare, SocialWorkCentre, CashBenefit, TransitionProgramme}

// FamilyCare reports whether kind is family-based care, costed per child from
// an allowance.
func FamilyCare(kind string) bool {
	return kind == FosterCare || kind == KinshipCare || kind == SpecialisedFosterCare
}

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

// AnyServiceTable accepts the union of every kind's keys; it is used to decode
// a service table before its kind is known, and for suggestions.
func AnyServiceTable() *Table {
	u := &Table{Name: "service", Flags: provided}
	seenN, seenT, seenS := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, k := range ServiceKinds {
		t := ServiceTables[k]
		for _, f := range t.Numbers {
			if !seenN[f.Key] {
				seenN[f.Key] = true
				u.Numbers = append(u.Numbers, f)
			}
		}
		for _, f := range t.Texts {
			if !seenT[f.Key] {
				seenT[f.Key] = true
				u.Texts = append(u.Texts, f)
			}
		}
		for _, s := range t.Tables {
			if !seenS[s] {
				seenS[s] = true
				u.Tables = append(u.Tables, s)
			}
		}
	}
	return u
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
