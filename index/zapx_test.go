package index

import (
	"runtime"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"
	zapx "github.com/blevesearch/zapx/v17"
)

// The vendored zapx keeps the working memory of the last segment it built
// across garbage collections (third_party/zapx/PATCHES.md): building the
// next batch's segment after two collections allocates a fraction of what
// the first did. Upstream's sync.Pool dropped it, so every segment began
// from nothing.
func TestSegmentWorkingMemorySurvivesGC(t *testing.T) {
	var bdocs []*document.Document
	for range 50 {
		for _, sd := range preparedDocs() {
			cp := *sd
			d, _ := bleveDocument(&cp)
			d.AddIDField()
			bdocs = append(bdocs, d)
		}
	}
	analyzeBatch(nil, bdocs)
	docs := make([]bindex.Document, len(bdocs))
	for i, d := range bdocs {
		docs[i] = d
	}
	build := func() uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		seg, _, err := (&zapx.ZapPlugin{}).NewUsing(docs, nil)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if n := seg.Count(); n != uint64(len(docs)) {
			t.Fatalf("segment of %d documents, want %d", n, len(docs))
		}
		_ = seg.Close()
		return after.TotalAlloc - before.TotalAlloc
	}
	first := build()
	warm := build() // right after: the working memory is there either way
	runtime.GC()
	runtime.GC()
	again := build()
	t.Logf("allocated: first %d, right after %d, after two collections %d bytes", first, warm, again)
	// upstream: again is as the first build (4.1 against 2.3 MB), the
	// working memory gone; patched: as the warm one
	if int64(again)*4 > int64(warm)*5 {
		t.Errorf("a segment built after two collections allocated %d bytes, one built right after another %d: the working memory was lost", again, warm)
	}
}
