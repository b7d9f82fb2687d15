package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// terminalWidth is the width of the terminal w writes to, or 0 when w is
// no terminal (a file, a pipe), for templates.DefaultWidth.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return width
}
