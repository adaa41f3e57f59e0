package search

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline/extract"
)

// build turns the parsed query into a bleve query over the given languages.
//
// Every term is required but those of an OR group (one of which is) and the
// excluded ones. Text words are matched language by language: an article is in
// one language, so the words must all occur in that language's lead or body
// fields, and a word the language's analyzer drops (a stop word) is not asked
// of that language. Ranking: the words score (bleve's tf-idf over the text
// fields); field clauses are filters that do not score — except person: and
// document: in a query without words, whose keyword fields (exact spelling,
// romanised key, skeleton, partial name) rank the articles.
func (sr *Searcher) build(q *Query, langs []string, opt SearchOptions) (query.Query, error) {
	b := query.NewBooleanQuery(nil, nil, nil)
	var words []Clause        // required text clauses
	var wordGroups [][]Clause // OR groups of text clauses only
	var fields []Clause       // required field clauses
	var mixed [][]Clause      // OR groups with a field clause
	groups := map[int][]Clause{}
	var order []int
	for _, c := range q.Clauses {
		switch {
		case c.Occur == MustNot:
			sub, err := sr.clause(c, langs, opt)
			if err != nil {
				return nil, err
			}
			b.AddMustNot(sub)
		case c.Group > 0:
			if _, ok := groups[c.Group]; !ok {
				order = append(order, c.Group)
			}
			groups[c.Group] = append(groups[c.Group], c)
		case c.Field == "":
			words = append(words, c)
		default:
			fields = append(fields, c)
		}
	}
	for _, g := range order {
		text := true
		for _, c := range groups[g] {
			if c.Field != "" {
				text = false
			}
		}
		if text {
			wordGroups = append(wordGroups, groups[g])
		} else {
			mixed = append(mixed, groups[g])
		}
	}
	nMust := 0
	tq, none, err := sr.textQuery(words, wordGroups, langs, opt.probe)
	if err != nil {
		return nil, err
	}
	if none {
		return query.NewMatchNoneQuery(), nil
	}
	if tq != nil {
		b.AddMust(tq)
		nMust++
	}
	for _, g := range mixed {
		var qs []query.Query
		for _, c := range g {
			sub, err := sr.clause(c, langs, opt)
			if err != nil {
				return nil, err
			}
			qs = append(qs, sub)
		}
		b.AddMust(query.NewDisjunctionQuery(qs))
		nMust++
	}
	scoring := nMust > 0
	var filters []query.Query
	for _, c := range fields {
		sub, err := sr.clause(c, langs, opt)
		if err != nil {
			return nil, err
		}
		if !scoring && (c.Field == "person" || c.Field == "document") {
			b.AddMust(sub)
			nMust++
			continue
		}
		filters = append(filters, sub)
	}
	switch len(filters) {
	case 0:
	case 1:
		b.AddFilter(filters[0])
	default:
		b.AddFilter(query.NewConjunctionQuery(filters))
	}
	if nMust == 0 && len(filters) == 0 {
		// only words that no analyzer keeps (and exclusions): nothing to find
		return query.NewMatchNoneQuery(), nil
	}
	return b, nil
}

// textQuery is the disjunction over languages of the conjunction of the words
// (and OR groups of words) in that language's fields; nil when no language
// keeps any of the words. With probe, a language where one of the required
// words (or every word of an OR group) has no term in the index is left out
// before bleve builds its searchers — the same answer, but a pasted paragraph
// builds one language's searchers instead of every language's. none reports
// that the probes left no language: nothing can match.
func (sr *Searcher) textQuery(words []Clause, groups [][]Clause, langs []string, probe termProbe) (q query.Query, none bool, err error) {
	if len(words) == 0 && len(groups) == 0 {
		return nil, false, nil
	}
	if len(words)+len(groups) < 2 {
		probe = nil // one term: nothing to save
	}
	var perLang []query.Query
	dropped := false
langs:
	for _, l := range langs {
		var parts []query.Query
		for _, c := range words {
			t, tf, terms := sr.textIn(c.Value, l)
			if t == nil {
				continue
			}
			ok, err := probe.has(tf, terms)
			if err != nil {
				return nil, false, err
			}
			if !ok {
				dropped = true
				continue langs
			}
			parts = append(parts, t)
		}
		for _, g := range groups {
			var alt []query.Query
			kept := 0
			for _, c := range g {
				t, tf, terms := sr.textIn(c.Value, l)
				if t == nil {
					continue
				}
				kept++
				ok, err := probe.has(tf, terms)
				if err != nil {
					return nil, false, err
				}
				if ok {
					alt = append(alt, t)
				}
			}
			if kept > 0 && len(alt) == 0 {
				dropped = true
				continue langs
			}
			if len(alt) > 0 {
				parts = append(parts, query.NewDisjunctionQuery(alt))
			}
		}
		switch len(parts) {
		case 0:
		case 1:
			perLang = append(perLang, parts[0])
		default:
			perLang = append(perLang, query.NewConjunctionQuery(parts))
		}
	}
	if len(perLang) == 0 {
		return nil, dropped, nil
	}
	return query.NewDisjunctionQuery(perLang), false, nil
}

