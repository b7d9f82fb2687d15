package scenarios

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kosto-project/kosto/costing/grant"
)

// GRANTS.md's complete example is the file under testdata, byte for byte,
// and computes without a note.
func TestGrantsDocExample(t *testing.T) {
	doc, err := os.ReadFile("GRANTS.md")
	if err != nil {
		t.Fatal(err)
	}
	mark := "<!-- example: grants/example.toml -->\n```toml\n"
	_, after, ok := strings.Cut(string(doc), mark)
	if !ok {
		t.Fatal("GRANTS.md has no example block")
	}
	block, _, _ := strings.Cut(after, "```\n")
	file := filepath.Join("testdata", "grants", "example.toml")
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if block != string(want) {
		t.Errorf("the example of GRANTS.md differs from %s: copy the file into the document", file)
	}
	in, err := OpenFormula(file, "", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := grant.Allocate(in.Formula, in.Data, grant.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Notes) > 0 || !g.Summary.Total.Equal(g.Pot) || !g.HasChildren || !g.HasNeed || !g.HasBaseline {
		t.Errorf("the example: notes %v, total %s, pot %s", g.Notes, g.Summary.Total, g.Pot)
	}
}
