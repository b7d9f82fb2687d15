package templates_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
)

// exportDate is the export date the print tests give every workbook.
const exportDate = "2026-11-22"

func options() templates.WorkbookOptions {
	return templates.WorkbookOptions{Version: "test", Date: exportDate}
}

func runBook(t *testing.T, name string) []byte { return runBookIn(t, name, "") }

// runBookIn is a scenario's workbook in lang ("": the scenario's).
func runBookIn(t *testing.T, name, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	o := options()
	o.Lang = lang
	if err := templates.Workbook(&buf, cost(t, name), o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func compareBook(t *testing.T, base, variant string) []byte {
	t.Helper()
	vs, err := costing.Compare(cost(t, base), cost(t, variant))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := templates.CompareWorkbook(&buf, vs, options()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func grantBook(t *testing.T, name string) []byte {
	t.Helper()
	g := allocate(t, name)
	var buf bytes.Buffer
	if err := templates.GrantWorkbook(&buf, g, options()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// printBooks are the workbooks the print tests check: every shipped
// scenario's, two comparisons and every shipped grant formula's.
func printBooks(t *testing.T) map[string][]byte {
	books := map[string][]byte{}
	for _, name := range scenarios.Shipped() {
		books[name] = runBook(t, name)
	}
	books["versus-vlore"] = compareBook(t, "albania-di-vlore", "albania-di-vlore-reform")
	books["versus-gjilan"] = compareBook(t, "gjilan", "gjilan-qps-norm")
	for _, name := range scenarios.Formulas() {
		books["grant-"+name] = grantBook(t, name)
	}
	// The workbooks councils read, in Albanian and Serbian: the longer
	// words must not push a table over its page.
	for _, lang := range []string{"sq", "sr"} {
		for _, name := range []string{"gjilan", "albania-di-vlore"} {
			books[name+"."+lang] = runBookIn(t, name, lang)
		}
	}
	return books
}

// englishSheet is the English name of a sheet named in any language, by
// which maxPages knows it.
func englishSheet(name string) string {
	keys := []string{"about", "inputs", "calculations", "results", "charts", "trace", "paths", "comparison", "formula", "allocation"}
	for _, lang := range models.Languages {
		for _, prefix := range []string{"", "base", "variant"} {
			p, en := "", ""
			if prefix != "" {
				p, en = templates.SheetName(lang, prefix)+"_", templates.SheetName("en", prefix)+"_"
			}
			for _, k := range keys {
				if name == p+templates.SheetName(lang, k) {
					return en + templates.SheetName("en", k)
				}
			}
		}
	}
	return name
}

// The same inputs exported twice give the same bytes, for each kind of
// workbook, and the only date in them is the export date's.
func TestWorkbookSameBytes(t *testing.T) {
	for kind, export := range map[string]func() []byte{
		"run":     func() []byte { return runBook(t, "gjilan") },
		"compare": func() []byte { return compareBook(t, "albania-di-vlore", "albania-di-vlore-reform") },
		"grant":   func() []byte { return grantBook(t, "kosovo-social-services-grant") },
	} {
		a, b := export(), export()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports of the same workbook differ", kind)
		}
		zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if got := f.Modified.Format("2006-01-02"); got != exportDate {
				t.Errorf("%s: %s is dated %s, not the export date", kind, f.Name, got)
			}
		}
		core := part(t, a, "docProps/core.xml")
		for _, tag := range []string{"created", "modified"} {
			if !strings.Contains(core, tag+` xsi:type="dcterms:W3CDTF">`+exportDate+"T00:00:00Z<") {
				t.Errorf("%s: docProps/core.xml's %s is not the export date: %s", kind, tag, core)
			}
		}
	}
}

// parts returns a workbook's parts by name.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	p, ok := parts(t, data)[name]
	if !ok {
		t.Fatalf("no part %s", name)
	}
	return p
}

var (
	pageSetup  = regexp.MustCompile(`<pageSetup [^>]*>`)
	printArea  = regexp.MustCompile(`<definedName localSheetId="(\d+)" name="_xlnm.Print_Area">`)
	sheetEntry = regexp.MustCompile(`<sheet name="([^"]+)"`)
	// excelize writes a chart's elements unprefixed, in the chart namespace.
	chartTitle = regexp.MustCompile(`<(c:)?title>`)
	valAx      = regexp.MustCompile(`(?s)<(c:)?valAx>.*?</(c:)?valAx>`)
	catAx      = regexp.MustCompile(`(?s)<(c:)?catAx>.*?</(c:)?catAx>`)
	minVal     = regexp.MustCompile(`<(?:c:)?min val="([^"]+)"`)
	seriesFill = regexp.MustCompile(`(?s)<(?:c:)?ser>.*?<(?:c:)?spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"`)
)

// Every sheet of every workbook prints on A4, one page wide, with a print
// area; every chart has a title, both axes titled, the value axis from
// zero (or, for a difference, from below it) with thousands separators,
// and a colour of its own for each series.
func TestWorkbookPrintAndCharts(t *testing.T) {
	for name, data := range printBooks(t) {
		p := parts(t, data)
		sheets := sheetEntry.FindAllStringSubmatch(p["xl/workbook.xml"], -1)
		areas := map[string]bool{}
		for _, m := range printArea.FindAllStringSubmatch(p["xl/workbook.xml"], -1) {
			areas[m[1]] = true
		}
		for i := range sheets {
			ws := p[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)]
			setup := pageSetup.FindString(ws)
			if !strings.Contains(setup, `paperSize="9"`) || !strings.Contains(setup, `fitToWidth="1"`) {
				t.Errorf("%s: sheet%d.xml does not print on A4 one page wide: %q", name, i+1, setup)
			}
			if !areas[strconv.Itoa(i)] {
				t.Errorf("%s: sheet %s has no print area", name, sheets[i][1])
			}
		}
		charts := 0
		for part, x := range p {
			if !strings.HasPrefix(part, "xl/charts/chart") {
				continue
			}
			charts++
			if !chartTitle.MatchString(x) {
				t.Errorf("%s: %s has no title", name, part)
			}
			for _, ax := range valAx.FindAllString(x, -1) {
				m := minVal.FindStringSubmatch(ax)
				if m == nil {
					t.Errorf("%s: %s's value axis has no minimum", name, part)
				} else if v, _ := strconv.ParseFloat(m[1], 64); v > 0 {
					t.Errorf("%s: %s's value axis starts at %s, above zero", name, part, m[1])
				}
				if !chartTitle.MatchString(ax) || !strings.Contains(ax, `formatCode="#,##0"`) {
					t.Errorf("%s: %s's value axis lacks a title or the #,##0 format", name, part)
				}
			}
			for _, ax := range catAx.FindAllString(x, -1) {
				if !chartTitle.MatchString(ax) {
					t.Errorf("%s: %s's category axis has no title", name, part)
				}
			}
			seen := map[string]bool{}
			for _, m := range seriesFill.FindAllStringSubmatch(x, -1) {
				if seen[m[1]] {
					t.Errorf("%s: %s has two series coloured %s", name, part, m[1])
				}
				seen[m[1]] = true
			}
			if len(seen) == 0 {
				t.Errorf("%s: %s's series have no colours of their own", name, part)
			}
		}
		if charts == 0 && name != "kosovo-qps-staffing" { // nothing to chart: no care types, no years
			t.Errorf("%s: no charts", name)
		}
	}
}

// maxPages are the most pages each sheet may print on, as measured with
// LibreOffice 7 (the print test logs the counts): About and Comparison on
// one page; Results' tables kept whole take a page or two more than they
// would run on (kosovo-qps-staffing's has every one of its 38
// municipalities in full); the rest as many pages as their rows need at one
// page wide.
var maxPages = map[string]map[string]int{
	"*":                       {"About": 1, "Comparison": 1, "Formula": 1, "Allocation": 1, "Charts": 1, "Paths": 1, "Trace": 1},
	"gjilan":                  {"Inputs": 2, "Calculations": 4, "Results": 4},
	"gjilan-qps-norm":         {"Inputs": 2, "Calculations": 4, "Results": 4},
	"albania-di-vlore":        {"Inputs": 2, "Calculations": 6, "Results": 6},
	"albania-di-vlore-reform": {"Inputs": 2, "Calculations": 6, "Results": 6},
	"kosovo-qps-staffing":     {"Inputs": 3, "Calculations": 19, "Results": 42, "Trace": 6},
	"versus-gjilan": {"Base_Inputs": 2, "Base_Calculations": 4, "Base_Results": 4, "Base_Charts": 1, "Base_Trace": 1, "Base_Paths": 1,
		"Variant_Inputs": 2, "Variant_Calculations": 4, "Variant_Results": 4, "Variant_Charts": 1, "Variant_Trace": 1, "Variant_Paths": 1},
	"versus-vlore": {"Base_Inputs": 2, "Base_Calculations": 6, "Base_Results": 6, "Base_Charts": 1, "Base_Trace": 1, "Base_Paths": 1,
		"Variant_Inputs": 2, "Variant_Calculations": 6, "Variant_Results": 6, "Variant_Charts": 1, "Variant_Trace": 1, "Variant_Paths": 1},
}

// Every shipped scenario's workbook, two comparisons and the grant books,
// printed to PDF by LibreOffice: every page is A4, About and Comparison
// each on one page, and no sheet on more pages than measured. The footer
// names each page's sheet (setPage), which is how pages are counted.
func TestWorkbookPrintsOnA4(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed; `apt-get install --no-install-recommends libreoffice-calc` (.ci/run does) to run the print test")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s (poppler-utils) is not installed; .ci/run installs it for the print test", tool)
		}
	}
	start := time.Now()
	books := printBooks(t)
	dir := t.TempDir()
	var names []string
	for name := range books {
		names = append(names, name)
	}
	sort.Strings(names)
	// Two LibreOffice processes, each with its own profile, half the books
	// each: CI has two cores.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for w := range 2 {
		profile := filepath.Join(dir, fmt.Sprintf("profile%d", w))
		args := []string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "pdf")}
		for i, name := range names {
			if i%2 != w {
				continue
			}
			p := filepath.Join(dir, name+".xlsx")
			if err := os.WriteFile(p, books[name], 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, p)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
				errs[w] = fmt.Errorf("soffice: %v\n%s", err, b)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range names {
		pages := pdfPages(t, filepath.Join(dir, "pdf", name+".pdf"))
		var counts []string
		for _, s := range sortedKeys(pages) {
			counts = append(counts, fmt.Sprintf("%s %d", s, pages[s]))
			scenario, _, _ := strings.Cut(name, ".")
			limit, ok := maxPages[scenario][englishSheet(s)]
			if !ok {
				limit, ok = maxPages["*"][englishSheet(s)]
			}
			if !ok {
				t.Errorf("%s: no page limit for sheet %s", name, s)
			} else if pages[s] > limit {
				t.Errorf("%s: %s prints on %d pages, at most %d", name, s, pages[s], limit)
			}
		}
		t.Logf("%s: %s", name, strings.Join(counts, ", "))
	}
	t.Logf("printed %d workbooks in %s", len(names), time.Since(start).Round(time.Second))
}

// pdfPages counts a PDF's pages by the sheet its footer names, and checks
// every page is A4, portrait or landscape.
func pdfPages(t *testing.T, pdf string) map[string]int {
	t.Helper()
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "10000", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	sizes := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(string(info), -1)
	for i, m := range sizes {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		a4 := func(a, b float64) bool { return a > 594 && a < 597 && b > 840 && b < 843 }
		if !a4(w, h) && !a4(h, w) {
			t.Errorf("%s: page %d is %s × %s pt, not A4", filepath.Base(pdf), i+1, m[1], m[2])
		}
	}
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := map[string]int{}
	texts := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	if len(texts) != len(sizes) {
		t.Errorf("%s: %d pages of text, %d pages", filepath.Base(pdf), len(texts), len(sizes))
	}
	for _, page := range texts {
		lines := strings.Split(strings.TrimRight(page, " \n"), "\n")
		// The footer's parts lie apart; a sheet's name may have a space.
		footer := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(lines[len(lines)-1]), -1)
		if footer[0] == "" {
			t.Errorf("%s: a page without a footer", filepath.Base(pdf))
			continue
		}
		pages[footer[0]]++
	}
	return pages
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
