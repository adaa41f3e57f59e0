//go:build !unix

package corpus

import "os"

// readFile reads a regular file whole through os.File.
func readFile(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkSize(info.Mode().IsRegular(), info.Size(), maxBytes); err != nil {
		return nil, err
	}
	return readAll(f, info.Size(), maxBytes)
}
