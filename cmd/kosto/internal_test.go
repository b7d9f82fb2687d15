package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// panicRoot is kosto's root with test-only commands that fail as a bug in
// kosto would:
//
//	boom VALUE              panics with VALUE
//	index                   indexes past the end of a slice
//	half-report --output F  renders half a report for F, then panics
func panicRoot(stdout, stderr io.Writer) *cobra.Command {
	root := newRoot(stdout, stderr)
	var o output
	half := &cobra.Command{
		Use: "half-report",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := o.check(); err != nil {
				return err
			}
			return o.write(cmd.OutOrStdout(), func(w io.Writer) error {
				io.WriteString(w, "municipality,service,\n")
				panic("the renderer lost its place")
			})
		},
	}
	o.flags(half)
	root.AddCommand(&cobra.Command{
		Use:  "boom VALUE",
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, a []string) error { panic(a[0]) },
	}, &cobra.Command{
		Use: "index",
		RunE: func(_ *cobra.Command, a []string) error {
			years := []int{2024, 2025, 2026}
			_ = years[len(a)+3]
			return nil
		},
	}, half)
	return root
}

// apology is the line execute prints after a panic, without --debug.
func apology(command, value string) string {
	return `kosto: internal error in "` + command + `": ` + value + `. This is a bug in kosto, not in your input; please report it at https://github.com/kosto-project/kosto/issues with the command and the scenario (run again with --debug to include where it happened).` + "\n"
}

// A panic is caught at the top: exit status 1, one line that names the
// command and asks for a report, no Go stack (unless --debug), and no output
// file or temporary file left behind, whether the panic came while
// rendering or with the temporary file written and not yet renamed.
func TestInternalError(t *testing.T) {
	for _, c := range []struct {
		name     string
		args     []string // "DIR" is the test's folder
		tempHook bool     // panic with the temporary file written
		stderr   string
	}{
		{"a panic in a command", []string{"boom", "kaboom"},
			false, apology("kosto boom kaboom", "kaboom")},
		{"a runtime error", []string{"index"},
			false, apology("kosto index", "runtime error: index out of range [3] with length 3")},
		{"arguments with spaces, a value of several lines ending in a full stop", []string{"boom", "first line\nsecond line."},
			false, apology(`kosto boom 'first line\nsecond line.'`, "first line; second line")},
		{"a panic while rendering into --output", []string{"half-report", "--format", "csv", "--output", "DIR/budget.csv"},
			false, apology("kosto half-report --format csv --output DIR/budget.csv", "the renderer lost its place")},
		{"a panic with the temporary file in flight", []string{"run", "--format", "csv", "--output", "DIR/budget.csv"},
			true, apology("kosto run --format csv --output DIR/budget.csv", "the disk caught fire")},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = strings.ReplaceAll(a, "DIR", dir)
			}
			if c.tempHook {
				testHookTempWritten = func(string) { panic("the disk caught fire") }
				defer func() { testHookTempWritten = nil }()
			}
			var out, errb bytes.Buffer
			code := execute(panicRoot(&out, &errb), args, &errb)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if want := strings.ReplaceAll(c.stderr, "DIR", dir); errb.String() != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", errb.String(), want)
			}
			if out.Len() != 0 {
				t.Errorf("stdout: %q", out.String())
			}
			if left := tree(t, dir); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// With --debug, the apology asks for the Go stack too, and it follows: where
// the panic happened, in this file.
func TestInternalErrorDebug(t *testing.T) {
	var out, errb bytes.Buffer
	code := execute(panicRoot(&out, &errb), []string{"boom", "kaboom", "--debug"}, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	first, stack, _ := strings.Cut(errb.String(), "\n")
	want := `kosto: internal error in "kosto boom kaboom --debug": kaboom. This is a bug in kosto, not in your input; please report it at https://github.com/kosto-project/kosto/issues with the command, the scenario and the Go stack below.`
	if first != want {
		t.Errorf("first line:\n%s\nwant:\n%s", first, want)
	}
	for _, w := range []string{"goroutine ", "panic(", "cmd/kosto/internal_test.go:"} {
		if !strings.Contains(stack, w) {
			t.Errorf("the stack lacks %q:\n%s", w, stack)
		}
	}
}

// --debug changes nothing else: a run succeeds, bad input is still exit 2
// with its own message and no stack.
func TestDebugFlagOtherwise(t *testing.T) {
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"a run", []string{"--debug", "version"}, 0, ""},
		{"bad input", []string{"run", "--debug", "--format", "xls"}, 2, `--format "xls": expected table, json, csv or markdown` + "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := kosto(t, "", c.args...)
			if code != c.code || errs != c.stderr {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errs, c.code, c.stderr)
			}
		})
	}
}
