package search

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/partynews/partynews/index"
)

// trieRange matches the documents with a number or a date of field whose key
// (index.FigureKey, index.DateKey) is in [lo, hi]. The index writes each
// value as 4 trie terms (index/trie.go); bleve's numeric and date range
// queries expect its own 16 and would miss values, so the range is turned
// into the term ranges index.TrieRanges gives, and each into the terms the
// field's dictionary holds there.
type trieRange struct {
	field  string
	lo, hi int64
	boost  *query.Boost
	desc   string // how it is shown (String)
}

// figureRange is the range query of a figure field; a nil bound is open.
func figureRange(field string, lo, hi *float64, loIncl, hiIncl bool) *trieRange {
	q := &trieRange{field: field, lo: math.MinInt64, hi: math.MaxInt64}
	if lo != nil {
		q.lo = index.FigureKey(*lo)
		if !loIncl && q.lo != math.MaxInt64 {
			q.lo++
		}
	}
	if hi != nil {
		q.hi = index.FigureKey(*hi)
		if !hiIncl && q.hi != math.MinInt64 {
			q.hi--
		}
	}
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return fmt.Sprint(*p)
	}
	q.desc = fmt.Sprintf("%s[%s..%s]", field, f(lo), f(hi))
	return q
}

// dateSpan is the range query of field date_time from lo (inclusive) to hi,
// inclusive when hiIncl; a nil bound is open.
func dateSpan(lo, hi *time.Time, hiIncl bool) *trieRange {
	q := &trieRange{field: index.FieldDateTime, lo: math.MinInt64, hi: math.MaxInt64}
	show := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format("2006-01-02")
	}
	if lo != nil {
		q.lo = index.DateKey(*lo)
	}
	if hi != nil {
		q.hi = index.DateKey(*hi)
		if !hiIncl && q.hi != math.MinInt64 {
			q.hi--
		}
	}
	q.desc = fmt.Sprintf("%s[%s..%s)", q.field, show(lo), show(hi))
	return q
}

func (q *trieRange) String() string { return q.desc }

// SetBoost sets the query's boost (query.BoostableQuery).
func (q *trieRange) SetBoost(b float64) { q.boost = (*query.Boost)(&b) }

// Boost returns the query's boost.
func (q *trieRange) Boost() float64 { return q.boost.Value() }

// Searcher finds the terms of the range in the field's dictionary and
// matches the documents holding any of them (query.Query).
func (q *trieRange) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	var terms [][]byte
	for _, tr := range index.TrieRanges(q.lo, q.hi) {
		dict, err := r.FieldDictRange(q.field, tr.Lo, tr.Hi)
		if err != nil {
			return nil, fmt.Errorf("range of %s: %w", q.field, err)
		}
		for {
			e, err := dict.Next()
			if err != nil {
				_ = dict.Close()
				return nil, fmt.Errorf("range of %s: %w", q.field, err)
			}
			if e == nil {
				break
			}
			terms = append(terms, []byte(e.Term))
		}
		if err := dict.Close(); err != nil {
			return nil, fmt.Errorf("range of %s: %w", q.field, err)
		}
	}
	return searcher.NewMultiTermSearcherBytes(ctx, r, terms, q.field, q.boost.Value(), opts, true)
}
