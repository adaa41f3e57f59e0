// Package detect owns language detection: an article's language as an ISO 639-1
// code with a confidence. The Unicode script decides alone where it belongs to one
// language (Thai, Lao, Khmer, Hangul, Greek …); for shared scripts (Latin,
// Cyrillic, Arabic, Devanagari) lingua-go, limited to a configurable set of that
// script's languages, judges a bounded sample of the text in that script.
package detect

import (
	"embed"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// shortlist is how many languages the first pass keeps for the second.
const shortlist = 3

// scriptSample bounds the letters whose scripts are counted.
const scriptSample = 4000

// wordSample bounds the letters the function-word pass reads.
const wordSample = 2000

// Undetermined is the code for text with nothing to judge.
const Undetermined = "und"

// Result is a detected language: an ISO 639-1 code (or "und") and a confidence in
// [0, 1].
type Result struct {
	Lang       string
	Confidence float64
	Script     Script
}

// DefaultCandidates are the languages lingua-go may choose between, per shared
// script. Marathi and Nepali are not candidates: the archive has Hindi, and
// lingua-go calls some Hindi Marathi.
var DefaultCandidates = map[Script][]string{
	Latin: {"en", "fr", "de", "es", "pt", "it", "nl", "pl", "cs", "sk", "ro", "hu", "sv",
		"nb", "da", "fi", "tr", "id", "ms", "vi", "tl", "sw", "hr", "sl", "lt", "lv", "et", "ca", "az", "sq", "so"},
	Cyrillic:   {"ru", "uk", "bg", "sr", "mk", "be", "kk", "mn"},
	Arabic:     {"ar", "fa", "ur"},
	Devanagari: {"hi"},
}

// Detector detects languages. It is safe for concurrent use; its lingua-go models
// load on first use of a script.
type Detector struct {
	sample     int
	candidates map[Script][]lingua.Language
	mu         sync.Mutex
	lingua     map[string]lingua.LanguageDetector
	words      map[Script]map[string]uint64
}

// New returns a Detector. It fails on a candidate code lingua-go does not know.
func New() (*Detector, error) {
	// sample bounds how much text of the dominant script lingua-go reads
	d := &Detector{sample: 400, candidates: map[Script][]lingua.Language{}, lingua: map[string]lingua.LanguageDetector{}, words: map[Script]map[string]uint64{}}
	for s, codes := range DefaultCandidates {
		for _, code := range codes {
			l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(code)))
			if l == lingua.Unknown {
				return nil, fmt.Errorf("detect: lingua-go has no language %q", code)
			}
			d.candidates[s] = append(d.candidates[s], l)
		}
		d.words[s] = wordIndex(d.candidates[s])
	}
	return d, nil
}

// model returns a lingua-go detector for exactly the given languages.
func (d *Detector) model(langs []lingua.Language) lingua.LanguageDetector {
	key := fmt.Sprint(langs)
	d.mu.Lock()
	defer d.mu.Unlock()
	m, ok := d.lingua[key]
	if !ok {
		m = lingua.NewLanguageDetectorBuilder().FromLanguages(langs...).WithLowAccuracyMode().Build()
		d.lingua[key] = m
	}
	return m
}

