package main

import (
	"io"

	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

func newCompareCareCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "compare-care SCENARIO",
		Short: "Compare the cost per child-year of every type of care, block by block",
		Long: `Compare-care prints, for each municipality, the full cost per child-year of
every type of care in the scenario side by side — foster, kinship and
specialised foster care, residential care, small group homes, day centres
(per place-year) and community centres (per family-year) — built from the
same blocks: allowance, staff, overheads, capital and running costs, with
each one's ratio to family-based care (foster care, or the first family care
the scenario has). Memo lines count: this is what a child's care costs,
whoever pays each part.`,
		Example: `  kosto compare-care albania-di-vlore
  kosto compare-care gjilan --lang sq
  kosto compare-care mine.toml --format csv --output comparison.csv`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.check(); err != nil {
				return err
			}
			r, err := load(a[0])
			if err != nil {
				return err
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				if err := templates.Compare(w, r, o.options(cmd.OutOrStdout()), o.kind); err != nil {
					return inputError{err}
				}
				return nil
			})
		},
	}
	o.flags(c)
	return c
}

func newCurveCmd() *cobra.Command {
	var o output
	var municipality string
	c := &cobra.Command{
		Use:   "curve SCENARIO SERVICE",
		Short: "Show a residential service's cost per child as children leave",
		Long: `Curve re-costs a residential_care or small_group_home service at every
occupancy from full to empty and prints the open units, the annual cost, the
cost per child-year and what each child's leaving saved. An institution's
fixed costs — building, round-the-clock shifts, management — stay until a unit
closes, so the cost per remaining child rises as children leave and the
savings come in steps: the curve shows where.

SERVICE is the service's name in the scenario; --municipality names the
municipality when the scenario has more than one.`,
		Example: `  kosto curve albania-di-vlore institution
  kosto curve mine.toml home --municipality vlore --format csv`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.check(); err != nil {
				return err
			}
			r, err := load(a[0])
			if err != nil {
				return err
			}
			if municipality == "" {
				if len(r.Municipalities) != 1 {
					return badInput("scenario %s has %d municipalities; say which with --municipality", r.Scenario.Name, len(r.Municipalities))
				}
				municipality = r.Municipalities[0].Name
			}
			points, err := r.Curve(municipality, a[1])
			if err != nil {
				return inputError{err}
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				return templates.Curve(w, r, municipality, a[1], points, o.options(cmd.OutOrStdout()), o.kind)
			})
		},
	}
	o.flags(c)
	c.Flags().StringVarP(&municipality, "municipality", "m", "", "the municipality whose service to re-cost")
	return c
}
