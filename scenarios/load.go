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
	suggested := map[string]bool{}
	sc, whole := load(fsys, name, nil, models.Position{}, &ps, suggested)
	if sc == nil || !whole {
		// Without its base a variant lacks what the base says; validating
		// it would report as missing what is only unread.
		return nil, ps.Err()
	}
	resolveClassification(sc, &ps)
	decodeProblems := len(ps)
	if err := sc.Validate(); err != nil {
		// Where decoding already said what is wrong with a key, validation
		// saying it is missing adds nothing.
		// Nor does "missing: X" when the decoder has just asked "did you
		// mean X?" of a mistyped key.
		said := suggested
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
// a cycle; from is where the extends that named this file was written. whole
// is false when a base could not be read: the scenario is then only what the
// files that could be read say.
func load(fsys fs.FS, name string, chain []string, from models.Position, ps *models.Problems, suggested map[string]bool) (sc *models.Scenario, whole bool) {
	shown := display(fsys, name)
	for i, c := range chain {
		if c == name {
			cycle := make([]string, 0, len(chain)-i+1)
			for _, f := range chain[i:] {
				cycle = append(cycle, display(fsys, f))
			}
			cycle = append(cycle, shown)
			ps.Add(from, fmt.Sprintf("%q", path.Base(name)), "extends forms a cycle: %s", strings.Join(cycle, " → "))
			return nil, false
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
		return nil, false
	}
	doc := decodeFile(shown, src, ps, suggested)
	if doc == nil {
		return nil, false
	}
	doc.sc.Files = []string{shown}
	if !doc.extends.Set {
		return doc.sc, true
	}
	basePath := path.Join(path.Dir(name), doc.extends.S)
	base, whole := load(fsys, basePath, append(chain, name), doc.extends.Pos, ps, suggested)
	if base == nil {
		return doc.sc, false // this file's own problems are reported too
	}
	base.Overlay(doc.sc)
	return base, whole
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
