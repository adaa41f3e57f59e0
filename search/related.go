package search

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// Related is an article that may tell the same story as another one.
type Related struct {
	Doc   *index.Document
	Score float64 // 0–1: how much of the two articles' evidence they share
	// Evidence is what the two articles share, each item weighed by its rarity.
	Evidence []Evidence
}

// Evidence is one thing two related articles share.
type Evidence struct {
	Kind   string  `json:"kind"`   // source (the source URL both cite), document, date, person, figure
	Value  string  `json:"value"`  // 18-NQ/TW, --10-16, Tô Lâm, 453 …
	Weight float64 `json:"weight"` // its rarity: ln(1 + articles / articles with it)
}

// Relation thresholds: a related article shares at least MinRelated of the
// two articles' evidence (weighed by rarity), and weighs at least
// minSharedWeight in all: one rare name or figure alone is not a story.
// Calibrated on the dev articles whose source URLs share a vietnam.vn slug
// (translations of one story): see TestRelatedTranslations.
const (
	MinRelated      = 0.2
	minSharedWeight = 3.0
	sameLangFactor  = 0.5 // a translation is in another language
	conflictFactor  = 0.5 // different sources, or different days
	sourceWeight    = 4.0 // both cite the same source URL in their text
	relatedPool     = 50  // candidates scored per article
)

// evidence is one item of an article: its kind, its canonical key (what two
// articles compare) and a label.
type evidence struct {
	kind, key, label string
	field, term      string // the index term, for its rarity and for finding candidates
}

// articleEvidence lists what an article offers as evidence of its story: the
// entity fields the schema marks Related (document codes, the days it names,
// people by their entry, figures of 100 and more) and the source URL its text
// cites.
func articleEvidence(d *index.Document, people *People) []evidence {
	var out []evidence
	seen := map[string]bool{}
	add := func(e evidence) {
		if !seen[e.key] {
			seen[e.key] = true
			out = append(out, e)
		}
	}
	if u := normalizeURL(d.SourceURL); u != "" {
		add(evidence{kind: "source", key: "source\x1f" + u, label: d.SourceURL, field: index.FieldSourceURL, term: d.SourceURL})
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		for _, f := range index.EntityFields(e.Type) {
			if f.Related == nil || !f.Related(e) {
				continue
			}
			t, ok := f.Term(e)
			if !ok {
				continue
			}
			term := t.(string)
			x := evidence{kind: e.Type, key: f.Name + "\x1f" + term, label: term, field: f.Name, term: term}
			if e.Type == index.EntityPerson {
				if entry := people.Entry(e.Key); entry != nil {
					x.key, x.label = "person\x1f"+entry.Name, entry.Name
				}
			}
			add(x)
		}
	}
	return out
}

// normalizeURL is a source URL as two translations of one story cite it:
// without scheme, www., spaces the translation put in, a trailing slash, and
// lower-cased.
func normalizeURL(u string) string {
	u = strings.ToLower(strings.Join(strings.Fields(u), ""))
	for _, p := range []string{"https://", "http://", "www."} {
		u = strings.TrimPrefix(u, p)
	}
	return strings.TrimRight(u, "/")
}

// Related finds the articles that tell the same story as doc — its
// translations first — and at most n of them. Candidates are the articles that
// share a piece of its evidence (articleEvidence); each is scored by the
// evidence the two share, weighed by rarity (ln(1 + N/df)), as a share of the
// evidence of both (2·shared / (mine + theirs)), halved for an article in the
// same language, plus a source URL both cite. Weak relations — a score under
// MinRelated, or shared evidence under minSharedWeight — are cut.
func (sr *Searcher) Related(ctx context.Context, doc *index.Document, n int) ([]Related, error) {
	return sr.related(ctx, doc, n, MinRelated, minSharedWeight)
}

