package index

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/partynews/partynews/corpus"
)

// This file measures search recall on content words with the analyzers alone:
// for every real article of ../shared/corpus (dev, dev-flat, dev-more), each
// content word a reader could type is analysed as a query is (the analyzer of the
// article's language), and must be found in the article's lead or body terms the
// way the search finds it: one term anywhere, several terms at consecutive
// positions (a phrase). It depends only on the analyzers of analysis.go.

// recallAnalyzer returns the registered analyzer of lang's fields.
func recallAnalyzer(t testing.TB, cache *registry.Cache, lang string) analysis.Analyzer {
	a, err := cache.AnalyzerNamed(AnalyzerName(lang))
	if err != nil {
		t.Fatalf("analyzer %s: %v", lang, err)
	}
	return a
}

// termPositions indexes one field's token stream: term → positions.
type termPositions map[string][]int

func termsOf(ts analysis.TokenStream) termPositions {
	m := termPositions{}
	for _, t := range ts {
		m[string(t.Term)] = append(m[string(t.Term)], t.Position)
	}
	return m
}

// finds reports whether the query terms occur as the search looks for them.
func (f termPositions) finds(q []string) bool {
	if len(q) == 1 {
		return len(f[q[0]]) > 0
	}
	for _, p := range f[q[0]] {
		ok := true
		for i := 1; i < len(q) && ok; i++ {
			ok = false
			for _, p2 := range f[q[i]] {
				if p2 == p+i {
					ok = true
					break
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// recallFile is one article of the dev corpora with its language.
type recallFile struct{ path, lang string }

func recallFiles(t testing.TB) []recallFile {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/corpus absent")
	}
	var out []recallFile
	nested, _ := filepath.Glob(filepath.Join(root, "dev", "*", "*.txt"))
	for _, p := range nested {
		out = append(out, recallFile{p, filepath.Base(filepath.Dir(p))})
	}
	for _, d := range []string{"dev-flat", "dev-more"} {
		flat, _ := filepath.Glob(filepath.Join(root, d, "*.txt"))
		for _, p := range flat {
			lang, _, ok := strings.Cut(filepath.Base(p), "_")
			if ok {
				out = append(out, recallFile{p, lang})
			}
		}
	}
	return out
}

// contentWords returns the distinct words of text a reader could search for in
// lang: runs of letters in spaced scripts (three letters or more), Hangul words
// without their particle or ending (the noun a reader types), Japanese katakana
// words and n-grams of Han, Thai, Lao, Khmer and Myanmar text (a reader's word is
// some stretch of the article's own letters: two to four characters or clusters).
// Numbers and stop words (terms the analyzer drops) are left out by the caller.
func contentWords(text string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, chunk := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) && !unicode.IsDigit(r) }) {
		numeric := strings.IndexFunc(chunk, unicode.IsDigit) >= 0
		for _, run := range strings.FieldsFunc(chunk, func(r rune) bool { return !isWordRune(r) }) {
			run = strings.Trim(run, wordInner)
			if run == "" {
				continue
			}
			for _, part := range splitScripts(run) {
				first, _ := utf8.DecodeRuneInString(part)
				switch {
				case numeric && !unicode.Is(unicode.Han, first) && !isSEA(first):
					// a counter, unit or ordinal ending after a number: 2026년,
					// 14वीं, 14'ün; not a word a reader searches
				case unicode.Is(unicode.Hangul, first):
					if stem := koreanStemForTest(part); stem != "" {
						add(stem)
					}
				case unicode.Is(unicode.Han, first) || isSEA(first):
					units := clustersOf(part)
					for n := 2; n <= 4; n++ {
						for i := 0; i+n <= len(units); i++ {
							add(strings.Join(units[i:i+n], ""))
						}
					}
				case unicode.Is(unicode.Hiragana, first):
					// particles and endings: not what a reader searches
				case unicode.Is(unicode.Katakana, first):
					if utf8.RuneCountInString(part) >= 2 {
						add(part)
					}
				default:
					if utf8.RuneCountInString(part) >= 3 {
						add(part)
					}
				}
			}
		}
	}
	return out
}

// wordInner are the marks a reader types inside a word: apostrophes (з’їзді,
// aujourd'hui) and the Hebrew geresh and gershayim of abbreviations (מזכ"ל).
const wordInner = "'’ʼ\"׳״"

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || strings.ContainsRune(wordInner, r)
}

// scriptClass groups runes into the scripts contentWords cuts apart.
func scriptClass(r rune) int {
	switch {
	case unicode.IsMark(r):
		return -1 // belongs to the letter before it
	case unicode.Is(unicode.Hangul, r):
		return 1
	case unicode.Is(unicode.Han, r):
		return 2
	case unicode.Is(unicode.Hiragana, r):
		return 3
	case unicode.Is(unicode.Katakana, r) || r == 'ー':
		return 4
	case isSEA(r):
		return 5
	}
	return 0
}

func splitScripts(run string) []string {
	var out []string
	start, cls := 0, -2
	for i, r := range run {
		c := scriptClass(r)
		if c == -1 {
			continue
		}
		if cls != -2 && c != cls {
			out = append(out, run[start:i])
			start = i
		}
		cls = c
	}
	return append(out, run[start:])
}

