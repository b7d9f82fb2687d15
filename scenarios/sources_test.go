package scenarios

// What kosto ships must cite documents a reader can find: a council member
// can look up a report, a law or a table by its title and section, but not
// the project's working files (its seed texts, its notes, a file under
// /tmp) nor a line number in them. This test keeps those citations out of
// every shipped file — scenarios, formulas, data tables and their sidecars,
// classifications — of the example files FORMAT.md and GRANTS.md show, and of
// the documents themselves.

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// internalCitation matches a citation of something outside the product: a
// seed document, the project's SOURCES.md or DOMAIN.md, its shared folder,
// a research note or a /tmp path, or a line number (" L208", "l.262").
var internalCitation = regexp.MustCompile(`seed 0|SOURCES §|SOURCES\.md|DOMAIN\.md|shared/|/tmp/|research note|research §|\sL[0-9]|\bl\.[0-9]`)

func TestShippedFilesCiteDocuments(t *testing.T) {
	files := map[string][]byte{}
	for _, e := range []struct {
		fsys fs.FS
		dir  string
	}{
		{shipped, "shipped"},
		{classifications, "classifications"},
		{shippedFormulas, "formulas"},
		{shippedData, "data"},
	} {
		err := fs.WalkDir(e.fsys, e.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(e.fsys, p)
			files[p] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var others []string
	for _, pattern := range []string{"testdata/format-*.toml", "testdata/funnels.toml", "testdata/grants/*.toml", "testdata/grants/*.csv"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		others = append(others, m...)
	}
	others = append(others, "FORMAT.md", "GRANTS.md", "../docs/METHOD.md", "../README.md")
	for _, p := range others {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.ToSlash(p)] = b
	}
	for _, want := range []string{"shipped/gjilan.toml", "formulas/kosovo-general-grant-illustrative.toml", "data/kosovo_municipalities.sources.toml", "testdata/format-example.toml", "testdata/funnels.toml", "testdata/grants/example.toml"} {
		if files[want] == nil {
			t.Errorf("%s was not checked", want)
		}
	}
	for p, b := range files {
		if ext := path.Ext(p); ext != ".toml" && ext != ".csv" && ext != ".md" {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			if m := internalCitation.FindString(sc.Text()); m != "" {
				t.Errorf("%s:%d cites %q, which a reader cannot find: cite the document itself (title, publisher, year, section), as docs/METHOD.md §11 says\n\t%s", p, n, strings.TrimSpace(m), strings.TrimSpace(sc.Text()))
			}
		}
		if err := sc.Err(); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// The pattern finds what it is meant to, and only that.
func TestInternalCitationPattern(t *testing.T) {
	for _, s := range []string{"seed 003 L208", "(seed 000 l.262–265)", "SOURCES §3.5: HICP", "DOMAIN.md §4", "via shared/data/x.csv", "/tmp/research/albania-di.md", "research note (i)-1", "research §(h)", "lines L1409–1416"} {
		if !internalCitation.MatchString(s) {
			t.Errorf("%q is not caught", s)
		}
	}
	for _, s := range []string{"Law No. 03/L-049, Art. 24", "Gjilan Social Inclusion Strategy 2022, Table 1, row 3", "ch. 5, item 5.1", "docs/METHOD.md §10", "researched for this scenario", "scenarios/data/kosovo_municipalities.csv"} {
		if internalCitation.MatchString(s) {
			t.Errorf("%q is caught, but cites nothing internal", s)
		}
	}
}
