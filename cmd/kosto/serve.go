package main

// kosto serve: the web page and its JSON API, for people who will never
// open a terminal. The handlers are thin wiring, as the commands are: a
// shipped scenario is loaded and costed once (scenarios, costing); the
// inputs a visitor changes become a variant that extends it
// (scenarios.Variant), which is loaded from its text alone and costed —
// the same text the page offers for download, so that `kosto run` of the
// download gives the page's figures; templates renders the page, the
// JSON, the CSV and the workbook. Nothing is written to disk: an upload is
// read into memory, and can extend only a shipped scenario.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os/exec"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

// The limits on every request.
const (
	maxBody        = 2 << 20          // bytes of a request's body: a larger one gets 413
	requestTimeout = 20 * time.Second // to answer a request, once read: else 503
	queueWait      = 10 * time.Second // to wait for a turn to compute: else 503, Retry-After
	retryAfter     = "5"              // seconds, said with a 503 of a server too busy
	// maxWaiting requests may wait for a turn to compute: a waiting request
	// has read only its header, so many may wait; what takes memory is the
	// 2×GOMAXPROCS computing.
	maxWaiting = 64
)

func newServeCmd() *cobra.Command {
	var addr string
	var open bool
	c := &cobra.Command{
		Use:   "serve [--addr ADDR] [--open]",
		Short: "Serve a web page to choose a scenario, change its inputs and see every total move",
		Long: `Serve starts a web page on this computer: choose a shipped scenario or upload
a scenario file, see its headline figures, change its inputs in a table and
see the unit costs, staffing, budget and projection recomputed, compare it
with another scenario, and download the changed scenario (a variant file that
kosto run accepts), the workbook or the results as CSV. Or choose a shipped
grant formula, change its weights (and its pot, when it is a fixed amount)
and see every municipality's allocation recomputed, and download the changed
formula (for kosto grant), its workbook or CSV. In English, Albanian or
Serbian. The page needs no internet connection.

By default it listens on 127.0.0.1:8080, the loopback address: only this
computer can open the page. --addr gives another address; anyone who can
reach that address can then use the page, and kosto warns so.

The same engine answers a JSON API, for scripts:
  GET  /api/scenarios
  GET  /api/run?scenario=NAME[&lang=sq]     the JSON of kosto run --format json
  POST /api/run                              a scenario's TOML as the body
                                             (Content-Type: application/toml)
  GET  /api/project?scenario=NAME, POST /api/project
  GET  /api/compare?base=NAME&variant=NAME, POST /api/compare?base=NAME
  GET  /api/grant?formula=NAME[&lang=sq]    the JSON of kosto grant --format json
A scenario with problems gets 422 and the problems as JSON, with their file,
line and key; an unknown scenario or formula 404; a body over 2 MB 413; a POST from
another site 403; when more requests come than the computer can compute
at once, 503 with Retry-After. An uploaded scenario can extend only a
shipped scenario.`,
		Example: `  kosto serve                       # http://127.0.0.1:8080/
  kosto serve --open                # and open it in the browser
  kosto serve --addr 127.0.0.1:9000
  curl 'http://127.0.0.1:8080/api/run?scenario=gjilan'
  curl -H 'Content-Type: application/toml' --data-binary @mine.toml http://127.0.0.1:8080/api/run`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return badInput("--addr %q: %v", addr, err)
			}
			stderr := cmd.ErrOrStderr()
			if !loopback(ln.Addr()) {
				fmt.Fprintf(stderr, "kosto: warning: serving on %s, not on the loopback address: anyone who can reach it can use the page\n", ln.Addr())
			}
			where := "http://" + ln.Addr().String() + "/"
			fmt.Fprintf(cmd.OutOrStdout(), "kosto serves the page at %s — Ctrl-C stops it\n", where)
			if open {
				if err := openURL(where); err != nil {
					fmt.Fprintf(stderr, "kosto: could not open a browser (%v); open %s yourself\n", err, where)
				}
			}
			hs := newHTTPServer(newServer())
			stop := context.AfterFunc(cmd.Context(), func() { hs.Close() })
			defer stop()
			if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "the address to listen on; by default the loopback address, which only this computer reaches")
	c.Flags().BoolVar(&open, "open", false, "open the page in the web browser")
	return c
}

