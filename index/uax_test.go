package index

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// uaxDiff describes the first difference between uaxTokenize's tokens for input
// and bleve's unicode tokenizer's, or returns "".
func uaxDiff(input []byte) string {
	return tokensDiff(uaxTokenizer.Tokenize(input), uaxTokenize(input))
}

func tokensDiff(want, got analysis.TokenStream) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		if i >= len(want) {
			return fmt.Sprintf("token %d: extra %s", i, tokenString(got[i]))
		}
		if i >= len(got) {
			return fmt.Sprintf("token %d: missing %s", i, tokenString(want[i]))
		}
		if w, g := tokenString(want[i]), tokenString(got[i]); w != g {
			return fmt.Sprintf("token %d: got %s, want %s", i, g, w)
		}
	}
	return ""
}

func tokenString(t *analysis.Token) string {
	return fmt.Sprintf("%q [%d:%d] pos %d type %d kw %v", t.Term, t.Start, t.End, t.Position, t.Type, t.KeyWord)
}

// uaxCases are texts of our own in the scripts and with the characters UAX #29
// treats apart.
var uaxCases = []string{
	"",
	" ",
	"The U.S. economy grew 2.5% in Q3; it's the CEO's view, isn't it? e.g. www.youtube.com Vietnam.vn",
	"rock'n'roll l'État d’Italia aujourd’hui O'Neill ma'am 'quoted' \"double\" don't'",
	"snake_case __init__ _x_ a__b 1_000 ＿wide＿ ‿tie⁀ ８０_８０",
	"1,234.56 3.14 1.2.3 10,000,000 1,2,3 1;2 1:2 1'000 ١٢٣٫٤٥ ١٬٢٣٤ ۱۲۳ १२३.४५ ๑๒๓ 2026-01-20 +84 (24) 3843-1234",
	"a1b2 1a 12abc abc12 a.1 1.a a:b a;b a,b ab. .ab a..b 1..2 a'b' 'a'b",
	"שלום עולם צה\"ל מזכ״ל ג׳ורג׳ ב'ז צ'יפס ת\"א ש\"\"ש א'ב'ג' \"שלום\" 'ש' ש' א\"",
	"القاهرة، مصر — رئيس الوزراء ١٤ يناير ٢٠٢٦؛ كتاب ـــ بِسْمِ اللَّهِ الرَّحْمٰنِ",
	"کانفرنس، وزیراعظم نے ۲۰۲۶ میں کہا۔ ماخذ: https://example.com/a_b?c=1&d=2",
	"हिन्दी में सम्मेलनों का आयोजन किया गया। क़ानून ज़िंदगी १८-एनक्यू/टीडब्ल्यू ॐ",
	"বাংলা ভাষা ১২৩ ਪੰਜਾਬੀ ગુજરાતી தமிழ் తెలుగు ಕನ್ನಡ മലയാളം සිංහල",
	"ภาษาไทยไม่มีการเว้นวรรค ๒๕๖๙ ພາສາລາວ ភាសាខ្មែរ မြန်မာဘာသာ",
	"中华人民共和国 2026年1月20日 越南共产党第十四次全国代表大会 々 〇 〻 㐀 𠀀 ⺀ 丶",
	"日本語のテキスト、カタカナ・ひらがな ｶﾀｶﾅ ー ゝゞ ヽヾ ㋐ ㍿ カタ_カナ カ1 1カ カa aカ",
	"대한민국 2026년 서울특별시 한글ᄀᄁ ㄱㄴ ﾡﾢ 〮〯 각〮 〮각 ㈀ ㉠",
	"Ελληνικά Русский язык Українська з’їзді Հայերեն ქართული Türkçe İstanbul ǅemal",
	"emoji 👍🏽 👨‍👩‍👧‍👦 ❤️ 🇻🇳🇺🇸 🇦 x🇻🇳y ©® ™ ☃ 🙂🙂",
	"ZWJ a\u200db a\u200cb a\u00adb a\u2060b \u200d\u200d a\ufe0f 1\u200d2 \u0301a a\u0301\u0301 \u0301",
	"control \x00\x01\t\r\n\r\r\n\n\v\f \u0085 \u2028 \u2029 a\rb a\r\nb \x7f\u200b",
	"fullwidth ＡＢＣ１２３ ａｂｃ．ｄｅｆ ｘ：ｙ",
	"mixed ש1 1ש שa aש a'ש' ש'a ש\"a 1'ש",
	"€\u0301 €\u302e각 ·a a·b a·\u0301b \u0300\u302e각",
	"\ufeffBOM \ufffd replacement a\ufffdb",
	"invalid \xff\xfe a\xffb 中\xff 한\xff カ\xff ひ\xff \xe4\xb8 \xcdAb a\xcd\x00b \xeb  x \xed\xa0\x80 \xc0\xaf",
	"\xff",
	"a\xff",
	"中文\xff\xff中文",
}

func TestUAXMatchesBleve(t *testing.T) {
	for _, c := range uaxCases {
		if d := uaxDiff([]byte(c)); d != "" {
			t.Errorf("%q: %s", c, d)
		}
	}
}

// TestUAXTokenizerMatchesBleve compares the whole Tokenizer, built on both.
func TestUAXTokenizerMatchesBleve(t *testing.T) {
	for _, c := range uaxCases {
		in := []byte(c)
		if d := tokensDiff(tokenizeFrom(in, uaxTokenizer.Tokenize(in)), Tokenizer{}.Tokenize(in)); d != "" {
			t.Errorf("%q: %s", c, d)
		}
	}
}

