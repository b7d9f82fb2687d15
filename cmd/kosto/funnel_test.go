package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFunnelCommand(t *testing.T) {
	code, out, errs := kosto(t, "", "funnel", "../../scenarios/testdata/funnels.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"Cost per approved family", "553,202", "128,413"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

// A target the funnel cannot meet is bad input: exit 2, the problem on
// standard error and nothing on standard output.
func TestFunnelCannotMeetTarget(t *testing.T) {
	src, err := os.ReadFile("../../scenarios/testdata/funnels.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), `title = "Community events"`, "title = \"Community events\"\navailable = 3000", 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.toml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := kosto(t, dir, "funnel", "f.toml")
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", code, errs)
	}
	if out != "" {
		t.Errorf("wrote to standard output:\n%s", out)
	}
	want := "f.toml:34: recruitment.albania: reaching the target of 10 families needs 3,131 people at stage events, but it can take at most 3,000 (available); the funnel cannot meet the target"
	if !strings.Contains(errs, want) {
		t.Errorf("stderr:\n%s\nwant it to contain:\n%s", errs, want)
	}
}

func TestFunnelNoFunnel(t *testing.T) {
	if code, _, errs := kosto(t, "", "funnel", "gjilan"); code != 2 || !strings.Contains(errs, "no recruitment funnel") {
		t.Errorf("exit %d, stderr %s; want 2 and no recruitment funnel", code, errs)
	}
}
