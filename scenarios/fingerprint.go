package scenarios

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
)

// Fingerprint is the SHA-256 of the bytes of the files a scenario was read
// from (its Files, the base first: a shipped one as kosto:NAME.toml, the
// others as messages show them, relative to the working directory), each
// length-prefixed so that no two lists of files give the same bytes (their
// names do not count: a file moved is the same file). A
// workbook records it at export, so that kosto import can tell whether the
// scenario has changed since.
func Fingerprint(files []string) (string, error) {
	h := sha256.New()
	for _, f := range files {
		var src []byte
		var err error
		if name, ok := strings.CutPrefix(f, "kosto:"); ok {
			src, err = fs.ReadFile(ShippedFS(), name)
		} else {
			src, err = readOSFile(f)
		}
		if err != nil {
			return "", err
		}
		var n [8]byte
		for i, l := 0, len(src); i < 8; i, l = i+1, l>>8 {
			n[i] = byte(l)
		}
		h.Write(n[:])
		h.Write(src)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
