package templates

import (
	"github.com/kosto-project/kosto/costing"
	"strconv"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// forms are the ways one language writes a phrase after a number, by the
// plural category of the Unicode CLDR: English and Albanian have one and
// other, Serbian one, few and other. A form is a whole phrase, not a noun
// with an ending: an Albanian adjective agrees too (1 vendosje e re, 2
// vendosje të reja). A language without a few form leaves it empty.
type forms struct{ one, few, other string }

// plurals holds the phrases a report writes after a count, keyed by phrase
// and then by language. The "unit:" keys are the units of output volumes
// (Volume: 3 child-years), whose label without a number is the glossary's.
var plurals = map[string]map[string]forms{
	"municipalities": {
		"en": {one: "municipality", other: "municipalities"},
		"sq": {one: "komunë", other: "komuna"},
		"sr": {one: "opština", few: "opštine", other: "opština"},
	},
	"units": {
		"en": {one: "unit", other: "units"},
		"sq": {one: "njësi", other: "njësi"},
		"sr": {one: "jedinica", few: "jedinice", other: "jedinica"},
	},
	"unit:child-years": {
		"en": {one: "child-year", other: "child-years"},
		"sq": {one: "fëmijë-vit", other: "fëmijë-vite"},
		"sr": {one: "dete-godina", few: "dete-godine", other: "dete-godina"},
	},
	"unit:placements/year": {
		"en": {one: "new placement a year", other: "new placements a year"},
		"sq": {one: "vendosje e re në vit", other: "vendosje të reja në vit"},
		"sr": {one: "novi smeštaj godišnje", few: "nova smeštaja godišnje", other: "novih smeštaja godišnje"},
	},
	"unit:places": {
		"en": {one: "place", other: "places"},
		"sq": {one: "vend", other: "vende"},
		"sr": {one: "mesto", few: "mesta", other: "mesta"},
	},
	"unit:attendance days/year": {
		"en": {one: "attendance day a year", other: "attendance days a year"},
		"sq": {one: "ditë pranie në vit", other: "ditë pranie në vit"},
		"sr": {one: "dan prisustva godišnje", few: "dana prisustva godišnje", other: "dana prisustva godišnje"},
	},
	"unit:cases/year": {
		"en": {one: "case a year", other: "cases a year"},
		"sq": {one: "rast në vit", other: "raste në vit"},
		"sr": {one: "slučaj godišnje", few: "slučaja godišnje", other: "slučajeva godišnje"},
	},
	"unit:inhabitants": {
		"en": {one: "inhabitant", other: "inhabitants"},
		"sq": {one: "banor", other: "banorë"},
		"sr": {one: "stanovnik", few: "stanovnika", other: "stanovnika"},
	},
	"unit:beds": {
		"en": {one: "bed", other: "beds"},
		"sq": {one: "shtrat", other: "shtretër"},
		"sr": {one: "ležaj", few: "ležaja", other: "ležajeva"},
	},
	"unit:family-years": {
		"en": {one: "family-year", other: "family-years"},
		"sq": {one: "familje-vit", other: "familje-vite"},
		"sr": {one: "porodica-godina", few: "porodica-godine", other: "porodica-godina"},
	},
	"unit:occupied bed-nights/year": {
		"en": {one: "occupied bed-night a year", other: "occupied bed-nights a year"},
		"sq": {one: "natë shtrati e zënë në vit", other: "net shtrati të zëna në vit"},
		"sr": {one: "noć zauzetog ležaja godišnje", few: "noći zauzetih ležajeva godišnje", other: "noći zauzetih ležajeva godišnje"},
	},
	"unit:visits/year": {
		"en": {one: "visit a year", other: "visits a year"},
		"sq": {one: "vizitë në vit", other: "vizita në vit"},
		"sr": {one: "poseta godišnje", few: "posete godišnje", other: "poseta godišnje"},
	},
	"unit:care hours/year": {
		"en": {one: "care hour a year", other: "care hours a year"},
		"sq": {one: "orë kujdesi në vit", other: "orë kujdesi në vit"},
		"sr": {one: "sat nege godišnje", few: "sata nege godišnje", other: "sati nege godišnje"},
	},
	"unit:beneficiary-months/year": {
		"en": {one: "beneficiary-month a year", other: "beneficiary-months a year"},
		"sq": {one: "muaj përfituesi në vit", other: "muaj përfituesi në vit"},
		"sr": {one: "mesec korisnika godišnje", few: "meseca korisnika godišnje", other: "meseci korisnika godišnje"},
	},
	"unit:children leaving/year": {
		"en": {one: "child leaving a year", other: "children leaving a year"},
		"sq": {one: "fëmijë që largohet në vit", other: "fëmijë që largohen në vit"},
		"sr": {one: "dete koje odlazi godišnje", few: "deteta koja odlaze godišnje", other: "dece koja odlaze godišnje"},
	},
	"funnel_families": {
		"en": {one: "new carer family a year", other: "new carer families a year"},
		"sq": {one: "familje kujdestare e re në vit", other: "familje kujdestare të reja në vit"},
		"sr": {one: "nova hraniteljska porodica godišnje", few: "nove hraniteljske porodice godišnje", other: "novih hraniteljskih porodica godišnje"},
	},
}

// Plural categories of the Unicode CLDR.
const (
	one   = "one"
	few   = "few"
	other = "other"
)

// pluralCategory returns the CLDR plural category of the number s (a plain
// decimal such as "21" or "2.5", as it is printed) in lang: English one for
// 1 only; Albanian one for 1 (and 1.0); Serbian one for 1, 21, 31 … (not
// 11), few for 2–4, 22–24 … (not 12–14), and so for the decimals as
// written; everything else other.
func pluralCategory(lang, s string) string {
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	i, err := strconv.ParseInt(ip, 10, 64)
	if err != nil {
		return other
	}
	v := len(fp) // visible fraction digits
	var f int64
	if v > 0 {
		if f, err = strconv.ParseInt(fp, 10, 64); err != nil {
			return other
		}
	}
	switch lang {
	case "sq":
		if i == 1 && f == 0 {
			return one
		}
	case "sr":
		switch {
		case v == 0 && i%10 == 1 && i%100 != 11, f%10 == 1 && f%100 != 11:
			return one
		case v == 0 && i%10 >= 2 && i%10 <= 4 && (i%100 < 12 || i%100 > 14),
			f%10 >= 2 && f%10 <= 4 && (f%100 < 12 || f%100 > 14):
			return few
		}
	default:
		if i == 1 && v == 0 {
			return one
		}
	}
	return other
}

// plural returns the phrase of key that follows the number n in lang: "1
// vendosje e re në vit", "2 vendosje të reja në vit", "21 opština", "22
// opštine", "25 opština". n is taken as a report prints it, to two
// decimals. A key without plural forms is the glossary's label.
func plural(lang string, n decimal.Decimal, key string) string {
	byLang, ok := plurals[key]
	if !ok {
		return label(lang, key)
	}
	fs, ok := byLang[lang]
	if !ok {
		fs = byLang[models.Languages[0]]
	}
	switch pluralCategory(lang, n.Round(2).String()) {
	case one:
		return fs.one
	case few:
		if fs.few != "" {
			return fs.few
		}
	}
	return fs.other
}

// pluralInt is plural for a count.
func pluralInt(lang string, n int, key string) string {
	return plural(lang, decimal.NewFromInt(int64(n)), key)
}

// unitCount returns a unit in lang as it follows the number n: the plural
// form of a volume's unit, else unitLabel.
func unitCount(lang string, n decimal.Decimal, unit string) string {
	if _, ok := plurals["unit:"+unit]; ok {
		return plural(lang, n, "unit:"+unit)
	}
	return unitLabel(lang, unit)
}

// count returns the phrase of key that follows the value of figure id.
func (v *view) count(id costing.NodeID, key string) string {
	d, _ := v.r.Value(id)
	return plural(v.lang, d, key)
}

// unitCount returns the unit of figure id as it follows its value.
func (v *view) unitCount(id costing.NodeID) string {
	d, _ := v.r.Value(id)
	return unitCount(v.lang, d, v.r.Node(id).Unit)
}
