package qbound

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/search"
)

func parse(t *testing.T, s string) *search.Query {
	t.Helper()
	q, err := search.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func values(q *search.Query) string { return q.String() }

func TestDedupe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"party congress party", "party congress"},
		{"Party, party. PARTY congress", "Party, congress"},
		{"party +party -party", "party -party"}, // + is what a plain word means
		{"party OR congress party", "party OR congress party"},
		{"18-NQ/TW 18-NQ/TW", "18-NQ/TW OR document:18-NQ/TW"},
		{`party "party"`, `party`}, // a quoted word is the word: the parser keeps no phrase flag
		{"person:Lam lam", "person:Lam lam"},
		{"person:Lam person:lam", "person:Lam"},
		{"— — party", "— party"},
		{"Đảng đảng ĐẢNG", "Đảng"},
		{"figure:5% figure:5", "figure:5% figure:5"},
		{`"party congress" "Party congress"`, `"party congress"`},
	}
	for _, tc := range tests {
		q := parse(t, tc.in)
		if got := values(Dedupe(q)); got != tc.want {
			t.Errorf("Dedupe(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if values(q) != values(parse(t, tc.in)) {
			t.Errorf("Dedupe changed its argument %q", tc.in)
		}
	}
}

func TestBound(t *testing.T) {
	words := func(n, distinct int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "w%d ", i%distinct)
		}
		return b.String()
	}
	tests := []struct {
		name    string
		q       string
		max     int
		clauses int // 0: refused
	}{
		{"short", "party congress", 0, 2},
		{"400 words, 200 distinct", words(400, 200), 0, 200},
		{"1000 words, 439 distinct", words(1000, 439), 0, 0},
		{"3000 words, 1177 distinct", words(3000, 1177), 0, 0},
		{"at the cap", words(300, DefaultMaxClauses), 0, DefaultMaxClauses},
		{"no cap", words(1000, 439), -1, 439},
		{"small cap", "a b c", 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := Bound(parse(t, tc.q), Limits{MaxClauses: tc.max})
			if tc.clauses == 0 {
				var tm *TooManyClausesError
				if !errors.As(err, &tm) || !strings.Contains(err.Error(), "query too long") {
					t.Fatalf("want a TooManyClausesError, got %v", err)
				}
				return
			}
			if err != nil || len(q.Clauses) != tc.clauses {
				t.Fatalf("got %v clauses, err %v; want %d", q, err, tc.clauses)
			}
		})
	}
}

// TestWithLimit runs a costly bleve search (a disjunction of many terms over
// every document) under a time limit it cannot meet and under one it can.
func TestWithLimit(t *testing.T) {
	idx, err := bleve.NewUsing(t.TempDir(), bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	b := idx.NewBatch()
	for i := 0; i < 20000; i++ {
		if err := b.Index(fmt.Sprint(i), map[string]any{"body": fmt.Sprintf("common words here w%d w%d w%d", i%7, i%11, i%13)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	var qs []query.Query
	for _, w := range []string{"common", "words", "here", "w1", "w2", "w3", "w4", "w5"} {
		tq := query.NewTermQuery(w)
		tq.SetField("body")
		qs = append(qs, tq)
	}
	req := bleve.NewSearchRequest(query.NewDisjunctionQuery(qs))

	ctx, cancel, stopped := WithLimit(context.Background(), Limits{Timeout: time.Nanosecond})
	time.Sleep(time.Millisecond) // the limit has passed before the search starts
	_, err = idx.SearchInContext(ctx, req)
	cancel()
	err = stopped(err)
	var se *StoppedError
	if !errors.As(err, &se) || !errors.Is(err, ErrStopped) {
		t.Fatalf("want a StoppedError, got %v", err)
	}

	ctx, cancel, stopped = WithLimit(context.Background(), Limits{Timeout: time.Minute})
	res, err := idx.SearchInContext(ctx, req)
	cancel()
	if err = stopped(err); err != nil || res.Total != 20000 {
		t.Fatalf("within the limit: %v, %v", res, err)
	}

	// A caller's own cancellation is not the time limit.
	parent, cancelParent := context.WithCancel(context.Background())
	cancelParent()
	ctx, cancel, stopped = WithLimit(parent, Limits{})
	_, err = idx.SearchInContext(ctx, req)
	cancel()
	if err = stopped(err); err == nil || errors.Is(err, ErrStopped) {
		t.Fatalf("a cancelled caller: got %v, want context.Canceled", err)
	}
}

// With a Clock, the limit is the clock's time: a frozen clock lets the search
// run past Timeout of wall time, up to Timeout × WallFactor; a clock that
// passes Timeout stops it at once, and the error says which clock it was.
func TestWithLimitClock(t *testing.T) {
	var mu sync.Mutex
	var now time.Duration
	clock := func() time.Duration { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now += d; mu.Unlock() }
	const d = 30 * time.Millisecond

	// frozen: still running after 3 × d of wall time, stopped by the wall
	// clock's backstop at d × WallFactor
	t0 := time.Now()
	ctx, cancel, stopped := WithLimit(context.Background(), Limits{Timeout: d, Clock: clock})
	select {
	case <-ctx.Done():
		t.Fatalf("stopped after %v of wall time with a frozen clock", time.Since(t0))
	case <-time.After(3 * d):
	}
	<-ctx.Done()
	if el := time.Since(t0); el < d*WallFactor {
		t.Errorf("the backstop came after %v, want ≥ %v", el, d*WallFactor)
	}
	var se *StoppedError
	if err := stopped(ctx.Err()); !errors.As(err, &se) || se.CPU || se.Limit != d*WallFactor {
		t.Errorf("backstop: got %#v (%v)", se, err)
	}
	cancel()

	// the clock passes the limit: stopped within a few ticks, long before
	// the backstop (10 s)
	const long = time.Second
	ctx, cancel, stopped = WithLimit(context.Background(), Limits{Timeout: long, Clock: clock})
	defer cancel()
	advance(long)
	select {
	case <-ctx.Done():
	case <-time.After(long * WallFactor / 2):
		t.Fatal("not stopped after its clock passed the limit")
	}
	if err := stopped(ctx.Err()); !errors.As(err, &se) || !se.CPU || se.Limit != long ||
		!strings.Contains(err.Error(), "of CPU") {
		t.Errorf("clock: got %#v (%v)", se, err)
	}

	// a search that ends in time: no error, and cancel ends the watcher
	ctx, cancel, stopped = WithLimit(context.Background(), Limits{Timeout: d, Clock: clock})
	if err := stopped(nil); err != nil {
		t.Errorf("in time: %v", err)
	}
	cancel()
	if err := stopped(ctx.Err()); errors.Is(err, ErrStopped) {
		t.Errorf("cancelled by its caller, reported as stopped: %v", err)
	}
}
