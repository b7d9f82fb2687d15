package templates

// The labels of grant reports, in English and Albanian; added to the
// glossary when the package starts.
var grantGlossary = map[string][2]string{
	"grant_formula":         {"Grant formula", "Formula e grantit"},
	"year":                  {"year", "viti"},
	"municipalities":        {"municipalities", "komuna"},
	"caveat":                {"CAVEAT", "KUJDES"},
	"grant_pot":             {"Pot", "Fondi"},
	"grant_allocation":      {"Allocation by municipality", "Ndarja sipas komunave"},
	"grant_summary":         {"Summary", "Përmbledhje"},
	"grant_criterion":       {"Criterion", "Kriteri"},
	"grant_column":          {"Column", "Kolona"},
	"grant_transform":       {"Transform", "Shndërrimi"},
	"grant_weight":          {"Weight", "Pesha"},
	"grant_indicator_total": {"Total of the indicator", "Shuma e treguesit"},
	"transform_none":        {"as is", "siç është"},
	"transform_per_capita":  {"per capita", "për banor"},
	"transform_inverse":     {"inverse", "e anasjellta"},
	"transform_capped":      {"capped", "me tavan"},
	"grant_pot_fixed":       {"a fixed amount", "shumë fikse"},
	"grant_pot_share":       {"a share of %s of %s, rounded", "pjesa %s e %s, e rrumbullakuar"},
	"grant_pot_cost":        {"cost-based: %s, %s in all, × the co-financing share %s, rounded", "sipas kostos: %s, gjithsej %s, × pjesa e bashkëfinancimit %s, e rrumbullakuar"},
	"grant_lump_sums":       {"Lump sums", "Shumat fikse"},
	"grant_by_formula":      {"by the formula", "sipas formulës"},
	"grant_share":           {"Share", "Pjesa"},
	"grant_lump":            {"Lump sum", "Shuma fikse"},
	"grant_allocation_col":  {"Allocation", "Ndarja"},
	"grant_per_child":       {"Per child", "Për fëmijë"},
	"grant_baseline":        {"Baseline", "Baza"},
	"grant_change":          {"Change", "Ndryshimi"},
	"grant_change_pct":      {"Change %", "Ndryshimi %"},
	"grant_need":            {"Costed need", "Nevoja e kostuar"},
	"grant_gap":             {"Gap to need", "Mungesa ndaj nevojës"},
	"grant_rule":            {"Rule", "Rregulli"},
	"bound_floor":           {"floor", "minimumi"},
	"bound_cap":             {"cap", "tavani"},
	"bound_hold_harmless":   {"hold-harmless", "mbrojtja nga humbja"},
	"grant_gap_note":        {"Gap to need = costed need − allocation: unmet need where positive.", "Mungesa = nevoja e kostuar − ndarja: nevojë e pambuluar kur është pozitive."},
	"grant_need_from":       {"Need", "Nevoja"},
	"grant_baseline_from":   {"Baseline", "Baza"},
	"note":                  {"Note", "Shënim"},
	"grant_item":            {"Item", "Zëri"},
	"grant_total_pot":       {"Total (= the pot, exactly)", "Gjithsej (= fondi, saktësisht)"},
	"grant_min_per_capita":  {"Lowest per capita", "Më e ulëta për banor"},
	"grant_max_per_capita":  {"Highest per capita", "Më e larta për banor"},
	"grant_ratio":           {"Highest ÷ lowest per capita", "Më e larta ÷ më e ulëta për banor"},
	"grant_gini":            {"Gini coefficient of the per-capita allocation", "Koeficienti Gini i ndarjes për banor"},
	"grant_gainers":         {"Gainers against the baseline", "Fitues kundrejt bazës"},
	"grant_losers":          {"Losers against the baseline", "Humbës kundrejt bazës"},
	"grant_need_total":      {"Costed need, total", "Nevoja e kostuar, gjithsej"},
	"grant_unmet":           {"Unmet need (sum of the positive gaps)", "Nevoja e pambuluar (shuma e mungesave pozitive)"},
	"grant_held":            {"Municipalities held at a rule", "Komuna të mbajtura nga një rregull"},
	"grant_scale":           {"Formula part scaled by (floors and caps)", "Pjesa e formulës shumëzuar me (minimumet dhe tavanet)"},
	"grant_gain_scale":      {"Gains scaled back by (hold-harmless)", "Fitimet shumëzuar me (mbrojtja nga humbja)"},
	"grant_rounding_note":   {"Allocations are rounded down, and the %d units left go one each to the largest remainders (equal remainders in order of name), so they sum to the pot exactly.", "Ndarjet rrumbullakohen poshtë, dhe %d njësitë që mbeten u jepen një nga një mbetjeve më të mëdha (mbetjet e barabarta sipas emrit), që shuma të jetë saktësisht fondi."},
	"grant_gini_note":       {"Gini: 0 when every inhabitant gets the same per capita, towards 1 the more unequal; each municipality weighted by its population.", "Gini: 0 kur çdo banor merr të njëjtën shumë, drejt 1 sa më e pabarabartë; çdo komunë peshohet me popullsinë e saj."},
}

func init() {
	for k, v := range grantGlossary {
		if _, dup := glossary[k]; !dup {
			glossary[k] = v
		}
	}
}
