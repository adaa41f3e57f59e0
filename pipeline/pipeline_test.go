package pipeline

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/pipeline/detect"
)

func TestMapRunsEveryItemOnce(t *testing.T) {
	in := make(chan int)
	go func() {
		defer close(in)
		for i := 0; i < 1000; i++ {
			in <- i
		}
	}()
	var got []int
	for v := range Map(context.Background(), 4, in, func(i int) int { return i * 2 }) {
		got = append(got, v)
	}
	sort.Ints(got)
	if len(got) != 1000 || got[0] != 0 || got[999] != 1998 {
		t.Fatalf("got %d results, first %d last %d", len(got), got[0], got[len(got)-1])
	}
}

func TestMapStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan int, 10)
	for i := 0; i < 10; i++ {
		in <- i
	}
	close(in)
	out := Map(ctx, 2, in, func(i int) int { return i })
	<-out
	cancel()
	for range out { // must close without anyone reading the rest
	}
}

func TestProcessSample(t *testing.T) {
	p, err := NewProcessor(detect.Options{})
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
