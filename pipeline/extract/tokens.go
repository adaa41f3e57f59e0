package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/partynews/partynews/digits"
)

// TokKind classifies a token.
type TokKind uint8

// Token kinds.
const (
	Word   TokKind = iota // letters and marks
	Digits                // decimal digits of one or more scripts
	Punct                 // any other single character
)

// Token is a span of the text; Start and End are byte offsets.
type Token struct {
	Start, End int
	Kind       TokKind
}

// Tokenize splits s into words, digit runs and single punctuation characters;
// white space separates tokens and is not one.
func Tokenize(s string) []Token {
	cls := classTable()
	out := make([]Token, 0, tokenGuess(s))
	for i := 0; i < len(s); {
		r, size := decodeRune(s, i)
		c := classIn(cls, r)
		switch {
		case c&clSpace != 0:
			i += size
		case c&(clDigit|clWord) != 0:
			j := i + size
			for j < len(s) {
				r2, sz := decodeRune(s, j)
				if classIn(cls, r2)&c&(clDigit|clWord) == 0 {
					break
				}
				j += sz
			}
			kind := Word
			if c&clDigit != 0 {
				kind = Digits
			}
			out = append(out, Token{i, j, kind})
			i = j
		default:
			out = append(out, Token{i, i + size, Punct})
			i += size
		}
	}
	return out
}

// tokenGuess is the room Tokenize makes for the tokens of s: about one and a
// half per space or newline in spaced scripts (the generated archive has 1.1 to
// 1.3 of them); a quarter of the bytes in scripts with few spaces.
func tokenGuess(s string) int {
	sp := strings.Count(s, " ") + strings.Count(s, "\n")
	g := sp + sp/2 + 16
	if g*16 < len(s) {
		g = len(s)/4 + 1
	}
	return g
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the one-, two- and
// three-byte forms of valid UTF-8 (every script of the archive) decoded in line.
func decodeRune(s string, i int) (rune, int) {
	c0 := s[i]
	switch {
	case c0 < utf8.RuneSelf:
		return rune(c0), 1
	case c0 >= 0xC2 && c0 < 0xE0 && i+1 < len(s):
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c0&0x1F)<<6 | rune(c1&0x3F), 2
		}
	case c0 >= 0xE0 && c0 < 0xF0 && i+2 < len(s):
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			// not overlong, not a surrogate
			if r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Rune classes, looked up in a table for the Basic Multilingual Plane: the
// unicode package's range tables cost a binary search per rune.
const (
	clSpace = 1 << iota // unicode.IsSpace
	clDigit             // a decimal digit of some script (digits.Value)
	clWord              // a letter or a mark
	clCased             // unicode.ToLower changes it
	clUpper             // unicode.IsUpper
	clLower             // unicode.IsLower
)

var (
	bmpClassOnce sync.Once
	bmpClass     []uint8
)

func classOf(r rune) uint8 { return classIn(classTable(), r) }

// classTable returns the classes of the Basic Multilingual Plane, built on
// first use.
func classTable() []uint8 {
	bmpClassOnce.Do(func() {
		bmpClass = make([]uint8, 1<<16)
		for r := range rune(1 << 16) {
			bmpClass[r] = classSlow(r)
		}
	})
	return bmpClass
}

// classIn is classOf with the table at hand: loops fetch it once.
func classIn(t []uint8, r rune) uint8 {
	if uint32(r) < 1<<16 {
		return t[r]
	}
	return classSlow(r)
}

func classSlow(r rune) uint8 {
	var c uint8
	switch {
	case unicode.IsSpace(r):
		c = clSpace
	case isDigit(r):
		c = clDigit
	case unicode.IsLetter(r) || unicode.IsMark(r):
		c = clWord
	}
	if unicode.ToLower(r) != r {
		c |= clCased
	}
	if unicode.IsUpper(r) {
		c |= clUpper
	}
	if unicode.IsLower(r) {
		c |= clLower
	}
	return c
}

// isUpper is unicode.IsUpper, looked up in the table of classOf.
func isUpper(r rune) bool { return classOf(r)&clUpper != 0 }

// isLower is unicode.IsLower, looked up in the table of classOf.
func isLower(r rune) bool { return classOf(r)&clLower != 0 }

// toLower is strings.ToLower without its per-rune case lookups for words that
// have no upper case (most scripts of the archive have none): those come back
// as they are, unallocated.
func toLower(w string) string {
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
		}
		if classOf(r)&clCased != 0 || r == utf8.RuneError {
			return strings.ToLower(w) // it also replaces invalid bytes
		}
		i += size
	}
	return w
}

func isDigit(r rune) bool {
	_, ok := digits.Value(r)
	return ok
}

// Text is an article prepared for extraction: its tokens, lexicon, and the byte
// spans already claimed by an entity (a date's digits are no figure).
type Text struct {
	S       string
	Lang    string
	Lex     *Lexicon
	Toks    []Token
	lower   []string
	claimed []bool      // per token: part of an entity already
	noSpace bool        // the script writes words without spaces (Thai, Lao, Khmer …)
	infos   []*wordInfo // per token: filled for words, on first use for the others
}

