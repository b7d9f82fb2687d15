package templates

// The words of kosto serve's page, in English, Albanian and Serbian
// (Latin script), in that order; init puts them in the glossary, so a page
// key is written like any other label and checked like one.

var pageGlossary = map[string][3]string{
	"page_tagline":          {"Cost social services and municipal budgets — change an input and see every total move.", "Kostoni shërbimet sociale dhe buxhetet komunale — ndryshoni një të dhënë dhe shihni si lëviz çdo total.", "Izračunajte troškove socijalnih usluga i opštinskih budžeta — promenite ulazni podatak i pogledajte kako se menja svaki zbir."},
	"page_language":         {"Language", "Gjuha", "Jezik"},
	"page_scenario":         {"Scenario", "Skenari", "Scenario"},
	"page_show":             {"Show", "Shfaq", "Prikaži"},
	"page_upload":           {"Or upload a scenario file (TOML)", "Ose ngarkoni një skedar skenari (TOML)", "Ili otpremite datoteku scenarija (TOML)"},
	"page_upload_button":    {"Upload and cost", "Ngarko dhe kosto", "Otpremi i izračunaj"},
	"page_uploaded":         {"Uploaded file", "Skedari i ngarkuar", "Otpremljena datoteka"},
	"page_upload_note":      {"An uploaded scenario is costed as it is; to change its inputs, edit the file and upload it again.", "Një skenar i ngarkuar kostohet ashtu siç është; për të ndryshuar të dhënat, ndryshoni skedarin dhe ngarkojeni përsëri.", "Otpremljeni scenario se računa onakav kakav jeste; da biste promenili ulazne podatke, izmenite datoteku i ponovo je otpremite."},
	"page_headline":         {"Headline figures", "Shifrat kryesore", "Ključni podaci"},
	"page_total":            {"Total budget", "Buxheti gjithsej", "Ukupan budžet"},
	"page_per_inhabitant":   {"Per inhabitant", "Për banor", "Po stanovniku"},
	"page_change":           {"Change against the scenario as shipped", "Ndryshimi kundrejt skenarit origjinal", "Promena u odnosu na izvorni scenario"},
	"page_inputs":           {"Inputs", "Të dhënat hyrëse", "Ulazni podaci"},
	"page_inputs_hint":      {"Change a value and the results below are recomputed. Changed values are highlighted.", "Ndryshoni një vlerë dhe rezultatet më poshtë rillogariten. Vlerat e ndryshuara theksohen.", "Promenite vrednost i rezultati ispod se ponovo računaju. Promenjene vrednosti su istaknute."},
	"page_parameter":        {"Parameter", "Parametri", "Parametar"},
	"page_value":            {"Value", "Vlera", "Vrednost"},
	"page_unit":             {"Unit", "Njësia", "Jedinica"},
	"page_source":           {"Source", "Burimi", "Izvor"},
	"page_from":             {"Applies from", "Zbatohet nga", "Primenjuje se od"},
	"page_default":          {"as shipped", "origjinali", "izvorno"},
	"page_recalculate":      {"Recalculate", "Rillogarit", "Ponovo izračunaj"},
	"page_reset":            {"Reset all inputs", "Rikthe të gjitha vlerat", "Vrati sve vrednosti"},
	"page_compare_with":     {"Compare with", "Krahaso me", "Uporedi sa"},
	"page_compare_none":     {"(the scenario as shipped, when an input is changed)", "(skenari origjinal, kur ndryshohet një e dhënë)", "(izvorni scenario, kada se promeni ulazni podatak)"},
	"page_downloads":        {"Downloads", "Shkarkime", "Preuzimanja"},
	"page_variant":          {"Changed scenario (TOML, for kosto run)", "Skenari i ndryshuar (TOML, për kosto run)", "Izmenjeni scenario (TOML, za kosto run)"},
	"page_workbook":         {"Workbook (Excel)", "Libri i punës (Excel)", "Radna sveska (Excel)"},
	"page_csv":              {"Results (CSV)", "Rezultatet (CSV)", "Rezultati (CSV)"},
	"page_problems":         {"The scenario has problems; nothing was computed", "Skenari ka probleme; asgjë nuk u llogarit", "Scenario ima problema; ništa nije izračunato"},
	"page_results":          {"Results", "Rezultatet", "Rezultati"},
	"page_projection":       {"Budget over the years", "Buxheti ndër vite", "Budžet po godinama"},
	"page_comparison":       {"Comparison", "Krahasimi", "Poređenje"},
	"page_chart_data":       {"The chart's figures are in the table above it.", "Shifrat e grafikut janë në tabelën sipër tij.", "Podaci grafikona nalaze se u tabeli iznad njega."},
	"page_print":            {"Print", "Printo", "Štampaj"},
	"page_working":          {"Recomputing…", "Duke rillogaritur…", "Ponovo se računa…"},
	"page_formula":          {"Grant formula", "Formula e grantit", "Formula granta"},
	"page_weights_hint":     {"Change a weight or the pot and the allocation below is recomputed. The weights of the criteria must sum to 1 exactly.", "Ndryshoni një peshë ose fondin dhe ndarja më poshtë rillogaritet. Peshat e kritereve duhet të mblidhen saktësisht në 1.", "Promenite ponder ili fond i raspodela ispod se ponovo računa. Zbir pondera kriterijuma mora biti tačno 1."},
	"page_formula_variant":  {"Changed formula (TOML, for kosto grant)", "Formula e ndryshuar (TOML, për kosto grant)", "Izmenjena formula (TOML, za kosto grant)"},
	"page_formula_problems": {"The formula has problems; nothing was computed", "Formula ka probleme; asgjë nuk u llogarit", "Formula ima problema; ništa nije izračunato"},
	"page_local":            {"This page is served by kosto on this computer; nothing is sent elsewhere.", "Kjo faqe shërbehet nga kosto në këtë kompjuter; asgjë nuk dërgohet gjetiu.", "Ovu stranicu prikazuje kosto na ovom računaru; ništa se ne šalje drugde."},
}

func init() { addWords(pageGlossary) }

// pageLabelOf is label for the page's templates: lang first, as they call it.
func pageLabelOf(lang, key string) string { return label(lang, key) }
