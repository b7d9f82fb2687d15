package scenarios

import "os"

// fileExists reports whether p names something on disk that is not a folder.
func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// folderExists reports whether p names a folder on disk.
func folderExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
