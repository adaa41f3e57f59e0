package index

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// NormalizeIndicName is the registered name of indicNormalizer, our faster
// equivalent of bleve's "normalize_in" (package analysis/lang/in): it writes the
// letters the Indic scripts can type in two or three parts (अ + ा, क + ़) as the
// one letter Unicode has for them (आ, क़), by the composition table of
// indic_compose.txt. It gives exactly bleve's terms for every input (the tests
// compare the two exhaustively over every Indic block); unlike bleve's it does not
// look each rune up in nine Unicode range tables, and it leaves a term with
// nothing to compose as it is, without copying it.
const NormalizeIndicName = "pn_normalize_in"

//go:embed indic_compose.txt
var indicComposeText string

// The blocks of the nine scripts of the table lie, in this order, one after
// another from U+0900 to U+0D7F, 128 code points each.
const (
	indicLo = 0x0900
	indicHi = 0x0D7F
	zwj     = 0x200D
)

var indicScripts = [...]struct {
	name  string
	table *unicode.RangeTable
}{
	{"devanagari", unicode.Devanagari},
	{"bengali", unicode.Bengali},
	{"gurmukhi", unicode.Gurmukhi},
	{"gujarati", unicode.Gujarati},
	{"oriya", unicode.Oriya},
	{"tamil", unicode.Tamil},
	{"telugu", unicode.Telugu},
	{"kannada", unicode.Kannada},
	{"malayalam", unicode.Malayalam},
}

// indicBase is the first code point of script s's block (s counts from 0).
func indicBase(s int) rune { return indicLo + rune(s)*0x80 }

// indicRule composes first (the letter it is filed under), second and third
// into result; all are offsets within the script's block. third is -1 for a
// two-letter rule, 0xFF for the zero width joiner.
type indicRule struct{ second, third, result rune }

// indicNormalizer is the filter. For a code point r of U+0900–U+0D7F,
// script[r-indicLo] is 1 + the index of r's script in indicScripts (0: none of
// them; a danda U+0964 is Common, not Devanagari), and first[r-indicLo] the rules
// r starts in its script, in the table's order (the first that applies wins).
//
// Code points outside U+0900–U+0D7F are never looked up: bleve's normaliser
// computes offsets from the script's block start, and every such code point of the
// nine scripts (Vedic extensions, Devanagari extended, Tamil supplement, …) lies
// at an offset of 0x80 or more, other than 0xFF, from its script's block, where no
// rule starts or continues (TestIndicOutsideBlocks checks this against unicode).
// So such a code point composes with nothing, exactly as one of no script.
type indicNormalizer struct {
	script [indicHi - indicLo + 1]uint8
	first  [indicHi - indicLo + 1][]indicRule
}

func init() {
	must(registry.RegisterTokenFilter(NormalizeIndicName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		n, err := loadIndic()
		if err != nil {
			return nil, fmt.Errorf("token filter %s: %w", NormalizeIndicName, err)
		}
		return n, nil
	}))
}

var loadIndic = sync.OnceValues(func() (*indicNormalizer, error) {
	return parseIndicRules(indicComposeText)
})

// parseIndicRules builds the normaliser from the text of indic_compose.txt.
func parseIndicRules(text string) (*indicNormalizer, error) {
	n := &indicNormalizer{}
	for s, sc := range indicScripts {
		for _, rg := range sc.table.R16 {
			for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
				if r >= indicLo && r <= indicHi {
					if n.script[r-indicLo] != 0 {
						return nil, fmt.Errorf("indic scripts: U+%04X in two scripts", r)
					}
					n.script[r-indicLo] = uint8(s + 1)
				}
			}
		}
	}
	byName := map[string]int{}
	for s, sc := range indicScripts {
		byName[sc.name] = s
	}
	hex := func(f string) (rune, error) {
		v, err := strconv.ParseUint(f, 16, 8)
		if err != nil || v >= 0x80 {
			return 0, fmt.Errorf("offset %q not in 00–7F", f)
		}
		return rune(v), nil
	}
	for ln, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		bad := func(err error) error { return fmt.Errorf("indic_compose.txt line %d: %w", ln+1, err) }
		if len(f) != 5 {
			return nil, bad(fmt.Errorf("%d fields, want 5", len(f)))
		}
		var r indicRule
		first, err := hex(f[0])
		if err != nil {
			return nil, bad(err)
		}
		if r.second, err = hex(f[1]); err != nil {
			return nil, bad(err)
		}
		switch f[2] {
		case "-":
			r.third = -1
		case "ZWJ":
			r.third = 0xFF
		default:
			if r.third, err = hex(f[2]); err != nil {
				return nil, bad(err)
			}
		}
		if r.result, err = hex(f[3]); err != nil {
			return nil, bad(err)
		}
		for _, name := range strings.Split(f[4], ",") {
			s, ok := byName[name]
			if !ok {
				return nil, bad(fmt.Errorf("unknown script %q", name))
			}
			// A rule applies only to letters of its script; a first letter
			// of no script (an unassigned code point) starts nothing.
			if c := indicBase(s) + first - indicLo; int(n.script[c]) == s+1 {
				n.first[c] = append(n.first[c], r)
			}
		}
	}
	return n, nil
}

