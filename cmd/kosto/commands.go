package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

// formatHelp names the text formats, for --format's help.
var formatHelp = templates.FormatNames(templates.TextFormats...)

// output is the flags shared by commands that write a report; kind is
// --format as check (or checkWorkbook) read it.
type output struct {
	format string
	kind   templates.Format
	lang   string
	file   string
	force  bool
	wide   bool
	bom    bool
	// municipality is --municipality, for the reports that take it.
	municipality string
}

func (o *output) flags(c *cobra.Command) {
	c.Flags().StringVarP(&o.format, "format", "f", "table", "output format: "+formatHelp)
	c.Flags().StringVar(&o.lang, "lang", "", "language of labels: "+langHelp+" (default: the scenario's language)")
	c.Flags().StringVarP(&o.file, "output", "o", "", "write to this file instead of standard output (written whole, or not at all)")
	c.Flags().BoolVar(&o.force, "force", false, "overwrite the --output file if it exists")
	c.Flags().BoolVar(&o.wide, "wide", false, "print tables as wide as they are (by default a table is fitted to 120 columns, or to the terminal's width)")
	c.Flags().BoolVar(&o.bom, "bom", false, "start a CSV with a byte-order mark, so that Excel reads ë, ç and — correctly (the default for --output FILE.csv)")
}

// options are how a report is rendered: in --lang, fitted to the
// terminal's width when it goes to one (else to templates.DefaultWidth)
// unless --wide, and a CSV written to a file with a byte-order mark, for
// Excel.
func (o *output) options(stdout io.Writer) templates.Options {
	opts := templates.Options{Lang: o.lang, Wide: o.wide, Municipality: o.municipality, BOM: o.bom}
	if o.file == "" {
		opts.Width = terminalWidth(stdout)
	} else if strings.HasSuffix(strings.ToLower(o.file), ".csv") {
		opts.BOM = true
	}
	return opts
}

// check refuses, before anything is computed, a --format or --lang kosto
// does not know and an --output that cannot be written (checkOutputFile).
func (o *output) check() error {
	return o.checkFormats(templates.TextFormats...)
}

// checkFormats reads --format as one of allowed, and checks --lang and
// --output.
func (o *output) checkFormats(allowed ...templates.Format) error {
	f, err := templates.ParseFormat(o.format, allowed...)
	if err != nil {
		return inputError{err}
	}
	o.kind = f
	if err := checkLang(o.lang); err != nil {
		return err
	}
	return o.checkFile()
}

// checkWorkbook accepts --format xlsx as well, for commands that can write
// a workbook, which needs a file (export sets the format itself).
func (o *output) checkWorkbook() error {
	if err := o.checkFormats(append(templates.TextFormats, templates.FormatXLSX)...); err != nil || o.kind != templates.FormatXLSX {
		return err
	}
	if o.file == "" {
		return badInput("--format xlsx needs --output FILE.xlsx: a workbook is not written to the terminal")
	}
	if !strings.HasSuffix(strings.ToLower(o.file), ".xlsx") {
		return badInput("--output %q: expected a file name ending in .xlsx", o.file)
	}
	return nil
}

// extensions are the file endings suggested for each format.
var extensions = map[templates.Format]string{templates.FormatTable: ".txt", templates.FormatMarkdown: ".md",
	templates.FormatJSON: ".json", templates.FormatCSV: ".csv", templates.FormatXLSX: ".xlsx"}

// checkFile checks the --output file, if any, with checkOutputFile.
func (o *output) checkFile() error {
	if o.file == "" {
		return nil
	}
	return checkOutputFile(o.file, "report"+extensions[templates.Format(o.format)])
}

// workbookOptions are what a workbook says about itself: kosto's version
// and today's date (the command's clock; the engine has none).
func (o *output) workbookOptions() templates.WorkbookOptions {
	return templates.WorkbookOptions{Options: templates.Options{Lang: o.lang}, Version: version(), Date: time.Now().Format("2006-01-02")}
}

// checkMunicipality refuses a --municipality the scenario does not have.
func checkMunicipality(r *costing.Result, name string) error {
	if name == "" {
		return nil
	}
	var names []string
	for _, m := range r.Municipalities {
		if m.Name == name {
			return nil
		}
		names = append(names, m.Name)
	}
	return badInput("--municipality %q: scenario %s has no such municipality; expected one of %s", name, r.Scenario.Name, strings.Join(names, ", "))
}

