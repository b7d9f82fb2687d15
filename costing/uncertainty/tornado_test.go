package uncertainty_test

import (
	"testing"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

func vlore(t *testing.T, widen float64) *uncertainty.Study {
	base, variant := load(t, "albania-di-vlore"), load(t, "albania-di-vlore-reform")
	st, err := uncertainty.New(base, variant, spread(base, widen, models.DistPERT))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestTornado: the bars are sorted by swing, each swing is the NPV at the
// input's high less that at its low, and with no input moved the figure is
// the decimal comparison's NPV.
func TestTornado(t *testing.T) {
	st := vlore(t, 0.2)
	tor, err := st.Tornado("", 0)
	if err != nil {
		t.Fatal(err)
	}
	vs, _ := costing.Compare(st.Results[0], st.Results[1])
	if tor.Figure != uncertainty.FigureNPV || !tor.Value.Equal(vs.NPV) {
		t.Errorf("tornado of %s = %s, want the NPV %s", tor.Figure, tor.Value, vs.NPV)
	}
	for i, b := range tor.Bars {
		if i > 0 && b.Swing.GreaterThan(tor.Bars[i-1].Swing) {
			t.Errorf("bar %d (%s) swings more than the one before it", i, b.Input.Name)
		}
		if !b.Swing.Equal(b.AtHigh.Sub(b.AtLow).Abs()) {
			t.Errorf("%s: swing %s", b.Input.Name, b.Swing)
		}
	}
	if tor.Bars[0].Swing.IsZero() {
		t.Error("no input moves the NPV")
	}
	if _, err := st.Tornado("totl", 0); err == nil {
		t.Error("a comparison's tornado took a figure name")
	}
}

// TestSwitch: the foster allowance at which the reform's NPV crosses zero
// is found to the lek: the NPV is of one sign below it and of the other at
// it.
func TestSwitch(t *testing.T) {
	st := vlore(t, 0.2)
	sw, err := st.Switch("foster_allowance", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !sw.Found {
		t.Fatalf("no switching value between %s and %s", sw.From, sw.To)
	}
	var in *uncertainty.Input
	for _, x := range st.Inputs {
		if x.Name == "foster_allowance" {
			in = x
		}
	}
	npv := func(x decimal.Decimal) decimal.Decimal {
		ps := st.Evaluate(uncertainty.Setting{in: x})
		vs, err := costing.CompareProjections(ps[0], ps[1])
		if err != nil {
			t.Fatal(err)
		}
		return vs.NPV
	}
	at, before := npv(sw.Value), npv(sw.Value.Sub(decimal.NewFromInt(1)))
	if (at.Sign() < 0) == (before.Sign() < 0) {
		t.Errorf("NPV %s at %s and %s a lek below: no flip", at, sw.Value, before)
	}
	// A capacity of 0 divides by zero: the search goes round it, and the
	// decision does not flip anywhere else.
	if sw, err := st.Switch("institution_capacity", 0); err != nil || sw.Found || !sw.AtValue {
		t.Errorf("institution_capacity: %+v, %v; want no flip, the reform paying", sw, err)
	}
	if _, err := st.Switch("foster_alowance", 0); err == nil || err.Error() != `--input "foster_alowance": no input of the scenarios is called so (a parameter's name, or a value's key path); did you mean "foster_allowance"?` {
		t.Errorf("err = %v", err)
	}
}

// TestDiscountRateDrawn: Vlorë's discount rate carries a range, which moves
// the NPV in the tornado and in the draws, and nothing else.
func TestDiscountRateDrawn(t *testing.T) {
	base, variant := load(t, "albania-di-vlore"), load(t, "albania-di-vlore-reform")
	st, err := uncertainty.New(base, variant, nil)
	if err != nil {
		t.Fatal(err)
	}
	var in *uncertainty.Input
	for _, x := range st.Inputs {
		if x.Name == uncertainty.DiscountName {
			in = x
		}
	}
	if in == nil || !in.Discount() {
		t.Fatal("the discount rate is no ranged input")
	}
	lo, err := st.Compare(uncertainty.Setting{in: in.Range.Low.Value})
	if err != nil {
		t.Fatal(err)
	}
	hi, _ := st.Compare(uncertainty.Setting{in: in.Range.High.Value})
	if !lo.DiscountRate.Equal(in.Range.Low.Value) || lo.NPV.Equal(hi.NPV) || !lo.Difference[0].Equal(hi.Difference[0]) {
		t.Errorf("NPV %s at %s, %s at %s; first differences %s and %s", lo.NPV, lo.DiscountRate, hi.NPV, hi.DiscountRate, lo.Difference[0], hi.Difference[0])
	}
}
