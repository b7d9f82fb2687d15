package templates

// The labels of grant reports, in each of models.Languages; added to the
// glossary when the package starts.
var grantGlossary = map[string]map[string]string{
	"grant_formula":         {"en": "Grant formula", "sq": "Formula e grantit", "sr": "Formula granta"},
	"municipalities":        {"en": "municipalities", "sq": "komuna", "sr": "opštine"},
	"caveat":                {"en": "CAVEAT", "sq": "KUJDES", "sr": "NAPOMENA"},
	"grant_pot":             {"en": "Pot", "sq": "Fondi", "sr": "Fond"},
	"grant_allocation":      {"en": "Allocation by municipality", "sq": "Ndarja sipas komunave", "sr": "Raspodela po opštinama"},
	"grant_summary":         {"en": "Summary", "sq": "Përmbledhje", "sr": "Rezime"},
	"grant_criterion":       {"en": "Criterion", "sq": "Kriteri", "sr": "Kriterijum"},
	"grant_column":          {"en": "Column", "sq": "Kolona", "sr": "Kolona"},
	"grant_transform":       {"en": "Transform", "sq": "Shndërrimi", "sr": "Transformacija"},
	"grant_weight":          {"en": "Weight", "sq": "Pesha", "sr": "Ponder"},
	"grant_indicator_total": {"en": "Total of the indicator", "sq": "Shuma e treguesit", "sr": "Zbir pokazatelja"},
	"transform_none":        {"en": "as is", "sq": "siç është", "sr": "kakav jeste"},
	"transform_per_capita":  {"en": "per capita", "sq": "për banor", "sr": "po stanovniku"},
	"transform_inverse":     {"en": "inverse", "sq": "e anasjellta", "sr": "obrnuto"},
	"transform_capped":      {"en": "capped", "sq": "me tavan", "sr": "s gornjom granicom"},
	"grant_pot_fixed":       {"en": "a fixed amount", "sq": "shumë fikse", "sr": "fiksni iznos"},
	"grant_pot_share":       {"en": "a share of %s of %s, rounded", "sq": "pjesa %s e %s, e rrumbullakuar", "sr": "udeo %s od %s, zaokružen"},
	"grant_pot_cost":        {"en": "cost-based: %s, %s in all, × the co-financing share %s, rounded", "sq": "sipas kostos: %s, gjithsej %s, × pjesa e bashkëfinancimit %s, e rrumbullakuar", "sr": "prema troškovima: %s, ukupno %s, × udeo sufinansiranja %s, zaokruženo"},
	"grant_lump_sums":       {"en": "Lump sums", "sq": "Shumat fikse", "sr": "Paušalni iznosi"},
	"grant_by_formula":      {"en": "by the formula", "sq": "sipas formulës", "sr": "prema formuli"},
	"grant_share":           {"en": "Share", "sq": "Pjesa", "sr": "Udeo"},
	"grant_lump":            {"en": "Lump sum", "sq": "Shuma fikse", "sr": "Paušalni iznos"},
	"grant_allocation_col":  {"en": "Allocation", "sq": "Ndarja", "sr": "Raspodela"},
	"grant_per_child":       {"en": "Per child", "sq": "Për fëmijë", "sr": "Po detetu"},
	"grant_baseline":        {"en": "Baseline", "sq": "Baza", "sr": "Osnova"},
	"grant_change":          {"en": "Change", "sq": "Ndryshimi", "sr": "Promena"},
	"grant_change_pct":      {"en": "Change %", "sq": "Ndryshimi %", "sr": "Promena %"},
	"grant_need":            {"en": "Costed need", "sq": "Nevoja e kostuar", "sr": "Obračunata potreba"},
	"grant_gap":             {"en": "Gap to need", "sq": "Mungesa ndaj nevojës", "sr": "Manjak do potrebe"},
	"grant_rule":            {"en": "Rule", "sq": "Rregulli", "sr": "Pravilo"},
	"bound_floor":           {"en": "floor", "sq": "minimumi", "sr": "donja granica"},
	"bound_cap":             {"en": "cap", "sq": "tavani", "sr": "gornja granica"},
	"bound_hold_harmless":   {"en": "hold-harmless", "sq": "mbrojtja nga humbja", "sr": "zaštita od gubitka"},
	"grant_gap_note":        {"en": "Gap to need = costed need − allocation: unmet need where positive.", "sq": "Mungesa = nevoja e kostuar − ndarja: nevojë e pambuluar kur është pozitive.", "sr": "Manjak do potrebe = obračunata potreba − raspodela: nepokrivena potreba kada je pozitivan."},
	"grant_need_from":       {"en": "Need", "sq": "Nevoja", "sr": "Potreba"},
	"grant_baseline_from":   {"en": "Baseline", "sq": "Baza", "sr": "Osnova"},
	"note":                  {"en": "Note", "sq": "Shënim", "sr": "Napomena"},
	"grant_item":            {"en": "Item", "sq": "Zëri", "sr": "Stavka"},
	"grant_total_pot":       {"en": "Total (= the pot, exactly)", "sq": "Gjithsej (= fondi, saktësisht)", "sr": "Ukupno (= fond, tačno)"},
	"grant_min_per_capita":  {"en": "Lowest per capita", "sq": "Më e ulëta për banor", "sr": "Najmanje po stanovniku"},
	"grant_max_per_capita":  {"en": "Highest per capita", "sq": "Më e larta për banor", "sr": "Najviše po stanovniku"},
	"grant_ratio":           {"en": "Highest ÷ lowest per capita", "sq": "Më e larta ÷ më e ulëta për banor", "sr": "Najviše ÷ najmanje po stanovniku"},
	"grant_gini":            {"en": "Gini coefficient of the per-capita allocation", "sq": "Koeficienti Gini i ndarjes për banor", "sr": "Džinijev koeficijent raspodele po stanovniku"},
	"grant_gainers":         {"en": "Gainers against the baseline", "sq": "Fitues kundrejt bazës", "sr": "Dobitnici u odnosu na osnovu"},
	"grant_losers":          {"en": "Losers against the baseline", "sq": "Humbës kundrejt bazës", "sr": "Gubitnici u odnosu na osnovu"},
	"grant_need_total":      {"en": "Costed need, total", "sq": "Nevoja e kostuar, gjithsej", "sr": "Obračunata potreba, ukupno"},
	"grant_unmet":           {"en": "Unmet need (sum of the positive gaps)", "sq": "Nevoja e pambuluar (shuma e mungesave pozitive)", "sr": "Nepokrivena potreba (zbir pozitivnih manjkova)"},
	"grant_held":            {"en": "Municipalities held at a rule", "sq": "Komuna të mbajtura nga një rregull", "sr": "Opštine zadržane nekim pravilom"},
	"grant_scale":           {"en": "Formula part scaled by (floors and caps)", "sq": "Pjesa e formulës shumëzuar me (minimumet dhe tavanet)", "sr": "Deo formule pomnožen sa (donje i gornje granice)"},
	"grant_gain_scale":      {"en": "Gains scaled back by (hold-harmless)", "sq": "Fitimet shumëzuar me (mbrojtja nga humbja)", "sr": "Dobici pomnoženi sa (zaštita od gubitka)"},
	"grant_rounding_note":   {"en": "Allocations are rounded down, and the units left over (%s) go one each to the largest remainders (equal remainders in order of name), so they sum to the pot exactly.", "sq": "Ndarjet rrumbullakohen poshtë, dhe njësitë që mbeten (%s) u jepen një nga një mbetjeve më të mëdha (mbetjet e barabarta sipas emrit), që shuma të jetë saktësisht fondi.", "sr": "Raspodele se zaokružuju naniže, a preostale jedinice (%s) dodeljuju se po jedna najvećim ostacima (jednaki ostaci po redosledu naziva), tako da je zbir tačno jednak fondu."},
	"grant_gini_note":       {"en": "Gini: 0 when every inhabitant gets the same per capita, towards 1 the more unequal; each municipality weighted by its population.", "sq": "Gini: 0 kur çdo banor merr të njëjtën shumë, drejt 1 sa më e pabarabartë; çdo komunë peshohet me popullsinë e saj.", "sr": "Džini: 0 kada svaki stanovnik dobija isti iznos po stanovniku, prema 1 što je nejednakije; svaka opština se ponderiše brojem stanovnika."},

	// Where a grant's need or baseline comes from (grant.Origin).
	"origin_column":          {"en": "column %s of %s", "sq": "kolona %s e %s", "sr": "kolona %s tabele %s"},
	"origin_run":             {"en": "a previous run: %s", "sq": "një llogaritje e mëparshme: %s", "sr": "prethodni obračun: %s"},
	"origin_budget":          {"en": "the budget of scenario %s (municipality totals)", "sq": "buxheti i skenarit %s (totalet e komunave)", "sr": "budžet scenarija %s (ukupni iznosi opština)"},
	"origin_staffed_to_norm": {"en": "scenario %s staffed to its norms (municipality totals + the yearly cost of every missing post)", "sq": "skenari %s me stafin sipas normave (totalet e komunave + kostoja vjetore e çdo vendi pune që mungon)", "sr": "scenario %s sa osobljem po normama (ukupni iznosi opština + godišnji trošak svakog radnog mesta koje nedostaje)"},
	"origin_figure":          {"en": "scenario %s, figure MUNICIPALITY.%s", "sq": "skenari %s, treguesi KOMUNA.%s", "sr": "scenario %s, pokazatelj OPŠTINA.%s"},
}

func init() {
	for k, v := range grantGlossary {
		if _, dup := glossary[k]; !dup {
			glossary[k] = v
		}
	}
}
