package scenarios

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/BurntSushi/toml"
	"github.com/kosto-project/kosto/models"
)

// Limits on what kosto parses, checked before the TOML decoder sees a file:
// the decoder's time and memory grow steeply with nesting (five thousand
// nested inline tables take seconds and a gigabyte, twenty thousand dotted
// key parts minutes and gigabytes), and a scenario needs little of either.
// The deepest key of a shipped scenario has six parts
// (municipalities.NAME.services.NAME.staff.NAME) and its deepest value two
// levels ({ value = …, … } inside a table).
const (
	// MaxFileSize is the largest scenario, formula or sidecar file read, in
	// bytes; the national test scenario of 38 municipalities and every kind
	// is 117 KB.
	MaxFileSize = 16 << 20
	// MaxNesting is the most arrays and inline tables a value may nest, and
	// the most dotted parts a key or table header may have.
	MaxNesting = 32
)

// parseTOML checks src against the limits above, then decodes it into a
// tree of maps. A problem — a file too large, nested too deep, or not valid
// TOML — is added to ps with its line, and the tree is nil.
func parseTOML(file string, src []byte, ps *models.Problems) map[string]any {
	if len(src) > MaxFileSize {
		ps.Add(models.Position{File: file}, "", "expected a file of at most %[2]s; this one is %[1]s", megabytes(len(src)), megabytes(MaxFileSize))
		return nil
	}
	if line, what, ok := tooDeep(trimBOM(src)); !ok {
		ps.Add(models.Position{File: file, Line: line}, "", "%s", what)
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		ps.Add(models.Position{File: file, Line: syntaxLine(err, src)}, "", "%s", syntaxMessage(err))
		return nil
	}
	if raw == nil {
		raw = map[string]any{} // an empty file: its problems are what it lacks
	}
	return raw
}

func megabytes(n int) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// tooDeep scans TOML text for values nested more than MaxNesting arrays or
// inline tables deep, and for keys or table headers of more than MaxNesting
// dotted parts. It reads strings (basic, literal, multi-line) and comments
// only to skip them, so that brackets and dots inside them do not count; it
// is not a TOML parser, and text it cannot make sense of is left to the
// decoder. It returns the line of the first excess and what it is.
func tooDeep(src []byte) (line int, what string, ok bool) {
	s := &nesting{src: src, line: 1, parts: 1, inKey: true, atLineStart: true}
	for ; s.i < len(src); s.i++ {
		if what := s.step(); what != "" {
			return s.line, what, false
		}
	}
	return 0, "", true
}

// nesting is tooDeep's scan of a text: where it is, and what is open there.
type nesting struct {
	src         []byte
	i           int    // the byte being read
	line        int    // its line
	depth       int    // open arrays and inline tables of the value being read
	open        []byte // the brackets open, innermost last
	parts       int    // dotted parts of the key being read
	inKey       bool   // reading a key: at the start of a line, or after { or , in an inline table
	header      bool   // reading a [table] or [[array]] header
	atLineStart bool   // nothing but blanks since the last newline
}

// step reads the byte at s.i, with the comment or string it starts, and
// says what is nested too deep, if anything is.
func (s *nesting) step() (what string) {
	switch s.src[s.i] {
	case '\n':
		s.line++
		if s.depth == 0 {
			s.inKey, s.parts, s.header = true, 1, false
		}
		s.atLineStart = true
		return ""
	case ' ', '\t', '\r':
		return ""
	case '#':
		for s.i+1 < len(s.src) && s.src[s.i+1] != '\n' {
			s.i++
		}
		return ""
	}
	what = s.token()
	s.atLineStart = false
	return what
}

// token reads a byte that is not blank and starts no comment: a string,
// which it skips, or a byte that opens or closes a header, an array or an
// inline table, or separates the parts of a key or the values of an inline
// table. Any other byte is part of a key or a value, and changes nothing.
func (s *nesting) token() (what string) {
	switch c := s.src[s.i]; c {
	case '"', '\'':
		end, lines := skipString(s.src, s.i)
		s.line += lines
		s.i = end
	case '.':
		return s.dot()
	case '=':
		s.inKey = false // a key ends at its =; one after it is in a value
	case '[':
		if s.atLineStart && s.depth == 0 {
			s.startHeader()
			return ""
		}
		return s.push(c)
	case ']':
		if s.header {
			s.header, s.inKey = false, false
			return ""
		}
		s.pop()
	case '{':
		return s.push(c)
	case '}':
		s.pop()
	case ',':
		if s.depth > 0 && s.open[len(s.open)-1] == '{' {
			s.inKey, s.parts = true, 1 // the next key of an inline table
		}
	}
	return ""
}

