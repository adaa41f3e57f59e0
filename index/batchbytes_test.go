package index

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A batch goes to bleve when it holds BatchSize documents or BatchBytes of them,
// whichever comes first.
func TestBatchFlushBySizeAndBytes(t *testing.T) {
	cases := []struct {
		name        string
		opt         WriterOptions
		want        []int // documents pending after each Put
		bodyRepeats int
	}{
		{"defaults keep small documents", WriterOptions{}, []int{1, 2, 3, 4}, 1},
		{"count cap", WriterOptions{BatchSize: 2, BatchBytes: 1 << 30}, []int{1, 0, 1, 0}, 1},
		{"byte cap: every document is over it", WriterOptions{BatchSize: 1000, BatchBytes: 100}, []int{0, 0, 0, 0}, 1},
		{"byte cap: two long documents fill it", WriterOptions{BatchSize: 1000, BatchBytes: 150 << 10}, []int{1, 0, 1, 0}, 2000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.opt.CheckpointEvery = -1
			w, err := OpenWriter(filepath.Join(t.TempDir(), "index"), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Abort()
			for i, want := range c.want {
				body := strings.Repeat(fmt.Sprintf("The committee met on day %d. ", i), c.bodyRepeats)
				lead := fmt.Sprintf("Meeting number %d", i)
				d := Document{ID: fmt.Sprintf("doc%d-%d", i, c.bodyRepeats), Lang: "en", Lead: lead, Body: body, Text: lead + "\n" + body}
				if _, err := w.Put(fmt.Sprintf("/a/%d.txt", i), d, int64(len(d.Text)), time.Unix(int64(i), 0)); err != nil {
					t.Fatal(err)
				}
				if got := w.shards[0].batch.Size(); got != want {
					t.Errorf("after document %d: %d pending, want %d", i, got, want)
				}
			}
		})
	}
}
