package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
)

func newImportCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "import BOOK.xlsx [--output VARIANT.toml]",
		Short: "Read a workbook a council edited back as a variant of its scenario",
		Long: `Import reads the input cells of a workbook kosto exported — found by their
defined names, so rows may have been sorted or inserted — compares each with
the value it was exported with, and writes a variant that extends the
scenario and states only the inputs that changed, each with its source:
the workbook and cell it came from and what it was. kosto run of the variant
gives the workbook's figures. A workbook saved again by Excel or LibreOffice
is read the same way.

Import refuses, naming each sheet and cell, and writes nothing (exit status
2): a formula of kosto's overwritten with a number (the council's total is
then no longer the model's); text or a date in a numeric input; a value the
scenario format refuses (money with more decimals than the currency has, a
share outside 0 to 1, a negative amount — validate's rules and words); a
workbook kosto did not write; and a workbook whose scenario has changed
since it was exported, unless --force.

The variant's extends names the scenario as the variant will find it: a
shipped scenario by its name, a file by its path relative to the variant.`,
		Example: `  kosto import council.xlsx --output council.toml
  kosto import council.xlsx                 # the variant on standard output
  kosto run council.toml
  kosto diff gjilan council.toml`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.file != "" {
				if err := checkOutputFile(o.file, "variant.toml"); err != nil {
					return err
				}
				if !strings.HasSuffix(strings.ToLower(o.file), ".toml") {
					return badInput("--output %q: expected a file name ending in .toml", o.file)
				}
			}
			im, err := importBook(a[0], o.file, o.force, time.Now().Format("2006-01-02"))
			if err != nil {
				return err
			}
			if len(im.changes) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: no input differs from the scenario %s as it was exported\n", a[0], im.rec.Source)
			}
			var out bytes.Buffer
			out.Write(im.variant)
			if o.file == "" {
				_, err := cmd.OutOrStdout().Write(out.Bytes())
				return err
			}
			if err := writeFile(o.file, out.Bytes(), o.force); err != nil {
				return err
			}
			inputs := "inputs"
			if len(im.changes) == 1 {
				inputs = "input"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d changed %s written to %s\n", a[0], len(im.changes), inputs, o.file)
			return nil
		},
	}
	c.Flags().StringVarP(&o.file, "output", "o", "", "write the variant to this file (.toml) instead of standard output (written whole, or not at all)")
	c.Flags().BoolVar(&o.force, "force", false, "import a workbook whose scenario has changed since it was exported, and overwrite the --output file if it exists")
	return c
}

// An imported workbook: what it was exported from, that scenario as it is
// now, the inputs the council changed and the variant that states them.
type imported struct {
	rec     *scenarios.Record
	base    *costing.Result
	changes []inputChange
	variant []byte
	loaded  *models.Scenario // the variant, loaded
}

// An inputChange is one input cell whose value differs from the exported.
type inputChange struct {
	figure      string
	sheet, cell string
	was, now    decimal.Decimal
	key         string // where the variant states it
}

// cellProblem is something wrong with a cell of the workbook.
type cellProblem struct {
	sheet, cell string
	what        string // the figure or key, and its value, as a message shows them
	expected    string
}

// problemsError lists a workbook's problems, one a line, each naming the
// workbook, the sheet and the cell.
func problemsError(book string, ps []cellProblem) error {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = fmt.Sprintf("%s: %s!%s: %s: %s", book, p.sheet, p.cell, p.what, p.expected)
	}
	return inputError{errors.New(strings.Join(lines, "\n"))}
}

// importBook reads the workbook at book and returns the variant of its
// scenario that states the council's changes, to be written at out ("":
// standard output, the variant's folder being the working one); date is
// today, for a workbook that does not say when it was saved.
func importBook(book, out string, force bool, date string) (*imported, error) {
	b, err := scenarios.ReadBook(book)
	if err != nil {
		return nil, bookError(book, err)
	}
	return importParsed(book, b, out, force, date)
}

