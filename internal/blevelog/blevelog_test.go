package blevelog

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

func TestWriterLines(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   []string // messages logged, in order
		level  []string
	}{
		{"one line", []string{"hello\n"}, []string{"hello"}, []string{"INFO"}},
		{"split line", []string{"unable to ", "load snapshot, x\n"}, []string{"unable to load snapshot, x"}, []string{"WARN"}},
		{"two lines in one write", []string{"a\nb failed\n"}, []string{"a", "b failed"}, []string{"INFO", "WARN"}},
		{"no newline yet", []string{"pending"}, nil, nil},
		{"blank lines dropped", []string{"\n\r\nx\n"}, []string{"x"}, []string{"INFO"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []slogRecord
			w := NewWriter(slog.New(&captureHandler{out: &got}), nil)
			for _, s := range tc.writes {
				if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", s, n, err)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("logged %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i].msg != tc.want[i] || got[i].level != tc.level[i] || got[i].component != "bleve" {
					t.Errorf("record %d = %+v, want %q at %s", i, got[i], tc.want[i], tc.level[i])
				}
			}
		})
	}
}

type slogRecord struct{ msg, level, component string }

type captureHandler struct {
	out *[]slogRecord
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *captureHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *captureHandler) WithGroup(string) slog.Handler            { return h }
func (h *captureHandler) Handle(_ context.Context, r slog.Record) error {
	rec := slogRecord{msg: r.Message, level: r.Level.String()}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "component" {
			rec.component = a.Value.String()
		}
		return true
	})
	*h.out = append(*h.out, rec)
	return nil
}

func TestRouteScorchDamage(t *testing.T) {
	dir := t.TempDir()
	idx, err := bleve.NewUsing(dir, bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := idx.NewBatch()
	for i := 0; i < 200; i++ {
		if err := b.Index(fmt.Sprintf("d%d", i), map[string]any{"body": fmt.Sprintf("text number %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment written")
	}
	sort.Strings(segs)
	for _, s := range segs { // cut every segment: the newest snapshot cannot load
		if err := os.Truncate(s, 100); err != nil {
			t.Fatal(err)
		}
	}

	var raw, logged bytes.Buffer
	prev := log.Writer()
	log.SetOutput(&raw)
	defer log.SetOutput(prev)

	var damage atomic.Int32
	restore := Route(slog.New(slog.NewTextHandler(&logged, nil)), func(msg string) {
		if IsDamage(msg) {
			damage.Add(1)
		}
	})
	idx, err = bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err == nil {
		idx.Close()
	}
	restore()
	log.Print("after restore")

	if damage.Load() == 0 {
		t.Errorf("no damage line noticed; slog got %q", logged.String())
	}
	out := logged.String()
	if !strings.Contains(out, "level=WARN") || !strings.Contains(out, "component=bleve") || !strings.Contains(out, "unable to load snapshot") {
		t.Errorf("slog output %q lacks the scorch warning", out)
	}
	if r := raw.String(); strings.Contains(r, "unable to load snapshot") || !strings.Contains(r, "after restore") {
		t.Errorf("raw log output %q: want only the line printed after restore", r)
	}
}
