package scenarios

// Reading a workbook back: kosto import reads the cells of a workbook kosto
// exported, as the council left it. A workbook is a zip of XML parts; this
// reader opens the zip with limits (entries, sizes, compression ratio,
// cells) before it reads any of it, and reads only what import needs — the
// sheets' names and states, the defined names, each cell's value, type,
// number format (a date is a number formatted as a date) and whether it
// holds a formula — in one pass over each part, streaming, so that neither a
// zip bomb nor a huge sheet costs more than the limits.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// Limits of a workbook kosto reads. A council's workbook of the largest
// shipped scenario is a few megabytes unpacked; these leave room for a
// spreadsheet that adds its own parts, and refuse what could only be an
// attack or a mistake.
const (
	MaxWorkbookSize     = 32 << 20  // bytes of the file itself
	maxWorkbookEntries  = 2000      // parts of the zip
	maxWorkbookUnpacked = 64 << 20  // bytes of every part unpacked
	maxWorkbookRatio    = 200       // unpacked ÷ packed, for a part over 1 MB
	maxWorkbookCells    = 4_000_000 // cells of every sheet together
)

// ErrNotWorkbook is why a file that is no workbook at all is refused.
var ErrNotWorkbook = errors.New("not an Excel workbook (.xlsx): it is not a zip of a spreadsheet's parts")

// A Book is what kosto reads of a workbook.
type Book struct {
	Sheets   []string          // the sheets' names, in order
	Hidden   map[string]bool   // the sheets hidden (or very hidden)
	Names    map[string]string // each workbook-wide defined name → what it refers to, as written
	Modified string            // the date it was last saved (YYYY-MM-DD), when its properties say
	cells    map[string]map[string]BookCell
}

// A BookCell is one cell as a workbook stores it.
type BookCell struct {
	Formula bool   // it holds a formula (whatever its cached value)
	Type    string // SpreadsheetML's t: "" or "n" a number, "s"/"str"/"inlineStr" text, "b", "e", "d"
	Value   string // the stored value: a number as written, text resolved from the shared strings
	Date    bool   // a number formatted as a date or a time
}

// Text reports whether the cell holds words rather than a number.
func (c BookCell) Text() bool {
	switch c.Type {
	case "s", "str", "inlineStr":
		return true
	}
	return false
}

// Empty reports whether the cell holds nothing.
func (c BookCell) Empty() bool { return !c.Formula && c.Value == "" }

// Cell returns the cell at ref ("C95") of sheet; a cell the sheet does not
// store is empty.
func (b *Book) Cell(sheet, ref string) BookCell { return b.cells[sheet][ref] }

// Cells returns every stored cell of sheet, by reference.
func (b *Book) Cells(sheet string) map[string]BookCell { return b.cells[sheet] }

// HasSheet reports whether the workbook has a sheet of that name.
func (b *Book) HasSheet(name string) bool { _, ok := b.cells[name]; return ok }