// newHTTPServer is the HTTP server of s, with time limits on reading and
// writing every request.
func newHTTPServer(s *server) *http.Server {
	return &http.Server{Handler: s.handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: requestTimeout + 10*time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
}

func loopback(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return ok && t.IP.IsLoopback()
}

// openURL asks the system to open url in the web browser, and returns
// once the opener has started. A variable, so that a test can see what
// --open opens without a browser.
var openURL = func(url string) error {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		c = exec.Command("open", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait()
	return nil
}

// A server holds the shipped scenarios, each loaded and costed once, on
// first use, and read (never changed) by every request after.
type server struct {
	mu    sync.Mutex
	bases map[string]*base
	busy  chan struct{} // a turn to compute: at most cap(busy) requests compute at once
	queue chan struct{} // a place to compute or wait: beyond cap(queue) requests, 503 at once
}

type base struct {
	once sync.Once
	sc   *models.Scenario
	r    *costing.Result
	err  error
}

func newServer() *server {
	return newServerOf(2*runtime.GOMAXPROCS(0), maxWaiting)
}

// newServerOf is a server that lets computing requests compute at once and
// waiting more wait for a turn.
func newServerOf(computing, waiting int) *server {
	return &server{bases: map[string]*base{}, busy: make(chan struct{}, computing), queue: make(chan struct{}, computing+waiting)}
}

// errNotFound is a shipped scenario that does not exist.
type errNotFound struct{ name string }

func (e errNotFound) Error() string {
	return fmt.Sprintf("no shipped scenario %q; expected one of %s", e.name, strings.Join(scenarios.Shipped(), ", "))
}

// shipped is the shipped scenario name, loaded and costed.
func (s *server) shipped(name string) (*base, error) {
	if !slices.Contains(scenarios.Shipped(), name) {
		return nil, errNotFound{name}
	}
	s.mu.Lock()
	b := s.bases[name]
	if b == nil {
		b = &base{}
		s.bases[name] = b
	}
	s.mu.Unlock()
	b.once.Do(func() {
		if b.sc, b.err = scenarios.LoadShipped(name); b.err == nil {
			b.r, b.err = costing.Cost(b.sc)
		}
	})
	return b, b.err
}

// edited is the shipped scenario name with the inputs the form changed: its
// base, the edits, the variant's text and its costed result (the base's
// own when nothing was changed).
type edited struct {
	base  *base
	edits map[string]string
	src   []byte
	r     *costing.Result
}

func (s *server) edited(name string, form url.Values) (*edited, error) {
	b, err := s.shipped(name)
	if err != nil {
		return nil, err
	}
	e := &edited{base: b, edits: templates.Edits(b.r, form), r: b.r}
	if e.src, err = scenarios.Variant(name, b.sc, e.edits); err != nil {
		return e, inputError{err}
	}
	if len(e.edits) == 0 {
		return e, nil
	}
	sc, err := scenarios.LoadSource("variant.toml", e.src)
	if err != nil {
		return e, err
	}
	e.r, err = costing.Cost(sc)
	return e, err
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /upload", s.upload)
	mux.HandleFunc("GET /download/variant.toml", s.downloadVariant)
	mux.HandleFunc("GET /download/workbook.xlsx", s.downloadWorkbook)
	mux.HandleFunc("GET /download/report.csv", s.downloadCSV)
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(templates.Assets())))
	mux.HandleFunc("GET /grant", s.grantPage)
	mux.HandleFunc("GET /download/formula.toml", s.downloadFormula)
	mux.HandleFunc("GET /download/grant.xlsx", s.downloadGrantWorkbook)
	mux.HandleFunc("GET /download/grant.csv", s.downloadGrantCSV)
	mux.HandleFunc("GET /api/grant", s.apiGrant)
	mux.HandleFunc("GET /api/scenarios", s.apiScenarios)
	for _, report := range []string{"run", "project", "compare"} {
		mux.HandleFunc("GET /api/"+report, s.api(report))
		mux.HandleFunc("POST /api/"+report, s.api(report))
	}
	return http.TimeoutHandler(s.limit(http.NewCrossOriginProtection().Handler(mux)), requestTimeout,
		"kosto: the request took too long\n")
}

