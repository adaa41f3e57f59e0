package extract

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/partynews/partynews/digits"
	"golang.org/x/text/unicode/norm"
)

// Documents finds the numbers of Party and State documents — resolutions,
// directives, conclusions, decisions … — in their Party form (18-NQ/TW), State
// forms (10/CT-UBND, 30/2020/NĐ-CP), and with the Latin letters spelled out as
// English letter names in the article's script (18-एनक्यू/टीडब्ल्यू).
// Value: the Latin code without spaces, its numbers in ASCII digits as written
// (05-CT/TW), its letters as Vietnamese writes them (QĐ, TTg).
type Documents struct{}

// knownCodes are the document types and issuers of the Vietnamese system. Letter
// names written apart ("ٹی ڈبلیو") join only while they spell a known code, so an
// everyday word after a code (Urdu کے, "of", is also the letter K) stays a word.
var knownCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`NQ CT KL QD QYD HD KH TB BC CTR DA TTR CV QDNS TT ND L SL TTLT CD DS HDLT
		TW TU HU DU VPTW UBKTTU UBKTTW UBND CP TTG QH UBTVQH BCT BTC BCH BCS DUQSTW BTGTW BDNTW BNCTW TWDTN
		BNV BQP BCA BYT BGDDT BTP NHNN VKSNDTC TANDTC MTTQ KTTW BKTTW UBKT HDND
		QDI QC PL NQLT BB QU THU DUCA DUK BTCTW BCDTW BCD BBT BKT VPCP BNG BTTTT BKHDT BTNMT BXD BGTVT`) {
		knownCodes[c] = true
	}
}

// legislature are the issuers whose codes end in the number of their term, not
// a type: the National Assembly (43/2019/QH14) and its Standing Committee
// (27/2022/UBTVQH15).
var legislature = map[string]bool{"QH": true, "UBTVQH": true}

func knownPrefix(s string) bool {
	s = foldCode(s)
	for c := range knownCodes {
		if strings.HasPrefix(c, s) {
			return true
		}
	}
	return false
}

// foldCode upper-cases a code and reads Đ as D, other Vietnamese letters (Ư)
// as their base letter.
func foldCode(s string) string {
	s = dFold.Replace(strings.ToUpper(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// other Vietnamese letters (TƯ): their base letter
			var b strings.Builder
			for _, r := range norm.NFD.String(s) {
				if !unicode.IsMark(r) {
					b.WriteRune(r)
				}
			}
			return b.String()
		}
	}
	return s
}

