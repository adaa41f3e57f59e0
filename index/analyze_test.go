package index

import (
	"fmt"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"
)

// A batch analysed ahead has the fields bleve's own analysis makes, and bleve
// leaves them as they are.
func TestAnalyzeBatchMatchesBleve(t *testing.T) {
	var ahead, plain []*document.Document
	for _, sd := range preparedDocs() {
		a, b := *sd, *sd
		da, _ := bleveDocument(&a)
		db, _ := bleveDocument(&b)
		ahead, plain = append(ahead, da), append(plain, db)
	}
	g := &gate{}
	analyzeBatch(g, ahead)
	for i, d := range ahead {
		want := analysedFields(t, plain[i])
		for _, f := range d.Fields {
			k := fieldKey{f.Name(), fmt.Sprint(f.ArrayPositions())}
			w := want[k]
			if !f.Options().IsIndexed() {
				if _, ok := f.(preAnalyzed); ok {
					t.Errorf("%s: field %v is not indexed but marked analysed", d.ID(), k)
				}
				continue
			}
			if _, ok := f.(preAnalyzed); !ok {
				t.Errorf("%s: field %v not analysed ahead", d.ID(), k)
				continue
			}
			freqs := f.AnalyzedTokenFrequencies()
			f.Analyze() // what bleve's batch does: nothing now
			if fmt.Sprintf("%p", freqs) != fmt.Sprintf("%p", f.AnalyzedTokenFrequencies()) {
				t.Errorf("%s: field %v analysed again", d.ID(), k)
			}
			if gt, wt := terms(f), terms(w); f.AnalyzedLength() != w.AnalyzedLength() || gt != wt {
				t.Errorf("%s: field %v: %d terms %s\nwant %d %s", d.ID(), k, f.AnalyzedLength(), gt, w.AnalyzedLength(), wt)
			}
		}
	}
	// the gate is open again: a worker passes
	passed := make(chan struct{})
	go func() { g.pass(); close(passed) }()
	select {
	case <-passed:
	case <-time.After(10 * time.Second):
		t.Fatal("the gate stayed closed after the analysis")
	}
}

// Yield holds a worker while a batch is analysed and lets it go after.
func TestYieldWaitsForAnalysis(t *testing.T) {
	w := &Writer{gate: &gate{}}
	w.gate.mu.Lock() // a batch is being analysed
	passed := make(chan struct{})
	go func() { w.Yield(); close(passed) }()
	select {
	case <-passed:
		t.Fatal("Yield returned during the analysis")
	case <-time.After(50 * time.Millisecond):
	}
	w.gate.mu.Unlock()
	select {
	case <-passed:
	case <-time.After(10 * time.Second):
		t.Fatal("Yield still waits after the analysis")
	}
}

// A document indexed twice within one batch (its file touched) is analysed
// once: the batch analyses only the version it will write.
func TestBatchAnalysesLastVersions(t *testing.T) {
	docs := preparedDocs()
	if len(docs) < 2 {
		t.Skip("needs two sample documents")
	}
	w, err := OpenWriter(t.TempDir(), WriterOptions{BatchSize: 1000, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	put := func(path string, d *stored, mtime int64) {
		t.Helper()
		if _, err := w.Put(path, d.Document, 10, time.Unix(mtime, 0)); err != nil {
			t.Fatal(err)
		}
	}
	put("/a/x.txt", docs[0], 1)
	put("/a/x.txt", docs[0], 2) // touched: the same document again, another file stat
	put("/a/y.txt", docs[1], 1)
	counts := map[string]int{}
	for _, d := range w.shards[0].docs {
		if d != nil {
			counts[d.ID()]++
		}
	}
	if counts[docs[0].ID] != 1 || counts[docs[1].ID] != 1 || len(counts) != 2 {
		t.Errorf("the batch would analyse %v, want each document once", counts)
	}
}
