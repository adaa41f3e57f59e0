package search

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
)

// maxContinuation is the most bare words read as the rest of an unquoted name.
const maxContinuation = 3

// maxChecked bounds the field clauses Resolve and Unmatched count (one small
// search each).
const maxChecked = 16

// Resolve reads q against the index before it runs, so that it means what the
// user meant: person:To Lam, which is what a shell passes for person:"To Lam"
// typed without inner quotes, is read as person:"To Lam" when that name
// matches articles (up to three capitalised bare words after an unquoted
// person: value); otherwise a note says how to quote the name. It returns the
// query to run (q itself when nothing changed) and the notes, one line each,
// for the user's stderr. It costs a count per candidate name, and nothing for
// a query without one.
func (sr *Searcher) Resolve(ctx context.Context, q *Query, opt SearchOptions) (*Query, []string, error) {
	var notes []string
	out := &Query{Clauses: make([]Clause, 0, len(q.Clauses))}
	changed := false
	checked := 0
	for i := 0; i < len(q.Clauses); i++ {
		c := q.Clauses[i]
		more := continuation(q, i)
		if len(more) == 0 || checked >= maxChecked {
			out.Clauses = append(out.Clauses, c)
			continue
		}
		checked++
		merged := false
		for k := len(more); k > 0; k-- {
			long := c
			long.Value = c.Value + " " + strings.Join(more[:k], " ")
			long.Quoted = true
			n, err := sr.count(ctx, long, opt)
			if err != nil {
				return nil, nil, err
			}
			if n > 0 {
				notes = append(notes, fmt.Sprintf("reading %s:%s as %s:%q (%s); quote a name of several words",
					c.Field, long.Value, c.Field, long.Value, articles(n)))
				out.Clauses = append(out.Clauses, long)
				i += k
				merged, changed = true, true
				break
			}
		}
		if !merged {
			notes = append(notes, fmt.Sprintf("%s:%s is searched alone and %s as words; for one name, quote it: %s:\"%s %s\"",
				c.Field, c.Value, strings.Join(more, " "), c.Field, c.Value, strings.Join(more, " ")))
			out.Clauses = append(out.Clauses, c)
		}
	}
	if !changed {
		return q, notes, nil
	}
	return out, notes, nil
}

// continuation returns the bare capitalised words after clause i when it is an
// unquoted person: value standing alone (person:To Lam → [Lam]).
func continuation(q *Query, i int) []string {
	c := q.Clauses[i]
	if c.Field != "person" || c.Quoted || c.Group != 0 || c.Occur == MustNot {
		return nil
	}
	var more []string
	for j := i + 1; j < len(q.Clauses) && len(more) < maxContinuation; j++ {
		n := q.Clauses[j]
		if n.Field != "" || n.Quoted || n.Group != 0 || n.Occur != Must || !capitalised(n.Value) {
			break
		}
		more = append(more, n.Value)
	}
	return more
}

// Unmatched explains an empty answer: a note for each field clause of q that
// matches no article on its own (person:"Xyz" matches no article), and for an
// unquoted name whose first word matches nothing, the quoted name to try.
func (sr *Searcher) Unmatched(ctx context.Context, q *Query, opt SearchOptions) ([]string, error) {
	var notes []string
	checked := 0
	for i, c := range q.Clauses {
		if c.Field == "" || c.Auto || c.Occur == MustNot || checked >= maxChecked {
			continue
		}
		checked++
		n, err := sr.count(ctx, c, opt)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			continue
		}
		if more := continuation(q, i); len(more) > 0 {
			notes = append(notes, fmt.Sprintf("%s:%s matches no article; did you mean %s:\"%s %s\"?",
				c.Field, c.Value, c.Field, c.Value, strings.Join(more, " ")))
		} else {
			notes = append(notes, fmt.Sprintf("%s matches no article", (&Query{Clauses: []Clause{c}}).String()))
		}
	}
	return notes, nil
}

// count is the number of articles clause c alone matches.
func (sr *Searcher) count(ctx context.Context, c Clause, opt SearchOptions) (uint64, error) {
	c.Occur, c.Group = Must, 0
	bq, err := sr.build(&Query{Clauses: []Clause{c}}, sr.langsFor(opt), opt)
	if err != nil {
		return 0, err
	}
	res, err := sr.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(bq, 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return res.Total, nil
}

// capitalised reports whether w starts with an upper-case letter (a name's
// syllable in Latin letters or Cyrillic; scripts without case never are).
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// articles is n with "article" or "articles".
func articles(n uint64) string {
	if n == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", n)
}