// langHelp names the languages reports are written in, for --lang's help:
// "en (English), sq (Albanian) or sr (Serbian, Latin script)".
var langHelp = func() string {
	names := map[string]string{"en": "English", "sq": "Albanian", "sr": "Serbian, Latin script"}
	xs := make([]string, len(models.Languages))
	for i, l := range models.Languages {
		xs[i] = l
		if n := names[l]; n != "" {
			xs[i] += " (" + n + ")"
		}
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}()

func checkLang(lang string) error {
	if lang != "" && !slices.Contains(models.Languages, lang) {
		return badInput("--lang %q: expected %s", lang, langHelp)
	}
	return nil
}

// write renders into memory first, so that a failed rendering leaves
// nothing half-written, then writes to standard output or to the file.
func (o *output) write(stdout io.Writer, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if o.file == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return writeFile(o.file, buf.Bytes(), o.force)
}

// load opens a scenario by file path or shipped name (which validates it),
// and costs it.
func load(arg string) (*costing.Result, error) {
	sc, err := scenarios.Open(arg)
	if err != nil {
		return nil, asInput(err)
	}
	r := costing.Build(sc)
	if err := r.Check(); err != nil {
		return nil, err
	}
	return r, nil
}

// asInput marks scenario errors as bad input (problems already are).
func asInput(err error) error {
	if ps := (models.Problems{}); errors.As(err, &ps) {
		return err
	}
	return inputError{err}
}

func newRunCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "run [SCENARIO]",
		Short: "Cost a scenario: unit costs, staffing and the year's budget",
		Long: `Run costs a scenario and prints, for each municipality, the cost of a
full-time post of every role, the unit cost of every service broken into its
blocks, staffing against need under each norm, the cost of care per child by
type of care, the year's budget line by line (memo lines, which another budget
pays, in a column of their own) and the totals by economic category. A
scenario of more than ` + fmt.Sprint(templates.SummaryAbove) + ` municipalities prints its summary by municipality;
--municipality NAME prints one of them in full.

SCENARIO is a scenario file (.toml) or the name of a shipped scenario
(kosto scenarios list); without one, run costs the shipped "` + scenarios.DefaultScenario + `".`,
		Example: `  kosto run
  kosto run gjilan --lang sq
  kosto run mine.toml --format json
  kosto run mine.toml --format csv --output budget.csv --force
  kosto run kosovo-qps-staffing --municipality gjilan`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.check(); err != nil {
				return err
			}
			name := scenarios.DefaultScenario
			if len(a) == 1 {
				name = a[0]
			}
			r, err := load(name)
			if err != nil {
				return err
			}
			if err := checkMunicipality(r, o.municipality); err != nil {
				return err
			}
			opts := o.options(cmd.OutOrStdout())
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.Report(w, r, opts, o.kind) })
		},
	}
	o.flags(c)
	c.Flags().StringVar(&o.municipality, "municipality", "", "print this municipality in full (by its name in the scenario)")
	return c
}

// explainOptions are the explain command's flags.
type explainOptions struct {
	lang  string
	depth int
	list  bool
}

func newExplainCmd() *cobra.Command {
	var o explainOptions
	c := &cobra.Command{
		Use:   "explain SCENARIO FIGURE",
		Short: "Show how a figure was computed, down to its sourced parameters",
		Long: `Explain prints the formula tree of one figure: its value, the formula that
computed it, and the figures it was computed from, down to the scenario's
parameters with their units, sources and the file and line they were
written at.

FIGURE is a figure's name, as in kosto run --format json ("figure" fields),
for example gjilan.foster_care.unit_cost or roles.social_services_officer.cost_per_hour.
A unique ending is enough (foster_care.unit_cost). --list prints every name.`,
		Example: `  kosto explain gjilan gjilan.foster_care.unit_cost
  kosto explain gjilan roles.social_services_officer.cost_per_client_hour --lang sq
  kosto explain gjilan gjilan.total --depth 2
  kosto explain gjilan --list`,
		Args: args(cobra.RangeArgs(1, 2)),
		RunE: o.run,
	}
	c.Flags().StringVar(&o.lang, "lang", "", "language of labels: "+langHelp)
	c.Flags().IntVar(&o.depth, "depth", 0, "levels of the tree to expand (0 for all)")
	c.Flags().BoolVar(&o.list, "list", false, "list every figure of the scenario with its value")
	return c
}

