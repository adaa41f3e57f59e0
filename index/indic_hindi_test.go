package index

import (
	"bytes"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// bleveHindi runs bleve's normalize_hi over one term.
func bleveHindi(t testing.TB) func([]byte) []byte {
	f, err := registry.NewCache().TokenFilterNamed("normalize_hi")
	if err != nil {
		t.Fatal(err)
	}
	return func(term []byte) []byte {
		ts := analysis.TokenStream{&analysis.Token{Term: append([]byte(nil), term...)}}
		return f.Filter(ts)[0].Term
	}
}

func TestHindiNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"हिन्दी", "हिंदि"}, // dead n, long i
		{"ज़मीन", "जमिन"},   // nukta
		{"क़ानून", "कानुन"},
		{"चाँद", "चांद"}, // candrabindu
		{"राष्ट्र", "राषटर"},
		{"क्\u200Dष", "कष"},
		{"न", "न"},
		{"न्", "ं"},
		{"party 2025", "party 2025"},
		{"", ""},
		{"न\xff", "न\uFFFD"},
	} {
		if got := string(hindiNormalize([]byte(tc.in))); got != tc.want {
			t.Errorf("hindiNormalize(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
	}
}

// TestHindiNormalizeMatchesBleve compares with bleve's normalize_hi on every
// sequence of up to three letters of the Devanagari block, ZWJ, ZWNJ and a few
// others.
func TestHindiNormalizeMatchesBleve(t *testing.T) {
	ref := bleveHindi(t)
	var probe []rune
	for r := rune(0x0900); r <= 0x097F; r++ {
		probe = append(probe, r)
	}
	probe = append(probe, 0x200C, 0x200D, 'a', 0x0980, 0x0964, 0xFFFD)
	compare := func(rs ...rune) {
		in := []byte(string(rs))
		if got, want := hindiNormalize(in), ref(in); !bytes.Equal(got, want) {
			t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
		}
	}
	for _, a := range probe {
		compare(a)
		for _, b := range probe {
			compare(a, b)
			for _, c := range probe {
				compare(a, b, c)
			}
		}
	}
}

func FuzzHindiNormalize(f *testing.F) {
	for _, s := range []string{"हिन्दी", "ज़मीन", "चाँद", "क्\u200Dष", "न्न्", "न\xff्"} {
		f.Add([]byte(s))
	}
	ref := bleveHindi(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		orig := append([]byte(nil), in...)
		if got, want := hindiNormalize(in), ref(in); !bytes.Equal(got, want) {
			t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
		}
		if !bytes.Equal(in, orig) {
			t.Fatalf("%+q: the input term was changed in place", orig)
		}
	})
}

func BenchmarkHindiNormalize(b *testing.B) {
	bleve, err := registry.NewCache().TokenFilterNamed("normalize_hi")
	if err != nil {
		b.Fatal(err)
	}
	benchFilterPair(b, bleve, hindiNormalizer{})
}

func bleveFilter(t testing.TB, name string) func([]byte) []byte {
	f, err := registry.NewCache().TokenFilterNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	return func(term []byte) []byte {
		ts := analysis.TokenStream{&analysis.Token{Term: append([]byte(nil), term...)}}
		return f.Filter(ts)[0].Term
	}
}

// TestHindiStemMatchesBleve compares with bleve's stemmer_hi on every suffix of
// hi_stem.txt after stems of none to five letters (either side of each length
// bound), and on each of those with a bad byte in front.
func TestHindiStemMatchesBleve(t *testing.T) {
	s, err := loadHindiStemmer()
	if err != nil {
		t.Fatal(err)
	}
	if s.lines != 5 {
		t.Errorf("%d suffix lines, want bleve's 5", s.lines)
	}
	if _, err := parseHindiStem("2 ाएंगी\n"); err == nil {
		t.Error("a suffix of the wrong length parses")
	}
	ref := bleveFilter(t, "stemmer_hi")
	stems := []string{"", "क", "कम", "कमल", "कमला", "नगरप", "a", "ab", "abc"}
	n := 0
	for _, list := range s.byLast {
		for _, c := range list {
			suf := c.suffix
			for _, stem := range stems {
				for _, pre := range []string{"", "\xff", "\xe0\xa4"} {
					in := []byte(pre + stem + string(suf))
					if got, want := s.stem(in), ref(in); !bytes.Equal(got, want) {
						t.Errorf("%+q: got %+q, bleve %+q", in, got, want)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d terms equal", n)
	kw := analysis.TokenStream{&analysis.Token{Term: []byte("कमलाएंगी"), KeyWord: true}}
	if s.Filter(kw); string(kw[0].Term) != "कमलाएंगी" {
		t.Error("a keyword was stemmed")
	}
}

func FuzzHindiStem(f *testing.F) {
	for _, s := range []string{"कमलाएंगी", "लड़कियों", "\xffकर", "ाा", "कमलaा"} {
		f.Add([]byte(s))
	}
	s, err := loadHindiStemmer()
	if err != nil {
		f.Fatal(err)
	}
	ref := bleveFilter(f, "stemmer_hi")
	f.Fuzz(func(t *testing.T, in []byte) {
		if got, want := s.stem(in), ref(in); !bytes.Equal(got, want) {
			t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
		}
	})
}
