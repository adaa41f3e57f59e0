package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/pipeline/detect"
	"github.com/partynews/partynews/pipeline/extract"
)

func TestMapRunsEveryItemOnceInInputOrder(t *testing.T) {
	in := make(chan int)
	go func() {
		defer close(in)
		for i := 0; i < 1000; i++ {
			in <- i
		}
	}()
	var got []int
	// uneven work, so that completion order differs from input order
	for v := range Map(context.Background(), 4, 4, in, func(i int) int {
		if i%7 == 0 {
			time.Sleep(50 * time.Microsecond)
		}
		return i * 2
	}) {
		got = append(got, v)
	}
	if len(got) != 1000 {
		t.Fatalf("got %d results, want 1000", len(got))
	}
	for i, v := range got {
		if v != 2*i {
			t.Fatalf("result %d is %d, want %d: results out of input order", i, v, 2*i)
		}
	}
}

// Cancelling stops the workers: the output closes without anyone reading the
// rest, and only the results already buffered come out.
func TestMapStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	const n = 1000
	in := make(chan int, n)
	for i := 0; i < n; i++ {
		in <- i
	}
	close(in)
	out := Map(ctx, 2, 2, in, func(i int) int { return i })
	<-out
	cancel()
	rest := 0
	timeout := time.After(10 * time.Second)
	for open := true; open; {
		select {
		case _, open = <-out:
			if open {
				rest++
			}
		case <-timeout:
			t.Fatal("the output did not close after cancel")
		}
	}
	if rest > 10 {
		t.Errorf("%d results after cancel, want only the few buffered (the workers went on)", rest)
	}
}

func TestProcessSample(t *testing.T) {
	p, err := NewProcessor()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../corpus/sample/*.txt")
	seen := map[string]bool{}
	for _, f := range files {
		a, err := corpus.Read(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		d := p.Process(a)
		if d.ID != ID(a.Text) || len(d.ID) != 32 || seen[d.ID] {
			t.Errorf("%s: id %q", f, d.ID)
		}
		seen[d.ID] = true
		if d.Lang != "hi" && d.Lang != "ur" || d.Lead == "" || d.Body == "" || len(d.Entities) == 0 {
			t.Errorf("%s: %s lead %q, %d entities", f, d.Lang, d.Lead, len(d.Entities))
		}
		for _, e := range d.Entities {
			if d.Text[e.Start:e.End] != e.Text {
				t.Errorf("%s: entity %q off its span", f, e.Text)
			}
		}
	}
	// the same text at another path is the same document
	a, _ := corpus.Read(files[0], 0)
	b := *a
	b.Path = "/elsewhere.txt"
	if p.Process(a).ID != p.Process(&b).ID {
		t.Error("same text, different ids")
	}
}

// While nobody reads the results (the writer is busy with a batch), the
// workers go on until the buffer is full.
func TestMapBufferKeepsWorkersGoing(t *testing.T) {
	in := make(chan int, 100)
	for i := 0; i < 100; i++ {
		in <- i
	}
	close(in)
	var done atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := Map(ctx, 2, 50, in, func(i int) int { done.Add(1); return i })
	deadline := time.Now().Add(10 * time.Second)
	for done.Load() < 50 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := done.Load(); n < 50 {
		t.Fatalf("%d items processed with nobody reading, want at least the buffer's 50", n)
	}
	for i := 0; i < 100; i++ {
		if r := <-out; r != i {
			t.Fatalf("result %d is %d", i, r)
		}
	}
}

// A slow item holds back the results behind it, not the workers: while the
// first item is stuck, the other worker goes on until the buffer's worth of
// items is done.
func TestMapSlowItemKeepsWorkersGoing(t *testing.T) {
	in := make(chan int, 100)
	for i := 0; i < 100; i++ {
		in <- i
	}
	close(in)
	release := make(chan struct{})
	var done atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := Map(ctx, 2, 50, in, func(i int) int {
		if i == 0 {
			<-release
		}
		done.Add(1)
		return i
	})
	deadline := time.Now().Add(10 * time.Second)
	for done.Load() < 49 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := done.Load(); n < 49 {
		t.Fatalf("%d items processed behind a stuck first item, want the buffer's 50 less the stuck one", n)
	}
	close(release)
	for i := 0; i < 100; i++ {
		if r := <-out; r != i {
			t.Fatalf("result %d is %d", i, r)
		}
	}
}

// A consumer that takes nothing lets exactly max(n, buf) + n + 1 items
// through fn, the bound Map's comment gives, and no more.
func TestMapBound(t *testing.T) {
	for _, c := range []struct{ n, buf int }{{2, 8}, {3, 1}, {1, 0}} {
		in := make(chan int, 100)
		for i := 0; i < 100; i++ {
			in <- i
		}
		close(in)
		var calls atomic.Int64
		ctx, cancel := context.WithCancel(context.Background())
		out := Map(ctx, c.n, c.buf, in, func(i int) int { calls.Add(1); return i })
		want := int64(max(c.n, c.buf) + c.n + 1)
		deadline := time.Now().Add(5 * time.Second)
		for calls.Load() < want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond) // room to go past the bound, if it could
		if got := calls.Load(); got != want {
			t.Errorf("n=%d buf=%d: %d items through fn with nothing taken, want %d", c.n, c.buf, got, want)
		}
		cancel()
		for range out {
		}
	}
}

// BenchmarkProcessGenerated is the per-article pipeline after reading
// (detection, extraction, the document's fields) over the generated articles
// of $PARTYNEWS_BENCH_CORPUS/0000 (../shared/tools/gencorpus, 30 languages); it
// skips when that is not set. Sub-benchmarks time the read stage and each
// stage of Process apart.
func BenchmarkProcessGenerated(b *testing.B) {
	root := os.Getenv("PARTYNEWS_BENCH_CORPUS")
	if root == "" {
		b.Skip("PARTYNEWS_BENCH_CORPUS not set")
	}
	files, _ := filepath.Glob(filepath.Join(root, "0000", "*.txt"))
	if len(files) == 0 {
		b.Skip("no generated corpus")
	}
	p, err := NewProcessor()
	if err != nil {
		b.Fatal(err)
	}
	var arts []*corpus.Article
	var langs []detect.Result
	size := int64(0)
	for _, f := range files {
		a, err := corpus.Read(f, 0)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		langs = append(langs, p.Detector.Detect(a.Content())) // loads the models
		size += int64(len(a.Text))
	}
	b.Run("read", func(b *testing.B) {
		b.SetBytes(size)
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				if _, err := corpus.Read(f, 0); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("detect", func(b *testing.B) {
		b.SetBytes(size)
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			for _, a := range arts {
				p.Detector.Detect(a.Content())
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(size)
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			for k, a := range arts {
				extract.All(a.Text, langs[k].Lang, p.Extractors...)
			}
		}
	})
	b.Run("process", func(b *testing.B) {
		b.SetBytes(size)
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			for _, a := range arts {
				p.Process(a)
			}
		}
	})
}

// reportCPU reports the process's CPU time (user and system, every thread, the
// collector's too) per operation as cpu-ns/op, from when it is called to when
// the function it returns is: on a shared machine wall time says little.
func reportCPU(b *testing.B) func() {
	start := cpuNow()
	return func() {
		b.ReportMetric(float64(cpuNow()-start)/float64(b.N), "cpu-ns/op")
	}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
