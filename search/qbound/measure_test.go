package qbound

import (
	"context"
	"errors"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/partynews/partynews/search"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestMeasure runs the query in the file $PARTYNEWS_BOUND_QUERY on the index
// $PARTYNEWS_BOUND_INDEX under a time limit of $PARTYNEWS_BOUND_MS (default
// 1000) and logs the CPU time of building and running it, bounded and not. A
// measuring aid, skipped without those variables.
func TestMeasure(t *testing.T) {
	dir, qfile := os.Getenv("PARTYNEWS_BOUND_INDEX"), os.Getenv("PARTYNEWS_BOUND_QUERY")
	if dir == "" || qfile == "" {
		t.Skip("set PARTYNEWS_BOUND_INDEX and PARTYNEWS_BOUND_QUERY to measure")
	}
	ms, _ := strconv.Atoi(os.Getenv("PARTYNEWS_BOUND_MS"))
	if ms == 0 {
		ms = 1000
	}
	text, err := os.ReadFile(qfile)
	if err != nil {
		t.Fatal(err)
	}
	r, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	q, err := search.ParseQuery(string(text))
	if err != nil {
		t.Fatal(err)
	}
	run := func(name string, q *search.Query, lim Limits) {
		ctx, cancel, stopped := WithLimit(context.Background(), lim)
		defer cancel()
		c0, w0 := cpuTime(), time.Now()
		res, err := r.Search(ctx, q, search.SearchOptions{Limit: 10})
		err = stopped(err)
		total := 0
		if res != nil {
			total = int(res.Total)
		}
		t.Logf("%s: %d clauses, cpu %v, wall %v, total %d, stopped %v, err %v",
			name, len(q.Clauses), cpuTime()-c0, time.Since(w0).Round(time.Millisecond), total, errors.Is(err, ErrStopped), err)
	}
	run("raw, no limit", q, Limits{Timeout: -1})
	d := Dedupe(q)
	run("deduped, no limit", d, Limits{Timeout: -1})
	run("deduped, limit", d, Limits{Timeout: time.Duration(ms) * time.Millisecond})
	if _, err := Bound(q, Limits{}); err != nil {
		t.Logf("Bound refuses: %v", err)
	}
}
