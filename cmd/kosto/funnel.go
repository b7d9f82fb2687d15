package main

import (
	"fmt"
	"io"

	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

func newFunnelCmd() *cobra.Command {
	var o output
	c := &cobra.Command{
		Use:   "funnel SCENARIO",
		Short: "Cost foster-carer recruitment: people to reach and cost per approved family",
		Long: `Funnel costs each foster-carer recruitment funnel of the scenario
([recruitment.NAME] with its [[recruitment.NAME.stages]]): from the target
number of new carer families and each stage's conversion rate, working back
from the last stage to the first, it derives how many people every stage must
take — whole people, rounded up at each stage — then each stage's cost
(people × cost per person + fixed cost), the total and the cost per approved
family.

When a stage must take more people than it can (its available), the funnel
cannot meet its target: funnel says which stage and by how much on standard
error, writes nothing and exits with status 2.`,
		Example: `  kosto funnel albania-di-vlore
  kosto funnel mine.toml --lang sq
  kosto funnel mine.toml --format csv --output funnel.csv --force`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.check(); err != nil {
				return err
			}
			r, err := load(a[0])
			if err != nil {
				return err
			}
			if ps := r.FunnelProblems(); len(ps) > 0 {
				return inputError{fmt.Errorf("%s\nkosto: the target cannot be met; nothing was written", ps.Error())}
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				if err := templates.Funnel(w, r, o.options(cmd.OutOrStdout()), o.kind); err != nil {
					return inputError{err}
				}
				return nil
			})
		},
	}
	o.flags(c)
	return c
}