// termProbe reports whether a term is in a field of the index (nil: assume so).
type termProbe func(field, term string) (bool, error)

// has reports whether every term is in the lead or body field tf names.
func (p termProbe) has(tf index.TextFields, terms []string) (bool, error) {
	if p == nil {
		return true, nil
	}
	for _, t := range terms {
		in, err := p(tf.Body, t)
		if err == nil && !in {
			in, err = p(tf.Lead, t)
		}
		if err != nil || !in {
			return false, err
		}
	}
	return true, nil
}

// textFields says where the index holds language l's text.
func (sr *Searcher) textFields(l string) index.TextFields {
	if sr.Reader == nil { // no index: compilation alone (tests)
		return index.CurrentTextFields(l)
	}
	return sr.Reader.TextFields(l)
}

// textIn is a text value in language l's lead or body: a term query for one
// term, a phrase for several; nil when l's analyzer keeps no term of it. It
// returns the terms as the index holds them.
func (sr *Searcher) textIn(v, l string) (query.Query, index.TextFields, []string) {
	tf := sr.textFields(l)
	toks := index.Analyzer(l).Analyze([]byte(v))
	if len(toks) == 0 {
		return nil, tf, nil
	}
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = tf.Term(string(t.Term))
	}
	var qs []query.Query
	for _, f := range []string{tf.Lead, tf.Body} {
		if len(terms) == 1 {
			qs = append(qs, termQuery(f, terms[0]))
		} else {
			qs = append(qs, query.NewPhraseQuery(terms, f))
		}
	}
	return query.NewDisjunctionQuery(qs), tf, terms
}

// queryEntity is the value of clause c canonicalised into an entity; without
// a canonical form the value itself stands for every key.
func queryEntity(c Clause, opt SearchOptions) index.Entity {
	if opt.Canon != nil && c.Field != "" {
		if e, ok := opt.Canon(c.Field, c.Value); ok {
			return e
		}
	}
	v := c.Value
	return index.Entity{Type: c.Field, Text: v, Value: v, Key: v, Skeleton: v, Folded: v}
}