// dot counts a part of the key or header being read; a dot elsewhere is in
// a value (a decimal point), and does not count.
func (s *nesting) dot() (what string) {
	if !s.inKey && !s.header {
		return ""
	}
	s.parts++
	if s.parts > MaxNesting {
		return fmt.Sprintf("expected a key or table header of at most %d dotted parts (a scenario needs six at most); kosto stops reading here", MaxNesting)
	}
	return ""
}

// startHeader starts a [table] or [[array]] header, at the start of a line.
func (s *nesting) startHeader() {
	s.header, s.inKey, s.parts = true, false, 1
	if s.i+1 < len(s.src) && s.src[s.i+1] == '[' {
		s.i++
	}
}

// push opens an array or, c being {, an inline table, whose first key
// follows.
func (s *nesting) push(c byte) (what string) {
	s.depth++
	s.open = append(s.open, c)
	if s.depth > MaxNesting {
		return fmt.Sprintf("expected values nested at most %d arrays or inline tables deep (a scenario needs two or three); kosto stops reading here", MaxNesting)
	}
	if c == '{' {
		s.inKey, s.parts = true, 1
	}
	return ""
}

// pop closes the innermost array or inline table, if one is open.
func (s *nesting) pop() {
	if s.depth > 0 {
		s.depth--
		s.open = s.open[:len(s.open)-1]
	}
	s.inKey = false
}

// skipString returns the index of the last byte of the string that starts
// at src[i] (a quote), and the newlines inside it. A string that does not
// end runs to the end of the text, where the decoder will say so.
func skipString(src []byte, i int) (end, lines int) {
	q := src[i]
	if tripleQuote(src, i, q) {
		return skipMultiline(src, i+3, q)
	}
	return skipOneLine(src, i+1, q)
}

// tripleQuote says whether src holds three quotes q from i on.
func tripleQuote(src []byte, i int, q byte) bool {
	return i+2 < len(src) && src[i] == q && src[i+1] == q && src[i+2] == q
}

// skipOneLine is skipString for a string quoted by one q, whose text starts
// at src[j].
func skipOneLine(src []byte, j int, q byte) (end, lines int) {
	for ; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\n':
			return j - 1, lines // a basic string cannot span lines: the decoder will say so
		case c == '\\' && q == '"':
			lines += escapedNewline(src, j)
			j++
		case c == q:
			return j, lines
		}
	}
	return len(src) - 1, lines
}

// skipMultiline is skipString for a string quoted by three q, whose text
// starts at src[j].
func skipMultiline(src []byte, j int, q byte) (end, lines int) {
	for ; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\n':
			lines++
		case c == '\\' && q == '"':
			lines += escapedNewline(src, j)
			j++
		case tripleQuote(src, j, q):
			// Up to two more quotes may close a multi-line string ("""a"""").
			j += 2
			for k := 0; k < 2 && j+1 < len(src) && src[j+1] == q; k++ {
				j++
			}
			return j, lines
		}
	}
	return len(src) - 1, lines
}

// escapedNewline is 1 when the backslash at src[j] ends a line (the byte
// after it, which the scan skips, is a newline), else 0.
func escapedNewline(src []byte, j int) int {
	if j+1 < len(src) && src[j+1] == '\n' {
		return 1
	}
	return 0
}

// errTooLarge and errNotRegular are why readFile refuses a file.
var (
	errTooLarge   = fmt.Errorf("the file is larger than %s, the most kosto reads", megabytes(MaxFileSize))
	errNotRegular = errors.New("not a regular file (a device, a pipe or a socket)")
)

// readFile reads a file of fsys whole, refusing — before reading it — a file
// that is not a regular one (/dev/zero would never end, a pipe may never
// answer) and reading no more than MaxFileSize bytes of one that grows.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	// Looked at before it is opened: opening a pipe waits for a writer.
	if info, err := fs.Stat(fsys, name); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	if info.Size() > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errTooLarge}
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err == nil && len(src) > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errTooLarge}
	}
	return src, err
}

// readOSFile is readFile for a path of the operating system's.
func readOSFile(file string) ([]byte, error) {
	return readFile(osFS{}, file)
}

// osFS opens paths of the operating system as they are written; it is only
// for readFile, which needs an fs.FS.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error)     { return os.Open(name) }
func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
