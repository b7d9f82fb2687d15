package scenarios

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

//go:embed formulas/*.toml
var shippedFormulas embed.FS

//go:embed data/*.csv data/*.toml
var shippedData embed.FS

// Formulas lists the names of the shipped grant formulas.
func Formulas() []string { return embeddedNames(shippedFormulas, "formulas", ".toml") }

// DataTables lists the shipped municipal data tables (file names).
func DataTables() []string { return embeddedNames(shippedData, "data", ".csv") }

func embeddedNames(fsys embed.FS, dir, ext string) []string {
	entries, _ := fs.ReadDir(fsys, dir)
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ext); ok {
			if ext == ".csv" {
				n = e.Name()
			}
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// FormulaSource returns the TOML text of a shipped formula.
func FormulaSource(name string) ([]byte, error) {
	src, err := shippedFormulas.ReadFile("formulas/" + name + ".toml")
	if err != nil {
		return nil, fmt.Errorf("no shipped formula %q; shipped: %s", name, strings.Join(Formulas(), ", "))
	}
	return src, nil
}

// ShippedFormula returns a shipped formula as decoded, its title and its
// keys, for listing: not validated, and without its data table (OpenFormula
// reads a formula to compute it).
func ShippedFormula(name string) (*models.Formula, error) {
	src, err := FormulaSource(name)
	if err != nil {
		return nil, err
	}
	var ps models.Problems
	f := decodeFormula("kosto:formulas/"+name+".toml", src, &ps)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// DataSource returns a shipped data table's CSV text.
func DataSource(name string) ([]byte, error) {
	src, err := shippedData.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("no shipped data table %q; shipped: %s", name, strings.Join(DataTables(), ", "))
	}
	return src, nil
}

// A GrantInput is what a grant formula needs to be computed: the formula,
// its data table, and — for a cost-based pot — the scenario whose costed
// need is the pot.
type GrantInput struct {
	Formula  *models.Formula
	Data     *models.DataTable
	Scenario *models.Scenario // nil unless the pot is cost-based
}

// OpenFormula reads the grant formula a user named — a file when one exists
// at that path (or the name ends in .toml), otherwise a shipped formula —
// with its data table and, for a cost-based pot, its scenario. data, when
// not empty, is a CSV file that replaces the table the formula names. The
// formula's own problems and its files' are returned together, as
// models.Problems; the formula is checked against its data when it is
// computed (grant.Allocate). With problems, the input read so far is
// returned beside them (nil when the formula could not be parsed), so that a
// caller can check it against its data too and report every problem at once.
// o says how to read the data table (ReadData).
func OpenFormula(arg, data string, o CSVOptions) (*GrantInput, error) {
	ff, err := readFormula(arg)
	if err != nil {
		return nil, err
	}
	return openFormula(ff, data, o)
}

// openFormula is OpenFormula of the formula file ff, read.
func openFormula(ff formulaFile, data string, o CSVOptions) (*GrantInput, error) {
	var ps models.Problems
	f := decodeFormula(ff.shown, ff.src, &ps)
	if f == nil {
		return nil, ps.Err()
	}
	var vps models.Problems
	if errors.As(f.Validate(), &vps) {
		ps = append(ps, vps...)
	}
	in := &GrantInput{Formula: f}
	in.Data = ff.data(f, data, o, &ps)
	in.Scenario = ff.potScenario(f, &ps)
	if err := ps.Err(); err != nil {
		return in, err
	}
	return in, nil
}

// A formulaFile is the text of the formula a user named, as OpenFormula
// reads it.
type formulaFile struct {
	arg     string // as the user named it: the files it names are found beside it
	src     []byte
	shown   string // the file as messages name it
	shipped bool   // a shipped formula, which names only shipped files
}

// readFormula reads the formula arg names: the file at that path when one
// exists there (or arg looks like a path), otherwise the shipped formula of
// that name. A file that cannot be read is a problem of its own; a name
// that is neither a file nor a shipped formula is an error that lists the
// shipped ones.
func readFormula(arg string) (formulaFile, error) {
	if strings.HasSuffix(arg, ".toml") || strings.ContainsRune(arg, '/') || fileExists(arg) || folderExists(arg) && !slices.Contains(Formulas(), arg) {
		b, why := readAs(arg, "a formula file", ".toml")
		if why != "" {
			return formulaFile{}, models.Problems{{Pos: models.Position{File: filepath.Clean(arg)}, Expected: why}}
		}
		return formulaFile{arg: arg, src: b, shown: arg}, nil
	}
	b, err := FormulaSource(arg)
	if err != nil {
		return formulaFile{}, fmt.Errorf("%s: no such file, and no shipped formula of that name (shipped: %s)", arg, strings.Join(Formulas(), ", "))
	}
	return formulaFile{arg: arg, src: b, shown: "kosto:formulas/" + arg + ".toml", shipped: true}, nil
}

// data reads the data table of f, read from ff: the file data names when
// it is not empty, else the file the formula names, beside it (never for a
// shipped formula), else the shipped table of that name. It is nil when the
// formula names none, or when the table could not be read (a problem in
// ps).
func (ff formulaFile) data(f *models.Formula, data string, o CSVOptions, ps *models.Problems) *models.DataTable {
	switch {
	case data != "":
		return readDataFile(data, models.Position{}, o, ps)
	case !f.Data.File.Set:
		return nil
	}
	name, at := f.Data.File.S, f.Data.File.Pos
	local, why := "", ""
	if !ff.shipped {
		local, why = besideFormula(ff.arg, name)
	}
	switch {
	case why != "":
		ps.Add(at, fmt.Sprintf("%q", name), "%s", why)
		return nil
	case !ff.shipped && (fileExists(local) || folderExists(local)):
		return readDataFile(local, at, o, ps)
	}
	csvSrc, err := DataSource(path.Base(name))
	if err != nil {
		ps.Add(at, fmt.Sprintf("%q", name), "no such file (%s), and no shipped data table of that name (shipped: %s)", local, strings.Join(DataTables(), ", "))
		return nil
	}
	side, _ := shippedData.ReadFile("data/" + sidecarName(path.Base(name)))
	return ReadData("kosto:data/"+path.Base(name), csvSrc, side, o, ps)
}

// potScenario reads the scenario whose costed need is the pot of f, read
// from ff, when the pot is cost-based: a file relative to the formula
// (never for a shipped formula), else a shipped scenario. It is nil when
// the pot is not cost-based or names no scenario, or when the scenario
// could not be found; the scenario's own problems go into ps.
func (ff formulaFile) potScenario(f *models.Formula, ps *models.Problems) *models.Scenario {
	if f.Pot.Kind != models.PotCostBased || !f.Pot.Scenario.Set {
		return nil
	}
	name, at := f.Pot.Scenario.S, f.Pot.Scenario.Pos
	var sc *models.Scenario
	var err error
	if !ff.shipped && (strings.HasSuffix(name, ".toml") || strings.ContainsRune(name, '/') || filepath.IsAbs(name)) {
		local, why := besideFormula(ff.arg, name)
		if why != "" {
			ps.Add(at, fmt.Sprintf("%q", name), "%s", why)
			return nil
		}
		sc, err = LoadFile(local)
	} else {
		if _, e := ShippedSource(name); e != nil {
			ps.Add(at, fmt.Sprintf("%q", name), "expected a scenario file (ending in .toml, relative to the formula) or a shipped scenario: %s", strings.Join(Shipped(), ", "))
			return nil
		}
		sc, err = LoadShipped(name)
	}
	if sps := (models.Problems{}); errors.As(err, &sps) {
		*ps = append(*ps, sps...)
	} else if err != nil {
		ps.Add(at, fmt.Sprintf("%q", name), "%v", err)
	}
	return sc
}

// besideFormula resolves a file a formula file names (its data table, the
// scenario of its pot) by the rule extends follows (FORMAT.md §6): a path
// relative to the formula's folder, with / between folders, never
// absolute, and never above the root — the working folder when the
// formula lies in it, otherwise the formula's own folder. why says what is
// wrong when the path breaks the rule.
func besideFormula(formula, name string) (local, why string) {
	if strings.HasPrefix(name, "/") || filepath.IsAbs(name) || driveLetter(name) {
		return "", `expected a path relative to the folder of the formula (like "data.csv" or "../data/data.csv"); a file is never named by an absolute path (FORMAT.md §6)`
	}
	if strings.Contains(name, `\`) {
		return "", `expected / between folders, not \ (FORMAT.md §6)`
	}
	abs, err := filepath.Abs(formula)
	if err != nil {
		return "", err.Error()
	}
	cwd, _ := os.Getwd()
	root := filepath.Dir(abs)
	if rel, err := filepath.Rel(cwd, abs); cwd != "" && err == nil && filepath.IsLocal(rel) {
		root = cwd
	}
	target := filepath.Join(filepath.Dir(abs), filepath.FromSlash(name))
	if rel, err := filepath.Rel(root, target); err != nil || !filepath.IsLocal(rel) {
		return "", fmt.Sprintf("reaches outside %s; a file a formula names must lie in that folder or below it (FORMAT.md §6)", root)
	}
	return filepath.Join(filepath.Dir(formula), filepath.FromSlash(name)), ""
}

// sidecarName is the file that records the sources of a table's columns:
// kosovo_municipalities.csv → kosovo_municipalities.sources.toml.
func sidecarName(csvName string) string {
	return strings.TrimSuffix(csvName, ".csv") + ".sources.toml"
}

// readDataFile reads a CSV file and its sidecar of sources, if any (ReadData).
func readDataFile(file string, from models.Position, o CSVOptions, ps *models.Problems) *models.DataTable {
	src, why := readAs(file, "a data table", ".csv")
	if why != "" {
		if from.File != "" {
			ps.Add(from, fmt.Sprintf("%q", filepath.Base(file)), "%s (%s)", why, file)
		} else {
			ps.Add(models.Position{File: filepath.Clean(file)}, "", "%s", why)
		}
		return nil
	}
	side, _ := readOSFile(filepath.Join(filepath.Dir(file), sidecarName(filepath.Base(file))))
	return ReadData(file, src, side, o, ps)
}

// ReadData reads a municipal data table: CSV with a header row, one row per
// municipality; lines starting with # are comments; a blank cell is a
// missing value, and a row of blank cells is skipped. The separator — ',',
// ';' or tab — is o.Separator, else the one the header line shows; the
// decimal mark, '.' or ',', is the one the numbers show, and every number
// is kept in the canonical form 1234.56 (see readNumbers). A byte-order
// mark, UTF-16 text and CRLF or CR line ends are read too. sources, when
// not empty, is the TOML sidecar that records each column's source (column
// = "source"). Problems name the file and line, and the separator and
// decimal mark found.
func ReadData(file string, src, sources []byte, o CSVOptions, ps *models.Problems) *models.DataTable {
	text := csvText(src)
	sep, how, ok := dataSeparator(file, text, o, ps)
	if !ok {
		return nil
	}
	t := readRecords(file, text, sep, how, ps)
	if t == nil {
		return nil
	}
	if t.Columns == nil {
		ps.Add(models.Position{File: file, Line: 1}, "", "expected a header row naming the columns, then one row per municipality")
		return nil
	}
	if !readNumbers(t, ps) {
		return nil
	}
	if len(sources) > 0 {
		readSources(file, sources, t, ps)
	}
	return t
}

// dataSeparator is the separator of a table's text: o.Separator when given,
// else the one its header line shows; how says which, for messages. ok is
// false, with a problem in ps, when the header line shows two separators
// as well.
func dataSeparator(file string, text []byte, o CSVOptions, ps *models.Problems) (sep rune, how string, ok bool) {
	if o.Separator != 0 {
		return o.Separator, "given with --csv-separator", true
	}
	sep, tied, header := detectSeparator(text)
	if tied != 0 {
		ps.Add(models.Position{File: file, Line: header}, "", "expected one separator: the header line has as many %s as %s, and either splits every line into as many values as the header; give the separator with --csv-separator", separatorName(sep), separatorName(tied))
		return 0, "", false
	}
	return sep, "found in the header line", true
}

// readRecords reads a table's text as CSV separated by sep (how says how
// the separator was found, for messages): its first record is the header,
// every other one a row, but for rows of blank cells, which are skipped. It
// is nil, with a problem in ps, when the text is not valid CSV; its Columns
// are nil when the text has no record at all.
func readRecords(file string, text []byte, sep rune, how string, ps *models.Problems) *models.DataTable {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sep
	r.Comment = '#'
	t := &models.DataTable{File: file, Sources: map[string]string{}, Separator: sep}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return t
		}
		if err != nil {
			line, msg := csvError(err, len(t.Columns), len(rec))
			ps.Add(models.Position{File: file, Line: line}, "", "not valid CSV (%s, %s): %s", separatorPhrase(sep), how, printable(msg))
			return nil
		}
		line, _ := r.FieldPos(0)
		switch {
		case t.Columns == nil:
			t.Columns = headerNames(file, line, rec, ps)
		case !blank(rec): // a spreadsheet's empty row, ;;;;, is skipped
			t.Rows = append(t.Rows, models.DataRow{Line: line, Cells: rec})
		}
	}
}

// csvError is the line and the message of an error of the CSV reader: a
// record with more or fewer values than the header has columns is said
// against the header.
func csvError(err error, columns, values int) (line int, msg string) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return 0, err.Error()
	}
	switch {
	case !errors.Is(pe.Err, csv.ErrFieldCount):
		return pe.Line, pe.Err.Error()
	case columns == 1:
		return pe.Line, fmt.Sprintf("expected 1 value, as the header has one column, not %d", values)
	}
	return pe.Line, fmt.Sprintf("expected %d values, one for each column of the header, not %d", columns, values)
}

// headerNames returns the names of a table's columns, the header record
// rec trimmed of blanks, reporting a column without a name and a name given
// twice.
func headerNames(file string, line int, rec []string, ps *models.Problems) []string {
	seen := map[string]bool{}
	for i, c := range rec {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
			ps.Add(models.Position{File: file, Line: line}, "", "column %d of the header has no name", i+1)
		case seen[c]:
			ps.Add(models.Position{File: file, Line: line}, fmt.Sprintf("%q", printable(c)), "the header names this column twice")
		}
		seen[c] = true
		rec[i] = c
	}
	return rec
}

// blank says whether every value of a row is blank.
func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// readSources reads a data table's sidecar: column = "source", for columns
// of the table.
func readSources(csvFile string, src []byte, t *models.DataTable, ps *models.Problems) {
	file := sidecarName(csvFile)
	raw := parseTOML(file, src, ps)
	if raw == nil {
		return
	}
	d := &decoder{file: file, loc: newLocator(string(trimBOM(src))), ps: ps}
	for _, k := range sortedKeys(raw) {
		if t.Column(k) < 0 {
			d.unknown(k, k, t.Columns, "the sources of "+filepath.Base(csvFile)+" (a column of the table)")
			continue
		}
		t.Sources[k] = d.text(k, raw[k]).S
	}
}

// ReadBaseline reads the allocations of a previous run — the CSV that
// kosto grant --format csv writes (a row per figure; its allocation table's
// allocation column), or that CSV saved again by a spreadsheet — or any CSV
// with a municipality column and an allocation column: municipality →
// allocation. o says how to read it (ReadData).
func ReadBaseline(file string, o CSVOptions) (map[string]decimal.Decimal, error) {
	var ps models.Problems
	t := readDataFile(file, models.Position{}, o, &ps)
	if t == nil {
		return nil, ps.Err()
	}
	if t.Column("table") >= 0 && t.Column("item") >= 0 && t.Column("column") >= 0 && t.Column("value") >= 0 {
		return readLongBaseline(t, file, &ps)
	}
	mc, ac := t.Column("municipality"), t.Column("allocation")
	if mc < 0 || ac < 0 {
		ps.Add(models.Position{File: file, Line: 1}, "", "expected a header with the columns municipality and allocation (the CSV kosto grant --format csv writes)")
		return nil, ps.Err()
	}
	return baselineRows(t, file, mc, ac, func(int) bool { return true }, &ps)
}

// readLongBaseline reads the allocations from the CSV kosto grant writes:
// the rows of its allocation table's allocation column, by item (the
// municipality's name).
func readLongBaseline(t *models.DataTable, file string, ps *models.Problems) (map[string]decimal.Decimal, error) {
	tc, cc := t.Column("table"), t.Column("column")
	return baselineRows(t, file, t.Column("item"), t.Column("value"), func(i int) bool {
		return t.Cell(i, tc) == "allocation" && t.Cell(i, cc) == "allocation" && t.Cell(i, t.Column("item")) != "total"
	}, ps)
}

// baselineRows reads municipality → allocation from columns mc and ac of
// the rows keep keeps.
func baselineRows(t *models.DataTable, file string, mc, ac int, keep func(int) bool, ps *models.Problems) (map[string]decimal.Decimal, error) {
	out := map[string]decimal.Decimal{}
	for i, row := range t.Rows {
		m, a := t.Cell(i, mc), t.Cell(i, ac)
		if m == "" || !keep(i) {
			continue // a summary line
		}
		v, err := decimal.NewFromString(a)
		if err != nil || !looksNumeric(a) || v.IsNegative() {
			ps.Add(models.Position{File: file, Line: row.Line, Key: "allocation"}, fmt.Sprintf("%q", printable(t.Written(i, ac))), "expected an amount of zero or more (%s; read with %s)", m, t.Dialect())
			continue
		}
		if _, dup := out[m]; dup {
			ps.Add(models.Position{File: file, Line: row.Line, Key: "municipality"}, fmt.Sprintf("%q", m), "expected each municipality once")
		}
		out[m] = v
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
