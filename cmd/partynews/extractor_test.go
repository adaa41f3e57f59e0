package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/extract"
)

// An index run says which entity extractor it is, and warns, naming
// --rebuild, when the index holds documents another version extracted (they
// keep their entities); after --rebuild the warning is gone.
func TestExtractorVersionRun(t *testing.T) {
	dir := t.TempDir()
	src, idx := filepath.Join(dir, "archive"), filepath.Join(dir, "index")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	// the articles as an older partynews indexed them
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	w, err := index.OpenWriter(idx, index.WriterOptions{Extractor: "0lder"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ingest.Run(context.Background(), w, proc, ingest.Options{Roots: []string{src}}); err != nil {
		w.Abort()
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	s, code, errOut := indexJSON(t, "--index", idx, src)
	if code != 0 || s.Extractor != extract.Version() || s.OtherExtractor != "0lder" || !strings.Contains(errOut, "--rebuild") {
		t.Fatalf("a run on an older extraction: exit %d, extractor %q, other %q; stderr %q", code, s.Extractor, s.OtherExtractor, errOut)
	}
	if s, code, errOut := indexJSON(t, "--index", idx, "--rebuild", src); code != 0 || s.Indexed != 5 {
		t.Fatalf("--rebuild: exit %d %+v %s", code, s, errOut)
	}
	s, code, errOut = indexJSON(t, "--index", idx, src)
	if code != 0 || s.OtherExtractor != "" || strings.Contains(errOut, "another version") {
		t.Fatalf("after --rebuild: exit %d, other %q; stderr %q", code, s.OtherExtractor, errOut)
	}
}
