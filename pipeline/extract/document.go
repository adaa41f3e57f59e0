package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Documents finds the numbers of Party and State documents — resolutions,
// directives, conclusions, decisions … — in their Party form (18-NQ/TW), State
// forms (10/CT-UBND, 30/2020/NĐ-CP), and with the Latin letters spelled out as
// English letter names in the article's script (18-एनक्यू/टीडब्ल्यू).
// Value: the Latin code without spaces.
type Documents struct{}

// knownCodes are the document types and issuers of the Vietnamese system. Letter
// names written apart ("ٹی ڈبلیو") join only while they spell a known code, so an
// everyday word after a code (Urdu کے, "of", is also the letter K) stays a word.
var knownCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`NQ CT KL QD QYD HD KH TB BC CTR DA TTR CV QDNS TT ND L SL TTLT CD DS HDLT
		TW TU HU DU VPTW UBKTTU UBKTTW UBND CP TTG QH UBTVQH BCT BTC BCH BCS DUQSTW BTGTW BDNTW BNCTW TWDTN
		BNV BQP BCA BYT BGDDT BTP NHNN VKSNDTC TANDTC MTTQ KTTW BKTTW UBKT HDND TANDTC`) {
		knownCodes[c] = true
	}
}

func knownPrefix(s string) bool {
	s = foldCode(s)
	for c := range knownCodes {
		if strings.HasPrefix(c, s) {
			return true
		}
	}
	return false
}

// foldCode upper-cases a code and reads Đ as D.
func foldCode(s string) string { return dFold.Replace(strings.ToUpper(s)) }

// FoldDocument is the form in which document codes are indexed and compared:
// upper case, Đ read as D (30/2020/NĐ-CP → 30/2020/ND-CP).
func FoldDocument(code string) string { return foldCode(code) }

var dFold = strings.NewReplacer("Đ", "D", "đ", "D")

// Extract implements Extractor.
func (Documents) Extract(t *Text) []Entity {
	var out []Entity
	for i := 0; i < len(t.Toks); i++ {
		if t.Toks[i].Kind != Digits || t.claimed[i] {
			continue
		}
		if i > 0 && (t.tok(i-1) == "/" || t.tok(i-1) == "-" || t.tok(i-1) == ".") && !t.gap(i-1) {
			continue // inside a longer code or number
		}
		if e, next, ok := t.document(i); ok {
			out = append(out, e)
			t.Claim(e.Start, e.End)
			i = next - 1
		}
	}
	return out
}

// document tries to read a document code starting with the number at token i.
func (t *Text) document(i int) (Entity, int, bool) {
	num := strconv.Itoa(digitsValue(t.S[t.Toks[i].Start:t.Toks[i].End]))
	sep := t.tok(i + 1)
	if sep != "-" && sep != "/" && sep != "–" {
		return Entity{}, 0, false
	}
	j := i + 2
	var value string
	switch {
	case sep == "/" && j < len(t.Toks) && t.Toks[j].Kind == Digits && t.tok(j+1) == "/":
		// State form with a year: 30/2020/NĐ-CP
		year := t.S[t.Toks[j].Start:t.Toks[j].End]
		typ, k, ok := t.codeGroup(j+2, false)
		if !ok || t.tok(k) != "-" {
			return Entity{}, 0, false
		}
		iss, k2, ok := t.codeGroup(k+1, true)
		if !ok {
			return Entity{}, 0, false
		}
		value, j = num+"/"+strconv.Itoa(digitsValue(year))+"/"+typ+"-"+iss, k2
	case sep == "/":
		// State form: 10/CT-UBND
		typ, k, ok := t.codeGroup(j, false)
		if !ok || t.tok(k) != "-" {
			return Entity{}, 0, false
		}
		iss, k2, ok := t.codeGroup(k+1, true)
		if !ok {
			return Entity{}, 0, false
		}
		value, j = num+"/"+typ+"-"+iss, k2
	default:
		// Party form: 18-NQ/TW
		typ, k, ok := t.codeGroup(j, false)
		if !ok || t.tok(k) != "/" {
			return Entity{}, 0, false
		}
		iss, k2, ok := t.codeGroup(k+1, true)
		if !ok {
			return Entity{}, 0, false
		}
		value, j = num+"-"+typ+"/"+iss, k2
	}
	// State issuers may have more parts: QĐ-BCĐ-TTg
	for t.tok(j) == "-" && !t.gap(j-1) {
		more, k, ok := t.codeGroup(j+1, true)
		if !ok {
			break
		}
		value += "-" + more
		j = k
	}
	start, end := t.Toks[i].Start, t.Toks[j-1].End
	return Entity{Type: Document, Text: t.S[start:end], Value: value, Start: start, End: end}, j, true
}