// Filter implements analysis.TokenFilter.
func (n *indicNormalizer) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = n.normalize(t.Term)
	}
	return in
}

// decodeAt decodes the rune at term[i:], the Indic blocks' three bytes
// E0 A4 80 – E0 B5 BF without a call.
func decodeAt(term []byte, i int) (rune, int) {
	if i+2 < len(term) && term[i] == 0xE0 {
		if b1, b2 := term[i+1], term[i+2]; b1 >= 0xA4 && b1 <= 0xB5 && b2&0xC0 == 0x80 {
			return rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRune(term[i:])
}

// scriptOf returns 1 + the index of r's script, or 0 for a code point outside
// the Indic blocks or of no script of the table.
func (n *indicNormalizer) scriptOf(r rune) int {
	if r < indicLo || r > indicHi {
		return 0
	}
	return int(n.script[r-indicLo])
}

// normalize returns term with its letters composed; term itself when nothing
// composes. Like bleve's it reads invalid UTF-8 as U+FFFD, one per bad byte.
func (n *indicNormalizer) normalize(term []byte) []byte {
	var out []byte // nil until a letter composes
	last := 0      // term[:last] is in out
	for i := 0; i < len(term); {
		if term[i] < 0x80 {
			i++
			continue
		}
		r, size := decodeAt(term, i)
		if r == utf8.RuneError && size == 1 {
			return n.normalize(validRunes(term))
		}
		if r >= indicLo && r <= indicHi && n.first[r-indicLo] != nil {
			if res, used := n.compose(term, i+size, r); used > 0 {
				if out == nil {
					out = make([]byte, 0, len(term))
				}
				out = append(out, term[last:i]...)
				out = utf8.AppendRune(out, res)
				i += size + used
				last = i
				continue
			}
		}
		i += size
	}
	if out == nil {
		return term
	}
	return append(out, term[last:]...)
}

// compose applies the first rule of r (the letter before term[j:]) that the
// letters at term[j:] complete; it returns the composed letter and the bytes of
// term[j:] it takes (0: no rule applies).
func (n *indicNormalizer) compose(term []byte, j int, r rune) (rune, int) {
	if j >= len(term) {
		return 0, 0
	}
	s := n.scriptOf(r)
	base := indicBase(s - 1)
	r1, size1 := decodeAt(term, j)
	if n.scriptOf(r1) != s {
		return 0, 0
	}
	ch1, ch2, size2 := r1-base, rune(-1), 0
	if k := j + size1; k < len(term) {
		var r2 rune
		r2, size2 = decodeAt(term, k)
		switch {
		case r2 == zwj:
			ch2 = 0xFF
		case n.scriptOf(r2) == s:
			ch2 = r2 - base
		}
	}
	for _, rule := range n.first[r-indicLo] {
		if rule.second != ch1 {
			continue
		}
		if rule.third < 0 {
			return base + rule.result, size1
		}
		if rule.third == ch2 {
			return base + rule.result, size1 + size2
		}
	}
	return 0, 0
}

// validRunes re-encodes term with each byte of invalid UTF-8 as U+FFFD, as
// bleve's bytes.Runes and BuildTermFromRunes do.
func validRunes(term []byte) []byte {
	out := make([]byte, 0, len(term)+8)
	for _, r := range bytes.Runes(term) {
		out = utf8.AppendRune(out, r)
	}
	return out
}
