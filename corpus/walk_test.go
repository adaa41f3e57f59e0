package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	deep := dir
	for i := 0; i < 40; i++ {
		deep = filepath.Join(deep, "d")
	}
	os.MkdirAll(deep, 0o755)
	os.WriteFile(filepath.Join(deep, "deep.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.TXT"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "skip.md"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755)
	os.Symlink(dir, filepath.Join(dir, "loop"))
	os.Symlink(filepath.Join(dir, "none"), filepath.Join(dir, "dangling.txt"))
	var got []string
	var errs []error
	err := Walk(context.Background(), []string{dir, filepath.Join(dir, "missing")}, func(f File) error {
		if f.Err != nil {
			errs = append(errs, f.Err)
			return nil
		}
		rel, _ := filepath.Rel(dir, f.Path)
		got = append(got, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "a.TXT b.txt " + strings.Repeat("d/", 40) + "deep.txt"
	if strings.Join(got, " ") != want {
		t.Errorf("walked %v, want %s", got, want)
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrDanglingLink) || !errors.Is(errs[1], ErrNoSuchPath) {
		t.Errorf("errors %v", errs)
	}
}

// A file deleted between listing and reading is ErrNotExist; a file that grows
// while read either fits the cap or is refused, never more.
func TestReadRaces(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(filepath.Join(dir, "gone.txt"), 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("vanished file: %v", err)
	}
	p := filepath.Join(dir, "growing.txt")
	os.WriteFile(p, []byte("सम्मेलन\n"), 0o644)
	stop := make(chan struct{})
	go func() {
		f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		defer f.Close()
		for {
			select {
			case <-stop:
				return
			default:
				f.WriteString(strings.Repeat("पार्टी सम्मेलन ", 100) + "\n")
			}
		}
	}()
	defer close(stop)
	const limit = 1 << 20
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		a, err := Read(p, limit)
		if err != nil {
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("growing file: %v", err)
			}
			return // grew past the cap: refused
		}
		if len(a.Text) > limit {
			t.Fatalf("read %d bytes over the cap", len(a.Text))
		}
	}
}

// TestReadAll checks the sized read against files whose size changed since
// they were opened: shorter, longer, and past the cap.
func TestReadAll(t *testing.T) {
	for _, tc := range []struct {
		name       string
		data       string
		size, maxB int64
		want       string
		tooLarge   bool
	}{
		{"exact", "abcdef", 6, 0, "abcdef", false},
		{"shrank", "abc", 6, 0, "abc", false},
		{"grew", strings.Repeat("x", 5000), 3, 0, strings.Repeat("x", 5000), false},
		{"empty", "", 0, 0, "", false},
		{"at cap", "abcdef", 6, 6, "abcdef", false},
		{"grew past cap", "abcdefgh", 6, 6, "", true},
		{"grew under cap", "abcdefgh", 2, 100, "abcdefgh", false},
		{"negative size", "abc", -1, 0, "abc", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// iotest.OneByteReader would hide the sizing; a plain reader
			// returns what the buffer holds, as a file does
			got, err := readAll(strings.NewReader(tc.data), tc.size, tc.maxB)
			if tc.tooLarge {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil || string(got) != tc.want {
				t.Fatalf("readAll = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// BenchmarkRead is the whole read stage of one article file from the disk
// (open, stat, read, decode, normalise, parse) over the embedded sample.
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("sample/*.txt")
	if len(files) == 0 {
		b.Skip("no sample")
	}
	size := int64(0)
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if _, err := Read(f, 1<<20); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestReadErrors: Read's errors are those os.Open and os.File would give.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	_, want := os.Open(missing)
	if _, err := Read(missing, 0); err == nil || err.Error() != want.Error() || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want %v", err, want)
	}
	if _, err := Read(dir, 0); !errors.Is(err, ErrNotText) {
		t.Errorf("folder: %v, want ErrNotText", err)
	}
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(strings.Repeat("पार्टी ", 100)), 0o644)
	if _, err := Read(big, 100); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big file: %v, want ErrTooLarge", err)
	}
	a, err := Read(big, 0)
	if err != nil || !strings.HasPrefix(a.Text, "पार्टी पार्टी") {
		t.Errorf("big file uncapped: %v", err)
	}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	if _, err := Read(empty, 0); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty file: %v, want ErrEmpty", err)
	}
}