// TestUAXCorpus compares the tokens of every article of ../shared/corpus.
func TestUAXCorpus(t *testing.T) {
	files := recallFilesOrNone()
	if len(files) == 0 {
		t.Skip("../shared/corpus absent")
	}
	tokens := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d := uaxDiff(b); d != "" {
			t.Errorf("%s: %s", f, d)
		}
		if d := tokensDiff(tokenizeFrom(b, uaxTokenizer.Tokenize(b)), Tokenizer{}.Tokenize(b)); d != "" {
			t.Errorf("%s: Tokenizer: %s", f, d)
		}
		tokens += len(uaxTokenize(b))
	}
	t.Logf("%d articles, %d tokens", len(files), tokens)
}

// uaxSamples returns a few runes of every class of uax_tables.go: the first,
// the last and one in the middle.
func uaxSamples() [][]rune {
	var byClass [uaxClasses][]rune
	for r := rune(0); r < utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := uaxClass[int(uaxBlock[r>>uaxShift])<<uaxShift+int(r&(1<<uaxShift-1))]
		byClass[c] = append(byClass[c], r)
	}
	out := make([][]rune, 0, uaxClasses)
	for _, rs := range byClass {
		if len(rs) > 0 {
			out = append(out, []rune{rs[0], rs[len(rs)/2], rs[len(rs)-1]})
		}
	}
	return out
}

// TestUAXSequences compares the tokens of every sequence of up to 4 runes (3
// with -short) taken from the classes, and of random longer ones.
func TestUAXSequences(t *testing.T) {
	samples := uaxSamples()
	if len(samples) != uaxClasses {
		t.Fatalf("%d classes have runes, want %d", len(samples), uaxClasses)
	}
	maxLen := 4
	if testing.Short() {
		maxLen = 3
	}
	var buf []byte
	seq := make([]int, 0, maxLen)
	var walk func(variant int)
	walk = func(variant int) {
		if len(seq) > 0 {
			buf = buf[:0]
			for k, c := range seq {
				buf = utf8.AppendRune(buf, samples[c][(variant+k)%3])
			}
			if d := uaxDiff(buf); d != "" {
				t.Fatalf("%q: %s", buf, d)
			}
		}
		if len(seq) == maxLen {
			return
		}
		for c := range samples {
			seq = append(seq, c)
			walk(variant)
			seq = seq[:len(seq)-1]
		}
	}
	walk(0)
	rng := rand.New(rand.NewSource(1))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	for i := 0; i < n; i++ {
		buf = buf[:0]
		for k := 4 + rng.Intn(12); k > 0; k-- {
			buf = utf8.AppendRune(buf, samples[rng.Intn(len(samples))][rng.Intn(3)])
		}
		if d := uaxDiff(buf); d != "" {
			t.Fatalf("%q: %s", buf, d)
		}
	}
}

// TestUAXEveryRune compares the tokens of every rune of the planes Unicode 8
// assigns (0, 1, 2, 14; one rune in 61 elsewhere) beside letters, digits,
// Hebrew, kana, Hangul, marks and itself.
func TestUAXEveryRune(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	var buf []byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || r>>16 > 2 && r>>16 != 14 && r%61 != 0 {
			continue
		}
		x := string(r)
		buf = append(buf, "\na"+x+"1"+x+"ש"+x+"カ"+x+"_"+x+x+"\u0301각"+x+"'"...)
		if len(buf) > 1<<16 || r == utf8.MaxRune {
			if d := uaxDiff(buf); d != "" {
				t.Fatalf("around %U: %s", r, d)
			}
			buf = buf[:0]
		}
	}
}

func FuzzTokenizerMatchesUAX(f *testing.F) {
	for _, c := range uaxCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if d := uaxDiff(in); d != "" {
			t.Fatalf("%q: %s", in, d)
		}
		// Most fuzzed inputs are not UTF-8, which goes to bleve's tokenizer:
		// compare the valid text they hold too.
		valid := bytes.ToValidUTF8(in, nil)
		if d := uaxDiff(valid); d != "" {
			t.Fatalf("%q: %s", valid, d)
		}
		if d := tokensDiff(tokenizeFrom(valid, uaxTokenizer.Tokenize(valid)), Tokenizer{}.Tokenize(valid)); d != "" {
			t.Fatalf("%q: Tokenizer: %s", valid, d)
		}
	})
}

// TestUAXTablesGenerated checks that uax_tables.go is what uaxgen.go writes
// from the segment module of go.mod.
func TestUAXTablesGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", segmentModulePath).Output()
	if err != nil || len(bytes.TrimSpace(dir)) == 0 {
		t.Skipf("%s not in the module cache: %v", segmentModulePath, err)
	}
	if _, err := os.Stat(filepath.Join(string(bytes.TrimSpace(dir)), "segment_words.rl")); err != nil {
		t.Skipf("%s: %v", segmentModulePath, err)
	}
	tmp := filepath.Join(t.TempDir(), "uax_tables.go")
	if out, err := exec.Command("go", "run", "uaxgen.go", "-o", tmp).CombinedOutput(); err != nil {
		t.Fatalf("go run uaxgen.go: %v\n%s", err, out)
	}
	got, err := os.ReadFile(tmp)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("uax_tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("uax_tables.go differs from what uaxgen.go writes: run go generate ./index")
	}
}

const segmentModulePath = "github.com/blevesearch/segment"
