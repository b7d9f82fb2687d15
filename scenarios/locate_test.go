package scenarios

import (
	"slices"
	"testing"
)

func TestLocator(t *testing.T) {
	const src = `# a comment = not a key
format = 1

[scenario]
name = "x" # a comment = not a key
description = """
a = 1
[not.a.table]
"""
base_year = 2024

[parameters]
a.value = 5
"quoted.key" = 3
b = { value = 1, source = "x, y = z", nested = { c = 2 } }
list = [
  1,
  "x = 2",
  { k = 3 },
]
after = 1
lit = '''
d = 4
'''
one_line = """e = 5"""
"a=b" = 6

[ roles . "officer" ]
title = 'lit'

[[arr]]
k = 1
["quoted]key".x]
y = 1
  indented = 2
`
	l := newLocator(src)
	for _, c := range []struct {
		path string
		line int
	}{
		{"format", 2},
		{"scenario", 4},
		{"scenario.name", 5},
		{"scenario.description", 6},
		{"scenario.a", 4},             // inside a multi-line string: the table's line
		{"not.a.table", 0},            // a header inside a string is not a header
		{"scenario.base_year", 10},    // after the string ends
		{"parameters", 12},            // table header
		{"parameters.a", 13},          // dotted key: its first part
		{"parameters.a.value", 13},    // and the whole key
		{"parameters.quoted.key", 14}, // a quoted key with a dot is one part
		{"parameters.b", 15},          // inline table
		{"parameters.b.value", 15},    // its keys
		{"parameters.b.source", 15},   // a comma inside a string does not split
		{"parameters.b.nested", 15},   // a nested inline table
		{"parameters.b.nested.c", 15}, // its keys: the nearest ancestor's line
		{"parameters.list", 16},       // multi-line array
		{"parameters.k", 12},          // keys of a table inside the array are skipped
		{"parameters.x", 12},          // a string inside the array is skipped
		{"parameters.after", 21},      // after the array ends
		{"parameters.lit", 22},        // multi-line literal string
		{"parameters.d", 12},          // skipped
		{"parameters.one_line", 25},   // a multi-line string delimiter opened and closed on one line
		{"parameters.e", 12},          // is not a key
		{"parameters.a=b", 26},        // a quoted key with =
		{"roles", 28},                 // header with spaces and a quoted part
		{"roles.officer", 28},
		{"roles.officer.title", 29},
		{"arr", 31}, // array of tables
		{"arr.k", 32},
		{"quoted]key.x", 33}, // a ] inside a quoted header part
		{"quoted]key.x.y", 34},
		{"quoted]key.x.indented", 35},        // indented key
		{"roles.officer.missing.deeper", 28}, // unwritten: nearest written ancestor
		{"nowhere", 0},
		{"", 0},
	} {
		if got := l.line(c.path); got != c.line {
			t.Errorf("line(%q) = %d, want %d", c.path, got, c.line)
		}
	}
}

func TestLocatorFirstWins(t *testing.T) {
	// A name written twice is located where it is first written; the TOML
	// decoder refuses the second, with its own line.
	l := newLocator("[a]\nx = 1\n[b]\n[a.c]\ny = 2\n")
	for path, want := range map[string]int{"a": 1, "a.x": 2, "b": 3, "a.c": 4, "a.c.y": 5} {
		if got := l.line(path); got != want {
			t.Errorf("line(%q) = %d, want %d", path, got, want)
		}
	}
}

func TestLocatorCRLF(t *testing.T) {
	l := newLocator("[a]\r\nx = 1\r\n\r\n[b]\r\ny = 2\r\n")
	for path, want := range map[string]int{"a": 1, "a.x": 2, "b": 4, "b.y": 5} {
		if got := l.line(path); got != want {
			t.Errorf("line(%q) = %d, want %d", path, got, want)
		}
	}
}

func TestLocatorEmptyKey(t *testing.T) {
	l := newLocator("a = 1\n['']\n\"\" = 2\n")
	for path, want := range map[string]int{"": 2, ".": 3, "a": 1} {
		if got := l.line(path); got != want {
			t.Errorf("line(%q) = %d, want %d", path, got, want)
		}
	}
}

func TestParseKey(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"a", []string{"a"}},
		{"a.b.c", []string{"a", "b", "c"}},
		{" a . b ", []string{"a", "b"}},
		{`"a.b".c`, []string{"a.b", "c"}},
		{`'x y'.z`, []string{"x y", "z"}},
		{`a."b'c"`, []string{"a", "b'c"}},
	} {
		got := parseKey(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("parseKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
