package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Printing. Councils print on A4: every sheet of every workbook is set to
// A4 (paper size 9), in the orientation its width wants, fitted to one page
// wide and as many pages tall as it needs (so text keeps its size instead
// of shrinking to fit a long sheet on one page), with a print area, its
// header row repeated where a table runs over pages, and a footer naming
// the sheet and the page. Sheets that must read as one piece — About, a
// comparison — are fitted to one page both ways.

// a4 is the paper size code of A4 in SpreadsheetML.
const a4 = 9

// Page geometry, for estimating how many rows a page holds. A4 is 210 ×
// 297 mm; the margins are setPage's. A column of width w (in characters of
// the default font) is about 7w + 5 pixels at 96 pixels an inch, a default
// row 20 pixels (15 points).
const (
	marginSide   = 0.5 // inches, left and right
	marginTop    = 0.6 // inches, top and bottom, the footer inside them
	marginFooter = 0.3
	pxPerInch    = 96.0
	a4Short      = 210 / 25.4 // inches
	a4Long       = 297 / 25.4
	rowPx        = 20.0
)

// page is how one sheet prints.
type page struct {
	sheet     string
	landscape bool
	cols      int    // the print area's columns, A to cols
	rows      int    // the print area's rows, 1 to rows
	titles    bool   // repeat row 1 on every page
	onePage   bool   // fit to one page both ways
	footer    string // the workbook's title, in the footer's centre
}

// printable is the page's printable width and height in pixels.
func (p page) printable() (w, h float64) {
	w, h = a4Short, a4Long
	if p.landscape {
		w, h = h, w
	}
	return (w - 2*marginSide) * pxPerInch, (h - 2*marginTop) * pxPerInch
}

// colPx is the width in pixels of columns of widths ws.
func colPx(ws ...float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += 7*w + 5
	}
	return s
}

// rowsPerPage estimates how many default rows a page holds when columns of
// total width px are fitted to its width: the page's printable height ÷ a
// row's height × the scale (never above 1: fitting only shrinks).
func (p page) rowsPerPage(px float64) int {
	w, h := p.printable()
	scale := 1.0
	if px > w {
		scale = w / px
	}
	return int(h / (rowPx * scale))
}

// setPage sets a sheet's paper, orientation, fit, margins, footer and —
// when it knows them — print area and repeated header row. A streamed
// sheet must have it before it is streamed (the stream writer keeps what
// the sheet has when it starts); the defined names can come at any time.
func setPage(f *excelize.File, p page) error {
	size, orient, wide, tall := a4, "portrait", 1, 0
	if p.landscape {
		orient = "landscape"
	}
	if p.onePage {
		tall = 1
	}
	if err := f.SetPageLayout(p.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(p.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, top, foot := marginSide, marginTop, marginFooter
	if err := f.SetPageMargins(p.sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &foot, Footer: &foot}); err != nil {
		return err
	}
	// The sheet's name on the left (the print test reads it to count each
	// sheet's pages), the workbook's title in the centre, the page on the
	// right. & is the footer's escape: a title's own is doubled.
	title := strings.ReplaceAll(text(p.footer), "&", "&&")
	if len(title) > 120 {
		title = title[:strings.LastIndex(title[:120], " ")] + " …"
	}
	if err := f.SetHeaderFooter(p.sheet, &excelize.HeaderFooterOptions{OddFooter: "&L&8&A&C&8" + title + "&R&8&P / &N"}); err != nil {
		return err
	}
	return setPrintNames(f, p)
}

// setPrintNames defines a sheet's print area and the rows it repeats.
func setPrintNames(f *excelize.File, p page) error {
	if p.cols > 0 && p.rows > 0 {
		if err := setSheetName(f, p.sheet, "_xlnm.Print_Area", fmt.Sprintf("%s$A$1:$%s$%d", at(p.sheet), col(p.cols), p.rows)); err != nil {
			return err
		}
	}
	if p.titles {
		return setSheetName(f, p.sheet, "_xlnm.Print_Titles", at(p.sheet)+"$1:$1")
	}
	return nil
}

// setSheetName sets a name scoped to a sheet, replacing one it has.
func setSheetName(f *excelize.File, sheet, name, refersTo string) error {
	_ = f.DeleteDefinedName(&excelize.DefinedName{Name: name, Scope: sheet})
	return f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: refersTo, Scope: sheet})
}

