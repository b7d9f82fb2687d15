package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"

	"github.com/kosto-project/kosto/models"
	"github.com/spf13/cobra"
)

// Exit statuses, documented in the root help.
const (
	exitOK       = 0 // the command did what was asked
	exitInternal = 1 // kosto itself failed (a bug, or an output that could not be written)
	exitInput    = 2 // bad input: a scenario with problems, an unknown figure, a wrong flag

	exitInterrupted = 130 // stopped by Ctrl-C (SIGINT): 128 + 2, as shells report it
	exitTerminated  = 143 // stopped by SIGTERM: 128 + 15
)

// inputError marks an error caused by what the user gave kosto.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

func badInput(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

// exitCode maps an error to the exit status: the one place that does.
func exitCode(err error) int {
	var ie inputError
	var ps models.Problems
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ie), errors.As(err, &ps):
		return exitInput
	}
	return exitInternal
}

// run executes kosto with args, writing to stdout and stderr, and returns the
// exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return execute(newRoot(stdout, stderr), args, stderr)
}

// issues is where a bug in kosto is reported.
const issues = "https://github.com/kosto-project/kosto/issues"

// execute runs root with args and returns the exit status: the error's
// (exitCode), printed on stderr, or exitInternal after a panic, which it
// catches — the one place that does — and reports on one line, naming the
// command and asking for a report; with --debug the Go stack follows. Any
// output file being written when the panic happened is removed on the way
// (writeFile). Tests call it with a root of their own.
func execute(root *cobra.Command, args []string, stderr io.Writer) (code int) {
	root.SetArgs(args)
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		debugging, _ := root.PersistentFlags().GetBool("debug")
		msg := fmt.Sprintf("kosto: internal error in \"%s\": %s. This is a bug in kosto, not in your input; please report it at %s with the command",
			commandLine(args), strings.TrimRight(oneLine(fmt.Sprint(p)), "."), issues)
		if debugging {
			fmt.Fprintf(stderr, "%s, the scenario and the Go stack below.\n%s", msg, debug.Stack())
		} else {
			fmt.Fprintf(stderr, "%s and the scenario (run again with --debug to include where it happened).\n", msg)
		}
		code = exitInternal
	}()
	err := root.Execute()
	if err != nil {
		msg := err.Error()
		if ps := (models.Problems{}); errors.As(err, &ps) {
			n := len(ps)
			plural := "s"
			if n == 1 {
				plural = ""
			}
			msg = fmt.Sprintf("%s\nkosto: %d problem%s; nothing was computed", msg, n, plural)
		}
		fmt.Fprintln(stderr, strings.TrimRight(msg, "\n"))
	}
	return exitCode(err)
}

// commandLine is the command as the user typed it, on one line, for a
// message: kosto and its arguments, an argument with spaces or quotes in
// single quotes, and a newline or other control character in it written as
// Go writes it (\n).
func commandLine(args []string) string {
	words := []string{"kosto"}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " '\"") || strings.IndexFunc(a, unicode.IsControl) >= 0 {
			q := strconv.Quote(a)
			a = "'" + strings.ReplaceAll(strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`), "'", `'\''`) + "'"
		}
		words = append(words, a)
	}
	return strings.Join(words, " ")
}

// oneLine joins the non-blank lines of s with "; ", so that a message stays
// one line.
func oneLine(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "; ")
}

const rootLong = `kosto costs social services and projects municipal budgets.

From a TOML scenario it builds unit costs bottom-up (staff salary, on-costs,
working time, overheads, running costs, capital, allowances and benefits) for
foster, kinship and specialised foster care, residential care, small group
homes, day centres, community centres, shelters, home care, Centres for Social
Work, cash benefits and transition programmes out of residential care. It
derives staffing from caseload, population, ratio, shift and time norms, and
totals the year's budget by service and by economic category. Every figure
can say where it came from: kosto explain walks it back to the scenario's
sourced parameters.

Beyond the year: kosto project carries the budget over the scenario's horizon,
year by year; compare sets a reform against the status quo (difference,
cumulative, net present value, break-even year); compare-care sets the cost
per child-year of every type of care side by side; curve shows a residential
service's cost per child as children leave; funnel costs foster-carer
recruitment; export writes the costed scenario as an Excel workbook with live
formulas (project, compare and grant do too, with --format xlsx); and grant
divides a grant among municipalities by a formula.

How sure: values may carry ranges; kosto uncertainty draws them thousands of
times and gives the spread of every year's budget and how likely a reform is
to cost less and by when; tornado ranks the assumptions by how much they
matter; switch finds the value of one at which the case for a reform fails.

Exit status:
  0    success
  1    kosto itself failed (a bug, or an output file that could not be written)
  2    bad input: a scenario with problems, an unknown figure or scenario,
       a wrong flag or argument, an --output that cannot be a file;
       nothing is written to standard output or to the --output file
  130  stopped by Ctrl-C (SIGINT); no output file is left half-written
  143  stopped by SIGTERM; no output file is left half-written`

const rootExample = `  kosto run                          # cost the shipped Gjilan scenario
  kosto run --lang sq                # the same, in Albanian
  kosto run --lang sr                # the same, in Serbian (Latin script)
  kosto scenarios show gjilan > mine.toml
  kosto validate mine.toml
  kosto run mine.toml --format markdown --output budget.md
  kosto explain gjilan gjilan.foster_care.unit_cost`

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "kosto",
		Short:         "Cost social services and project municipal budgets",
		Long:          rootLong,
		Example:       rootExample,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().Bool("debug", false, "after an internal error, print where in kosto it happened (the Go stack), for a bug report")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return badInput("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(newRunCmd(), newExplainCmd(), newValidateCmd(), newProjectCmd(), newCompareCmd(), newCompareCareCmd(), newCurveCmd(), newFunnelCmd(), newExportCmd(), newImportCmd(), newDiffCmd(), newScenariosCmd(), newGrantCmd(), newFormulasCmd(), newUncertaintyCmd(), newTornadoCmd(), newSwitchCmd(), newServeCmd(), newVersionCmd())
	return root
}

// args wraps a cobra argument check so that its error is an input error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return badInput("%v\nRun '%s --help' for usage.", err, cmd.CommandPath())
		}
		return nil
	}
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print kosto's version",
		Example: "  kosto version",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "kosto %s (scenario format %d)\n", version(), models.FormatVersion)
			return nil
		},
	}
}

// version is set at build time with -ldflags "-X main.buildVersion=…", else
// read from the module's build information.
var buildVersion = ""

func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel+" + s.Value[:12]
			}
		}
	}
	return "devel"
}