// bookError says that the workbook could not be read, and why.
func bookError(book string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return badInput("%s: no such file", book)
	case errors.Is(err, os.ErrPermission):
		return badInput("%s: cannot read the file (permission denied)", book)
	}
	return badInput("%s: %v", book, err)
}

func importParsed(book string, b *scenarios.Book, out string, force bool, date string) (*imported, error) {
	rec, err := b.Record()
	if err != nil {
		return nil, badInput("%s: %v", book, err)
	}
	im := &imported{rec: rec}
	// The scenario it was exported from, as it is now.
	var sc *models.Scenario
	if rec.Path != "" {
		sc, err = scenarios.LoadFile(rec.Path)
	} else {
		sc, err = scenarios.LoadShipped(rec.Source)
	}
	if err != nil {
		return nil, inputError{fmt.Errorf("%s was exported from the scenario %s, which kosto cannot read now:\n%w", book, rec.Source, err)}
	}
	fp, err := scenarios.Fingerprint(sc.Files)
	if err != nil {
		return nil, err
	}
	if fp != rec.Fingerprint && !force {
		what := "its files have changed"
		if rec.Path == "" {
			what = "this kosto ships it changed"
		}
		return nil, badInput("%s: the scenario %s has changed since the workbook was exported (by kosto %s): %s, so the workbook's inputs are not the scenario's. Export the scenario again and make the changes there, or use --force to state the workbook's changes over the scenario as it is now", book, rec.Source, rec.Version, what)
	}
	r := costing.Build(sc)
	if err := r.Check(); err != nil {
		return nil, err
	}
	im.base = r
	var ps []cellProblem
	// Every cell kosto writes as a formula still holds one: the scenario
	// exported again, in memory, says which.
	var fresh bytes.Buffer
	if err := templates.Workbook(&fresh, r, templates.WorkbookOptions{Options: templates.Options{Lang: rec.Lang}, Version: rec.Version, NoCache: true}); err != nil {
		return nil, err
	}
	fb, err := scenarios.ParseBook(fresh.Bytes())
	if err != nil {
		return nil, err
	}
	for _, sheet := range fb.Sheets {
		if sheet == models.RecordSheet {
			continue
		}
		cells := fb.Cells(sheet)
		if len(cells) > 0 && !b.HasSheet(sheet) {
			ps = append(ps, cellProblem{sheet: sheet, cell: "A1", what: "the sheet", expected: "is missing from the workbook; kosto import reads only a workbook whose sheets are kosto's"})
			continue
		}
		for _, ref := range sortedRefs(cells) {
			if !cells[ref].Formula {
				if p, ok := unreadEdit(rec.Lang, sheet, ref, cells[ref], b.Cell(sheet, ref)); ok {
					ps = append(ps, p)
				}
				continue
			}
			if c := b.Cell(sheet, ref); !c.Formula && !c.Empty() {
				ps = append(ps, cellProblem{sheet: sheet, cell: ref, what: "a formula of kosto's", expected: fmt.Sprintf("was overwritten with %s: the workbook's figures are no longer the model's; put the formula back (export the scenario again to see it) and change an input instead", shownValue(c))})
			}
		}
	}
	// The inputs, by their defined names.
	g := r.Graph
	type found struct {
		e           scenarios.RecordEntry
		sheet, cell string
		now         decimal.Decimal
	}
	var inputs []found
	for _, e := range rec.Entries {
		sheet, cell := rec.Inputs, e.Cell
		if e.Name != "" {
			if ref, ok := b.Names[e.Name]; ok {
				if s, c, ok := scenarios.NameRef(ref); ok {
					sheet, cell = s, c
				}
			}
		}
		c := b.Cell(sheet, cell)
		at := cellProblem{sheet: sheet, cell: cell}
		switch {
		case c.Empty():
			at.what, at.expected = e.Figure, "is empty: expected a number (it was "+e.Exported+")"
		case c.Text():
			at.what, at.expected = fmt.Sprintf("%s = %q", e.Figure, c.Value), "expected a number, not text"
		case c.Date:
			at.what, at.expected = e.Figure, "holds a date: expected a number"
		case c.Type == "b" || c.Type == "e" || c.Type == "d":
			at.what, at.expected = fmt.Sprintf("%s = %s", e.Figure, c.Value), "expected a number"
		}
		if at.expected != "" {
			ps = append(ps, at)
			continue
		}
		now, ok := cellNumber(c.Value)
		if !ok {
			ps = append(ps, cellProblem{sheet: sheet, cell: cell, what: fmt.Sprintf("%s = %s", e.Figure, c.Value), expected: "expected a number"})
			continue
		}
		inputs = append(inputs, found{e, sheet, cell, now})
		was, err := decimal.NewFromString(e.Exported)
		if err == nil && sameNumber(was, now) {
			continue
		}
		id, ok := g.Lookup(e.Figure)
		if !ok || g.Nodes[id].Op != costing.OpInput {
			ps = append(ps, cellProblem{sheet: sheet, cell: cell, what: e.Figure, expected: fmt.Sprintf("is no longer an input of the scenario %s, so its change cannot be stated", rec.Source)})
			continue
		}
		key, why := variantKey(sc, &g.Nodes[id])
		if key == "" {
			ps = append(ps, cellProblem{sheet: sheet, cell: cell, what: fmt.Sprintf("%s = %s", e.Figure, now), expected: why})
			continue
		}
		im.changes = append(im.changes, inputChange{figure: e.Figure, sheet: sheet, cell: cell, was: was, now: now, key: key})
	}
	// The changes that could be read are checked as a variant even when
	// others could not, so that every problem is said in one run.
	// The variant, checked by loading it where it will be written and
	// costing it: a value the scenario format refuses is said of its cell.
	when := "saved " + b.Modified
	if b.Modified == "" {
		when = "imported " + date
	}
	spec := scenarios.VariantSpec{
		Name:  strings.ReplaceAll(rec.Scenario, "-", "_") + "_edited",
		Title: sc.Meta.Title.S + " (edited in " + filepath.Base(book) + ")",
		Comment: []string{
			fmt.Sprintf("A variant of %s, read by kosto import from the workbook %s (%s):", rec.Source, filepath.Base(book), when),
			"it states only the inputs changed in the workbook, each with the cell it came from.",
		},
	}
	if spec.Title == " (edited in "+filepath.Base(book)+")" {
		spec.Title = rec.Scenario + spec.Title
	}
	spec.Extends, err = extendsFor(rec, out)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(im.changes, func(a, b inputChange) int { return strings.Compare(a.key, b.key) })
	for i := 0; i+1 < len(im.changes); i++ {
		if a, c := im.changes[i], im.changes[i+1]; a.key == c.key && !a.now.Equal(c.now) {
			ps = append(ps, cellProblem{sheet: c.sheet, cell: c.cell, what: fmt.Sprintf("%s = %s", c.figure, c.now),
				expected: fmt.Sprintf("is written at %s in the scenario, as %s is (%s!%s = %s): one value must be given to both", a.key, a.figure, a.sheet, a.cell, a.now)})
		}
	}
	for _, ch := range im.changes {
		if len(spec.Values) > 0 && spec.Values[len(spec.Values)-1].Key == ch.key {
			continue // one key, two cells with the same value
		}
		spec.Values = append(spec.Values, scenarios.VariantValue{Key: ch.key, Value: plain(ch.now),
			Source: fmt.Sprintf("edited in %s, %s!%s (was %s), %s", filepath.Base(book), ch.sheet, ch.cell, plain(ch.was), when)})
	}
	src, lines, err := scenarios.WriteVariant(sc, spec)
	if err != nil {
		return nil, err
	}
	im.variant = src
	shown := out
	if shown == "" {
		shown = "variant.toml"
	}
	var vsc *models.Scenario
	if rec.Path == "" {
		vsc, err = scenarios.LoadSource(shown, src)
	} else {
		vsc, err = scenarios.LoadFileSource(shown, src)
	}
	if err != nil {
		var vps models.Problems
		if !errors.As(err, &vps) {
			return nil, err
		}
		for _, p := range vps {
			i := slices.Index(lines, p.Pos.Line)
			for k := p.Pos.Line; i < 0 && k > p.Pos.Line-8 && k > 0; k-- { // a parameter's keys are below its header
				i = slices.Index(lines, k)
			}
			if i < 0 || !strings.HasSuffix(p.Pos.File, filepath.Base(shown)) {
				return nil, inputError{fmt.Errorf("%s: the variant kosto would write does not load: %w", book, err)}
			}
			ch := changeAt(im.changes, spec.Values[i].Key)
			q := p
			q.Pos = models.Position{Key: p.Pos.Key}
			what, expected, _ := strings.Cut(q.Error(), ": ")
			ps = append(ps, cellProblem{sheet: ch.sheet, cell: ch.cell, what: what, expected: expected})
		}
	}
	if len(ps) > 0 {
		slices.SortStableFunc(ps, func(a, b cellProblem) int {
			if a.sheet != b.sheet {
				return strings.Compare(a.sheet, b.sheet)
			}
			return compareRefs(a.cell, b.cell)
		})
		return nil, problemsError(book, ps)
	}
	vr := costing.Build(vsc)
	if err := vr.Check(); err != nil {
		return nil, inputError{fmt.Errorf("%s: the scenario with the workbook's changes cannot be costed:\n%w", book, err)}
	}
	// The variant costs every input at the workbook's value, or the change
	// could not be stated where kosto put it.
	// (Forced over a scenario that has changed, an input the workbook
	// did not change takes the scenario's value now.)
	for _, in := range inputs {
		id, ok := vr.Graph.Lookup(in.e.Figure)
		was, err := decimal.NewFromString(in.e.Exported)
		if !ok || fp != rec.Fingerprint && err == nil && sameNumber(was, in.now) {
			continue
		}
		if v, _ := vr.Value(id); !sameNumber(v, in.now) {
			ps = append(ps, cellProblem{sheet: in.sheet, cell: in.cell, what: fmt.Sprintf("%s = %s", in.e.Figure, in.now),
				expected: fmt.Sprintf("a variant cannot state this value of the input where the scenario writes it (the variant gives %s); change the scenario itself", v)})
		}
	}
	if len(ps) > 0 {
		return nil, problemsError(book, ps)
	}
	im.loaded = vsc
	return im, nil
}