// tableBreaks returns the rows (1-based) before which a page break keeps
// the tables of a sheet whole: a table is a run of rows with cells between
// blank rows. One that would cross the bottom of a page of perPage rows
// starts the next page when it fits on one and would leave less than half
// of this page empty; otherwise it breaks before its last section (a row
// sub says heads a section, such as a service's lines) that starts on this
// page, or — with no section to break at — starts the next page when it
// fits on one, or runs on. The estimate counts rows of the default height.
func tableBreaks(rows [][]any, sub func(row []any) bool, perPage int) []int {
	var breaks []int
	top := 1 // the first row of the current page
	brk := func(r int) { breaks = append(breaks, r); top = r }
	for i := 0; i < len(rows); {
		if len(rows[i]) == 0 {
			i++
			continue
		}
		start := i
		for i < len(rows) && len(rows[i]) > 0 {
			i++
		}
		first, last := start+1, i // 1-based
		for last-top+1 > perPage {
			bottom := top + perPage - 1
			fits := last-first+1 <= perPage
			if first > top && fits && first-top > perPage/2 {
				brk(first)
				break
			}
			section := 0
			for r := max(first+1, top+1); r <= bottom; r++ {
				if sub(rows[r-1]) {
					section = r
				}
			}
			switch {
			case section > 0:
				brk(section)
			case first > top && fits:
				brk(first)
			default:
				top += perPage
			}
		}
	}
	return breaks
}

// setBreaks puts a row page break before each of rows.
func setBreaks(f *excelize.File, sheet string, rows []int) error {
	for _, r := range rows {
		if err := f.InsertPageBreak(sheet, fmt.Sprintf("A%d", r)); err != nil {
			return err
		}
	}
	return nil
}

// wrappedHeight is the height in points of a row whose longest text of n
// characters wraps in a column of width w characters.
func wrappedHeight(n int, w float64) float64 {
	lines := int(float64(n)/(w*1.1)) + 1
	return 15 * float64(lines)
}

// writeFile writes a workbook so that the same workbook gives the same
// bytes: excelize writes the parts it streams in the order of a map, and
// the image types of [Content_Types].xml too, so the zip is written again
// with its entries in one order ([Content_Types] first, then by name),
// [Content_Types]'s default types sorted, every other entry's bytes copied
// as they were compressed, and every entry dated the day of the export
// (date, YYYY-MM-DD; none when it is empty), as are the document's
// properties.
func writeFile(w io.Writer, f *excelize.File, date string) error {
	var stamp time.Time
	if date != "" {
		var err error
		if stamp, err = time.Parse("2006-01-02", date); err != nil {
			return fmt.Errorf("export date %q: %w", date, err)
		}
		day := stamp.Format("2006-01-02") + "T00:00:00Z"
		p, err := f.GetDocProps()
		if err != nil {
			return err
		}
		p.Created, p.Modified = day, day
		if err := f.SetDocProps(p); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	rank := func(name string) int {
		if name == "[Content_Types].xml" {
			return 0
		}
		return 1
	}
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a < b
	})
	var msDate uint16
	if !stamp.IsZero() {
		msDate = uint16((stamp.Year()-1980)<<9 | int(stamp.Month())<<5 | stamp.Day())
	}
	zw := zip.NewWriter(w)
	for _, zf := range files {
		h := zf.FileHeader
		// CreateRaw writes the MS-DOS date fields as they are (only
		// CreateHeader derives them from Modified), so they are set here.
		//lint:ignore SA1019 CreateRaw reads ModifiedDate, not Modified
		h.Modified, h.ModifiedDate, h.ModifiedTime, h.Extra = time.Time{}, msDate, 0, nil
		if zf.Name == "[Content_Types].xml" {
			if err := copyContentTypes(zw, zf, h); err != nil {
				return err
			}
			continue
		}
		raw, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		out, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

var defaultType = regexp.MustCompile(`<Default [^>]*></Default>|<Default [^>]*/>`)

// copyContentTypes writes [Content_Types].xml with its default types
// sorted.
func copyContentTypes(zw *zip.Writer, zf *zip.File, h zip.FileHeader) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	defaults := defaultType.FindAll(b, -1)
	sort.Slice(defaults, func(i, j int) bool { return bytes.Compare(defaults[i], defaults[j]) < 0 })
	k := 0
	b = defaultType.ReplaceAllFunc(b, func([]byte) []byte { k++; return defaults[k-1] })
	h.Method, h.CRC32, h.CompressedSize64, h.UncompressedSize64 = zip.Deflate, 0, 0, 0
	h.Flags = 0
	out, err := zw.CreateHeader(&h)
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}
