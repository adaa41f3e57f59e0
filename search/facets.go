package search

import (
	"container/heap"
	"context"
	"fmt"
	"sort"
	"sync"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/partynews/partynews/index"
)

// facetField holds one keyword field's values for every document of a reader's
// snapshot, so that facet counts over many hits cost an array lookup per hit
// instead of decoding the hits' doc values again for every query.
type facetField struct {
	terms []string   // term id → term
	docs  [][]uint32 // global doc number → term ids
}

type facetCache struct {
	mu     sync.Mutex
	fields map[string]*facetField
}

// WarmFacets loads the values of the named facets (lang, person, document …) of
// every document into memory, for a Reader that serves many searches: facet
// counts then no longer grow with the cost of decoding each hit's doc values.
// It costs one pass over the index per facet.
//
// A sharded index does not keep warm facets: its searches count facets per hit.
func (sr *Searcher) WarmFacets(names ...string) error {
	if sr.Sharded() {
		return nil
	}
	ir, err := sr.Snapshot()
	if err != nil {
		return err
	}
	defer ir.Close()
	sr.facets.mu.Lock()
	defer sr.facets.mu.Unlock()
	if sr.facets.fields == nil {
		sr.facets.fields = map[string]*facetField{}
	}
	for _, name := range names {
		field, ok := index.FacetFields[name]
		if !ok {
			return fmt.Errorf("unknown facet %q", name)
		}
		if sr.facets.fields[field] != nil {
			continue
		}
		ff, err := loadFacetField(ir, field)
		if err != nil {
			return fmt.Errorf("load facet %s: %w", name, err)
		}
		sr.facets.fields[field] = ff
	}
	return nil
}

func loadFacetField(ir bindex.IndexReader, field string) (*facetField, error) {
	ff := &facetField{}
	ids := map[string]uint32{}
	dvr, err := ir.DocValueReader([]string{field})
	if err != nil {
		return nil, err
	}
	all, err := ir.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	for {
		id, err := all.Next()
		if err != nil {
			return nil, err
		}
		if id == nil {
			return ff, nil
		}
		n := id.Value()
		for uint64(len(ff.docs)) <= n {
			ff.docs = append(ff.docs, nil)
		}
		err = dvr.VisitDocValues(id, func(_ string, term []byte) {
			t, ok := ids[string(term)]
			if !ok {
				t = uint32(len(ff.terms))
				ids[string(term)] = t
				ff.terms = append(ff.terms, string(term))
			}
			ff.docs[n] = append(ff.docs[n], t)
		})
		if err != nil {
			return nil, err
		}
	}
}

// warmFields returns the cached facet fields for names, or nil unless all are warm.
func (sr *Searcher) warmFields(names []string) []*facetField {
	sr.facets.mu.Lock()
	defer sr.facets.mu.Unlock()
	var out []*facetField
	for _, name := range names {
		ff := sr.facets.fields[index.FacetFields[name]]
		if ff == nil {
			return nil
		}
		out = append(out, ff)
	}
	return out
}

// hitHeap keeps the best hits: lowest score on top.
type hitHeap []*bsearch.DocumentMatch

func (h hitHeap) Len() int { return len(h) }
func (h hitHeap) Less(i, j int) bool {
	if h[i].Score != h[j].Score {
		return h[i].Score < h[j].Score
	}
	return h[i].IndexInternalID.Value() > h[j].IndexInternalID.Value()
}
func (h hitHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x interface{}) { *h = append(*h, x.(*bsearch.DocumentMatch)) }
func (h *hitHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// searchWarm runs a relevance-ranked search whose facets are all warm in one pass
// over the matches: top hits by score, total, and facet counts from memory.
func (sr *Searcher) searchWarm(ctx context.Context, bq query.Query, opt SearchOptions, fields []*facetField) (*Results, []*bsearch.DocumentMatch, error) {
	ir, err := sr.Snapshot()
	if err != nil {
		return nil, nil, err
	}
	defer ir.Close()
	s, err := bq.Searcher(ctx, ir, sr.Bleve().Mapping(), bsearch.SearcherOptions{})
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	keep := opt.Offset + opt.Limit
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(keep+1+s.DocumentMatchPoolSize(), 0), IndexReader: ir}
	counts := make([]map[uint32]int, len(fields))
	for i := range counts {
		counts[i] = map[uint32]int{}
	}
	top := &hitHeap{}
	var total uint64
	for {
		if total%1024 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, nil, err
		}
		if dm == nil {
			break
		}
		total++
		n := dm.IndexInternalID.Value()
		for i, ff := range fields {
			if n < uint64(len(ff.docs)) {
				for _, t := range ff.docs[n] {
					counts[i][t]++
				}
			}
		}
		if top.Len() < keep {
			heap.Push(top, dm)
		} else if keep > 0 && (*top)[0].Score < dm.Score {
			sctx.DocumentMatchPool.Put(heap.Pop(top).(*bsearch.DocumentMatch))
			heap.Push(top, dm)
		} else {
			sctx.DocumentMatchPool.Put(dm)
		}
	}
	hits := make([]*bsearch.DocumentMatch, top.Len())
	for i := len(hits) - 1; i >= 0; i-- {
		hits[i] = heap.Pop(top).(*bsearch.DocumentMatch)
	}
	if opt.Offset < len(hits) {
		hits = hits[opt.Offset:]
	} else {
		hits = nil
	}
	for _, h := range hits {
		if h.ID, err = ir.ExternalID(h.IndexInternalID); err != nil {
			return nil, nil, err
		}
	}
	res := &Results{Total: total, Facets: map[string][]FacetCount{}}
	for i, name := range opt.Facets {
		list := make([]FacetCount, 0, len(counts[i]))
		for t, c := range counts[i] {
			list = append(list, FacetCount{Term: fields[i].terms[t], Count: c})
		}
		sort.Slice(list, func(a, b int) bool {
			if list[a].Count != list[b].Count {
				return list[a].Count > list[b].Count
			}
			return list[a].Term < list[b].Term
		})
		if len(list) > 10 && name != "person" { // person: every key, for personFacet
			list = list[:10]
		}
		res.Facets[name] = list
	}
	return res, hits, nil
}

func facetCounts(fr bsearch.FacetResults) map[string][]FacetCount {
	if len(fr) == 0 {
		return nil
	}
	out := map[string][]FacetCount{}
	for name, f := range fr {
		list := []FacetCount{}
		if f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				list = append(list, FacetCount{Term: t.Term, Count: t.Count})
			}
		}
		out[name] = list
	}
	return out
}
