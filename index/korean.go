package index

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Korean writes a noun and its particles as one word (회의 + 에서 → 회의에서), and
// bleve's cjk_bigram leaves Hangul words whole, so a search for 회의 found no
// article that holds only 회의에서 or 회의를. HangulFilter cuts every run of Hangul
// syllables into overlapping bigrams, as Lucene's CJKBigramFilter does for Hangul:
// 회의에서 → 회의 의에 에서. A query is analysed the same way, so a noun of two
// syllables or more is found wherever it starts a word or stands inside a compound
// (대표 in 전국대표대회): its bigrams are consecutive terms of the word's, which a
// one-term query or a phrase query matches. A one-syllable word is a unigram.
//
// Bigrams alone miss a one-syllable noun with its particle (당 in 당의, 당은), the
// part of Lucene's scheme Nori (a morphological analyzer with a dictionary) is
// for. Instead of a dictionary, a word whose second syllable may start a particle
// (korean_particles.txt) is preceded by the unigram of its first syllable:
// 당의 → 당 당의, 회의에서 → 회 회의 의에 에서. The choice depends on the first two
// syllables only, so a query word (회의 → 회 회의) gets the same leading terms as
// every word it starts; the price is that a query word whose second syllable is
// such a syllable (회의, 국가) must start a word, not stand inside a compound.
type HangulFilter struct{}

// HangulName is the registered name of HangulFilter.
const HangulName = "pn_hangul"

//go:embed korean_particles.txt
var koreanParticlesData string

// particleInitial holds the first syllables of the particles of the data file.
var particleInitial = loadParticleInitials(koreanParticlesData)

func loadParticleInitials(data string) map[rune]bool {
	m := map[rune]bool{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(line)
		m[r] = true
	}
	return m
}

// checkParticles reports the first line of the data that is not a run of Hangul
// syllables, or a duplicate.
func checkParticles(data string) error {
	seen := map[string]bool{}
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, r := range line {
			if !isHangulSyllable(r) {
				return fmt.Errorf("korean_particles.txt:%d: %q is not Hangul syllables", i+1, line)
			}
		}
		if seen[line] {
			return fmt.Errorf("korean_particles.txt:%d: %q twice", i+1, line)
		}
		seen[line] = true
	}
	return nil
}

func isHangulSyllable(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// hasHangul reports whether b holds a Hangul syllable, by its UTF-8 lead byte
// (U+AC00–U+D7A3 is EA B0 80 – ED 9E A3), without decoding.
func hasHangul(b []byte) bool {
	for _, c := range b {
		if c >= 0xEA && c <= 0xED {
			return true
		}
	}
	return false
}

// Filter implements analysis.TokenFilter. Terms without Hangul pass unchanged;
// a term mixing Hangul with other letters (apec에서) is cut where the script
// changes, the other letters kept as one term. Positions are renumbered.
func (HangulFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	n := 0 // terms made of tokens with Hangul
	for _, t := range in {
		if hasHangul(t.Term) {
			n += hangulCount(t.Term)
		}
	}
	if n == 0 {
		return in
	}
	out := make(analysis.TokenStream, 0, len(in)+n)
	slab := make([]analysis.Token, 0, n) // one allocation for the new tokens
	pos := 0
	emit := func(t *analysis.Token, term []byte, off int) {
		pos++
		start, end := t.Start, t.End
		if end-start == len(t.Term) { // offsets follow the term: narrow them
			start, end = t.Start+off, t.Start+off+len(term)
		}
		slab = append(slab, analysis.Token{Term: term, Start: start, End: end, Position: pos, Type: analysis.Ideographic, KeyWord: t.KeyWord})
		out = append(out, &slab[len(slab)-1])
	}
	for _, t := range in {
		if !hasHangul(t.Term) {
			pos++
			t.Position = pos
			out = append(out, t)
			continue
		}
		forEachHangulTerm(t.Term, func(term []byte, off int) { emit(t, term, off) })
	}
	return out
}

// hangulCount returns how many terms forEachHangulTerm makes of term.
func hangulCount(term []byte) int {
	n := 0
	forEachHangulTerm(term, func([]byte, int) { n++ })
	return n
}

// forEachHangulTerm calls fn with each term of a token holding Hangul and its byte
// offset: other letters as they are, Hangul runs as described on HangulFilter.
func forEachHangulTerm(term []byte, fn func(term []byte, off int)) {
	prev := 0 // byte offset of the run's previous syllable
	runStart, count := -1, 0
	flushRun := func(end int) {
		if count == 1 {
			fn(term[runStart:end], runStart)
		}
		count, runStart = 0, -1
	}
	otherStart := -1
	for i := 0; i < len(term); {
		r, size := utf8.DecodeRune(term[i:])
		if !isHangulSyllable(r) {
			if runStart >= 0 {
				flushRun(i)
			}
			if otherStart < 0 {
				otherStart = i
			}
			i += size
			continue
		}
		if otherStart >= 0 {
			fn(term[otherStart:i], otherStart)
			otherStart = -1
		}
		if runStart < 0 {
			runStart = i
		}
		count++
		if count >= 2 {
			if count == 2 && particleInitial[r] {
				fn(term[prev:i], prev)
			}
			fn(term[prev:i+size], prev)
		}
		prev = i
		i += size
	}
	if runStart >= 0 {
		flushRun(len(term))
	}
	if otherStart >= 0 {
		fn(term[otherStart:], otherStart)
	}
}
