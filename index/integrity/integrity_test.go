package integrity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// buildIndex writes a small partynews-shaped index folder: DIR/CURRENT naming
// DIR/gen-000001, a scorch index of a few batches (so a few segments).
func buildIndex(t testing.TB, docs int) string {
	t.Helper()
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen-000001")
	idx, err := bleve.NewUsing(gen, bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"river", "council", "decree", "harvest", "province", "delegation", "festival", "bridge"}
	b := idx.NewBatch()
	for i := 0; i < docs; i++ {
		text := fmt.Sprintf("Article %d about the %s and the %s, number %d.", i, words[i%len(words)], words[(i*3+1)%len(words)], i*7)
		if err := b.Index(fmt.Sprintf("doc-%d", i), map[string]any{"body": text}); err != nil {
			t.Fatal(err)
		}
		if b.Size() == 100 || i == docs-1 {
			if err := idx.Batch(b); err != nil {
				t.Fatal(err)
			}
			b = idx.NewBatch()
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("gen-000001\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// biggest returns the largest segment the newest snapshot references (scorch
// may leave merged-away segments behind for a while).
func biggest(t testing.TB, dir string) string {
	t.Helper()
	store := filepath.Join(dir, "gen-000001", "store")
	segs, _, err := checkRoot(filepath.Join(store, "root.bolt"))
	if err != nil || len(segs) == 0 {
		t.Fatalf("no segment in %s (%v)", dir, err)
	}
	var best string
	var size int64 = -1
	for _, s := range segs {
		p := filepath.Join(store, s.path)
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() > size {
			best, size = p, fi.Size()
		}
	}
	return best
}

func TestCheckIndex(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string) string // returns the file that must be named
	}{
		{"clean", func(t *testing.T, dir string) string { return "" }},
		{"segment cut short", func(t *testing.T, dir string) string {
			seg := biggest(t, dir)
			fi, _ := os.Stat(seg)
			if err := os.Truncate(seg, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
			return seg
		}},
		{"segment lost its last byte", func(t *testing.T, dir string) string {
			seg := biggest(t, dir)
			fi, _ := os.Stat(seg)
			if err := os.Truncate(seg, fi.Size()-1); err != nil {
				t.Fatal(err)
			}
			return seg
		}},
		{"200 bytes flipped inside a segment", func(t *testing.T, dir string) string {
			seg := biggest(t, dir)
			b, err := os.ReadFile(seg)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) < 1000 {
				t.Fatalf("segment of %d bytes too small to damage", len(b))
			}
			for i := len(b) / 3; i < len(b)/3+200; i++ {
				b[i] ^= 0xff
			}
			if err := os.WriteFile(seg, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return seg
		}},
		{"segment missing", func(t *testing.T, dir string) string {
			seg := biggest(t, dir)
			if err := os.Remove(seg); err != nil {
				t.Fatal(err)
			}
			return seg
		}},
		{"root.bolt cut short", func(t *testing.T, dir string) string {
			root := filepath.Join(dir, "gen-000001", "store", "root.bolt")
			fi, _ := os.Stat(root)
			if err := os.Truncate(root, fi.Size()/3); err != nil {
				t.Fatal(err)
			}
			return root
		}},
		{"root.bolt cut to its first pages", func(t *testing.T, dir string) string {
			root := filepath.Join(dir, "gen-000001", "store", "root.bolt")
			if err := os.Truncate(root, 4*4096); err != nil {
				t.Fatal(err)
			}
			return root
		}},
		{"root.bolt emptied", func(t *testing.T, dir string) string {
			root := filepath.Join(dir, "gen-000001", "store", "root.bolt")
			if err := os.Truncate(root, 0); err != nil {
				t.Fatal(err)
			}
			return root
		}},
		{"index_meta.json cut short", func(t *testing.T, dir string) string {
			meta := filepath.Join(dir, "gen-000001", "index_meta.json")
			if err := os.Truncate(meta, 5); err != nil {
				t.Fatal(err)
			}
			return meta
		}},
		{"CURRENT names nothing", func(t *testing.T, dir string) string {
			cur := filepath.Join(dir, "CURRENT")
			if err := os.WriteFile(cur, []byte("junk"), 0o644); err != nil {
				t.Fatal(err)
			}
			return cur
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := buildIndex(t, 1000)
			want := tc.damage(t, dir)
			probs, st, err := CheckIndex(dir)
			if err != nil {
				t.Fatal(err)
			}
			if want == "" {
				if len(probs) != 0 {
					t.Fatalf("clean index: got problems %v", probs)
				}
				if st.Segments == 0 || st.Bytes == 0 {
					t.Fatalf("clean index: checked nothing: %+v", st)
				}
				return
			}
			if len(probs) == 0 {
				t.Fatalf("damage to %s not reported", want)
			}
			found := false
			for _, p := range probs {
				if p.Path == want {
					found = true
				}
				if p.Reason == "" || strings.Contains(p.Reason, "\n") {
					t.Errorf("reason %q is not one line", p.Reason)
				}
			}
			if !found {
				t.Fatalf("problems %v do not name %s", probs, want)
			}
		})
	}
}

func TestCheckIndexSharded(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 2; i++ {
		src := buildIndex(t, 200)
		if err := os.Rename(src, filepath.Join(dir, fmt.Sprintf("shard-%02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "SHARDS"), []byte("2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	probs, st, err := CheckIndex(dir)
	if err != nil || len(probs) != 0 || st.Generations != 2 {
		t.Fatalf("clean sharded index: %v %+v %v", probs, st, err)
	}
	seg := biggest(t, filepath.Join(dir, "shard-01"))
	if err := os.Truncate(seg, 100); err != nil {
		t.Fatal(err)
	}
	probs, _, _ = CheckIndex(dir)
	if len(probs) != 1 || probs[0].Path != seg {
		t.Fatalf("got %v, want one problem naming %s", probs, seg)
	}
}

func TestCheckIndexNoIndex(t *testing.T) {
	probs, _, err := CheckIndex(t.TempDir())
	if err != nil || len(probs) != 1 {
		t.Fatalf("empty folder: %v %v", probs, err)
	}
}

// TestCheckRootFlippedPages flips bytes in each page of root.bolt in turn: the
// check must never crash, must name root.bolt when it reports anything, and
// must notice damage to the pages in use.
func TestCheckRootFlippedPages(t *testing.T) {
	clean := buildIndex(t, 300)
	root := filepath.Join(clean, "gen-000001", "store", "root.bolt")
	orig, err := os.ReadFile(root)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	detected := 0
	for off := 0; off+page <= len(orig); off += page / 4 {
		b := append([]byte(nil), orig...)
		for i := off + 16; i < off+16+64; i++ { // past a page header's id
			b[i] ^= 0x5a
		}
		if err := os.WriteFile(root, b, 0o600); err != nil {
			t.Fatal(err)
		}
		probs, _, err := CheckIndex(clean)
		if err != nil {
			t.Fatal(err)
		}
		if len(probs) > 0 {
			detected++
			for _, p := range probs {
				if p.Path != root && filepath.Ext(p.Path) != ".zap" {
					t.Errorf("page %d: problem names %s", off/page, p.Path)
				}
			}
		}
	}
	if detected == 0 {
		t.Fatal("no flipped page detected")
	}
	t.Logf("%d of %d flips detected", detected, 4*len(orig)/page)
}

// FuzzWalkBolt: any bytes, no panic.
func FuzzWalkBolt(f *testing.F) {
	dir := buildIndex(f, 100)
	b, err := os.ReadFile(filepath.Join(dir, "gen-000001", "store", "root.bolt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:8192])
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = walkBolt(data)
	})
}
