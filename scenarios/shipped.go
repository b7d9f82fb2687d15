package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/kosto-project/kosto/models"
)

//go:embed shipped/*.toml
var shipped embed.FS

//go:embed classifications/*.toml
var classifications embed.FS

// DefaultScenario is the shipped scenario `kosto run` costs when given none.
const DefaultScenario = "gjilan"

// shippedFS is the embedded folder of shipped scenarios; files read from it
// are shown as kosto:NAME.toml in messages.
type shippedFS struct{ fs.FS }

// ShippedFS returns the shipped scenarios as a file system.
func ShippedFS() fs.FS {
	sub, err := fs.Sub(shipped, "shipped")
	if err != nil {
		panic(err)
	}
	return shippedFS{sub}
}

// Shipped lists the names of the shipped scenarios.
func Shipped() []string {
	entries, _ := fs.ReadDir(ShippedFS(), ".")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// ShippedSource returns the TOML text of a shipped scenario.
func ShippedSource(name string) ([]byte, error) {
	src, err := fs.ReadFile(ShippedFS(), name+".toml")
	if err != nil {
		return nil, fmt.Errorf("no shipped scenario %q; shipped: %s", name, strings.Join(Shipped(), ", "))
	}
	return src, nil
}

// LoadShipped reads a shipped scenario.
func LoadShipped(name string) (*models.Scenario, error) {
	if _, err := ShippedSource(name); err != nil {
		return nil, err
	}
	return Load(ShippedFS(), name+".toml")
}

// Open reads the scenario a user named: a file when one exists at that path
// (or the name ends in .toml, or has a folder in it), otherwise a shipped
// scenario of that name. A folder that is not a shipped scenario's name is
// reported as a folder, with the .toml files it holds.
func Open(arg string) (*models.Scenario, error) {
	if strings.HasSuffix(arg, ".toml") || strings.ContainsAny(arg, "/"+string(filepath.Separator)) || fileExists(arg) {
		return LoadFile(arg)
	}
	if _, err := ShippedSource(arg); err == nil {
		return LoadShipped(arg)
	}
	if folderExists(arg) {
		return LoadFile(arg)
	}
	return nil, fmt.Errorf("%s: no such file, and no shipped scenario of that name (shipped: %s)", arg, strings.Join(Shipped(), ", "))
}

// classificationFile is the TOML shape of an embedded classification.
type classificationFile struct {
	Name       string
	Title      string
	Source     string
	Categories []struct {
		Code       string
		En, Sq, Sr string
		Elements   []string
	}
}

// Classifications lists the shipped economic classifications.
func Classifications() []string {
	entries, _ := fs.ReadDir(classifications, "classifications")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			names = append(names, n)
		}
	}
	return names
}

// Classification returns the shipped classification of that name.
func Classification(name string) (*models.Classification, error) {
	src, err := fs.ReadFile(classifications, path.Join("classifications", name+".toml"))
	if err != nil {
		return nil, fmt.Errorf("no classification %q", name)
	}
	var f classificationFile
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		return nil, fmt.Errorf("classification %s: %w", name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("classification %s: unknown keys %v", name, u)
	}
	c := &models.Classification{Name: f.Name, Title: f.Title, Source: f.Source}
	for _, cat := range f.Categories {
		c.Categories = append(c.Categories, models.Category{Code: cat.Code, Labels: map[string]string{"en": cat.En, "sq": cat.Sq, "sr": cat.Sr}, Elements: cat.Elements})
	}
	if ps := c.Validate(models.Position{File: "kosto:classifications/" + name + ".toml"}); len(ps) > 0 {
		return nil, ps.Err()
	}
	return c, nil
}
