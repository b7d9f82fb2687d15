package main

// The speed of the page (BENCHMARKS.md): an input changed on the national
// scenario, answered — the variant written, loaded, costed, and the page
// with its reports rendered — as the browser's request for it is.

import (
	"fmt"
	"net/http/httptest"
	"testing"
)

func benchmarkInputChange(b *testing.B, scenario, param string, from int) {
	h := newServer().handler()
	get := func(v int) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/?scenario=%s&p.%s=%d", scenario, param, v), nil))
		return rec.Code
	}
	if code := get(from); code != 200 { // the shipped scenario loaded once, as the page's first visit does
		b.Fatalf("status %d", code)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if code := get(from + 1 + i%100); code != 200 {
			b.Fatalf("status %d", code)
		}
	}
}

// BenchmarkServeInputChangeNational changes the social services officer's
// pay on kosovo-qps-staffing, the 38 Centres for Social Work.
func BenchmarkServeInputChangeNational(b *testing.B) {
	benchmarkInputChange(b, "kosovo-qps-staffing", "sso_monthly_gross", 600)
}

// BenchmarkServeInputChangeGjilan changes the foster allowance on gjilan.
func BenchmarkServeInputChangeGjilan(b *testing.B) {
	benchmarkInputChange(b, "gjilan", "foster_allowance", 300)
}