// Detect returns the language of text.
func (d *Detector) Detect(text string) Result {
	// the scripts of the first letters decide: an article does not change its
	// script halfway, and the bound keeps detection's cost flat in the length
	var counts [numScripts]int
	letters := 0
	tab := scriptTable()
	for _, r := range text {
		if s := scriptIn(tab, r); s != Other {
			counts[s]++
			letters++
			if letters == scriptSample {
				break
			}
		}
	}
	if letters == 0 {
		return Result{Lang: Undetermined}
	}
	// The dominant script, where Latin loses to any other script with a fifth of
	// the letters: names and agency credits stay Latin inside other scripts.
	best := Other
	for s := Latin + 1; s < numScripts; s++ {
		if counts[s] > counts[best] {
			best = s
		}
	}
	if best == Other || counts[best]*5 < letters {
		best = Latin
	}
	share := float64(counts[best]) / float64(letters)
	if best == Han && counts[Kana]*20 >= counts[Han] && counts[Kana] > 0 {
		best = Kana
	}
	if best == Kana {
		share = float64(counts[Kana]+counts[Han]) / float64(letters)
	}
	if best == Bengali && (strings.ContainsRune(text, 'ৰ') || strings.ContainsRune(text, 'ৱ')) {
		return Result{Lang: "as", Confidence: share, Script: best}
	}
	if lang, ok := soleLanguage[best]; ok {
		return Result{Lang: lang, Confidence: share, Script: best}
	}
	cands := d.candidates[best]
	switch len(cands) {
	case 0:
		return Result{Lang: Undetermined, Script: best}
	case 1:
		return Result{Lang: code(cands[0]), Confidence: share, Script: best}
	}
	words := Sample(text, best, wordSample)
	if words == "" {
		return Result{Lang: Undetermined, Script: best}
	}
	if r, ok := d.byWords(words, best, cands); ok {
		return r
	}
	sample := Sample(text, best, d.sample)
	if short := d.shortlistByWords(words, best, cands); short != nil {
		cands = short
	}
	// Two passes keep the cost low: all candidates judge a short prefix of the
	// sample, then the best three judge the whole sample.
	if len(cands) > shortlist {
		prefix := sample
		if len(prefix) > d.sample/4 {
			prefix = prefix[:strings.LastIndexByte(prefix[:d.sample/4], ' ')+1]
		}
		if vals := d.model(cands).ComputeLanguageConfidenceValues(prefix); len(vals) >= shortlist && vals[0].Value() > 0 {
			cands = make([]lingua.Language, 0, shortlist)
			for _, v := range vals[:shortlist] {
				cands = append(cands, v.Language())
			}
			sort.Slice(cands, func(i, j int) bool { return cands[i] < cands[j] })
		}
	}
	vals := d.model(cands).ComputeLanguageConfidenceValues(sample)
	if len(vals) == 0 || vals[0].Value() == 0 {
		return Result{Lang: Undetermined, Script: best}
	}
	choice := d.closeCall(words, best, vals)
	conf := vals[0].Value()
	for _, v := range vals {
		if v.Language() == choice {
			conf = v.Value() // lingua-go's confidence in the language chosen
		}
	}
	return Result{Lang: code(choice), Confidence: conf, Script: best}
}

// closeCall returns lingua-go's choice, unless another of its top choices has
// at least two more function-word hits: two languages that share most of
// their words (Indonesian and Malay) are told apart by the words they do not
// share (bahwa, tersebut against bahawa, daripada), which a short sample of
// letters weighs too little.
func (d *Detector) closeCall(words string, s Script, vals []lingua.ConfidenceValue) lingua.Language {
	choice := vals[0].Language()
	all := d.candidates[s]
	hits, _, ok := d.wordHits(words, s, all)
	if !ok {
		return choice
	}
	hitsOf := func(l lingua.Language) float64 {
		for i, c := range all {
			if c == l {
				return hits[i]
			}
		}
		return 0
	}
	base := hitsOf(choice)
	best, bestHits := choice, base
	for _, v := range vals[1:min(len(vals), shortlist)] {
		if h := hitsOf(v.Language()); h >= base+2 && h > bestHits {
			best, bestHits = v.Language(), h
		}
	}
	return best
}

// Sample returns up to max letters of text's words written in script s, in order,
// for a statistical model to judge. In Latin script, capitalised words (mostly
// names, Vietnamese ones among them) are left out while lower-case words remain.
func Sample(text string, s Script, max int) string {
	var b strings.Builder
	n := 0
	tab := scriptTable()
	take := func(skipCapitals bool) {
		for i := 0; i < len(text) && n < max; {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if scriptIn(tab, r) != s {
				i += size
				continue
			}
			// the word: letters of s and apostrophes, each rune decoded once
			j, runes := i+size, 1
			for j < len(text) {
				r2, sz := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, sz = utf8.DecodeRuneInString(text[j:])
				}
				if scriptIn(tab, r2) != s && r2 != '\'' && r2 != '’' {
					break
				}
				j += sz
				runes++
			}
			word := text[i:j]
			i = j
			if skipCapitals && unicode.IsUpper(r) {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(word)
			n += runes
		}
	}
	take(s == Latin)
	if s == Latin && n < max/4 {
		b.Reset()
		n = 0
		take(false)
	}
	return b.String()
}