func changeAt(cs []inputChange, key string) inputChange {
	for _, c := range cs {
		if c.key == key {
			return c
		}
	}
	return inputChange{}
}

// extendsFor is how the variant, written at out, names the scenario the
// workbook was exported from: a shipped one by its name, a file by its path
// relative to out's folder, with forward slashes.
func extendsFor(rec *scenarios.Record, out string) (string, error) {
	if rec.Path == "" {
		return rec.Source, nil
	}
	dir := "."
	if out != "" {
		dir = filepath.Dir(out)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, rec.Path)
	if err != nil {
		return "", badInput("the variant at %s cannot name %s by a relative path; write it in the folder of %s or below", out, rec.Path, rec.Path)
	}
	return filepath.ToSlash(rel), nil
}

// variantKey is the key at which a variant of sc states a new value of the
// input n, or "" and why it cannot. A parameter is replaced at
// [parameters.NAME] (or a municipality's own); any other input at the key
// it is written at, or — the format's default — at the key it would be
// written at; an input of one municipality among several at that
// municipality's own key, so that the others keep theirs.
func variantKey(sc *models.Scenario, n *costing.Node) (string, string) {
	lf := n.Leaf
	if lf.Param != "" {
		if m, name, ok := strings.Cut(n.Name, ".params."); ok {
			return "municipalities." + m + ".parameters." + name, ""
		}
		return "parameters." + lf.Param, ""
	}
	key := strings.TrimSuffix(lf.Pos.Key, ".value")
	parts := strings.Split(n.Name, ".")
	if key == "" {
		switch {
		case len(parts) >= 3 && parts[0] == "roles":
			key = n.Name
		case len(parts) >= 3 && sc.Municipalities[parts[0]] != nil && sc.Services[parts[1]] != nil:
			key = "services." + strings.Join(parts[1:], ".")
		default:
			return "", "kosto cannot say where in the scenario this input would be written (it is the format's default); write it in the scenario itself"
		}
	}
	if strings.HasPrefix(key, "services.") && len(sc.Municipalities) > 1 && sc.Municipalities[parts[0]] != nil {
		key = "municipalities." + parts[0] + "." + key
	}
	switch strings.Split(key, ".")[0] {
	case "parameters", "roles", "services", "municipalities", "overheads":
		return key, ""
	}
	return "", fmt.Sprintf("is written at %s, which a variant replaces whole; change it in the scenario itself", key)
}

