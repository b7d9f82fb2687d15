package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// Load reads the scenario file name from fsys, with every base it extends,
// and validates the result. The error, when there is one, is
// models.Problems: every problem found, each naming file, line and key.
func Load(fsys fs.FS, name string) (*models.Scenario, error) {
	var ps models.Problems
	sc := load(fsys, name, nil, models.Position{}, &ps)
	if sc == nil {
		return nil, ps.Err()
	}
	resolveClassification(sc, &ps)
	decodeProblems := len(ps)
	if err := sc.Validate(); err != nil {
		// Where decoding already said what is wrong with a key, validation
		// saying it is missing adds nothing.
		said := map[string]bool{}
		for _, p := range ps[:decodeProblems] {
			said[p.Pos.Key] = true
		}
		for _, p := range err.(models.Problems) {
			if !said[p.Pos.Key] {
				ps = append(ps, p)
			}
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// LoadFile reads a scenario from the file system; file names in messages are
// the path as given.
func LoadFile(file string) (*models.Scenario, error) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	sc, err := Load(prefixFS{os.DirFS(dir), dir}, base)
	return sc, err
}

// prefixFS names files by the directory they were opened from, so that
// messages show the path a user typed.
type prefixFS struct {
	fs.FS
	dir string
}

func (p prefixFS) display(name string) string {
	if p.dir == "." || p.dir == "" {
		return name
	}
	return filepath.Join(p.dir, name)
}

func display(fsys fs.FS, name string) string {
	if p, ok := fsys.(prefixFS); ok {
		return p.display(name)
	}
	if _, ok := fsys.(shippedFS); ok {
		return "kosto:" + name
	}
	return name
}

// load reads name and its bases. chain holds the files being read, to catch
// a cycle; from is where the extends that named this file was written.
func load(fsys fs.FS, name string, chain []string, from models.Position, ps *models.Problems) *models.Scenario {
	shown := display(fsys, name)
	for i, c := range chain {
		if c == name {
			cycle := make([]string, 0, len(chain)-i+1)
			for _, f := range chain[i:] {
				cycle = append(cycle, display(fsys, f))
			}
			cycle = append(cycle, shown)
			ps.Add(from, fmt.Sprintf("%q", path.Base(name)), "extends forms a cycle: %s", strings.Join(cycle, " → "))
			return nil
		}
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		what := "cannot read the file"
		if errors.Is(err, fs.ErrNotExist) {
			what = "no such file"
		}
		if from.File != "" {
			ps.Add(from, fmt.Sprintf("%q", path.Base(name)), "%s (%s)", what, shown)
		} else {
			ps.Add(models.Position{File: shown}, "", "%s", what)
		}
		return nil
	}
	doc := decodeFile(shown, src, ps)
	if doc == nil {
		return nil
	}
	doc.sc.Files = []string{shown}
	if !doc.extends.Set {
		return doc.sc
	}
	basePath := path.Join(path.Dir(name), doc.extends.S)
	base := load(fsys, basePath, append(chain, name), doc.extends.Pos, ps)
	if base == nil {
		return doc.sc // report this file's own problems too
	}
	base.Overlay(doc.sc)
	return base
}

// resolveClassification attaches the economic classification the scenario
// names, or its country's default.
func resolveClassification(sc *models.Scenario, ps *models.Problems) {
	name := sc.Meta.Classification.S
	if !sc.Meta.Classification.Set {
		name = defaultClassification[sc.Meta.Country.S]
		if name == "" {
			name = "kosovo-municipal"
		}
	}
	c, err := Classification(name)
	if err != nil {
		pos := sc.Meta.Classification.Pos
		if pos.Key == "" {
			pos = models.Position{File: sc.Meta.Pos.File, Line: sc.Meta.Pos.Line, Key: "scenario.classification"}
		}
		msg := "expected one of " + quoteAll(Classifications())
		if s := models.Suggest(name, Classifications()); s != "" {
			msg = fmt.Sprintf("did you mean %q? expected one of %s", s, quoteAll(Classifications()))
		}
		ps.Add(pos, fmt.Sprintf("%q", name), "%s", msg)
		c, _ = Classification("kosovo-municipal")
	}
	sc.Classification = c
}

var defaultClassification = map[string]string{"XK": "kosovo-municipal", "AL": "albania-economic"}
