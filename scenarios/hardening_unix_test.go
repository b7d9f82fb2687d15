//go:build unix

package scenarios

import (
	"os"
	"syscall"
	"testing"
)

// A file that is not a regular one is refused before it is opened (a pipe
// would wait for a writer, /dev/zero never end), and so is one larger than
// MaxFileSize, as the file given to kosto and as a base.
func TestUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := syscall.Mkfifo("pipe.toml", 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	big := make([]byte, MaxFileSize+1)
	for i := range big {
		big[i] = '#'
	}
	write := func(name, src string) {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("big.toml", string(big))
	write("v.toml", "format = 1\nextends = \"pipe.toml\"\n")
	for _, c := range []struct{ file, want string }{
		{"pipe.toml", "pipe.toml: cannot read the file: not a regular file (a device, a pipe or a socket)"},
		{"/dev/zero", "/dev/zero: cannot read the file: not a regular file (a device, a pipe or a socket)"},
		{"big.toml", "big.toml: cannot read the file: the file is larger than 16 MB, the most kosto reads"},
		{"v.toml", `v.toml:2: extends = "pipe.toml": cannot read the file: not a regular file (a device, a pipe or a socket) (pipe.toml)`},
	} {
		t.Run(c.file, func(t *testing.T) {
			_, err := LoadFile(c.file)
			if err == nil || err.Error() != c.want {
				t.Errorf("got:\n%v\nwant:\n%s", err, c.want)
			}
		})
	}
}
