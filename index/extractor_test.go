package index

import (
	"testing"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/pipeline"
)

// An index remembers the extractor version its documents share: a writer of
// another version is told (OtherExtractor) and the record stays, since the old
// documents keep their entities; a rebuild takes the new version; an index
// written before versions were kept reads as "unknown"; an empty index takes
// the writer's version.
func TestExtractorVersion(t *testing.T) {
	dir, paths := sampleIndex(t) // written with no version: documents of unknown extraction
	open := func(version string, rebuild bool) WriterStats {
		t.Helper()
		w, err := OpenWriter(dir, WriterOptions{Extractor: version, Rebuild: rebuild})
		if err != nil {
			t.Fatal(err)
		}
		st := w.Stats()
		if rebuild { // a rebuild indexes the articles again
			putArticles(t, w, paths)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := open("v1", false); st.OtherExtractor != "unknown" {
		t.Errorf("an index written before versions: OtherExtractor %q, want unknown", st.OtherExtractor)
	}
	if st := open("v1", false); st.OtherExtractor != "unknown" {
		t.Errorf("a run of v1 must not claim the old documents for v1: OtherExtractor %q", st.OtherExtractor)
	}
	if st := open("v1", true); st.OtherExtractor != "" || st.Rebuilt != 1 {
		t.Errorf("--rebuild: %+v, want a rebuilt shard and no other version", st)
	}
	if st := open("v1", false); st.OtherExtractor != "" {
		t.Errorf("after the rebuild: OtherExtractor %q, want none", st.OtherExtractor)
	}
	if st := open("v2", false); st.OtherExtractor != "v1" {
		t.Errorf("a newer extractor: OtherExtractor %q, want v1", st.OtherExtractor)
	}
	if st := open("", false); st.OtherExtractor != "" {
		t.Errorf("a writer that does not track: OtherExtractor %q, want none", st.OtherExtractor)
	}
	// an empty index takes the writer's version
	empty := t.TempDir()
	for _, v := range []string{"v1", "v2"} {
		w, err := OpenWriter(empty, WriterOptions{Extractor: v})
		if err != nil {
			t.Fatal(err)
		}
		if st := w.Stats(); st.OtherExtractor != "" {
			t.Errorf("an empty index opened by %s: OtherExtractor %q", v, st.OtherExtractor)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// --rebuild starts from scratch the shards whose documents another extractor
// read, and leaves the others.
func TestRebuildOtherExtractor(t *testing.T) {
	var dirs []string
	for _, v := range []string{"v1", "v2"} {
		dir, paths := sampleIndex(t)
		w, err := OpenWriter(dir, WriterOptions{Extractor: v, Rebuild: true})
		if err != nil {
			t.Fatal(err)
		}
		putArticles(t, w, paths)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	if got := needRebuild(dirs, "v2"); !got[0] || got[1] {
		t.Errorf("needRebuild with v2: %v, want [true false] (only the shard v1 read)", got)
	}
}

// putArticles reads, processes and puts the article files at paths.
func putArticles(t *testing.T, w *Writer, paths []string) {
	t.Helper()
	proc, err := pipeline.NewProcessor()
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
}
