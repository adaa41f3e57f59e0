package index

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/pipeline"
)

// sampleIndex indexes the embedded sample into a fresh folder.
func sampleIndex(t testing.TB) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	paths, err := sample.WriteTo(filepath.Join(dir, "sample"))
	if err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	w, err := OpenWriter(filepath.Join(dir, "index"), WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		a, err := corpus.Read(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Put(p, fromPipeline(proc.Process(a)), 1, time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "index"), paths
}

func TestManifestDuplicatesAndRemove(t *testing.T) {
	dir, paths := sampleIndex(t)
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := corpus.Read(paths[1], 0)
	proc, _ := pipeline.NewProcessor()
	doc := fromPipeline(proc.Process(a))
	out, err := w.Put("/copy/of/it.txt", doc, 5, time.Unix(1, 0))
	if err != nil || out != Duplicate {
		t.Fatalf("copy: %v %v, want duplicate", out, err)
	}
	if out, _ := w.Put(paths[1], doc, 5, time.Unix(2, 0)); out != Unchanged {
		t.Errorf("same content again: %v, want unchanged", out)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if ok, err := w.Remove(paths[1]); !ok || err != nil {
		t.Fatalf("remove: %v %v", ok, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w, err = OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if same, _ := w.Unchanged("/copy/of/it.txt", 5, time.Unix(1, 0)); !same {
		t.Error("manifest: copy not unchanged")
	}
	if same, _ := w.Unchanged("/copy/of/it.txt", 6, time.Unix(1, 0)); same {
		t.Error("manifest: a new size is unchanged")
	}
	if same, _ := w.Unchanged(paths[1], 5, time.Unix(2, 0)); same {
		t.Error("manifest: removed path unchanged")
	}
	w.Abort()
	r, _ := Open(dir)
	defer r.Close()
	d, err := r.Document(doc.ID)
	if err != nil || d == nil {
		t.Fatalf("document gone: %v", err)
	}
	if len(d.Paths) != 1 || d.Paths[0] != "/copy/of/it.txt" {
		t.Errorf("paths %v, want the copy only", d.Paths)
	}
	if n, _ := r.Count(); n != uint64(len(paths)) {
		t.Errorf("%d documents, want %d", n, len(paths))
	}
}

func TestAnalyzers(t *testing.T) {
	// in and same analyse to the same terms
	cases := []struct{ lang, in, same string }{
		{"hi", "सम्मेलनों", "सम्मेलन"},
		{"ur", "كانفرنس", "کانفرنس"},
		{"ur", "کانفرنسوں", "کانفرنس"},
		{"ur", "پارٹیوں", "پارٹی"},
		{"hi", "२०२५", "2025"},
		{"ur", "۲۰۲۵", "2025"},
		{"bn", "২০২৪", "2024"},
		{"th", "๒๕๖๘", "2568"},
		{"en", "Conferences", "conference"},
	}
	terms := func(lang, s string) string { return strings.Join(analyzed(lang, s), " ") }
	for _, c := range cases {
		if a, b := terms(c.lang, c.in), terms(c.lang, c.same); a != b || a == "" {
			t.Errorf("%s: %q → %q, %q → %q", c.lang, c.in, a, c.same, b)
		}
	}
	// scripts without spaces are cut into overlapping letter-cluster bigrams
	if got := terms("th", "ประชุม"); got != "ปร ระ ะชุ ชุม" {
		t.Errorf("th bigrams %q", got)
	}
}

// hasSEA is a byte-level prefilter: it must never miss a letter seaBigrams uses.
func TestHasSEACoversEverySEARune(t *testing.T) {
	for r := rune(0x80); r < 1<<16; r++ {
		if isSEA(r) && !hasSEA([]byte("a"+string(r))) {
			t.Fatalf("hasSEA misses %U", r)
		}
	}
	if hasSEA([]byte("प्रधानमंत्री Tô Lâm ٹو لام")) {
		t.Error("hasSEA finds Thai in Hindi, Vietnamese and Urdu")
	}
}

// Checkpoints stay close to the configured interval however long the run:
// they no longer close the index, so nothing stretches them but their cost.
func TestCheckpointSpacing(t *testing.T) {
	for _, c := range []struct {
		every, lastCost, want time.Duration
	}{
		{30 * time.Second, 0, 30 * time.Second},                     // the interval
		{30 * time.Second, 50 * time.Millisecond, 30 * time.Second}, // a cheap checkpoint: the interval
		{30 * time.Second, 3 * time.Second, time.Minute},            // a slow checkpoint: 20× its cost
		{10 * time.Second, 2 * time.Second, 40 * time.Second},       // 20× its cost
	} {
		w := &shard{opt: WriterOptions{CheckpointEvery: c.every}, lastCost: c.lastCost}
		if got := w.checkpointEvery(); got != c.want {
			t.Errorf("every %v, last cost %v: wait %v, want %v", c.every, c.lastCost, got, c.want)
		}
	}
}
