package extract

import (
	"regexp"
	"testing"
	"testing/fstest"
)

// The version is a short hash of the code version and the embedded data: the
// same in every call, and changed by a change to any data file.
func TestVersion(t *testing.T) {
	v := Version()
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(v) {
		t.Fatalf("Version() = %q, want 12 hex digits", v)
	}
	if Version() != v {
		t.Error("Version changes between calls")
	}
	base := dataVersion("1", map[string]string{"names.txt": "a"}, fstest.MapFS{"lexicon/en.txt": {Data: []byte("x")}})
	for name, other := range map[string]string{
		"code":    dataVersion("2", map[string]string{"names.txt": "a"}, fstest.MapFS{"lexicon/en.txt": {Data: []byte("x")}}),
		"names":   dataVersion("1", map[string]string{"names.txt": "b"}, fstest.MapFS{"lexicon/en.txt": {Data: []byte("x")}}),
		"lexicon": dataVersion("1", map[string]string{"names.txt": "a"}, fstest.MapFS{"lexicon/en.txt": {Data: []byte("y")}}),
		"a file":  dataVersion("1", map[string]string{"names.txt": "a"}, fstest.MapFS{"lexicon/en.txt": {Data: []byte("x")}, "lexicon/fr.txt": {}}),
	} {
		if other == base {
			t.Errorf("a change to the %s leaves the version %s", name, base)
		}
	}
	if again := dataVersion("1", map[string]string{"names.txt": "a"}, fstest.MapFS{"lexicon/en.txt": {Data: []byte("x")}}); again != base {
		t.Errorf("the same data gives %s and %s", base, again)
	}
}
