package search

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// Related is an article that shares rare entities with another one.
type Related struct {
	Doc      *index.Document
	Score    float64
	Evidence []string // the shared entities, "document 18-NQ/TW", "person to lam" …
}

// Related finds the articles that share the document's entities — document
// codes, full dates, figures of 100 and more, people's keys — ranked so that rare
// shared entities weigh most: the same story in other languages.
func (sr *Searcher) Related(ctx context.Context, doc *index.Document, n int) ([]Related, error) {
	type ev struct{ field, term, label string }
	var evs []ev
	seen := map[string]bool{}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		for _, f := range index.EntityFields(e.Type) {
			if f.Related == nil || !f.Related(e) {
				continue
			}
			t, ok := f.Term(e)
			if !ok {
				continue
			}
			label := e.Value
			if e.Key != "" {
				label = e.Key
			}
			x := ev{f.Name, t.(string), e.Type + " " + label}
			if !seen[x.field+x.term] {
				seen[x.field+x.term] = true
				evs = append(evs, x)
			}
		}
	}
	if len(evs) == 0 {
		return nil, nil
	}
	var qs []query.Query
	for _, e := range evs {
		qs = append(qs, termQuery(e.field, e.term))
	}
	dis := query.NewDisjunctionQuery(qs)
	not := query.NewBooleanQuery(nil, nil, []query.Query{query.NewDocIDQuery([]string{doc.ID})})
	not.AddMust(dis)
	req := bleve.NewSearchRequestOptions(not, n, 0, false)
	req.Fields = []string{index.FieldSource}
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []Related
	for _, h := range res.Hits {
		src, _ := h.Fields[index.FieldSource].(string)
		d, err := index.DecodeSource(src)
		if err != nil {
			return nil, err
		}
		rel := Related{Doc: d, Score: h.Score}
		mine := map[string]bool{}
		for i := range d.Entities {
			e := &d.Entities[i]
			for _, f := range index.EntityFields(e.Type) {
				if f.Related == nil {
					continue
				}
				if t, ok := f.Term(e); ok {
					mine[f.Name+"\x1f"+t.(string)] = true
				}
			}
		}
		for _, e := range evs {
			if mine[e.field+"\x1f"+e.term] {
				rel.Evidence = append(rel.Evidence, e.label)
			}
		}
		out = append(out, rel)
	}
	return out, nil
}

// entitySpans returns the spans of the document's entities that the query's
// person:, document: and date: clauses match, for highlighting.
func entitySpans(doc *index.Document, q *Query, opt SearchOptions) [][2]int {
	var out [][2]int
	for _, c := range q.Clauses {
		if c.Occur == MustNot || c.Field == "" {
			continue
		}
		p := index.QueryPrefix(c.Field)
		if p == nil || p.Highlight == nil {
			continue
		}
		q := queryEntity(c, opt)
		for i := range doc.Entities {
			e := &doc.Entities[i]
			if e.Type != p.Entity || e.End > len(doc.Text) {
				continue
			}
			if p.Highlight(e, &q) {
				out = append(out, [2]int{e.Start, e.End})
			}
		}
	}
	return out
}