func (sr *Searcher) related(ctx context.Context, doc *index.Document, n int, minScore, minShared float64) ([]Related, error) {
	people, err := sr.People()
	if err != nil {
		return nil, err
	}
	mine := articleEvidence(doc, people)
	if len(mine) == 0 {
		return nil, nil
	}
	total, err := sr.Count()
	if err != nil {
		return nil, err
	}
	dfs := map[string]float64{}
	weight := func(e evidence) (float64, error) {
		if e.kind == "source" {
			return sourceWeight, nil
		}
		k := e.field + "\x1f" + e.term
		if w, ok := dfs[k]; ok {
			return w, nil
		}
		var df uint64 = 1
		if e.kind == index.EntityPerson && people.Entry(e.term) != nil {
			c, err := sr.countQuery(ctx, keysQuery(people.Entry(e.term).Keys))
			if err != nil {
				return 0, err
			}
			df = max(df, c)
		} else {
			c, err := sr.countQuery(ctx, termQuery(e.field, e.term))
			if err != nil {
				return 0, err
			}
			df = max(df, c)
		}
		w := math.Log(1 + float64(total)/float64(df))
		dfs[k] = w
		return w, nil
	}
	sum := func(evs []evidence) (float64, error) {
		var s float64
		for _, e := range evs {
			w, err := weight(e)
			if err != nil {
				return 0, err
			}
			s += w
		}
		return s, nil
	}
	mineW, err := sum(mine)
	if err != nil {
		return nil, err
	}
	var qs []query.Query
	for _, e := range mine {
		if e.kind == index.EntityPerson && people.Entry(e.term) != nil {
			qs = append(qs, keysQuery(people.Entry(e.term).Keys))
		} else {
			qs = append(qs, termQuery(e.field, e.term))
		}
	}
	q := query.NewBooleanQuery(nil, nil, []query.Query{query.NewDocIDQuery([]string{doc.ID})})
	q.AddMust(query.NewDisjunctionQuery(qs))
	req := bleve.NewSearchRequestOptions(q, relatedPool, 0, false)
	req.Fields = []string{index.FieldSource}
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []Related
	seenDoc := map[string]bool{doc.ID: true}
	for _, h := range res.Hits {
		if seenDoc[h.ID] {
			continue
		}
		seenDoc[h.ID] = true
		src, _ := h.Fields[index.FieldSource].(string)
		d, err := sr.HitDocument(src)
		if err != nil {
			return nil, err
		}
		theirs := articleEvidence(d, people)
		theirW, err := sum(theirs)
		if err != nil {
			return nil, err
		}
		has := map[string]bool{}
		for _, e := range theirs {
			has[e.key] = true
		}
		rel := Related{Doc: d}
		var shared float64
		for _, e := range mine {
			if !has[e.key] {
				continue
			}
			w, _ := weight(e)
			shared += w
			rel.Evidence = append(rel.Evidence, Evidence{Kind: e.kind, Value: e.label, Weight: math.Round(w*100) / 100})
		}
		if mineW+theirW == 0 {
			continue
		}
		score := 2 * shared / (mineW + theirW)
		if d.Lang == doc.Lang {
			score *= sameLangFactor
		}
		// translations of one story cite the same source and name the same
		// days: two different sources, or days and none in common, say otherwise
		if conflict(mine, theirs, has, "source") {
			score *= conflictFactor
		}
		if conflict(mine, theirs, has, index.EntityDate) {
			score *= conflictFactor
		}
		rel.Score = math.Round(score*1000) / 1000
		if score < minScore || shared < minShared {
			continue
		}
		sort.SliceStable(rel.Evidence, func(i, j int) bool { return rel.Evidence[i].Weight > rel.Evidence[j].Weight })
		out = append(out, rel)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// conflict reports whether both articles have evidence of a kind and share
// none of it.
func conflict(mine, theirs []evidence, theirKeys map[string]bool, kind string) bool {
	mineHas, theirHas := false, false
	for _, e := range theirs {
		theirHas = theirHas || e.kind == kind
	}
	for _, e := range mine {
		if e.kind == kind {
			mineHas = true
			if theirKeys[e.key] {
				return false
			}
		}
	}
	return mineHas && theirHas
}

func (sr *Searcher) countQuery(ctx context.Context, q query.Query) (uint64, error) {
	res, err := sr.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return 0, err
	}
	return res.Total, nil
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