// NewText tokenizes text for extraction in lang.
func NewText(text, lang string) *Text {
	t := &Text{S: text, Lang: lang, Lex: LexiconFor(lang), Toks: Tokenize(text)}
	t.lower = make([]string, len(t.Toks))
	t.claimed = make([]bool, len(t.Toks))
	t.infos = make([]*wordInfo, len(t.Toks))
	for i, tok := range t.Toks {
		if tok.Kind == Word {
			// one look-up gives the lower case and what the person
			// extractor asks of it: the same words come in every article
			w := tokenWords.get(text[tok.Start:tok.End], newTokenWord)
			t.lower[i], t.infos[i] = w.lower, w.info
		} else {
			t.lower[i] = text[tok.Start:tok.End]
		}
	}
	t.noSpace = t.Lex.Unspaced
	return t
}

// Claim marks the tokens overlapping [start, end) as taken by an entity.
func (t *Text) Claim(start, end int) {
	for k := t.tokenAt(start); k < len(t.Toks) && t.Toks[k].Start < end; k++ {
		t.claimed[k] = true
	}
}

// Claimed reports whether a token overlapping [start, end) is taken.
func (t *Text) Claimed(start, end int) bool {
	for k := t.tokenAt(start); k < len(t.Toks) && t.Toks[k].Start < end; k++ {
		if t.claimed[k] {
			return true
		}
	}
	return false
}

// tokenAt returns the first token that ends after offset off.
func (t *Text) tokenAt(off int) int {
	return sort.Search(len(t.Toks), func(k int) bool { return t.Toks[k].End > off })
}

// tok returns the text of token i, lower-cased for words.
func (t *Text) tok(i int) string {
	if i < 0 || i >= len(t.Toks) {
		return ""
	}
	return t.lower[i]
}

// gap reports whether tokens i and i+1 are separated by white space.
func (t *Text) gap(i int) bool {
	return i+1 < len(t.Toks) && t.Toks[i].End < t.Toks[i+1].Start
}

// sameLine reports whether no newline lies between tokens i and j.
func (t *Text) sameLine(i, j int) bool {
	if i > j {
		i, j = j, i
	}
	if j >= len(t.Toks) {
		j = len(t.Toks) - 1 // a match that ends the text
	}
	if i < 0 || i >= j {
		return true
	}
	return !strings.Contains(t.S[t.Toks[i].End:t.Toks[j].Start], "\n")
}

// match finds the longest phrase of list at token i and returns it with the index
// of the token after it. In scripts without spaces a one-token phrase may also be
// the start of a longer word (then end is inside token i).
func (t *Text) match(i int, ps phrases) (p phrase, next, end int, ok bool) {
	if i < 0 || i >= len(t.Toks) {
		return phrase{}, i, 0, false
	}
	var first []int32
	if ps.firstShapes.may(t.lower[i]) {
		first = ps.byFirst[t.lower[i]]
	}
	for _, x := range first {
		p := ps.list[x]
		k := len(p.toks)
		if i+k > len(t.Toks) {
			continue
		}
		good := true
		for j := 1; j < k; j++ {
			if t.lower[i+j] != p.toks[j] || !t.sameLine(i, i+j) {
				good = false
				break
			}
		}
		if good {
			return p, i + k, t.Toks[i+k-1].End, true
		}
	}
	if (t.noSpace || t.Lex.Glued) && t.Toks[i].Kind == Word {
		for _, x := range ps.single {
			if p := ps.list[x]; strings.HasPrefix(t.lower[i], p.toks[0]) {
				return p, i + 1, t.Toks[i].Start + len(p.toks[0]), true
			}
		}
	}
	return phrase{}, i, 0, false
}

// matchBefore finds the longest phrase of list that ends right before token i
// and returns the index of its first token. In scripts without spaces a one-token
// phrase may be the end of a longer word.
func (t *Text) matchBefore(i int, ps phrases) (p phrase, first int, ok bool) {
	if i <= 0 || i > len(t.Toks) {
		return phrase{}, i, false
	}
	var last []int32
	if ps.lastShapes.may(t.lower[i-1]) {
		last = ps.byLast[t.lower[i-1]]
	}
	for _, x := range last {
		p := ps.list[x]
		k := len(p.toks)
		if i-k < 0 {
			continue
		}
		good := true
		for j := 0; j < k-1; j++ {
			if t.lower[i-k+j] != p.toks[j] {
				good = false
				break
			}
		}
		if good && t.sameLine(i-k, i) {
			return p, i - k, true
		}
	}
	if t.noSpace && t.Toks[i-1].Kind == Word {
		for _, x := range ps.single {
			if p := ps.list[x]; strings.HasSuffix(t.lower[i-1], p.toks[0]) {
				return p, i - 1, true
			}
		}
	}
	return phrase{}, i, false
}

// digitsValue returns the value of a digit token of any script.
func digitsValue(s string) int {
	n := 0
	for _, r := range s {
		d, _ := digits.Value(r)
		n = n*10 + d
		if n > 1e9 {
			return n
		}
	}
	return n
}

func digitValue(r rune) (int, bool) { return digits.Value(r) }

// claimURLs claims every URL and e-mail address, whose digits are no entity.
func (t *Text) claimURLs() {
	for _, pre := range []string{"http://", "https://", "www."} {
		for off := 0; ; {
			k := strings.Index(t.S[off:], pre)
			if k < 0 {
				break
			}
			s := off + k
			e := s
			for e < len(t.S) && !unicode.IsSpace(rune(t.S[e])) {
				e++
			}
			t.Claim(s, e)
			off = e
		}
	}
}