// codeGroup reads the letters of one part of a code at token i: a Latin group
// (NQ, TTg, QĐ) or letter names of the article's script, joined in one word or
// written apart. It returns the Latin letters and the next token.
func (t *Text) codeGroup(i int, last bool) (string, int, bool) {
	if i >= len(t.Toks) || t.Toks[i].Kind != Word {
		return "", i, false
	}
	w := t.S[t.Toks[i].Start:t.Toks[i].End]
	if isLatinCode(w) {
		return w, i + 1, true
	}
	first, ok := decodeLetters(t.lower[i], t.Lex)
	if !ok {
		return "", i, false
	}
	// letter names written apart: join while they spell (the start of) a known code
	code, next := first, i+1
	for k := i + 1; k < len(t.Toks) && t.Toks[k].Kind == Word && t.sameLine(i, k); k++ {
		more, ok := decodeLetters(t.lower[k], t.Lex)
		if !ok || !knownPrefix(code+more) {
			break
		}
		code += more
		if knownCodes[foldCode(code)] {
			next = k + 1
		}
	}
	if next == i+1 {
		code = first
	} else {
		code = ""
		for k := i; k < next; k++ {
			d, _ := decodeLetters(t.lower[k], t.Lex)
			code += d
		}
	}
	if len(code) > 8 {
		return "", i, false
	}
	return code, next, true
}

// isLatinCode accepts 1–8 Latin letters with more capitals than small letters
// (NQ, TTg, QyĐ, CTr), so that words (ban-chap-hanh in a URL) are not codes.
func isLatinCode(w string) bool {
	n, upper := 0, 0
	for _, r := range w {
		if r > unicode.MaxLatin1 && r != 'Đ' && r != 'đ' || !unicode.IsLetter(r) {
			return false
		}
		n++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return n >= 1 && n <= 8 && upper*2 > n && unicode.IsUpper(firstRune(w))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// decodeLetters reads a word made only of English letter names of the lexicon's
// script ("एनक्यू" → "NQ"); ok is false unless the whole word decodes.
func decodeLetters(w string, lex *Lexicon) (string, bool) {
	if len(lex.Letters.list) == 0 || w == "" {
		return "", false
	}
	memo := map[int]string{}
	var solve func(p int) (string, bool)
	solve = func(p int) (string, bool) {
		if p == len(w) {
			return "", true
		}
		if r, ok := memo[p]; ok {
			return r, r != "\x00"
		}
		for _, l := range lex.Letters.list { // longest names first
			name := l.toks[0]
			if len(l.toks) == 1 && strings.HasPrefix(w[p:], name) {
				if rest, ok := solve(p + len(name)); ok {
					memo[p] = l.Unit + rest
					return l.Unit + rest, true
				}
			}
		}
		memo[p] = "\x00"
		return "", false
	}
	return solve(0)
}

// CanonicalDocument returns the Latin code of a document number written in any
// form the archive uses (18-NQ/TW, १८-एनक्यू/टीडब्ल्यू, 18-این کیو/ٹی ڈبلیو), folded for
// matching: upper case, Đ read as D. It returns "" when s is not a code.
func CanonicalDocument(s string) string {
	for _, lang := range append([]string{""}, Languages()...) {
		t := NewText(strings.TrimSpace(s), lang)
		if len(t.Toks) == 0 || t.Toks[0].Kind != Digits {
			return ""
		}
		if e, next, ok := t.document(0); ok && next == len(t.Toks) {
			return foldCode(e.Value)
		}
	}
	return ""
}