func (sr *Searcher) clause(c Clause, langs []string, opt SearchOptions) (query.Query, error) {
	switch c.Field {
	case "":
		var qs []query.Query
		for _, l := range langs {
			if t, _, _ := sr.textIn(c.Value, l); t != nil {
				qs = append(qs, t)
			}
		}
		if len(qs) == 0 {
			return query.NewMatchNoneQuery(), nil
		}
		return query.NewDisjunctionQuery(qs), nil
	case "lang":
		return termQuery(index.FieldLang, strings.ToLower(c.Value)), nil
	case "source":
		w := query.NewWildcardQuery("*" + strings.ToLower(c.Value) + "*")
		w.SetField(index.FieldSourceURL)
		return w, nil
	case "date":
		return dateQuery(c.Value)
	case "figure":
		return figureQuery(c.Value)
	}
	p := index.QueryPrefix(c.Field)
	if p == nil || p.Entity == "" {
		return nil, fmt.Errorf("unknown field %q", c.Field)
	}
	// the entity's keyword fields, each with its boost: a person's exact
	// spelling first, then the romanized key, then the key's consonant
	// skeleton, which is how spellings in different scripts agree
	q := queryEntity(c, opt)
	if c.Field == "person" && sr.Reader != nil { // no index: compilation alone (tests)
		// a value that names a person entry matches that entry's keys (people.go)
		if pq, ok := sr.PersonQuery(q); ok {
			return pq, nil
		}
	}
	var qs []query.Query
	for _, f := range index.EntityFields(p.Entity) {
		if f.Kind != index.Keyword || f.NoQuery {
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
	if pq := partialQuery(p.Entity, c.Value, &q); pq != nil {
		qs = append(qs, pq)
	}
	switch len(qs) {
	case 0:
		return query.NewMatchNoneQuery(), nil
	case 1:
		return qs[0], nil
	}
	return query.NewDisjunctionQuery(qs), nil
}

// Partial values: a person's name given in part (Chinh, Pham Minh) is the
// romanised syllables of the key consecutive inside a longer key; a document
// code given in part (18-NQ, NQ/TW) is whole parts of a longer code, cut at its
// dashes and slashes. Both are a regular expression over the keyword field's
// dictionary (BenchmarkPartial measures it), ranked below
// the whole value.
var (
	personKeyRE = regexp.MustCompile(`^[a-z]+( [a-z]+)*$`)
	docCodeRE   = regexp.MustCompile(`^[A-Z0-9.]+([-/][A-Z0-9.]+)*$`)
)

const partialBoost = 0.5

// Only a value that may be partial gets the expression, which costs a scan of
// the dictionary (~2 ms at 5,000 articles, growing with the index): a name of
// one or two syllables (a whole Vietnamese name has three or more; To Lam has
// two), a code that is not a whole code.
func partialQuery(entity, value string, q *index.Entity) query.Query {
	var re, field string
	switch entity {
	case index.EntityPerson:
		if !personKeyRE.MatchString(q.Key) || strings.Count(q.Key, " ") > 1 {
			return nil
		}
		key := query.NewRegexpQuery(`(.+ )?` + regexp.QuoteMeta(q.Key) + `( .+)?`)
		key.SetField(index.FieldPersonKey)
		key.SetBoost(partialBoost)
		if !strings.Contains(q.Key, " ") || q.Skeleton == "" {
			return key
		}
		// two syllables or more: their skeletons too, as a whole name's
		// skeleton matches other scripts' spellings (pham minh chin); one
		// syllable's skeleton alone would match too many names
		skel := query.NewRegexpQuery(`(.+ )?` + regexp.QuoteMeta(q.Skeleton) + `( .+)?`)
		skel.SetField(index.FieldPersonSkel)
		skel.SetBoost(partialBoost / 2)
		return query.NewDisjunctionQuery([]query.Query{key, skel})
	case index.EntityDocument:
		if !docCodeRE.MatchString(q.Folded) || extract.CanonicalDocument(value) != "" {
			return nil
		}
		re, field = `(.*[-/])?`+regexp.QuoteMeta(q.Folded)+`([-/].*)?`, index.FieldDocument
	default:
		return nil
	}
	r := query.NewRegexpQuery(re)
	r.SetField(field)
	r.SetBoost(partialBoost)
	return r
}

// dateQuery handles 2024-12-28, --12-28, 2024-12, 2024, and ranges >=, <=, >, <
// and A..B.
func dateQuery(v string) (query.Query, error) {
	if strings.HasPrefix(v, "--") {
		return termQuery(index.FieldMonthDay, v), nil
	}
	lo, hi, err := dateRange(v)
	if err != nil {
		return nil, err
	}
	return dateSpan(lo, hi, false), nil
}

// dateRange returns [lo, hi) for a date expression; a nil bound is open. (A
// zero time cannot mean open: the end of year 0000 is the zero time.)
func dateRange(v string) (*time.Time, *time.Time, error) {
	if a, b, ok := strings.Cut(v, ".."); ok {
		lo, _, err := datePrefix(a)
		if err != nil {
			return nil, nil, err
		}
		_, hi, err := datePrefix(b)
		if err != nil {
			return nil, nil, err
		}
		return &lo, &hi, nil
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(v, op); ok {
			lo, hi, err := datePrefix(rest)
			if err != nil {
				return nil, nil, err
			}
			switch op {
			case ">=":
				return &lo, nil, nil
			case ">":
				return &hi, nil, nil
			case "<=":
				return nil, &hi, nil
			default:
				return nil, &lo, nil
			}
		}
	}
	lo, hi, err := datePrefix(v)
	if err != nil {
		return nil, nil, err
	}
	return &lo, &hi, nil
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
	field := index.FieldFigure
	if i := strings.LastIndexFunc(v, func(r rune) bool { return r >= '0' && r <= '9' || r == '.' }); i >= 0 && i+1 < len(v) {
		unit := strings.TrimSpace(v[i+1:])
		if field = index.UnitField(unit); field == "" {
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
	var lo, hi *float64
	loIncl, hiIncl := true, true
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
		loIncl = false
	case strings.HasPrefix(v, "<"):
		hi, err = num(v[1:])
		hiIncl = false
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
	return figureRange(field, lo, hi, loIncl, hiIncl), nil
}
