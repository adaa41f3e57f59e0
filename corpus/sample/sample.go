// Package sample embeds a small real archive sample — four Hindi articles and one
// Urdu article as the archive has them — for the demo and for tests.
package sample

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed *.txt
var files embed.FS

// FS returns the sample's files, at the root of the file system.
func FS() fs.FS { return files }

// Names returns the sample's file names.
func Names() []string {
	entries, _ := files.ReadDir(".")
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// WriteTo writes the sample's files into dir, creating it, and returns their paths.
func WriteTo(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var out []string
	for _, name := range Names() {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