// limit bounds a request's body to maxBody and the computations at once:
// at most cap(s.busy) requests compute, at most cap(s.queue) compute or
// wait for a turn (each within queueWait). Costing cannot be cancelled
// half-way, so a request the time limit answered keeps its turn until its
// computation ends; what the bound keeps is that a crowd of slow requests
// holds a few computations' memory, not a crowd's. A request beyond the
// queue, or still waiting after queueWait, gets 503 with Retry-After at
// once. The page's stylesheet and script compute nothing and never wait.
func (s *server) limit(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			h.ServeHTTP(w, r)
			return
		}
		select {
		case s.queue <- struct{}{}:
			defer func() { <-s.queue }()
		default:
			tooBusy(w)
			return
		}
		wait := time.NewTimer(queueWait)
		defer wait.Stop()
		select {
		case s.busy <- struct{}{}:
			defer func() { <-s.busy }()
		case <-wait.C:
			tooBusy(w)
			return
		case <-r.Context().Done():
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// tooBusy answers a request the server has no turn for: 503, and when to
// try again.
func tooBusy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", retryAfter)
	http.Error(w, "kosto: too many requests at once; try again in a few seconds", http.StatusServiceUnavailable)
}

// pageLang is the page's language: ?lang= when it is one of the page's.
func pageLang(r *http.Request) string {
	if l := r.FormValue("lang"); slices.Contains(templates.PageLanguages, l) {
		return l
	}
	return "en"
}

// reportLang is the language a report is written in: the page's when the
// reports have it, else the scenario's.
func reportLang(lang string) string {
	if slices.Contains(models.Languages, lang) {
		return lang
	}
	return ""
}

// status is the HTTP status of an error: 422 a scenario with problems, 404
// an unknown scenario, 413 a body too large, 400 other bad input.
func status(err error) int {
	var ps models.Problems
	var nf errNotFound
	var nff errNoFormula
	var big *http.MaxBytesError
	var ie inputError
	switch {
	case errors.As(err, &ps):
		return http.StatusUnprocessableEntity
	case errors.As(err, &nf), errors.As(err, &nff):
		return http.StatusNotFound
	case errors.As(err, &big):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &ie):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// page is the page of a shipped scenario, with the inputs the query changes.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	name := r.FormValue("scenario")
	if name == "" {
		name = scenarios.DefaultScenario
	}
	p := &templates.Page{Lang: lang, Scenarios: scenarios.Shipped(), Scenario: name, Formulas: scenarios.Formulas()}
	e, err := s.edited(name, r.Form)
	code := http.StatusOK
	if e != nil {
		p.Edits, p.Inputs = e.edits, templates.PageInputs(e.base.r, e.edits, lang)
	}
	if err == nil {
		p.Base = r.FormValue("base")
		err = s.reports(p, e.r, e.base.r, lang)
	}
	if err != nil {
		code = s.failPage(p, err)
	}
	writePage(w, code, p)
}