// ReadBook reads the workbook file at name, refusing — before reading it —
// a path that is no regular file, and a file over MaxWorkbookSize.
func ReadBook(name string) (*Book, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a folder, not a workbook")
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if info.Size() > MaxWorkbookSize {
		return nil, fmt.Errorf("larger than %d MB, the most kosto reads of a workbook", MaxWorkbookSize>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxWorkbookSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxWorkbookSize {
		return nil, fmt.Errorf("larger than %d MB, the most kosto reads of a workbook", MaxWorkbookSize>>20)
	}
	return ParseBook(data)
}

// ParseBook reads a workbook from its bytes.
func ParseBook(data []byte) (*Book, error) {
	if len(data) > MaxWorkbookSize {
		return nil, fmt.Errorf("larger than %d MB, the most kosto reads of a workbook", MaxWorkbookSize>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotWorkbook
	}
	if len(zr.File) > maxWorkbookEntries {
		return nil, fmt.Errorf("a zip of %d parts; a workbook kosto reads has at most %d", len(zr.File), maxWorkbookEntries)
	}
	r := &bookReader{parts: map[string]*zip.File{}}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if declared > maxWorkbookUnpacked {
			return nil, errUnpacked
		}
		if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > maxWorkbookRatio*max(f.CompressedSize64, 1) {
			return nil, fmt.Errorf("its part %s unpacks to %d times its size: refused as a zip bomb", f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1))
		}
		r.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	return r.read()
}

var errUnpacked = fmt.Errorf("its parts unpack to more than %d MB, the most kosto reads of a workbook", maxWorkbookUnpacked>>20)

// bookReader reads a workbook's parts, counting the bytes unpacked and the
// cells read against the limits.
type bookReader struct {
	parts    map[string]*zip.File
	unpacked int64
	cellsN   int
	shared   []string
	dates    []bool // by style index: a date or time format
}

// open opens a part, counting what is read of it; ok is false when the
// workbook has no such part.
func (r *bookReader) open(name string) (io.ReadCloser, bool, error) {
	f, ok := r.parts[name]
	if !ok {
		return nil, false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, ErrNotWorkbook
	}
	return &countingReader{rc: rc, r: r}, true, nil
}

type countingReader struct {
	rc io.ReadCloser
	r  *bookReader
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.r.unpacked += int64(n)
	if c.r.unpacked > maxWorkbookUnpacked {
		return n, errUnpacked
	}
	return n, err
}

func (c *countingReader) Close() error { return c.rc.Close() }

// decoder reads a part's XML token by token.
func (r *bookReader) decoder(name string) (*xml.Decoder, io.Closer, bool, error) {
	rc, ok, err := r.open(name)
	if !ok || err != nil {
		return nil, nil, ok, err
	}
	d := xml.NewDecoder(rc)
	d.Strict = false
	return d, rc, true, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relTargets reads a relationships part: each id's target, resolved from
// the folder dir.
func (r *bookReader) relTargets(name, dir string) (map[string]string, error) {
	d, c, ok, err := r.decoder(name)
	if !ok || err != nil {
		return nil, err
	}
	defer c.Close()
	out := map[string]string{}
	for {
		t, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, xmlError(name, err)
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			target := attr(e, "Target")
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(dir, target)
			}
			if attr(e, "TargetMode") == "External" {
				continue
			}
			out[attr(e, "Id")] = target
			if attr(e, "Type") != "" && strings.HasSuffix(attr(e, "Type"), "/officeDocument") {
				out["officeDocument"] = target
			}
		}
	}
}

// xmlError says which part could not be read, and why: the limits' errors
// as they are, any other as the part being malformed.
func xmlError(part string, err error) error {
	if errors.Is(err, errUnpacked) || errors.Is(err, errTooManyCells) {
		return err
	}
	return fmt.Errorf("its part %s is not well-formed XML", part)
}

var errTooManyCells = fmt.Errorf("its sheets hold more than %d cells, the most kosto reads of a workbook", maxWorkbookCells)

func (r *bookReader) read() (*Book, error) {
	root, err := r.relTargets("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	wbName := root["officeDocument"]
	if wbName == "" {
		wbName = "xl/workbook.xml"
	}
	if _, ok := r.parts[wbName]; !ok {
		return nil, ErrNotWorkbook
	}
	dir := path.Dir(wbName)
	rels, err := r.relTargets(path.Join(dir, "_rels", path.Base(wbName)+".rels"), dir)
	if err != nil {
		return nil, err
	}
	b := &Book{Hidden: map[string]bool{}, Names: map[string]string{}, cells: map[string]map[string]BookCell{}}
	type sheet struct{ name, part string }
	var sheets []sheet
	d, c, _, err := r.decoder(wbName)
	if err != nil {
		return nil, err
	}
	var inName string
	var local bool
	var nameText strings.Builder
	for {
		t, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.Close()
			return nil, xmlError(wbName, err)
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "sheet":
				name := attr(e, "name")
				id := ""
				for _, a := range e.Attr {
					if a.Name.Local == "id" {
						id = a.Value
					}
				}
				sheets = append(sheets, sheet{name, rels[id]})
				if s := attr(e, "state"); s == "hidden" || s == "veryHidden" {
					b.Hidden[name] = true
				}
			case "definedName":
				inName, local = attr(e, "name"), attr(e, "localSheetId") != ""
				nameText.Reset()
			}
		case xml.CharData:
			if inName != "" {
				nameText.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "definedName" {
				if !local && inName != "" {
					b.Names[inName] = nameText.String()
				}
				inName = ""
			}
		}
	}
	c.Close()
	if err := r.sharedStrings(path.Join(dir, "sharedStrings.xml")); err != nil {
		return nil, err
	}
	for id, target := range rels {
		_ = id
		if strings.HasSuffix(target, "sharedStrings.xml") && target != path.Join(dir, "sharedStrings.xml") {
			if err := r.sharedStrings(target); err != nil {
				return nil, err
			}
		}
	}
	if err := r.styles(path.Join(dir, "styles.xml")); err != nil {
		return nil, err
	}
	for _, s := range sheets {
		b.Sheets = append(b.Sheets, s.name)
		cells, err := r.sheet(s.part)
		if err != nil {
			return nil, err
		}
		b.cells[s.name] = cells
	}
	b.Modified = r.modified()
	return b, nil
}

// xmlText collects the character data of an element's <t> children until the
// element named end closes.
func xmlText(d *xml.Decoder, end string) (string, error) {
	var b strings.Builder
	inT, skip := false, 0
	for {
		t, err := d.Token()
		if err != nil {
			return "", err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "t":
				inT = true
			case "rPh": // a phonetic reading, not the text
				skip++
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inT = false
			case "rPh":
				skip--
			case end:
				return b.String(), nil
			}
		case xml.CharData:
			if inT && skip == 0 {
				b.Write(e)
			}
		}
	}
}

