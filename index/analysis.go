package index

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	uaxtok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	// bleve's language analysis packages register their filters by name.
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/bg"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ca"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cs"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/da"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/el"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fa"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hu"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/id"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/it"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/no"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pt"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ro"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/sv"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/tr"
	_ "github.com/blevesearch/bleve/v2/analysis/token/apostrophe"

	"github.com/partynews/partynews/digits"
)

// languageFilters lists, per language, the bleve token filters that follow our
// tokenizer and digit folding. Languages not listed get lower-casing only; the
// analyzer of each is registered as "pn_<lang>" and used at index and query time.
var languageFilters = map[string][]string{
	"ar": {LowerName, "normalize_ar", "stop_ar", "stemmer_ar"},
	"bg": {LowerName, "stop_bg"},
	"ca": {"elision_ca", LowerName, "stop_ca"},
	"cs": {LowerName, "stop_cs"},
	"da": {LowerName, "stop_da", "stemmer_da_snowball"},
	"de": {LowerName, "stop_de", "normalize_de", "stemmer_de_light"},
	"el": {LowerName, "stop_el"},
	"en": {"possessive_en", LowerName, "stop_en", "stemmer_en_snowball"},
	"es": {LowerName, "normalize_es", "stop_es", "stemmer_es_light"},
	"fa": {"normalize_ar", "normalize_fa", LowerName, "stop_fa"},
	"fi": {LowerName, "stop_fi", "stemmer_fi_snowball"},
	"fr": {"elision_fr", LowerName, "stop_fr", "stemmer_fr_light"},
	"hi": {LowerName, NormalizeIndicName, NormalizeHindiName, "stop_hi", StemHindiName},
	"hr": {LowerName, StopCroatianName, SuffixCroatianName, StemCroatianName},
	"hu": {LowerName, "stop_hu", "stemmer_hu_snowball"},
	"id": {LowerName, "stop_id"},
	"it": {"elision_it", LowerName, "stop_it", "stemmer_it_light"},
	"ja": {"cjk_width", LowerName, "cjk_bigram"},
	"ko": {"cjk_width", LowerName, "cjk_bigram", HangulName},
	"nl": {LowerName, "stop_nl", "stemmer_nl_snowball"},
	"no": {LowerName, "stop_no", "stemmer_no_snowball"},
	"pl": {LowerName, "stop_pl"}, // stempel, bleve's Polish stemmer, takes 90 ms to load at every start
	"pt": {LowerName, "stop_pt", "stemmer_pt_light"},
	"ro": {LowerName, "stop_ro", "stemmer_ro_snowball"},
	"ru": {LowerName, "stop_ru", "stemmer_ru_snowball"},
	"sv": {LowerName, "stop_sv", "stemmer_sv_snowball"},
	"tr": {"apostrophe", LowerName, "stop_tr", "stemmer_tr_snowball"},
	"ur": {LowerName, UrduFoldName, UrduStemName},
	"zh": {"cjk_width", LowerName, "cjk_bigram"},
}

// Languages are the languages with a field of their own in the index. An article in
// any other language goes to the "und" fields, analysed by the generic analyzer.
var Languages = []string{
	"ar", "bg", "bn", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
	"he", "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "km", "ko", "lo", "lt", "lv",
	"mn", "ms", "my", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "sw",
	"ta", "th", "tl", "tr", "uk", "ur", "vi", "zh", "kk", "az", "mk", "be", "si", "ne",
	"pa", "gu", "te", "kn", "ml", "mr", "am", "sq", "so", "und",
}

var knownLang = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range Languages {
		m[l] = true
	}
	return m
}()

// fieldLang returns the language whose fields hold an article in lang.
func fieldLang(lang string) string {
	if knownLang[lang] {
		return lang
	}
	return "und"
}

// AnalyzerName is the registered name of the analyzer for lang's fields.
func AnalyzerName(lang string) string { return "pn_" + fieldLang(lang) }

// Names of partynews's own analysis components.
const (
	TokenizerName = "pn_tokenizer"
	DigitsName    = "pn_digits"
	UrduFoldName  = "pn_urdu_fold"
	UrduStemName  = "pn_urdu_stem"
)

func init() {
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return Tokenizer{}, nil
	}))
	must(registry.RegisterTokenFilter(DigitsName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return digitsFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(HangulName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return HangulFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(UrduFoldName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return mapFilter(FoldArabicLetters), nil
	}))
	must(registry.RegisterTokenFilter(UrduStemName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return mapFilter(StemUrdu), nil
	}))
	for _, lang := range Languages {
		filters := append([]string{DigitsName}, languageFilters[lang]...)
		if len(filters) == 1 {
			filters = append(filters, LowerName)
		}
		must(registry.RegisterAnalyzer("pn_"+lang, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
			tok, err := cache.TokenizerNamed(TokenizerName)
			if err != nil {
				return nil, err
			}
			a := &analysis.DefaultAnalyzer{Tokenizer: tok}
			for _, name := range filters {
				f, err := cache.TokenFilterNamed(name)
				if err != nil {
					return nil, fmt.Errorf("analyzer pn_%s: %w", lang, err)
				}
				a.TokenFilters = append(a.TokenFilters, f)
			}
			return a, nil
		}))
	}
}

