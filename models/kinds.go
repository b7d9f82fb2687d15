package models

// The kinds of service kosto costs (docs/METHOD.md §1), each a table of the
// schema with the traits package costing, validation and the reports read
// instead of asking for a kind by name: how the kind is costed, what its
// cases are, what it is to a transition plan, where reports list it. Adding
// a kind is adding its table here — and a formula to package costing only if
// it is costed in a way no kind is yet.

// Service kinds.
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

// A Method is how a kind is costed.
type Method uint8

const (
	// ByMeasures costs a service that runs premises or a team: the kind's
	// measures give its volumes, staff lines its posts, cost lines and
	// capital items what they are per, and unit costs divide each annual
	// block by each measure's volume.
	ByMeasures Method = iota
	// UnitFirst costs family-based care: a unit cost per child-year built
	// from the allowance, the case worker's time, carer support and overhead,
	// and one-off costs per new placement; the year's lines are those blocks
	// times the children and the placements.
	UnitFirst
)

// Traits are what the engine, validation and the reports know of a kind.
type Traits struct {
	Method Method
	// Doc says what the kind is, for the format's reference (FORMAT.md §5).
	Doc string
	// Titles name the kind in each report language.
	Titles map[string]string
	// Order is where reports list the kind's services: lower first, then
	// the kinds without an order; by name within a kind.
	Order int
	// Reference ranks the kind as the care-type comparison's reference: the
	// ratio of every service's cost per child is to the service of the
	// lowest rank (1 is non-kin foster care); 0 never.
	Reference int
	// Cases is the volume a central cost shared "by cases" counts for the
	// kind ("children", "families", "places", "caseload"); "" when the kind
	// has none to share by.
	Cases string
	// ManagesCases marks the kind whose staff can manage family care's
	// cases: case_management_funded_by names a service of such a kind.
	ManagesCases bool
	// Workload is where a "time" norm's hours come from when it is not
	// the caseload's; nil: the caseload (cases × hours per case).
	Workload *Workload
	// Benefit is a line the kind pays by definition; nil for none.
	Benefit *Benefit
	// What the kind is to a transition plan: Leaves, a service children
	// leave (its units close); Receives, the input children arriving are
	// added to ("" when it cannot receive them) and Placements, an input
	// that counts them again as new placements; Leavers, the input the
	// plan sets to the children leaving each year (a transition programme).
	Leaves     bool
	Receives   string
	Placements string
	Leavers    string
}

// A Workload is the hours a kind's work takes: Count × the sum of Hours,
// each a numeric key of the kind (home care: visits × (hours_per_visit +
// travel_hours_per_visit)).
type Workload struct {
	Count string
	Hours []string
}

// A Benefit is a line a kind pays by definition: Amount, a money key of the
// kind, times the volume of the measure cost lines name Per, in Element; a
// memo line when the text key PaidBy names another payer.
type Benefit struct {
	Amount, Per, Element, PaidBy string
}

// ServiceKinds lists the kinds in a fixed order: the order of the format's
// reference and of every list of kinds.
var ServiceKinds = []string{FosterCare, KinshipCare, SpecialisedFosterCare, ResidentialCare, SmallGroupHome,
	DayCentre, CommunityCentre, Shelter, HomeCare, SocialWorkCentre, CashBenefit, TransitionProgramme}

