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
	sc, whole := load(fsys, name, "", nil, models.Position{}, &ps, suggested)
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

// LoadFile reads a scenario from the file system. A base it extends may be
// anywhere — beside it, in a parent folder ("../base.toml") or at an absolute
// path — and file names in messages are relative to the working directory,
// as a user would type them.
func LoadFile(file string) (*models.Scenario, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	root := filepath.VolumeName(abs) + string(filepath.Separator)
	rel := filepath.ToSlash(strings.TrimPrefix(abs, root))
	cwd, _ := os.Getwd()
	return Load(rootFS{os.DirFS(root), root, cwd}, rel)
}

// rootFS reads the whole file system by slash-separated paths from its root,
// and shows them relative to the working directory.
type rootFS struct {
	fs.FS
	root, cwd string
}

func (r rootFS) display(name string) string {
	abs := filepath.Join(r.root, filepath.FromSlash(name))
	if r.cwd != "" {
		if rel, err := filepath.Rel(r.cwd, abs); err == nil && !strings.HasPrefix(rel, ".."+string(filepath.Separator)+"..") {
			return rel
		}
	}
	return abs
}

// resolve returns the slash path of a base named by extends, relative to the
// file that names it, or absolute.
func (r rootFS) resolve(from, extends string) string {
	if filepath.IsAbs(extends) {
		abs := filepath.Clean(extends)
		return filepath.ToSlash(strings.TrimPrefix(abs, filepath.VolumeName(abs)+string(filepath.Separator)))
	}
	return path.Join(path.Dir(from), filepath.ToSlash(extends))
}

func display(fsys fs.FS, name string) string {
	if r, ok := fsys.(rootFS); ok {
		return r.display(name)
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
func load(fsys fs.FS, name, written string, chain []string, from models.Position, ps *models.Problems, suggested map[string]bool) (sc *models.Scenario, whole bool) {
	shown := display(fsys, name)
	for i, c := range chain {
		if c == name {
			cycle := make([]string, 0, len(chain)-i+1)
			for _, f := range chain[i:] {
				cycle = append(cycle, display(fsys, f))
			}
			cycle = append(cycle, shown)
			ps.Add(from, fmt.Sprintf("%q", written), "extends forms a cycle: %s", strings.Join(cycle, " → "))
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
			ps.Add(from, fmt.Sprintf("%q", written), "%s (%s)", what, shown)
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
	if r, ok := fsys.(rootFS); ok {
		basePath = r.resolve(name, doc.extends.S)
	}
	base, whole := load(fsys, basePath, doc.extends.S, append(chain, name), doc.extends.Pos, ps, suggested)
	if base == nil {
		return doc.sc, false // this file's own problems are reported too
	}
	base.Overlay(doc.sc)
	return base, whole
}

// resolveClassification attaches the economic classification the scenario
// names, or its country's default.
func resolveClassification(sc *models.Scenario, ps *models.Problems) {
	if sc.Classification != nil {
		// The scenario brings its own: it is checked like a shipped one.
		if sc.Meta.Classification.Set {
			ps.Add(sc.Meta.Classification.Pos, fmt.Sprintf("%q", sc.Meta.Classification.S), "a scenario either names a classification or brings its own [classification], not both")
		}
		return // validated with the rest of the scenario
	}
	name := sc.Meta.Classification.S
	if !sc.Meta.Classification.Set {
		name = defaultClassification[sc.Meta.Country.S]
		if name == "" {
			if sc.Meta.Country.Set {
				ps.Add(models.Position{File: sc.Meta.Pos.File, Line: sc.Meta.Pos.Line, Key: "scenario.classification"}, "",
					"missing: kosto has no default economic classification for country %q; name one of %s", sc.Meta.Country.S, quoteAll(Classifications()))
			}
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
