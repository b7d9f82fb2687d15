package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// tree lists the files and folders under dir, hidden ones included.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	return names
}

// An --output that cannot be a file is refused before anything is computed,
// by every command that writes one, with a message naming what the user
// typed: exit 2, nothing on standard output, nothing written. The folder
// holds a folder out/ and a file notes.txt.
func TestOutputRefused(t *testing.T) {
	const (
		folder  = "--output out: is a folder; name a file in it (e.g. out/report"
		missing = "cannot write reports/2026/budget"
	)
	for _, c := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"run --format csv into a folder", []string{"run", "--format", "csv", "--output", "out"}, folder + ".csv)"},
		{"run --force into a folder", []string{"run", "--format", "csv", "--output", "out", "--force"}, folder + ".csv)"},
		{"run into a folder written out/", []string{"run", "--format", "csv", "--output", "out/"}, "--output out/: is a folder; name a file in it (e.g. out/report.csv)"},
		{"run, a table, into a folder", []string{"run", "--output", "out"}, folder + ".txt)"},
		{"run --format markdown into a folder", []string{"run", "--format", "markdown", "--output", "out"}, folder + ".md)"},
		{"run --format json into a folder", []string{"run", "--format", "json", "--output", "out"}, folder + ".json)"},
		{"compare-care into a folder", []string{"compare-care", "gjilan", "--output", "out"}, folder + ".txt)"},
		{"curve into a folder", []string{"curve", "albania-di-vlore", "institution", "-o", "out"}, folder + ".txt)"},
		{"funnel into a folder", []string{"funnel", "albania-di-vlore", "--format", "csv", "-o", "out"}, folder + ".csv)"},
		{"project into a folder", []string{"project", "gjilan", "--format", "csv", "--output", "out"}, folder + ".csv)"},
		{"grant into a folder", []string{"grant", "kosovo-general-grant-illustrative", "--format", "csv", "--output", "out"}, folder + ".csv)"},
		{"export into a folder", []string{"export", "gjilan", "--output", "out", "--force"}, folder + ".xlsx)"},
		{"project --format xlsx into a folder", []string{"project", "gjilan", "--format", "xlsx", "--output", "out"}, folder + ".xlsx)"},
		{"compare --format xlsx into a folder", []string{"compare", "albania-di-vlore", "albania-di-vlore-reform", "--format", "xlsx", "--output", "out"}, folder + ".xlsx)"},
		{"grant --format xlsx into a folder", []string{"grant", "kosovo-general-grant-illustrative", "--format", "xlsx", "--output", "out"}, folder + ".xlsx)"},

		{"run into a missing folder", []string{"run", "--format", "csv", "--output", "reports/2026/budget.csv"}, missing + ".csv: the folder reports/2026 does not exist"},
		{"compare-care into a missing folder", []string{"compare-care", "gjilan", "--output", "reports/2026/budget.csv"}, missing + ".csv: the folder reports/2026 does not exist"},
		{"export into a missing folder", []string{"export", "gjilan", "--output", "reports/2026/budget.xlsx"}, missing + ".xlsx: the folder reports/2026 does not exist"},
		{"project --format xlsx into a missing folder", []string{"project", "gjilan", "--format", "xlsx", "--output", "reports/2026/budget.xlsx"}, missing + ".xlsx: the folder reports/2026 does not exist"},
		{"compare --format xlsx into a missing folder", []string{"compare", "albania-di-vlore", "albania-di-vlore-reform", "--format", "xlsx", "-o", "reports/2026/budget.xlsx"}, missing + ".xlsx: the folder reports/2026 does not exist"},
		{"grant --format xlsx into a missing folder", []string{"grant", "kosovo-general-grant-illustrative", "--format", "xlsx", "-o", "reports/2026/budget.xlsx"}, missing + ".xlsx: the folder reports/2026 does not exist"},

		{"run into a file taken for a folder", []string{"run", "--output", "notes.txt/budget.txt"}, "cannot write notes.txt/budget.txt: notes.txt is a file, not a folder"},
		{"run below a file taken for a folder", []string{"run", "--output", "notes.txt/2026/budget.txt"}, "cannot write notes.txt/2026/budget.txt: notes.txt is a file, not a folder"},
		{"export below a file taken for a folder", []string{"export", "gjilan", "--output", "notes.txt/2026/budget.xlsx"}, "cannot write notes.txt/2026/budget.xlsx: notes.txt is a file, not a folder"},

		{"an existing file without --force", []string{"run", "--output", "notes.txt"}, "notes.txt exists; use --force to overwrite it"},
		{"an existing workbook without --force", []string{"export", "gjilan", "--output", "old.xlsx"}, "old.xlsx exists; use --force to overwrite it"},
		{"a workbook not named .xlsx", []string{"export", "gjilan", "--output", "notes.txt"}, `--output "notes.txt": expected a file name ending in .xlsx`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.Mkdir(filepath.Join(dir, "out"), 0o755)
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o644)
			os.WriteFile(filepath.Join(dir, "old.xlsx"), []byte("keep me"), 0o644)
			code, out, errs := kosto(t, dir, c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if errs != c.stderr+"\n" {
				t.Errorf("stderr:\n%s\nwant:\n%s", errs, c.stderr)
			}
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
			if got, want := strings.Join(tree(t, dir), " "), "notes.txt old.xlsx out"; got != want {
				t.Errorf("the folder holds %s; want %s, untouched", got, want)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "keep me" {
				t.Errorf("notes.txt changed: %q", b)
			}
		})
	}
}

