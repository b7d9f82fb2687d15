package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/scenarios"

	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

func newExportCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "export SCENARIO --output FILE.xlsx",
		Short: "Write the costed scenario as an Excel workbook with live formulas",
		Long: `Export writes the scenario as a workbook a council can change: every input on
the Inputs sheet (shaded cells, with their units and sources), every figure
on the Calculations sheet as a live formula over the inputs — the same
formulas kosto computes, rounding where kosto rounds, so the workbook gives
kosto's figures to the cent — the tables of kosto run on the Results sheet,
and each result's sources on the Trace sheet. Change the foster allowance and
every unit cost and total moves.

The file is written whole or not at all, and an existing file is kept unless
--force is given.`,
		Example: `  kosto export gjilan --output gjilan.xlsx
  kosto export albania-di-vlore -o vlore.xlsx --lang sq --force`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if o.file == "" {
				return badInput("export needs --output FILE.xlsx: a workbook is not written to the terminal")
			}
			o.format = "xlsx" // the checks of project, compare and grant --format xlsx
			if err := o.checkWorkbook(); err != nil {
				return err
			}
			r, err := load(a[0])
			if err != nil {
				return err
			}
			wo, err := recordOptions(o.workbookOptions(), a[0], r)
			if err != nil {
				return err
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.Workbook(w, r, wo) })
		},
	}
	c.Flags().StringVar(&o.lang, "lang", "", "language of labels: en or sq (default: the scenario's language)")
	c.Flags().StringVarP(&o.file, "output", "o", "", "the workbook to write (.xlsx)")
	c.Flags().BoolVar(&o.force, "force", false, "overwrite the --output file if it exists")
	return c
}

// recordOptions adds to a workbook's options what its record sheet says of
// the scenario: arg, as the user named it; for a file, its absolute path;
// and the fingerprint of its files, for kosto import.
func recordOptions(wo templates.WorkbookOptions, arg string, r *costing.Result) (templates.WorkbookOptions, error) {
	wo.Source = arg
	files := r.Scenario.Files
	if top := files[len(files)-1]; !strings.HasPrefix(top, "kosto:") {
		abs, err := filepath.Abs(top)
		if err != nil {
			return wo, err
		}
		wo.SourcePath = abs
	}
	fp, err := scenarios.Fingerprint(files)
	if err != nil {
		return wo, fmt.Errorf("fingerprint of %s: %w", arg, err)
	}
	wo.Fingerprint = fp
	return wo, nil
}
