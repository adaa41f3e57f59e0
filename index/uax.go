package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

//go:generate go run uaxgen.go

// The kinds of segment of uaxTrans's automaton.
const (
	uaxNone   = 1 + iota // spaces, punctuation, symbols: no token
	uaxNumber            // analysis.Numeric
	uaxLetter            // analysis.AlphaNumeric
	uaxIdeo              // Han, Hiragana, Katakana: analysis.Ideographic
)

var uaxTypes = [...]analysis.TokenType{
	uaxNumber: analysis.Numeric,
	uaxLetter: analysis.AlphaNumeric,
	uaxIdeo:   analysis.Ideographic,
}

// uaxTokenize returns the tokens bleve's unicode tokenizer returns for input,
// at a fraction of its cost. It segments words as the ragel scanner of
// github.com/blevesearch/segment does (UAX #29 as that package implements it,
// with its deviations): the longest match of its patterns, the first pattern
// on a tie, run here by rune classes rather than bytes (uax_tables.go, made by
// uaxgen.go from the package's sources). Terms are slices of input, and the
// tokens share a few arrays, as bleve's do.
//
// The scanner's patterns hold byte sequences that are not UTF-8, and it stops
// at some invalid bytes; input that is not valid UTF-8 goes to bleve's
// tokenizer itself.
func uaxTokenize(input []byte) analysis.TokenStream {
	// The tokens go in arrays sized by a guess of how many remain, as bleve's
	// do, so that none is copied and few are allocated for nothing.
	out := make(analysis.TokenStream, 0, len(input)/8+1)
	var toks []analysis.Token
	for pos := 0; pos < len(input); {
		// A rune no pattern matches is a segment of its own, of kind None
		// (the scanner's Other takes its first byte, and the rest of the rune).
		kind, end := uint8(uaxNone), 0
		s := uint8(uaxStart)
		for i := pos; i < len(input); {
			c, size := input[i], 1
			var cl uint8
			if c < utf8.RuneSelf {
				cl = uaxASCII[c]
			} else {
				var r rune
				r, size = decodeRune(input[i:])
				if size == 0 {
					return uaxTokenizer.Tokenize(input)
				}
				cl = uaxClass[int(uaxBlock[r>>uaxShift])<<uaxShift+int(r&(1<<uaxShift-1))]
			}
			if end == 0 {
				end = i + size
			}
			s = uaxTrans[int(s)*uaxClasses+int(cl)]
			if s == 0 {
				break
			}
			i += size
			if k := uaxAccept[s]; k != 0 {
				kind, end = k, i
			}
		}
		if kind != uaxNone {
			if len(toks) == cap(toks) {
				n := len(input) / 8 // about a word in 8 bytes to start with
				if len(out) > 0 {
					n = (len(input) - end) * len(out) / end
				}
				toks = make([]analysis.Token, 0, n+16)
			}
			toks = append(toks, analysis.Token{
				Term:     input[pos:end],
				Start:    pos,
				End:      end,
				Position: len(out) + 1,
				Type:     uaxTypes[kind],
			})
			out = append(out, &toks[len(toks)-1])
		}
		pos = end
	}
	return out
}

// uaxASCII is the class of each ASCII rune.
var uaxASCII = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		t[c] = uaxClass[int(uaxBlock[0])<<uaxShift+c]
	}
	return t
}()

// decodeRune decodes the non-ASCII rune p starts with, as utf8.DecodeRune
// does, and returns a size of 0 where that returns utf8.RuneError and 1.
func decodeRune(p []byte) (rune, int) {
	c0 := p[0]
	switch {
	case c0 >= 0xC2 && c0 < 0xE0:
		if len(p) > 1 && p[1]&0xC0 == 0x80 {
			return rune(c0&0x1F)<<6 | rune(p[1]&0x3F), 2
		}
	case c0 >= 0xE0 && c0 < 0xF0:
		if len(p) > 2 && p[1]&0xC0 == 0x80 && p[2]&0xC0 == 0x80 {
			r := rune(c0&0x0F)<<12 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	default:
		if r, size := utf8.DecodeRune(p); size > 1 {
			return r, size
		}
	}
	return 0, 0
}
