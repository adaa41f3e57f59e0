package search

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// benchQueries is the fixed query set of the latency benchmark: a term, a phrase,
// an entity field, a date range, and text with a language filter. (A phrase of
// three words that stand in most Hindi articles, "प्रांतीय पार्टी समिति", is the
// known slow case: ~135 ms at 100,000 articles; BenchmarkSearchCommonPhrase.)
var benchQueries = []string{
	"सम्मेलन",
	`"हो ची मिन्ह"`,
	"document:18-NQ/TW",
	"date:>=2024-01-01 कांग्रेस",
	"كانفرنس lang:ur",
	"congress",
}

// benchIndex is the index in $PARTYNEWS_BENCH_INDEX (make bench sets it to
// pnbench's index), or else an index of the embedded sample.
func benchIndex(b *testing.B) string {
	if dir := os.Getenv("PARTYNEWS_BENCH_INDEX"); dir != "" {
		return dir
	}
	b.Log("PARTYNEWS_BENCH_INDEX not set: searching the embedded sample")
	dir, _ := sampleIndex(b)
	return dir
}

// BenchmarkSearch measures in-process top-10 search with snippets and three
// facets on the benchmark index (benchIndex), and reports the p50 and p95
// latency over the query set.
func BenchmarkSearch(b *testing.B) {
	r, err := Open(benchIndex(b))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	var qs []*Query
	for _, s := range benchQueries {
		q, err := ParseQuery(s)
		if err != nil {
			b.Fatal(err)
		}
		qs = append(qs, q)
	}
	opt := SearchOptions{Limit: 10, Facets: []string{"lang", "person", "document"}}
	switch os.Getenv("PARTYNEWS_BENCH_FACETS") {
	case "0":
		opt.Facets = nil
	case "cold":
	default:
		start := time.Now()
		if err := r.WarmFacets(opt.Facets...); err != nil {
			b.Fatal(err)
		}
		b.Logf("facets warmed in %v", time.Since(start))
	}
	var lat []time.Duration
	per := make([][]time.Duration, len(qs))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		if _, err := r.Search(context.Background(), q, opt); err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		lat = append(lat, d)
		per[i%len(qs)] = append(per[i%len(qs)], d)
	}
	if testing.Verbose() {
		for k, ds := range per {
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			if len(ds) > 0 {
				b.Logf("%-40s p50 %v", benchQueries[k], ds[len(ds)/2])
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkSearchCommonPhrase measures the worst phrase: three words that stand
// in most Hindi articles.
func BenchmarkSearchCommonPhrase(b *testing.B) {
	r, err := Open(benchIndex(b))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	q, _ := ParseQuery(`"प्रांतीय पार्टी समिति"`)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Search(context.Background(), q, SearchOptions{Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPartial measures what a partial name or code costs: the regular
// expression over the keyword field's dictionary (partialQuery) against the
// exact term, counting the matches on the benchmark index.
func BenchmarkPartial(b *testing.B) {
	r, err := Open(benchIndex(b))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	for _, tc := range []struct{ name, field, value string }{
		{"person", "person", "Chinh"},
		{"person2", "person", "Pham Minh"},
		{"document", "document", "NQ/TW"},
	} {
		e, _ := Canon(tc.field, tc.value)
		p := index.QueryPrefix(tc.field)
		exact := termQuery(index.FieldPersonKey, e.Key)
		if tc.field == "document" {
			exact = termQuery(index.FieldDocument, e.Folded)
		}
		for _, v := range []struct {
			kind string
			q    query.Query
		}{{"exact", exact}, {"partial", partialQuery(p.Entity, tc.value, &e)}} {
			b.Run(tc.name+"/"+v.kind, func(b *testing.B) {
				var total uint64
				for i := 0; i < b.N; i++ {
					res, err := r.Bleve().SearchInContext(context.Background(), bleve.NewSearchRequestOptions(v.q, 0, 0, false))
					if err != nil {
						b.Fatal(err)
					}
					total = res.Total
				}
				b.ReportMetric(float64(total), "articles")
			})
		}
	}
}

// BenchmarkLongQuery searches the text in the file $PARTYNEWS_BENCH_QUERY (a
// pasted paragraph: qbound's cap applies before, see cmd/partynews) on the
// benchmark index; for profiling long queries.
func BenchmarkLongQuery(b *testing.B) {
	file := os.Getenv("PARTYNEWS_BENCH_QUERY")
	if file == "" {
		b.Skip("PARTYNEWS_BENCH_QUERY not set")
	}
	text, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	q, err := ParseQuery(string(text))
	if err != nil {
		b.Fatal(err)
	}
	r, err := Open(benchIndex(b))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.Search(context.Background(), q, SearchOptions{Limit: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
