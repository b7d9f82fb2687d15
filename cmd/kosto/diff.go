package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/templates"
	"github.com/spf13/cobra"
)

func newDiffCmd() *cobra.Command {
	var o output
	var top int
	c := &cobra.Command{
		Use:   "diff A B",
		Short: "Show what differs between two scenarios, and what it does to the figures",
		Long: `Diff answers "what did you change, and what does it do?": the inputs that
differ between scenarios A and B — matched by their figure names — with the
value and the source of each in both, then the totals that change (the
total, each municipality's, each service's and each category's) and the
other money figures that change most, by how much (B − A), largest first.

A and B are each a scenario file (.toml), the name of a shipped scenario, or
a workbook kosto exported (.xlsx), which is read as kosto import reads it.`,
		Example: `  kosto diff gjilan council.toml
  kosto diff gjilan council.xlsx --format markdown
  kosto diff albania-di-vlore albania-di-vlore-reform --top 30 --format json`,
		Args: args(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if err := o.checkFormats(templates.FormatTable, templates.FormatMarkdown, templates.FormatJSON); err != nil {
				return err
			}
			if top < 1 {
				return badInput("--top %d: expected 1 or more", top)
			}
			var rs [2]*costing.Result
			for i, arg := range a {
				r, err := loadDiffed(arg, o.force)
				if err != nil {
					return err
				}
				rs[i] = r
			}
			if rs[0].Scenario.Currency != rs[1].Scenario.Currency {
				return badInput("%s is costed in %s and %s in %s: diff compares scenarios of one currency", a[0], rs[0].Scenario.Currency, a[1], rs[1].Scenario.Currency)
			}
			opts := o.options(cmd.OutOrStdout())
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				d, err := templates.DiffReport(rs[0], rs[1], top, opts)
				if err != nil {
					return err
				}
				return templates.Render(w, d, opts, o.kind)
			})
		},
	}
	c.Flags().StringVarP(&o.format, "format", "f", "table", "output format: table, markdown or json")
	c.Flags().StringVar(&o.lang, "lang", "", "language of labels: "+langHelp+" (default: the scenario's language)")
	c.Flags().StringVarP(&o.file, "output", "o", "", "write to this file instead of standard output (written whole, or not at all)")
	c.Flags().BoolVar(&o.force, "force", false, "overwrite the --output file if it exists; read a workbook whose scenario has changed since export")
	c.Flags().BoolVar(&o.wide, "wide", false, "print tables as wide as they are")
	c.Flags().IntVar(&top, "top", templates.DiffTop, "how many of the other figures that change most to show")
	return c
}

// loadDiffed costs a scenario diff is given: a workbook, imported in memory
// as a variant of its scenario, or a scenario as load opens it.
func loadDiffed(arg string, force bool) (*costing.Result, error) {
	if !strings.HasSuffix(strings.ToLower(arg), ".xlsx") {
		return load(arg)
	}
	im, err := importBook(arg, "", force, time.Now().Format("2006-01-02"))
	if err != nil {
		return nil, err
	}
	r := costing.Build(im.loaded)
	if err := r.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	return r, nil
}
