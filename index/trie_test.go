package index

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"
)

// trieMatches counts the ranges one of v's terms falls in.
func trieMatches(v int64, ranges []TermRange) int {
	terms := TrieTerms(v)
	n := 0
	for _, r := range ranges {
		t := terms[r.Shift/TrieStep]
		if bytes.Compare(r.Lo, t) <= 0 && bytes.Compare(t, r.Hi) <= 0 {
			n++
		}
	}
	return n
}

func checkTrie(t *testing.T, lo, hi, v int64) {
	t.Helper()
	ranges := TrieRanges(lo, hi)
	if len(ranges) > 2*64/TrieStep {
		t.Fatalf("[%d, %d]: %d ranges, want at most %d", lo, hi, len(ranges), 2*64/TrieStep)
	}
	want := 0
	if lo <= v && v <= hi {
		want = 1
	}
	if got := trieMatches(v, ranges); got != want {
		t.Fatalf("[%d, %d] holds %d: matched %d ranges, want %d (ranges %v)", lo, hi, v, got, want, ranges)
	}
}

func TestTrieRanges(t *testing.T) {
	edges := []int64{math.MinInt64, math.MinInt64 + 1, -1 << 48, -65536, -65535, -1, 0, 1, 65535, 65536, 1<<32 - 1, 1 << 32,
		1 << 48, math.MaxInt64 - 1, math.MaxInt64}
	for _, lo := range edges {
		for _, hi := range edges {
			for _, v := range edges {
				checkTrie(t, lo, hi, v)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		lo, hi := rng.Int64()-rng.Int64(), rng.Int64()-rng.Int64()
		if rng.IntN(2) == 0 { // narrow ranges too
			hi = lo + rng.Int64N(1<<(rng.IntN(62)+1))
		}
		for _, v := range []int64{lo, hi, lo - 1, hi + 1, lo + (hi-lo)/2, rng.Int64() - rng.Int64(), lo + rng.Int64N(1<<20), hi - rng.Int64N(1<<20)} {
			checkTrie(t, lo, hi, v)
		}
	}
	// figures and dates as the searches ask for them
	for _, c := range []struct{ lo, hi, in, out float64 }{
		{1e6, math.Inf(1), 1.5e9, 999999.99},
		{-5, 5, 0, 5.0000001},
		{0.5, 0.5, 0.5, 0.50000001},
		{10, 20, 19.99, 20.01},
	} {
		checkTrie(t, FigureKey(c.lo), FigureKey(c.hi), FigureKey(c.in))
		checkTrie(t, FigureKey(c.lo), FigureKey(c.hi), FigureKey(c.out))
	}
	if FigureKey(math.Copysign(0, -1)) != FigureKey(0) {
		t.Error("-0 and 0 have different figure keys: figure:0 misses -0")
	}
	day := func(y int, m time.Month, d int) int64 { return DateKey(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) }
	lo, hi := day(2024, 1, 1), day(2025, 1, 1)-1
	for _, v := range []int64{day(2023, 12, 31), day(2024, 1, 1), day(2024, 7, 15), day(2024, 12, 31), day(2025, 1, 1), DateKey(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))} {
		checkTrie(t, lo, hi, v)
	}
}

func FuzzTrieRanges(f *testing.F) {
	f.Add(int64(0), int64(100), int64(50))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(-1))
	f.Add(int64(65535), int64(65536), int64(65536))
	f.Fuzz(func(t *testing.T, lo, hi, v int64) {
		checkTrie(t, lo, hi, v)
		checkTrie(t, lo, hi, lo)
		checkTrie(t, lo, hi, hi)
	})
}

// The trie terms are terms bleve's own numeric and date fields write, so
// TrieRanges finds values in indexes written before the trie fields.
func TestTrieTermsAreBleveTerms(t *testing.T) {
	opts := index.IndexField | index.DocValues
	for _, f := range []float64{0, -1, 1, 0.5, 1e6, -273.15, 3.5e12, math.MaxFloat64} {
		nf := document.NewNumericFieldWithIndexingOptions("figure", nil, f, opts)
		nf.Analyze()
		for _, term := range TrieTerms(FigureKey(f)) {
			if nf.AnalyzedTokenFrequencies()[string(term)] == nil {
				t.Errorf("figure %v: trie term %x is not one of bleve's numeric field's", f, term)
			}
		}
		tf := trieField("figure", nil, FigureKey(f), opts)
		tf.Analyze()
		if got := len(tf.AnalyzedTokenFrequencies()); got != 64/TrieStep {
			t.Errorf("figure %v: the trie field has %d terms, want %d", f, got, 64/TrieStep)
		}
		for _, term := range TrieTerms(FigureKey(f)) {
			if tf.AnalyzedTokenFrequencies()[string(term)] == nil {
				t.Errorf("figure %v: the trie field lacks term %x", f, term)
			}
		}
	}
	for _, d := range []time.Time{time.Date(2024, 12, 28, 0, 0, 0, 0, time.UTC), time.Date(1945, 9, 2, 0, 0, 0, 0, time.UTC)} {
		df, err := document.NewDateTimeFieldWithIndexingOptions("date_time", nil, d, time.RFC3339, opts)
		if err != nil {
			t.Fatal(err)
		}
		df.Analyze()
		for _, term := range TrieTerms(DateKey(d)) {
			if df.AnalyzedTokenFrequencies()[string(term)] == nil {
				t.Errorf("date %v: trie term %x is not one of bleve's date field's", d, term)
			}
		}
	}
}

func TestDateKeyClamps(t *testing.T) {
	if got := DateKey(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)); got != math.MinInt64 {
		t.Errorf("year 1: %d, want MinInt64", got)
	}
	if got := DateKey(time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)); got != math.MaxInt64 {
		t.Errorf("year 9999: %d, want MaxInt64", got)
	}
	d := time.Date(2024, 12, 28, 0, 0, 0, 0, time.UTC)
	if got := DateKey(d); got != d.UnixNano() {
		t.Errorf("2024-12-28: %d, want %d", got, d.UnixNano())
	}
}

// A date beyond nanoseconds since 1970 (before 1678) gets no date_time field,
// as bleve's date fields did not, rather than a clamped key that every such
// date would share.
func TestOldDatesHaveNoDateTime(t *testing.T) {
	d := Document{ID: "x", Lang: "en", Text: "In 1428 and in 2024", Lead: "In 1428 and in 2024",
		Entities: []Entity{
			{Type: EntityDate, Text: "1 May 1428", Value: "1428-05-01"},
			{Type: EntityDate, Text: "5 December 2024", Value: "2024-12-05"},
		}}
	doc, _ := bleveDocument(&stored{Document: d})
	var keys []int64
	for _, f := range doc.Fields {
		if f.Name() != FieldDateTime {
			continue
		}
		f.Analyze()
		for term := range f.AnalyzedTokenFrequencies() {
			if v, err := numericTermValue(term); err == nil && term == string(TrieTerms(v)[0]) {
				keys = append(keys, v)
			}
		}
	}
	want := DateKey(time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC))
	if len(keys) != 1 || keys[0] != want {
		t.Errorf("date_time keys %v, want only 2024-12-05's %d", keys, want)
	}
}

func numericTermValue(term string) (int64, error) {
	return numeric.PrefixCoded(term).Int64()
}
