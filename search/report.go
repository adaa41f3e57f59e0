package search

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// Top returns the n most frequent values of an entity facet (person, document,
// date, figure, year, month, unit, lang) with their article counts, over the
// articles in lang ("" for all).
func (sr *Searcher) Top(ctx context.Context, facet string, n int, lang string) ([]FacetCount, error) {
	f, ok := index.FacetFields[facet]
	if !ok {
		return nil, fmt.Errorf("unknown entity type %q (types: %s)", facet, strings.Join(index.FacetNames, ", "))
	}
	var q query.Query = query.NewMatchAllQuery()
	if lang != "" {
		q = termQuery(index.FieldLang, lang)
	}
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet(facet, bleve.NewFacetRequest(f, n))
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return facetCounts(res.Facets)[facet], nil
}

// Timeline returns, per month (YYYY-MM), how many articles matching q mention a
// date in that month, in month order.
func (sr *Searcher) Timeline(ctx context.Context, q *Query, opt SearchOptions) ([]FacetCount, uint64, error) {
	opt.Facets = nil
	opt.Limit = 1
	q, _, err := sr.Resolve(ctx, q, opt)
	if err != nil {
		return nil, 0, err
	}
	bq, err := sr.build(q, sr.langsFor(opt), opt)
	if err != nil {
		return nil, 0, err
	}
	req := bleve.NewSearchRequestOptions(bq, 0, 0, false)
	req.AddFacet("month", bleve.NewFacetRequest(index.FieldMonth, 100000))
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, 0, err
	}
	months := facetCounts(res.Facets)["month"]
	sort.Slice(months, func(i, j int) bool { return months[i].Term < months[j].Term })
	return months, res.Total, nil
}

func (sr *Searcher) langsFor(opt SearchOptions) []string {
	if opt.Lang != "" {
		return []string{opt.Lang}
	}
	return sr.Languages()
}
