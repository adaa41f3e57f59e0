package search

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// build turns the parsed query into a bleve query over the given languages.
func (sr *Searcher) build(q *Query, langs []string, opt SearchOptions) (query.Query, error) {
	b := query.NewBooleanQuery(nil, nil, nil)
	hasMust := false
	for _, c := range q.Clauses {
		sub, err := sr.clause(c, langs, opt)
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
		// each language's analyzer turns the text into that field's terms: one
		// term is a term query, several a phrase; no term (a stop word) no query
		var qs []query.Query
		for _, l := range langs {
			toks := index.Analyzer(l).Analyze([]byte(c.Value))
			if len(toks) == 0 {
				continue
			}
			terms := make([]string, len(toks))
			for i, t := range toks {
				terms[i] = string(t.Term)
			}
			for _, f := range []string{index.LeadField(l), index.BodyField(l)} {
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
		return query.NewDisjunctionQuery([]query.Query{termQuery(index.FieldLang, strings.ToLower(c.Value))}), nil
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
	if c.Field == "person" {
		// a value that names a person entry matches that entry's keys (people.go)
		if pq, ok := sr.PersonQuery(q); ok {
			return pq, nil
		}
	}
	var qs []query.Query
	for _, f := range index.EntityFields(p.Entity) {
		if f.Kind != index.Keyword {
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
		return termQuery(index.FieldMonthDay, v), nil
	}
	lo, hi, err := dateRange(v)
	if err != nil {
		return nil, err
	}
	incl, excl := true, false
	q := query.NewDateRangeInclusiveQuery(lo, hi, &incl, &excl)
	q.SetField(index.FieldDateTime)
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
