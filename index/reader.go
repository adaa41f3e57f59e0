package index

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Reader searches the last published generation of an index. It never waits on
// a writer: published generations are never written again.
type Reader struct {
	dir    string
	gen    int
	idx    bleve.Index // the index, or an alias over the shards' indexes
	parts  []*Reader   // one reader per shard of a sharded index
	langs  []string
	facets facetCache
}

// Open opens the index in dir for searching; a sharded index is searched through
// a bleve IndexAlias over its shards.
func Open(dir string) (*Reader, error) {
	n, err := shardCount(dir)
	if err != nil {
		return nil, err
	}
	if n <= 1 {
		return openOne(dir)
	}
	r := &Reader{dir: dir}
	var idxs []bleve.Index
	for i := 0; i < n; i++ {
		p, err := openOne(shardDir(dir, i))
		if err != nil {
			r.Close()
			return nil, err
		}
		r.parts = append(r.parts, p)
		idxs = append(idxs, p.idx)
		r.gen = max(r.gen, p.gen)
	}
	r.idx = bleve.NewIndexAlias(idxs...)
	if r.langs, err = r.terms(FieldLang); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// openOne opens one generational index folder.
func openOne(dir string) (*Reader, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		gen, err := current(dir)
		if err != nil {
			return nil, err
		}
		if gen == 0 {
			return nil, fmt.Errorf("%w in %s: run 'partynews index' first", ErrNoIndex, dir)
		}
		path := filepath.Join(dir, genName(gen))
		idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "1s"})
		if err == nil {
			r := &Reader{dir: dir, gen: gen, idx: idx}
			if r.langs, err = r.terms(FieldLang); err != nil {
				idx.Close()
				return nil, err
			}
			return r, nil
		}
		// A writer may have just published a newer generation and removed this one.
		lastErr = err
		if _, statErr := os.Stat(path); statErr == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil, fmt.Errorf("open index %s: %w", dir, lastErr)
}

// Close releases the index.
func (r *Reader) Close() error {
	var err error
	if r.idx != nil {
		err = r.idx.Close()
	}
	for _, p := range r.parts {
		p.Close()
	}
	return err
}

// Generation is the published generation this reader reads.
func (r *Reader) Generation() int { return r.gen }

// Languages are the languages of the indexed documents.
func (r *Reader) Languages() []string { return r.langs }

func (r *Reader) terms(field string) ([]string, error) {
	if len(r.parts) > 0 {
		var all []string
		for _, p := range r.parts {
			t, err := p.terms(field)
			if err != nil {
				return nil, err
			}
			all = append(all, t...)
		}
		sort.Strings(all)
		return slices.Compact(all), nil
	}
	dict, err := r.idx.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var out []string
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		out = append(out, e.Term)
	}
}

// Count returns the number of documents.
func (r *Reader) Count() (uint64, error) { return r.idx.DocCount() }

// LangCounts returns documents per language.
func (r *Reader) LangCounts() (map[string]uint64, error) {
	out := map[string]uint64{}
	for _, l := range r.langs {
		res, err := r.idx.Search(bleve.NewSearchRequestOptions(termQuery(FieldLang, l), 0, 0, false))
		if err != nil {
			return nil, err
		}
		out[l] = res.Total
	}
	return out, nil
}

// Size returns the bytes the published generation takes on disk.
func (r *Reader) Size() (int64, error) {
	var n int64
	for _, p := range r.parts {
		s, err := p.Size()
		if err != nil {
			return 0, err
		}
		n += s
	}
	if len(r.parts) > 0 {
		return n, nil
	}
	err := filepath.Walk(filepath.Join(r.dir, genName(r.gen)), func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return err
	})
	return n, err
}

// Document returns the stored document with id, or nil.
func (r *Reader) Document(id string) (*Document, error) {
	for _, p := range r.parts {
		if d, err := p.Document(id); err != nil || d != nil {
			return d, err
		}
	}
	if len(r.parts) > 0 {
		return nil, nil
	}
	return loadSource(r.idx, id)
}

