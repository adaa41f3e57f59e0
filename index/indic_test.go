package index

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	bleveindic "github.com/blevesearch/bleve/v2/analysis/lang/in"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

func indicFilter(t testing.TB) *indicNormalizer {
	t.Helper()
	n, err := loadIndic()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// bleveIndic runs bleve's normalize_in over one term.
func bleveIndic(term []byte) []byte {
	ts := analysis.TokenStream{&analysis.Token{Term: append([]byte(nil), term...)}}
	return bleveindic.NewIndicNormalizeFilter().Filter(ts)[0].Term
}

func TestIndicComposeTable(t *testing.T) {
	n := indicFilter(t)
	rules := 0
	for _, line := range strings.Split(indicComposeText, "\n") {
		if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
			rules++
		}
	}
	if rules != 72 { // bleve v2.6.1's decompositions
		t.Errorf("%d rules in indic_compose.txt, want 72", rules)
	}
	for _, tc := range []struct{ in, want string }{
		{"अाॅअाॅ", "ऑऑ"}, // bleve's own test cases
		{"अाॆअाॆ", "ऒऒ"},
		{"अाेअाे", "ओओ"},
		{"अाैअाै", "औऔ"},
		{"अाअा", "आआ"},
		{"अाैर", "और"},
		{"ত্\u200D", "ৎ"},        // bengali khanda ta
		{"ण्\u200D", "ण्\u200D"}, // chillu rules are Malayalam only
		{"ണ്\u200D", "ൺ"},
		{"ज\u093Cमीन", "\u095Bमीन"}, // ज + nukta → U+095B
		{"क\u093Cानून", "\u0958ानून"},
		{"अं", "अं"}, // nothing to compose: the same bytes
		{"राष्ट्रपति", "राष्ट्रपति"},
		{"party", "party"},
		{"", ""},
		{"\xe0\xa4", "\uFFFD\uFFFD"}, // cut UTF-8, as bleve reads it
		{"अ\xffा", "अ\uFFFDा"},
	} {
		if got := string(n.normalize([]byte(tc.in))); got != tc.want {
			t.Errorf("normalize(%+q) = %+q, want %+q", tc.in, got, tc.want)
		}
		if got := string(bleveIndic([]byte(tc.in))); got != tc.want {
			t.Errorf("bleve's normalize_in(%+q) = %+q, want %+q (the table's expectation is wrong)", tc.in, got, tc.want)
		}
	}
	if _, err := parseIndicRules("05 3E - 06 klingon\n"); err == nil {
		t.Error("an unknown script parses")
	}
	if _, err := parseIndicRules("05 3E 06\n"); err == nil {
		t.Error("a short line parses")
	}
	if _, err := parseIndicRules("05 3E - 100 devanagari\n"); err == nil {
		t.Error("an offset past the block parses")
	}
}

// TestIndicScriptTable checks the per-code-point script table against unicode.Is.
func TestIndicScriptTable(t *testing.T) {
	n := indicFilter(t)
	for r := rune(indicLo); r <= indicHi; r++ {
		want := 0
		for s, sc := range indicScripts {
			if unicode.Is(sc.table, r) {
				want = s + 1
			}
		}
		if got := n.scriptOf(r); got != want {
			t.Errorf("script of U+%04X = %d, want %d", r, got, want)
		}
	}
	if n.scriptOf(0x0964) != 0 {
		t.Error("the danda U+0964 is Common, not Devanagari")
	}
}

// TestIndicOutsideBlocks checks what lets the filter skip the script of a code
// point outside U+0900–U+0D7F: none lies at an offset from its script's block
// where a rule could use it (0–7F, or FF, the offset that stands for ZWJ).
func TestIndicOutsideBlocks(t *testing.T) {
	for s, sc := range indicScripts {
		base := indicBase(s)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if r >= indicLo && r <= indicHi || !unicode.Is(sc.table, r) {
				continue
			}
			if off := r - base; off >= -1 && off < 0x80 || off == 0xFF {
				t.Errorf("U+%04X (%s) at offset %X of its block", r, sc.name, off)
			}
		}
	}
}

