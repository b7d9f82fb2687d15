package scenarios

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// variantOf is a variant of minimal that extends base, written on line 2.
func variantOf(base string) string {
	return "format = 1\nextends = \"" + base + "\"\n\n[scenario]\nname = \"variant\"\n"
}

// An extendsCase is a folder of files on disk, the folder kosto is run in,
// the argument given to Open, and what Open must answer: the full error
// text, or the files read and the notices. In want and notices, {tmp} is the
// temporary folder and {shipped} the list of shipped scenarios.
type extendsCase struct {
	name    string
	files   map[string]string // slash path under the temporary folder → text
	links   map[string]string // slash path of a symbolic link → its target, as written
	dirs    []string          // empty folders to make
	cwd     string            // where kosto runs, under the temporary folder
	arg     string
	want    string   // the error text; "" when the scenario loads
	read    []string // sc.Files when it loads
	notices string   // the notices when it loads, one a line
}

var extendsCases = []extendsCase{
	{
		name:  "an absolute path is refused without reading it",
		files: map[string]string{"v.toml": variantOf("/etc/passwd")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "/etc/passwd": expected a relative path from the folder of this file (like "base.toml" or "../base.toml") or the name of a shipped scenario; a base is never named by an absolute path (FORMAT.md §6)`,
	},
	{
		name:  "an absolute path is refused even to a file under the root",
		files: map[string]string{"base.toml": minimal, "v.toml": variantOf("{tmp}/base.toml")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "{tmp}/base.toml": expected a relative path from the folder of this file (like "base.toml" or "../base.toml") or the name of a shipped scenario; a base is never named by an absolute path (FORMAT.md §6)`,
	},
	{
		name:  "a Windows drive is refused on every system",
		files: map[string]string{"v.toml": variantOf("C:/budget/base.toml")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "C:/budget/base.toml": expected a relative path from the folder of this file (like "base.toml" or "../base.toml") or the name of a shipped scenario; a base is never named by an absolute path (FORMAT.md §6)`,
	},
	{
		name:  "a backslash between folders",
		files: map[string]string{"v.toml": variantOf(`bases\\base.toml`)},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "bases\\base.toml": expected / between folders, not \ (FORMAT.md §6)`,
	},
	{
		name:  "an empty extends",
		files: map[string]string{"v.toml": variantOf("")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "": expected a scenario file ending in .toml, relative to this file, or a shipped scenario ({shipped})`,
	},
	{
		name:  "../ above the working folder is refused without reading it",
		files: map[string]string{"base.toml": minimal, "variants/v.toml": variantOf("../../etc/passwd")},
		arg:   "variants/v.toml",
		want:  `variants/v.toml:2: extends = "../../etc/passwd": reaches outside the working folder {tmp}; a base must lie in that folder or below it (FORMAT.md §6)`,
	},
	{
		name:  "../ above the working folder, run from the variants' folder",
		files: map[string]string{"base.toml": minimal, "variants/v.toml": variantOf("../base.toml")},
		cwd:   "variants",
		arg:   "v.toml",
		want:  `v.toml:2: extends = "../base.toml": reaches outside the working folder {tmp}/variants; a base must lie in that folder or below it (FORMAT.md §6)`,
	},
	{
		name:  "a file outside the working folder: the root is its own folder",
		files: map[string]string{"base.toml": minimal, "variants/v.toml": variantOf("../base.toml")},
		dirs:  []string{"work"},
		cwd:   "work",
		arg:   "../variants/v.toml",
		want:  `../variants/v.toml:2: extends = "../base.toml": reaches outside the folder of ../variants/v.toml ({tmp}/variants); a base must lie in that folder or below it (FORMAT.md §6)`,
	},
	{
		name:  "../base.toml is allowed when the root is above: a variants folder beside its base",
		files: map[string]string{"base.toml": minimal, "variants/v.toml": variantOf("../base.toml")},
		arg:   "variants/v.toml",
		read:  []string{"base.toml", "variants/v.toml"},
	},
	{
		name:  "a file outside the working folder extends one beside it",
		files: map[string]string{"variants/base.toml": minimal, "variants/v.toml": variantOf("base.toml")},
		dirs:  []string{"work"},
		cwd:   "work",
		arg:   "../variants/v.toml",
		read:  []string{"../variants/base.toml", "../variants/v.toml"},
	},
	{
		name:  "a base in a folder below, through ../ that stays under the root",
		files: map[string]string{"bases/base.toml": minimal, "variants/v.toml": variantOf("../bases/base.toml")},
		arg:   "variants/v.toml",
		read:  []string{"bases/base.toml", "variants/v.toml"},
	},
	{
		name:  "a shipped base by name",
		files: map[string]string{"v.toml": variantOf("gjilan")},
		arg:   "v.toml",
		read:  []string{"kosto:gjilan.toml", "v.toml"},
	},
	{
		name:  "a shipped name not found beside the variant is the shipped scenario, with a notice",
		files: map[string]string{"v.toml": variantOf("gjilan.toml")},
		arg:   "v.toml",
		read:  []string{"kosto:gjilan.toml", "v.toml"},
		notices: `
			v.toml:2: extends = "gjilan.toml": not found beside v.toml; using the shipped scenario gjilan (kosto:gjilan.toml)`,
	},
	{
		name:  "the shipped variant's own base, from a variant in a folder",
		files: map[string]string{"variants/v.toml": variantOf("albania-di-vlore.toml")},
		arg:   "variants/v.toml",
		read:  []string{"kosto:albania-di-vlore.toml", "variants/v.toml"},
		notices: `
			variants/v.toml:2: extends = "albania-di-vlore.toml": not found beside variants/v.toml; using the shipped scenario albania-di-vlore (kosto:albania-di-vlore.toml)`,
	},
	{
		name:  "a local file shadows the shipped name, without a notice",
		files: map[string]string{"gjilan.toml": minimal, "v.toml": variantOf("gjilan.toml")},
		arg:   "v.toml",
		read:  []string{"gjilan.toml", "v.toml"},
	},
	{
		name:  "a path with a folder in it never falls back to a shipped scenario",
		files: map[string]string{"v.toml": variantOf("./gjilan.toml")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "./gjilan.toml": no such file (gjilan.toml)`,
	},
	{
		name:  "a bare name that is no shipped scenario, with a suggestion",
		files: map[string]string{"v.toml": variantOf("gjilna")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "gjilna": did you mean "gjilan"? expected a scenario file ending in .toml, relative to this file, or a shipped scenario: {shipped}`,
	},
	{
		name:  "a bare name of a file written without .toml",
		files: map[string]string{"base.toml": minimal, "v.toml": variantOf("base")},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "base": no shipped scenario of that name; to extend the file base.toml, write extends = "base.toml"`,
	},
	{
		name:  "a folder given",
		files: map[string]string{"somedir/a.toml": minimal, "somedir/b.toml": minimal, "somedir/notes.txt": ""},
		arg:   "somedir",
		want:  `somedir: is a folder, not a scenario file; name a .toml file in it (a.toml, b.toml)`,
	},
	{
		name:  "a folder given with a slash",
		files: map[string]string{"somedir/a.toml": minimal, "somedir/b.toml": minimal},
		arg:   "somedir/",
		want:  `somedir: is a folder, not a scenario file; name a .toml file in it (a.toml, b.toml)`,
	},
	{
		name:  "a folder given above the working folder",
		files: map[string]string{"somedir/a.toml": minimal},
		dirs:  []string{"work"},
		cwd:   "work",
		arg:   "../somedir",
		want:  `../somedir: is a folder, not a scenario file; name a .toml file in it (a.toml)`,
	},
	{
		name: "a folder given with many .toml files",
		files: map[string]string{
			"somedir/a.toml": "", "somedir/b.toml": "", "somedir/c.toml": "",
			"somedir/d.toml": "", "somedir/e.toml": "", "somedir/f.toml": "",
		},
		arg:  "somedir",
		want: `somedir: is a folder, not a scenario file; name a .toml file in it (a.toml, b.toml, c.toml, d.toml and 2 more)`,
	},
	{
		name: "an empty folder given",
		dirs: []string{"somedir"},
		arg:  "somedir",
		want: `somedir: is a folder, not a scenario file; it holds no .toml file`,
	},
	{
		name:  "a folder named by a shipped scenario's name runs the shipped scenario",
		files: map[string]string{"gjilan/a.toml": minimal},
		arg:   "gjilan",
		read:  []string{"kosto:gjilan.toml"},
	},
	{
		name:  "extends names a folder",
		files: map[string]string{"v.toml": variantOf("variants/"), "variants/a.toml": minimal, "variants/b.toml": minimal},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "variants/": is a folder, not a scenario file; name a .toml file in it (a.toml, b.toml)`,
	},
	{
		name:  "extends names a folder by a bare name",
		files: map[string]string{"v.toml": variantOf("variants"), "variants/a.toml": minimal},
		arg:   "v.toml",
		want:  `v.toml:2: extends = "variants": is a folder, not a scenario file; name a .toml file in it (a.toml)`,
	},
	{
		name:  "a link inside the root to a base inside it is followed",
		files: map[string]string{"bases/base.toml": minimal, "v.toml": variantOf("base.toml")},
		links: map[string]string{"base.toml": "bases/base.toml"},
		arg:   "v.toml",
		read:  []string{"base.toml", "v.toml"},
	},
	{
		name:  "a link to a file outside the root is refused",
		files: map[string]string{"outside/base.toml": minimal, "budget/v.toml": variantOf("base.toml")},
		links: map[string]string{"budget/base.toml": "../outside/base.toml"},
		cwd:   "budget",
		arg:   "v.toml",
		want:  `v.toml:2: extends = "base.toml": leads outside the working folder {tmp}/budget through a symbolic link; a base must lie in that folder or below it (FORMAT.md §6)`,
	},
	{
		name:  "a linked folder that leads outside the root is refused",
		files: map[string]string{"outside/base.toml": minimal, "budget/v.toml": variantOf("bases/base.toml")},
		links: map[string]string{"budget/bases": "../outside"},
		cwd:   "budget",
		arg:   "v.toml",
		want:  `v.toml:2: extends = "bases/base.toml": leads outside the working folder {tmp}/budget through a symbolic link; a base must lie in that folder or below it (FORMAT.md §6)`,
	},
	{
		name:  "a variant cannot change a service's kind",
		files: map[string]string{"base.toml": minimal, "v.toml": variantOf("base.toml") + "\n[services.foster]\nkind = \"kinship_care\"\n"},
		arg:   "v.toml",
		want:  `v.toml:8: services.foster.kind = "kinship_care": a variant cannot change a service's kind (it is foster_care in base.toml:19); define a new service instead`,
	},
	{
		name:  "a variant may repeat a service's kind",
		files: map[string]string{"base.toml": minimal, "v.toml": variantOf("base.toml") + "\n[services.foster]\nkind = \"foster_care\"\n"},
		arg:   "v.toml",
		read:  []string{"base.toml", "v.toml"},
	},
}

// tempDir is a temporary folder by its real path, as os.Getwd shows it.
func tempDir(t *testing.T) string {
	t.Helper()
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return tmp
}

func TestExtendsOnDisk(t *testing.T) {
	shipped := strings.Join(Shipped(), ", ")
	for _, c := range extendsCases {
		t.Run(c.name, func(t *testing.T) {
			tmp := tempDir(t)
			fill := func(s string) string {
				return strings.NewReplacer("{tmp}", filepath.ToSlash(tmp), "{shipped}", shipped).Replace(s)
			}
			for name, src := range c.files {
				p := filepath.Join(tmp, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(fill(src)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, d := range c.dirs {
				if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for link, target := range c.links {
				if err := os.Symlink(filepath.FromSlash(target), filepath.Join(tmp, filepath.FromSlash(link))); err != nil {
					t.Skipf("cannot make a symbolic link here: %v", err)
				}
			}
			t.Chdir(filepath.Join(tmp, filepath.FromSlash(c.cwd)))
			sc, err := Open(c.arg)
			if c.want != "" {
				if err == nil {
					t.Fatalf("Open succeeded; want:\n%s", fill(c.want))
				}
				if got, want := err.Error(), fill(c.want); got != want {
					t.Errorf("got:\n%s\nwant:\n%s", got, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if !slices.Equal(sc.Files, c.read) {
				t.Errorf("files read = %q, want %q", sc.Files, c.read)
			}
			if got, want := sc.Notices.Error(), text(c.notices); got != want {
				t.Errorf("notices:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// An uploaded scenario is only its text: it extends shipped scenarios and
// reads no file, even one of the same name in the working folder.
func TestLoadSource(t *testing.T) {
	shipped := strings.Join(Shipped(), ", ")
	norm, err := ShippedSource("gjilan-qps-norm")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, src string
		want      string   // the error text; "" when it loads
		read      []string // sc.Files when it loads
		notices   string
	}{
		{
			name: "a shipped base by name",
			src:  variantOf("gjilan"),
			read: []string{"kosto:gjilan.toml", "upload.toml"},
		},
		{
			name: "a shipped base by file name, with a notice",
			src:  variantOf("gjilan.toml"),
			read: []string{"kosto:gjilan.toml", "upload.toml"},
			notices: `
				upload.toml:2: extends = "gjilan.toml": an uploaded scenario reads no other file; using the shipped scenario gjilan (kosto:gjilan.toml)`,
		},
		{
			name: "a shipped variant uploaded as it is shown",
			src:  string(norm),
			read: []string{"kosto:gjilan.toml", "upload.toml"},
			notices: `
				upload.toml:10: extends = "gjilan.toml": an uploaded scenario reads no other file; using the shipped scenario gjilan (kosto:gjilan.toml)`,
		},
		{
			name: "a file beside it is not read",
			src:  variantOf("base.toml"),
			want: `upload.toml:2: extends = "base.toml": an uploaded scenario can extend only a shipped scenario: ` + shipped,
		},
		{
			name: "a path with folders",
			src:  variantOf("../../etc/passwd"),
			want: `upload.toml:2: extends = "../../etc/passwd": an uploaded scenario can extend only a shipped scenario: ` + shipped,
		},
		{
			name: "an absolute path",
			src:  variantOf("/etc/passwd"),
			want: `upload.toml:2: extends = "/etc/passwd": expected a relative path from the folder of this file (like "base.toml" or "../base.toml") or the name of a shipped scenario; a base is never named by an absolute path (FORMAT.md §6)`,
		},
		{
			name: "a bare name that is no shipped scenario",
			src:  variantOf("base"),
			want: `upload.toml:2: extends = "base": an uploaded scenario can extend only a shipped scenario: ` + shipped,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			tmp := tempDir(t)
			if err := os.WriteFile(filepath.Join(tmp, "base.toml"), []byte(minimal), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(tmp)
			sc, err := LoadSource("upload.toml", []byte(c.src))
			if c.want != "" {
				if err == nil {
					t.Fatalf("LoadSource succeeded; want:\n%s", c.want)
				}
				if got := err.Error(); got != c.want {
					t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadSource: %v", err)
			}
			if !slices.Equal(sc.Files, c.read) {
				t.Errorf("files read = %q, want %q", sc.Files, c.read)
			}
			if got, want := sc.Notices.Error(), text(c.notices); got != want {
				t.Errorf("notices:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// A shipped variant saved from kosto scenarios show runs in an empty folder,
// and its notice says which base was used.
func TestShownVariantRuns(t *testing.T) {
	for _, c := range []struct {
		name    string
		read    []string
		notices string
	}{
		{
			name: "gjilan-qps-norm",
			read: []string{"kosto:gjilan.toml", "mine.toml"},
			notices: `
				mine.toml:10: extends = "gjilan.toml": not found beside mine.toml; using the shipped scenario gjilan (kosto:gjilan.toml)`,
		},
		{
			name: "albania-di-vlore-reform",
			read: []string{"kosto:albania-di-vlore.toml", "mine.toml"},
			notices: `
				mine.toml:41: extends = "albania-di-vlore.toml": not found beside mine.toml; using the shipped scenario albania-di-vlore (kosto:albania-di-vlore.toml)`,
		},
		{
			name: "gjilan",
			read: []string{"mine.toml"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := ShippedSource(c.name)
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(tempDir(t))
			if err := os.WriteFile("mine.toml", src, 0o644); err != nil {
				t.Fatal(err)
			}
			sc, err := Open("mine.toml")
			if err != nil {
				t.Fatalf("kosto scenarios show %s > mine.toml does not load:\n%v", c.name, err)
			}
			if !slices.Equal(sc.Files, c.read) {
				t.Errorf("files read = %q, want %q", sc.Files, c.read)
			}
			if got, want := sc.Notices.Error(), text(c.notices); got != want {
				t.Errorf("notices:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
