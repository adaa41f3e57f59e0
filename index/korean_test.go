package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/partynews/partynews/corpus"
)

func TestKoreanParticles(t *testing.T) {
	if err := checkParticles(koreanParticlesData); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"의\n의\n", "의\nabc\n", "의 는\n"} {
		if checkParticles(bad) == nil {
			t.Errorf("checkParticles(%q) accepted", bad)
		}
	}
	for _, r := range "이가을를은는의에와과로도" {
		if !particleInitial[r] {
			t.Errorf("%c missing from the particle initials", r)
		}
	}
	for _, r := range "하회대" {
		if particleInitial[r] {
			t.Errorf("%c taken for a particle initial", r)
		}
	}
}

func TestHangulTerms(t *testing.T) {
	cases := []struct{ in, want string }{
		{"회의에서", "회 회의 의에 에서"},
		{"대표단은", "대표 표단 단은"},
		{"당의", "당 당의"},
		{"당", "당"},
		{"팜 민 찐", "팜 민 찐"},
		{"APEC에서", "apec 에서"},
		{"가나다ABC", "가나 나다 abc"},
		{"한국語", "한국 語"}, // a Han character is cjk_bigram's: a unigram here
		{"Hà Nội", "hà nội"},
		{"", ""},
	}
	for _, c := range cases {
		if got := strings.Join(analyzed("ko", c.in), " "); got != c.want {
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		}
	}
}

// TestKoreanQueryFindsWord checks, with the search's rule (one term anywhere,
// several at consecutive positions), that a noun finds the words it starts or
// stands in, and not words it is not part of.
func TestKoreanQueryFindsWord(t *testing.T) {
	a, err := registry.NewCache().AnalyzerNamed(AnalyzerName("ko"))
	if err != nil {
		t.Fatal(err)
	}
	finds := func(query, text string) bool {
		var q []string
		for _, tok := range a.Analyze([]byte(query)) {
			q = append(q, string(tok.Term))
		}
		return len(q) > 0 && termsOf(a.Analyze([]byte(text))).finds(q)
	}
	cases := []struct {
		query, text string
		want        bool
	}{
		{"회의", "중앙위원회 회의에서 결정했다", true},
		{"회의", "회의를 열었다", true},
		{"회의", "회의는 끝났다", true},
		{"회의", "회의", true},
		{"대표", "전국대표대회가 개막했다", true},
		{"대표단", "대표단은 도착했다", true},
		{"당", "당의 지도부", true},
		{"당", "당은 결정했다", true},
		{"당", "당", true},
		{"개막", "대회가 개막했습니다", true},
		{"베트남", "베트남의 발전", true},
		{"회의", "의회에서", false},
		{"당", "정당한 이유", false},
		{"대표", "표대", false},
	}
	for _, c := range cases {
		if got := finds(c.query, c.text); got != c.want {
			t.Errorf("%q in %q: %v, want %v", c.query, c.text, got, c.want)
		}
	}
}

// koreanBenchText is Korean of our own, with Latin, digits and punctuation.
var koreanBenchText = []byte(strings.Repeat("2026년 1월 20일 오전, 베트남 공산당 제14차 전국대표대회가 하노이 국립컨벤션센터에서 개막했습니다. "+
	"정치국 위원이자 총리인 팜 민 찐 동지가 상임위원회를 대표하여 개회식을 주재했습니다. 당의 지도부는 APEC에서 경제 협력을 논의했다.\n", 20))

var englishBenchText = []byte(strings.Repeat("On the morning of January 20, 2026, the 14th National Congress of the Communist Party of Vietnam opened "+
	"at the National Convention Center in Hanoi. Prime Minister Pham Minh Chinh chaired the opening session on behalf of the Presidium.\n", 20))

// BenchmarkAnalyze compares the Korean analyzer with the previous one (cjk_bigram
// only, which leaves Hangul words whole) and times an unchanged language.
func BenchmarkAnalyze(b *testing.B) {
	cache := registry.NewCache()
	old := &analysis.DefaultAnalyzer{Tokenizer: Tokenizer{}}
	for _, name := range []string{DigitsName, "cjk_width", "to_lower", "cjk_bigram"} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			b.Fatal(err)
		}
		old.TokenFilters = append(old.TokenFilters, f)
	}
	ko, err := cache.AnalyzerNamed(AnalyzerName("ko"))
	if err != nil {
		b.Fatal(err)
	}
	en, err := cache.AnalyzerNamed(AnalyzerName("en"))
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		a    analysis.Analyzer
		text []byte
	}{{"ko-old", old, koreanBenchText}, {"ko", ko, koreanBenchText}, {"en", en, englishBenchText}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.a.Analyze(c.text)
			}
		})
	}
}

// TestKoreanIndexSize logs what the Hangul bigrams cost on the Korean dev
// articles: terms (postings with positions) and distinct terms (the dictionary),
// against the previous analyzer, which left Hangul words whole.
func TestKoreanIndexSize(t *testing.T) {
	cache := registry.NewCache()
	old := &analysis.DefaultAnalyzer{Tokenizer: Tokenizer{}}
	for _, name := range []string{DigitsName, "cjk_width", "to_lower", "cjk_bigram"} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		old.TokenFilters = append(old.TokenFilters, f)
	}
	ko, err := cache.AnalyzerNamed(AnalyzerName("ko"))
	if err != nil {
		t.Fatal(err)
	}
	type size struct{ tokens, postings int }
	count := func(a analysis.Analyzer) (size, int) {
		var s size
		dict := map[string]bool{}
		for _, f := range recallFiles(t) {
			if f.lang != "ko" {
				continue
			}
			a2, err := corpus.Read(f.path, 0)
			if err != nil {
				t.Fatal(err)
			}
			toks := a.Analyze([]byte(a2.Content()))
			s.tokens += len(toks)
			doc := map[string]bool{}
			for _, tk := range toks {
				doc[string(tk.Term)] = true
				dict[string(tk.Term)] = true
			}
			s.postings += len(doc)
		}
		return s, len(dict)
	}
	so, do := count(old)
	sn, dn := count(ko)
	t.Logf("ko positions %d → %d (×%.2f), postings %d → %d (×%.2f), distinct terms %d → %d (×%.2f)",
		so.tokens, sn.tokens, float64(sn.tokens)/float64(so.tokens), so.postings, sn.postings, float64(sn.postings)/float64(so.postings), do, dn, float64(dn)/float64(do))
}

// FuzzKoreanAnalyzer feeds any text to the Korean analyzer (Hangul filter and
// the tokenizer's word fixes): no panic, no empty term, offsets inside the
// input, positions increasing.
func FuzzKoreanAnalyzer(f *testing.F) {
	for _, s := range []string{"회의에서", "APEC에서 당의", "Vietnam.vn 회의", "з’їзді", "가\u0301나", "\xea\xb0", "한국語 ㄱㄴ 가."} {
		f.Add(s)
	}
	a, err := registry.NewCache().AnalyzerNamed(AnalyzerName("ko"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("text reaches the analyzers decoded and valid (bleve's tokenizer gives invalid bytes offsets past the end)")
		}
		last := 0
		for _, tok := range a.Analyze([]byte(s)) {
			if len(tok.Term) == 0 || tok.Start < 0 || tok.End > len(s) || tok.Start > tok.End || tok.Position <= last {
				t.Fatalf("%q: bad token %+v after position %d", s, tok, last)
			}
			last = tok.Position
		}
	})
}
