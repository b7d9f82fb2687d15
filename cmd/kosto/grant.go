package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/grant"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

// grantOptions are the grant command's flags.
type grantOptions struct {
	output
	data, baseline string
	csvSeparator   string // --csv-separator: ",", ";" or "tab"; "" to find each file's
	list           bool
}

func newGrantCmd() *cobra.Command {
	var o grantOptions
	c := &cobra.Command{
		Use:   "grant FORMULA",
		Short: "Divide a grant among municipalities by a formula",
		Long: `Grant computes a grant formula (scenarios/GRANTS.md): the pot — fixed, a share
of a base, or the costed need of a scenario's municipalities — divided by
weighted criteria from a table of municipal data, then floors, caps,
hold-harmless and rounding, so that the allocations sum to the pot exactly.

It prints every municipality's allocation, share and allocation per capita
(per child when the data has children), the change against a baseline (a
column of the data, the scenario's budget, or --baseline, the CSV of a
previous run), and the gap to costed need when the pot is cost-based or the
data gives need; then the total, the lowest and highest per capita, their
ratio, the Gini coefficient, gainers and losers.

The CSV tables may be as a spreadsheet saves them: values separated by ",",
";" or tabs (found in each file's header line; --csv-separator gives it),
numbers with a decimal point or a decimal comma (1234.56, 1234,56,
1.234,56), with or without a byte-order mark.

FORMULA is a formula file (.toml) or the name of a shipped formula
(kosto grant --list, kosto formulas list).`,
		Example: `  kosto grant kosovo-general-grant-illustrative
  kosto grant kosovo-social-services-grant --format markdown
  kosto grant mine.toml --data updated.csv
  kosto grant mine.toml --data saved-by-excel.csv --csv-separator ";"
  kosto grant mine.toml --format csv --output 2025.csv
  kosto grant mine.toml --baseline 2025.csv            # gainers and losers against that run
  kosto grant kosovo-general-grant-illustrative --format xlsx -o grant.xlsx   # a workbook with live formulas
  kosto formulas show kosovo-general-grant-illustrative > mine.toml`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: o.run,
	}
	o.flags(c)
	c.Flags().StringVar(&o.data, "data", "", "a CSV table of municipal data to use instead of the formula's")
	c.Flags().StringVar(&o.baseline, "baseline", "", "the CSV of a previous run (--format csv): the baseline of changes and hold-harmless")
	c.Flags().StringVar(&o.csvSeparator, "csv-separator", "", `the separator of the CSV tables (the formula's, --data, --baseline): ",", ";" or tab (default: found in each file's header line)`)
	c.Flags().BoolVar(&o.list, "list", false, "list the shipped formulas")
	return c
}

// run lists the shipped formulas (--list), or checks grant's flags,
// computes the formula a[0] and writes its report or workbook.
func (o *grantOptions) run(cmd *cobra.Command, a []string) error {
	if o.list {
		return listFormulas(cmd.OutOrStdout())
	}
	if len(a) == 0 {
		return badInput("grant needs a FORMULA (a file or a shipped formula: %s)\nRun 'kosto grant --help' for usage.", strings.Join(scenarios.Formulas(), ", "))
	}
	if err := o.checkWorkbook(); err != nil {
		return err
	}
	csv, err := csvOptions(o.csvSeparator)
	if err != nil {
		return err
	}
	g, err := computeGrant(a[0], o.data, o.baseline, csv)
	if err != nil {
		return err
	}
	if o.kind == templates.FormatXLSX {
		return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.GrantWorkbook(w, g, o.workbookOptions()) })
	}
	opts := o.options(cmd.OutOrStdout())
	return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.Grant(w, g, opts, o.kind) })
}

// csvOptions reads --csv-separator, sep: "" leaves each file's separator to
// be found in its header line.
func csvOptions(sep string) (scenarios.CSVOptions, error) {
	var csv scenarios.CSVOptions
	if sep == "" {
		return csv, nil
	}
	r, ok := scenarios.ParseSeparator(sep)
	if !ok {
		return csv, badInput("--csv-separator %q: expected \",\", \";\" or tab", sep)
	}
	csv.Separator = r
	return csv, nil
}

// computeGrant reads a formula with its data (and scenario), and computes
// it; csv says how to read the data and the baseline. The formula's
// problems and those against its data come back together.
func computeGrant(arg, data, baseline string, csv scenarios.CSVOptions) (*grant.Result, error) {
	in, err := scenarios.OpenFormula(arg, data, csv)
	return allocate(in, err, baseline, csv)
}

// allocate computes a formula read (in, with err the problems of reading
// it), against baseline when it is not "".
func allocate(in *scenarios.GrantInput, err error, baseline string, csv scenarios.CSVOptions) (*grant.Result, error) {
	if in == nil {
		return nil, asInput(err)
	}
	o := grant.Options{Read: err, BaselineFile: baseline}
	if in.Scenario != nil {
		r := costing.Build(in.Scenario)
		if err := r.Check(); err != nil {
			return nil, err // what only the pot scenario's figures show
		}
		o.Scenario = r
	}
	if err == nil && baseline != "" {
		if o.Baseline, err = scenarios.ReadBaseline(baseline, csv); err != nil {
			return nil, asInput(err)
		}
	}
	return grant.Allocate(in.Formula, in.Data, o)
}

func listFormulas(w io.Writer) error {
	for _, name := range scenarios.Formulas() {
		f, err := scenarios.ShippedFormula(name)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-45s %s\n", name, f.Title.S)
	}
	fmt.Fprintf(w, "\ndata tables shipped: %s\n", strings.Join(scenarios.DataTables(), ", "))
	return nil
}

func newFormulasCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "formulas",
		Short: "List and print the grant formulas and data tables shipped with kosto",
		Example: `  kosto formulas list
  kosto formulas show kosovo-general-grant-illustrative > mine.toml
  kosto formulas show kosovo_municipalities.csv > municipalities.csv`,
		Args: args(cobra.NoArgs),
	}
	c.AddCommand(&cobra.Command{
		Use:     "list",
		Short:   "List the shipped grant formulas and data tables",
		Example: "  kosto formulas list",
		Args:    args(cobra.NoArgs),
		RunE:    func(cmd *cobra.Command, _ []string) error { return listFormulas(cmd.OutOrStdout()) },
	}, &cobra.Command{
		Use:   "show NAME",
		Short: "Print a shipped formula's TOML, or a shipped data table's CSV",
		Long: `Show prints a shipped formula, to copy and change, or a shipped data table
(a name ending in .csv). A formula copied beside no data table of its name
still reads the shipped one.`,
		Example: `  kosto formulas show kosovo-social-services-grant > mine.toml
  kosto formulas show albania_municipalities.csv`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			var src []byte
			var err error
			if strings.HasSuffix(a[0], ".csv") {
				src, err = scenarios.DataSource(a[0])
			} else {
				src, err = scenarios.FormulaSource(a[0])
			}
			if err != nil {
				return inputError{err}
			}
			_, err = cmd.OutOrStdout().Write(src)
			return err
		},
	})
	return c
}