// cellNumber reads a number cell's stored value as the decimal a person
// typed: the shortest decimal that is the same binary number, so that
// 250.55000000000001 is 250.55.
func cellNumber(s string) (decimal.Decimal, bool) {
	s = strings.TrimSpace(s)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1e15 {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(f, 'f', -1, 64))
	return d, err == nil
}

// sameNumber reports whether a and b are the same number, or the same
// binary number (a workbook keeps a float64).
func sameNumber(a, b decimal.Decimal) bool {
	if a.Equal(b) {
		return true
	}
	fa, _ := a.Float64()
	fb, _ := b.Float64()
	return fa == fb
}

// plain writes d as a plain decimal, never with an exponent.
func plain(d decimal.Decimal) string { return d.String() }

// shownValue is a cell's value as a message shows it.
func shownValue(c scenarios.BookCell) string {
	if c.Text() {
		return strconv.Quote(c.Value)
	}
	return c.Value
}

// sortedRefs orders cell references by row, then column.
func sortedRefs(cells map[string]scenarios.BookCell) []string {
	refs := make([]string, 0, len(cells))
	for r := range cells {
		refs = append(refs, r)
	}
	slices.SortFunc(refs, compareRefs)
	return refs
}

// compareRefs orders two cell references by row, then column.
func compareRefs(a, b string) int {
	key := func(r string) (int, int) {
		i := strings.IndexAny(r, "0123456789")
		if i < 0 {
			return 0, 0
		}
		n, _ := strconv.Atoi(r[i:])
		return n, i*1000 + int(r[0])
	}
	ra, ca := key(a)
	rb, cb := key(b)
	if ra != rb {
		return ra - rb
	}
	if ca != cb {
		return ca - cb
	}
	return strings.Compare(a, b)
}