// reports fills the page with r's headline figures and documents: the run,
// the projection, and the comparison with p.Base (or, when inputs were
// changed, with the scenario as shipped, orig).
func (s *server) reports(p *templates.Page, r, orig *costing.Result, lang string) error {
	o := templates.Options{Lang: reportLang(lang)}
	p.Headline = templates.PageHeadline(r, orig, lang)
	run, err := templates.RunReport(r, o)
	if err != nil {
		return inputError{err}
	}
	p.Documents = append(p.Documents, run)
	if _, years := r.Horizon(); len(years) > 0 {
		p.Documents = append(p.Documents, templates.ProjectReport(r.Project(), o))
	}
	against := orig
	if p.Base != "" {
		b, err := s.shipped(p.Base)
		if err != nil {
			return err
		}
		against = b.r
	}
	if against != nil && against != r {
		if vs, err := costing.Compare(against, r); err == nil {
			p.Documents = append(p.Documents, templates.VersusReport(vs, o))
		} else if p.Base != "" {
			p.Message = err.Error()
		}
	}
	if d := uncertaintyDocument(r, o); d != nil {
		p.Documents = append(p.Documents, d)
	}
	return nil
}

// pageDraws are the draws of the page's uncertainty results: enough for
// steady percentiles, few enough to answer an input's change at once
// (kosto uncertainty draws as many as the scenario's [uncertainty] says).
const pageDraws = 500

// uncertaintyDocument is the spread of r's budget when r's inputs carry
// ranges and it projects, drawn pageDraws times with the scenario's seed;
// nil otherwise.
func uncertaintyDocument(r *costing.Result, o templates.Options) *templates.Document {
	if _, years := r.Horizon(); len(years) == 0 {
		return nil
	}
	st, err := uncertainty.New(r, nil, nil)
	if err != nil || len(st.Inputs) == 0 {
		return nil
	}
	opts := st.Options()
	opts.Draws = min(opts.Draws, pageDraws)
	out, err := st.Run(opts)
	if err != nil {
		return nil
	}
	sm, err := out.Summarise()
	if err != nil {
		return nil
	}
	return templates.UncertaintyReport(sm, o)
}

// failPage shows err on the page — problems as a list with their lines and
// keys — and returns the status to answer with.
func (s *server) failPage(p *templates.Page, err error) int {
	var ps models.Problems
	if errors.As(err, &ps) {
		p.Problems = ps
	} else {
		p.Message = err.Error()
	}
	p.Documents, p.Headline = nil, nil
	return status(err)
}