// run checks explain's flags, costs the scenario a[0], and prints the tree
// of the figure a[1] or, with --list, every figure.
func (o *explainOptions) run(cmd *cobra.Command, a []string) error {
	if err := checkLang(o.lang); err != nil {
		return err
	}
	if o.depth < 0 {
		return badInput("--depth %d: expected 0 (everything) or more", o.depth)
	}
	if !o.list && len(a) < 2 {
		return badInput("explain needs a FIGURE, or --list to see every figure\nRun 'kosto explain --help' for usage.")
	}
	r, err := load(a[0])
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if o.list {
		listFigures(&buf, r)
	} else {
		id, err := r.Find(a[1])
		if err != nil {
			return inputError{err}
		}
		if err := templates.Explain(&buf, r, r.Explain(id, o.depth), templates.Options{Lang: o.lang}); err != nil {
			return err
		}
	}
	_, err = cmd.OutOrStdout().Write(buf.Bytes())
	return err
}

// listFigures writes every figure of r, for explain --list: its name, its
// value (money to the scenario's decimals; n/a when it has none) and its
// unit, in columns.
func listFigures(w io.Writer, r *costing.Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, n := range r.Graph.Nodes {
		d, ok := r.Value(costing.NodeID(i))
		v := "n/a"
		if ok {
			v = d.String()
			if n.Money {
				v = d.StringFixed(r.Graph.Decimals)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", n.Name, v, n.Unit)
	}
	tw.Flush()
}

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check scenario files and report every problem",
		Long: `Validate reads each scenario file (and the files it extends) and reports
every problem in one run: unknown keys (with the closest known key), amounts
written as floats, negative amounts, shares outside 0–1, references to
undefined parameters or roles, missing required keys, extends cycles. Each
problem names the file, the line, the key, the offending value and what was
expected.

When every file is valid, validate says so on standard output and prints any
warnings (a parameter without a source, a parameter nothing uses) on standard
error. When any file has a problem, everything goes to standard error and the
exit status is 2.`,
		Example: `  kosto validate mine.toml
  kosto validate status-quo.toml reform.toml
  kosto validate gjilan`,
		Args: args(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			var ok []string
			var report strings.Builder
			failed := 0
			for _, f := range a {
				sc, err := scenarios.Open(f)
				if err == nil {
					err = costing.Build(sc).Check() // what only the figures show
				}
				if err != nil {
					failed++
					fmt.Fprintln(&report, strings.TrimRight(err.Error(), "\n"))
					continue
				}
				ok = append(ok, fmt.Sprintf("%s: valid (%d parameters, %d roles, %d services, %d municipalities)",
					f, len(sc.Parameters), len(sc.Roles), len(sc.Services), len(sc.Municipalities)))
				for _, w := range sc.Warnings() {
					fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+w.Error())
				}
			}
			if failed > 0 {
				for _, l := range ok {
					fmt.Fprintln(cmd.ErrOrStderr(), l)
				}
				return inputError{fmt.Errorf("%skosto: %d of %d files have problems", report.String(), failed, len(a))}
			}
			fmt.Fprintln(cmd.OutOrStdout(), strings.Join(ok, "\n"))
			return nil
		},
	}
}

func newScenariosCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "scenarios",
		Short: "List and print the scenarios shipped with kosto",
		Example: `  kosto scenarios list
  kosto scenarios show gjilan > mine.toml`,
		Args: args(cobra.NoArgs),
	}
	c.AddCommand(&cobra.Command{
		Use:     "list",
		Short:   "List the shipped scenarios",
		Example: "  kosto scenarios list",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var buf bytes.Buffer
			tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
			for _, name := range scenarios.Shipped() {
				sc, err := scenarios.LoadShipped(name)
				if err != nil {
					return err // a shipped scenario that does not load is kosto's bug
				}
				def := ""
				if name == scenarios.DefaultScenario {
					def = " (default)"
				}
				fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\n", name, def, sc.Meta.Country.S, sc.Meta.Currency.S, sc.Meta.Title.S)
			}
			tw.Flush()
			_, err := cmd.OutOrStdout().Write(buf.Bytes())
			return err
		},
	}, &cobra.Command{
		Use:   "show NAME",
		Short: "Print a shipped scenario's TOML, to copy and edit",
		Example: `  kosto scenarios show gjilan
  kosto scenarios show gjilan > mine.toml`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			src, err := scenarios.ShippedSource(a[0])
			if err != nil {
				return inputError{err}
			}
			_, err = cmd.OutOrStdout().Write(src)
			return err
		},
	})
	return c
}
