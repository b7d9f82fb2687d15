package models

import "fmt"

// Cost elements are the atoms every cost line is made of. They are the
// engine's own vocabulary; an economic [Classification] — which is data —
// groups them into a budget's categories (Kosovo's wages and salaries, goods
// and services, …; Albania's economic codes 600, 601, 602, …).
const (
	ElementPay                   = "pay"                    // gross pay and fixed allowances of staff
	ElementEmployerContributions = "employer_contributions" // employer's social contributions
	ElementOverheads             = "overheads"              // management, administration, office, training
	ElementCapital               = "capital"                // annuities on buildings, vehicles, equipment; rent of premises
	ElementTransfers             = "transfers"              // allowances and payments to carers, families and beneficiaries
	ElementGoodsServices         = "goods_services"         // supplies, meals, transport, purchased services
	ElementUtilities             = "utilities"              // electricity, water, heating
	ElementStaffTime             = "staff_time"             // staff time priced at a blended hourly cost
)

// Elements lists every cost element.
var Elements = []string{
	ElementPay, ElementEmployerContributions, ElementOverheads, ElementCapital,
	ElementTransfers, ElementGoodsServices, ElementUtilities, ElementStaffTime,
}

// LineElements are the elements a scenario's own cost lines may name.
var LineElements = []string{ElementGoodsServices, ElementUtilities, ElementCapital, ElementTransfers, ElementOverheads, ElementPay}

// A Classification maps cost elements to the economic categories of a
// budget. Categories are listed in the order a budget table shows them.
type Classification struct {
	Name       string
	Title      string
	Source     string
	Categories []Category
}

// A Category is one economic category of a budget.
type Category struct {
	Code     string
	Labels   map[string]string // language → label
	Elements []string
}

// Label returns the category's label in lang, falling back to English and
// then to the code.
func (c Category) Label(lang string) string {
	if l := c.Labels[lang]; l != "" {
		return l
	}
	if l := c.Labels["en"]; l != "" {
		return l
	}
	return c.Code
}

// CategoryOf returns the index of the category an element belongs to.
func (c *Classification) CategoryOf(element string) (int, bool) {
	for i, cat := range c.Categories {
		for _, e := range cat.Elements {
			if e == element {
				return i, true
			}
		}
	}
	return 0, false
}

// Validate checks that every cost element belongs to exactly one category.
func (c *Classification) Validate(pos Position) Problems {
	var ps Problems
	seen := map[string]string{}
	for _, cat := range c.Categories {
		for _, e := range cat.Elements {
			if !contains(Elements, e) {
				ps.Add(pos, fmt.Sprintf("%q", e), "category %s names an unknown cost element; expected one of %s", cat.Code, list(Elements))
				continue
			}
			if prev, ok := seen[e]; ok {
				ps.Add(pos, fmt.Sprintf("%q", e), "cost element is in two categories (%s and %s); each element belongs to exactly one", prev, cat.Code)
			}
			seen[e] = cat.Code
		}
	}
	var missing []string
	for _, e := range Elements {
		if _, ok := seen[e]; !ok {
			missing = append(missing, e)
		}
	}
	if len(missing) > 0 {
		ps.Add(pos, fmt.Sprintf("%q", c.Name), "classification puts cost elements %s in no category; every element must belong to one", list(missing))
	}
	return ps
}
