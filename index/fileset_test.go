package index

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The file set answers as the term lookups do, also for the terms a deleted
// document left in its segment's dictionary: a file changed, or changed back
// to an old stat, is not unchanged.
func TestFileSetMatchesLookups(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sh := w.shards[0]
	put := func(path, text string, size int64) {
		t.Helper()
		if _, err := w.Put(path, textDoc(text), size, time.Unix(size, 0)); err != nil {
			t.Fatal(err)
		}
	}
	flush := func() {
		t.Helper()
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	// one segment per step: the old versions are deleted in older segments
	for i := range 20 {
		put(fmt.Sprintf("/f%02d", i), fmt.Sprintf("text %d", i), 100)
	}
	put("/copy", "text 3", 100)
	flush()
	// as later runs would see them: changed (/f01@100 is left in a deleted
	// document), touched (the same text at a new stat), a copy record's stat
	// changed, a file removed
	for _, p := range []string{"/f01", "/f02", "/copy", "/f04"} {
		if _, err := w.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	flush()
	put("/f01", "text 1 changed", 101)
	put("/f02", "text 2", 102)
	put("/copy", "text 3", 103)
	flush()

	snap, err := snapshot(sh.idx)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	deletions := 0
	for _, ss := range snap.(*scorch.IndexSnapshot).Segments() {
		if d := ss.Deleted(); d != nil {
			deletions += int(d.GetCardinality())
		}
	}
	if deletions == 0 {
		t.Fatal("no segment has a deleted document: the test would not test them")
	}
	fs, ok, err := newFileSet(snap)
	if err != nil || !ok {
		t.Fatalf("newFileSet: %v, %v", ok, err)
	}
	var terms []string
	for i := range 20 {
		for size := int64(99); size <= 103; size++ {
			terms = append(terms, fileTerm(fmt.Sprintf("/f%02d", i), size, time.Unix(size, 0).UnixNano()))
		}
	}
	for size := int64(99); size <= 103; size++ {
		terms = append(terms, fileTerm("/copy", size, time.Unix(size, 0).UnixNano()))
	}
	found := 0
	for _, term := range terms {
		n, err := termCount(snap, FieldFile, term)
		if err != nil {
			t.Fatal(err)
		}
		if got := fs.has(term); got != (n > 0) {
			t.Errorf("%q: the file set says %v, the lookup %d documents", term, got, n)
		}
		if n > 0 {
			found++
		}
	}
	// 19 files (f04 removed) and the copy, each at its last stat
	if found != 20 {
		t.Errorf("%d file terms found, want 20", found)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// A run asking about more than fileSetAfter files answers from the file set,
// and says the same as before it.
func TestUnchangedThroughFileSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if _, err := w.Put(fmt.Sprintf("/f%02d", i), textDoc(fmt.Sprintf("text %d", i)), 100, time.Unix(100, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w, err = OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ask := func(i int, size int64) bool {
		t.Helper()
		same, err := w.Unchanged(fmt.Sprintf("/f%02d", i%60), size, time.Unix(100, 0))
		if err != nil {
			t.Fatal(err)
		}
		return same
	}
	for round := range 2 * fileSetAfter / 60 {
		for i := range 60 {
			if got, want := ask(i, 100), i < 50; got != want {
				t.Fatalf("round %d, /f%02d at its stat: unchanged %v, want %v (file set built: %v)", round, i, got, want, w.shards[0].files != nil)
			}
			if ask(i, 101) {
				t.Fatalf("round %d, /f%02d at another size: unchanged", round, i)
			}
		}
	}
	if w.shards[0].files == nil {
		t.Error("the file set was never built")
	}
}