// ServiceTables maps every kind to its schema.
var ServiceTables = map[string]*Table{
	FosterCare:  familyCare(FosterCare, Traits{Titles: titles("Foster care", "Strehim familjar", "Hraniteljstvo"), Order: 2, Reference: 1}),
	KinshipCare: familyCare(KinshipCare, Traits{Titles: titles("Kinship care", "Kujdes farefisnor", "Srodničko hraniteljstvo"), Order: 4, Reference: 2}),
	SpecialisedFosterCare: familyCare(SpecialisedFosterCare, Traits{Titles: titles("Specialised foster care", "Strehim familjar i specializuar", "Specijalizovano hraniteljstvo"),
		Order: 3, Reference: 3}),
	ResidentialCare: residential(ResidentialCare, titles("Residential care", "Kujdes rezidencial", "Rezidencijalna zaštita")),
	SmallGroupHome:  residential(SmallGroupHome, titles("Small group home", "Shtëpi e vogël në komunitet", "Mala grupna kuća")),
	DayCentre: premises(DayCentre, Traits{Doc: "Day care, e.g. for children with disabilities.", Titles: titles("Day centre", "Qendër ditore", "Dnevni centar"), Order: 5, Cases: "places", Receives: "places"}, []Field{
		{Key: "places", Spec: positive, Required: true, Unit: "places", Doc: "places (capacity)"},
		{Key: "operating_days", Spec: positive, Required: true, Unit: "days/year", Doc: "days open per year"},
		{Key: "attendance_rate", Spec: positiveShr, Required: true, Unit: "share", Doc: "share of places filled on an average open day"},
	}, nil, []string{"places"}, []Measure{
		{Key: "place_year", Per: "place", Factors: []string{"places"}, Unit: "places", PerChild: true},
		{Key: "attendance_day", Per: "attendance_day", Factors: []string{"places", "operating_days", "attendance_rate"}, Unit: "attendance days/year"},
	}),
	CommunityCentre: premises(CommunityCentre, Traits{Doc: "A multidisciplinary team supporting families at risk.", Titles: titles("Community centre", "Qendër komunitare", "Centar u zajednici"), Cases: "families", Receives: "families"}, []Field{
		{Key: "families", Spec: positive, Required: true, Unit: "family-years", Doc: "families supported, on average over the year (family-years)"},
		{Key: "cases", Spec: qty, Unit: "cases/year", Doc: "cases opened in the year"},
	}, nil, []string{"families"}, []Measure{
		{Key: "family_year", Per: "family", Factors: []string{"families"}, Unit: "family-years", PerChild: true},
		{Key: "case", Per: "case", Factors: []string{"cases"}, Unit: "cases/year"},
	}),
	Shelter: premises(Shelter, Traits{Doc: "Emergency accommodation, staffed round the clock.", Titles: titles("Shelter", "Strehimore", "Sklonište")}, []Field{
		{Key: "beds", Spec: positive, Required: true, Unit: "beds", Doc: "beds"},
		{Key: "occupancy_rate", Spec: positiveShr, Required: true, Unit: "share", Doc: "share of bed-nights occupied"},
		{Key: "nights_per_year", Spec: positive, Default: "365", Unit: "nights/year", Doc: "nights the shelter is open per year"},
	}, nil, []string{"beds"}, []Measure{
		{Key: "bed_night", Per: "bed_night", Factors: []string{"beds", "nights_per_year", "occupancy_rate"}, Unit: "occupied bed-nights/year"},
		{Key: "bed_year", Per: "bed", Factors: []string{"beds"}, Unit: "beds"},
	}),
	HomeCare: premises(HomeCare, Traits{Doc: "Support delivered at home, by visits; the time norm takes its workload from the visits.", Titles: titles("Home care", "Kujdes në shtëpi", "Pomoć i nega u kući"),
		Workload: &Workload{Count: "visits", Hours: []string{"hours_per_visit", "travel_hours_per_visit"}}}, []Field{
		{Key: "visits", Spec: positive, Required: true, Unit: "visits/year", Doc: "visits a year"},
		{Key: "hours_per_visit", Spec: positive, Required: true, Unit: "hours/visit", Doc: "hours of care per visit"},
		{Key: "travel_hours_per_visit", Spec: qty, Unit: "hours/visit", Doc: "travel hours per visit (part of the worker's time, norm = \"time\")"},
	}, nil, nil, []Measure{
		{Key: "visit", Per: "visit", Factors: []string{"visits"}, Unit: "visits/year"},
		{Key: "care_hour", Per: "hour", Factors: []string{"visits", "hours_per_visit"}, Unit: "care hours/year"},
	}),
	SocialWorkCentre: premises(SocialWorkCentre, Traits{Doc: "The Centre for Social Work (QPS; NJMF in Albania).", Titles: titles("Centre for Social Work", "Qendra për Punë Sociale", "Centar za socijalni rad"), Order: 1,
		Cases: "caseload", ManagesCases: true}, nil, []string{"caseload"}, nil, []Measure{
		{Key: "case", Per: "case", Factors: []string{"caseload"}, Unit: "cases/year"},
		{Key: "inhabitant", Factors: []string{"population"}, Unit: "inhabitants"},
	}),
	TransitionProgramme: premises(TransitionProgramme, Traits{Doc: "The one-off and time-limited costs of a transition out of residential care (reintegration support per child leaving, a team, converting a building); a [transition] plan sets its leavers year by year.", Titles: titles("Transition programme", "Programi i tranzicionit", "Program tranzicije"), Leavers: "leavers"}, []Field{
		{Key: "leavers", Spec: qty, Unit: "children leaving/year", Doc: "children leaving residential care in the year (a transition plan sets it year by year)"},
	}, nil, nil, []Measure{
		{Key: "leaver", Per: "leaver", Factors: []string{"leavers"}, Unit: "children leaving/year"},
	}),
	CashBenefit: {
		Name:   "cash_benefit service",
		Traits: Traits{Doc: "A transfer per beneficiary per month (social assistance, a disability allowance); `paid_by` makes it a memo line when another budget pays it.", Titles: titles("Cash benefit", "Ndihmë në para", "Novčana pomoć"), Benefit: &Benefit{Amount: "monthly_amount", Per: "beneficiary_month", Element: ElementTransfers, PaidBy: "paid_by"}},
		Flags:  provided,
		Texts: []TextField{
			{Key: "kind", Required: true},
			{Key: "title"},
			{Key: "paid_by", Doc: "who pays the benefit when this budget does not (e.g. a ministry); it is then a memo line"},
		},
		Numbers: []Field{
			{Key: "beneficiaries", Spec: qty, Required: true, Unit: "beneficiaries", Doc: "beneficiaries, on average over the year"},
			{Key: "months", Spec: qty, Default: "12", Unit: "months/year", Doc: "months paid per year"},
			{Key: "monthly_amount", Spec: money, Required: true, Doc: "the benefit per beneficiary per month"},
		},
		Tables: []string{"costs"},
		Measures: []Measure{
			{Key: "beneficiary_month", Per: "beneficiary_month", Factors: []string{"beneficiaries", "months"}, Unit: "beneficiary-months/year"},
		},
	},
}

