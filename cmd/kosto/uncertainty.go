package main

import (
	"errors"
	"io"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/costing/uncertainty"
	"github.com/kosto-project/kosto/models"
	"github.com/kosto-project/kosto/scenarios"
	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

// studyFlags are the flags of the commands that read ranges.
type studyFlags struct {
	ranges  string
	draws   int
	seed    uint64
	method  string
	workers int
}

func (f *studyFlags) flags(c *cobra.Command, draws bool) {
	c.Flags().StringVar(&f.ranges, "ranges", "", "read ranges and [uncertainty] from this TOML file too, laid over the scenario's own")
	if !draws {
		return
	}
	c.Flags().IntVar(&f.draws, "draws", 0, "number of draws (default: [uncertainty] draws, else 1000)")
	c.Flags().Uint64Var(&f.seed, "seed", 0, "seed of the draws (default: [uncertainty] seed, else 1); the same seed gives the same figures")
	c.Flags().StringVar(&f.method, "method", "", `sampling: "lhs" (Latin hypercube) or "random" (default: [uncertainty] method, else lhs)`)
	c.Flags().IntVar(&f.workers, "workers", 0, "goroutines evaluating the draws (default: one per core); the figures do not depend on it")
	c.Flags().MarkHidden("workers")
}

// study loads the scenarios a, and the ranges file, into a study.
func (f *studyFlags) study(a []string) (*uncertainty.Study, error) {
	var rs []*costing.Result
	for _, arg := range a {
		r, err := load(arg)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	var rf *models.RangeFile
	if f.ranges != "" {
		var err error
		if rf, err = scenarios.LoadRanges(f.ranges); err != nil {
			return nil, asInput(err)
		}
	}
	var variant *costing.Result
	if len(rs) == 2 {
		variant = rs[1]
	}
	st, err := uncertainty.New(rs[0], variant, rf)
	if err != nil {
		return nil, asInput(err)
	}
	return st, nil
}

// options are the study's options with the flags that were given.
func (f *studyFlags) options(c *cobra.Command, st *uncertainty.Study) (uncertainty.Options, error) {
	o := st.Options()
	if c.Flags().Changed("draws") {
		if f.draws < 1 || f.draws > models.MaxDraws {
			return o, badInput("--draws %d: expected from 1 to %d", f.draws, models.MaxDraws)
		}
		o.Draws = f.draws
	}
	if c.Flags().Changed("seed") {
		o.Seed = f.seed
	}
	if c.Flags().Changed("method") {
		if f.method != models.MethodLHS && f.method != models.MethodRandom {
			return o, badInput("--method %q: expected %q or %q", f.method, models.MethodLHS, models.MethodRandom)
		}
		o.Method = f.method
	}
	o.Workers = f.workers
	return o, nil
}

func newUncertaintyCmd() *cobra.Command {
	var o output
	var f studyFlags
	c := &cobra.Command{
		Use:   "uncertainty SCENARIO [VARIANT]",
		Short: "How sure are we? Draw the ranged inputs and give the spread of every year's budget",
		Long: `Uncertainty draws every input that carries a range (range = { low, high,
mode, dist } on a parameter or a value, or in a --ranges file) many times and
projects the scenario for each draw. It prints the P5, P50 (median), P95 and
mean of each year's budget — in total, by economic category and by service —
beside the scenario's own figure. For a base and a variant it also gives the
share of draws in which the variant costs less each year and over the horizon,
the spread of the NPV, and the share of draws broken even by each year (and
never). It lists the assumptions that carry no range: they are held at their
values, so a narrow band is not certainty.

The same seed gives the same figures on any machine and any number of cores.`,
		Example: `  kosto uncertainty albania-di-vlore albania-di-vlore-reform
  kosto uncertainty gjilan --draws 10000 --seed 7
  kosto uncertainty mine.toml --ranges my-ranges.toml --format json
  kosto uncertainty albania-di-vlore albania-di-vlore-reform --format xlsx -o vlore-uncertainty.xlsx`,
		Args: args(cobra.RangeArgs(1, 2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.checkWorkbook(); err != nil {
				return err
			}
			st, err := f.study(a)
			if err != nil {
				return err
			}
			opts, err := f.options(cmd, st)
			if err != nil {
				return err
			}
			out, err := st.Run(opts)
			if err != nil {
				return inputError{err}
			}
			sm, err := out.Summarise()
			if err != nil {
				return inputError{err}
			}
			if o.kind == templates.FormatXLSX {
				tor, err := st.Tornado("", 0)
				if err != nil {
					return inputError{err}
				}
				return o.write(cmd.OutOrStdout(), func(w io.Writer) error { return templates.UncertaintyWorkbook(w, sm, tor, o.workbookOptions()) })
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				return templates.Uncertainty(w, sm, o.options(cmd.OutOrStdout()), o.kind)
			})
		},
	}
	o.flags(c)
	f.flags(c, true)
	return c
}

func newTornadoCmd() *cobra.Command {
	var o output
	var f studyFlags
	var figure string
	var year int
	c := &cobra.Command{
		Use:   "tornado SCENARIO [VARIANT]",
		Short: "Which assumptions matter most: each ranged input swung from low to high",
		Long: `Tornado swings each input that carries a range from its low to its high,
every other input at its value, and sorts the inputs by how much a figure
moves: by default the total of the horizon's last year, or, for a base and a
variant, the NPV of the differences. The figures are kosto's exact decimals.`,
		Example: `  kosto tornado albania-di-vlore albania-di-vlore-reform
  kosto tornado gjilan --figure service.foster_care --year 2026`,
		Args: args(cobra.RangeArgs(1, 2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.check(); err != nil {
				return err
			}
			st, err := f.study(a)
			if err != nil {
				return err
			}
			tor, err := st.Tornado(figure, year)
			if err != nil {
				return inputError{err}
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				return templates.Tornado(w, st, tor, o.options(cmd.OutOrStdout()), o.kind)
			})
		},
	}
	o.flags(c)
	f.flags(c, false)
	c.Flags().StringVar(&figure, "figure", "", `the figure: a figure's name (kosto explain --list) for one scenario, "npv" or "difference" for a comparison`)
	c.Flags().IntVar(&year, "year", 0, "the year of the figure (default: the horizon's last)")
	return c
}

func newSwitchCmd() *cobra.Command {
	var o output
	var f studyFlags
	var input string
	var by int
	c := &cobra.Command{
		Use:   "switch BASE VARIANT --input NAME",
		Short: "The value of one input at which the case for the variant fails",
		Long: `Switch finds, by bisection with kosto's exact decimals, the value of one
input (a parameter's name, or a value's key path) at which the comparison's
decision flips: the variant's NPV crosses zero, or, with --by YEAR, it no
longer breaks even by that year. It shows it against the input's value and
its range.`,
		Example: `  kosto switch albania-di-vlore albania-di-vlore-reform --input foster_allowance
  kosto switch albania-di-vlore albania-di-vlore-reform --input foster_allowance --by 2030`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.check(); err != nil {
				return err
			}
			if input == "" {
				return badInput("switch needs --input NAME: the input whose switching value to find\nRun 'kosto switch --help' for usage.")
			}
			st, err := f.study(a)
			if err != nil {
				return err
			}
			sw, err := st.Switch(input, by)
			if err != nil {
				var ps models.Problems
				if errors.As(err, &ps) {
					return err
				}
				return inputError{err}
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				return templates.Switch(w, st, sw, o.options(cmd.OutOrStdout()), o.kind)
			})
		},
	}
	o.flags(c)
	f.flags(c, false)
	c.Flags().StringVar(&input, "input", "", "the input: a parameter's name, or a value's key path")
	c.Flags().IntVar(&by, "by", 0, "the break-even year the decision asks for (default: the NPV below zero)")
	return c
}