func writePage(w http.ResponseWriter, code int, p *templates.Page) {
	var buf bytes.Buffer
	if err := templates.WritePage(&buf, p); err != nil {
		http.Error(w, "kosto: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// upload is the page of an uploaded scenario: a file field ("file") or
// the text sent back by the page's language buttons ("source"), read into
// memory, never to disk.
func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	fields, err := readMultipart(r)
	lang := "en"
	if l := fields["lang"]; slices.Contains(templates.PageLanguages, l) {
		lang = l
	}
	p := &templates.Page{Lang: lang, Scenarios: scenarios.Shipped(), Upload: uploadName(fields["name"]), Formulas: scenarios.Formulas()}
	code := http.StatusOK
	if err == nil {
		p.Source = fields["source"]
		var res *costing.Result
		if res, err = costSource(p.Upload, []byte(p.Source)); err == nil {
			err = s.reports(p, res, nil, lang)
		}
	}
	if err != nil {
		code = s.failPage(p, err)
	}
	writePage(w, code, p)
}

// readMultipart reads a form's fields into memory: the file part as
// "source", its file name as "name".
func readMultipart(r *http.Request) (map[string]string, error) {
	fields := map[string]string{}
	mr, err := r.MultipartReader()
	if err != nil {
		return fields, inputError{fmt.Errorf("expected a form with a scenario file: %v", err)}
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fields, bodyError(err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return fields, bodyError(err)
		}
		key := part.FormName()
		if key == "file" {
			key = "source"
			if fn := part.FileName(); fn != "" {
				fields["name"] = fn
			}
		}
		if _, seen := fields[key]; !seen || key == "source" {
			fields[key] = string(data)
		}
	}
	if strings.TrimSpace(fields["source"]) == "" {
		return fields, badInput("no scenario file was chosen: choose a .toml file to upload")
	}
	return fields, nil
}

// bodyError keeps a body too large as it is (413), else calls it bad input.
func bodyError(err error) error {
	var big *http.MaxBytesError
	if errors.As(err, &big) {
		return err
	}
	return inputError{err}
}

// uploadName is how messages name an uploaded file: its base name, without
// control characters; "upload.toml" when it has none.
func uploadName(n string) string {
	n = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, path.Base(strings.ReplaceAll(n, `\`, "/")))
	if n == "" || n == "." || n == "/" {
		return "upload.toml"
	}
	return n
}

// costSource loads a scenario from its text alone and costs it.
func costSource(name string, src []byte) (*costing.Result, error) {
	sc, err := scenarios.LoadSource(name, src)
	if err != nil {
		return nil, asInput(err)
	}
	return costing.Cost(sc)
}

// download writes body as a file to save, or the error.
func download(w http.ResponseWriter, name, ctype string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(body)
}

// The types of the files the page offers.
const (
	typeTOML = "application/toml; charset=utf-8"
	typeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	typeCSV  = "text/csv; charset=utf-8"
)

// downloadRendered renders a file into memory and offers it as name; a
// rendering that fails is answered as the API answers a failure, and
// nothing is sent half-written.
func downloadRendered(w http.ResponseWriter, name, ctype string, render func(io.Writer) error) {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		apiError(w, err)
		return
	}
	download(w, name, ctype, buf.Bytes())
}

// pageWorkbook is what a workbook the page offers says about itself: the
// page's language, kosto's version and today's date.
func pageWorkbook(r *http.Request) templates.WorkbookOptions {
	return templates.WorkbookOptions{Options: templates.Options{Lang: reportLang(pageLang(r))}, Version: version(), Date: time.Now().Format("2006-01-02")}
}

// pageCSV is how a CSV the page offers is rendered: in the page's
// language, with a byte-order mark, for Excel.
func pageCSV(r *http.Request) templates.Options {
	return templates.Options{Lang: reportLang(pageLang(r)), BOM: true}
}

func (s *server) editedFor(w http.ResponseWriter, r *http.Request) (*edited, string, bool) {
	name := r.FormValue("scenario")
	if name == "" {
		name = scenarios.DefaultScenario
	}
	e, err := s.edited(name, r.Form)
	if err != nil {
		apiError(w, err)
		return nil, "", false
	}
	return e, name, true
}

func (s *server) downloadVariant(w http.ResponseWriter, r *http.Request) {
	if e, name, ok := s.editedFor(w, r); ok {
		download(w, name+"-changed.toml", typeTOML, e.src)
	}
}

func (s *server) downloadWorkbook(w http.ResponseWriter, r *http.Request) {
	if e, name, ok := s.editedFor(w, r); ok {
		downloadRendered(w, name+".xlsx", typeXLSX, func(b io.Writer) error { return templates.Workbook(b, e.r, pageWorkbook(r)) })
	}
}

func (s *server) downloadCSV(w http.ResponseWriter, r *http.Request) {
	if e, name, ok := s.editedFor(w, r); ok {
		downloadRendered(w, name+".csv", typeCSV, func(b io.Writer) error { return templates.Report(b, e.r, pageCSV(r), templates.FormatCSV) })
	}
}

// apiScenario is a shipped scenario as /api/scenarios lists it.
type apiScenario struct {
	Name     string `json:"name"`
	Title    string `json:"title"`
	Country  string `json:"country"`
	Currency string `json:"currency"`
	Default  bool   `json:"default,omitempty"`
}

func (s *server) apiScenarios(w http.ResponseWriter, r *http.Request) {
	out := []apiScenario{}
	for _, name := range scenarios.Shipped() {
		b, err := s.shipped(name)
		if err != nil {
			apiError(w, err)
			return
		}
		m := b.sc.Meta
		out = append(out, apiScenario{Name: name, Title: m.Title.S, Country: m.Country.S, Currency: m.Currency.S, Default: name == scenarios.DefaultScenario})
	}
	writeJSON(w, http.StatusOK, out)
}

// api answers /api/run, /api/project and /api/compare with the JSON the
// command of that name writes with --format json.
func (s *server) api(report string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		lang := r.URL.Query().Get("lang")
		if err := checkLang(lang); err != nil {
			apiError(w, err)
			return
		}
		o := templates.Options{Lang: lang}
		param := "scenario"
		if report == "compare" {
			param = "variant"
		}
		res, err := s.apiScenario(r, param)
		var buf bytes.Buffer
		if err == nil {
			switch report {
			case "run":
				err = templates.Report(&buf, res, o, templates.FormatJSON)
			case "project":
				err = templates.Project(&buf, res.Project(), o, templates.FormatJSON)
			case "compare":
				err = s.apiCompare(&buf, r, res, o)
			}
		}
		if err != nil {
			apiError(w, err)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(buf.Bytes())
	}
}

func (s *server) apiCompare(w io.Writer, r *http.Request, variant *costing.Result, o templates.Options) error {
	name := r.URL.Query().Get("base")
	if name == "" {
		return badInput("compare needs ?base=NAME, a shipped scenario")
	}
	b, err := s.shipped(name)
	if err != nil {
		return err
	}
	vs, err := costing.Compare(b.r, variant)
	if err != nil {
		return inputError{err}
	}
	return templates.Versus(w, vs, o, templates.FormatJSON)
}

// apiScenario is the scenario a request names (?param=NAME, a shipped
// one) or, for a POST, sends as its body (TOML).
func (s *server) apiScenario(r *http.Request, param string) (*costing.Result, error) {
	if r.Method == http.MethodGet {
		name := r.URL.Query().Get(param)
		if name == "" {
			return nil, badInput("expected ?%s=NAME, a shipped scenario (GET /api/scenarios lists them), or a POST with the scenario's TOML", param)
		}
		b, err := s.shipped(name)
		if err != nil {
			return nil, err
		}
		return b.r, nil
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/toml" && ct != "text/plain" {
		return nil, badInput("expected the scenario's TOML as the body, with Content-Type: application/toml")
	}
	src, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, bodyError(err)
	}
	return costSource("upload.toml", src)
}

// apiProblem is a problem as the API reports it.
type apiProblem struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Key     string `json:"key,omitempty"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message"`
	Problem string `json:"problem"` // the whole line, as kosto validate prints it
}

// apiError answers with err's status: problems as a JSON list, anything
// else as {"error": …}.
func apiError(w http.ResponseWriter, err error) {
	code := status(err)
	var ps models.Problems
	if errors.As(err, &ps) {
		out := make([]apiProblem, len(ps))
		for i, p := range ps {
			out[i] = apiProblem{File: p.Pos.File, Line: p.Pos.Line, Key: p.Pos.Key, Value: p.Value, Message: p.Expected, Problem: p.Error()}
		}
		writeJSON(w, code, out)
		return
	}
	msg := err.Error()
	if code == http.StatusRequestEntityTooLarge {
		msg = fmt.Sprintf("the body is larger than %d MB", maxBody>>20)
	} else if code == http.StatusInternalServerError {
		msg = "kosto: internal error: " + msg
	}
	writeJSON(w, code, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// errNoFormula is a shipped formula that does not exist.
type errNoFormula struct{ name string }

func (e errNoFormula) Error() string {
	return fmt.Sprintf("no shipped formula %q; expected one of %s", e.name, strings.Join(scenarios.Formulas(), ", "))
}

// editedGrant is the shipped formula name with the weights and pot the
// form changed: the formula as shipped (its inputs table), the edits, the
// changed formula's text and its allocation.
type editedGrant struct {
	f     *models.Formula
	edits map[string]string
	src   []byte
	g     *grant.Result
}

// grant computes the shipped formula name with the inputs form changes,
// as kosto grant computes it (of the changed formula's text, when one was
// changed).
func (s *server) grant(name string, form url.Values) (*editedGrant, error) {
	if !slices.Contains(scenarios.Formulas(), name) {
		return nil, errNoFormula{name}
	}
	f, err := scenarios.ShippedFormula(name)
	if err != nil {
		return nil, err
	}
	e := &editedGrant{f: f, edits: templates.GrantEdits(f, form)}
	if e.src, err = scenarios.FormulaVariant(name, e.edits); err != nil {
		return e, inputError{err}
	}
	if len(e.edits) == 0 {
		e.g, err = computeGrant(name, "", "", scenarios.CSVOptions{})
	} else {
		in, rerr := scenarios.OpenFormulaSource(name+"-changed.toml", e.src, scenarios.CSVOptions{})
		e.g, err = allocate(in, rerr, "", scenarios.CSVOptions{})
	}
	return e, err
}

// formulaName is the formula a request names, the first shipped when none.
func formulaName(r *http.Request) string {
	if name := r.FormValue("formula"); name != "" {
		return name
	}
	return scenarios.Formulas()[0]
}

// grantPage is the grant view: a shipped formula's allocation, with the
// weights and pot the query changes.
func (s *server) grantPage(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	p := &templates.Page{Lang: lang, Scenarios: scenarios.Shipped(), Formulas: scenarios.Formulas(), Formula: formulaName(r)}
	e, err := s.grant(p.Formula, r.Form)
	if e != nil {
		p.Edits, p.Inputs = e.edits, templates.GrantInputs(e.f, e.edits, lang)
	}
	code := http.StatusOK
	if err == nil {
		p.Documents = []*templates.Document{templates.GrantReport(e.g, templates.Options{Lang: reportLang(lang)})}
	} else {
		code = s.failPage(p, err)
	}
	writePage(w, code, p)
}

func (s *server) grantFor(w http.ResponseWriter, r *http.Request) (*editedGrant, string, bool) {
	name := formulaName(r)
	e, err := s.grant(name, r.Form)
	if err != nil {
		apiError(w, err)
		return nil, "", false
	}
	return e, name, true
}

func (s *server) downloadFormula(w http.ResponseWriter, r *http.Request) {
	if e, name, ok := s.grantFor(w, r); ok {
		download(w, name+"-changed.toml", typeTOML, e.src)
	}
}

func (s *server) downloadGrantWorkbook(w http.ResponseWriter, r *http.Request) {
	if e, name, ok := s.grantFor(w, r); ok {
		downloadRendered(w, name+".xlsx", typeXLSX, func(b io.Writer) error { return templates.GrantWorkbook(b, e.g, pageWorkbook(r)) })
	}
}

func (s *server) downloadGrantCSV(w http.ResponseWriter, r *http.Request) {
	if e, name, ok := s.grantFor(w, r); ok {
		downloadRendered(w, name+".csv", typeCSV, func(b io.Writer) error { return templates.Grant(b, e.g, pageCSV(r), templates.FormatCSV) })
	}
}

// apiGrant answers /api/grant?formula=NAME with the JSON of kosto grant
// NAME --format json.
func (s *server) apiGrant(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lang := q.Get("lang")
	if err := checkLang(lang); err != nil {
		apiError(w, err)
		return
	}
	name := q.Get("formula")
	if name == "" {
		apiError(w, badInput("expected ?formula=NAME, a shipped formula: %s", strings.Join(scenarios.Formulas(), ", ")))
		return
	}
	if !slices.Contains(scenarios.Formulas(), name) {
		apiError(w, errNoFormula{name})
		return
	}
	g, err := computeGrant(name, "", "", scenarios.CSVOptions{})
	var buf bytes.Buffer
	if err == nil {
		err = templates.Grant(&buf, g, templates.Options{Lang: lang}, templates.FormatJSON)
	}
	if err != nil {
		apiError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(buf.Bytes())
}