func titles(en, sq, sr string) map[string]string {
	return map[string]string{"en": en, "sq": sq, "sr": sr}
}

// familyCare is the schema of the three family-based care kinds: they
// differ in the allowance paid, not in how they are costed.
func familyCare(name string, tr Traits) *Table {
	tr.Method, tr.Cases, tr.Receives, tr.Placements = UnitFirst, "children", "children", "new_placements"
	tr.Doc = "Family-based care: costed per child-year and per new placement. The three kinds are costed alike; they differ in the allowance a scenario gives them."
	return &Table{
		Name:   name + " service",
		Traits: tr,
		Flags:  provided,
		Texts: []TextField{
			{Key: "kind", Required: true},
			{Key: "title"},
			{Key: "case_worker", RefersTo: "role", Doc: "role whose time manages each placement"},
			{Key: "case_management_funded_by", RefersTo: "service", Doc: "social_work_centre service whose staff budget already pays the case worker; the case-management block is then shown as a memo line, not budgeted twice"},
			{Key: "allowances_paid_by", Doc: "who pays the allowances and placement payments when this budget does not (e.g. a ministry); they are then shown as memo lines"},
		},
		Numbers: []Field{
			{Key: "children", Spec: qty, Required: true, Unit: "child-years", Doc: "children in care, on average over the year (child-years)"},
			{Key: "new_placements", Spec: qty, Unit: "placements/year", Doc: "new placements made in the year"},
			{Key: "monthly_allowance", Spec: money, Required: true, Doc: "allowance paid to the carer per child per month"},
			{Key: "allowance_months", Spec: qty, Default: "12", Unit: "months/child-year", Doc: "months of allowance per child-year"},
			{Key: "client_hours_per_child_year", Spec: qty, Unit: "hours/child-year", Doc: "case worker's client-related hours per child per year"},
			{Key: "carer_support_per_carer", Spec: money, Doc: "annual training, respite and support services per carer household"},
			{Key: "children_per_carer", Spec: positive, Default: "1", Unit: "children/carer", Doc: "children per carer household, on average"},
			{Key: "overhead_rate", Spec: share, Unit: "share", Doc: "programme overhead as a share of direct costs"},
			{Key: "placement_payment", Spec: money, Doc: "one-off payment to the carer at each new placement"},
			{Key: "recruitment_per_placement", Spec: money, Doc: "carer recruitment cost per new placement"},
			{Key: "assessment_training_per_placement", Spec: money, Doc: "assessment and initial training cost per new placement"},
		},
		Measures: []Measure{{Key: "child_year", Factors: []string{"children"}, Unit: "child-years", PerChild: true}},
	}
}