// unreadEdit is a changed value kosto import does not read back yet: a
// growth path's rate on the Paths sheet, or an input's value in a year
// column of Inputs (column I on). Changing one moves the workbook's
// figures, so importing the rest without it would give a variant that
// silently disagrees with the workbook; it is refused, with the cell.
func unreadEdit(lang, sheet, ref string, was, now scenarios.BookCell) (cellProblem, bool) {
	paths, inputs := templates.SheetName(lang, "paths"), templates.SheetName(lang, "inputs")
	col := strings.TrimRight(ref, "0123456789")
	yearColumn := sheet == inputs && (len(col) > 1 || col >= "I")
	if sheet != paths && !yearColumn {
		return cellProblem{}, false
	}
	a, aok := cellNumber(was.Value)
	b, bok := cellNumber(now.Value)
	if !aok || (bok && sameNumber(a, b)) || (now.Formula && now.Value == "") {
		return cellProblem{}, false
	}
	what := "a growth rate"
	if yearColumn {
		what = "a value for one year"
	}
	return cellProblem{sheet: sheet, cell: ref, what: what, expected: fmt.Sprintf("was changed from %s to %s, and kosto import does not read that back yet (only the Inputs' value column): change it in the scenario file, or put back %s", plain(a), shownValue(now), plain(a))}, true
}
