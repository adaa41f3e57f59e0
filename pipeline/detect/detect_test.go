package detect

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/partynews/partynews/corpus"
)

// devDir is the shared development corpus; tests that need it skip without it.
const devDir = "../../../shared/corpus/dev"

func newDetector(t testing.TB) *Detector {
	d, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

type devFile struct {
	File string `json:"file"`
	Lang string `json:"lang"`
}

func loadDev(t testing.TB) []devFile {
	f, err := os.Open(filepath.Join(devDir, "index.jsonl"))
	if err != nil {
		t.Skipf("no dev corpus: %v", err)
	}
	defer f.Close()
	var out []devFile
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d devFile
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func readArticle(t testing.TB, path string) string {
	a, err := corpus.Read(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	return a.Content()
}

// Every real article of the dev set is detected as the language its URL names.
func TestDetectDevCorpus(t *testing.T) {
	files := loadDev(t)
	d := newDetector(t)
	wrong := 0
	for _, f := range files {
		got := d.Detect(readArticle(t, filepath.Join(devDir, f.File)))
		want := strings.ReplaceAll(f.Lang, "nb", "no")
		if g := strings.ReplaceAll(got.Lang, "nb", "no"); g != want {
			wrong++
			t.Errorf("%s: got %s (%.2f), want %s", f.File, got.Lang, got.Confidence, f.Lang)
		}
	}
	t.Logf("%d/%d correct", len(files)-wrong, len(files))
}

// BenchmarkDetect measures detection over whole real articles in 29 languages.
func BenchmarkDetect(b *testing.B) {
	files := loadDev(b)
	d := newDetector(b)
	var texts []string
	size := 0
	for _, f := range files {
		s := readArticle(b, filepath.Join(devDir, f.File))
		texts = append(texts, s)
		size += len(s)
	}
	for _, s := range texts { // load the models before timing
		d.Detect(s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			d.Detect(s)
		}
	}
}

// BenchmarkDetectGenerated measures detection over whole generated articles
// (4 KB median, 30 languages) when ../shared/tools/gencorpus has made them under
// $PARTYNEWS_BENCH_CORPUS; it skips otherwise.
func BenchmarkDetectGenerated(b *testing.B) {
	root := os.Getenv("PARTYNEWS_BENCH_CORPUS")
	if root == "" {
		b.Skip("PARTYNEWS_BENCH_CORPUS not set")
	}
	files, _ := filepath.Glob(filepath.Join(root, "0000", "*.txt"))
	if len(files) == 0 {
		b.Skip("no generated corpus")
	}
	d := newDetector(b)
	var texts []string
	size := 0
	for _, f := range files {
		s := readArticle(b, f)
		texts = append(texts, s)
		size += len(s)
		d.Detect(s)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			d.Detect(s)
		}
	}
}

func TestScriptTableMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := ScriptOf(r), scriptSlow(r); got != want {
			t.Fatalf("ScriptOf(%U) = %d, want %d", r, got, want)
		}
	}
}
