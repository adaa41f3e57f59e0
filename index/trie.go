package index

import (
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"
)

// Numbers and dates are indexed as a trie of prefix-coded terms, as bleve's
// numeric and date fields do, but with a precision step of 16 bits instead
// of bleve's 4: each value yields 4 terms (its 64 bits, then its top 48, 32
// and 16) instead of 16. Those terms were most of a document's unique terms
// and an eighth of an import's CPU. The terms are bleve's own encoding
// (numeric.NewPrefixCodedInt64) at shifts 0, 16, 32 and 48, which bleve's
// step of 4 also writes, so TrieRanges finds values in indexes written
// either way. bleve's numeric range query assumes a step of 4 and would miss
// values here: range queries over these fields are built from TrieRanges.

// TrieStep is the precision step: the bits between two shifts of a value.
const TrieStep = 16

// FigureKey is the 64-bit key a figure is indexed under, ordered as the
// numbers are (bleve's numeric.Float64ToInt64). Minus zero has the key of
// zero: bleve's encoding puts it just below, so figure:0 would miss it.
func FigureKey(f float64) int64 {
	if f == 0 {
		f = 0 // -0 == 0, and this drops the sign
	}
	return numeric.Float64ToInt64(f)
}

// DateKey is the 64-bit key a date is indexed under: nanoseconds since 1970,
// as bleve's date fields; dates beyond what that holds (before 1678, after
// 2261) are clamped.
func DateKey(t time.Time) int64 {
	switch {
	case t.Before(minDate):
		return math.MinInt64
	case t.After(maxDate):
		return math.MaxInt64
	}
	return t.UnixNano()
}

var minDate, maxDate = time.Unix(0, math.MinInt64), time.Unix(0, math.MaxInt64)

// TrieTerms are the terms a value is indexed under, shift 0 first.
func TrieTerms(v int64) [][]byte {
	out := make([][]byte, 0, 64/TrieStep)
	for shift := uint(0); shift < 64; shift += TrieStep {
		t, _ := numeric.NewPrefixCodedInt64(v, shift) // no error for shift < 64
		out = append(out, t)
	}
	return out
}

// TermRange is an inclusive range of the terms of one shift.
type TermRange struct {
	Shift  uint
	Lo, Hi []byte
}

// TrieRanges returns the term ranges that together hold exactly the values
// in [lo, hi], both inclusive: a value v is in [lo, hi] exactly when one of
// TrieTerms(v) is in one of the ranges (each v has one term per shift, and
// the ranges of one shift do not overlap those another shift covers). It is
// Lucene's NumericUtils.splitRange: full blocks of 2^(shift+16) values are
// taken at the coarser shift, the ragged ends at the finer one. There are at
// most two ranges per shift; none when lo > hi.
func TrieRanges(lo, hi int64) []TermRange {
	var out []TermRange
	add := func(a, b int64, shift uint) {
		ta, _ := numeric.NewPrefixCodedInt64(a, shift)
		tb, _ := numeric.NewPrefixCodedInt64(b, shift)
		out = append(out, TermRange{shift, ta, tb})
	}
	if lo > hi {
		return nil
	}
	for shift := uint(0); ; shift += TrieStep {
		mask := int64(1)<<TrieStep - 1
		mask <<= shift
		if shift+TrieStep >= 64 {
			add(lo, hi, shift)
			return out
		}
		diff := int64(1) << (shift + TrieStep)
		hasLower := lo&mask != 0
		hasUpper := hi&mask != mask
		nextLo, nextHi := lo, hi
		if hasLower {
			nextLo += diff // may wrap past MaxInt64: caught below
		}
		if hasUpper {
			nextHi -= diff
		}
		nextLo &^= mask
		nextHi &^= mask
		if nextLo > nextHi || nextLo < lo || nextHi > hi {
			add(lo, hi, shift)
			return out
		}
		if hasLower {
			add(lo, lo|mask, shift)
		}
		if hasUpper {
			add(hi&^mask, hi, shift)
		}
		lo, hi = nextLo, nextHi
	}
}

// trieField is the field of one number or date (its key) under name: the
// shift-0 term as its value, analysed into the 4 trie terms.
func trieField(name string, pos []uint64, key int64, opts index.FieldIndexingOptions) document.Field {
	v, _ := numeric.NewPrefixCodedInt64(key, 0)
	return document.NewTextFieldCustom(name, pos, v, opts, trieAnalyzer{})
}

// trieAnalyzer turns a shift-0 prefix-coded term into the value's trie
// terms, all at position 1 (as bleve's numeric fields).
type trieAnalyzer struct{}

func (trieAnalyzer) Analyze(in []byte) analysis.TokenStream {
	v, err := numeric.PrefixCoded(in).Int64()
	if err != nil {
		return analysis.TokenStream{{Term: in, End: len(in), Position: 1, Type: analysis.Numeric}}
	}
	terms := TrieTerms(v)
	toks := make([]analysis.Token, len(terms))
	out := make(analysis.TokenStream, len(terms))
	for i, t := range terms {
		toks[i] = analysis.Token{Term: t, End: len(t), Position: 1, Type: analysis.Numeric}
		out[i] = &toks[i]
	}
	return out
}
