package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"sort"
	"sync"
)

// codeVersion is bumped by hand when a change to the Go code of this package
// changes what it extracts from some text; the data files are hashed.
const codeVersion = "2026-12-06"

// Version identifies what this extractor finds: a short hash of codeVersion
// and every data file it embeds (lexicons, names, places, romanisation
// tables and cues). Two builds with one Version extract the same entities
// from the same text, so an index can tell documents extracted by another
// version from its own.
func Version() string { return version() }

var version = sync.OnceValue(func() string {
	return dataVersion(codeVersion, map[string]string{"names.txt": namesData, "places.txt": placesData}, lexiconFiles, romanFS)
})

// dataVersion hashes code, the named texts and every file of the file systems.
func dataVersion(code string, texts map[string]string, fsyss ...fs.FS) string {
	h := sha256.New()
	h.Write([]byte(code))
	add := func(name string, data []byte) {
		h.Write([]byte{0})
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(data)
	}
	var keys []string
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add(k, []byte(texts[k]))
	}
	for _, fsys := range fsyss {
		var names []string
		_ = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				names = append(names, path)
			}
			return nil
		})
		sort.Strings(names)
		for _, n := range names {
			data, _ := fs.ReadFile(fsys, n) // embedded: cannot fail
			add(n, data)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
