// Package qbound bounds what one search may cost: repeated clauses count once,
// a query of more distinct clauses than a documented cap is refused with a
// clear error, and a time limit stops the search and says so.
//
// Why: a text clause expands to two bleve term (or phrase) queries per indexed
// language (lead and body fields, ~50 languages), so a 1,000-word pasted text
// builds ~100,000 term searchers and, worse, scans the postings of its common
// words once per repetition. Measured on a 5,000-article index (CPU seconds,
// whole process): 400 words 0.65 s, 1,000 words 2.4 s, 3,000 words 10.9 s; the
// same queries with repeated words once: 0.42 s, 1.0 s, 2.0 s; 200 distinct
// words 0.29 s. See /work/notes/sharing-report.md.
package qbound

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/partynews/partynews/search"
)

// Defaults: a pasted paragraph of ~400 words has ~200 distinct ones and passes.
const (
	DefaultMaxClauses = 256
	// DefaultTimeout leaves slack below the promised 1 s: searcher
	// construction does not look at the context, and the machine may be busy.
	DefaultTimeout = 800 * time.Millisecond
)

// Limits bound one search. Zero fields take the defaults; a negative field
// means no limit.
type Limits struct {
	MaxClauses int           // distinct clauses after Dedupe
	Timeout    time.Duration // time for the whole search
	// Clock, when set, measures Timeout instead of the wall clock: a
	// reading of time spent (ProcessCPU). The wall clock still stops the
	// search at WallFactor times Timeout.
	Clock func() time.Duration
}

// WallFactor bounds a search timed by a Clock in wall time: Timeout × WallFactor.
const WallFactor = 10

func (l Limits) maxClauses() int {
	if l.MaxClauses == 0 {
		return DefaultMaxClauses
	}
	return l.MaxClauses
}

func (l Limits) timeout() time.Duration {
	if l.Timeout == 0 {
		return DefaultTimeout
	}
	return l.Timeout
}

// TooManyClausesError refuses a query of more distinct clauses than the cap.
type TooManyClausesError struct {
	Clauses, Max int
}

func (e *TooManyClausesError) Error() string {
	return fmt.Sprintf("query too long: %d distinct words or phrases, at most %d are searched at once; "+
		"keep the distinctive words, or quote a phrase (\"…\" counts as one)", e.Clauses, e.Max)
}

// ErrStopped is wrapped by the error of a search the time limit stopped.
var ErrStopped = errors.New("search stopped at its time limit")

// StoppedError says a search ran out of time.
type StoppedError struct {
	Limit time.Duration
	CPU   bool // the limit was measured by a Clock (ProcessCPU), not the wall clock
}

func (e *StoppedError) Error() string {
	of := ""
	if e.CPU {
		of = " of CPU"
	}
	return fmt.Sprintf("search stopped after %v%s, its time limit: narrow the query (fewer words, --lang, --from/--to)", e.Limit, of)
}

func (e *StoppedError) Unwrap() error { return ErrStopped }

// key folds a clause to what makes it the same search: its occurrence, field,
// phrase-ness and value in lower case, for a text word without surrounding
// punctuation (the analyzers drop it: "Party," and "party" search alike).
// Field values (figure:5% is not figure:5) and phrases keep their punctuation.
func key(c search.Clause) search.Clause {
	v := c.Value
	if c.Field == "" && !strings.Contains(v, " ") {
		if t := strings.TrimFunc(v, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }); t != "" {
			v = t
		}
	}
	c.Value = strings.ToLower(v)
	c.Quoted = false // a quoted word is the word; a quoted phrase has its space
	return c
}

// Dedupe returns q without repeated clauses (see key), keeping the first of
// each in order. It does not change q. A repeated word no longer weighs double
// in the ranking, which a pasted text never meant anyway.
func Dedupe(q *search.Query) *search.Query {
	// an OR group is one clause: its members' keys, in order, say which
	sig := map[int]string{}
	for _, c := range q.Clauses {
		if c.Group > 0 {
			k := key(c)
			k.Group = 0
			sig[c.Group] += fmt.Sprintf("%v\x00", k)
		}
	}
	seen := make(map[search.Clause]bool, len(q.Clauses))
	seenGroup := map[string]int{}
	out := &search.Query{Clauses: make([]search.Clause, 0, len(q.Clauses))}
	for _, c := range q.Clauses {
		if c.Group > 0 {
			if g, ok := seenGroup[sig[c.Group]]; ok && g != c.Group {
				continue
			}
			seenGroup[sig[c.Group]] = c.Group
			out.Clauses = append(out.Clauses, c)
			continue
		}
		k := key(c)
		if seen[k] {
			continue
		}
		seen[k] = true
		out.Clauses = append(out.Clauses, c)
	}
	return out
}

// Bound dedupes q and checks it against the clause cap: the query to run, or a
// *TooManyClausesError.
func Bound(q *search.Query, lim Limits) (*search.Query, error) {
	d := Dedupe(q)
	if max := lim.maxClauses(); max > 0 && len(d.Clauses) > max {
		return nil, &TooManyClausesError{Clauses: len(d.Clauses), Max: max}
	}
	return d, nil
}

// WithLimit returns a context ending at the time limit, to pass to the search
// (bleve's SearchInContext stops collecting hits when it ends: it checks every
// 1,024 candidate documents), and a function turning the search's error into a
// *StoppedError when the limit is what ended it. Call cancel when done.
//
//	ctx, cancel, stopped := qbound.WithLimit(ctx, lim)
//	defer cancel()
//	res, err := r.Search(ctx, q, opt)
//	err = stopped(err)
func WithLimit(ctx context.Context, lim Limits) (_ context.Context, cancel context.CancelFunc, stopped func(error) error) {
	d := lim.timeout()
	if d < 0 {
		ctx, cancel = context.WithCancel(ctx)
		return ctx, cancel, func(err error) error { return err }
	}
	var wall, spent = errors.New("time limit"), errors.New("time limit, by its clock")
	var start time.Duration
	if lim.Clock == nil {
		ctx, cancel = context.WithTimeoutCause(ctx, d, wall)
	} else {
		start = lim.Clock()
		ctx, cancel = withClock(ctx, lim.Clock, start, d, spent, WallFactor*d, wall)
	}
	return ctx, cancel, func(err error) error {
		if err == nil {
			return nil
		}
		switch context.Cause(ctx) {
		case spent:
			return &StoppedError{Limit: d, CPU: true}
		case wall:
			if lim.Clock == nil || lim.Clock()-start >= d { // its clock ran out too
				return &StoppedError{Limit: d, CPU: lim.Clock != nil}
			}
			return &StoppedError{Limit: WallFactor * d}
		}
		return err
	}
}

// withClock returns a context that ends with cause once clock has advanced by d
// from start (looked at every d/50, at least every 10 ms), or with wallCause after wallD of
// wall time, whichever is first.
func withClock(parent context.Context, clock func() time.Duration, start, d time.Duration, cause error, wallD time.Duration, wallCause error) (context.Context, context.CancelFunc) {
	ctx, cancelWall := context.WithTimeoutCause(parent, wallD, wallCause)
	ctx, cancelCause := context.WithCancelCause(ctx)
	tick := min(max(d/50, time.Millisecond), 10*time.Millisecond)
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if clock()-start >= d {
					cancelCause(cause)
					return
				}
			}
		}
	}()
	return ctx, func() { cancelCause(context.Canceled); cancelWall() }
}
