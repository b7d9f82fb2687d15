package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"unicode/utf8"
)

// checkOutputFile refuses an --output that cannot be a file, before anything
// is computed: a folder (example is the file name suggested in it, such as
// "report.csv"), a file in a folder that does not exist, or in a "folder"
// that is a file. Each is bad input; any other failure to look is kosto's.
func checkOutputFile(path, example string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return badInput("--output %s: is a folder; name a file in it (e.g. %s)", path, filepath.Join(path, example))
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case err == nil && fi.IsDir():
		return nil
	case err == nil, errors.Is(err, syscall.ENOTDIR):
		if f := fileOnTheWay(dir); f != "" {
			return badInput("cannot write %s: %s is a file, not a folder", path, f)
		}
	case errors.Is(err, fs.ErrNotExist):
		return badInput("cannot write %s: the folder %s does not exist", path, dir)
	}
	return writeError(path, err)
}

// fileOnTheWay returns the nearest of dir and the folders above it that
// exists and is not a folder, or "".
func fileOnTheWay(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil {
			if fi.IsDir() {
				return ""
			}
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// writeError says that path could not be written, and why in the system's
// words alone: the operation and the name of the temporary file a
// *fs.PathError or *os.LinkError carries mean nothing to the user. It is
// kosto's failure (exit status 1): the path itself was checked up front.
func writeError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("cannot write %s: %w", path, err)
}

// writeFile writes data to path whole or not at all: into a temporary file in
// the same folder, then renamed into place. An existing file is kept unless
// force is set. The temporary file is removed if anything fails, if kosto
// panics meanwhile, or if it is stopped by a signal (removeTemps); messages
// name path, never the temporary file.
func writeFile(path string, data []byte, force bool) error {
	example := "report" + filepath.Ext(path)
	if filepath.Ext(path) == "" {
		example = "report.csv"
	}
	if err := checkOutputFile(path, example); err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil && !force {
		return badInput("%s exists; use --force to overwrite it", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return writeError(path, err)
	}
	tmp, err := createTemp(path)
	if err != nil {
		return writeError(path, err)
	}
	defer discard(tmp) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		return writeError(path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return writeError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(path, err)
	}
	if testHookTempWritten != nil {
		testHookTempWritten(tmp.Name())
	}
	if err := settle(tmp, path); err != nil {
		return writeError(path, err)
	}
	return nil
}

// testHookTempWritten, when set (by tests only), is called with the
// temporary file's name once it is written, just before it is renamed: a
// test can stop kosto there, with the file in flight.
var testHookTempWritten func(tmp string)

// inflight is the registry of temporary files being written: created by
// createTemp, and taken off by settle (renamed into place) or discard
// (removed), or all removed by removeTemps when kosto is stopped.
var inflight struct {
	sync.Mutex
	files map[*os.File]bool
}

// maxTempBase is the longest part of the output file's name a temporary
// file's name repeats, so that a file whose name is near the system's limit
// (255 bytes) can still be written.
const maxTempBase = 200

// createTemp creates and registers a temporary file in path's folder, named
// after path: .NAME.RANDOM.tmp.
func createTemp(path string) (*os.File, error) {
	base := filepath.Base(path)
	for len(base) > maxTempBase {
		_, size := utf8.DecodeLastRuneInString(base)
		base = base[:len(base)-size]
	}
	inflight.Lock()
	defer inflight.Unlock()
	f, err := os.CreateTemp(filepath.Dir(path), "."+base+".*.tmp")
	if err != nil {
		return nil, err
	}
	if inflight.files == nil {
		inflight.files = map[*os.File]bool{}
	}
	inflight.files[f] = true
	return f, nil
}

// settle renames the temporary file tmp to path and takes it off the
// registry; if the rename fails, tmp stays registered for discard.
func settle(tmp *os.File, path string) error {
	inflight.Lock()
	defer inflight.Unlock()
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	delete(inflight.files, tmp)
	return nil
}

// discard closes and removes the temporary file tmp if it is still
// registered, and takes it off.
func discard(tmp *os.File) {
	inflight.Lock()
	defer inflight.Unlock()
	if inflight.files[tmp] {
		tmp.Close()
		os.Remove(tmp.Name())
		delete(inflight.files, tmp)
	}
}

// removeTemps removes every temporary file in flight, for a kosto stopped by
// a signal. It keeps the registry locked, so that no file is created or
// renamed into place before kosto exits: call it only on the way out.
func removeTemps() {
	inflight.Lock()
	for f := range inflight.files {
		f.Close()
		os.Remove(f.Name())
		delete(inflight.files, f)
	}
}
