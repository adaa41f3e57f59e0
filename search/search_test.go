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
)

// sampleIndex indexes the embedded sample into a fresh folder.
func sampleIndex(t testing.TB) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	paths, err := sample.WriteTo(filepath.Join(dir, "sample"))
	if err != nil {
		t.Fatal(err)
	}
	writeIndex(t, filepath.Join(dir, "index"), paths)
	return filepath.Join(dir, "index"), paths
}

// writeIndex indexes the article files paths into a new index in dir.
func writeIndex(t testing.TB, dir string, paths []string) {
	t.Helper()
	proc, err := pipeline.NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	w, err := index.OpenWriter(dir, index.WriterOptions{})
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
	var withWord, withWordNotCongress []string
	for _, p := range paths {
		a, _ := corpus.Read(p, 0)
		if strings.Contains(a.Content(), "सम्मेलन") {
			withWord = append(withWord, filepath.Base(p))
			if !strings.Contains(a.Text, "कांग्रेस") {
				withWordNotCongress = append(withWordNotCongress, filepath.Base(p))
			}
		}
	}
	if len(withWordNotCongress) == 0 || len(withWordNotCongress) == len(withWord) {
		t.Fatalf("the sample no longer tells -कांग्रेस apart: %v of %v", withWordNotCongress, withWord)
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
		{"must not", "सम्मेलनों -कांग्रेस", SearchOptions{}, withWordNotCongress, true},
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
	proc, _ := pipeline.NewProcessor()
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
	for _, s := range []string{`a "b c" +d -e person:"To Lam"`, `date:2024-01..2024-02`, `figure:>=10`,
		`a OR b OR c d`, `35-CT/TW OR lang:hi`, `person:To Lam`, `document:NQ/TW including: x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			return
		}
		members := map[int]int{}
		for _, c := range q.Clauses {
			if c.Value == "" {
				t.Fatalf("empty clause from %q", s)
			}
			if (c.Occur == Should) != (c.Group > 0) {
				t.Fatalf("%q: clause %+v: Should exactly in OR groups", s, c)
			}
			members[c.Group]++
		}
		for g, n := range members {
			if g > 0 && n < 2 {
				t.Fatalf("%q: OR group %d of %d member", s, g, n)
			}
		}
		// compiling never panics (a bad date or figure is an error)
		_, _ = (&Searcher{}).build(q, []string{"en", "hi"}, SearchOptions{Canon: Canon})
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
		if len(cold.Hits) == 0 || len(cold.Hits) != len(warm.Hits) {
			t.Errorf("%s: %d cold hits, %d warm", q, len(cold.Hits), len(warm.Hits))
		}
		for i := range cold.Hits {
			if i < len(warm.Hits) && (cold.Hits[i].Score != warm.Hits[i].Score || cold.Hits[i].ID != warm.Hits[i].ID) {
				t.Errorf("%s: hit %d is %s %v cold, %s %v warm", q, i, cold.Hits[i].ID, cold.Hits[i].Score, warm.Hits[i].ID, warm.Hits[i].Score)
			}
		}
		r.facets = facetCache{} // cold again for the next query
	}
}

func TestDateRange(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var zero time.Time
	cases := []struct {
		in     string
		lo, hi time.Time
	}{
		{"2024-12-28", day("2024-12-28"), day("2024-12-29")},
		{"2024-12", day("2024-12-01"), day("2025-01-01")},
		{"2024", day("2024-01-01"), day("2025-01-01")},
		{">=2024-01-01", day("2024-01-01"), zero},
		{">2024-01", day("2024-02-01"), zero},
		{"<=2024", zero, day("2025-01-01")},
		{"<2024-06-15", zero, day("2024-06-15")},
		{"2024-01..2024-06", day("2024-01-01"), day("2024-07-01")},
		{"2023..2024-02-10", day("2023-01-01"), day("2024-02-11")},
		// year 0000 ends at the zero time, which must stay a bound
		{"0000", day("0000-01-01"), day("0001-01-01")},
		{"<=0000", zero, day("0001-01-01")},
		{"<0001", zero, day("0001-01-01")},
	}
	show := func(t *time.Time) string {
		if t == nil {
			return "open"
		}
		return t.String()
	}
	same := func(got *time.Time, want time.Time, open bool) bool {
		if open {
			return got == nil
		}
		return got != nil && got.Equal(want)
	}
	for _, c := range cases {
		lo, hi, err := dateRange(c.in)
		loOpen := c.lo.IsZero() && c.in[0] == '<'
		hiOpen := c.hi.IsZero() && c.in[0] == '>'
		if err != nil || !same(lo, c.lo, loOpen) || !same(hi, c.hi, hiOpen) {
			t.Errorf("dateRange(%q) = [%s, %s) %v, want [%v, %v)", c.in, show(lo), show(hi), err, c.lo, c.hi)
		}
	}
	for _, bad := range []string{"2024-13", ">=", "2024..", "..2024", "24-01-01", "2024-01-01..x"} {
		if _, _, err := dateRange(bad); err == nil {
			t.Errorf("dateRange(%q) accepted", bad)
		}
	}
}

// date: clauses select the articles whose mentioned dates fall in the range:
// every hit of a range has such a date, and the ranges split the articles.
func TestDateQueries(t *testing.T) {
	dir, _ := sampleIndex(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	hasDate := func(h Hit, lo, hi string) bool {
		for _, e := range h.Doc.Entities {
			v := index.EffectiveDate(&e) // a year-less date counts in its inferred year
			if e.Type == "date" && len(v) == 10 && v[0] != '-' && v >= lo && v < hi {
				return true
			}
		}
		return false
	}
	all := map[string]bool{}
	for _, h := range doSearch(t, r, "date:1900..2100", SearchOptions{Limit: 100}) {
		all[h.ID] = true
	}
	if len(all) == 0 {
		t.Fatal("no dated article in the sample")
	}
	for _, c := range []struct{ q, lo, hi string }{
		{"date:>=2024-01-01", "2024-01-01", "9999"},
		{"date:<2024-01-01", "0000", "2024-01-01"},
		{"date:2024-01..2024-06", "2024-01-01", "2024-07-01"},
		{"date:2024", "2024-01-01", "2025-01-01"},
		{"date:0000", "0000-01-01", "0001-01-01"}, // ends at the zero time
		{"date:<=0000", "0000", "0001-01-01"},
		{"date:0000-12-31", "0000-12-31", "0001-01-01"},
	} {
		hits := doSearch(t, r, c.q, SearchOptions{Limit: 100})
		for _, h := range hits {
			if !hasDate(h, c.lo, c.hi) {
				t.Errorf("%s: %s has no date in [%s, %s)", c.q, h.Doc.Paths[0], c.lo, c.hi)
			}
		}
		// and no article with such a date is missed
		found := map[string]bool{}
		for _, h := range hits {
			found[h.ID] = true
		}
		for _, h := range doSearch(t, r, "date:1900..2100", SearchOptions{Limit: 100}) {
			if hasDate(h, c.lo, c.hi) && !found[h.ID] {
				t.Errorf("%s: misses %s", c.q, h.Doc.Paths[0])
			}
		}
	}
}
