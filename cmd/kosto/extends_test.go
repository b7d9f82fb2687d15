package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/scenarios"
)

// A shipped variant saved with kosto scenarios show runs in an empty folder,
// and says which base it used: in the report's warnings and on validate's
// standard error.
func TestShownVariantRoundTrip(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := kosto(t, dir, "scenarios", "show", "gjilan-qps-norm")
	if code != 0 {
		t.Fatalf("kosto scenarios show gjilan-qps-norm: exit %d\nstderr: %s", code, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "norm.toml"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	const notice = `norm.toml:10: extends = "gjilan.toml": not found beside norm.toml; using the shipped scenario gjilan (kosto:gjilan.toml)`
	sc, err := scenarios.LoadShipped("gjilan-qps-norm")
	if err != nil {
		t.Fatal(err)
	}
	valid := fmt.Sprintf("norm.toml: valid (%d parameters, %d roles, %d services, %d municipalities)\n",
		len(sc.Parameters), len(sc.Roles), len(sc.Services), len(sc.Municipalities))
	for _, c := range []struct {
		name       string
		args       []string
		stdoutLine string // a line the standard output must hold
		stdout     string // or all of it
		stderr     string
	}{
		{name: "run", args: []string{"run", "norm.toml"}, stdoutLine: "  " + notice},
		{name: "validate", args: []string{"validate", "norm.toml"}, stdout: valid, stderr: "warning: " + notice + "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := kosto(t, dir, c.args...)
			if code != 0 {
				t.Fatalf("exit %d\nstderr: %s", code, errs)
			}
			if c.stdoutLine != "" && !strings.Contains("\n"+out, "\n"+c.stdoutLine+"\n") {
				t.Errorf("standard output has no line\n%s\nin\n%s", c.stdoutLine, out)
			}
			if c.stdout != "" && out != c.stdout {
				t.Errorf("standard output:\n%s\nwant:\n%s", out, c.stdout)
			}
			if errs != c.stderr {
				t.Errorf("standard error:\n%s\nwant:\n%s", errs, c.stderr)
			}
		})
	}
	t.Run("run as JSON", func(t *testing.T) {
		code, out, errs := kosto(t, dir, "run", "norm.toml", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d\nstderr: %s", code, errs)
		}
		var doc struct{ Warnings []string }
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Warnings) != 1 || doc.Warnings[0] != notice {
			t.Errorf("warnings = %q, want [%q]", doc.Warnings, notice)
		}
	})
	// With the base saved beside it, the base beside it is used, silently.
	code, out, errs = kosto(t, dir, "scenarios", "show", "gjilan")
	if code != 0 {
		t.Fatalf("kosto scenarios show gjilan: exit %d\nstderr: %s", code, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "gjilan.toml"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = kosto(t, dir, "validate", "norm.toml")
	if code != 0 || out != valid || errs != "" {
		t.Errorf("validate with gjilan.toml beside: exit %d\nstdout: %s\nstderr: %s\nwant exit 0, stdout %s and no warning", code, out, errs, valid)
	}
}

// A folder named where a scenario file is expected is bad input: exit 2,
// nothing on standard output, and a message naming the files it holds.
func TestFolderGiven(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"somedir/a.toml", "somedir/b.toml", "empty/notes.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const folder = "somedir: is a folder, not a scenario file; name a .toml file in it (a.toml, b.toml)\n"
	for _, c := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"run", []string{"run", "somedir"}, folder + "kosto: 1 problem; nothing was computed\n"},
		{"run with a slash", []string{"run", "somedir/"}, folder + "kosto: 1 problem; nothing was computed\n"},
		{"validate", []string{"validate", "somedir"}, folder + "kosto: 1 of 1 files have problems\n"},
		{"a folder without scenarios", []string{"run", "empty"}, "empty: is a folder, not a scenario file; it holds no .toml file\nkosto: 1 problem; nothing was computed\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := kosto(t, dir, c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if out != "" {
				t.Errorf("standard output: %q, want nothing", out)
			}
			if errs != c.stderr {
				t.Errorf("standard error:\n%s\nwant:\n%s", errs, c.stderr)
			}
		})
	}
}
