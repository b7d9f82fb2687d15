package main

// The page of kosto serve in a real browser: headless Chromium, driven by
// chromedp, against the server on a random loopback port. Where Chromium
// is not installed (.ci/run installs Debian's chromium) the tests skip and
// say so. KOSTO_SCREENSHOTS=DIR keeps the screenshots they take.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"
)

// chromium is the path of a Chromium or Chrome on this machine, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts the server and a headless browser for the test.
func browser(t *testing.T) (context.Context, string) {
	t.Helper()
	exe := chromium()
	if exe == "" {
		t.Skip("Chromium is not installed (apt-get install --no-install-recommends chromium): the browser tests of kosto serve skip")
	}
	srv := httptest.NewServer(newServer().handler())
	t.Cleanup(srv.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.WindowSize(1280, 1000), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 45*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx, srv.URL
}

// A tab is the browser's tab in a test: each step fails the test.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func get[T any](b tab, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// attr is an attribute of the element sel.
func (b tab) attr(sel, name string) string {
	b.t.Helper()
	return get(b, sel+" "+name, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// figure is a figure's exact value on the page.
func (b tab) figure(name string) string { return b.attr(`[data-figure="`+name+`"]`, "data-value") }

// shot saves a screenshot of the window as name.png.
func (b tab) shot(name string) {
	b.t.Helper()
	dir := os.Getenv("KOSTO_SCREENSHOTS")
	if dir == "" {
		dir = b.t.TempDir()
	}
	img := get(b, "screenshot", chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(dir, name+".png"), img, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// engine is what kosto computes for gjilan with the foster allowance at v:
// the total, the foster care unit cost and its memo total (the allowance is
// the ministry's to pay, so the municipal total stays), exactly.
func engine(t *testing.T, v string) (total, unit, memo string) {
	t.Helper()
	sc, err := scenarios.LoadShipped("gjilan")
	if err != nil {
		t.Fatal(err)
	}
	src, err := scenarios.Variant("gjilan", sc, map[string]string{"foster_allowance": v})
	if err != nil {
		t.Fatal(err)
	}
	vsc, err := scenarios.LoadSource("v.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	r, err := costing.Cost(vsc)
	if err != nil {
		t.Fatal(err)
	}
	value := func(name string) string {
		id, ok := r.Graph.Lookup(name)
		if !ok {
			t.Fatalf("no figure %s", name)
		}
		d, _ := r.Value(id)
		return d.StringFixed(2)
	}
	return value("gjilan.total"), value("gjilan.foster_care.unit_cost"), value("gjilan.foster_care.memo_total")
}

// A finance officer opens the page, picks Gjilan, changes the foster
// allowance and sees the unit cost and the totals the engine gives; the
// variant they download gives kosto run the page's total; the page then
// switches to Albanian with the change kept.
func TestBrowserChangeAnInput(t *testing.T) {
	ctx, base := browser(t)
	b := tab{t, ctx}
	wantTotal, wantUnit, wantMemo := engine(t, "300")
	b.do("open the page and pick Gjilan",
		chromedp.Navigate(base+"/"),
		chromedp.SetValue(chromedp.CSS("#scenario"), "gjilan"),
		chromedp.Click(chromedp.CSS("form.pick button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#p-foster_allowance")))
	before := b.figure("gjilan.foster_care.unit_cost")
	b.shot("1-gjilan")
	b.do("change the foster allowance",
		chromedp.Clear(chromedp.CSS("#p-foster_allowance")),
		chromedp.SendKeys(chromedp.CSS("#p-foster_allowance"), "300\t"))
	get(b, "the total to move", chromedp.Poll[bool](`(document.querySelector('[data-figure="gjilan.foster_care.unit_cost"]') || {dataset: {}}).dataset.value === "`+wantUnit+`"`,
		chromedp.WithPollingTimeout(10*time.Second)))
	total, unit, memo := b.figure("gjilan.total"), b.figure("gjilan.foster_care.unit_cost"), b.figure("gjilan.foster_care.memo_total")
	b.do("scroll to the unit costs", chromedp.ScrollIntoView(chromedp.CSS(`[data-figure="gjilan.foster_care.unit_cost"]`)))
	b.shot("2-changed")
	b.do("scroll to a chart", chromedp.ScrollIntoView(chromedp.CSS("figure.chart")))
	b.shot("2-chart")
	if total != wantTotal || unit != wantUnit || memo != wantMemo || before == unit {
		t.Fatalf("with the allowance at 300 the page shows total %s, foster unit cost %s (was %s), its memo total %s; the engine gives %s, %s and %s", total, unit, before, memo, wantTotal, wantUnit, wantMemo)
	}
	if !get(b, "highlight", chromedp.Evaluate[bool](`document.querySelector('tr[data-param="foster_allowance"]').classList.contains("changed")`)) {
		t.Error("the changed input is not highlighted")
	}

	// The downloaded variant, run by kosto run, gives the page's total.
	resp, err := http.Get(base + b.attr("#dl-variant", "href"))
	if err != nil {
		t.Fatal(err)
	}
	src, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	file := filepath.Join(t.TempDir(), "gjilan-changed.toml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", file, "--format", "json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("kosto run of the downloaded variant: exit %d: %s\n%s", code, stderr.String(), src)
	}
	if got := jsonFigure(t, stdout.Bytes(), "gjilan.total"); got != total {
		t.Errorf("kosto run of the downloaded variant gives a total of %s, the page %s", got, total)
	}

	// Albanian, the change kept.
	b.do("switch to Albanian",
		chromedp.Click(chromedp.CSS(`form.langs button[value="sq"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="sq"] #inputs-h`)))
	// Read from the page as it is once Albanian: a node found before the
	// page was replaced is gone (the browser says "No node with given id").
	heading := get(b, "heading", chromedp.Poll[string](`(document.querySelector('html[lang="sq"] #inputs-h') || {}).textContent`,
		chromedp.WithPollingTimeout(10*time.Second)))
	shown := get(b, "total", chromedp.Poll[string](`(document.querySelector('html[lang="sq"] #headline [data-figure="total"]') || {}).textContent`,
		chromedp.WithPollingTimeout(10*time.Second)))
	shown = strings.TrimSpace(shown)
	total = b.figure("gjilan.total")
	b.shot("3-albanian")
	if heading != "Të dhënat hyrëse" || total != wantTotal || !strings.Contains(shown, ",") || !strings.Contains(shown, ".") {
		t.Errorf("in Albanian: heading %q, total %s shown as %q", heading, total, shown)
	}
}

// An upload with a typo shows the problem with its file, line and key, and
// the page keeps serving.
func TestBrowserUploadWithTypo(t *testing.T) {
	ctx, base := browser(t)
	b := tab{t, ctx}
	src, err := scenarios.ShippedSource("gjilan")
	if err != nil {
		t.Fatal(err)
	}
	typo := strings.Replace(string(src), "monthly_allowance = \"foster_allowance\"", "montly_allowance = \"foster_allowance\"", 1)
	line := 1 + strings.Count(typo[:strings.Index(typo, "montly_allowance")], "\n")
	file := filepath.Join(t.TempDir(), "mine.toml")
	if err := os.WriteFile(file, []byte(typo), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do("upload",
		chromedp.Navigate(base+"/"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{file}),
		chromedp.Click(chromedp.CSS("#upload")),
		chromedp.WaitVisible(chromedp.CSS(".problems")))
	text := get(b, "problems", chromedp.Text(chromedp.CSS(".problems")))
	b.shot("4-typo")
	want := "mine.toml:" + itoaTest(line) + ": services.foster_care.montly_allowance"
	if !strings.Contains(text, want) || !strings.Contains(text, `did you mean "monthly_allowance"`) {
		t.Errorf("the page shows %q; want the problem at %s with its suggestion", text, want)
	}
	b.do("the page again", chromedp.Navigate(base+"/?scenario=gjilan"), chromedp.WaitVisible(chromedp.CSS("#headline dd")))
	if b.figure("gjilan.total") == "" {
		t.Error("after the bad upload the page no longer serves")
	}
}

func itoaTest(n int) string { b, _ := json.Marshal(n); return string(b) }

// jsonFigure finds a figure's value in the JSON of kosto run.
func jsonFigure(t *testing.T, doc []byte, name string) string {
	t.Helper()
	var d struct {
		Sections []struct {
			Tables []struct {
				Rows []struct {
					Cells []struct{ Figure, Value string }
				}
			}
		}
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sections {
		for _, tb := range s.Tables {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Figure == name {
						return c.Value
					}
				}
			}
		}
	}
	t.Fatalf("no figure %s in the JSON", name)
	return ""
}

// engineGrant is Gjilan's allocation by the Kosovo social-services grant
// with its weights as in values, as kosto computes it, exactly.
func engineGrant(t *testing.T, values map[string]string) string {
	t.Helper()
	src, err := scenarios.FormulaVariant("kosovo-social-services-grant", values)
	if err != nil {
		t.Fatal(err)
	}
	in, rerr := scenarios.OpenFormulaSource("f.toml", src, scenarios.CSVOptions{})
	g, err := allocate(in, rerr, "", scenarios.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Rows {
		if r.Name == "Gjilan" {
			return r.Allocation.StringFixed(g.Decimals)
		}
	}
	t.Fatal("no Gjilan in the grant")
	return ""
}

// A grants officer chooses the Kosovo social-services grant, moves its
// weights from 0.8/0.2 to 0.5/0.5 by keyboard — passing through weights
// that sum to 0.7, which the page shows as the formula's problem — and sees
// Gjilan's allocation the engine gives; then reads the page in Serbian,
// the weights kept.
func TestBrowserGrant(t *testing.T) {
	ctx, base := browser(t)
	b := tab{t, ctx}
	shipped := engineGrant(t, nil)
	want := engineGrant(t, map[string]string{"criteria.caseload.weight": "0.5", "criteria.population.weight": "0.5"})
	const caseload, population = `[id="p-criteria.caseload.weight"]`, `[id="p-criteria.population.weight"]`
	// gjilan is Gjilan's allocation on the page, or "" when none is shown.
	const gjilan = `(function () {
		var t = document.querySelector('article[data-report="grant"] th[data-key="allocation"]');
		if (!t) return "";
		var i = Array.prototype.indexOf.call(t.parentNode.children, t);
		var row = t.closest("table").querySelector('tr[data-key="Gjilan"]');
		return row ? row.children[i].dataset.value : "";
	})()`
	b.do("choose the grant",
		chromedp.Navigate(base+"/"),
		chromedp.SetValue(chromedp.CSS("#formula"), "kosovo-social-services-grant"),
		chromedp.Click(chromedp.CSS("#show-grant")),
		chromedp.WaitVisible(chromedp.CSS(caseload)))
	if got := get(b, "Gjilan's allocation", chromedp.Evaluate[string](gjilan)); got != shipped {
		t.Fatalf("as shipped the page gives Gjilan %q; the engine %s", got, shipped)
	}
	if l := get(b, "the weight's label", chromedp.Text(chromedp.CSS(`label[for="p-criteria.caseload.weight"]`))); !strings.Contains(l, "QPS cases a year") {
		t.Errorf("the caseload weight is labelled %q", l)
	}
	b.shot("5-grant")
	b.do("the caseload weight to 0.5",
		chromedp.Focus(chromedp.CSS(caseload)),
		chromedp.Clear(chromedp.CSS(caseload)),
		chromedp.SendKeys(chromedp.CSS(caseload), "0.5\t"),
		chromedp.WaitVisible(chromedp.CSS("#results .problems")))
	if p := get(b, "the problem", chromedp.Text(chromedp.CSS("#results .problems"))); !strings.Contains(p, "kosovo-social-services-grant-changed.toml:") || !strings.Contains(p, "0.7") {
		t.Errorf("weights summing to 0.7 show %q", p)
	}
	b.shot("6-grant-problem")
	b.do("the population weight to 0.5",
		chromedp.Clear(chromedp.CSS(population)),
		chromedp.SendKeys(chromedp.CSS(population), "0.5\t"))
	get(b, "the allocation to move", chromedp.Poll[bool](gjilan+` === "`+want+`"`, chromedp.WithPollingTimeout(10*time.Second)))
	b.do("scroll to the allocation", chromedp.ScrollIntoView(chromedp.CSS(`article[data-report="grant"] tr[data-key="Gjilan"]`)))
	b.shot("7-grant-changed")
	if shipped == want {
		t.Errorf("the weights 0.5/0.5 give Gjilan what 0.8/0.2 do: %s", want)
	}
	if !get(b, "highlight", chromedp.Evaluate[bool](`document.querySelector('tr[data-param="criteria.population.weight"]').classList.contains("changed")`)) {
		t.Error("the changed weight is not highlighted")
	}

	b.do("switch to Serbian",
		chromedp.Click(chromedp.CSS(`form.langs button[value="sr"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="sr"] #inputs-h`)))
	heading := get(b, "heading", chromedp.Text(chromedp.CSS("#inputs-h")))
	weight := get(b, "the weight", chromedp.Value(chromedp.CSS(population)))
	got := get(b, "Gjilan's allocation", chromedp.Evaluate[string](gjilan))
	b.shot("8-grant-serbian")
	if heading != "Ulazni podaci" || weight != "0.5" || got != want {
		t.Errorf("in Serbian: heading %q, population weight %q, Gjilan %q (want %s)", heading, weight, got, want)
	}
}
