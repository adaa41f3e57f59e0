package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"testing"

	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/pipeline"
)

// run indexes roots into dir and returns "status name" per outcome, sorted.
func run(t *testing.T, dir string, roots []string, prune bool) []string {
	t.Helper()
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	w, err := index.OpenWriter(dir, index.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = ingest.Run(context.Background(), w, proc, ingest.Options{Roots: roots, Workers: 2, Prune: prune,
		Report: func(o ingest.Outcome) { got = append(got, string(o.Status)+" "+filepath.Base(o.Path)) }})
	if err != nil {
		w.Abort()
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	return got
}

func TestRunOutcomes(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	paths, err := sample.WriteTo(src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(src, "zz_copy.txt"), b, 0o644))
	must(os.WriteFile(filepath.Join(src, "zz_empty.txt"), nil, 0o644))
	must(os.WriteFile(filepath.Join(src, "zz_binary.txt"), []byte{0, 1, 2, 0xff, 0xfe, 0, 0, 0}, 0o644))
	idx := filepath.Join(tmp, "idx")

	got := run(t, idx, []string{src}, false)
	var want []string
	for _, p := range paths {
		want = append(want, "indexed "+filepath.Base(p))
	}
	want = append(want, "duplicate zz_copy.txt", "skipped zz_binary.txt", "skipped zz_empty.txt")
	sort.Strings(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("first run:\n got %v\nwant %v", got, want)
	}

	// a second run reads nothing; a pruning run after a removal deletes it
	got = run(t, idx, []string{src}, false)
	for _, g := range got {
		if g[:9] != "unchanged" && g[:7] != "skipped" {
			t.Errorf("second run: %s, want unchanged or skipped", g)
		}
	}
	must(os.Remove(filepath.Join(src, "zz_copy.txt")))
	got = run(t, idx, []string{src}, true)
	if !contains(got, "deleted zz_copy.txt") {
		t.Errorf("pruning run: %v lacks the deleted copy", got)
	}
	// a deletion is reported once: later pruning runs delete nothing and
	// publish nothing
	for i := 0; i < 2; i++ {
		before, _ := os.ReadFile(filepath.Join(idx, "CURRENT"))
		got = run(t, idx, []string{src}, true)
		for _, g := range got {
			if g[:7] == "deleted" {
				t.Errorf("pruning run %d again: %s", i+2, g)
			}
		}
		if after, _ := os.ReadFile(filepath.Join(idx, "CURRENT")); string(after) != string(before) {
			t.Errorf("pruning run %d without change published %s (was %s)", i+2, after, before)
		}
	}
	r, err := index.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, _ := r.Count(); n != uint64(len(paths)) {
		t.Errorf("%d documents, want %d", n, len(paths))
	}
}

// A FIFO named like an article is skipped by rule, not failed, and never
// opened (opening it would block the run).
func TestFIFOSkipped(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(src, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := run(t, filepath.Join(tmp, "idx"), []string{src, filepath.Join(src, "pipe.txt")}, false)
	if n := len(got); !contains(got, "skipped pipe.txt") || contains(got, "failed pipe.txt") {
		t.Errorf("%d outcomes %v: want the FIFO skipped", n, got)
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func TestDocumentKeepsLines(t *testing.T) {
	tmp := t.TempDir()
	paths, err := sample.WriteTo(tmp)
	if err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		a, err := readArticle(p)
		if err != nil {
			t.Fatal(err)
		}
		pd := proc.Process(a)
		d := ingest.Document(pd)
		if d.Spans.Lead == nil || d.Text[d.Spans.Lead[0]:d.Spans.Lead[1]] != pd.Lead {
			t.Errorf("%s: lead span %v does not give the lead %q", p, d.Spans.Lead, pd.Lead)
		}
		if len(d.Entities) != len(pd.Entities) {
			t.Errorf("%s: %d entities, want %d", p, len(d.Entities), len(pd.Entities))
		}
	}
}

// A document stored by an earlier version (no spans, no entity keys) is
// completed to what this version stores.
func TestUpgrade(t *testing.T) {
	tmp := t.TempDir()
	paths, err := sample.WriteTo(tmp)
	if err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	keys := 0
	for _, p := range paths {
		a, err := readArticle(p)
		if err != nil {
			t.Fatal(err)
		}
		want := ingest.Document(proc.Process(a))
		old := want
		old.Spans = index.Spans{}
		old.Entities = append([]index.Entity(nil), want.Entities...)
		for i := range old.Entities {
			if old.Entities[i].Skeleton != "" || old.Entities[i].Folded != "" {
				keys++
			}
			old.Entities[i].Skeleton, old.Entities[i].Folded = "", ""
		}
		index.Upgrade(&old)
		if got, w := spanString(old.Spans), spanString(want.Spans); got != w {
			t.Errorf("%s: upgraded spans %s, want %s", p, got, w)
		}
		if fmt.Sprint(old.Entities) != fmt.Sprint(want.Entities) {
			t.Errorf("%s: upgraded entities %+v, want %+v", p, old.Entities, want.Entities)
		}
	}
	if keys == 0 {
		t.Error("the sample has no entity with keys: the test tests nothing")
	}
}

func spanString(s index.Spans) string {
	lead := "none"
	if s.Lead != nil {
		lead = fmt.Sprint(*s.Lead)
	}
	return fmt.Sprintf("lead %s body %v captions %v", lead, s.Body, len(s.Captions))
}