// clustersOf cuts s into letters with their combining marks.
func clustersOf(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if unicode.IsMark(r) && start >= 0 {
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
		}
		start = i
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// koreanTestEndings are particles and endings that follow a noun in a Hangul
// word, for finding the noun a reader would type. The test keeps its own list,
// independent of the analyzer's.
var koreanTestEndings = strings.Fields(`
이 가 을 를 은 는 의 에 에서 에게 께 께서 와 과 로 으로 도 만 부터 까지 보다 처럼 과의 와의 에서의
에의 으로의 로의 에는 에서는 으로는 로는 에게는 과는 와는 에도 에서도 으로도 로도 까지는 부터는 만의 이나 이며 며
이고 이다 입니다 이라는 라는 이란 란 인 이자 으로서 로서 으로써 로써 들 들이 들을 들은 들의 들에게 들과 들도 들은
하는 한 했다 했습니다 합니다 하고 하여 했으며 하며 하기 할 하게 되는 된 됐다 되었다 됩니다 되어 적인 적으로 에서부터`)

// koreanStemForTest strips the longest ending of the list from a Hangul word and
// returns what is left, or the word when no ending fits or nothing would be left.
func koreanStemForTest(w string) string {
	best := ""
	for _, e := range koreanTestEndings {
		if len(e) > len(best) && strings.HasSuffix(w, e) && len(e) < len(w) {
			best = e
		}
	}
	return strings.TrimSuffix(w, best)
}

// typedVariants are the spellings a reader's keyboard gives for a word of the
// article: the ASCII apostrophe and quote for typographic ones and Hebrew geresh
// and gershayim; in Persian and Urdu, the Arabic yeh and kaf of an Arabic keyboard.
var typedVariants = map[string]*strings.Replacer{
	"":   strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'", "״", `"`, "׳", "'"),
	"fa": strings.NewReplacer("ی", "ي", "ک", "ك"),
	"ur": strings.NewReplacer("ی", "ي", "ک", "ك"),
}

// withTypedVariants adds to words their typed variants that differ from them.
func withTypedVariants(lang string, words []string) []string {
	out := words
	for _, w := range words {
		for _, key := range []string{"", lang} {
			if r := typedVariants[key]; r != nil && (key != "" || lang != "") {
				if v := r.Replace(w); v != w {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

type recallCount struct{ words, found, articles int }

// measureRecall returns the per-language counts and a few missed words.
func measureRecall(t testing.TB, files []recallFile) (map[string]*recallCount, map[string][]string) {
	cache := registry.NewCache()
	counts := map[string]*recallCount{}
	missed := map[string][]string{}
	for _, f := range files {
		a, err := corpus.Read(f.path, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.path, err)
		}
		an := recallAnalyzer(t, cache, f.lang)
		var caps []string
		for _, l := range a.Lines {
			if l.Kind == corpus.Caption {
				caps = append(caps, a.Text[l.Start:l.End])
			}
		}
		lead := a.Lead()
		body := a.Join(corpus.Body) + "\n" + strings.Join(caps, "\n") + "\n" + a.Byline()
		fields := []termPositions{termsOf(an.Analyze([]byte(lead))), termsOf(an.Analyze([]byte(body)))}
		c := counts[f.lang]
		if c == nil {
			c = &recallCount{}
			counts[f.lang] = c
		}
		c.articles++
		for _, w := range withTypedVariants(f.lang, contentWords(lead+"\n"+body)) {
			toks := an.Analyze([]byte(w))
			if len(toks) == 0 {
				continue // a stop word
			}
			q := make([]string, len(toks))
			for i, tk := range toks {
				q[i] = string(tk.Term)
			}
			c.words++
			if fields[0].finds(q) || fields[1].finds(q) {
				c.found++
			} else if len(missed[f.lang]) < 12 {
				missed[f.lang] = append(missed[f.lang], fmt.Sprintf("%s→%v", w, q))
			}
		}
	}
	return counts, missed
}

// TestContentWordRecall holds every language to the bar of issue 11: recall on
// content words ≥ 0.95 in each language and ≥ 0.98 over all.
func TestContentWordRecall(t *testing.T) {
	counts, missed := measureRecall(t, recallFiles(t))
	langs := make([]string, 0, len(counts))
	for l := range counts {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var all recallCount
	for _, l := range langs {
		c := counts[l]
		all.words += c.words
		all.found += c.found
		all.articles += c.articles
		r := float64(c.found) / float64(max(c.words, 1))
		t.Logf("%-3s %3d articles %6d words recall %.3f", l, c.articles, c.words, r)
		if testing.Verbose() && len(missed[l]) > 0 {
			t.Logf("    missed: %s", strings.Join(missed[l], " "))
		}
		if r < 0.95 {
			t.Errorf("%s: recall %.3f < 0.95; missed %s", l, r, strings.Join(missed[l], " "))
		}
	}
	r := float64(all.found) / float64(max(all.words, 1))
	t.Logf("all %3d articles %6d words recall %.3f", all.articles, all.words, r)
	if r < 0.98 {
		t.Errorf("overall recall %.3f < 0.98", r)
	}
}

func TestContentWords(t *testing.T) {
	cases := []struct{ in, want string }{
		{"회의에서 당의 대표단은", "회의 당 대표단"},
		{"The party's congress", "The party's congress"},
		{"14वीं 2026년 당의", "당"},
		{"会議で", "会議"},
		{"トラム書記長", "トラム 書記 記長 書記長"},
		{"ประชุม", "ปร ระ ะชุ ชุม ประ ระชุ ะชุม ประชุ ระชุม"},
	}
	for _, c := range cases {
		if got := strings.Join(contentWords(c.in), " "); got != c.want {
			t.Errorf("contentWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