func must(err error) {
	if err != nil {
		panic(err) // a duplicate registration is a programming error found by any test
	}
}

// mapFilter applies a function to every token's term.
type mapFilter func(string) string

func (f mapFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		s := string(t.Term)
		if n := f(s); n != s {
			t.Term = []byte(n)
		}
	}
	return in
}

// digitsFilter rewrites every script's digits as ASCII (digits.Fold),
// without copying the terms that hold none: nearly all of them.
type digitsFilter struct{}

func (digitsFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if digits.HasForeign(t.Term) {
			t.Term = []byte(digits.Fold(string(t.Term)))
		}
	}
	return in
}

// Tokenizer is bleve's Unicode (UAX #29) tokenizer, plus overlapping bigrams of
// letter clusters for the scripts written without spaces that UAX #29 drops
// (Thai, Lao, Khmer, Myanmar). A cluster is a letter with its combining marks.
// Its words are those of bleve's tokenizer, found by uaxTokenize (uax.go).
type Tokenizer struct{}

// uaxTokenizer is bleve's, for the input uaxTokenize leaves to it and for tests.
var uaxTokenizer = uaxtok.NewUnicodeTokenizer()

// Tokenize implements analysis.Tokenizer.
func (Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	return tokenizeFrom(input, uaxTokenize(input))
}

// tokenizeFrom completes base, the UAX #29 tokens of input.
func tokenizeFrom(input []byte, base analysis.TokenStream) analysis.TokenStream {
	base, split := fixWords(base)
	sea := seaBigrams(input)
	if len(sea) == 0 {
		if split {
			for k, t := range base {
				t.Position = k + 1
			}
		}
		return base
	}
	out := make(analysis.TokenStream, 0, len(base)+len(sea))
	i, j := 0, 0
	for i < len(base) || j < len(sea) {
		if j == len(sea) || i < len(base) && base[i].Start < sea[j].Start {
			out = append(out, base[i])
			i++
		} else {
			out = append(out, sea[j])
			j++
		}
	}
	for k, t := range out {
		t.Position = k + 1
	}
	return out
}

// fixWords cuts the words UAX #29 joins with a full stop (Vietnam.vn,
// www.youtube.com, U.S) into their parts, so that Vietnam finds Vietnam.vn (and
// the query Vietnam.vn, cut the same way, is a phrase of its parts); and it writes
// the typographic apostrophes and the Hebrew geresh and gershayim, which UAX #29
// keeps inside words, as the ASCII ' and " a keyboard types: з’їзді as з'їзді,
// מזכ״ל as מזכ"ל. It reports whether it cut a word (positions must be renumbered).
// Terms are copied only when changed; a term with neither costs one byte scan.
func fixWords(in analysis.TokenStream) (analysis.TokenStream, bool) {
	var out analysis.TokenStream // nil until a word is cut
	for i, t := range in {
		dot, quote := scanWord(t.Term)
		if quote {
			t.Term = foldQuotes(t.Term)
		}
		if !dot || t.Type != analysis.AlphaNumeric {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		parts := dottedParts(t)
		if len(parts) == 1 {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, 0, len(in)+len(parts))
			out = append(out, in[:i]...)
		}
		out = append(out, parts...)
	}
	if out == nil {
		return in, false
	}
	return out, true
}

// scanWord reports whether term holds a full stop, and a quote fixWords folds.
func scanWord(term []byte) (dot, quote bool) {
	for i := 0; i < len(term); i++ {
		switch term[i] {
		case '.':
			dot = true
		case 0xE2: // ‘ ’ are E2 80 98, E2 80 99
			quote = quote || i+2 < len(term) && term[i+1] == 0x80 && (term[i+2] == 0x98 || term[i+2] == 0x99)
		case 0xCA: // ʼ is CA BC
			quote = quote || i+1 < len(term) && term[i+1] == 0xBC
		case 0xD7: // ׳ ״ are D7 B3, D7 B4
			quote = quote || i+1 < len(term) && (term[i+1] == 0xB3 || term[i+1] == 0xB4)
		}
	}
	return dot, quote
}

var quoteFolder = strings.NewReplacer("‘", "'", "’", "'", "ʼ", "'", "׳", "'", "״", `"`)

func foldQuotes(term []byte) []byte { return []byte(quoteFolder.Replace(string(term))) }

