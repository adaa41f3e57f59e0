package search

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/detect"
)

// sampleIndex indexes the embedded sample into a fresh folder.
func sampleIndex(t testing.TB) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	paths, err := sample.WriteTo(filepath.Join(dir, "sample"))
	if err != nil {
		t.Fatal(err)
	}
	proc, err := pipeline.NewProcessor(detect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := index.OpenWriter(filepath.Join(dir, "index"), index.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		a, err := corpus.Read(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Put(p, ingest.Document(proc.Process(a)), 1, time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "index"), paths
}

func doSearch(t testing.TB, r *Searcher, q string, opt SearchOptions) []Hit {
	t.Helper()
	pq, err := ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Search(context.Background(), pq, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res.Hits
}

func hitFiles(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, filepath.Base(h.Doc.Paths[0]))
	}
	return out
}

func TestSearchSample(t *testing.T) {
	dir, paths := sampleIndex(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// the sample articles that contain the word सम्मेलन (any inflection) in their text
	var withWord []string
	for _, p := range paths {
		a, _ := corpus.Read(p, 0)
		if strings.Contains(a.Content(), "सम्मेलन") {
			withWord = append(withWord, filepath.Base(p))
		}
	}
	cases := []struct {
		name, query string
		opt         SearchOptions
		want        []string // files that must be among the hits
		only        bool     // and nothing else
	}{
		{"inflected Hindi finds the stem", "सम्मेलनों", SearchOptions{}, withWord, true},
		{"Urdu typed with Arabic letters", "كانفرنس", SearchOptions{}, []string{"002_4e6e12375f920a87.txt"}, true},
		{"Devanagari digits find ASCII", "२०२४", SearchOptions{Lang: "ur"}, []string{"002_4e6e12375f920a87.txt"}, true},
		{"Extended Arabic-Indic digits find ASCII", "۲۰۲۴", SearchOptions{Lang: "ur"}, []string{"002_4e6e12375f920a87.txt"}, true},
		{"phrase", `"प्रांतीय पार्टी समिति कार्यालय"`, SearchOptions{}, []string{"000_3a8280a0fbaf4a6a.txt"}, false},
		{"lang filter", "lang:ur", SearchOptions{}, []string{"002_4e6e12375f920a87.txt"}, true},
		{"must not", "सम्मेलनों -कांग्रेस", SearchOptions{}, nil, false},
	}
	for _, c := range cases {
		hits := doSearch(t, r, c.query, c.opt)
		got := hitFiles(hits)
		for _, w := range c.want {
			if !contains(got, w) {
				t.Errorf("%s: %q: hits %v lack %s", c.name, c.query, got, w)
			}
		}
		if c.only && len(got) != len(c.want) {
			t.Errorf("%s: %q: hits %v, want exactly %v", c.name, c.query, got, c.want)
		}
	}
	if len(withWord) < 2 {
		t.Fatalf("sample has %d articles with सम्मेलन", len(withWord))
	}
	// snippets mark the inflected form's stem in the text
	hits := doSearch(t, r, "सम्मेलनों", SearchOptions{})
	if len(hits) == 0 || len(hits[0].Snippet.Marks) == 0 || !strings.Contains(hits[0].Snippet.Highlight("[", "]"), "[सम्मेलन") {
		t.Errorf("snippet not highlighted: %+v", hits[0].Snippet)
	}
	// -word excludes
	for _, h := range doSearch(t, r, "सम्मेलनों -कांग्रेस", SearchOptions{}) {
		if strings.Contains(h.Doc.Text, "कांग्रेस") {
			t.Errorf("-कांग्रेस returned %s", h.Doc.Paths[0])
		}
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

// A search during a write run answers from the last published generation, at
// once, and sees the new documents after the next checkpoint.
func TestSearchDuringWrite(t *testing.T) {
	dir, paths := sampleIndex(t)
	w, err := index.OpenWriter(dir, index.WriterOptions{BatchSize: 10, CheckpointEvery: -1})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := corpus.Read(paths[0], 0)
	proc, _ := pipeline.NewProcessor(detect.Options{})
	for i := 0; i < 50; i++ {
		d := proc.Process(a)
		d.Text += fmt.Sprintf("\nzzcopy%d", i)
		d.Body += fmt.Sprintf("\nzzcopy%d", i)
		d.ID = pipeline.ID(d.Text)
		if _, err := w.Put(fmt.Sprintf("/virtual/%d.txt", i), ingest.Document(d), 1, time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	// the writer holds its generation open; a search must not wait
	done := make(chan int, 1)
	go func() {
		r, err := Open(dir)
		if err != nil {
			t.Error(err)
			done <- -1
			return
		}
		defer r.Close()
		n, _ := r.Count()
		done <- int(n)
	}()
	select {
	case n := <-done:
		if n != len(paths) {
			t.Errorf("search during write saw %d documents, want the published %d", n, len(paths))
		}
	case <-time.After(time.Second):
		t.Fatal("search blocked by the writer for over 1 s")
	}
	if err := w.Checkpoint(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := r.Count()
	r.Close()
	if n != uint64(len(paths)+50) {
		t.Errorf("after checkpoint: %d documents, want %d", n, len(paths)+50)
	}
	// a second writer is refused while the first holds the lock
	if _, err := index.OpenWriter(dir, index.WriterOptions{}); err == nil {
		t.Error("second writer was not refused")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestParseQuery(t *testing.T) {
	good := map[string]int{
		`सम्मेलन`:                           1,
		`"two words" +must -not`:            3,
		`person:"To Lam" document:18-NQ/TW`: 2,
		`date:>=2024-01-01 lang:hi`:         2,
		`https://example.vn/x`:              1,
	}
	for q, n := range good {
		pq, err := ParseQuery(q)
		if err != nil || len(pq.Clauses) != n {
			t.Errorf("ParseQuery(%q): %v, %v", q, pq, err)
		}
	}
	for _, q := range []string{``, `"open`, `-only`, `foo:bar`, `+ x`, `person:`} {
		if _, err := ParseQuery(q); err == nil {
			t.Errorf("ParseQuery(%q) accepted", q)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`a "b c" +d -e person:"To Lam"`, `date:2024-01..2024-02`, `figure:>=10`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			return
		}
		for _, c := range q.Clauses {
			if c.Value == "" {
				t.Fatalf("empty clause from %q", s)
			}
		}
	})
}

// Warm facets (counted from memory in one pass) equal bleve's facets, and the
// hits come in the same order.
func TestWarmFacetsEqualCold(t *testing.T) {
	dir, _ := sampleIndex(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	opt := SearchOptions{Limit: 3, Facets: []string{"lang", "person", "document", "year"}}
	for _, q := range []string{"सम्मेलनों", "lang:hi", "पार्टी -कांग्रेस"} {
		pq, _ := ParseQuery(q)
		cold, err := r.Search(context.Background(), pq, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.WarmFacets(opt.Facets...); err != nil {
			t.Fatal(err)
		}
		warm, err := r.Search(context.Background(), pq, opt)
		if err != nil {
			t.Fatal(err)
		}
		if cold.Total != warm.Total || fmt.Sprint(cold.Facets) != fmt.Sprint(warm.Facets) {
			t.Errorf("%s: cold %d %v, warm %d %v", q, cold.Total, cold.Facets, warm.Total, warm.Facets)
		}
		for i := range cold.Hits {
			if i < len(warm.Hits) && cold.Hits[i].Score != warm.Hits[i].Score {
				t.Errorf("%s: hit %d scores %v vs %v", q, i, cold.Hits[i].Score, warm.Hits[i].Score)
			}
		}
		r.facets = facetCache{} // cold again for the next query
	}
}
