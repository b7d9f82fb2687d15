package templates

import (
	"slices"

	"github.com/kosto-project/kosto/models"
)

// glossary holds every label a report prints, keyed by label and then by
// language (each of models.Languages: English, Albanian and Serbian in Latin
// script). The Albanian and Serbian words are those of Kosovo's and
// Albania's budget documents where they have one (Pagat dhe mëditjet, Plate i
// dnevnice; Opština; Centar za socijalni rad).
// Keys are the labels the engine gives its figures (costing.Node.Label),
// measures, norms, service kinds, cost elements and the headings of reports.
var glossary = map[string]map[string]string{
	// Headings and words.
	"staff_costs":              {"en": "Staff cost per full-time post", "sq": "Kostoja e stafit për një vend pune me kohë të plotë", "sr": "Trošak osoblja po radnom mestu s punim radnim vremenom"},
	"unit_costs":               {"en": "Unit costs", "sq": "Kostot për njësi", "sr": "Jedinični troškovi"},
	"staffing":                 {"en": "Staffing against need", "sq": "Stafi kundrejt nevojës", "sr": "Osoblje prema potrebama"},
	"annual_budget":            {"en": "Annual budget", "sq": "Buxheti vjetor", "sr": "Godišnji budžet"},
	"by_category":              {"en": "By economic category", "sq": "Sipas kategorive ekonomike", "sr": "Po ekonomskim kategorijama"},
	"by_service":               {"en": "By service", "sq": "Sipas shërbimeve", "sr": "Po uslugama"},
	"by_municipality":          {"en": "By municipality", "sq": "Sipas komunave", "sr": "Po opštinama"},
	"staffing_by_municipality": {"en": "Staffing against need, by municipality", "sq": "Stafi kundrejt nevojës, sipas komunave", "sr": "Osoblje prema potrebama, po opštinama"},
	"posts_current":            {"en": "Current posts", "sq": "Vende aktuale", "sr": "Postojeća radna mesta"},
	"municipality":             {"en": "Municipality", "sq": "Komuna", "sr": "Opština"},
	"service":                  {"en": "Service", "sq": "Shërbimi", "sr": "Usluga"},
	"line":                     {"en": "Line", "sq": "Zëri", "sr": "Stavka"},
	"category":                 {"en": "Category", "sq": "Kategoria", "sr": "Kategorija"},
	"amount":                   {"en": "Amount", "sq": "Shuma", "sr": "Iznos"},
	"role":                     {"en": "Role", "sq": "Pozita", "sr": "Pozicija"},
	"post":                     {"en": "Post", "sq": "Vendi i punës", "sr": "Radno mesto"},
	"norm":                     {"en": "Norm", "sq": "Norma", "sr": "Norma"},
	"total":                    {"en": "Total", "sq": "Gjithsej", "sr": "Ukupno"},
	"memo":                     {"en": "memo", "sq": "informuese", "sr": "informativno"},
	"paid_by":                  {"en": "paid by", "sq": "paguhet nga", "sr": "plaća"},
	"memo_note":                {"en": "Memo lines are costs of the service paid from another budget; they are shown, not added.", "sq": "Zërat informues janë kosto të shërbimit që paguhen nga një buxhet tjetër; tregohen, por nuk mblidhen.", "sr": "Informativne stavke su troškovi usluge koji se plaćaju iz drugog budžeta; prikazuju se, ali se ne sabiraju."},
	"warnings":                 {"en": "Warnings", "sq": "Paralajmërimet", "sr": "Upozorenja"},
	"scenario":                 {"en": "Scenario", "sq": "Skenari", "sr": "Scenario"},
	"base_year":                {"en": "base year", "sq": "viti bazë", "sr": "bazna godina"},
	"classification":           {"en": "classification", "sq": "klasifikimi", "sr": "klasifikacija"},
	"volume":                   {"en": "Volume", "sq": "Vëllimi", "sr": "Obim"},
	"measure":                  {"en": "Measure", "sq": "Njësia", "sr": "Jedinica mere"},
	"unit_cost":                {"en": "Unit cost", "sq": "Kostoja për njësi", "sr": "Jedinični trošak"},
	"figure":                   {"en": "Figure", "sq": "Treguesi", "sr": "Pokazatelj"},
	"inhabitants":              {"en": "inhabitants", "sq": "banorë", "sr": "stanovnika"},
	"fte":                      {"en": "FTE", "sq": "ekuivalent i kohës së plotë", "sr": "ekvivalent punog radnog vremena"},
	"required_fte":             {"en": "Required FTE", "sq": "Nevoja (ekuivalent)", "sr": "Potrebno (ekvivalent)"},
	"posts_required":           {"en": "Required posts", "sq": "Vende të nevojshme", "sr": "Potrebna radna mesta"},
	"gap":                      {"en": "Gap", "sq": "Mungesa", "sr": "Manjak"},
	"gap_cost":                 {"en": "Cost of gap per year", "sq": "Kostoja vjetore e mungesës", "sr": "Godišnji trošak manjka"},
	"chosen":                   {"en": "chosen", "sq": "e zgjedhur", "sr": "izabrano"},
	"undefined":                {"en": "n/a", "sq": "s/z", "sr": "n/p"},
	"formula":                  {"en": "Formula", "sq": "Formula", "sr": "Formula"},
	"source":                   {"en": "source", "sq": "burimi", "sr": "izvor"},
	"assumption":               {"en": "assumption", "sq": "supozim", "sr": "pretpostavka"},
	"applies_from":             {"en": "applies from", "sq": "vlen nga", "sr": "važi od"},
	"written_at":               {"en": "written at", "sq": "shkruar në", "sr": "zapisano u"},
	"default":                  {"en": "default of the scenario format", "sq": "vlera e paracaktuar e formatit", "sr": "podrazumevana vrednost formata"},
	"see_above":                {"en": "see above", "sq": "shih më lart", "sr": "vidi gore"},
	"deeper":                   {"en": "…", "sq": "…", "sr": "…"},
	"rounded_note":             {"en": "money is rounded to the currency's minor unit where it is computed", "sq": "paratë rrumbullakohen në njësinë më të vogël të monedhës aty ku llogariten", "sr": "novac se zaokružuje na najmanju jedinicu valute tamo gde se izračunava"},
	"services_total":           {"en": "All services", "sq": "Të gjitha shërbimet", "sr": "Sve usluge"},
	"population":               {"en": "Population", "sq": "Popullsia", "sr": "Stanovništvo"},
	"per_inhabitant_col":       {"en": "Per inhabitant", "sq": "Për banor", "sr": "Po stanovniku"},

	// Role figures.
	"annual_salary":        {"en": "Annual salary", "sq": "Paga vjetore", "sr": "Godišnja plata"},
	"annual_gross":         {"en": "Gross pay", "sq": "Paga bruto", "sr": "Bruto plata"},
	"on_costs":             {"en": "Employer contributions", "sq": "Kontributet e punëdhënësit", "sr": "Doprinosi poslodavca"},
	"employment_cost":      {"en": "Employment cost", "sq": "Kostoja e punësimit", "sr": "Trošak zaposlenja"},
	"overheads":            {"en": "Overheads", "sq": "Shpenzimet e përgjithshme", "sr": "Režijski troškovi"},
	"capital":              {"en": "Capital (annuity)", "sq": "Kapitali (anuitet)", "sr": "Kapital (anuitet)"},
	"annual_cost_per_fte":  {"en": "Cost per FTE-year", "sq": "Kostoja për vend pune në vit", "sr": "Trošak po radnom mestu godišnje"},
	"productive_weeks":     {"en": "Productive weeks", "sq": "Javë produktive", "sr": "Produktivne nedelje"},
	"productive_hours":     {"en": "Productive hours", "sq": "Orë produktive", "sr": "Produktivni sati"},
	"client_hours":         {"en": "Client hours", "sq": "Orë me klientë", "sr": "Sati rada s korisnicima"},
	"cost_per_hour":        {"en": "Cost per hour", "sq": "Kostoja për orë", "sr": "Trošak po satu"},
	"cost_per_client_hour": {"en": "Cost per client hour", "sq": "Kostoja për orë me klientë", "sr": "Trošak po satu rada s korisnicima"},

	// Blocks and lines.
	"allowance":              {"en": "Allowance", "sq": "Pagesa për kujdestarin", "sr": "Naknada hranitelju"},
	"case_management":        {"en": "Case management", "sq": "Menaxhimi i rastit", "sr": "Vođenje slučaja"},
	"carer_support":          {"en": "Carer support", "sq": "Mbështetja e kujdestarit", "sr": "Podrška hraniteljima"},
	"overhead":               {"en": "Overhead", "sq": "Shpenzimet e përgjithshme", "sr": "Režijski troškovi"},
	"direct_cost":            {"en": "Direct cost", "sq": "Kostoja direkte", "sr": "Direktni trošak"},
	"placement_payment":      {"en": "Placement payment", "sq": "Pagesa e vendosjes", "sr": "Naknada pri smeštaju"},
	"recruitment":            {"en": "Carer recruitment", "sq": "Rekrutimi i kujdestarëve", "sr": "Regrutovanje hranitelja"},
	"assessment_training":    {"en": "Assessment and training", "sq": "Vlerësimi dhe trajnimi", "sr": "Procena i obuka"},
	"one_off_per_placement":  {"en": "One-off cost per placement", "sq": "Kosto e njëhershme për vendosje", "sr": "Jednokratni trošak po smeštaju"},
	"staff":                  {"en": "Staff", "sq": "Stafi", "sr": "Osoblje"},
	"cost_line":              {"en": "Cost", "sq": "Kosto", "sr": "Trošak"},
	"service_total":          {"en": "Service total", "sq": "Gjithsej shërbimi", "sr": "Ukupno za uslugu"},
	"memo_total":             {"en": "Memo total", "sq": "Gjithsej zërat informues", "sr": "Ukupno informativne stavke"},
	"full_cost":              {"en": "Full cost, memo lines included", "sq": "Kosto e plotë, me zërat informues", "sr": "Puni trošak, uključujući informativne stavke"},
	"attendance_days":        {"en": "Attendance days", "sq": "Ditë pranie", "sr": "Dani prisustva"},
	"cases":                  {"en": "Cases", "sq": "Raste", "sr": "Slučajevi"},
	"workload_hours":         {"en": "Workload hours", "sq": "Orë pune të nevojshme", "sr": "Potrebni radni sati"},
	"posts_budgeted":         {"en": "Posts budgeted", "sq": "Vende të buxhetuara", "sr": "Budžetirana radna mesta"},
	"posts_missing":          {"en": "Posts missing", "sq": "Vende që mungojnë", "sr": "Radna mesta koja nedostaju"},
	"zero":                   {"en": "zero", "sq": "zero", "sr": "nula"},
	"benefit":                {"en": "Benefit", "sq": "Përfitimi", "sr": "Davanje"},
	"beneficiary_months":     {"en": "Beneficiary-months", "sq": "Muaj përfituesi", "sr": "Meseci korisnika"},
	"bed_nights":             {"en": "Occupied bed-nights", "sq": "Net shtrati të zëna", "sr": "Noći zauzetih ležajeva"},
	"hours":                  {"en": "Hours of care", "sq": "Orë kujdesi", "sr": "Sati nege"},
	"unit_capacity":          {"en": "Beds per unit", "sq": "Shtretër për njësi", "sr": "Ležajeva po jedinici"},
	"units_for_children":     {"en": "Units the children fill", "sq": "Njësi që mbushin fëmijët", "sr": "Jedinice koje deca popunjavaju"},
	"units_needed":           {"en": "Units needed", "sq": "Njësi të nevojshme", "sr": "Potrebne jedinice"},
	"open_units":             {"en": "Open units", "sq": "Njësi të hapura", "sr": "Otvorene jedinice"},
	"units_open_by_decision": {"en": "Units the children need or kept open", "sq": "Njësi që u duhen fëmijëve ose mbahen të hapura", "sr": "Jedinice potrebne deci ili zadržane otvorene"},
	"units_kept_open":        {"en": "Units kept open", "sq": "Njësi të mbajtura të hapura", "sr": "Jedinice zadržane otvorene"},
	"open_places":            {"en": "Places in open units", "sq": "Vende në njësitë e hapura", "sr": "Mesta u otvorenim jedinicama"},
	"in_operation":           {"en": "Years open (1 while a unit is open)", "sq": "Vite në funksionim (1 sa ka njësi të hapur)", "sr": "Godine rada (1 dok je jedinica otvorena)"},
	"posts_while_open":       {"en": "Posts while open", "sq": "Vende pune sa është e hapur", "sr": "Radna mesta dok je otvorena"},
	"one":                    {"en": "One", "sq": "Një", "sr": "Jedan"},
	"carers_on_shift":        {"en": "Carers on shift at the ratio", "sq": "Kujdestarë në turn sipas raportit", "sr": "Negovatelji u smeni prema odnosu"},
	"posts_on_shift":         {"en": "Posts on shift", "sq": "Vende pune në turn", "sr": "Radna mesta u smeni"},
	"shift_hours_covered":    {"en": "Shift hours covered", "sq": "Orë turni të mbuluara", "sr": "Pokriveni sati smena"},
	"hours_per_visit_worked": {"en": "Hours worked per visit", "sq": "Orë pune për vizitë", "sr": "Radni sati po poseti"},

	// Cost elements.
	"pay":                    {"en": "Gross pay", "sq": "Paga bruto", "sr": "Bruto plata"},
	"employer_contributions": {"en": "Employer contributions", "sq": "Kontributet e punëdhënësit", "sr": "Doprinosi poslodavca"},
	"transfers":              {"en": "Transfers", "sq": "Transferet", "sr": "Transferi"},
	"goods_services":         {"en": "Goods and services", "sq": "Mallrat dhe shërbimet", "sr": "Robe i usluge"},
	"utilities":              {"en": "Utilities", "sq": "Shpenzimet komunale", "sr": "Komunalni troškovi"},
	"staff_time":             {"en": "Staff time", "sq": "Koha e stafit", "sr": "Vreme osoblja"},

	// Measures.
	"child_year":          {"en": "per child-year", "sq": "për fëmijë në vit", "sr": "po detetu godišnje"},
	"placement":           {"en": "per new placement", "sq": "për vendosje të re", "sr": "po novom smeštaju"},
	"place_year":          {"en": "per place-year", "sq": "për vend në vit", "sr": "po mestu godišnje"},
	"attendance_day":      {"en": "per attendance day", "sq": "për ditë pranie", "sr": "po danu prisustva"},
	"case":                {"en": "per case", "sq": "për rast", "sr": "po slučaju"},
	"inhabitant":          {"en": "per inhabitant", "sq": "për banor", "sr": "po stanovniku"},
	"occupied_place_year": {"en": "per occupied place-year", "sq": "për vend të zënë në vit", "sr": "po zauzetom mestu godišnje"},
	"bed_year":            {"en": "per bed-year", "sq": "për shtrat në vit", "sr": "po ležaju godišnje"},
	"family_year":         {"en": "per family-year", "sq": "për familje në vit", "sr": "po porodici godišnje"},
	"bed_night":           {"en": "per occupied bed-night", "sq": "për natë shtrati të zënë", "sr": "po noći zauzetog ležaja"},
	"visit":               {"en": "per visit", "sq": "për vizitë", "sr": "po poseti"},
	"care_hour":           {"en": "per hour of care", "sq": "për orë kujdesi", "sr": "po satu nege"},
	"beneficiary_month":   {"en": "per beneficiary-month", "sq": "për përfitues në muaj", "sr": "po korisniku mesečno"},

	// Norms.
	"norm_posts":      {"en": "posts as filled", "sq": "vendet siç janë", "sr": "postojeća radna mesta"},
	"norm_ratio":      {"en": "by ratio", "sq": "sipas raportit", "sr": "prema odnosu"},
	"norm_continuous": {"en": "round the clock", "sq": "gjithë ditën e natën", "sr": "danonoćno"},
	"norm_caseload":   {"en": "by caseload", "sq": "sipas rasteve", "sr": "prema broju slučajeva"},
	"norm_population": {"en": "by population", "sq": "sipas popullsisë", "sr": "prema broju stanovnika"},
	"norm_time":       {"en": "by time", "sq": "sipas kohës", "sr": "prema vremenu"},
	"fte_ratio":       {"en": "FTE by ratio", "sq": "Ekuivalent sipas raportit", "sr": "Ekvivalent prema odnosu"},
	"fte_continuous":  {"en": "FTE round the clock", "sq": "Ekuivalent gjithë ditën e natën", "sr": "Ekvivalent danonoćno"},
	"fte_caseload":    {"en": "FTE by caseload", "sq": "Ekuivalent sipas rasteve", "sr": "Ekvivalent prema broju slučajeva"},
	"fte_population":  {"en": "FTE by population", "sq": "Ekuivalent sipas popullsisë", "sr": "Ekvivalent prema broju stanovnika"},
	"fte_time":        {"en": "FTE by time", "sq": "Ekuivalent sipas kohës", "sr": "Ekvivalent prema vremenu"},

	// The care-type comparison and the occupancy curve.
	"care_comparison":    {"en": "Cost of care per child, by type of care", "sq": "Kostoja e kujdesit për fëmijë, sipas llojit të kujdesit", "sr": "Trošak zaštite po detetu, prema vrsti zaštite"},
	"group_allowance":    {"en": "Allowance", "sq": "Pagesa për kujdestarin", "sr": "Naknada hranitelju"},
	"group_staff":        {"en": "Staff", "sq": "Stafi", "sr": "Osoblje"},
	"group_overheads":    {"en": "Overheads", "sq": "Shpenzimet e përgjithshme", "sr": "Režijski troškovi"},
	"group_capital":      {"en": "Capital", "sq": "Kapitali", "sr": "Kapital"},
	"group_running":      {"en": "Running costs (goods, services, utilities)", "sq": "Shpenzime funksionimi (mallra, shërbime, komunale)", "sr": "Tekući troškovi (robe, usluge, komunalije)"},
	"compare_total":      {"en": "Full cost", "sq": "Kostoja e plotë", "sr": "Puni trošak"},
	"ratio_to_reference": {"en": "Ratio to", "sq": "Raporti me", "sr": "Odnos prema"},
	"block":              {"en": "Block", "sq": "Blloku", "sr": "Blok"},
	"comparison_note":    {"en": "Full cost per child (or family) in care for a year, whoever pays each part: memo lines count. Day centres are per place-year, community centres per family-year.", "sq": "Kostoja e plotë për fëmijë (ose familje) në kujdes për një vit, kushdo që paguan secilën pjesë: llogariten edhe zërat informues. Qendrat ditore për vend në vit, qendrat komunitare për familje në vit.", "sr": "Puni trošak po detetu (ili porodici) u zaštiti tokom jedne godine, ko god da plaća koji deo: informativne stavke se računaju. Dnevni centri po mestu godišnje, centri u zajednici po porodici godišnje."},
	"occupancy_curve":    {"en": "Cost per child as children leave", "sq": "Kostoja për fëmijë ndërsa fëmijët largohen", "sr": "Trošak po detetu dok deca odlaze"},
	"children":           {"en": "Children", "sq": "Fëmijët", "sr": "Deca"},
	"annual_cost":        {"en": "Annual cost", "sq": "Kostoja vjetore", "sr": "Godišnji trošak"},
	"cost_per_child":     {"en": "Cost per child-year", "sq": "Kostoja për fëmijë në vit", "sr": "Trošak po detetu godišnje"},
	"saving":             {"en": "Saved when the last child left", "sq": "Kursimi kur u largua fëmija i fundit", "sr": "Ušteda kada je otišlo poslednje dete"},
	"unit_closes":        {"en": "a unit closes", "sq": "mbyllet një njësi", "sr": "zatvara se jedinica"},
	"curve_note":         {"en": "Fixed costs stay until a unit closes: the first children to leave save only their variable costs.", "sq": "Kostot fikse mbeten derisa të mbyllet një njësi: fëmijët e parë që largohen kursejnë vetëm kostot e tyre të ndryshueshme.", "sr": "Fiksni troškovi ostaju dok se jedinica ne zatvori: prva deca koja odu štede samo svoje promenljive troškove."},

	// Units of output volumes.
	"unit:child-years":          {"en": "child-years", "sq": "fëmijë-vite", "sr": "dete-godina"},
	"unit:placements/year":      {"en": "new placements a year", "sq": "vendosje të reja në vit", "sr": "novih smeštaja godišnje"},
	"unit:places":               {"en": "places", "sq": "vende", "sr": "mesta"},
	"unit:attendance days/year": {"en": "attendance days a year", "sq": "ditë pranie në vit", "sr": "dana prisustva godišnje"},
	"unit:cases/year":           {"en": "cases a year", "sq": "raste në vit", "sr": "slučajeva godišnje"},
	"unit:inhabitants":          {"en": "inhabitants", "sq": "banorë", "sr": "stanovnika"},

	"unit:beds":                     {"en": "beds", "sq": "shtretër", "sr": "ležajeva"},
	"unit:family-years":             {"en": "family-years", "sq": "familje-vite", "sr": "porodica-godina"},
	"unit:occupied bed-nights/year": {"en": "occupied bed-nights a year", "sq": "net shtrati të zëna në vit", "sr": "noći zauzetih ležajeva godišnje"},
	"unit:visits/year":              {"en": "visits a year", "sq": "vizita në vit", "sr": "poseta godišnje"},
	"unit:care hours/year":          {"en": "care hours a year", "sq": "orë kujdesi në vit", "sr": "sati nege godišnje"},
	"unit:beneficiary-months/year":  {"en": "beneficiary-months a year", "sq": "muaj përfituesi në vit", "sr": "meseci korisnika godišnje"},

	"leaver":                     {"en": "per child leaving", "sq": "për fëmijë që largohet", "sr": "po detetu koje odlazi"},
	"unit:children leaving/year": {"en": "children leaving a year", "sq": "fëmijë që largohen në vit", "sr": "dece koja odlaze godišnje"},
	"leavers":                    {"en": "Children leaving", "sq": "Fëmijët që largohen", "sr": "Deca koja odlaze"},
	"projection":                 {"en": "Budget projection", "sq": "Projeksioni i buxhetit", "sr": "Projekcija budžeta"},
	"year":                       {"en": "Year", "sq": "Viti", "sr": "Godina"},
	"compare_scenarios":          {"en": "Scenario against scenario", "sq": "Skenar kundrejt skenarit", "sr": "Scenario naspram scenarija"},
	"base":                       {"en": "Base", "sq": "Baza", "sr": "Osnova"},
	"variant":                    {"en": "Variant", "sq": "Varianti", "sr": "Varijanta"},
	"difference":                 {"en": "Difference", "sq": "Diferenca", "sr": "Razlika"},
	"diff_title":                 {"en": "What changed, and what it does", "sq": "Çfarë ndryshoi dhe çfarë efekti ka", "sr": "Šta se promenilo i kakav je efekat"},
	"diff_inputs":                {"en": "Inputs that differ", "sq": "Të dhënat që ndryshojnë", "sr": "Ulazni podaci koji se razlikuju"},
	"diff_totals":                {"en": "Totals that change", "sq": "Shumat totale që ndryshojnë", "sr": "Ukupni iznosi koji se menjaju"},
	"diff_figures":               {"en": "The other figures that change most", "sq": "Treguesit e tjerë që ndryshojnë më shumë", "sr": "Ostali pokazatelji koji se najviše menjaju"},
	"diff_was":                   {"en": "Was", "sq": "Ishte", "sr": "Bilo je"},
	"diff_now":                   {"en": "Now", "sq": "Tani", "sr": "Sada"},
	"diff_source_was":            {"en": "Source before", "sq": "Burimi më parë", "sr": "Raniji izvor"},
	"diff_source_now":            {"en": "Source now", "sq": "Burimi tani", "sr": "Sadašnji izvor"},
	"diff_no_inputs":             {"en": "The two scenarios have the same inputs.", "sq": "Të dy skenarët kanë të njëjtat të dhëna.", "sr": "Oba scenarija imaju iste ulazne podatke."},
	"diff_no_figures":            {"en": "No figure changes.", "sq": "Asnjë tregues nuk ndryshon.", "sr": "Nijedan pokazatelj se ne menja."},
	"diff_more":                  {"en": "… and %d more (--top N shows more)", "sq": "… dhe %d të tjerë (--top N tregon më shumë)", "sr": "… i još %d (--top N prikazuje više)"},
	"cumulative":                 {"en": "Cumulative difference", "sq": "Diferenca kumulative", "sr": "Kumulativna razlika"},
	"npv":                        {"en": "Net present value of the differences", "sq": "Vlera aktuale neto e diferencave", "sr": "Neto sadašnja vrednost razlika"},
	"discounted_at":              {"en": "discounted at", "sq": "skontuar me", "sr": "diskontovano po stopi"},
	"break_even":                 {"en": "Break-even year", "sq": "Viti i barazimit", "sr": "Godina izjednačenja"},
	"none_within":                {"en": "none within the horizon", "sq": "asnjë brenda horizontit", "sr": "nijedna unutar horizonta"},
	"versus_note":                {"en": "Difference = variant − base; a negative difference is a saving. Break-even: the first year from which the cumulative difference stays at or below zero.", "sq": "Diferenca = varianti − baza; diferenca negative është kursim. Barazimi: viti i parë nga i cili diferenca kumulative mbetet zero ose më poshtë.", "sr": "Razlika = varijanta − osnova; negativna razlika je ušteda. Izjednačenje: prva godina od koje kumulativna razlika ostaje na nuli ili ispod nje."},
	"transition_table":           {"en": "The transition out of", "sq": "Tranzicioni nga", "sr": "Tranzicija iz"},
	"children_in":                {"en": "Children in", "sq": "Fëmijë në", "sr": "Deca u"},
	"cost_of":                    {"en": "Cost of", "sq": "Kostoja e", "sr": "Trošak za"},
	"receiving_services":         {"en": "Services children moved to", "sq": "Shërbimet ku u zhvendosën fëmijët", "sr": "Usluge u koje su deca premeštena"},
	"freed":                      {"en": "Freed since the base year", "sq": "E liruar që nga viti bazë", "sr": "Oslobođeno od bazne godine"},
	"reassigned":                 {"en": "Reassigned to new services", "sq": "E rishpërndarë te shërbimet e reja", "sr": "Preraspoređeno na nove usluge"},
	"net_change":                 {"en": "Net change since the base year", "sq": "Ndryshimi neto që nga viti bazë", "sr": "Neto promena od bazne godine"},
	"double_running":             {"en": "both systems paid for", "sq": "paguhen të dy sistemet", "sr": "plaćaju se oba sistema"},
	"base_year_col":              {"en": "base year", "sq": "viti bazë", "sr": "bazna godina"},

	// Foster-carer recruitment funnels (kosto funnel).
	"funnel_heading":          {"en": "Recruitment of foster carers", "sq": "Rekrutimi i kujdestarëve familjarë", "sr": "Regrutovanje hranitelja"},
	"funnel_stage":            {"en": "Stage", "sq": "Faza", "sr": "Faza"},
	"funnel_conversion":       {"en": "Conversion", "sq": "Shkalla e kalimit", "sr": "Stopa prelaska"},
	"funnel_people":           {"en": "People needed", "sq": "Persona të nevojshëm", "sr": "Potreban broj osoba"},
	"funnel_people_unrounded": {"en": "People needed, before rounding up", "sq": "Persona të nevojshëm, para rrumbullakimit", "sr": "Potreban broj osoba, pre zaokruživanja"},
	"funnel_cost_per_person":  {"en": "Cost per person", "sq": "Kostoja për person", "sr": "Trošak po osobi"},
	"funnel_fixed_cost":       {"en": "Fixed cost", "sq": "Kostoja fikse", "sr": "Fiksni trošak"},
	"funnel_variable_cost":    {"en": "Cost of the people taken", "sq": "Kostoja e personave të marrë", "sr": "Trošak primljenih osoba"},
	"funnel_stage_cost":       {"en": "Stage cost", "sq": "Kostoja e fazës", "sr": "Trošak faze"},
	"funnel_available":        {"en": "Available (most people)", "sq": "Kapaciteti (persona)", "sr": "Raspoloživo (najviše osoba)"},
	"funnel_total":            {"en": "Total cost of recruitment", "sq": "Kostoja totale e rekrutimit", "sr": "Ukupan trošak regrutovanja"},
	"funnel_per_approved":     {"en": "Cost per approved family", "sq": "Kostoja për familje të miratuar", "sr": "Trošak po odobrenoj porodici"},
	"funnel_target":           {"en": "Target", "sq": "Objektivi", "sr": "Cilj"},
	"funnel_families":         {"en": "new carer families a year", "sq": "familje kujdestare të reja në vit", "sr": "novih hraniteljskih porodica godišnje"},
	"funnel_note":             {"en": "People needed are whole people, rounded up at each stage, from the last stage back to the first.", "sq": "Personat e nevojshëm janë numra të plotë, të rrumbullakuar lart në çdo fazë, nga faza e fundit drejt së parës.", "sr": "Potreban broj osoba su cele osobe, zaokružene naviše u svakoj fazi, od poslednje faze unazad do prve."},

	// The About sheet of a workbook; the sheets keep their English names,
	// which the workbook's formulas name.
	"about_country_currency": {"en": "Country / currency", "sq": "Shteti / monedha", "sr": "Država / valuta"},
	"about_files":            {"en": "Files", "sq": "Skedarët", "sr": "Datoteke"},
	"about_exported":         {"en": "Exported", "sq": "Eksportuar më", "sr": "Izvezeno"},
	"about_how_to_read":      {"en": "How to read this workbook", "sq": "Si të lexohet ky libër pune", "sr": "Kako čitati ovu radnu svesku"},
	"about_inputs":           {"en": "Every input of the scenario, with its unit and source. Cells shaded yellow can be changed; every figure follows.", "sq": "Çdo e dhënë e skenarit, me njësinë dhe burimin e saj. Qelizat e ngjyrosura me të verdhë mund të ndryshohen; çdo tregues ndjek.", "sr": "Svaki ulazni podatak scenarija, sa jedinicom i izvorom. Ćelije osenčene žuto mogu se menjati; svaki pokazatelj se menja za njima."},
	"about_calculations":     {"en": "Every figure of the calculation, as a live formula over the inputs and the figures above it, in the order kosto computes them.", "sq": "Çdo tregues i llogaritjes, si formulë e gjallë mbi të dhënat dhe treguesit më lart, në rendin që i llogarit kosto.", "sr": "Svaki pokazatelj obračuna, kao živa formula nad ulaznim podacima i pokazateljima iznad, redosledom kojim ih kosto izračunava."},
	"about_results":          {"en": "The tables of kosto run: unit costs, the care-type comparison, the year's budget by service and by economic category.", "sq": "Tabelat e kosto run: kostot për njësi, krahasimi i llojeve të kujdesit, buxheti i vitit sipas shërbimeve dhe sipas kategorive ekonomike.", "sr": "Tabele naredbe kosto run: jedinični troškovi, poređenje vrsta zaštite, godišnji budžet po uslugama i po ekonomskim kategorijama."},
	"about_trace":            {"en": "For each result: its formula in words, and the sources of the parameters it comes from.", "sq": "Për çdo rezultat: formula e tij me fjalë dhe burimet e parametrave nga vjen.", "sr": "Za svaki rezultat: njegova formula rečima i izvori parametara iz kojih potiče."},
	"about_years_head":       {"en": "Years", "sq": "Vitet", "sr": "Godine"},
	"about_years":            {"en": "Where the scenario projects its budget, each year is a column of Inputs and Calculations: pay and prices grow by the Paths sheet's rates (shaded, changeable), volumes and allowances as the scenario says; Results shows the budget by year.", "sq": "Kur skenari projekton buxhetin, çdo vit është një kolonë e fletëve Të dhënat dhe Llogaritjet: pagat dhe çmimet rriten me normat e fletës Normat e rritjes (të ngjyrosura, të ndryshueshme), vëllimet dhe pagesat siç thotë skenari; Rezultatet tregon buxhetin sipas viteve.", "sr": "Kada scenario projektuje budžet, svaka godina je kolona listova Ulazni podaci i Obračun: plate i cene rastu po stopama lista Stope rasta (osenčene, promenljive), obimi i naknade kako scenario kaže; Rezultati prikazuje budžet po godinama."},
	"about_rounding_head":    {"en": "Rounding", "sq": "Rrumbullakimi", "sr": "Zaokruživanje"},
	"about_rounding":         {"en": "Money is rounded to the currency's minor unit where each figure is computed (ROUND), as kosto does, so the workbook gives kosto's figures to the cent.", "sq": "Paratë rrumbullakohen në njësinë më të vogël të monedhës aty ku llogaritet çdo tregues (ROUND), siç bën kosto, që libri i punës të japë shifrat e kosto deri në qindarkë.", "sr": "Novac se zaokružuje na najmanju jedinicu valute tamo gde se svaki pokazatelj izračunava (ROUND), kao što to radi kosto, pa radna sveska daje kostove iznose do centa."},

	// The report model's columns and notes.
	"memo_col":     {"en": "Memo: paid by another budget", "sq": "Informuese: paguhet nga një buxhet tjetër", "sr": "Informativno: plaća drugi budžet"},
	"summary_note": {"en": "The scenario has %d municipalities: shown is its summary by municipality. kosto run --municipality NAME shows one in full.", "sq": "Skenari ka %d komuna: tregohet përmbledhja sipas komunave. kosto run --municipality EMRI tregon njërën të plotë.", "sr": "Scenario ima %d opština: prikazan je pregled po opštinama. kosto run --municipality IME prikazuje jednu u celini."},

	// Workbooks: chart axes and titles, print (kosto export, compare
	// --format xlsx, grant --format xlsx).
	"axis_year":            {"en": "Year", "sq": "Viti", "sr": "Godina"},
	"axis_care_type":       {"en": "Type of care", "sq": "Lloji i kujdesit", "sr": "Vrsta zaštite"},
	"axis_per_child_year":  {"en": "per child-year", "sq": "për fëmijë në vit", "sr": "po detetu godišnje"},
	"axis_municipality":    {"en": "Municipality", "sq": "Komuna", "sr": "Opština"},
	"chart_budgets":        {"en": "Budget by year", "sq": "Buxheti sipas viteve", "sr": "Budžet po godinama"},
	"chart_cumulative":     {"en": "Cumulative difference (variant − base)", "sq": "Diferenca kumulative (varianti − baza)", "sr": "Kumulativna razlika (varijanta − osnova)"},
	"chart_per_inhabitant": {"en": "Allocation per inhabitant", "sq": "Ndarja për banor", "sr": "Raspodela po stanovniku"},
	"per_inhabitant":       {"en": "per inhabitant", "sq": "për banor", "sr": "po stanovniku"},
	"computed_by_kosto":    {"en": "computed by kosto", "sq": "llogaritur nga kosto", "sr": "izračunao kosto"},
	"computed_note":        {"en": "Allocation (computed by kosto), shaded grey: after floors, caps, hold-harmless and rounding by largest remainder, which are not spreadsheet arithmetic; change an input and run kosto grant again for it. Every other figure is a live formula over the inputs (shaded yellow) and the allocation.", "sq": "Ndarja (llogaritur nga kosto), me ngjyrë gri: pas minimumeve, tavaneve, mbrojtjes nga humbja dhe rrumbullakimit me mbetjen më të madhe, që nuk janë aritmetikë e fletës; ndryshoni një të dhënë dhe ekzekutoni përsëri kosto grant. Çdo shifër tjetër është formulë e gjallë mbi të dhënat (me të verdhë) dhe ndarjen.", "sr": "Raspodela (izračunao kosto), osenčena sivo: posle minimuma, gornjih granica, zaštite od gubitka i zaokruživanja po najvećem ostatku, što nije aritmetika tabele; promenite ulazni podatak i ponovo pokrenite kosto grant. Svaki drugi iznos je živa formula nad ulaznim podacima (osenčenim žuto) i raspodelom."},

	// Workbook sheets, by their names in each language (at most 31
	// characters, none of []:*?/\; formulas quote them).
	"sheet_about":        {"en": "About", "sq": "Rreth", "sr": "Uvod"},
	"sheet_inputs":       {"en": "Inputs", "sq": "Të dhënat", "sr": "Ulazni podaci"},
	"sheet_calculations": {"en": "Calculations", "sq": "Llogaritjet", "sr": "Obračun"},
	"sheet_results":      {"en": "Results", "sq": "Rezultatet", "sr": "Rezultati"},
	"sheet_charts":       {"en": "Charts", "sq": "Grafikët", "sr": "Grafikoni"},
	"sheet_trace":        {"en": "Trace", "sq": "Gjurmimi", "sr": "Poreklo"},
	"sheet_paths":        {"en": "Paths", "sq": "Normat e rritjes", "sr": "Stope rasta"},
	"sheet_comparison":   {"en": "Comparison", "sq": "Krahasimi", "sr": "Poređenje"},
	"sheet_formula":      {"en": "Formula", "sq": "Formula", "sr": "Formula"},
	"sheet_allocation":   {"en": "Allocation", "sq": "Ndarja", "sr": "Raspodela"},
	"sheet_base":         {"en": "Base", "sq": "Baza", "sr": "Osnova"},
	"sheet_variant":      {"en": "Variant", "sq": "Varianti", "sr": "Varijanta"},

	// The comparison and grant workbooks.
	"and":                      {"en": "and", "sq": "dhe", "sr": "i"},
	"about_comparison":         {"en": "Each year's budget of both scenarios, the difference (variant − base), its running sum, the discounted difference at the shaded discount rate, the net present value and the break-even year: all formulas.", "sq": "Buxheti i çdo viti i të dy skenarëve, diferenca (varianti − baza), shuma e saj kumulative, diferenca e skontuar me normën e skontimit të ngjyrosur, vlera aktuale neto dhe viti i barazimit: të gjitha formula.", "sr": "Budžet svake godine oba scenarija, razlika (varijanta − osnova), njen kumulativni zbir, diskontovana razlika po osenčenoj diskontnoj stopi, neto sadašnja vrednost i godina izjednačenja: sve formule."},
	"about_scenarios":          {"en": "Each scenario's inputs (shaded cells can be changed), growth paths, calculations (a column per year), results and trace, as in a workbook of one scenario.", "sq": "Të dhënat e secilit skenar (qelizat e ngjyrosura mund të ndryshohen), normat e rritjes, llogaritjet (një kolonë për çdo vit), rezultatet dhe gjurmimi, si në librin e punës të një skenari.", "sr": "Ulazni podaci svakog scenarija (osenčene ćelije mogu se menjati), stope rasta, obračun (kolona za svaku godinu), rezultati i poreklo, kao u radnoj svesci jednog scenarija."},
	"path_rate":                {"en": "rate", "sq": "norma", "sr": "stopa"},
	"path_index":               {"en": "index", "sq": "indeksi", "sr": "indeks"},
	"discount_rate":            {"en": "Discount rate", "sq": "Norma e skontimit", "sr": "Diskontna stopa"},
	"discount_factor":          {"en": "Discount factor", "sq": "Faktori i skontimit", "sr": "Diskontni faktor"},
	"discounted_difference":    {"en": "Discounted difference", "sq": "Diferenca e skontuar", "sr": "Diskontovana razlika"},
	"at_or_below_zero":         {"en": "≤ 0 from here", "sq": "≤ 0 që këtej", "sr": "≤ 0 odavde"},
	"grant_weights":            {"en": "weights", "sq": "peshat", "sr": "ponderi"},
	"grant_formula_share":      {"en": "Formula share", "sq": "Pjesa sipas formulës", "sr": "Udeo po formuli"},
	"grant_formula_allocation": {"en": "Formula allocation", "sq": "Ndarja sipas formulës", "sr": "Raspodela po formuli"},
	"grant_data":               {"en": "Data", "sq": "Të dhënat", "sr": "Podaci"},
	"about_formula":            {"en": "The pot and each criterion's weight (shaded: they can be changed), and a chart of the allocation per inhabitant.", "sq": "Fondi dhe pesha e çdo kriteri (të ngjyrosura: mund të ndryshohen), dhe një grafik i ndarjes për banor.", "sr": "Fond i ponder svakog kriterijuma (osenčeni: mogu se menjati) i grafikon raspodele po stanovniku."},
	"about_allocation":         {"en": "Each municipality's indicators (shaded) and, as live formulas, its share, its formula allocation, its allocation per inhabitant, its change against the baseline and its gap to need. The allocation after floors, caps, hold-harmless and rounding is kosto's: re-run kosto grant after a change.", "sq": "Treguesit e çdo komune (të ngjyrosur) dhe, si formula të gjalla, pjesa e saj, ndarja sipas formulës, ndarja për banor, ndryshimi kundrejt bazës dhe mungesa ndaj nevojës. Ndarja pas minimumeve, tavaneve, mbrojtjes nga humbja dhe rrumbullakimit është e kosto-s: ekzekutoni përsëri kosto grant pas një ndryshimi.", "sr": "Pokazatelji svake opštine (osenčeni) i, kao žive formule, njen udeo, raspodela po formuli, raspodela po stanovniku, promena u odnosu na osnovu i manjak do potrebe. Raspodela posle minimuma, gornjih granica, zaštite od gubitka i zaokruživanja je kostova: ponovo pokrenite kosto grant posle promene."},
}

// addWords puts words given in English, Albanian and Serbian, in that order,
// into the glossary; a key it has already is a mistake in the tables.
func addWords(words map[string][3]string) {
	for k, t := range words {
		if _, dup := glossary[k]; dup {
			panic("templates: the glossary has " + k + " twice")
		}
		glossary[k] = map[string]string{"en": t[0], "sq": t[1], "sr": t[2]}
	}
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
	t, ok := glossary[key]
	if !ok {
		return key
	}
	if s := t[lang]; s != "" {
		return s
	}
	return t[models.Languages[0]]
}

// unitLabel returns a unit in lang: a volume's unit from the glossary,
// else the unit translated part by part (translateUnit), a part kosto does
// not know as the scenario wrote it.
func unitLabel(lang, unit string) string {
	if _, ok := glossary["unit:"+unit]; ok {
		return label(lang, "unit:"+unit)
	}
	return translateUnit(lang, unit)
}

// HasLabel reports whether the glossary has key, for tests that check every
// label the engine uses is translated.
func HasLabel(key string) bool { _, ok := glossary[key]; return ok }