// SearchOptions narrows and shapes a search.
type SearchOptions struct {
	Lang   string // only this language
	Limit  int    // hits to return (default 10)
	Offset int
	// Canon canonicalises the value of a field clause (person:, document: …) into
	// the entity it names, with its keys set as an extracted entity's would be
	// (a name's key, a document code in letter names as its Latin code); ok
	// false keeps the value as it is. The search side supplies it.
	Canon func(field, value string) (e Entity, ok bool)
	// From and To keep articles with a date in [From, To] (zero: open).
	From, To time.Time
	Source   string   // only articles whose source URL contains this
	SortDate bool     // newest dated articles first instead of relevance
	Facets   []string // lang, person, document, year, month, unit
}

// FacetCount is one value of a facet and the number of matching articles.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Hit is one search result.
type Hit struct {
	ID       string
	Score    float64
	Doc      *Document
	Snippet  Snippet
	Matched  []string // analysed query terms, for highlighting elsewhere
	Position int
}

// Results are the hits of one search.
type Results struct {
	Total  uint64
	Hits   []Hit
	Took   time.Duration
	Facets map[string][]FacetCount
}

// Search runs q.
func (r *Reader) Search(ctx context.Context, q *Query, opt SearchOptions) (*Results, error) {
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	langs := r.langs
	if opt.Lang != "" {
		langs = []string{opt.Lang}
	}
	bq, err := r.build(q, langs, opt)
	if err != nil {
		return nil, err
	}
	filters := []query.Query{bq}
	if opt.Lang != "" {
		filters = append(filters, termQuery(FieldLang, opt.Lang))
	}
	if !opt.From.IsZero() || !opt.To.IsZero() {
		t, f := true, true
		dq := query.NewDateRangeInclusiveQuery(opt.From, opt.To, &t, &f)
		dq.SetField(FieldDateTime)
		filters = append(filters, dq)
	}
	if opt.Source != "" {
		w := query.NewWildcardQuery("*" + strings.ToLower(opt.Source) + "*")
		w.SetField(FieldSourceURL)
		filters = append(filters, w)
	}
	if len(filters) > 1 {
		bq = query.NewConjunctionQuery(filters)
	}
	if warm := r.warmFields(opt.Facets); warm != nil && len(opt.Facets) > 0 && !opt.SortDate {
		start := time.Now()
		out, hits, err := r.searchWarm(ctx, bq, opt, warm)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		for i, h := range hits {
			doc, err := r.Document(h.ID)
			if err != nil || doc == nil {
				return nil, fmt.Errorf("document %s: %v", h.ID, err)
			}
			out.Hits = append(out.Hits, Hit{ID: h.ID, Score: h.Score, Position: opt.Offset + i + 1, Doc: doc,
				Snippet: MakeSnippet(doc, textTerms(q), entitySpans(doc, q, opt), 240)})
		}
		out.Took = time.Since(start)
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bq, opt.Limit, opt.Offset, false)
	req.Fields = []string{FieldSource}
	if opt.SortDate {
		req.SortBy([]string{"-" + FieldDateTime, "-_score"})
	}
	for _, name := range opt.Facets {
		f, ok := FacetFields[name]
		if !ok {
			return nil, fmt.Errorf("unknown facet %q (facets: %s)", name, strings.Join(FacetNames, ", "))
		}
		req.AddFacet(name, bleve.NewFacetRequest(f, 10))
	}
	res, err := r.idx.SearchInContext(ctx, req)
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
		if src, ok := h.Fields[FieldSource].(string); ok {
			doc, err := decodeSource(src)
			if err != nil {
				return nil, fmt.Errorf("document %s: %w", h.ID, err)
			}
			hit.Doc = doc
			hit.Snippet = MakeSnippet(doc, textTerms(q), entitySpans(doc, q, opt), 240)
		}
		out.Hits = append(out.Hits, hit)
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

// build turns the parsed query into a bleve query over the given languages.
func (r *Reader) build(q *Query, langs []string, opt SearchOptions) (query.Query, error) {
	b := query.NewBooleanQuery(nil, nil, nil)
	hasMust := false
	for _, c := range q.Clauses {
		sub, err := r.clause(c, langs, opt)
		if err != nil {
			return nil, err
		}
		switch c.Occur {
		case Must:
			b.AddMust(sub)
			hasMust = true
		case MustNot:
			b.AddMustNot(sub)
		default:
			b.AddShould(sub)
		}
	}
	if !hasMust {
		b.SetMinShould(1)
	}
	return b, nil
}

// queryEntity is the value of clause c canonicalised into an entity; without
// a canonical form the value itself stands for every key.
func queryEntity(c Clause, opt SearchOptions) Entity {
	if opt.Canon != nil && c.Field != "" {
		if e, ok := opt.Canon(c.Field, c.Value); ok {
			return e
		}
	}
	v := c.Value
	return Entity{Type: c.Field, Text: v, Value: v, Key: v, Skeleton: v, Folded: v}
}

func (r *Reader) clause(c Clause, langs []string, opt SearchOptions) (query.Query, error) {
	switch c.Field {
	case "":
		// each language's analyzer turns the text into that field's terms: one
		// term is a term query, several a phrase; no term (a stop word) no query
		var qs []query.Query
		for _, l := range langs {
			toks := Analyzer(l).Analyze([]byte(c.Value))
			if len(toks) == 0 {
				continue
			}
			terms := make([]string, len(toks))
			for i, t := range toks {
				terms[i] = string(t.Term)
			}
			for _, f := range []string{LeadField(l), BodyField(l)} {
				if len(terms) == 1 {
					qs = append(qs, termQuery(f, terms[0]))
				} else {
					qs = append(qs, query.NewPhraseQuery(terms, f))
				}
			}
		}
		if len(qs) == 0 {
			return query.NewMatchNoneQuery(), nil
		}
		return query.NewDisjunctionQuery(qs), nil
	case "lang":
		return query.NewDisjunctionQuery([]query.Query{termQuery(FieldLang, strings.ToLower(c.Value))}), nil
	case "source":
		w := query.NewWildcardQuery("*" + strings.ToLower(c.Value) + "*")
		w.SetField(FieldSourceURL)
		return w, nil
	case "date":
		return dateQuery(c.Value)
	case "figure":
		return figureQuery(c.Value)
	}
	p := QueryPrefix(c.Field)
	if p == nil || p.Entity == "" {
		return nil, fmt.Errorf("unknown field %q", c.Field)
	}
	// the entity's keyword fields, each with its boost: a person's exact
	// spelling first, then the romanized key, then the key's consonant
	// skeleton, which is how spellings in different scripts agree
	q := queryEntity(c, opt)
	var qs []query.Query
	for _, f := range EntityFields(p.Entity) {
		if f.Kind != Keyword {
			continue
		}
		t, ok := f.Term(&q)
		if !ok {
			continue
		}
		d := query.NewDisjunctionQuery([]query.Query{termQuery(f.Name, t.(string))})
		if f.Boost != 0 {
			d.SetBoost(f.Boost)
		}
		qs = append(qs, d)
	}
	switch len(qs) {
	case 0:
		return query.NewMatchNoneQuery(), nil
	case 1:
		return qs[0], nil
	}
	return query.NewDisjunctionQuery(qs), nil
}

// dateQuery handles 2024-12-28, --12-28, 2024-12, 2024, and ranges >=, <=, >, <
// and A..B.
func dateQuery(v string) (query.Query, error) {
	if strings.HasPrefix(v, "--") {
		return termQuery(FieldMonthDay, v), nil
	}
	lo, hi, err := dateRange(v)
	if err != nil {
		return nil, err
	}
	incl, excl := true, false
	q := query.NewDateRangeInclusiveQuery(lo, hi, &incl, &excl)
	q.SetField(FieldDateTime)
	return q, nil
}

// dateRange returns [lo, hi) for a date expression; a zero time is unbounded.
func dateRange(v string) (time.Time, time.Time, error) {
	if a, b, ok := strings.Cut(v, ".."); ok {
		lo, _, err := datePrefix(a)
		if err != nil {
			return lo, lo, err
		}
		_, hi, err := datePrefix(b)
		return lo, hi, err
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(v, op); ok {
			lo, hi, err := datePrefix(rest)
			if err != nil {
				return lo, hi, err
			}
			switch op {
			case ">=":
				return lo, time.Time{}, nil
			case ">":
				return hi, time.Time{}, nil
			case "<=":
				return time.Time{}, hi, nil
			default:
				return time.Time{}, lo, nil
			}
		}
	}
	return datePrefix(v)
}

// DateSpan parses YYYY, YYYY-MM or YYYY-MM-DD into the span [start, end) it covers.
func DateSpan(v string) (time.Time, time.Time, error) { return datePrefix(v) }

// datePrefix parses YYYY, YYYY-MM or YYYY-MM-DD into the span it covers.
func datePrefix(v string) (time.Time, time.Time, error) {
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(f.layout, v); err == nil {
			return t, f.next(t), nil
		}
	}
	return time.Time{}, time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, or a range (>=2024-01-01, 2024-01..2024-06)", v)
}