func (r *bookReader) sharedStrings(name string) error {
	d, c, ok, err := r.decoder(name)
	if !ok || err != nil {
		return err
	}
	defer c.Close()
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError(name, err)
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "si" {
			s, err := xmlText(d, "si")
			if err != nil {
				return xmlError(name, err)
			}
			r.shared = append(r.shared, s)
			if len(r.shared) > maxWorkbookCells {
				return errTooManyCells
			}
		}
	}
}

// styles reads which cell styles format a number as a date or a time.
func (r *bookReader) styles(name string) error {
	d, c, ok, err := r.decoder(name)
	if !ok || err != nil {
		return err
	}
	defer c.Close()
	custom := map[int]bool{}
	inXfs := false
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return xmlError(name, err)
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "numFmt":
				id, _ := strconv.Atoi(attr(e, "numFmtId"))
				custom[id] = dateFormat(attr(e, "formatCode"))
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(e, "numFmtId"))
					date, ok := custom[id]
					if !ok {
						date = builtinDate(id)
					}
					r.dates = append(r.dates, date)
					if len(r.dates) > maxWorkbookCells {
						return errTooManyCells
					}
				}
			}
		case xml.EndElement:
			if e.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

// builtinDate reports whether a built-in number format is a date or a time.
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

var (
	fmtQuoted  = regexp.MustCompile(`"[^"]*"|\\.|\[[^\]]*\]|_.|\*.`)
	fmtDateish = regexp.MustCompile(`(?i)[ydhs]|am/pm|a/p`)
)

// dateFormat reports whether a number format code shows a date or a time:
// it has a year, day, hour or second outside quoted text.
func dateFormat(code string) bool {
	if strings.EqualFold(code, "General") {
		return false
	}
	return fmtDateish.MatchString(fmtQuoted.ReplaceAllString(code, ""))
}

// sheet reads a worksheet's cells.
func (r *bookReader) sheet(name string) (map[string]BookCell, error) {
	cells := map[string]BookCell{}
	d, c, ok, err := r.decoder(name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return cells, nil // a chart sheet, or a part missing: no cells
	}
	defer c.Close()
	row, column := 0, 0
	for {
		t, err := d.Token()
		if err == io.EOF {
			return cells, nil
		}
		if err != nil {
			return nil, xmlError(name, err)
		}
		e, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "row":
			if n, err := strconv.Atoi(attr(e, "r")); err == nil && n > 0 {
				row = n
			} else {
				row++
			}
			column = 0
		case "c":
			r.cellsN++
			if r.cellsN > maxWorkbookCells {
				return nil, errTooManyCells
			}
			ref := attr(e, "r")
			if ref != "" {
				if col, rw, ok := splitRef(ref); ok {
					column, row = col, rw
				}
			} else {
				column++
				ref = colName(column) + strconv.Itoa(row)
			}
			cell, err := r.cell(d, e)
			if err != nil {
				return nil, xmlError(name, err)
			}
			if !cell.Empty() {
				cells[ref] = cell
			}
		}
	}
}

// cell reads a <c> element's formula, value and inline text.
func (r *bookReader) cell(d *xml.Decoder, e xml.StartElement) (BookCell, error) {
	c := BookCell{Type: attr(e, "t")}
	if s, err := strconv.Atoi(attr(e, "s")); err == nil && s >= 0 && s < len(r.dates) {
		c.Date = r.dates[s]
	}
	var v strings.Builder
	inV := false
	for {
		t, err := d.Token()
		if err != nil {
			return c, err
		}
		switch x := t.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "f":
				c.Formula = true
			case "v":
				inV = true
			case "is":
				s, err := xmlText(d, "is")
				if err != nil {
					return c, err
				}
				v.WriteString(s)
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "v":
				inV = false
			case "c":
				c.Value = v.String()
				if c.Type == "s" {
					i, err := strconv.Atoi(strings.TrimSpace(c.Value))
					if err != nil || i < 0 || i >= len(r.shared) {
						c.Value = ""
					} else {
						c.Value = r.shared[i]
					}
				}
				if c.Type != "" && c.Type != "n" {
					c.Date = false
				}
				return c, nil
			}
		case xml.CharData:
			if inV {
				v.Write(x)
			}
		}
	}
}

