package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kosto-project/kosto/scenarios"
)

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(newServer().handler())
	t.Cleanup(srv.Close)
	return srv
}

// cli is what kosto prints for args, which must succeed.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("kosto %v: exit %d: %s", args, code, stderr.String())
	}
	return stdout.String()
}

// fetch answers a request: its status and body.
func fetch(t *testing.T, method, u, ctype string, body []byte, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// The API answers exactly the JSON of the commands.
func TestAPIIsTheCommandsJSON(t *testing.T) {
	srv := testServer(t)
	for _, name := range scenarios.Shipped() {
		for _, lang := range []string{"", "sq"} {
			args, q := []string{"run", name, "--format", "json"}, "?scenario="+name
			if lang != "" {
				args, q = append(args, "--lang", lang), q+"&lang="+lang
			}
			code, got := fetch(t, "GET", srv.URL+"/api/run"+q, "", nil)
			if want := cli(t, args...); code != 200 || got != want {
				t.Errorf("GET /api/run%s: %d, not the JSON of kosto %v", q, code, args)
			}
		}
		code, got := fetch(t, "GET", srv.URL+"/api/project?scenario="+name, "", nil)
		if want := cli(t, "project", name, "--format", "json"); code != 200 || got != want {
			t.Errorf("GET /api/project?scenario=%s: %d, not the JSON of kosto project", name, code)
		}
	}
	code, got := fetch(t, "GET", srv.URL+"/api/compare?base=albania-di-vlore&variant=albania-di-vlore-reform", "", nil)
	if want := cli(t, "compare", "albania-di-vlore", "albania-di-vlore-reform", "--format", "json"); code != 200 || got != want {
		t.Errorf("GET /api/compare: %d, not the JSON of kosto compare", code)
	}

	// A posted scenario: a variant of gjilan, as a file for the command.
	sc, _ := scenarios.LoadShipped("gjilan")
	src, err := scenarios.Variant("gjilan", sc, map[string]string{"foster_allowance": "320"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "v.toml")
	os.WriteFile(file, src, 0o644)
	for _, report := range []string{"run", "project"} {
		code, got := fetch(t, "POST", srv.URL+"/api/"+report, "application/toml", src)
		if want := cli(t, report, file, "--format", "json"); code != 200 || got != want {
			t.Errorf("POST /api/%s: %d, not the JSON of kosto %s of the file:\n%s", report, code, report, got)
		}
	}
	code, got = fetch(t, "POST", srv.URL+"/api/compare?base=gjilan", "application/toml", src)
	if want := cli(t, "compare", "gjilan", file, "--format", "json"); code != 200 || got != want {
		t.Errorf("POST /api/compare: %d, not the JSON of kosto compare", code)
	}
	code, got = fetch(t, "GET", srv.URL+"/api/scenarios", "", nil)
	if code != 200 || !strings.Contains(got, `"name": "gjilan"`) || !strings.Contains(got, `"default": true`) {
		t.Errorf("GET /api/scenarios: %d %s", code, got)
	}
}

// Bad input and abuse are refused with the right status, and the server
// keeps serving.
func TestAPIRefuses(t *testing.T) {
	srv := testServer(t)
	src, _ := scenarios.ShippedSource("gjilan")
	typo := strings.Replace(string(src), "monthly_allowance = \"foster_allowance\"", "montly_allowance = \"foster_allowance\"", 1)
	line := 1 + strings.Count(typo[:strings.Index(typo, "montly_allowance")], "\n")
	for _, c := range []struct {
		what, method, path, ctype string
		body                      []byte
		header                    []string
		code                      int
		has                       []string
	}{
		{"an unknown scenario", "GET", "/api/run?scenario=nope", "", nil, nil, 404, []string{`no shipped scenario \"nope\"`}},
		{"an unknown scenario on the page", "GET", "/?scenario=nope", "", nil, nil, 404, []string{"no shipped scenario"}},
		{"a typo", "POST", "/api/run", "application/toml", []byte(typo), nil, 422,
			[]string{`"file": "upload.toml"`, fmt.Sprintf(`"line": %d`, line), `"key": "services.foster_care.montly_allowance"`, `did you mean \"monthly_allowance\"`}},
		{"a body over 2 MB", "POST", "/api/run", "application/toml", bytes.Repeat([]byte("#"), 3<<20), nil, 413, []string{"larger than 2 MB"}},
		{"a cross-site POST", "POST", "/api/run", "application/toml", src, []string{"Sec-Fetch-Site", "cross-site"}, 403, nil},
		{"a cross-site upload", "POST", "/upload", "multipart/form-data; boundary=x", []byte("--x--"), []string{"Sec-Fetch-Site", "cross-site"}, 403, nil},
		{"a file of the machine", "POST", "/api/run", "application/toml", []byte("format = 1\nextends = \"/etc/passwd\"\n"), nil, 422, []string{`"key": "extends"`}},
		{"a path up", "POST", "/api/run", "application/toml", []byte("format = 1\nextends = \"../../etc/base.toml\"\n"), nil, 422, []string{`"key": "extends"`}},
		{"no TOML", "POST", "/api/run", "application/json", []byte("{}"), nil, 400, []string{"application/toml"}},
		{"an unknown language", "GET", "/api/run?scenario=gjilan&lang=de", "", nil, nil, 400, []string{"--lang"}},
		{"a negative allowance on the page", "GET", "/?scenario=gjilan&p.foster_allowance=-5", "", nil, nil, 422, []string{"variant.toml:", "parameters.foster_allowance.value", "-5"}},
		{"words for a number", "GET", "/download/variant.toml?scenario=gjilan&p.foster_allowance=lots", "", nil, nil, 400, []string{"expected a number"}},
		{"an unknown page", "GET", "/etc/passwd", "", nil, nil, 404, nil},
		{"a PUT", "PUT", "/api/run", "application/toml", src, nil, 405, nil},
	} {
		code, body := fetch(t, c.method, srv.URL+c.path, c.ctype, c.body, c.header...)
		if code != c.code {
			t.Errorf("%s: %d, want %d: %.300s", c.what, code, c.code, body)
		}
		for _, h := range c.has {
			if !strings.Contains(body, h) && !strings.Contains(body, strings.ReplaceAll(h, `\"`, "&#34;")) {
				t.Errorf("%s: the answer lacks %s: %.600s", c.what, h, body)
			}
		}
	}
	if code, _ := fetch(t, "GET", srv.URL+"/api/run?scenario=gjilan", "", nil); code != 200 {
		t.Errorf("after the bad requests: %d", code)
	}
}

// Fifty requests at once, pages with different inputs and API answers,
// each gets its own right answer (run the tests with -race).
func TestServeConcurrent(t *testing.T) {
	srv := testServer(t)
	type req struct{ path, want string }
	var reqs []req
	for i := range 25 {
		v := fmt.Sprint(250 + i)
		_, page := fetch(t, "GET", srv.URL+"/?scenario=gjilan&p.foster_allowance="+v, "", nil)
		reqs = append(reqs, req{"/?scenario=gjilan&p.foster_allowance=" + v, page})
		name := scenarios.Shipped()[i%len(scenarios.Shipped())]
		reqs = append(reqs, req{"/api/run?scenario=" + name, cli(t, "run", name, "--format", "json")})
	}
	fresh := testServer(t) // nothing loaded yet: the first requests race to load
	var wg sync.WaitGroup
	for _, r := range reqs {
		wg.Go(func() {
			resp, err := http.Get(fresh.URL + r.path)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || string(b) != r.want {
				t.Errorf("%s: %d, not the answer it gets alone", r.path, resp.StatusCode)
			}
		})
	}
	wg.Wait()
}

// The downloads of a page with a changed input: the variant, the CSV and
// the workbook of the changed scenario.
func TestServeDownloads(t *testing.T) {
	srv := testServer(t)
	q := "?scenario=gjilan&p.foster_allowance=300&lang=sq"
	code, toml := fetch(t, "GET", srv.URL+"/download/variant.toml"+q, "", nil)
	file := filepath.Join(t.TempDir(), "v.toml")
	os.WriteFile(file, []byte(toml), 0o644)
	if code != 200 || !strings.Contains(toml, `extends = "gjilan"`) || !strings.Contains(toml, `value = "300"`) {
		t.Fatalf("the variant: %d\n%s", code, toml)
	}
	code, csv := fetch(t, "GET", srv.URL+"/download/report.csv"+q, "", nil)
	if want := "\ufeff" + cli(t, "run", file, "--format", "csv", "--lang", "sq"); code != 200 || csv != want {
		t.Errorf("the CSV: %d, not kosto run's of the variant", code)
	}
	code, xlsx := fetch(t, "GET", srv.URL+"/download/workbook.xlsx"+q, "", nil)
	if code != 200 || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("the workbook: %d", code)
	}
}

func TestUploadName(t *testing.T) {
	for in, want := range map[string]string{"": "upload.toml", "../../etc/x.toml": "x.toml", `C:\Users\ana\mine.toml`: "mine.toml", "a\nb.toml": "ab.toml"} {
		if got := uploadName(in); got != want {
			t.Errorf("uploadName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The API speaks Serbian as the command does.
func TestAPISerbian(t *testing.T) {
	srv := testServer(t)
	code, got := fetch(t, "GET", srv.URL+"/api/run?scenario=gjilan&lang=sr", "", nil)
	if want := cli(t, "run", "gjilan", "--lang", "sr", "--format", "json"); code != 200 || got != want {
		t.Errorf("GET /api/run?scenario=gjilan&lang=sr: %d, not the JSON of kosto run gjilan --lang sr", code)
	}
	if !strings.Contains(got, `"language": "sr"`) {
		t.Errorf("the Serbian report does not say it is Serbian: %.300s", got)
	}
}

// A crowd of slow requests holds a few computations, not a crowd's: with
// one turn to compute and one place to wait, a third request gets 503 and
// Retry-After at once; the first two are answered when the computation
// ends, and the server serves again after.
func TestServeBusy(t *testing.T) {
	s := newServerOf(1, 1)
	release, started := make(chan struct{}), make(chan struct{}, 3)
	srv := httptest.NewServer(s.limit(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/assets/page.css" { // computes nothing
			return
		}
		started <- struct{}{}
		<-release
		w.Write([]byte("done"))
	})))
	defer srv.Close()
	codes := make(chan int, 2)
	for range 2 {
		go func() {
			resp, err := http.Get(srv.URL + "/api/run")
			if err != nil {
				t.Error(err)
				codes <- 0
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		}()
	}
	<-started // the first computes; wait for the second to take its place in the queue
	for len(s.queue) < 2 {
		time.Sleep(time.Millisecond)
	}
	at := time.Now()
	resp, err := http.Get(srv.URL + "/api/run")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || time.Since(at) > 2*time.Second {
		t.Errorf("a request beyond the queue: %d, Retry-After %q, after %v; want 503 with Retry-After at once", resp.StatusCode, resp.Header.Get("Retry-After"), time.Since(at))
	}
	if resp, err := http.Get(srv.URL + "/assets/page.css"); err != nil || resp.StatusCode == http.StatusServiceUnavailable {
		t.Errorf("the stylesheet waits for a turn to compute: %v", err)
	} else {
		resp.Body.Close()
	}
	close(release)
	for range 2 {
		if c := <-codes; c != 200 {
			t.Errorf("a request computed or queued: %d", c)
		}
	}
	if len(s.busy) != 0 || len(s.queue) != 0 {
		t.Errorf("turns left taken: %d computing, %d queued", len(s.busy), len(s.queue))
	}
}

// --open opens the page's address in the browser, once the server
// listens; the command ends when its context does.
func TestServeOpen(t *testing.T) {
	opened := make(chan string, 1)
	was := openURL
	openURL = func(u string) error { opened <- u; return nil }
	t.Cleanup(func() { openURL = was })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := newServeCmd()
	var stdout, stderr bytes.Buffer
	cmd.SetOut(&stdout)
	cmd.SetErr(&stderr)
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--open"})
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var u string
	select {
	case u = <-opened:
	case err := <-done:
		t.Fatalf("serve ended before opening: %v %s", err, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("--open opened nothing")
	}
	if !strings.HasPrefix(u, "http://127.0.0.1:") || !strings.HasSuffix(u, "/") || !strings.Contains(stdout.String(), u) {
		t.Errorf("--open opened %q; kosto said %q", u, stdout.String())
	}
	if code, body := fetch(t, "GET", u+"?scenario=gjilan", "", nil); code != 200 || !strings.Contains(body, "<html") {
		t.Errorf("the page at the address opened: %d", code)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("serve did not stop with its context")
	}
}

// The grant API answers exactly the JSON of kosto grant, for every shipped
// formula and language.
func TestAPIGrantIsTheCommandsJSON(t *testing.T) {
	srv := testServer(t)
	for _, name := range scenarios.Formulas() {
		for _, lang := range []string{"", "sq", "sr"} {
			args, q := []string{"grant", name, "--format", "json"}, "?formula="+name
			if lang != "" {
				args, q = append(args, "--lang", lang), q+"&lang="+lang
			}
			code, got := fetch(t, "GET", srv.URL+"/api/grant"+q, "", nil)
			if want := cli(t, args...); code != 200 || got != want {
				t.Errorf("GET /api/grant%s: %d, not the JSON of kosto %v", q, code, args)
			}
		}
	}
	for path, want := range map[string]int{"/api/grant?formula=nope": 404, "/api/grant": 400, "/grant?formula=nope": 404,
		"/api/grant?formula=kosovo-social-services-grant&lang=de": 400} {
		if code, body := fetch(t, "GET", srv.URL+path, "", nil); code != want {
			t.Errorf("GET %s: %d, want %d: %.300s", path, code, want, body)
		}
	}
}

// The grant view with changed weights: the changed formula, its CSV and
// workbook are kosto grant's of the downloaded formula; weights that do not
// sum to 1 are the formula's problem with its line, and words for a number
// are refused.
func TestServeGrant(t *testing.T) {
	srv := testServer(t)
	q := "?formula=kosovo-social-services-grant&p.criteria.caseload.weight=0.5&p.criteria.population.weight=0.5&lang=sq"
	code, page := fetch(t, "GET", srv.URL+"/grant"+q, "", nil)
	if code != 200 || !strings.Contains(page, `value="0.5"`) || !strings.Contains(page, `data-report="grant"`) || !strings.Contains(page, "<svg") {
		t.Fatalf("the grant view: %d\n%.2000s", code, page)
	}
	code, toml := fetch(t, "GET", srv.URL+"/download/formula.toml"+q, "", nil)
	file := filepath.Join(t.TempDir(), "f.toml")
	os.WriteFile(file, []byte(toml), 0o644)
	if code != 200 || !strings.Contains(toml, `weight = "0.5"`) {
		t.Fatalf("the changed formula: %d\n%s", code, toml)
	}
	code, csv := fetch(t, "GET", srv.URL+"/download/grant.csv"+q, "", nil)
	if want := "\ufeff" + cli(t, "grant", file, "--format", "csv", "--lang", "sq"); code != 200 || csv != want {
		t.Errorf("the grant's CSV: %d, not kosto grant's of the changed formula:\n%.500s\n---\n%.500s", code, csv, want)
	}
	if shipped := cli(t, "grant", "kosovo-social-services-grant", "--format", "csv", "--lang", "sq"); "\ufeff"+shipped == csv {
		t.Error("the changed weights change nothing")
	}
	code, xlsx := fetch(t, "GET", srv.URL+"/download/grant.xlsx"+q, "", nil)
	if code != 200 || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("the grant's workbook: %d", code)
	}
	code, pot := fetch(t, "GET", srv.URL+"/download/grant.csv?formula=albania-social-care-transfer-illustrative&p.pot.amount=150000000", "", nil)
	if code != 200 || !strings.Contains(pot, "150000000") {
		t.Errorf("a changed fixed pot: %d\n%.600s", code, pot)
	}

	src, _ := scenarios.FormulaVariant("kosovo-social-services-grant", map[string]string{"criteria.caseload.weight": "0.7"})
	line := 1 + strings.Count(string(src[:strings.Index(string(src), "[criteria.")]), "\n")
	code, page = fetch(t, "GET", srv.URL+"/grant?formula=kosovo-social-services-grant&p.criteria.caseload.weight=0.7", "", nil)
	if want := fmt.Sprintf("kosovo-social-services-grant-changed.toml:%d", line); code != 422 || !strings.Contains(page, want) || !strings.Contains(page, "sum to 1") || !strings.Contains(page, `id="p-criteria.caseload.weight"`) {
		t.Errorf("weights summing to 0.9: %d, want 422 with %s, the inputs kept:\n%.3000s", code, want, page)
	}
	if code, body := fetch(t, "GET", srv.URL+"/download/grant.csv?formula=kosovo-social-services-grant&p.criteria.caseload.weight=lots", "", nil); code != 400 || !strings.Contains(body, "expected a number") {
		t.Errorf("words for a weight: %d %s", code, body)
	}
}

// Where a scenario has ranges and projects, the page shows the spread of
// its budget: the figures kosto uncertainty gives for the page's draws.
func TestPageUncertainty(t *testing.T) {
	srv := testServer(t)
	code, page := fetch(t, "GET", srv.URL+"/?scenario=albania-di-vlore", "", nil)
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	out := cli(t, "uncertainty", "albania-di-vlore", "--draws", fmt.Sprint(pageDraws), "--format", "csv")
	var p50 string
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(line, ",")
		if len(f) > 10 && f[1] == "uncertainty_total" && f[5] == "p50" && f[10] == "2026" {
			p50 = f[6]
		}
	}
	if p50 == "" {
		t.Fatalf("no P50 for 2026 in kosto uncertainty's CSV:\n%s", out)
	}
	if !strings.Contains(page, "How sure are we?") || !strings.Contains(page, `data-value="`+p50+`"`) {
		t.Errorf("the page lacks the spread of the budget, or its 2026 median %s", p50)
	}
	if _, page := fetch(t, "GET", srv.URL+"/?scenario=kosovo-qps-staffing", "", nil); strings.Contains(page, "How sure are we?") != strings.Contains(cli(t, "uncertainty", "kosovo-qps-staffing", "--draws", "10"), "How sure") {
		t.Error("the 38 centres' page and kosto uncertainty disagree on whether it has ranges")
	}
}