// code is the archive's code for a lingua-go language: ISO 639-1, with Norwegian
// Bokmål as "no" as the archive's URLs write it.
func code(l lingua.Language) string {
	c := strings.ToLower(l.IsoCode639_1().String())
	if c == "nb" {
		return "no"
	}
	return c
}

//go:embed words/*.txt
var wordFiles embed.FS

// functionWords maps a language code to its frequent function words, from
// words/<code>.txt. Adding a language to the fast path is adding a file.
// Read at first use, not in init: a process that detects nothing (search,
// --version) does not pay for it.
var functionWords = sync.OnceValue(loadWords)

func loadWords() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	entries, err := wordFiles.ReadDir("words")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	for _, e := range entries {
		data, err := wordFiles.ReadFile("words/" + e.Name())
		if err != nil {
			panic(err)
		}
		set := map[string]bool{}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, w := range strings.Fields(line) {
				set[strings.ToLower(w)] = true
			}
		}
		out[strings.TrimSuffix(e.Name(), ".txt")] = set
	}
	return out
}

// wordIndex maps a word to the candidates (bit i = cands[i]) whose lists hold
// it, for one candidate set; nil when a candidate has no list.
func wordIndex(cands []lingua.Language) map[string]uint64 {
	if len(cands) > 64 {
		return nil
	}
	idx := map[string]uint64{}
	for i, l := range cands {
		list := functionWords()[code(l)]
		if list == nil {
			return nil
		}
		for w := range list {
			idx[w] |= 1 << i
		}
	}
	return idx
}

// wordHits counts, for each candidate, the sample's words in its list.
// A word in k lists counts 1/k for each: distinctive words weigh most.
func (d *Detector) wordHits(sample string, s Script, cands []lingua.Language) (hits []float64, total int, ok bool) {
	idx := d.words[s]
	if idx == nil {
		return nil, 0, false
	}
	hits = make([]float64, len(cands))
	for rest := sample; rest != ""; {
		w := rest // Sample separates words with one space
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if w == "" {
			continue
		}
		total++
		m, found := idx[w]
		if !found {
			// a capitalised function word opens a sentence ("The", "Это")
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				m = idx[strings.ToLower(w)]
			}
		}
		weight := 1 / float64(bits.OnesCount64(m))
		for m != 0 {
			i := bits.TrailingZeros64(m)
			hits[i] += weight
			m &= m - 1
		}
	}
	return hits, total, true
}

// byWords decides between candidates by their function words when one language
// clearly leads: a weight of at least 6 and twice the runner-up's.
func (d *Detector) byWords(sample string, s Script, cands []lingua.Language) (Result, bool) {
	hits, total, ok := d.wordHits(sample, s, cands)
	if !ok || total == 0 {
		return Result{}, false
	}
	first, second := -1, -1
	for i, h := range hits {
		if first < 0 || h > hits[first] {
			first, second = i, first
		} else if second < 0 || h > hits[second] {
			second = i
		}
	}
	h1, h2 := hits[first], 0.0
	if second >= 0 {
		h2 = hits[second]
	}
	if h1 < 6 || h1 < 2*h2 {
		return Result{}, false
	}
	return Result{Lang: code(cands[first]), Confidence: (h1 - h2) / h1, Script: s}, true
}

// shortlistByWords returns the candidates with the most function-word hits (up to
// shortlist of them, ties kept), or nil when word lists cannot tell.
func (d *Detector) shortlistByWords(sample string, s Script, cands []lingua.Language) []lingua.Language {
	hits, _, ok := d.wordHits(sample, s, cands)
	if !ok {
		return nil
	}
	idx := make([]int, len(cands))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return hits[idx[a]] > hits[idx[b]] })
	if hits[idx[0]] == 0 {
		return nil
	}
	var out []lingua.Language
	for _, i := range idx {
		if len(out) >= shortlist && hits[i] < hits[idx[len(out)-1]] {
			break
		}
		out = append(out, cands[i])
	}
	if len(out) < 2 {
		return nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
