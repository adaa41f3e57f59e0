package index

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// NormalizeHindiName is the registered name of hindiNormalizer, our equivalent
// of bleve's "normalize_hi" (analysis/lang/hi, from Lucene's HindiNormalizer):
// it drops the nukta, virama, ZWJ and ZWNJ, writes a dead n (न्) as the
// anusvara, the candrabindu as the anusvara, and long vowels as short ones. It
// gives exactly bleve's terms (the tests compare the two on every sequence of up
// to three letters of the Devanagari block); unlike bleve's it works on the bytes,
// without a []rune and back for every term, and leaves a term with nothing to
// change as it is.
const NormalizeHindiName = "pn_normalize_hi"

// hindiMap is bleve's normalize_hi as a table over U+0900–U+097F: the letter
// each becomes, hindiDrop for one it deletes, 0 for one it keeps (U+0928 न is
// kept unless a virama follows it; see hindiNormalize).
var hindiMap = [0x80]rune{
	// candrabindu → anusvara; nukta, virama dropped
	0x01: 0x0902, 0x3C: hindiDrop, 0x4D: hindiDrop,
	// letters with a nukta → without
	0x29: 0x0928, 0x31: 0x0930, 0x34: 0x0933, 0x58: 0x0915, 0x59: 0x0916,
	0x5A: 0x0917, 0x5B: 0x091C, 0x5C: 0x0921, 0x5D: 0x0922, 0x5E: 0x092B, 0x5F: 0x092F,
	// candra and short vowels
	0x45: 0x0947, 0x46: 0x0947, 0x49: 0x094B, 0x4A: 0x094B,
	0x0D: 0x090F, 0x0E: 0x090F, 0x11: 0x0913, 0x12: 0x0913, 0x72: 0x0905,
	// long → short vowels
	0x06: 0x0905, 0x08: 0x0907, 0x0A: 0x0909, 0x60: 0x090B, 0x61: 0x090C, 0x10: 0x090F, 0x14: 0x0913,
	0x40: 0x093F, 0x42: 0x0941, 0x44: 0x0943, 0x63: 0x0962, 0x48: 0x0947, 0x4C: 0x094B,
}

const hindiDrop = -1

func init() {
	must(registry.RegisterTokenFilter(NormalizeHindiName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return hindiNormalizer{}, nil
	}))
	must(registry.RegisterTokenFilter(StemHindiName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		s, err := loadHindiStemmer()
		if err != nil {
			return nil, fmt.Errorf("token filter %s: %w", StemHindiName, err)
		}
		return s, nil
	}))
}

type hindiNormalizer struct{}

// Filter implements analysis.TokenFilter.
func (hindiNormalizer) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = hindiNormalize(t.Term)
	}
	return in
}

// hindiNormalize returns term normalised; term itself when nothing changes.
// Like bleve's it reads invalid UTF-8 as U+FFFD, one per bad byte.
func hindiNormalize(term []byte) []byte {
	var out []byte // nil until something changes
	last := 0      // term[:last] is in out
	for i := 0; i < len(term); {
		if term[i] < 0x80 {
			i++
			continue
		}
		r, size := decodeAt(term, i)
		n := rune(0)
		switch {
		case r == utf8.RuneError && size == 1:
			return hindiNormalize(validRunes(term))
		case r == 0x0928: // न, dead when a virama follows
			if i+size+2 < len(term) && term[i+size] == 0xE0 && term[i+size+1] == 0xA5 && term[i+size+2] == 0x8D {
				n, size = 0x0902, size+3
			}
		case r >= 0x0900 && r <= 0x097F:
			n = hindiMap[r-0x0900]
		case r == 0x200C || r == 0x200D:
			n = hindiDrop
		}
		if n == 0 {
			i += size
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(term))
		}
		out = append(out, term[last:i]...)
		if n != hindiDrop {
			out = utf8.AppendRune(out, n)
		}
		i += size
		last = i
	}
	if out == nil {
		return term
	}
	return append(out, term[last:]...)
}

// StemHindiName is the registered name of hindiStemmer, our equivalent of bleve's
// "stemmer_hi" with its suffixes as a data file: it gives exactly bleve's terms
// and cuts a suffix by slicing the term instead of a []rune and back.
const StemHindiName = "pn_stem_hi"

//go:embed hi_stem.txt
var hindiStemText string

// hindiStemmer holds the suffixes of hi_stem.txt by their last letter (all
// end in one of the Devanagari block), each list in the file's order.
type hindiStemmer struct {
	byLast [0x80][]hindiSuffix
	lines  int
}

type hindiSuffix struct {
	line   int // the line of hi_stem.txt
	n      int // letters the suffix has and a match removes
	suffix []byte
}

var loadHindiStemmer = sync.OnceValues(func() (*hindiStemmer, error) { return parseHindiStem(hindiStemText) })

func parseHindiStem(text string) (*hindiStemmer, error) {
	s := &hindiStemmer{}
	for _, line := range dataLines(text) {
		f := strings.Fields(line)
		n, err := strconv.Atoi(f[0])
		if err != nil || n < 1 || len(f) < 2 {
			return nil, fmt.Errorf("hi_stem.txt: %q is not a length and suffixes", line)
		}
		for _, suf := range f[1:] {
			last, _ := utf8.DecodeLastRuneInString(suf)
			if utf8.RuneCountInString(suf) != n || last < 0x0900 || last > 0x097F {
				return nil, fmt.Errorf("hi_stem.txt: %q is not %d letters ending in Devanagari", suf, n)
			}
			s.byLast[last-0x0900] = append(s.byLast[last-0x0900], hindiSuffix{s.lines, n, []byte(suf)})
		}
		s.lines++
	}
	return s, nil
}

// Filter implements analysis.TokenFilter; like bleve's it leaves keywords alone.
func (s *hindiStemmer) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !t.KeyWord {
			t.Term = s.stem(t.Term)
		}
	}
	return in
}

// stem removes the suffix of the first line of hi_stem.txt that has one the
// term ends in, when the term is long enough for that line; a line whose suffix
// fits a term too short for it is passed over, as in bleve.
func (s *hindiStemmer) stem(term []byte) []byte {
	if len(term) < 3 {
		return term
	}
	last, _ := decodeAt(term, len(term)-3)
	if last < 0x0900 || last > 0x097F {
		return term
	}
	letters, skip := -1, -1 // letters counted once a suffix fits; a line passed over
	for _, c := range s.byLast[last-0x0900] {
		if c.line == skip || !bytes.HasSuffix(term, c.suffix) {
			continue
		}
		if letters < 0 {
			letters = utf8.RuneCount(term)
		}
		if letters <= c.n+1 {
			skip = c.line
			continue
		}
		if !utf8.Valid(term) {
			return analysis.TruncateRunes(term, c.n) // bleve's way: a bad byte becomes U+FFFD
		}
		return term[:len(term)-len(c.suffix)]
	}
	return term
}
