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
// tokens share one array, as bleve's do.
//
// The scanner's patterns hold byte sequences that are not UTF-8, and it stops
// at some invalid bytes; input that is not valid UTF-8 goes to bleve's
// tokenizer itself.
func uaxTokenize(input []byte) analysis.TokenStream {
	toks := make([]analysis.Token, 0, len(input)/8+1)
	for pos := 0; pos < len(input); {
		// A rune no pattern matches is a segment of its own, of kind None
		// (the scanner's Other takes its first byte, and the rest of the rune).
		kind, end := uint8(uaxNone), 0
		s := uint8(uaxStart)
		for i := pos; i < len(input); {
			c, size := input[i], 1
			var cl uint8
			if c < utf8.RuneSelf {
				cl = uaxClass[int(uaxBlock[0])<<uaxShift+int(c)]
			} else {
				var r rune
				r, size = utf8.DecodeRune(input[i:])
				if size == 1 {
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
			toks = append(toks, analysis.Token{
				Term:     input[pos:end],
				Start:    pos,
				End:      end,
				Position: len(toks) + 1,
				Type:     uaxTypes[kind],
			})
		}
		pos = end
	}
	out := make(analysis.TokenStream, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out
}
