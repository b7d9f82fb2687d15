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
	line = 1
	depth := 0          // open arrays and inline tables of the value being read
	var open []byte     // the brackets open, innermost last
	parts := 1          // dotted parts of the key being read
	inKey := true       // reading a key: at the start of a line, or after { or , in an inline table
	header := false     // reading a [table] or [[array]] header
	atLineStart := true // nothing but blanks since the last newline
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
			if depth == 0 {
				inKey, parts, header = true, 1, false
			}
			atLineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
			continue
		case c == '"' || c == '\'':
			end, lines := skipString(src, i)
			line += lines
			i = end
		case header && c == ']':
			header = false
			inKey = false
		case (inKey || header) && c == '.':
			parts++
			if parts > MaxNesting {
				return line, fmt.Sprintf("expected a key or table header of at most %d dotted parts (a scenario needs six at most); kosto stops reading here", MaxNesting), false
			}
		case atLineStart && depth == 0 && c == '[':
			header, inKey, parts = true, false, 1
			if i+1 < len(src) && src[i+1] == '[' {
				i++
			}
		case inKey && c == '=':
			inKey = false
		case c == '[' || c == '{':
			depth++
			open = append(open, c)
			if depth > MaxNesting {
				return line, fmt.Sprintf("expected values nested at most %d arrays or inline tables deep (a scenario needs two or three); kosto stops reading here", MaxNesting), false
			}
			if c == '{' {
				inKey, parts = true, 1
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
				open = open[:len(open)-1]
			}
			inKey = false
		case c == ',' && depth > 0 && open[len(open)-1] == '{':
			inKey, parts = true, 1
		}
		atLineStart = false
	}
	return 0, "", true
}

// skipString returns the index of the last byte of the string that starts
// at src[i] (a quote), and the newlines inside it. A string that does not
// end runs to the end of the text, where the decoder will say so.
func skipString(src []byte, i int) (end, lines int) {
	q := src[i]
	multi := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	j := i + 1
	if multi {
		j = i + 3
	}
	for ; j < len(src); j++ {
		c := src[j]
		switch {
		case c == '\n':
			if !multi {
				return j - 1, lines // a basic string cannot span lines: the decoder will say so
			}
			lines++
		case c == '\\' && q == '"':
			if j+1 < len(src) && src[j+1] == '\n' {
				lines++
			}
			j++
		case c == q && !multi:
			return j, lines
		case c == q && multi && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
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
