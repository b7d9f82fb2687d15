package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// Load reads the scenario file name from fsys, with every base it extends,
// and validates the result. The error, when there is one, is
// models.Problems: every problem found, each naming file, line and key.
//
// A base is read from fsys, never above its root (FORMAT.md §6), or is a
// shipped scenario. Files are shown in messages by their names in fsys, and
// those of ShippedFS as kosto:NAME.toml.
func Load(fsys fs.FS, name string) (*models.Scenario, error) {
	t := &tree{fsys: fsys, show: func(n string) string { return n }, root: "the folder kosto reads from"}
	if _, ok := fsys.(shippedFS); ok {
		t = shippedTree
	}
	f := node{t, name}
	shown := f.shown()
	info, err := fs.Stat(fsys, name)
	if err == nil && info.IsDir() {
		entries, _ := fs.ReadDir(fsys, name)
		return nil, models.Problems{{Pos: models.Position{File: shown}, Expected: isFolder(entries)}}
	}
	src, err := readFile(fsys, name)
	if err != nil {
		return nil, models.Problems{{Pos: models.Position{File: shown}, Expected: cannotRead(err)}}
	}
	return loadChain(f, src)
}

// LoadFile reads a scenario file from disk, with the bases it extends. A base
// must lie under the root (FORMAT.md §6): the working directory when file
// lies in it or below it, otherwise file's own folder. kosto reads nothing
// outside the root, not even through a symbolic link. File names in messages
// are relative to the working directory, as a user would type them.
func LoadFile(file string) (*models.Scenario, error) { return loadFile(file, nil) }

// LoadFileSource reads src as the text of a scenario file that would be at
// file, with the bases it extends read from disk as LoadFile reads them:
// how a variant about to be written is checked before it is.
func LoadFileSource(file string, src []byte) (*models.Scenario, error) {
	if src == nil {
		src = []byte{}
	}
	return loadFile(file, src)
}

func loadFile(file string, given []byte) (*models.Scenario, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	cwd, _ := os.Getwd()
	root, name := filepath.Dir(abs), filepath.Base(abs)
	if rel, err := filepath.Rel(cwd, abs); cwd != "" && err == nil && filepath.IsLocal(rel) {
		root, name = cwd, rel
	}
	shown := shownOnDisk(abs, cwd)
	t := &tree{show: func(n string) string { return shownOnDisk(filepath.Join(root, filepath.FromSlash(n)), cwd) }}
	t.root = "the working folder " + root
	if root != cwd {
		t.root = fmt.Sprintf("the folder of %s (%s)", shown, root)
	}
	// The file given is read as named, even through a link that leads out
	// of the root: the rule is about the bases it names.
	src := given
	if info, err := os.Stat(abs); given == nil && err == nil && info.IsDir() {
		entries, _ := os.ReadDir(abs)
		// Shown as typed: "../proj", not ".".
		return nil, models.Problems{{Pos: models.Position{File: filepath.Clean(file)}, Expected: isFolder(entries)}}
	}
	if given == nil {
		if src, err = readOSFile(abs); err != nil {
			return nil, models.Problems{{Pos: models.Position{File: shown}, Expected: cannotRead(err)}}
		}
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	defer r.Close()
	t.fsys = r.FS()
	return loadChain(node{t, filepath.ToSlash(name)}, src)
}

// LoadSource reads a scenario from its text alone, as a web page receives an
// uploaded file: name is how messages show it, and nothing is read from the
// machine. Its extends can name only a shipped scenario ("gjilan", or
// "gjilan.toml" with a notice that the shipped file was used).
func LoadSource(name string, src []byte) (*models.Scenario, error) {
	return loadChain(node{&tree{show: func(n string) string { return n }}, name}, src)
}

// shownOnDisk is how messages show the file at abs: relative to the working
// directory cwd when it is below it or at most one folder up, else absolute.
func shownOnDisk(abs, cwd string) string {
	if cwd != "" {
		if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, ".."+string(filepath.Separator)+"..") {
			return rel
		}
	}
	return abs
}

// cannotRead says why the file given to kosto could not be read.
func cannotRead(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, errNotRegular), errors.Is(err, errTooLarge):
		return "cannot read the file: " + errors.Unwrap(err).Error()
	}
	return "cannot read the file"
}

// A loader collects what reading one chain of files finds: its problems,
// its notices, and the key paths offered as "did you mean" (see decodeFile).
type loader struct {
	ps, notices models.Problems
	suggested   map[string]bool
}

// loadChain decodes the file f, whose text is src, lays it over the bases it
// extends, and validates the result.
func loadChain(f node, src []byte) (*models.Scenario, error) {
	l := &loader{suggested: map[string]bool{}}
	sc, whole := l.load(f, src, nil)
	ps := l.ps
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
		said := l.suggested
		for _, p := range ps[:decodeProblems] {
			said[p.Pos.Key] = true
		}
		var vps models.Problems
		errors.As(err, &vps) // Validate returns nothing else
		for _, p := range vps {
			if !said[p.Pos.Key] {
				ps = append(ps, p)
			}
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	sc.Notices = append(sc.Notices, l.notices...)
	return sc, nil
}

// load decodes f, whose text is src, and the bases it extends. chain holds
// the files being read, to catch a cycle. whole is false when a base could
// not be read: the scenario is then only what the files that could be read
// say.
func (l *loader) load(f node, src []byte, chain []node) (sc *models.Scenario, whole bool) {
	doc := decodeFile(f.shown(), src, &l.ps, l.suggested)
	if doc == nil {
		return nil, false
	}
	doc.sc.Files = []string{f.shown()}
	if !doc.extends.Set {
		return doc.sc, true
	}
	b, ok := l.base(f, doc.extends)
	if !ok {
		return doc.sc, false // this file's own problems are reported too
	}
	chain = append(chain, f)
	for i, c := range chain {
		if c == b {
			cycle := make([]string, 0, len(chain)-i+1)
			for _, f := range chain[i:] {
				cycle = append(cycle, f.shown())
			}
			cycle = append(cycle, b.shown())
			l.ps.Add(doc.extends.Pos, fmt.Sprintf("%q", doc.extends.S), "extends forms a cycle: %s", strings.Join(cycle, " → "))
			return doc.sc, false
		}
	}
	bsrc, ok := l.read(b, doc.extends)
	if !ok {
		return doc.sc, false
	}
	base, whole := l.load(b, bsrc, chain)
	if base == nil {
		return doc.sc, false
	}
	l.keepKinds(base, doc.sc)
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
