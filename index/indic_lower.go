package index

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// LowerName is the registered name of lowerFilter, bleve's "to_lower" with a
// fast path: a term whose letters have no case (Devanagari, Bengali, Arabic,
// Thai, Han, Hangul, …), or are lower case already, is passed over without a
// unicode.ToLower lookup for each of those letters. It gives exactly bleve's terms,
// in bleve's way (it writes the lower case over the term's own bytes when it can);
// TestLowerMatchesBleve checks every code point.
const LowerName = "pn_lowercase"

func init() {
	must(registry.RegisterTokenFilter(LowerName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return lowerFilter{}, nil
	}))
}

type lowerFilter struct{}

// Filter implements analysis.TokenFilter.
func (lowerFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = lowerTerm(t.Term)
	}
	return in
}

// caseless reports whether r is in a range of code points that have no case
// (TestLowerMatchesBleve checks each against unicode.ToLower).
func caseless(r rune) bool {
	return r >= 0x0590 && r <= 0x109F || r >= 0x3000 && r <= 0xA63F || r >= 0xAC00 && r <= 0xD7FF
}

// lowerTerm returns term in lower case: term itself when nothing changes.
func lowerTerm(term []byte) []byte {
	for i := 0; i < len(term); {
		c := term[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return bleveLower(term)
			}
			i++
			continue
		}
		r, size := decodeAt(term, i)
		if !caseless(r) && unicode.ToLower(r) != r {
			return bleveLower(term)
		}
		i += size
	}
	return term
}

// bleveLower is bleve v2.6.1's toLowerDeferredCopy (analysis/token/lowercase,
// Copyright (c) 2014 Couchbase, Inc., Apache License 2.0), copied unchanged: it
// overwrites s when the lower case is no wider, and copies it otherwise.
func bleveLower(s []byte) []byte {
	j := 0
	for i := 0; i < len(s); {
		wid := 1
		r := rune(s[i])
		if r >= utf8.RuneSelf {
			r, wid = utf8.DecodeRune(s[i:])
		}
		l := unicode.ToLower(r)
		if l == r {
			i += wid
			j += wid
			continue
		}
		// A final capital sigma becomes the final small sigma.
		if l == 'σ' && i+2 == len(s) {
			l = 'ς'
		}
		lwid := utf8.RuneLen(l)
		if lwid > wid {
			// Ⱥ and Ⱦ have wider lower cases: bytes.ToLower does the rest.
			rest := bytes.ToLower(s[i:])
			rv := make([]byte, j+len(rest))
			copy(rv[:j], s[:j])
			copy(rv[j:], rest)
			return rv
		}
		utf8.EncodeRune(s[j:], l)
		i += wid
		j += lwid
	}
	return s[:j]
}
