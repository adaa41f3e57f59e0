package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/partynews/partynews/index"
)

// SearchOptions narrows and shapes a bsearch.
type SearchOptions struct {
	Lang   string // only this language
	Limit  int    // hits to return (default 10)
	Offset int
	// Canon canonicalises the value of a field clause (person:, document: …) into
	// the entity it names, with its keys set as an extracted entity's would be
	// (a name's key, a document code in letter names as its Latin code); ok
	// false keeps the value as it is. The search side supplies it.
	Canon func(field, value string) (e index.Entity, ok bool)
	// From and To keep articles with a date in [From, To] (nil: open; not
	// the zero time, which is a day of year 0001).
	From, To *time.Time
	Source   string   // only articles whose source URL contains this
	SortDate bool     // newest dated articles first instead of relevance
	Facets   []string // lang, person, document, year, month, unit

	probe termProbe // set by search: terms looked up before searchers are built
}

// FacetCount is one value of a facet and the number of matching articles.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
	// Keys are the romanised keys of a person entry (the person facet), which
	// person:"Term" matches.
	Keys []string `json:"keys,omitempty"`
}

// Hit is one search result.
type Hit struct {
	ID       string
	Score    float64
	Doc      *index.Document
	Snippet  Snippet
	Position int
}

// Results are the hits of one bsearch.
type Results struct {
	Total  uint64
	Hits   []Hit
	Took   time.Duration
	Facets map[string][]FacetCount
	// Notes say how the query was read or why a clause finds nothing (see
	// Resolve), one line each, for the user's stderr.
	Notes []string
}

// Search runs q, first read against the index by Resolve; an empty answer is
// explained by Unmatched. Both their notes are in Results.Notes.
func (sr *Searcher) Search(ctx context.Context, q *Query, opt SearchOptions) (*Results, error) {
	q, notes, err := sr.Resolve(ctx, q, opt)
	if err != nil {
		return nil, err
	}
	res, err := sr.search(ctx, q, opt)
	if err != nil {
		return nil, err
	}
	if res.Total == 0 {
		why, err := sr.Unmatched(ctx, q, opt)
		if err != nil {
			return nil, err
		}
		for _, w := range why {
			// "person:To matches no article; did you mean …" replaces Resolve's
			// "person:To is searched alone …": the better note for that name
			if c, _, ok := strings.Cut(w, " matches no article; did you mean"); ok {
				notes = slices.DeleteFunc(notes, func(n string) bool { return strings.HasPrefix(n, c+" is searched alone") })
			}
		}
		notes = append(notes, why...)
	}
	res.Notes = notes
	return res, nil
}

func (sr *Searcher) search(ctx context.Context, q *Query, opt SearchOptions) (*Results, error) {
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	langs := sr.Languages()
	if opt.Lang != "" {
		langs = []string{opt.Lang}
	}
	if !sr.Sharded() {
		snap, err := sr.Snapshot()
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		defer snap.Close()
		opt.probe = probeIn(ctx, snap)
	}
	bq, err := sr.build(q, langs, opt)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	filters := []query.Query{bq}
	if opt.Lang != "" {
		filters = append(filters, termQuery(index.FieldLang, opt.Lang))
	}
	if opt.From != nil || opt.To != nil {
		filters = append(filters, dateSpan(opt.From, opt.To, true))
	}
	if opt.Source != "" {
		w := query.NewWildcardQuery("*" + strings.ToLower(opt.Source) + "*")
		w.SetField(index.FieldSourceURL)
		filters = append(filters, w)
	}
	if len(filters) > 1 {
		bq = query.NewConjunctionQuery(filters)
	}
	if warm := sr.warmFields(opt.Facets); warm != nil && len(opt.Facets) > 0 && !opt.SortDate {
		start := time.Now()
		out, hits, err := sr.searchWarm(ctx, bq, opt, warm)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		for i, h := range hits {
			doc, err := sr.Document(h.ID)
			if err != nil || doc == nil {
				return nil, fmt.Errorf("document %s: %v", h.ID, err)
			}
			out.Hits = append(out.Hits, Hit{ID: h.ID, Score: h.Score, Position: opt.Offset + i + 1, Doc: doc,
				Snippet: MakeSnippet(doc, textTerms(q), entitySpans(doc, q, opt), 240)})
		}
		if err := sr.personFacet(ctx, bq, opt, out); err != nil {
			return nil, err
		}
		out.Took = time.Since(start)
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bq, opt.Limit, opt.Offset, false)
	req.Fields = []string{index.FieldSource}
	if opt.SortDate {
		req.SortBy([]string{"-" + index.FieldDateTime, "-_score"})
	}
	for _, name := range opt.Facets {
		f, ok := index.FacetFields[name]
		if !ok {
			return nil, fmt.Errorf("unknown facet %q (facets: %s)", name, strings.Join(index.FacetNames, ", "))
		}
		size := 10
		if name == "person" {
			size = allKeys // every key, for personFacet
		}
		req.AddFacet(name, bleve.NewFacetRequest(f, size))
	}
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &Results{Total: res.Total, Took: res.Took, Facets: facetCounts(res.Facets)}
	seen := map[string]bool{}
	for _, h := range res.Hits {
		if seen[h.ID] {
			continue // the same text filed under paths of two shards
		}
		seen[h.ID] = true
		hit := Hit{ID: h.ID, Score: h.Score, Position: opt.Offset + len(out.Hits) + 1}
		if src, ok := h.Fields[index.FieldSource].(string); ok {
			doc, err := sr.HitDocument(src)
			if err != nil {
				return nil, fmt.Errorf("document %s: %w", h.ID, err)
			}
			hit.Doc = doc
			hit.Snippet = MakeSnippet(doc, textTerms(q), entitySpans(doc, q, opt), 240)
		}
		out.Hits = append(out.Hits, hit)
	}
	if err := sr.personFacet(ctx, bq, opt, out); err != nil {
		return nil, err
	}
	return out, nil
}

func textTerms(q *Query) []string {
	var out []string
	for _, c := range q.Clauses {
		if c.Field == "" && c.Occur != MustNot {
			out = append(out, c.Value)
		}
	}
	return out
}

func termQuery(field, term string) query.Query {
	t := query.NewTermQuery(term)
	t.SetField(field)
	return t
}

// probeIn looks terms up in r, each once, stopping when ctx ends (the probes
// run before bleve's searchers, which do not look at ctx).
func probeIn(ctx context.Context, r bindex.IndexReader) termProbe {
	seen := map[[2]string]bool{}
	return func(field, term string) (bool, error) {
		k := [2]string{field, term}
		if in, ok := seen[k]; ok {
			return in, nil
		}
		if err := ctx.Err(); err != nil {
			return false, err
		}
		tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
		if err != nil {
			return false, err
		}
		d, err := tfr.Next(nil)
		tfr.Close()
		if err != nil {
			return false, err
		}
		seen[k] = d != nil
		return d != nil, nil
	}
}