// figureQuery handles 600, >=1000, <5, 10..20, and a unit after any of them
// (>=1000000VND, 50%).
func figureQuery(v string) (query.Query, error) {
	v = strings.ReplaceAll(v, ",", "")
	field := FieldFigure
	if i := strings.LastIndexFunc(v, func(r rune) bool { return r >= '0' && r <= '9' || r == '.' }); i >= 0 && i+1 < len(v) {
		unit := strings.TrimSpace(v[i+1:])
		if field = UnitField(unit); field == "" {
			return nil, fmt.Errorf("figure %q: unknown unit %q (units: VND, USD, %%, km, ha)", v, unit)
		}
		v = v[:i+1]
	}
	num := func(s string) (*float64, error) {
		if s == "" {
			return nil, nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) {
			return nil, fmt.Errorf("figure %q: want a number, a comparison (>=1000) or a range (10..20)", v)
		}
		return &f, nil
	}
	t, f := true, false
	var lo, hi *float64
	var loIncl, hiIncl = &t, &t
	var err error
	switch {
	case strings.Contains(v, ".."):
		a, b, _ := strings.Cut(v, "..")
		if lo, err = num(a); err == nil {
			hi, err = num(b)
		}
	case strings.HasPrefix(v, ">="):
		lo, err = num(v[2:])
	case strings.HasPrefix(v, "<="):
		hi, err = num(v[2:])
	case strings.HasPrefix(v, ">"):
		lo, err = num(v[1:])
		loIncl = &f
	case strings.HasPrefix(v, "<"):
		hi, err = num(v[1:])
		hiIncl = &f
	default:
		lo, err = num(v)
		hi = lo
	}
	if err != nil {
		return nil, err
	}
	if lo == nil && hi == nil {
		return nil, fmt.Errorf("figure %q: empty range", v)
	}
	q := query.NewNumericRangeInclusiveQuery(lo, hi, loIncl, hiIncl)
	q.SetField(field)
	return q, nil
}

