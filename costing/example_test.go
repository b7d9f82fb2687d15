package costing_test

import (
	"fmt"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
)

// A scenario is read with package scenarios, costed with Cost, and its
// figures are found by name.
func Example() {
	const src = `
format = 1

[scenario]
name = "tiny"
country = "XK"
currency = "EUR"
base_year = 2024

[parameters.foster_allowance]
value = 250
unit = "EUR/child-month"
source = "MLSW decision of 30 May 2018"

[services.foster_care]
kind = "foster_care"
children = 3
monthly_allowance = "foster_allowance"
carer_support_per_carer = "600.00"

[municipalities.gjilan]
`
	sc, err := scenarios.Load(fstest.MapFS{"tiny.toml": {Data: []byte(src)}}, "tiny.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := costing.Cost(sc)
	if err != nil {
		fmt.Println(err)
		return
	}
	id, err := r.Find("foster_care.unit_cost")
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := r.Value(id)
	n := r.Node(id)
	fmt.Printf("%s = %s %s\n", n.Name, v.StringFixed(r.Graph.Decimals), n.Unit)
	fmt.Println(r.Graph.Formula(id, costing.Readable, func(a costing.NodeID) string { return r.Node(a).Label }))
	total, _ := r.Value(r.Total)
	fmt.Printf("total = %s\n", total.StringFixed(r.Graph.Decimals))
	// Output:
	// gjilan.foster_care.unit_cost = 3600.00 EUR/child-year
	// allowance + carer_support
	// total = 10800.00
}