// premises returns the schema shared by services that run premises or teams
// with staff: every one has a title, a staff basis, an overhead rate, staff
// lines, cost lines and capital items; its traits, numbers, tables and
// measures are the kind's own.
func premises(kind string, tr Traits, numbers []Field, tables []string, ratios []string, measures []Measure) *Table {
	return &Table{
		Name:   kind + " service",
		Traits: tr,
		Flags:  provided,
		Texts: []TextField{
			{Key: "kind", Required: true},
			{Key: "title"},
			{Key: "staff_basis", Default: BasisRequired, Choices: []string{BasisRequired, BasisCurrent}, Doc: "budget the required posts or the posts filled now"},
		},
		Numbers: append(numbers,
			Field{Key: "overhead_rate", Spec: share, Unit: "share", Doc: "overhead as a share of direct costs"}),
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
// institutions and small group homes are costed the same way
// (docs/METHOD.md §6). Children leave it in a transition, and it receives
// them too.
func residential(kind string, names map[string]string) *Table {
	return premises(kind, Traits{Titles: names, Cases: "children", Leaves: true, Receives: "children",
		Doc: "24-hour care of children in units: an institution, or a small group home of a few children. Its fixed costs (staff round the clock, posts, capital, running costs per year or per open unit) stay until a unit closes, so the cost per child rises as children leave; once every unit has closed it costs nothing. Children leave it in a transition plan. The two kinds are costed alike."}, []Field{
		{Key: "capacity", Spec: Spec{Kind: Quantity, Positive: true, Max: MaxCapacity}, Required: true, Unit: "beds", Doc: "beds (places) in all units"},
		{Key: "children", Spec: qty, Required: true, Unit: "child-years", Doc: "children in care, on average over the year (occupied places)"},
		{Key: "units", Spec: Spec{Kind: Quantity, Positive: true, Whole: true, Max: 1000}, Default: "1", Unit: "units", Doc: "units (houses, floors, groups) the capacity is divided into; a unit's fixed costs stop only when it closes"},
		{Key: "units_kept_open", Spec: Spec{Kind: Quantity, Whole: true, Max: 1000}, Unit: "units", Doc: "units kept open whatever the occupancy (a transition plan sets it year by year); 0: a unit closes as soon as the children fit in fewer"},
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

// KindsWith lists, in ServiceKinds order, the kinds whose traits satisfy
// has: the kinds a message can offer in place of a wrong one.
func KindsWith(has func(*Table) bool) []string {
	var ks []string
	for _, k := range ServiceKinds {
		if has(ServiceTables[k]) {
			ks = append(ks, k)
		}
	}
	return ks
}

// anyService is the union of every kind's keys (AnyServiceTable), made once
// and again whenever AddKind adds a kind.
var anyService = unionOfKinds()

// AnyServiceTable accepts the union of every kind's keys; it is used to decode
// a service table before its kind is known, and for suggestions.
func AnyServiceTable() *Table { return anyService }

// AddKind adds a kind of service to the schema, after the shipped ones: its
// table, with its traits, is all the engine, validation and the reports need
// of it (costing needs a formula of its own only for a new Method). It is for
// tests and for programs that extend kosto; call it before any scenario is
// read, and not while one is. remove takes the kind out again.
func AddKind(kind string, t *Table) (remove func()) {
	kinds := append([]string(nil), ServiceKinds...)
	old, had := ServiceTables[kind]
	if !had {
		ServiceKinds = append(ServiceKinds, kind)
	}
	ServiceTables[kind] = t
	anyService = unionOfKinds()
	return func() {
		ServiceKinds = kinds
		if had {
			ServiceTables[kind] = old
		} else {
			delete(ServiceTables, kind)
		}
		anyService = unionOfKinds()
	}
}

// PremisesTable is the schema of a kind costed ByMeasures, as every kind
// that runs premises or a team is: a title, a staff basis and an overhead
// rate; staff lines, cost lines and capital items; and the kind's own
// traits, numbers, sub-tables, staff-ratio volumes and measures.
func PremisesTable(kind string, tr Traits, numbers []Field, tables, ratios []string, measures []Measure) *Table {
	return premises(kind, tr, numbers, tables, ratios, measures)
}

func unionOfKinds() *Table {
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
