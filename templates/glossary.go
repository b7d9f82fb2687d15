package templates

import (
	"slices"

	"github.com/kosto-project/kosto/models"
)

// glossary holds every label a report prints, in each of models.Languages
// in its order: English, Albanian.
// Keys are the labels the engine gives its figures (costing.Node.Label),
// measures, norms, service kinds, cost elements and the headings of reports.
var glossary = map[string][2]string{
	// Headings and words.
	"staff_costs":              {"Staff cost per full-time post", "Kostoja e stafit për një vend pune me kohë të plotë"},
	"unit_costs":               {"Unit costs", "Kostot për njësi"},
	"staffing":                 {"Staffing against need", "Stafi kundrejt nevojës"},
	"annual_budget":            {"Annual budget", "Buxheti vjetor"},
	"by_category":              {"By economic category", "Sipas kategorive ekonomike"},
	"by_service":               {"By service", "Sipas shërbimeve"},
	"by_municipality":          {"By municipality", "Sipas komunave"},
	"staffing_by_municipality": {"Staffing against need, by municipality", "Stafi kundrejt nevojës, sipas komunave"},
	"posts_current":            {"Current posts", "Vende aktuale"},
	"municipality":             {"Municipality", "Komuna"},
	"service":                  {"Service", "Shërbimi"},
	"line":                     {"Line", "Zëri"},
	"category":                 {"Category", "Kategoria"},
	"amount":                   {"Amount", "Shuma"},
	"role":                     {"Role", "Pozita"},
	"post":                     {"Post", "Vendi i punës"},
	"norm":                     {"Norm", "Norma"},
	"total":                    {"Total", "Gjithsej"},
	"memo":                     {"memo", "memo"},
	"paid_by":                  {"paid by", "paguhet nga"},
	"memo_note":                {"Memo lines are costs of the service paid from another budget; they are shown, not added.", "Zërat memo janë kosto të shërbimit që paguhen nga një buxhet tjetër; tregohen, por nuk mblidhen."},
	"warnings":                 {"Warnings", "Paralajmërime"},
	"scenario":                 {"Scenario", "Skenari"},
	"base_year":                {"base year", "viti bazë"},
	"classification":           {"classification", "klasifikimi"},
	"volume":                   {"Volume", "Vëllimi"},
	"measure":                  {"Measure", "Njësia"},
	"unit_cost":                {"Unit cost", "Kostoja për njësi"},
	"figure":                   {"Figure", "Treguesi"},
	"inhabitants":              {"inhabitants", "banorë"},
	"fte":                      {"FTE", "ekuivalent me kohë të plotë"},
	"required_fte":             {"Required FTE", "Nevoja (ekuivalent)"},
	"posts_required":           {"Required posts", "Vende të nevojshme"},
	"gap":                      {"Gap", "Mungesa"},
	"gap_cost":                 {"Cost of gap per year", "Kostoja vjetore e mungesës"},
	"chosen":                   {"chosen", "e zgjedhur"},
	"undefined":                {"n/a", "s/z"},
	"formula":                  {"Formula", "Formula"},
	"source":                   {"source", "burimi"},
	"assumption":               {"assumption", "supozim"},
	"applies_from":             {"applies from", "vlen nga"},
	"written_at":               {"written at", "shkruar te"},
	"default":                  {"default of the scenario format", "vlerë e paracaktuar e formatit"},
	"see_above":                {"see above", "shih më lart"},
	"deeper":                   {"…", "…"},
	"rounded_note":             {"money is rounded to the currency's minor unit where it is computed", "paratë rrumbullakohen në njësinë më të vogël të monedhës aty ku llogariten"},
	"services_total":           {"All services", "Të gjitha shërbimet"},
	"population":               {"Population", "Popullsia"},
	"per_inhabitant_col":       {"Per inhabitant", "Për banor"},

	// Role figures.
	"annual_salary":        {"Annual salary", "Paga vjetore"},
	"annual_gross":         {"Gross pay", "Paga bruto"},
	"on_costs":             {"Employer contributions", "Kontributet e punëdhënësit"},
	"employment_cost":      {"Employment cost", "Kostoja e punësimit"},
	"overheads":            {"Overheads", "Shpenzime të përgjithshme"},
	"capital":              {"Capital (annuity)", "Kapitali (anuitet)"},
	"annual_cost_per_fte":  {"Cost per FTE-year", "Kostoja për vend pune në vit"},
	"productive_weeks":     {"Productive weeks", "Javë produktive"},
	"productive_hours":     {"Productive hours", "Orë produktive"},
	"client_hours":         {"Client hours", "Orë me klientë"},
	"cost_per_hour":        {"Cost per hour", "Kostoja për orë"},
	"cost_per_client_hour": {"Cost per client hour", "Kostoja për orë me klientë"},

	// Blocks and lines.
	"allowance":              {"Allowance", "Pagesa për kujdestarin"},
	"case_management":        {"Case management", "Menaxhimi i rastit"},
	"carer_support":          {"Carer support", "Mbështetja e kujdestarit"},
	"overhead":               {"Overhead", "Shpenzime të përgjithshme"},
	"direct_cost":            {"Direct cost", "Kostoja direkte"},
	"placement_payment":      {"Placement payment", "Pagesa e vendosjes"},
	"recruitment":            {"Carer recruitment", "Rekrutimi i kujdestarëve"},
	"assessment_training":    {"Assessment and training", "Vlerësimi dhe trajnimi"},
	"one_off_per_placement":  {"One-off cost per placement", "Kosto e njëhershme për vendosje"},
	"staff":                  {"Staff", "Stafi"},
	"cost_line":              {"Cost", "Kosto"},
	"service_total":          {"Service total", "Gjithsej shërbimi"},
	"memo_total":             {"Memo total", "Gjithsej memo"},
	"full_cost":              {"Full cost, memo lines included", "Kosto e plotë, me zërat memo"},
	"attendance_days":        {"Attendance days", "Ditë pranie"},
	"cases":                  {"Cases", "Raste"},
	"workload_hours":         {"Workload hours", "Orë pune të nevojshme"},
	"posts_budgeted":         {"Posts budgeted", "Vende të buxhetuara"},
	"posts_missing":          {"Posts missing", "Vende që mungojnë"},
	"zero":                   {"zero", "zero"},
	"benefit":                {"Benefit", "Përfitimi"},
	"beneficiary_months":     {"Beneficiary-months", "Muaj përfituesi"},
	"bed_nights":             {"Occupied bed-nights", "Net shtrati të zëna"},
	"hours":                  {"Hours of care", "Orë kujdesi"},
	"unit_capacity":          {"Beds per unit", "Shtretër për njësi"},
	"units_for_children":     {"Units the children fill", "Njësi që mbushin fëmijët"},
	"units_needed":           {"Units needed", "Njësi të nevojshme"},
	"open_units":             {"Open units", "Njësi të hapura"},
	"units_open_by_decision": {"Units the children need or kept open", "Njësi që u duhen fëmijëve ose mbahen të hapura"},
	"units_kept_open":        {"Units kept open", "Njësi të mbajtura të hapura"},
	"open_places":            {"Places in open units", "Vende në njësitë e hapura"},
	"in_operation":           {"Years open (1 while a unit is open)", "Vite në funksionim (1 sa ka njësi të hapur)"},
	"posts_while_open":       {"Posts while open", "Vende pune sa është e hapur"},
	"one":                    {"One", "Një"},
	"carers_on_shift":        {"Carers on shift at the ratio", "Kujdestarë në turn sipas raportit"},
	"posts_on_shift":         {"Posts on shift", "Vende pune në turn"},
	"shift_hours_covered":    {"Shift hours covered", "Orë turni të mbuluara"},
	"hours_per_visit_worked": {"Hours worked per visit", "Orë pune për vizitë"},

	// Cost elements.
	"pay":                    {"Gross pay", "Paga bruto"},
	"employer_contributions": {"Employer contributions", "Kontributet e punëdhënësit"},
	"transfers":              {"Transfers", "Transferta"},
	"goods_services":         {"Goods and services", "Mallra dhe shërbime"},
	"utilities":              {"Utilities", "Shpenzime komunale"},
	"staff_time":             {"Staff time", "Koha e stafit"},

	// Measures.
	"child_year":          {"per child-year", "për fëmijë në vit"},
	"placement":           {"per new placement", "për vendosje të re"},
	"place_year":          {"per place-year", "për vend në vit"},
	"attendance_day":      {"per attendance day", "për ditë pranie"},
	"case":                {"per case", "për rast"},
	"inhabitant":          {"per inhabitant", "për banor"},
	"occupied_place_year": {"per occupied place-year", "për vend të zënë në vit"},
	"bed_year":            {"per bed-year", "për shtrat në vit"},
	"family_year":         {"per family-year", "për familje në vit"},
	"bed_night":           {"per occupied bed-night", "për natë shtrati të zënë"},
	"visit":               {"per visit", "për vizitë"},
	"care_hour":           {"per hour of care", "për orë kujdesi"},
	"beneficiary_month":   {"per beneficiary-month", "për përfitues në muaj"},

	// Norms.
	"norm_posts":      {"posts as filled", "vendet siç janë"},
	"norm_ratio":      {"by ratio", "sipas raportit"},
	"norm_continuous": {"round the clock", "gjithë ditën e natën"},
	"norm_caseload":   {"by caseload", "sipas rasteve"},
	"norm_population": {"by population", "sipas popullsisë"},
	"norm_time":       {"by time", "sipas kohës"},
	"fte_ratio":       {"FTE by ratio", "Ekuivalent sipas raportit"},
	"fte_continuous":  {"FTE round the clock", "Ekuivalent gjithë ditën e natën"},
	"fte_caseload":    {"FTE by caseload", "Ekuivalent sipas rasteve"},
	"fte_population":  {"FTE by population", "Ekuivalent sipas popullsisë"},
	"fte_time":        {"FTE by time", "Ekuivalent sipas kohës"},

	// The care-type comparison and the occupancy curve.
	"care_comparison":    {"Cost of care per child, by type of care", "Kostoja e kujdesit për fëmijë, sipas llojit të kujdesit"},
	"group_allowance":    {"Allowance", "Pagesa për kujdestarin"},
	"group_staff":        {"Staff", "Stafi"},
	"group_overheads":    {"Overheads", "Shpenzime të përgjithshme"},
	"group_capital":      {"Capital", "Kapitali"},
	"group_running":      {"Running costs (goods, services, utilities)", "Shpenzime funksionimi (mallra, shërbime, komunale)"},
	"compare_total":      {"Full cost", "Kostoja e plotë"},
	"ratio_to_reference": {"Ratio to", "Raporti me"},
	"block":              {"Block", "Blloku"},
	"comparison_note":    {"Full cost per child (or family) in care for a year, whoever pays each part: memo lines count. Day centres are per place-year, community centres per family-year.", "Kostoja e plotë për fëmijë (ose familje) në kujdes për një vit, kushdo që paguan secilën pjesë: llogariten edhe zërat memo. Qendrat ditore për vend në vit, qendrat komunitare për familje në vit."},
	"occupancy_curve":    {"Cost per child as children leave", "Kostoja për fëmijë ndërsa fëmijët largohen"},
	"children":           {"Children", "Fëmijë"},
	"annual_cost":        {"Annual cost", "Kostoja vjetore"},
	"cost_per_child":     {"Cost per child-year", "Kostoja për fëmijë në vit"},
	"saving":             {"Saved when the last child left", "Kursimi kur u largua fëmija i fundit"},
	"unit_closes":        {"a unit closes", "mbyllet një njësi"},
	"curve_note":         {"Fixed costs stay until a unit closes: the first children to leave save only their variable costs.", "Kostot fikse mbeten derisa të mbyllet një njësi: fëmijët e parë që largohen kursejnë vetëm kostot e tyre të ndryshueshme."},

	// Units of output volumes.
	"unit:child-years":          {"child-years", "fëmijë-vite"},
	"unit:placements/year":      {"new placements a year", "vendosje të reja në vit"},
	"unit:places":               {"places", "vende"},
	"unit:attendance days/year": {"attendance days a year", "ditë pranie në vit"},
	"unit:cases/year":           {"cases a year", "raste në vit"},
	"unit:inhabitants":          {"inhabitants", "banorë"},

	"unit:beds":                     {"beds", "shtretër"},
	"unit:family-years":             {"family-years", "familje-vite"},
	"unit:occupied bed-nights/year": {"occupied bed-nights a year", "net shtrati të zëna në vit"},
	"unit:visits/year":              {"visits a year", "vizita në vit"},
	"unit:care hours/year":          {"care hours a year", "orë kujdesi në vit"},
	"unit:beneficiary-months/year":  {"beneficiary-months a year", "muaj përfituesi në vit"},

	"leaver":                     {"per child leaving", "për fëmijë që largohet"},
	"unit:children leaving/year": {"children leaving a year", "fëmijë që largohen në vit"},
	"leavers":                    {"Children leaving", "Fëmijë që largohen"},
	"projection":                 {"Budget projection", "Projeksioni i buxhetit"},
	"year":                       {"Year", "Viti"},
	"compare_scenarios":          {"Scenario against scenario", "Skenar kundrejt skenarit"},
	"base":                       {"Base", "Baza"},
	"variant":                    {"Variant", "Varianti"},
	"difference":                 {"Difference", "Diferenca"},
	"cumulative":                 {"Cumulative difference", "Diferenca kumulative"},
	"npv":                        {"Net present value of the differences", "Vlera aktuale neto e diferencave"},
	"discounted_at":              {"discounted at", "skontuar me"},
	"break_even":                 {"Break-even year", "Viti i barazimit"},
	"none_within":                {"none within the horizon", "asnjë brenda horizontit"},
	"versus_note":                {"Difference = variant − base; a negative difference is a saving. Break-even: the first year from which the cumulative difference stays at or below zero.", "Diferenca = varianti − baza; diferenca negative është kursim. Barazimi: viti i parë nga i cili diferenca kumulative mbetet zero ose më poshtë."},
	"transition_table":           {"The transition out of", "Tranzicioni nga"},
	"children_in":                {"Children in", "Fëmijë në"},
	"cost_of":                    {"Cost of", "Kostoja e"},
	"receiving_services":         {"Services children moved to", "Shërbimet ku u zhvendosën fëmijët"},
	"freed":                      {"Freed since the base year", "E liruar nga viti bazë"},
	"reassigned":                 {"Reassigned to new services", "E rishpërndarë te shërbimet e reja"},
	"net_change":                 {"Net change since the base year", "Ndryshimi neto nga viti bazë"},
	"double_running":             {"both systems paid for", "paguhen të dy sistemet"},
	"base_year_col":              {"base year", "viti bazë"},

	// Foster-carer recruitment funnels (kosto funnel).
	"funnel_heading":          {"Recruitment of foster carers", "Rekrutimi i kujdestarëve familjarë"},
	"funnel_stage":            {"Stage", "Faza"},
	"funnel_conversion":       {"Conversion", "Shkalla e kalimit"},
	"funnel_people":           {"People needed", "Persona të nevojshëm"},
	"funnel_people_unrounded": {"People needed, before rounding up", "Persona të nevojshëm, para rrumbullakimit"},
	"funnel_cost_per_person":  {"Cost per person", "Kostoja për person"},
	"funnel_fixed_cost":       {"Fixed cost", "Kostoja fikse"},
	"funnel_variable_cost":    {"Cost of the people taken", "Kostoja e personave të marrë"},
	"funnel_stage_cost":       {"Stage cost", "Kostoja e fazës"},
	"funnel_available":        {"Available (most people)", "Kapaciteti (persona)"},
	"funnel_total":            {"Total cost of recruitment", "Kostoja totale e rekrutimit"},
	"funnel_per_approved":     {"Cost per approved family", "Kostoja për familje të miratuar"},
	"funnel_target":           {"Target", "Objektivi"},
	"funnel_families":         {"new carer families a year", "familje kujdestare të reja në vit"},
	"funnel_note":             {"People needed are whole people, rounded up at each stage, from the last stage back to the first.", "Personat e nevojshëm janë numra të plotë, të rrumbullakuar lart në çdo fazë, nga faza e fundit drejt së parës."},

	// The report model's columns, notes and chart axes.
	"memo_col":       {"Memo: paid by another budget", "Memo: paguhet nga një buxhet tjetër"},
	"summary_note":   {"The scenario has %d municipalities: shown is its summary by municipality. kosto run --municipality NAME shows one in full.", "Skenari ka %d komuna: tregohet përmbledhja sipas komunave. kosto run --municipality EMRI tregon njërën të plotë."},
	"per_child_year": {"per child-year", "për fëmijë në vit"},
	"type_of_care":   {"Type of care", "Lloji i kujdesit"},
}

// language is the language a report is written in: lang if it is one of
// models.Languages, else the scenario's (or formula's) own, else English.
func language(lang, fallback string) string {
	for _, l := range []string{lang, fallback} {
		if slices.Contains(models.Languages, l) {
			return l
		}
	}
	return models.Languages[0]
}

// label returns the text of key in lang (one of models.Languages); an unknown key is
// returned as it is, so a gap in the glossary shows instead of vanishing.
func label(lang, key string) string {
	if u, ok := uncertaintyGlossary[key]; ok {
		if i := slices.Index(models.Languages, lang); i > 0 && i < len(u) {
			return u[i]
		}
		return u[0]
	}
	t, ok := glossary[key]
	if !ok {
		return key
	}
	if i := slices.Index(models.Languages, lang); i > 0 && i < len(t) {
		return t[i]
	}
	return t[0]
}

// unitLabel returns a unit in lang, or the unit as the scenario wrote it.
func unitLabel(lang, unit string) string {
	if _, ok := glossary["unit:"+unit]; ok {
		return label(lang, "unit:"+unit)
	}
	return unit
}

// HasLabel reports whether the glossary has key, for tests that check every
// label the engine uses is translated.
func HasLabel(key string) bool { _, ok := glossary[key]; return ok }
