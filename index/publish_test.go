package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/index/integrity"
	"github.com/partynews/partynews/pipeline"
)

// sampleDocs returns the sample's documents, each made distinct n times.
func sampleDocs(t testing.TB, n int) []Document {
	t.Helper()
	dir := t.TempDir()
	_, paths := sampleIndex(t)
	_ = dir
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for i := 0; i < n; i++ {
		a, err := corpus.Read(paths[i%len(paths)], 0)
		if err != nil {
			t.Fatal(err)
		}
		a.Text += fmt.Sprintf("\nzzdoc%d\n", i)
		d := fromPipeline(proc.Process(a))
		d.ID = fmt.Sprintf("%032x", i+1)
		docs = append(docs, d)
	}
	return docs
}

func docCount(t *testing.T, dir string) uint64 {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	n, err := r.Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A checkpoint publishes the open index: searches see every document written,
// the copy hard-links the segments (same inodes), passes the integrity check,
// follows the umask, and the index goes on to the end.
func TestCheckpointPublishesOpenIndex(t *testing.T) {
	docs := sampleDocs(t, 60)
	dir := filepath.Join(t.TempDir(), "index")
	w, err := OpenWriter(dir, WriterOptions{BatchSize: 10, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	for i, d := range docs[:40] {
		if _, err := w.Put(fmt.Sprintf("/a/%02d.txt", i), d, 1, time.Unix(1, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Checkpoint(); err != nil {
		t.Fatal(err)
	}
	if n := docCount(t, dir); n != 40 {
		t.Fatalf("after the first checkpoint searches see %d documents, want 40", n)
	}
	cur, _ := current(dir)
	gen := filepath.Join(dir, genName(cur))
	probs, st := integrity.CheckGeneration(gen)
	if len(probs) > 0 {
		t.Fatalf("the published copy is damaged: %v", probs)
	}
	if st.Segments == 0 {
		t.Fatal("no segment in the copy")
	}
	// the copy's segments are the working index's files, linked
	zaps, _ := filepath.Glob(filepath.Join(gen, "store", "*.zap"))
	for _, z := range zaps {
		var a, b syscall.Stat_t
		if err := syscall.Stat(z, &a); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Stat(filepath.Join(dir, workDir, "store", filepath.Base(z)), &b); err == nil && a.Ino != b.Ino {
			t.Errorf("%s copied, not linked", z)
		}
		if fi, _ := os.Stat(z); fi.Mode().Perm()&0o044 == 0 && umask()&0o044 == 0 {
			t.Errorf("%s is %v: not readable by others under umask %03o", z, fi.Mode(), umask())
		}
	}
	if s := w.Stats(); s.Checkpoints != 1 || s.Linked == 0 {
		t.Errorf("stats %+v: want 1 checkpoint with linked segments", s)
	}
	// nothing new: no publication
	if err := w.Checkpoint(); err != nil {
		t.Fatal(err)
	}
	if c, _ := current(dir); c != cur {
		t.Errorf("a checkpoint with nothing new published generation %d", c)
	}
	for i, d := range docs[40:] {
		if _, err := w.Put(fmt.Sprintf("/b/%02d.txt", i), d, 1, time.Unix(1, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Checkpoint(); err != nil {
		t.Fatal(err)
	}
	if n := docCount(t, dir); n != 60 {
		t.Fatalf("after the second checkpoint searches see %d documents, want 60", n)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := docCount(t, dir); n != 60 {
		t.Fatalf("after Close %d documents, want 60", n)
	}
	if _, err := os.Stat(filepath.Join(dir, workDir)); !os.IsNotExist(err) {
		t.Errorf("the working copy is left after Close: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var gens []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "gen-") {
			gens = append(gens, e.Name())
		}
	}
	if len(gens) != 1 {
		t.Fatalf("generations left: %v, want the published one", gens)
	}
	// the last publication holds only the segments its snapshot uses
	probs, st = integrity.CheckGeneration(filepath.Join(dir, gens[0]))
	zaps, _ = filepath.Glob(filepath.Join(dir, gens[0], "store", "*.zap"))
	if len(probs) > 0 || len(zaps) != st.Segments {
		t.Errorf("published generation: %v, %d segment files for %d in use", probs, len(zaps), st.Segments)
	}
}

// A run that changes nothing publishes nothing; removing a path that is not
// indexed (or no longer) reports false.
func TestNoChangeRunPublishesNothing(t *testing.T) {
	dir, paths := sampleIndex(t)
	before, _ := current(dir)
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := w.Remove("/not/indexed.txt"); ok || err != nil {
		t.Errorf("remove of a path never indexed: %v %v", ok, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if c, _ := current(dir); c != before {
		t.Errorf("a run without changes published generation %d (was %d)", c, before)
	}
	for run := 0; run < 3; run++ {
		w, err := OpenWriter(dir, WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		ok, err := w.Remove(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		if ok != (run == 0) {
			t.Errorf("run %d: removed %v, want a deletion reported once", run, ok)
		}
		// removing again within the run, before a flush
		if ok, _ := w.Remove(paths[0]); ok {
			t.Errorf("run %d: the same path removed twice", run)
		}
		before, _ := current(dir)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if c, _ := current(dir); (c != before) != (run == 0) {
			t.Errorf("run %d: generation %d → %d", run, before, c)
		}
	}
	if n := docCount(t, dir); n != 4 {
		t.Errorf("%d documents, want 4", n)
	}
}

// Stop publishes what was written without waiting for merges; a rebuild
// interrupted keeps the last good generation.
func TestStopPublishes(t *testing.T) {
	docs := sampleDocs(t, 30)
	dir := filepath.Join(t.TempDir(), "index")
	w, err := OpenWriter(dir, WriterOptions{BatchSize: 7, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if _, err := w.Put(fmt.Sprintf("/a/%02d.txt", i), d, 1, time.Unix(1, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Stop(); err != nil {
		t.Fatal(err)
	}
	if n := docCount(t, dir); n != 30 {
		t.Fatalf("after Stop %d documents, want 30", n)
	}
	w, err = OpenWriter(dir, WriterOptions{Rebuild: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Put("/a/00.txt", docs[0], 1, time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	if err := w.Checkpoint(); err != nil {
		t.Fatal(err)
	}
	if err := w.Stop(); err != nil {
		t.Fatal(err)
	}
	if n := docCount(t, dir); n != 30 {
		t.Fatalf("after an interrupted rebuild %d documents, want the 30 of before", n)
	}
}

// setFormat marks the index in dir as written with format v.
func setFormat(t *testing.T, dir string, v string) {
	t.Helper()
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.shards[0].idx.SetInternal([]byte(formatKey), []byte(v)); err != nil {
		t.Fatal(err)
	}
	w.shards[0].wrote = true
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// A version-3 index (numbers and dates with bleve's 16 trie terms) takes new
// documents without a rebuild and is marked version 4; an index of a newer
// version than this one is searched with a warning to upgrade, and refused by
// a writer.
func TestFormatVersions(t *testing.T) {
	dir, _ := sampleIndex(t)
	setFormat(t, dir, "3")
	cur, err := current(dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := genFormat(filepath.Join(dir, genName(cur))); err != nil || v != 3 {
		t.Fatalf("format after marking 3: %d, %v", v, err)
	}
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatalf("open of a version-3 index: %v, want it writable", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if cur, err = current(dir); err != nil {
		t.Fatal(err)
	}
	if v, err := genFormat(filepath.Join(dir, genName(cur))); err != nil || v != FormatVersion {
		t.Errorf("format after a writer opened a version-3 index: %d, %v; want %d", v, err, FormatVersion)
	}
	var warned []string
	defer func(f func(string)) { Warn = f }(Warn)
	Warn = func(m string) { warned = append(warned, m) }
	if n := docCount(t, dir); n != 5 || len(warned) != 0 {
		t.Errorf("search after the upgrade: %d documents, warnings %q; want 5 and none", n, warned)
	}
	setFormat(t, dir, "99")
	newerOnce = sync.Once{}
	if n := docCount(t, dir); n != 5 || len(warned) != 1 || !strings.Contains(warned[0], "newer partynews") {
		t.Errorf("search of a newer index: %d documents, warnings %q; want 5 and one naming a newer partynews", n, warned)
	}
	// a writer refuses it, naming the remedy, and leaves it as it was
	before, _ := current(dir)
	_, err = OpenWriter(dir, WriterOptions{})
	var ne *NewerError
	if !errorsAs(err, &ne) || ne.Version != 99 || !strings.Contains(err.Error(), "upgrade partynews") {
		t.Fatalf("writer on a newer index: %v, want a NewerError naming the upgrade", err)
	}
	if after, _ := current(dir); after != before {
		t.Errorf("a refused writer published generation %d over %d", after, before)
	}
	if v, err := genFormat(filepath.Join(dir, genName(before))); err != nil || v != 99 {
		t.Errorf("format after a refused writer: %d, %v; want 99", v, err)
	}
	// --rebuild builds it again with this version
	w, err = OpenWriter(dir, WriterOptions{Rebuild: true})
	if err != nil {
		t.Fatalf("--rebuild of a newer index: %v", err)
	}
	if st := w.Stats(); st.Rebuilt != 1 {
		t.Errorf("--rebuild of a newer index rebuilt %d shards, want 1", st.Rebuilt)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	cur, _ = current(dir)
	if v, err := genFormat(filepath.Join(dir, genName(cur))); err != nil || v != FormatVersion {
		t.Errorf("format after --rebuild of a newer index: %d, %v; want %d", v, err, FormatVersion)
	}
}

// An index without a format version (built by an older partynews) is refused
// by the writer with the remedy, and --rebuild rebuilds it.
func TestOutdatedFormat(t *testing.T) {
	dir, paths := sampleIndex(t)
	// make it look old: drop the version
	w, err := OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.shards[0].idx.DeleteInternal([]byte(formatKey)); err != nil {
		t.Fatal(err)
	}
	w.shards[0].wrote = true
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = OpenWriter(dir, WriterOptions{})
	var oe *OutdatedError
	if !errorsAs(err, &oe) || oe.Version != 1 || !strings.Contains(err.Error(), "--rebuild") {
		t.Fatalf("open of an old index: %v, want an OutdatedError naming --rebuild", err)
	}
	// searches answer, with one warning
	var warned []string
	defer func(f func(string)) { Warn = f }(Warn)
	Warn = func(m string) { warned = append(warned, m) }
	if n := docCount(t, dir); n != 5 || len(warned) != 1 || !strings.Contains(warned[0], "--rebuild") {
		t.Errorf("search of an old index: %d documents, warnings %q; want 5 and one warning naming --rebuild", n, warned)
	}
	w, err = OpenWriter(dir, WriterOptions{Rebuild: true})
	if err != nil {
		t.Fatal(err)
	}
	putArticles(t, w, paths)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w, err = OpenWriter(dir, WriterOptions{})
	if err != nil {
		t.Fatalf("after the rebuild: %v", err)
	}
	w.Abort()
	if n := docCount(t, dir); n != 5 {
		t.Errorf("%d documents after the rebuild, want 5", n)
	}
}
