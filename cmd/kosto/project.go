package main

import (
	"io"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

func newProjectCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "project SCENARIO",
		Short: "Project the budget over the scenario's horizon, by year and category",
		Long: `Project costs the scenario for every year of its [projection] horizon:
pay grows with the wage path, prices with the price path, allowances by their
own rule (frozen until a decision, indexed, or a schedule), volumes by a
demand path or a transition plan. It prints the budget by economic category
and by service for each year, in tables that add up, and — where the scenario
has a [transition] — the children leaving residential care, the units open,
what the closures free and where it is reassigned, and the years both systems
are paid for.`,
		Example: `  kosto project gjilan
  kosto project albania-di-vlore-reform --lang sq
  kosto project mine.toml --format csv --output budget.csv
  kosto project gjilan --format xlsx --output gjilan.xlsx   # a workbook, a column per year`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.checkWorkbook(); err != nil {
				return err
			}
			r, err := load(a[0])
			if err != nil {
				return err
			}
			if o.kind == templates.FormatXLSX {
				return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.Workbook(w, r, o.workbookOptions()) })
			}
			p := r.Project()
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				return templates.Project(w, p, o.options(cmd.OutOrStdout()), o.kind)
			})
		},
	}
	o.flags(c)
	return c
}

func newCompareCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "compare BASE VARIANT",
		Short: "Compare two scenarios year by year: difference, cumulative, NPV, break-even",
		Long: `Compare projects two scenarios over their common horizon — a status quo and
a reform written with extends — and prints, per year, both budgets, the
difference (variant − base), the cumulative difference, the net present value
of the differences at the variant's [projection] discount_rate, and the
break-even year: the first year from which the cumulative difference stays at
or below zero (or "none within the horizon").`,
		Example: `  kosto compare albania-di-vlore albania-di-vlore-reform
  kosto compare status-quo.toml reform.toml --format csv
  kosto compare albania-di-vlore albania-di-vlore-reform --format xlsx -o reform.xlsx   # live formulas`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.checkWorkbook(); err != nil {
				return err
			}
			base, err := load(a[0])
			if err != nil {
				return err
			}
			variant, err := load(a[1])
			if err != nil {
				return err
			}
			vs, err := costing.Compare(base, variant)
			if err != nil {
				return inputError{err}
			}
			if o.kind == templates.FormatXLSX {
				return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.CompareWorkbook(w, vs, o.workbookOptions()) })
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				return templates.Versus(w, vs, o.options(cmd.OutOrStdout()), o.kind)
			})
		},
	}
	o.flags(c)
	return c
}