// Stats summarises an index.
type Stats struct {
	Documents  uint64            `json:"documents"`
	Languages  map[string]uint64 `json:"languages"`
	SizeBytes  int64             `json:"size_bytes"`
	Generation int               `json:"generation"`
	Dir        string            `json:"dir"`
}

// Stats returns the index's summary.
func (r *Reader) Stats() (Stats, error) {
	n, err := r.Count()
	if err != nil {
		return Stats{}, err
	}
	langs, err := r.LangCounts()
	if err != nil {
		return Stats{}, err
	}
	size, err := r.Size()
	if err != nil {
		return Stats{}, err
	}
	return Stats{Documents: n, Languages: langs, SizeBytes: size, Generation: r.gen, Dir: r.dir}, nil
}

// SortedLangs returns the keys of a language count map, most documents first.
func SortedLangs(m map[string]uint64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// DocumentByPath returns the document that holds the file at path, or nil.
func (r *Reader) DocumentByPath(path string) (*Document, error) {
	req := bleve.NewSearchRequestOptions(termQuery(FieldPath, path), 1, 0, false)
	req.Fields = []string{FieldSource}
	res, err := r.idx.Search(req)
	if err != nil || len(res.Hits) == 0 {
		return nil, err
	}
	src, _ := res.Hits[0].Fields[FieldSource].(string)
	return decodeSource(src)
}

// Files returns the manifest: one "path\x1fsize\x1fmtime" entry per indexed
// file, in lexical order.
func (r *Reader) Files() ([]string, error) { return r.terms(FieldFile) }

func facetCounts(fr search.FacetResults) map[string][]FacetCount {
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

// Top returns the n most frequent values of an entity facet (person, document,
// date, figure, year, month, unit, lang) with their article counts, over the
// articles in lang ("" for all).
func (r *Reader) Top(ctx context.Context, facet string, n int, lang string) ([]FacetCount, error) {
	f, ok := FacetFields[facet]
	if !ok {
		return nil, fmt.Errorf("unknown entity type %q (types: %s)", facet, strings.Join(FacetNames, ", "))
	}
	var q query.Query = query.NewMatchAllQuery()
	if lang != "" {
		q = termQuery(FieldLang, lang)
	}
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet(facet, bleve.NewFacetRequest(f, n))
	res, err := r.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return facetCounts(res.Facets)[facet], nil
}

// Timeline returns, per month (YYYY-MM), how many articles matching q mention a
// date in that month, in month order.
func (r *Reader) Timeline(ctx context.Context, q *Query, opt SearchOptions) ([]FacetCount, uint64, error) {
	opt.Facets = nil
	opt.Limit = 1
	bq, err := r.build(q, r.langsFor(opt), opt)
	if err != nil {
		return nil, 0, err
	}
	req := bleve.NewSearchRequestOptions(bq, 0, 0, false)
	req.AddFacet("month", bleve.NewFacetRequest(FieldMonth, 100000))
	res, err := r.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, 0, err
	}
	months := facetCounts(res.Facets)["month"]
	sort.Slice(months, func(i, j int) bool { return months[i].Term < months[j].Term })
	return months, res.Total, nil
}

func (r *Reader) langsFor(opt SearchOptions) []string {
	if opt.Lang != "" {
		return []string{opt.Lang}
	}
	return r.langs
}

// Related is an article that shares rare entities with another one.
type Related struct {
	Doc      *Document
	Score    float64
	Evidence []string // the shared entities, "document 18-NQ/TW", "person to lam" …
}

// Related finds the articles that share the document's entities — document
// codes, full dates, figures of 100 and more, people's keys — ranked so that rare
// shared entities weigh most: the same story in other languages.
func (r *Reader) Related(ctx context.Context, doc *Document, n int) ([]Related, error) {
	type ev struct{ field, term, label string }
	var evs []ev
	seen := map[string]bool{}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		for _, f := range EntityFields(e.Type) {
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
	req.Fields = []string{FieldSource}
	res, err := r.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []Related
	for _, h := range res.Hits {
		src, _ := h.Fields[FieldSource].(string)
		d, err := decodeSource(src)
		if err != nil {
			return nil, err
		}
		rel := Related{Doc: d, Score: h.Score}
		mine := map[string]bool{}
		for i := range d.Entities {
			e := &d.Entities[i]
			for _, f := range EntityFields(e.Type) {
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
func entitySpans(doc *Document, q *Query, opt SearchOptions) [][2]int {
	var out [][2]int
	for _, c := range q.Clauses {
		if c.Occur == MustNot || c.Field == "" {
			continue
		}
		p := QueryPrefix(c.Field)
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

// Each calls fn with every stored document, in index order.
func (r *Reader) Each(ctx context.Context, fn func(*Document) error) error {
	for _, p := range r.parts {
		if err := p.Each(ctx, fn); err != nil {
			return err
		}
	}
	if len(r.parts) > 0 {
		return nil
	}
	ir, err := snapshot(r.idx)
	if err != nil {
		return err
	}
	defer ir.Close()
	all, err := ir.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer all.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		id, err := all.Next()
		if err != nil || id == nil {
			return err
		}
		ext, err := ir.ExternalID(id)
		if err != nil {
			return err
		}
		d, err := r.Document(ext)
		if err != nil {
			return fmt.Errorf("document %s: %w", ext, err)
		}
		if d != nil {
			if err := fn(d); err != nil {
				return err
			}
		}
	}
}

// snapshot returns a reader over idx's current state; the caller closes it.
func snapshot(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}