// indicProbe is every code point of a block, the ZWJ and letters of other
// scripts and blocks that may follow an Indic letter.
func indicProbe(s int) []rune {
	var rs []rune
	for off := rune(0); off < 0x80; off++ {
		rs = append(rs, indicBase(s)+off)
	}
	other := indicBase((s+1)%len(indicScripts)) + 0x3E // a vowel sign of the next block
	return append(rs, zwj, 0x200C, other, 0x0964, 'a', 'Z', 0xA8E0, 0x1CD0, 0x11B00, 0xFFFD)
}

// TestIndicMatchesBleve compares the filter with bleve's normalize_in on every
// two-letter sequence of each Indic block, and every three-letter one whose first
// letter starts a rule (in any script) and whose second continues one (with
// PN_INDIC_FULL=1 in the environment: whose second is any letter, 11 million
// sequences, 30 s). A second letter that continues no rule leaves the first as it
// is, and what follows is a sequence the shorter ones cover.
func TestIndicMatchesBleve(t *testing.T) {
	n := indicFilter(t)
	firstOff, secondOff := map[rune]bool{}, map[rune]bool{}
	for _, rules := range n.first {
		for _, r := range rules {
			secondOff[r.second] = true
		}
	}
	for _, line := range strings.Split(indicComposeText, "\n") {
		var a rune
		if _, err := fmt.Sscanf(line, "%X", &a); err == nil {
			firstOff[a] = true
		}
	}
	compare := func(rs ...rune) {
		in := []byte(string(rs))
		got, want := n.normalize(in), bleveIndic(in)
		if !bytes.Equal(got, want) {
			t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
		}
	}
	cases := 0
	for s := range indicScripts {
		probe := indicProbe(s)
		for _, a := range probe {
			compare(a)
			for _, b := range probe {
				compare(a, b)
				cases++
				if off := a - indicBase(s); off < 0 || off >= 0x80 || !firstOff[off] {
					continue
				}
				if off := b - indicBase(s); os.Getenv("PN_INDIC_FULL") == "" && (off < 0 || off >= 0x80 || !secondOff[off]) {
					continue
				}
				for _, c := range probe {
					compare(a, b, c)
					compare(a, b, c, b) // and what follows a composed letter
					cases += 2
				}
			}
		}
	}
	t.Logf("%d sequences equal", cases)
}

func FuzzIndicNormalize(f *testing.F) {
	for _, s := range []string{"अाॅअाॅ", "ज़मीन", "ണ്\u200Dക", "ত্\u200D", "ਅਾ", "ಒೌ", "ొౕ", "अ\xffा", "संयुक्त राष्ट्र"} {
		f.Add([]byte(s))
	}
	n := indicFilter(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		orig := append([]byte(nil), in...)
		got, want := n.normalize(in), bleveIndic(in)
		if !bytes.Equal(got, want) {
			t.Fatalf("%+q: got %+q, bleve %+q", in, got, want)
		}
		if !bytes.Equal(in, orig) {
			t.Fatalf("%+q: the input term was changed in place", orig)
		}
	})
}

