package templates

import "strings"

// unitWords are the words units are made of, keyed by word and then by
// language: a unit such as EUR/client-hour or months/child-year is
// translated part by part (unitLabel). A currency code, FTE and a word not
// here are written as the scenario or the engine wrote them.
var unitWords = map[string]map[string]string{
	"year":                                  {"sq": "vit", "sr": "godina"},
	"years":                                 {"sq": "vite", "sr": "godine"},
	"years open":                            {"sq": "vite në funksionim", "sr": "godine rada"},
	"month":                                 {"sq": "muaj", "sr": "mesec"},
	"months":                                {"sq": "muaj", "sr": "meseci"},
	"week":                                  {"sq": "javë", "sr": "nedelja"},
	"weeks":                                 {"sq": "javë", "sr": "nedelje"},
	"days":                                  {"sq": "ditë", "sr": "dani"},
	"hour":                                  {"sq": "orë", "sr": "sat"},
	"hours":                                 {"sq": "orë", "sr": "sati"},
	"client-hour":                           {"sq": "orë me klientë", "sr": "sat rada s korisnicima"},
	"client hours":                          {"sq": "orë me klientë", "sr": "sati rada s korisnicima"},
	"FTE-year":                              {"sq": "vend pune në vit", "sr": "radno mesto godišnje"},
	"posts":                                 {"sq": "vende pune", "sr": "radna mesta"},
	"post":                                  {"sq": "vend pune", "sr": "radno mesto"},
	"posts on shift":                        {"sq": "vende pune në turn", "sr": "radna mesta u smeni"},
	"carers on shift":                       {"sq": "kujdestarë në turn", "sr": "negovatelji u smeni"},
	"case":                                  {"sq": "rast", "sr": "slučaj"},
	"cases":                                 {"sq": "raste", "sr": "slučajevi"},
	"officer-year":                          {"sq": "zyrtar në vit", "sr": "službenik godišnje"},
	"worker":                                {"sq": "punonjës", "sr": "radnik"},
	"inhabitant":                            {"sq": "banor", "sr": "stanovnik"},
	"inhabitants":                           {"sq": "banorë", "sr": "stanovnika"},
	"inhabitant-year":                       {"sq": "banor në vit", "sr": "stanovnik godišnje"},
	"child-year":                            {"sq": "fëmijë në vit", "sr": "dete godišnje"},
	"child_year":                            {"sq": "fëmijë në vit", "sr": "dete godišnje"},
	"child-month":                           {"sq": "fëmijë në muaj", "sr": "dete mesečno"},
	"child-years":                           {"sq": "fëmijë-vite", "sr": "dete-godina"},
	"placement":                             {"sq": "vendosje", "sr": "smeštaj"},
	"placements":                            {"sq": "vendosje", "sr": "smeštaji"},
	"place_year":                            {"sq": "vend në vit", "sr": "mesto godišnje"},
	"places":                                {"sq": "vende", "sr": "mesta"},
	"post_places":                           {"sq": "vende", "sr": "mesta"},
	"occupied_place_year":                   {"sq": "vend i zënë në vit", "sr": "zauzeto mesto godišnje"},
	"attendance_day":                        {"sq": "ditë pranie", "sr": "dan prisustva"},
	"attendance day":                        {"sq": "ditë pranie", "sr": "dan prisustva"},
	"attendance days":                       {"sq": "ditë pranie", "sr": "dani prisustva"},
	"bed_year":                              {"sq": "shtrat në vit", "sr": "ležaj godišnje"},
	"beds":                                  {"sq": "shtretër", "sr": "ležajevi"},
	"unit":                                  {"sq": "njësi", "sr": "jedinica"},
	"units":                                 {"sq": "njësi", "sr": "jedinice"},
	"open unit-year":                        {"sq": "njësi e hapur në vit", "sr": "otvorena jedinica godišnje"},
	"family_year":                           {"sq": "familje në vit", "sr": "porodica godišnje"},
	"family-years":                          {"sq": "familje-vite", "sr": "porodica-godina"},
	"families":                              {"sq": "familje", "sr": "porodice"},
	"registered family":                     {"sq": "familje e regjistruar", "sr": "registrovana porodica"},
	"approved family":                       {"sq": "familje e miratuar", "sr": "odobrena porodica"},
	"carer-year":                            {"sq": "kujdestar në vit", "sr": "hranitelj godišnje"},
	"carer household":                       {"sq": "familje kujdestare", "sr": "hraniteljska porodica"},
	"children":                              {"sq": "fëmijë", "sr": "deca"},
	"beneficiaries":                         {"sq": "përfitues", "sr": "korisnici"},
	"beneficiary_month":                     {"sq": "përfitues në muaj", "sr": "korisnik mesečno"},
	"beneficiary-month":                     {"sq": "përfitues në muaj", "sr": "korisnik mesečno"},
	"beneficiary-months":                    {"sq": "muaj përfituesi", "sr": "meseci korisnika"},
	"leaver":                                {"sq": "fëmijë që largohet", "sr": "dete koje odlazi"},
	"children leaving":                      {"sq": "fëmijë që largohen", "sr": "deca koja odlaze"},
	"person":                                {"sq": "person", "sr": "osoba"},
	"people":                                {"sq": "persona", "sr": "osobe"},
	"salaries":                              {"sq": "paga", "sr": "plate"},
	"share":                                 {"sq": "pjesë", "sr": "udeo"},
	"share of productive time":              {"sq": "pjesë e kohës produktive", "sr": "udeo produktivnog vremena"},
	"share of gross pay":                    {"sq": "pjesë e pagës bruto", "sr": "udeo bruto plate"},
	"share of places":                       {"sq": "pjesë e vendeve", "sr": "udeo mesta"},
	"share of direct cost":                  {"sq": "pjesë e kostos direkte", "sr": "udeo direktnog troška"},
	"children per carer on the night shift": {"sq": "fëmijë për kujdestar në turnin e natës", "sr": "dece po negovatelju u noćnoj smeni"},
	"children per carer on a day or evening shift": {"sq": "fëmijë për kujdestar në turn dite ose mbrëmjeje", "sr": "dece po negovatelju u dnevnoj ili večernjoj smeni"},
}

// translateUnit writes a unit in lang part by part: its parts split at
// "/" (a rate: EUR/client-hour), each part a word of unitWords or kept as
// written. English is the units as written.
func translateUnit(lang, unit string) string {
	if lang == "en" || unit == "" {
		return unit
	}
	parts := strings.Split(unit, "/")
	for i, p := range parts {
		if w := unitWords[p][lang]; w != "" {
			parts[i] = w
		}
	}
	return strings.Join(parts, "/")
}