// FoldDocument is the form in which document codes are indexed and compared:
// upper case, Đ read as D, no leading zeros in a number (30/2020/NĐ-CP →
// 30/2020/ND-CP, 05-CT/TW → 5-CT/TW: the same directive as 5-CT/TW).
func FoldDocument(code string) string {
	code = foldCode(code)
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c == '0' && (i == 0 || code[i-1] == '/' || code[i-1] == '-') {
			for i+1 < len(code) && code[i+1] == '0' {
				i++
			}
			if i+1 < len(code) && code[i+1] >= '1' && code[i+1] <= '9' {
				continue // a leading zero
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

var dFold = strings.NewReplacer("Đ", "D", "đ", "D")

// Extract implements Extractor.
func (Documents) Extract(t *Text) []Entity {
	var out []Entity
	for i := 0; i < len(t.Toks); i++ {
		if t.Toks[i].Kind != Digits || t.claimed[i] {
			continue
		}
		if i > 0 && !t.gap(i-1) && (sepOf(t.tok(i-1)) != 0 || t.tok(i-1) == "." && i > 1 && t.Toks[i-2].Kind == Digits) {
			continue // inside a longer code or number (1.18, 2020/18); No.18-NQ/TW is a code
		}
		if e, next, ok := t.document(i); ok {
			out = append(out, e)
			t.Claim(e.Start, e.End)
			i = next - 1
		}
	}
	return out
}

// sepOf reads a token as the separator of a code's parts: '-' for the dashes
// and hyphens machine translation writes (– ‐ ‑ －), '/' for the slashes (／ ⁄ ∕),
// 0 for anything else.
func sepOf(tok string) byte {
	switch tok {
	case "-", "–", "‐", "‑", "－", "—", "−":
		return '-'
	case "/", "／", "⁄", "∕":
		return '/'
	}
	return 0
}

// group is one part of a code read at a token: its Latin letters, the token
// after it, and the byte offset where it ends — inside its last token when the
// code is glued to the word that follows (TTg를, TW号, ทีดับเบิลยูลงวันที่).
type group struct {
	code    string
	next    int
	end     int
	spelled bool // read from letter names, not Latin letters
}

// document tries to read a document code starting with the number at token i.
func (t *Text) document(i int) (Entity, int, bool) {
	num := digits.Fold(t.S[t.Toks[i].Start:t.Toks[i].End]) // 05-CT/TW keeps its 0
	sep := sepOf(t.tok(i + 1))
	if sep == 0 {
		return t.spacedDocument(i, num)
	}
	j := i + 2
	var value string
	var g group
	var parts []group
	switch {
	case sep == '/' && j < len(t.Toks) && t.Toks[j].Kind == Digits && sepOf(t.tok(j+1)) == '/':
		// State form with a year: 30/2020/NĐ-CP
		year := t.S[t.Toks[j].Start:t.Toks[j].End]
		typ, ok := t.codeGroup(j+2, false)
		if ok && legislature[foldCode(typ.code)] && typ.end == t.Toks[typ.next-1].End &&
			typ.next < len(t.Toks) && t.Toks[typ.next].Kind == Digits && !t.gap(typ.next-1) {
			// a law or a resolution of the National Assembly and its term: 43/2019/QH14
			term := t.Toks[typ.next]
			start := t.Toks[i].Start
			return Entity{Type: Document, Text: t.S[start:term.End], Start: start, End: term.End,
				Value: num + "/" + digits.Fold(year) + "/" + typ.code + digits.Fold(t.S[term.Start:term.End])}, typ.next + 1, true
		}
		if !ok || sepOf(t.tok(typ.next)) != '-' {
			return Entity{}, 0, false
		}
		iss, ok := t.codeGroup(typ.next+1, true)
		if !ok {
			return Entity{}, 0, false
		}
		value, g, parts = num+"/"+digits.Fold(year)+"/"+typ.code+"-"+iss.code, iss, []group{typ, iss}
	case sep == '/':
		// State form: 10/CT-UBND
		typ, ok := t.codeGroup(j, false)
		if !ok || sepOf(t.tok(typ.next)) != '-' {
			return Entity{}, 0, false
		}
		iss, ok := t.codeGroup(typ.next+1, true)
		if !ok {
			return Entity{}, 0, false
		}
		value, g, parts = num+"/"+typ.code+"-"+iss.code, iss, []group{typ, iss}
	default:
		// Party form: 18-NQ/TW
		typ, ok := t.codeGroup(j, false)
		if !ok || sepOf(t.tok(typ.next)) != '/' {
			return Entity{}, 0, false
		}
		iss, ok := t.codeGroup(typ.next+1, true)
		if !ok {
			return Entity{}, 0, false
		}
		value, g, parts = num+"-"+typ.code+"/"+iss.code, iss, []group{typ, iss}
	}
	// State issuers may have more parts: QĐ-BCĐ-TTg
	for g.end == t.Toks[g.next-1].End && sepOf(t.tok(g.next)) == '-' && !t.gap(g.next-1) {
		more, ok := t.codeGroup(g.next+1, true)
		if !ok {
			break
		}
		value += "-" + more.code
		g = more
		parts = append(parts, more)
	}
	if !plausible(parts) {
		return Entity{}, 0, false
	}
	start := t.Toks[i].Start
	return Entity{Type: Document, Text: t.S[start:g.end], Value: value, Start: start, End: g.end}, g.next, true
}

// spacedDocument reads a Party code whose number stands apart from its letters
// (18 NQ/TW, as machine translation sometimes writes it): only when both parts
// are a known type and issuer.
func (t *Text) spacedDocument(i int, num string) (Entity, int, bool) {
	if !t.gap(i) || !t.sameLine(i, i+1) {
		return Entity{}, 0, false
	}
	typ, ok := t.codeGroup(i+1, false)
	if !ok || !knownCodes[foldCode(typ.code)] || sepOf(t.tok(typ.next)) != '/' {
		return Entity{}, 0, false
	}
	iss, ok := t.codeGroup(typ.next+1, true)
	if !ok || !knownCodes[foldCode(iss.code)] {
		return Entity{}, 0, false
	}
	start := t.Toks[i].Start
	return Entity{Type: Document, Text: t.S[start:iss.end], Value: num + "-" + typ.code + "/" + iss.code, Start: start, End: iss.end}, iss.next, true
}

// plausible reports whether the parts of a code make a document number: any
// code written in Latin letters, but letter names (which are everyday syllables
// too: Korean 이, 유) only when one part is a known type or issuer.
func plausible(parts []group) bool {
	for _, p := range parts {
		if !p.spelled || knownCodes[foldCode(p.code)] {
			return true
		}
	}
	return false
}

// codeGroup reads the letters of one part of a code at token i: a Latin group
// (NQ, TTg, QĐ, НQ with a Cyrillic look-alike) or letter names of the article's
// script, in one word or written apart. The last part of a code may be glued to
// the word after it.
func (t *Text) codeGroup(i int, last bool) (group, bool) {
	if i >= len(t.Toks) || t.Toks[i].Kind != Word {
		return group{}, false
	}
	tk := t.Toks[i]
	w := t.S[tk.Start:tk.End]
	if c, ok := latinGroup(w); ok {
		return group{code: vietForm(c), next: i + 1, end: tk.End}, true
	}
	if last {
		// a Latin code glued to a word of another script: TTg를, TW号, TWの
		if n := latinRun(w); n > 0 && n < len(w) && !startsWithMark(w[n:]) {
			if c, ok := latinGroup(w[:n]); ok {
				return group{code: vietForm(c), next: i + 1, end: tk.Start + n}, true
			}
		}
	}
	return t.letterGroup(i, last)
}

// letterGroup reads English letter names of the article's script at token i:
// one word of names (एनक्यू), or names written apart (ٹی ڈبلیو, エヌ・キュー,
// Эн-Кью) — these join only while they spell (the start of) a known code, so that
// an everyday word after a code (Urdu کے, "of", is also the letter K) stays a
// word. A name of several tokens (дабл-ю, ג'י) counts as one. The last part of a
// code may end inside a word (Thai ทีดับเบิลยูลงวันที่, Korean 티더블유의) when
// what it spells there is a known code.
func (t *Text) letterGroup(i int, last bool) (group, bool) {
	if len(t.Lex.Letters.list) == 0 {
		return group{}, false
	}
	var best group
	code, unit := "", ""
	k := i
	for n := 0; k < len(t.Toks) && t.sameLine(i, k) && n < 8; n++ {
		if n > 0 && k+1 < len(t.Toks) && !t.gap(k-1) && !t.gap(k) {
			switch {
			case isLetterJoiner(t.tok(k)):
				k++ // エヌ・キュー
			case sepOf(t.tok(k)) == '-' && len(unit) == 1:
				// letter by letter with hyphens (Эн-Кью): a hyphen joins two
				// single letters that go on spelling a known code
				if d, _, ok := t.letterUnit(k+1, code); ok && len(d) == 1 && knownPrefix(code+d) {
					k++
				}
			}
		}
		d, next, ok := t.letterUnit(k, code)
		if !ok {
			if last && t.Toks[k].Kind == Word {
				if g, ok := t.gluedLetters(code, k); ok {
					return g, true
				}
			}
			break
		}
		if n > 0 && !knownPrefix(code+d) {
			break
		}
		code, unit, k = code+d, d, next
		if n == 0 || knownCodes[foldCode(code)] {
			best = group{code: code, next: k, end: t.Toks[k-1].End, spelled: true}
		}
	}
	if best.code == "" || len(best.code) > 8 {
		return group{}, false
	}
	best.code = vietForm(best.code)
	return best, true
}

// letterUnit reads the letter names at token k, after the letters code: a name
// of several tokens (дабл-ю, דאבל יו), or a word of names, which may go on over
// apostrophes (енк'ю, ג'יי). It returns the letters and the next token.
func (t *Text) letterUnit(k int, code string) (string, int, bool) {
	if k >= len(t.Toks) || t.Toks[k].Kind != Word {
		return "", k, false
	}
	if p, next, _, ok := t.match(k, t.Lex.Letters); ok && next > k+1 {
		return p.Unit, next, true
	}
	w, m := t.lower[k], k+1
	for m+1 < len(t.Toks) && isApostrophe(t.tok(m)) && !t.gap(m-1) && !t.gap(m) && t.Toks[m+1].Kind == Word {
		w, m = w+t.lower[m+1], m+2
	}
	if c := letterReadings(w, t.Lex); len(c) > 0 {
		return pickDecoding(code, c), m, true
	}
	if m > k+1 {
		if c := letterReadings(t.lower[k], t.Lex); len(c) > 0 {
			return pickDecoding(code, c), k + 1, true
		}
	}
	return "", k, false
}

func isApostrophe(tok string) bool {
	switch tok {
	case "'", "’", "ʼ", "׳", "`":
		return true
	}
	return false
}

// gluedLetters reads letter names that start the word at token k and end inside
// it, after the letters of code read before: the longest such start that makes a
// known code, and not one that cuts a letter from its marks.
func (t *Text) gluedLetters(code string, k int) (group, bool) {
	w, raw := t.lower[k], t.S[t.Toks[k].Start:t.Toks[k].End]
	if len(w) != len(raw) {
		return group{}, false // lower-casing changed the length: offsets would not match
	}
	cands := letterDecodings(w, t.Lex)
	for p := len(w) - 1; p > 0; p-- {
		if startsWithMark(raw[p:]) {
			continue
		}
		for _, d := range cands[p] {
			if knownCodes[foldCode(code+d)] {
				return group{code: vietForm(code + d), next: k + 1, end: t.Toks[k].Start + p, spelled: true}, true
			}
		}
	}
	return group{}, false
}

// isLetterJoiner reports the marks that join letter names written apart: the
// katakana middle dot (エヌ・キュー) and its look-alikes.
func isLetterJoiner(tok string) bool {
	return tok == "・" || tok == "·" || tok == "‧" || tok == "･"
}

func startsWithMark(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsMark(r)
}

// latinRun returns the byte length of the run of Latin letters that starts w.
func latinRun(w string) int {
	for i, r := range w {
		if !isLatinLetter(r) && fullWidth(r) == r {
			return i
		}
	}
	return len(w)
}

// isLatinLetter reports a letter of the Latin script as Vietnamese writes it:
// ASCII, Latin-1, Latin Extended (Đ, Ư) and the Vietnamese block (Ộ).
func isLatinLetter(r rune) bool {
	return (r < 0x250 || r >= 0x1E00 && r <= 0x1EFF) && unicode.IsLetter(r)
}

// lookAlikes are the Cyrillic and Greek capitals that machine translation
// sometimes leaves in a Latin code (НQ/ТW), read as the Latin letters they look
// like — but Cyrillic Н and У as the letters they transcribe, N and U (НQ, ТУ).
var lookAlikes = map[rune]rune{
	'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'N', 'І': 'I', 'К': 'K', 'М': 'M', 'О': 'O',
	'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'U', 'Ѕ': 'S', 'Ј': 'J',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
	'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// fullWidth reads a full-width Latin letter (ＮＱ) as its ASCII letter; other
// runes come back as they are.
func fullWidth(r rune) rune {
	switch {
	case r >= 'Ａ' && r <= 'Ｚ':
		return r - 'Ａ' + 'A'
	case r >= 'ａ' && r <= 'ｚ':
		return r - 'ａ' + 'a'
	}
	return r
}

// latinGroup reads a word as a Latin code group (isLatinCode); full-width
// letters (ＮＱ) read as ASCII. Cyrillic and
// Greek look-alike capitals are read as Latin letters when the word also has a
// Latin letter (НQ) or when it reads as a known code (СТ, ТУ).
func latinGroup(w string) (string, bool) {
	if isLatinCode(w) {
		return w, true
	}
	var b strings.Builder
	latin := false
	for _, r := range w {
		switch l, ok := lookAlikes[r]; {
		case isLatinLetter(r):
			latin = true
			b.WriteRune(r)
		case fullWidth(r) != r:
			latin = true
			b.WriteRune(fullWidth(r))
		case ok:
			b.WriteRune(l)
		default:
			return "", false
		}
	}
	c := b.String()
	if !isLatinCode(c) || !latin && !knownCodes[foldCode(c)] {
		return "", false
	}
	return c, true
}

// vietForms are codes as Vietnamese writes them where the archive drops the
// stroke of Đ or the small letter (QD, TTG): the value is the Vietnamese form.
var vietForms = map[string]string{
	"QD": "QĐ", "ND": "NĐ", "QDNS": "QĐNS", "TTG": "TTg", "HDND": "HĐND", "BCD": "BCĐ",
	"QYD": "QyĐ", "CTR": "CTr", "TTR": "TTr",
}

func vietForm(c string) string {
	if v, ok := vietForms[foldCode(c)]; ok {
		return v
	}
	return c
}

// isLatinCode accepts 1–8 Latin letters with more capitals than small letters
// (NQ, TTg, QyĐ, CTr), so that words (ban-chap-hanh in a URL) are not codes.
func isLatinCode(w string) bool {
	n, upper := 0, 0
	for _, r := range w {
		if !isLatinLetter(r) {
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

// letterName is one English letter name of a lexicon as one string: a name of
// several tokens is also read with its tokens run together (дабл-ю → даблю,
// ג'י → גי), as machine translation writes it inside a longer word.
type letterName struct{ name, letter string }

var letterNameCache sync.Map // *Lexicon → []letterName

// letterNames returns the letter names of lex, longest first.
func letterNames(lex *Lexicon) []letterName {
	if v, ok := letterNameCache.Load(lex); ok {
		return v.([]letterName)
	}
	var out []letterName
	seen := map[letterName]bool{}
	for _, p := range lex.Letters.list {
		var b strings.Builder
		for _, tok := range p.toks {
			if r := firstRune(tok); unicode.IsLetter(r) || unicode.IsMark(r) {
				b.WriteString(tok)
			}
		}
		if n := (letterName{b.String(), p.Unit}); n.name != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].name) > len(out[j].name) })
	letterNameCache.Store(lex, out)
	return out
}

// maxDecodings bounds the readings kept per prefix of a word (Arabic بي is B
// and P: a long word of such names has many readings).
const maxDecodings = 8

// letterDecodings reads the prefixes of w as English letter names of the
// lexicon's script: out[p] holds the readings of w[:p] (at most maxDecodings,
// longest names first), empty where w[:p] is no run of names; out[len(w)] are the
// readings of the whole word.
func letterDecodings(w string, lex *Lexicon) [][]string {
	out := make([][]string, len(w)+1)
	if w == "" || len(lex.Letters.list) == 0 || len(w) > 256 {
		return out
	}
	names := letterNames(lex)
	out[0] = []string{""}
	for p := 0; p < len(w); p++ {
		if len(out[p]) == 0 {
			continue
		}
		for _, l := range names {
			if !strings.HasPrefix(w[p:], l.name) {
				continue
			}
			q := p + len(l.name)
			for _, d := range out[p] {
				if len(out[q]) < maxDecodings {
					out[q] = append(out[q], d+l.letter)
				}
			}
		}
	}
	return out
}

// letterReadings returns the readings of the whole word w as letter names,
// letterDecodings(w, lex)[len(w)], without reading a word that starts with no
// letter name (most words).
func letterReadings(w string, lex *Lexicon) []string {
	for _, l := range letterNames(lex) {
		if strings.HasPrefix(w, l.name) {
			return letterDecodings(w, lex)[len(w)]
		}
	}
	return nil
}

// pickDecoding chooses among the readings of a word the one that continues the
// letters read before it into a known code, else into the start of one, else
// the first (longest names).
func pickDecoding(code string, cands []string) string {
	for _, d := range cands {
		if knownCodes[foldCode(code+d)] {
			return d
		}
	}
	for _, d := range cands {
		if knownPrefix(code + d) {
			return d
		}
	}
	return cands[0]
}

// decodeLetters reads a word made only of English letter names of the lexicon's
// script ("एनक्यू" → "NQ"); ok is false unless the whole word decodes.
func decodeLetters(w string, lex *Lexicon) (string, bool) {
	cands := letterDecodings(w, lex)[len(w)]
	if len(cands) == 0 {
		return "", false
	}
	return pickDecoding("", cands), true
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
		if e, next, ok := t.document(0); ok && next == len(t.Toks) && e.End == len(t.S) {
			return FoldDocument(e.Value)
		}
	}
	return ""
}