// A failure to write that is not the user's (here: a folder kosto may not
// write in) is exit 1, names the output file and not the temporary file,
// and leaves nothing.
func TestOutputPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("the superuser may write in any folder; TestWriteError covers the message")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o555)
	defer os.Chmod(locked, 0o755)
	code, out, errs := kosto(t, dir, "run", "--format", "csv", "--output", "locked/budget.csv")
	if want := "cannot write locked/budget.csv: permission denied\n"; code != 1 || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, nothing, %q", code, out, errs, want)
	}
	if got := tree(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// The system's errors about the temporary file are told as errors about the
// output file, and are kosto's (exit status 1).
func TestWriteError(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"disk full while writing", &fs.PathError{Op: "write", Path: "reports/.budget.csv.2731.tmp", Err: syscall.ENOSPC},
			"cannot write reports/budget.csv: no space left on device"},
		{"permission denied creating", &fs.PathError{Op: "open", Path: "reports/.budget.csv.2731.tmp", Err: syscall.EACCES},
			"cannot write reports/budget.csv: permission denied"},
		{"renaming", &os.LinkError{Op: "rename", Old: "reports/.budget.csv.2731.tmp", New: "reports/budget.csv", Err: syscall.EROFS},
			"cannot write reports/budget.csv: read-only file system"},
		{"anything else", errors.New("the network share went away"),
			"cannot write reports/budget.csv: the network share went away"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := writeError("reports/budget.csv", c.err)
			if err.Error() != c.want {
				t.Errorf("%q, want %q", err, c.want)
			}
			if code := exitCode(err); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
		})
	}
}

// A file whose name is near the system's limit of 255 bytes is written: the
// temporary file's name, longer than the file's, is cut to fit. One past the
// limit is the system's refusal, told without the temporary file.
func TestOutputLongName(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("ë", 123) + ".csv" // 250 bytes
	if code, _, errs := kosto(t, dir, "run", "--format", "csv", "--output", long); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := tree(t, dir); len(got) != 1 || got[0] != long {
		t.Errorf("the folder holds %v; want only %s", got, long)
	}
	tooLong := strings.Repeat("x", 252) + ".csv"
	code, _, errs := kosto(t, dir, "run", "--format", "csv", "--output", tooLong)
	if want := "cannot write " + tooLong + ": file name too long\n"; code != 1 || errs != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", code, errs, want)
	}
	if got := tree(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// Stopped by Ctrl-C or SIGTERM with its output's temporary file written and
// not yet renamed, kosto removes it, says so and exits 130 or 143. The test
// runs kosto for real, as a child process (this test binary, told so by
// KOSTO_TEST_SIGNAL_DIR), which stops at the temporary file and waits for
// the signal.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if dir := os.Getenv("KOSTO_TEST_SIGNAL_DIR"); dir != "" {
		testHookTempWritten = func(string) {
			fmt.Println("written")
			io.Copy(io.Discard, os.Stdin) // until the parent closes it
		}
		os.Args = []string{"kosto", "run", "--format", "csv", "--output", filepath.Join(dir, "budget.csv")}
		main()
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT or SIGTERM to send on Windows")
	}
	for _, c := range []struct {
		name   string
		signal os.Signal
		code   int
		stderr string
	}{
		{"Ctrl-C", os.Interrupt, 130, "kosto: interrupted (Ctrl-C); no output file was left half-written\n"},
		{"SIGTERM", syscall.SIGTERM, 143, "kosto: terminated (SIGTERM); no output file was left half-written\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			child := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFile$")
			child.Env = append(os.Environ(), "KOSTO_TEST_SIGNAL_DIR="+dir)
			stdin, err := child.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			stdout, err := child.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			child.Stderr = &stderr
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if line != "written\n" {
				child.Process.Kill()
				child.Wait()
				t.Fatalf("the child said %q (%v), not that it had written its temporary file; stderr:\n%s", line, err, stderr.String())
			}
			if temps, _ := filepath.Glob(filepath.Join(dir, ".budget.csv.*.tmp")); len(temps) != 1 {
				t.Errorf("in flight: %v; want one temporary file", temps)
			}
			if err := child.Process.Signal(c.signal); err != nil {
				t.Fatal(err)
			}
			err = child.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != c.code {
				t.Errorf("the child ended with %v; want exit status %d", err, c.code)
			}
			if stderr.String() != c.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), c.stderr)
			}
			if left := tree(t, dir); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
