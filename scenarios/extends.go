package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/kosto-project/kosto/models"
)

// A tree is where the files of a chain of extends are read from: a folder on
// disk, a caller's file system, the shipped scenarios, or nothing at all (an
// uploaded scenario, which may extend only shipped ones). Its fsys is rooted
// at the root, so no base outside it can be read (FORMAT.md §6).
type tree struct {
	fsys    fs.FS                    // nil: no other file can be read
	show    func(name string) string // a file's name as messages show it
	root    string                   // the root as messages show it
	shipped bool                     // the shipped scenarios, which extend only each other
}

// shippedTree holds the shipped scenarios.
var shippedTree = &tree{
	fsys:    ShippedFS(),
	show:    func(n string) string { return "kosto:" + n },
	root:    "the shipped scenarios",
	shipped: true,
}

// A node is one file of a chain: its slash-separated name in its tree.
type node struct {
	t    *tree
	name string
}

func (f node) shown() string { return f.t.show(f.name) }

// base finds the file that ext, the extends written in f, names. A bare name
// ("gjilan": no / and no .toml) is a shipped scenario (namedBase). Anything
// else is a relative path from f's folder, which must stay under the root
// (pathBase). ok is false when a problem was reported instead.
func (l *loader) base(f node, ext models.Text) (b node, ok bool) {
	e := ext.S
	switch {
	case e == "":
		return l.refuse(ext, "expected a scenario file ending in .toml, relative to this file, or a shipped scenario (%s)", strings.Join(Shipped(), ", "))
	case strings.HasPrefix(e, "/") || filepath.IsAbs(e) || driveLetter(e):
		return l.refuse(ext, `expected a relative path from the folder of this file (like "base.toml" or "../base.toml") or the name of a shipped scenario; a base is never named by an absolute path (FORMAT.md §6)`)
	case strings.Contains(e, `\`):
		return l.refuse(ext, `expected / between folders, not \ (FORMAT.md §6)`)
	case !strings.Contains(e, "/") && !strings.HasSuffix(e, ".toml"):
		return l.namedBase(f, ext)
	}
	return l.pathBase(f, ext)
}

// refuse reports the problem with ext, the extends of a file, that format
// and args say, for base and its steps to return.
func (l *loader) refuse(ext models.Text, format string, args ...any) (node, bool) {
	l.ps.Add(ext.Pos, fmt.Sprintf("%q", ext.S), format, args...)
	return node{}, false
}

// shippedNode is the shipped scenario of that name.
func shippedNode(name string) node { return node{shippedTree, name + ".toml"} }

// namedBase finds the shipped scenario that ext, a bare name written in f,
// names. When there is none, the problem points to what the writer may have
// meant: a folder or a .toml file of that name beside f, or the closest
// shipped name.
func (l *loader) namedBase(f node, ext models.Text) (node, bool) {
	e := ext.S
	if slices.Contains(Shipped(), e) {
		return shippedNode(e), true
	}
	if f.t.fsys != nil && !f.t.shipped {
		p := path.Join(path.Dir(f.name), e)
		if info, err := fs.Stat(f.t.fsys, p); err == nil && info.IsDir() {
			entries, _ := fs.ReadDir(f.t.fsys, p)
			return l.refuse(ext, "%s", isFolder(entries))
		}
		if info, err := fs.Stat(f.t.fsys, p+".toml"); err == nil && !info.IsDir() {
			return l.refuse(ext, "no shipped scenario of that name; to extend the file %s, write extends = %q", f.t.show(p+".toml"), e+".toml")
		}
	}
	msg := "expected a scenario file ending in .toml, relative to this file, or a shipped scenario: " + strings.Join(Shipped(), ", ")
	if f.t.fsys == nil {
		msg = "an uploaded scenario can extend only a shipped scenario: " + strings.Join(Shipped(), ", ")
	}
	if s := models.Suggest(e, Shipped()); s != "" {
		msg = fmt.Sprintf("did you mean %q? %s", s, msg)
	}
	return l.refuse(ext, "%s", msg)
}

// pathBase finds the file that ext, a path written in f, names, relative to
// f's folder and under its tree's root. A file name without folders that is
// not found there (or that an uploaded scenario, which reads no other file,
// writes) but is a shipped scenario's is that shipped scenario, with a
// notice.
func (l *loader) pathBase(f node, ext models.Text) (node, bool) {
	e := ext.S
	fallback, canFall := shippedFallback(f, e)
	if f.t.fsys == nil {
		if canFall {
			l.notices.Add(ext.Pos, fmt.Sprintf("%q", e), "an uploaded scenario reads no other file; using the shipped scenario %s (%s)", fallback, shippedNode(fallback).shown())
			return shippedNode(fallback), true
		}
		return l.refuse(ext, "an uploaded scenario can extend only a shipped scenario: %s", strings.Join(Shipped(), ", "))
	}
	p := path.Join(path.Dir(f.name), e)
	if p == ".." || strings.HasPrefix(p, "../") {
		return l.refuse(ext, "reaches outside %s; a base must lie in that folder or below it (FORMAT.md §6)", f.t.root)
	}
	info, err := fs.Stat(f.t.fsys, p)
	switch {
	case err == nil && info.IsDir():
		entries, _ := fs.ReadDir(f.t.fsys, p)
		return l.refuse(ext, "%s", isFolder(entries))
	case err == nil:
		return node{f.t, p}, true
	case escapes(err):
		return l.refuse(ext, "leads outside %s through a symbolic link; a base must lie in that folder or below it (FORMAT.md §6)", f.t.root)
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return l.refuse(ext, "cannot read the file (%s)", f.t.show(p))
	case canFall:
		l.notices.Add(ext.Pos, fmt.Sprintf("%q", e), "not found beside %s; using the shipped scenario %s (%s)", f.shown(), fallback, shippedNode(fallback).shown())
		return shippedNode(fallback), true
	}
	return l.refuse(ext, "no such file (%s)", f.t.show(p))
}

// shippedFallback is the shipped scenario a path e written in f may fall
// back to: a file name without folders ("gjilan.toml"), written in a file
// that is not itself shipped, whose name without .toml is a shipped
// scenario's. canFall is false when there is none.
func shippedFallback(f node, e string) (name string, canFall bool) {
	if strings.Contains(e, "/") || f.t.shipped {
		return "", false
	}
	name = strings.TrimSuffix(e, ".toml")
	return name, slices.Contains(Shipped(), name)
}

// driveLetter reports whether e starts with a Windows drive ("C:"), which
// is refused on every system so that a scenario reads the same everywhere.
func driveLetter(e string) bool {
	return len(e) >= 2 && e[1] == ':' && ('a' <= e[0]|0x20 && e[0]|0x20 <= 'z')
}

// read returns the text of b, the base ext names; ok is false when a problem
// was reported instead.
func (l *loader) read(b node, ext models.Text) (src []byte, ok bool) {
	src, err := readFile(b.t.fsys, b.name)
	switch {
	case err == nil:
		return src, true
	case escapes(err):
		l.ps.Add(ext.Pos, fmt.Sprintf("%q", ext.S), "leads outside %s through a symbolic link; a base must lie in that folder or below it (FORMAT.md §6)", b.t.root)
	case errors.Is(err, fs.ErrNotExist):
		l.ps.Add(ext.Pos, fmt.Sprintf("%q", ext.S), "no such file (%s)", b.shown())
	case errors.Is(err, errNotRegular), errors.Is(err, errTooLarge):
		l.ps.Add(ext.Pos, fmt.Sprintf("%q", ext.S), "%s (%s)", cannotRead(err), b.shown())
	default:
		l.ps.Add(ext.Pos, fmt.Sprintf("%q", ext.S), "cannot read the file (%s)", b.shown())
	}
	return nil, false
}

// escapes reports whether err is os.Root refusing a path that leads out of
// it, through a symbolic link (a path with ../ is refused before reading).
// The os package does not export that error; its text is stable.
func escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err.Error() == "path escapes from parent"
}

// isFolder says that a path given as a scenario file is a folder, and which
// .toml files it holds, from its entries.
func isFolder(entries []fs.DirEntry) string {
	return folderMessage(entries, "a scenario file", ".toml")
}

// folderMessage says that a path given as a file (what: "a scenario file",
// "a data table") is a folder, and which files ending in ext it holds.
func folderMessage(entries []fs.DirEntry, what, ext string) string {
	const shown = 4
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	switch {
	case len(names) == 0:
		return fmt.Sprintf("is a folder, not %s; it holds no %s file", what, ext)
	case len(names) > shown:
		return fmt.Sprintf("is a folder, not %s; name a %s file in it (%s and %d more)", what, ext, strings.Join(names[:shown], ", "), len(names)-shown)
	}
	return fmt.Sprintf("is a folder, not %s; name a %s file in it (%s)", what, ext, strings.Join(names, ", "))
}

// readAs reads a file a user named as what (a formula, a data table), with
// readOSFile; a folder, a file that is not a regular one or is too large
// and a missing file are said so, in a phrase for a message.
func readAs(file, what, ext string) ([]byte, string) {
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		entries, _ := os.ReadDir(file)
		return nil, folderMessage(entries, what, ext)
	}
	src, err := readOSFile(file)
	if err != nil {
		return nil, cannotRead(err)
	}
	return src, ""
}

// keepKinds refuses a service of the variant v that gives another kind than
// its base does: the kind decides every other key of the service, so a
// different kind is a different service. The variant's kind is dropped, so
// that what follows is checked against the base's.
func (l *loader) keepKinds(base, v *models.Scenario) {
	for _, name := range models.Sorted(v.Services) {
		s, b := v.Services[name], base.Services[name]
		if b == nil {
			continue
		}
		k, bk := s.Texts["kind"], b.Texts["kind"]
		if !k.Set || !bk.Set || k.S == bk.S {
			continue
		}
		at := models.Position{File: bk.Pos.File, Line: bk.Pos.Line}
		l.ps.Add(k.Pos, fmt.Sprintf("%q", k.S), "a variant cannot change a service's kind (it is %s in %s); define a new service instead", bk.S, at)
		delete(s.Texts, "kind")
	}
}
