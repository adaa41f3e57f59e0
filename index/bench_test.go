package index

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"
)

// benchQueries is the fixed query set of the latency benchmark: a term, a phrase,
// an entity field, a date range, and text with a language filter.
var benchQueries = []string{
	"सम्मेलन",
	`"प्रांतीय पार्टी समिति"`,
	"document:18-NQ/TW",
	"date:>=2024-01-01 कांग्रेस",
	"كانفرنس lang:ur",
	"congress",
}

// BenchmarkSearch measures in-process top-10 search with snippets and three
// facets on the index in $PARTYNEWS_BENCH_INDEX (skipped when unset), and reports
// the p50 and p95 latency over the query set.
func BenchmarkSearch(b *testing.B) {
	dir := os.Getenv("PARTYNEWS_BENCH_INDEX")
	if dir == "" {
		b.Skip("PARTYNEWS_BENCH_INDEX not set")
	}
	r, err := Open(dir)
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
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		if _, err := r.Search(context.Background(), q, opt); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
