package gencorpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/partynews/partynews/corpus/sample"
)

func TestWriteIsDeterministic(t *testing.T) {
	s := NewSource()
	if err := s.AddFS(sample.FS(), "hi"); err != nil {
		t.Fatal(err)
	}
	a, b := t.TempDir(), t.TempDir()
	na, err := s.Write(a, 50, 1)
	if err != nil {
		t.Fatal(err)
	}
	nb, _ := s.Write(b, 50, 1)
	if na != nb || na < 50*500 {
		t.Fatalf("sizes %d %d", na, nb)
	}
	x, _ := os.ReadFile(filepath.Join(a, "0000", "000049.txt"))
	y, _ := os.ReadFile(filepath.Join(b, "0000", "000049.txt"))
	if string(x) != string(y) || len(x) == 0 {
		t.Error("same seed, different articles")
	}
}
