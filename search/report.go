package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

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
	if facet == "person" {
		return sr.personCounts(ctx, q, n)
	}
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet(facet, bleve.NewFacetRequest(f, n))
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return facetCounts(res.Facets)[facet], nil
}

// Timeline is how many articles matching a query mention a date in each month.
type Timeline struct {
	Months []FacetCount // YYYY-MM in order, months without articles included (count 0)
	Total  uint64       // articles matching the query
	Placed uint64       // of them, the ones with a dated mention (a year given or inferred)
}

// Timeline returns, per month (YYYY-MM), how many articles matching q mention a
// date in that month, in month order, with the months between them that none
// mentions.
func (sr *Searcher) Timeline(ctx context.Context, q *Query, opt SearchOptions) (*Timeline, error) {
	opt.Facets = nil
	opt.Limit = 1
	q, _, err := sr.Resolve(ctx, q, opt)
	if err != nil {
		return nil, err
	}
	bq, err := sr.build(q, sr.langsFor(opt), opt)
	if err != nil {
		return nil, err
	}
	if opt.Lang != "" {
		bq = query.NewConjunctionQuery([]query.Query{bq, termQuery(index.FieldLang, opt.Lang)})
	}
	req := bleve.NewSearchRequestOptions(bq, 0, 0, false)
	req.AddFacet("month", bleve.NewFacetRequest(index.FieldMonth, 100000))
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	months := facetCounts(res.Facets)["month"]
	sort.Slice(months, func(i, j int) bool { return months[i].Term < months[j].Term })
	t := &Timeline{Months: fillMonths(months), Total: res.Total}
	dated := dateSpan(nil, nil, true) // any full date
	pr, err := sr.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{bq, dated}), 0, 0, false))
	if err != nil {
		return nil, err
	}
	t.Placed = pr.Total
	return t, nil
}

// fillMonths adds the months between the first and the last of a sorted list
// that no article mentions, with a count of 0, so that a timeline shows its
// gaps. A span of more than 100 years is left as it is.
func fillMonths(months []FacetCount) []FacetCount {
	if len(months) < 2 {
		return months
	}
	first, err1 := time.Parse("2006-01", months[0].Term)
	last, err2 := time.Parse("2006-01", months[len(months)-1].Term)
	if err1 != nil || err2 != nil || last.Year()-first.Year() > 100 {
		return months
	}
	have := map[string]int{}
	for _, m := range months {
		have[m.Term] = m.Count
	}
	var out []FacetCount
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		k := t.Format("2006-01")
		out = append(out, FacetCount{Term: k, Count: have[k]})
	}
	return out
}

func (sr *Searcher) langsFor(opt SearchOptions) []string {
	if opt.Lang != "" {
		return []string{opt.Lang}
	}
	return sr.Languages()
}
