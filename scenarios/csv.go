package scenarios

// Reading the CSV tables of a grant as councils save them. Excel or
// LibreOffice in an Albanian or Serbian locale writes ";" between values and
// numbers with a decimal comma (1234,56, or 1.234,56 with a thousands mark),
// often with a byte-order mark and CRLF line ends; "Unicode text" is UTF-16
// with tabs between values. ReadData finds the separator in the header line
// and the decimal mark in the numbers (csvnumbers.go).

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// CSVOptions say how to read the CSV tables of a grant: its data table and
// a baseline.
type CSVOptions struct {
	// Separator, when not 0, is the separator of every table (',', ';' or
	// '\t'), instead of the one each file's header line shows.
	Separator rune
}

// ParseSeparator reads a separator as a user names it: ",", ";", or "tab"
// (or a tab character).
func ParseSeparator(s string) (rune, bool) {
	switch s {
	case ",":
		return ',', true
	case ";":
		return ';', true
	case "tab", "\t":
		return '\t', true
	}
	return 0, false
}

// separators are those a table may use, in the order a tie is broken.
var separators = []rune{',', ';', '\t'}

// separatorName names a separator in messages: `";"`, `tab`.
func separatorName(sep rune) string {
	if sep == '\t' {
		return "tab"
	}
	return fmt.Sprintf("%q", string(sep))
}

// separatorPhrase names a separator in messages: `separator ";"`,
// `separator tab`.
func separatorPhrase(sep rune) string { return "separator " + separatorName(sep) }

// csvText returns a table's text as UTF-8 with \n or \r\n line ends: without
// its byte-order mark, decoded from UTF-16 when the mark says so, and with a
// lone \r (the line end of old Macintosh files) made \n.
func csvText(src []byte) []byte {
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		src = src[3:]
	case bytes.HasPrefix(src, []byte("\xff\xfe")):
		src = fromUTF16(src[2:], binary.LittleEndian)
	case bytes.HasPrefix(src, []byte("\xfe\xff")):
		src = fromUTF16(src[2:], binary.BigEndian)
	}
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i, c := range src {
		if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// fromUTF16 decodes UTF-16 text (an odd last byte is dropped; a lone
// surrogate becomes U+FFFD).
func fromUTF16(b []byte, order binary.ByteOrder) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = order.Uint16(b[2*i:])
	}
	out := make([]byte, 0, len(b))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// headerCounts counts each separator in the header line — the first line
// that is neither empty nor a comment (#) — outside quoted values, and
// returns the line's number.
func headerCounts(text []byte) (counts map[rune]int, at int) {
	counts, at = map[rune]int{}, 1
	// Skip empty lines and comments, as the CSV reader does.
	for len(text) > 0 {
		line, rest, _ := bytes.Cut(text, []byte("\n"))
		if len(bytes.TrimSuffix(line, []byte("\r"))) > 0 && line[0] != '#' {
			break
		}
		text, at = rest, at+1
	}
	quoted := false
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted // "" inside quotes toggles twice
		case c == '\n' && !quoted:
			return counts, at
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[rune(c)]++
		}
	}
	return counts, at
}

// detectSeparator finds a table's separator from its header line: the one
// of ',', ';' and tab it has; when it has several, the one that splits every
// line into as many values as the header, else the one it has most of
// (',' for a header of one column). When two split every line evenly and
// the header has as many of each, it returns both, and the header's line:
// the file does not say.
func detectSeparator(text []byte) (sep, tied rune, header int) {
	counts, header := headerCounts(text)
	var found []rune
	for _, s := range separators {
		if counts[s] > 0 {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return ',', 0, 0
	case 1:
		return found[0], 0, 0
	}
	var even []rune
	for _, s := range found {
		if splitsEvenly(text, s) {
			even = append(even, s)
		}
	}
	if len(even) == 1 {
		return even[0], 0, 0
	}
	candidates := even
	if len(even) == 0 {
		candidates = found // the reader's problem will name the separator used
	}
	best := candidates[0]
	for _, s := range candidates[1:] {
		if counts[s] > counts[best] {
			best = s
		}
	}
	for _, s := range even {
		if s != best && counts[s] == counts[best] {
			return best, s, header
		}
	}
	return best, 0, 0
}

// splitsEvenly says whether text reads as CSV with sep, every line with as
// many values as the header.
func splitsEvenly(text []byte, sep rune) bool {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.Comment, r.ReuseRecord = sep, '#', true
	for {
		_, err := r.Read()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}
