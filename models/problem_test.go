package models

import (
	"errors"
	"testing"
)

func TestProblemError(t *testing.T) {
	for _, c := range []struct {
		name string
		p    Problem
		want string
	}{
		{"everything", Problem{Pos: Position{File: "gjilan.toml", Line: 14, Key: "services.foster_care.monthly_allowance"}, Value: "-250", Expected: "expected an amount of zero or more"},
			"gjilan.toml:14: services.foster_care.monthly_allowance = -250: expected an amount of zero or more"},
		{"missing key, no value", Problem{Pos: Position{File: "s.toml", Line: 7, Key: "roles.officer.hours_per_week"}, Expected: "missing: contracted hours per week"},
			"s.toml:7: roles.officer.hours_per_week: missing: contracted hours per week"},
		{"no line", Problem{Pos: Position{File: "s.toml", Key: "municipalities"}, Expected: "missing: a municipality"},
			"s.toml: municipalities: missing: a municipality"},
		{"no key", Problem{Pos: Position{File: "s.toml", Line: 10}, Expected: "not valid TOML: roles.officer is defined a second time here"},
			"s.toml:10: not valid TOML: roles.officer is defined a second time here"},
		{"value without a key", Problem{Pos: Position{File: "s.toml", Line: 3}, Value: `"x"`, Expected: "expected a number"},
			`s.toml:3: "x": expected a number`},
		{"file only", Problem{Pos: Position{File: "s.toml"}, Expected: "no such file"},
			"s.toml: no such file"},
		{"key only", Problem{Pos: Position{Key: "roles.officer.monthly_gross"}, Value: "-1", Expected: "expected an amount of zero or more"},
			"roles.officer.monthly_gross = -1: expected an amount of zero or more"},
		{"a line without a file is not shown", Problem{Pos: Position{Line: 5, Key: "k"}, Expected: "expected x"},
			"k: expected x"},
		{"value only", Problem{Value: "5", Expected: "expected a share"},
			"5: expected a share"},
		{"nothing but what was expected", Problem{Expected: "expected a scenario"},
			"expected a scenario"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.Error(); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestProblemsSort(t *testing.T) {
	at := func(file string, line int, key string) Position { return Position{File: file, Line: line, Key: key} }
	var ps Problems
	ps.Add(at("b.toml", 1, "x"), "", "in b")
	ps.Add(at("a.toml", 12, "roles.b"), "", "second at line 12")
	ps.Add(at("a.toml", 3, "z"), "", "line 3")
	ps.Add(at("a.toml", 12, "roles.a"), "", "first at line 12 (by key)")
	ps.Add(at("a.toml", 0, "municipalities"), "", "no line sorts first")
	ps.Add(at("a.toml", 3, "z"), "", "line 3") // an exact duplicate is dropped
	ps.Add(at("a.toml", 3, "z"), "", "line 3, said differently")
	ps.Add(at("a.toml", 20, "k"), "%d", "expected %s", "formatted")
	ps.Sort()
	want := `a.toml: municipalities: no line sorts first
a.toml:3: z: line 3
a.toml:3: z: line 3, said differently
a.toml:12: roles.a: first at line 12 (by key)
a.toml:12: roles.b: second at line 12
a.toml:20: k = %d: expected formatted
b.toml:1: x: in b`
	if got := ps.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestProblemsErr(t *testing.T) {
	var none Problems
	if err := none.Err(); err != nil {
		t.Errorf("Err of no problems = %v, want nil", err)
	}
	ps := Problems{
		{Pos: Position{File: "s.toml", Line: 9, Key: "b"}, Expected: "later"},
		{Pos: Position{File: "s.toml", Line: 2, Key: "a"}, Expected: "earlier"},
		{Pos: Position{File: "s.toml", Line: 9, Key: "b"}, Expected: "later"},
	}
	err := ps.Err()
	var got Problems
	if !errors.As(err, &got) {
		t.Fatalf("Err returned %T, want Problems", err)
	}
	if len(got) != 2 {
		t.Errorf("Err kept %d problems, want 2 (the duplicate dropped)", len(got))
	}
	if want := "s.toml:2: a: earlier\ns.toml:9: b: later"; err.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", err, want)
	}
}