// dottedParts cuts a token at each full stop that stands between two letters;
// a token with none is returned alone.
func dottedParts(t *analysis.Token) analysis.TokenStream {
	term := t.Term
	offsets := t.End-t.Start == len(term)
	var parts analysis.TokenStream
	start := 0
	for i := 0; i < len(term); i++ {
		if term[i] != '.' || i == 0 || i+1 >= len(term) {
			continue
		}
		before, _ := utf8.DecodeLastRune(term[:i])
		after, _ := utf8.DecodeRune(term[i+1:])
		if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
			continue
		}
		parts = append(parts, part(t, term[start:i], start, offsets))
		start = i + 1
	}
	if parts == nil {
		return analysis.TokenStream{t}
	}
	return append(parts, part(t, term[start:], start, offsets))
}

func part(t *analysis.Token, term []byte, off int, offsets bool) *analysis.Token {
	p := &analysis.Token{Term: term, Start: t.Start, End: t.End, Type: t.Type, KeyWord: t.KeyWord}
	if offsets {
		p.Start, p.End = t.Start+off, t.Start+off+len(term)
	}
	return p
}

// hasSEA reports whether input holds a Thai, Lao, Khmer or Myanmar letter, by
// the UTF-8 bytes of those blocks, without decoding the text.
func hasSEA(input []byte) bool {
	for i := 0; i+1 < len(input); i++ {
		switch c, n := input[i], input[i+1]; {
		case c == 0xE0 && n >= 0xB8 && n <= 0xBB: // U+0E00–U+0EFF
			return true
		case c == 0xE1 && (n >= 0x80 && n <= 0x82 || n == 0x9E || n == 0x9F || n == 0xA7): // U+1000–U+109F, U+1780–U+17FF, U+19C0–U+19FF
			return true
		}
	}
	return false
}

func isSEA(r rune) bool {
	return r >= 0x0E00 && r <= 0x0EFF || r >= 0x1000 && r <= 0x109F || r >= 0x1780 && r <= 0x17FF || r >= 0x19E0 && r <= 0x19FF
}

// seaBigrams returns bigram tokens for runs of Thai, Lao, Khmer and Myanmar
// letters (a run of one cluster is a token of its own).
func seaBigrams(input []byte) analysis.TokenStream {
	if !hasSEA(input) {
		return nil
	}
	var out analysis.TokenStream
	var clusters []int // start offsets of the clusters of the current run, then its end
	flush := func(end int) {
		if len(clusters) == 0 {
			return
		}
		clusters = append(clusters, end)
		n := len(clusters) - 1
		if n == 1 {
			out = append(out, &analysis.Token{Start: clusters[0], End: end, Term: append([]byte(nil), input[clusters[0]:end]...), Type: analysis.Ideographic})
		}
		for k := 0; k+2 <= n; k++ {
			s, e := clusters[k], clusters[k+2]
			out = append(out, &analysis.Token{Start: s, End: e, Term: append([]byte(nil), input[s:e]...), Type: analysis.Ideographic})
		}
		clusters = clusters[:0]
	}
	for i := 0; i < len(input); {
		r, size := utf8.DecodeRune(input[i:])
		switch {
		case isSEA(r) && (unicode.IsLetter(r) || unicode.IsMark(r)):
			if len(clusters) == 0 || !unicode.IsMark(r) {
				clusters = append(clusters, i)
			}
		default:
			flush(i)
		}
		i += size
	}
	flush(len(input))
	return out
}

// FoldArabicLetters folds the Arabic-script letter variants that Arabic, Persian and
// Urdu keyboards type differently: ي ى → ی, ك → ک, ه ة ۀ ۂ ھ → ہ, أ إ آ ٱ → ا,
// ؤ → و; it drops short vowels (harakat), the superscript alef and tatweel.
func FoldArabicLetters(s string) string {
	var b strings.Builder
	changed := false
	for _, r := range s {
		n := r
		switch r {
		case 'ي', 'ى', 'ې', 'ۍ':
			n = 'ی'
		case 'ك', 'ڪ':
			n = 'ک'
		case 'ه', 'ة', 'ۀ', 'ۂ', 'ھ', 'ە':
			n = 'ہ'
		case 'أ', 'إ', 'آ', 'ٱ':
			n = 'ا'
		case 'ؤ':
			n = 'و'
		case 'ـ', 'ٰ':
			n = -1
		default:
			if r >= 0x064B && r <= 0x065F {
				n = -1
			}
		}
		if n != r {
			changed = true
		}
		if n >= 0 {
			b.WriteRune(n)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}

// urduSuffixes are the plural and oblique endings StemUrdu removes, longest first.
var urduSuffixes = []string{"یوں", "وں", "یں", "اں", "ات"}

// StemUrdu strips one plural or oblique ending (کانفرنسوں → کانفرنس) from a folded
// term, when at least three letters remain.
func StemUrdu(s string) string {
	for _, suf := range urduSuffixes {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s)-utf8.RuneCountInString(suf) >= 3 {
			stem := strings.TrimSuffix(s, suf)
			if suf == "یوں" {
				stem += "ی"
			}
			return stem
		}
	}
	return s
}
