package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// textDoc is a document of one line of English text, its ID the digest of the
// text as the pipeline makes it.
func textDoc(text string) Document {
	sum := sha256.Sum256([]byte(text))
	return Document{ID: hex.EncodeToString(sum[:8]), Lang: "en", Text: text, Lead: text,
		Spans: Spans{Lead: &Span{0, len(text)}}}
}

// copyOp is one step of a run: put path with text, or (text "") remove path.
type copyOp struct{ path, text string }

// TestCopies follows the paths of texts found at several places through puts,
// changes and removals, written in one batch, a batch per step, or a run per
// step, and checks what every reader sees: the documents and their paths,
// the count, the document of each path, the manifest.
func TestCopies(t *testing.T) {
	cases := []struct {
		name string
		ops  []copyOp
		want map[string][]string // text → its paths; texts absent are not indexed
	}{
		{"copies", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/c", "alpha"}, {"/d", "beta"}},
			map[string][]string{"alpha": {"/a", "/b", "/c"}, "beta": {"/d"}}},
		{"own path removed, copies keep the document", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/c", "alpha"}, {"/a", ""}},
			map[string][]string{"alpha": {"/b", "/c"}}},
		{"every path removed", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/b", ""}, {"/a", ""}, {"/x", "beta"}},
			map[string][]string{"beta": {"/x"}}},
		{"copies removed, then the own path", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/c", "alpha"}, {"/c", ""}, {"/b", ""}, {"/a", ""}},
			map[string][]string{}},
		{"a copy changes its text", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/b", "beta"}},
			map[string][]string{"alpha": {"/a"}, "beta": {"/b"}}},
		{"a copy changes to another text's", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/c", "beta"}, {"/b", "beta"}},
			map[string][]string{"alpha": {"/a"}, "beta": {"/b", "/c"}}},
		{"the own path changes its text", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/a", "beta"}},
			map[string][]string{"alpha": {"/b"}, "beta": {"/a"}}},
		{"the last path of a document without its own changes", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/a", ""}, {"/b", "beta"}},
			map[string][]string{"beta": {"/b"}}},
		{"a copy of a document without its own path", []copyOp{{"/a", "alpha"}, {"/b", "alpha"}, {"/a", ""}, {"/a", "alpha"}},
			map[string][]string{"alpha": {"/a", "/b"}}},
	}
	for _, c := range cases {
		modes := []string{"run per step"}
		if onceEach(c.ops) {
			// a run puts each path once, and removes the paths it did not see
			modes = append(modes, "one batch", "batch per step")
		}
		for _, mode := range modes {
			t.Run(c.name+"/"+mode, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "index")
				runCopyOps(t, dir, c.ops, mode)
				checkCopies(t, dir, c.want)
			})
		}
	}
}

// onceEach reports whether every path occurs once in ops, as in one run.
func onceEach(ops []copyOp) bool {
	seen := map[string]bool{}
	for _, op := range ops {
		if seen[op.path] {
			return false
		}
		seen[op.path] = true
	}
	return true
}

func runCopyOps(t *testing.T, dir string, ops []copyOp, mode string) {
	t.Helper()
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, op := range ops {
		mtime := time.Unix(int64(i+1), 0)
		if op.text == "" {
			// ingest flushes before it removes (Writer.Paths)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if ok, err := w.Remove(op.path); err != nil || !ok {
				t.Fatalf("step %d: remove %s: %v %v", i, op.path, ok, err)
			}
		} else if _, err := w.Put(op.path, textDoc(op.text), int64(len(op.text)), mtime); err != nil {
			t.Fatalf("step %d: put %s: %v", i, op.path, err)
		}
		switch mode {
		case "batch per step":
			err = w.Flush()
		case "run per step":
			if err = w.Close(); err == nil {
				w, err = OpenWriter(dir, WriterOptions{})
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func checkCopies(t *testing.T, dir string, want map[string][]string) {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, err := r.Count(); err != nil || n != uint64(len(want)) {
		t.Errorf("Count %d %v, want %d", n, err, len(want))
	}
	got := map[string][]string{}
	err = r.Each(context.Background(), func(d *Document) error {
		got[d.Text] = d.Paths
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Each: %v, want %v", got, want)
	}
	var files []string
	for text, paths := range want {
		d, err := r.Document(textDoc(text).ID)
		if err != nil || d == nil || !slices.Equal(d.Paths, paths) {
			t.Errorf("Document(%q): %v %v, want paths %v", text, d, err, paths)
		}
		for _, p := range paths {
			d, err := r.DocumentByPath(p)
			if err != nil || d == nil || d.Text != text || !slices.Equal(d.Paths, paths) {
				t.Errorf("DocumentByPath(%s): %+v %v, want %q at %v", p, d, err, text, paths)
			}
			files = append(files, p)
		}
	}
	slices.Sort(files)
	manifest, err := r.Files()
	if err != nil {
		t.Fatal(err)
	}
	var mpaths []string
	for _, f := range manifest {
		p, _, _ := strings.Cut(f, "\x1f")
		mpaths = append(mpaths, p)
	}
	if !slices.Equal(mpaths, files) {
		t.Errorf("manifest %v, want the files %v", mpaths, files)
	}
	// a search finds each text once, with all its paths
	for text, paths := range want {
		req := bleve.NewSearchRequest(TermQuery(FieldLead, CurrentTextFields("en").Term(analyzed("en", text)[0])))
		req.Fields = []string{FieldSource}
		res, err := r.Bleve().Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 {
			t.Errorf("search %q: %d hits, want 1", text, len(res.Hits))
			continue
		}
		d, err := r.HitDocument(res.Hits[0].Fields[FieldSource].(string))
		if err != nil || !slices.Equal(d.Paths, paths) {
			t.Errorf("hit %q: paths %v %v, want %v", text, d.Paths, err, paths)
		}
	}
}

// A copy costs the same however many copies its text has: the document is
// not written again, and its stored source does not grow.
func TestCopyCostIsConstant(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	s := w.shards[0]
	doc := textDoc(strings.Repeat("the same long text again ", 400))
	if _, err := w.Put("/0", doc, 1, time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for i := 1; i <= 200; i++ {
		before := s.batchBytes
		out, err := w.Put(fmt.Sprintf("/copy/%03d", i), doc, 1, time.Unix(1, 0))
		if err != nil || out != Duplicate {
			t.Fatalf("copy %d: %v %v", i, out, err)
		}
		if i%50 == 0 {
			sizes = append(sizes, s.batchBytes-before)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, n := range sizes {
		if n > 200 || n != sizes[0] {
			t.Errorf("a copy added %v bytes to the batch (50th, 100th …), want a small constant", sizes)
			break
		}
	}
	st, err := loadStored(s.idx, doc.ID)
	if err != nil || len(st.Files) != 1 {
		t.Errorf("the document's own files: %v %v, want 1", st, err)
	}
}
