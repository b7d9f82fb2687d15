package scenarios

import (
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/costing"
)

// A scenario may bring its own economic classification instead of naming a
// shipped one: here a budget that shows staff and everything else.
func TestOwnClassification(t *testing.T) {
	src := head + `[services.fc]
kind = "foster_care"
children = 2
monthly_allowance = 250
[classification]
name = "two-lines"
title = "Staff and the rest"
[[classification.categories]]
code = "staff"
en = "Staff"
sq = "Stafi"
elements = ["pay", "employer_contributions", "staff_time"]
[[classification.categories]]
code = "other"
en = "Everything else"
sq = "Të tjera"
elements = ["overheads", "capital", "transfers", "goods_services", "utilities"]
`
	sc, err := Load(fstest.MapFS{"s.toml": {Data: []byte(src)}}, "s.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := costing.Build(sc)
	if r.Classification.Name != "two-lines" || len(r.Classification.Categories) != 2 {
		t.Fatalf("classification %s with %d categories", r.Classification.Name, len(r.Classification.Categories))
	}
	// 2 children × 250 × 12 = 6,000, a transfer: "Everything else".
	id, _ := r.Graph.Lookup("a.category.other")
	if v, _ := r.Value(id); v.StringFixed(2) != "6000.00" {
		t.Errorf("a.category.other = %s, want 6000.00", v)
	}

	bad := head + `[classification]
name = "half"
[[classification.categories]]
code = "staff"
elements = ["pay", "payy"]
`
	_, err = Load(fstest.MapFS{"s.toml": {Data: []byte(bad)}}, "s.toml")
	want := `s.toml: classification = "payy": category staff names an unknown cost element; expected one of "pay", "employer_contributions", "overheads", "capital", "transfers", "goods_services", "utilities", "staff_time"
s.toml: classification = "half": classification puts cost elements "employer_contributions", "overheads", "capital", "transfers", "goods_services", "utilities", "staff_time" in no category; every element must belong to one`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}
