package uncertainty_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/scenarios"
)

// national is the national ten-year projection with ranges on its
// parameters and growth rates (scenarios/testdata/national-ranges.toml).
func national(b testing.TB) *uncertainty.Study {
	sc, err := scenarios.LoadFile("../../scenarios/testdata/national-projection.toml")
	if err != nil {
		b.Fatal(err)
	}
	rf, err := scenarios.LoadRanges("../../scenarios/testdata/national-ranges.toml")
	if err != nil {
		b.Fatal(err)
	}
	st, err := uncertainty.New(costing.Build(sc), nil, rf)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkNationalDraws is the target: 10,000 draws of the
// national ten-year projection, sampling (LHS, the wages rank-correlated),
// compiling and evaluating, on every core. Target: under 2 s.
func BenchmarkNationalDraws(b *testing.B) {
	st := national(b)
	o := st.Options()
	b.ReportAllocs()
	start := cpu()
	for b.Loop() {
		if _, err := st.Run(o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpu()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// cpu is the processor time the process has used, user and system: on a
// machine other work shares, the time a run costs whatever its wall clock.
func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNationalDrawsOneCore is the same on one worker.
func BenchmarkNationalDrawsOneCore(b *testing.B) {
	st := national(b)
	o := st.Options()
	o.Workers = 1
	b.ReportAllocs()
	start := cpu()
	for b.Loop() {
		if _, err := st.Run(o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpu()-start).Seconds()/float64(b.N), "cpu-s/op")
}

func TestNationalStudy(t *testing.T) {
	st := national(t)
	if len(st.Inputs) != 32 {
		t.Errorf("%d ranged inputs, want 32 (21 parameters, 11 growth rates)", len(st.Inputs))
	}
	o := st.Options()
	o.Draws = 50
	out, err := st.Run(o)
	if err != nil {
		t.Fatal(err)
	}
	sm := uncertainty.Summarise(out.Draws(0, 0, 9))
	if !(sm.P5 < sm.P50 && sm.P50 < sm.P95) || sm.Undefined > 0 {
		t.Errorf("the last year's total: %+v", sm)
	}
}

// BenchmarkNationalProgram is one evaluation of the national program.
func BenchmarkNationalProgram(b *testing.B) {
	st := national(b)
	run := st.ProgramRun(0)
	for b.Loop() {
		run()
	}
}