// modified is the date the workbook was last saved, from its core
// properties, or "".
func (r *bookReader) modified() string {
	d, c, ok, err := r.decoder("docProps/core.xml")
	if !ok || err != nil {
		return ""
	}
	defer c.Close()
	for {
		t, err := d.Token()
		if err != nil {
			return ""
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "modified" {
			s, err := d.Token()
			if cd, ok := s.(xml.CharData); err == nil && ok && len(cd) >= 10 && dateLike.Match(cd[:10]) {
				return string(cd[:10])
			}
			return ""
		}
	}
}

var cellRef = regexp.MustCompile(`^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$`)

// splitRef reads a cell reference ("C95", "$C$95") as its column and row
// numbers.
func splitRef(ref string) (col, row int, ok bool) {
	m := cellRef.FindStringSubmatch(ref)
	if m == nil {
		return 0, 0, false
	}
	for _, ch := range strings.ToUpper(m[1]) {
		col = col*26 + int(ch-'A'+1)
	}
	row, _ = strconv.Atoi(m[2])
	return col, row, row > 0
}

// colName is the letters of column n (1 is A).
func colName(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// NameRef reads what a defined name of one cell refers to — 'Të dhënat'!$C$95,
// Inputs!C95 — as its sheet and cell ("C95"); ok is false for anything else
// (a range, a formula, a reference another workbook's).
func NameRef(refersTo string) (sheet, cell string, ok bool) {
	s := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(refersTo), "="))
	if strings.HasPrefix(s, "'") {
		var b strings.Builder
		i := 1
		for ; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				break
			}
			b.WriteByte(s[i])
		}
		if i >= len(s) || i+1 >= len(s) || s[i+1] != '!' {
			return "", "", false
		}
		sheet, s = b.String(), s[i+2:]
	} else {
		j := strings.LastIndexByte(s, '!')
		if j <= 0 {
			return "", "", false
		}
		sheet, s = s[:j], s[j+1:]
		if strings.ContainsAny(sheet, "[]'") {
			return "", "", false
		}
	}
	c, r, ok := splitRef(s)
	if !ok {
		return "", "", false
	}
	return sheet, colName(c) + strconv.Itoa(r), true
}

// A Record is what a workbook kosto exported says of itself, on its hidden
// record sheet (models.RecordSheet).
type Record struct {
	Format, Version, Scenario, Source, Path, Fingerprint, Lang string
	Inputs, Calc, Results, Paths                               string // the sheets' names
	Entries                                                    []RecordEntry
}

// A RecordEntry is one input as it was exported: its figure's name, its
// defined name ("" when it has none), its cell on the Inputs sheet when it
// was exported, and its value then, exactly.
type RecordEntry struct{ Figure, Name, Cell, Exported string }

// ErrNotKosto is why a workbook kosto did not write is refused.
var ErrNotKosto = errors.New("not a workbook kosto exported: it has no record sheet (kosto import reads back only what kosto export wrote)")

// Record reads the workbook's record sheet.
func (b *Book) Record() (*Record, error) {
	cells := b.cells[models.RecordSheet]
	get := func(c string, row int) string { return cells[c+strconv.Itoa(row)].Value }
	if cells == nil || get("A", 1) != models.RecordMarker {
		return nil, ErrNotKosto
	}
	rec := &Record{Format: get("B", 1)}
	if rec.Format != models.RecordFormat {
		return nil, fmt.Errorf("its record is of format %q; this kosto reads format %s (export the workbook again)", rec.Format, models.RecordFormat)
	}
	fields := map[string]*string{
		models.RecordVersion: &rec.Version, models.RecordScenario: &rec.Scenario, models.RecordSource: &rec.Source,
		models.RecordPath: &rec.Path, models.RecordFingerprint: &rec.Fingerprint, models.RecordLang: &rec.Lang,
		models.RecordInputs: &rec.Inputs, models.RecordCalc: &rec.Calc, models.RecordResults: &rec.Results, models.RecordPaths: &rec.Paths,
	}
	row := 2
	for ; row < 1000 && get("A", row) != models.RecordTable; row++ {
		if p := fields[get("A", row)]; p != nil {
			*p = get("B", row)
		}
	}
	if get("A", row) != models.RecordTable || rec.Scenario == "" || rec.Source == "" || rec.Inputs == "" {
		return nil, errors.New("its record sheet is incomplete: it does not say which scenario it was exported from (export the workbook again)")
	}
	for row++; get("A", row) != ""; row++ {
		rec.Entries = append(rec.Entries, RecordEntry{Figure: get("A", row), Name: get("B", row), Cell: get("C", row), Exported: get("D", row)})
	}
	return rec, nil
}
