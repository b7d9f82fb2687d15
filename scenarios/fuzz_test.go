package scenarios

import (
	"testing"
	"testing/fstest"

	"github.com/kosto-project/kosto/models"
)

// FuzzLoad feeds arbitrary text to Load as s.toml, beside a valid base.toml
// it may extend and a folder of variants (variants/v.toml extends
// ../base.toml); it may also extend a shipped scenario. Load must never
// panic, and every problem it reports must name a key or a line, so that a
// finance officer can find what to fix.
func FuzzLoad(f *testing.F) {
	for _, c := range loadCases {
		for _, src := range c.files {
			f.Add(src)
		}
	}
	f.Add(minimal)
	gjilan, err := ShippedSource("gjilan")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(gjilan))
	for _, base := range []string{"base.toml", "variants/v.toml", "variants", "variants/", "gjilan", "gjilan.toml",
		"./gjilan.toml", "gjilna", "base", "../base.toml", "../../etc/passwd", "/etc/passwd", `C:\\base.toml`, "", "s.toml"} {
		f.Add("format = 1\nextends = \"" + base + "\"\n\n[scenario]\nname = \"v\"\n")
	}
	f.Add("format = 1\nextends = \"base.toml\"\n\n[services.foster]\nkind = \"kinship_care\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		fsys := fstest.MapFS{
			"s.toml":          {Data: []byte(src)},
			"base.toml":       {Data: []byte(minimal)},
			"variants/v.toml": {Data: []byte("format = 1\nextends = \"../base.toml\"\n\n[scenario]\nname = \"v\"\n")},
		}
		_, err := Load(fsys, "s.toml")
		if err == nil {
			return
		}
		ps, ok := err.(models.Problems)
		if !ok {
			t.Fatalf("Load returned %T, not models.Problems: %v", err, err)
		}
		if len(ps) == 0 {
			t.Fatal("Load returned an empty list of problems as an error")
		}
		for _, p := range ps {
			if p.Pos.Key == "" && p.Pos.Line <= 0 {
				t.Errorf("problem names neither a key nor a line: %q", p.Error())
			}
		}
	})
}