// oldHindiAnalyzer is the "hi" analyzer as it was, with bleve's normalize_in.
func oldHindiAnalyzer(t testing.TB) analysis.Analyzer {
	cache := registry.NewCache()
	get := func(name string) analysis.TokenFilter {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	a := &analysis.DefaultAnalyzer{Tokenizer: Tokenizer{}, TokenFilters: []analysis.TokenFilter{
		digitsFilter{}, get(lowercase.Name), bleveindic.NewIndicNormalizeFilter(),
		get("normalize_hi"), get("stop_hi"), get("stemmer_hi"),
	}}
	return a
}

func newHindiAnalyzer(t testing.TB) analysis.Analyzer {
	a, err := registry.NewCache().AnalyzerNamed(AnalyzerName("hi"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func sameTokens(a, b analysis.TokenStream) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d tokens, want %d", len(a), len(b))
	}
	for i := range a {
		x, y := a[i], b[i]
		if !bytes.Equal(x.Term, y.Term) || x.Start != y.Start || x.End != y.End || x.Position != y.Position || x.Type != y.Type || x.KeyWord != y.KeyWord {
			return fmt.Errorf("token %d: %+q %d–%d @%d, want %+q %d–%d @%d", i, x.Term, x.Start, x.End, x.Position, y.Term, y.Start, y.End, y.Position)
		}
	}
	return nil
}

// TestHindiAnalyzerUnchanged runs every article of ../shared/corpus (all
// languages: Devanagari, Bengali, Tamil, … and every other script) through the
// Hindi analyzer as it was and as it is, and the filter alone over their tokens.
func TestHindiAnalyzerUnchanged(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/corpus absent")
	}
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	oldA, newA := oldHindiAnalyzer(t), newHindiAnalyzer(t)
	n := indicFilter(t)
	tokens := 0
	for _, p := range files {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, want := newA.Analyze(text), oldA.Analyze(text)
		if err := sameTokens(got, want); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		for _, tok := range (Tokenizer{}).Tokenize(text) {
			if g, w := n.normalize(tok.Term), bleveIndic(tok.Term); !bytes.Equal(g, w) {
				t.Errorf("%s: %+q → %+q, bleve %+q", p, tok.Term, g, w)
			}
			tokens++
		}
	}
	t.Logf("%d files, %d tokens", len(files), tokens)
}

// benchHindi is Hindi of our own, with the nukta typed apart as much web text does.
var benchHindi = []byte(strings.Repeat("प्रधानमंत्री ने आज राष्ट्रीय सभा के सत्र में कहा कि पार्टी और राज्य का लक्ष्य "+
	"ज़मीन के क़ानून को बेहतर बनाना है। उन्होंने 2025 में आर्थिक विकास की दर सात प्रतिशत से अधिक रखने पर ज़ोर दिया "+
	"और सभी मंत्रालयों से सुधार कार्यक्रम को तेज़ी से लागू करने का आग्रह किया। ", 20))

func benchTokens(b *testing.B) analysis.TokenStream {
	ts := (Tokenizer{}).Tokenize(benchHindi)
	for _, t := range ts {
		t.Term = bytes.ToLower(t.Term)
	}
	return ts
}

func BenchmarkIndicNormalize(b *testing.B) {
	benchFilterPair(b, bleveindic.NewIndicNormalizeFilter(), indicFilter(b))
}

// benchFilterPair runs bleve's filter and ours over the same Hindi tokens,
// each pass from the tokenizer's terms.
func benchFilterPair(b *testing.B, bleve, ours analysis.TokenFilter) {
	ts := benchTokens(b)
	terms := make([][]byte, len(ts))
	for i, t := range ts {
		terms[i] = t.Term
	}
	run := func(b *testing.B, f analysis.TokenFilter) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchHindi)))
		for b.Loop() {
			for i, t := range ts {
				t.Term = terms[i]
			}
			f.Filter(ts)
		}
	}
	b.Run("bleve", func(b *testing.B) { run(b, bleve) })
	b.Run("ours", func(b *testing.B) { run(b, ours) })
}

func BenchmarkHindiAnalyzer(b *testing.B) {
	run := func(b *testing.B, a analysis.Analyzer) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchHindi)))
		for b.Loop() {
			a.Analyze(benchHindi)
		}
	}
	b.Run("old", func(b *testing.B) { run(b, oldHindiAnalyzer(b)) })
	b.Run("new", func(b *testing.B) { run(b, newHindiAnalyzer(b)) })
}

// BenchmarkHindiCorpus analyses the Hindi articles of ../shared/corpus.
func BenchmarkHindiCorpus(b *testing.B) {
	var texts [][]byte
	size := 0
	for _, p := range recallFilesOrNone() {
		if strings.Contains(filepath.ToSlash(p), "/hi/") || strings.HasPrefix(filepath.Base(p), "hi_") {
			if t, err := os.ReadFile(p); err == nil {
				texts = append(texts, t)
				size += len(t)
			}
		}
	}
	if len(texts) == 0 {
		b.Skip("no Hindi articles in ../shared/corpus")
	}
	a := newHindiAnalyzer(b)
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			a.Analyze(t)
		}
	}
}
