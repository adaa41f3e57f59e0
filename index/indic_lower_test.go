package index

import (
	"bytes"
	"os"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

func bleveLowerRef(t testing.TB) func([]byte) []byte { return bleveFilter(t, lowercase.Name) }

// TestLowerMatchesBleve compares with bleve's to_lower on every code point alone,
// after a capital and before a capital sigma, and checks the caseless ranges.
func TestLowerMatchesBleve(t *testing.T) {
	ref := bleveLowerRef(t)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if caseless(r) && unicode.ToLower(r) != r {
			t.Fatalf("U+%04X in a caseless range has a lower case", r)
		}
		if r >= 0xD800 && r <= 0xDFFF || r%7 != 0 && r > 0x30000 {
			continue // not encodable; most of the planes past 3 are unassigned
		}
		for _, in := range []string{string(r), "A" + string(r), string(r) + "Σ", "ж" + string(r) + "Ⱥ"} {
			got := lowerTerm([]byte(in))
			if want := ref([]byte(in)); !bytes.Equal(got, want) {
				t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
			}
		}
	}
	for _, in := range []string{"", "ΟΔΟΣ", "Ⱥx", "abc\xff", "\xffABC", "हिंदी", "ĐẢNG"} {
		if got, want := lowerTerm([]byte(in)), ref([]byte(in)); !bytes.Equal(got, want) {
			t.Errorf("%+q: got %+q, bleve %+q", in, got, want)
		}
	}
}

func FuzzLower(f *testing.F) {
	for _, s := range []string{"ΟΔΟΣ", "Ⱥx", "\xffABC", "हिंदी", "Việt Nam"} {
		f.Add([]byte(s))
	}
	ref := bleveLowerRef(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		if got, want := lowerTerm(append([]byte(nil), in...)), ref(in); !bytes.Equal(got, want) {
			t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
		}
	})
}

// TestAnalyzersLowerUnchanged runs the articles of ../shared/corpus through every
// language's analyzer, with pn_lowercase and with bleve's to_lower in its place.
func TestAnalyzersLowerUnchanged(t *testing.T) {
	files := recallFilesOrNone()
	if len(files) == 0 {
		t.Skip("../shared/corpus absent")
	}
	var texts [][]byte
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, b)
	}
	bleve, err := registry.NewCache().TokenFilterNamed(lowercase.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		a, err := registry.NewCache().AnalyzerNamed(AnalyzerName(lang))
		if err != nil {
			t.Fatal(err)
		}
		da := a.(*analysis.DefaultAnalyzer)
		old := &analysis.DefaultAnalyzer{Tokenizer: da.Tokenizer}
		swapped := false
		for _, f := range da.TokenFilters {
			if _, ok := f.(lowerFilter); ok {
				f, swapped = bleve, true
			}
			old.TokenFilters = append(old.TokenFilters, f)
		}
		if !swapped && lang != "und" {
			t.Errorf("%s: no pn_lowercase", lang)
		}
		for i, text := range texts {
			if lang != "hi" && lang != "en" && lang != "und" && i%3 != 0 {
				continue // a third of the files for most languages: the stemmers are slow
			}
			if err := sameTokens(a.Analyze(text), old.Analyze(text)); err != nil {
				t.Errorf("%s, %s: %v", lang, files[i], err)
			}
		}
	}
}

func BenchmarkLower(b *testing.B) {
	ts := (Tokenizer{}).Tokenize(benchHindi)
	bleve, err := registry.NewCache().TokenFilterNamed(lowercase.Name)
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, f analysis.TokenFilter) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchHindi)))
		for b.Loop() {
			f.Filter(ts)
		}
	}
	b.Run("bleve", func(b *testing.B) { run(b, bleve) })
	b.Run("ours", func(b *testing.B) { run(b, lowerFilter{}) })
}
