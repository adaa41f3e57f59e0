package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Figures finds cardinal quantities written with digits (in any script, with
// Indian, European or space grouping) or number words, with their multiplier
// (लाख, million, ألف …), unit (VND, %, km …) and qualifier (approx, more than,
// less than). Numbers inside dates, years, periods, document codes, ordinals,
// times, URLs and list markers are not figures. Value: the number.
type Figures struct{}

// Extract implements Extractor.
func (Figures) Extract(t *Text) []Entity {
	var out []Entity
	for i := 0; i < len(t.Toks); i++ {
		tok := t.Toks[i]
		if t.claimed[i] {
			continue
		}
		var v float64
		var next int
		switch tok.Kind {
		case Digits:
			var ok bool
			if v, next, ok = t.number(i); !ok {
				// skip the rest of a number we refuse
				for next = i + 1; next < len(t.Toks) && t.Toks[next].Kind != Word && !t.gap(next-1); next++ {
				}
				i = next - 1
				continue
			}
		case Word:
			p, k, _, ok := t.match(i, t.Lex.Numbers)
			if !ok || (t.noSpace && k == i+1 && len(p.toks[0]) != len(t.lower[i])) {
				if t.noSpace && len(t.Lex.NumberAfter.list) > 0 {
					out = append(out, t.wordFigures(i)...) // 三省, သုံးကြိမ်: not claimed, a name may share the word
				}
				continue
			}
			if _, _, _, ord := t.match(k, t.Lex.OrdinalAfter); ord {
				continue // 두 번째 (second)
			}
			if p.Value == 1 {
				if _, _, _, mult := t.multiplierAt(k); !mult {
					continue // one alone is an article (एक बैठक, a meeting); one thousand is a figure
				}
			}
			if _, _, ord := t.matchBefore(i, t.Lex.OrdinalBefore); ord && !t.noSpace {
				continue // الخامسة عشرة (fifteenth)
			}
			if n := t.tok(k); t.lineStart(i) && (n == "、" || n == "." || n == ")") {
				continue // a list marker: 一、 二、
			}
			if k == i+1 && t.Lang != "de" && unicode.IsUpper(firstRune(t.S[t.Toks[i].Start:])) && k < len(t.Toks) && t.Toks[k].Kind == Word && t.sameLine(i, k) && t.capitalisedWord(k) {
				if _, _, _, mult := t.multiplierAt(k); !mult && !t.unitAt(k) {
					continue // a capitalised word before another: a name (Norwegian "to" is two, but To Lam is To Lam; Five Million Tons stays)
				}
			}
			if n := t.tok(k); (n == "'" || n == "’" || n == "ʼ") && k == i+1 && !t.gap(i) && !t.gap(k) && k+1 < len(t.Toks) && t.Toks[k+1].Kind == Word {
				continue // a word with an apostrophe: Ukrainian сім'ї (families), not сім (seven)
			}
			v, next = p.Value, k
		default:
			continue
		}
		e, end := t.figure(i, next, v)
		if end > 0 {
			out = append(out, e)
			t.Claim(e.Start, e.End)
			i = end - 1
		}
	}
	return out
}

// number reads the digits at token i with their grouping and decimal part and
// reports whether they are a figure at all (not a year, ordinal, time …).
func (t *Text) number(i int) (float64, int, bool) {
	s := t.S[t.Toks[i].Start:t.Toks[i].End]
	digits := ascii(s)
	first := len(digits)
	j := i + 1
	grouped, decimal := false, false
	for j+1 < len(t.Toks) && t.Toks[j+1].Kind == Digits {
		sep := t.tok(j)
		next := ascii(t.S[t.Toks[j+1].Start:t.Toks[j+1].End])
		if sep == "٫" || sep == "٬" { // Arabic decimal and thousands marks: ۸٫۰۲, ۱۲٬۵۰۰
			if t.gap(j-1) || t.gap(j) || decimal || (sep == "٬" && len(next) != 3) {
				goto done
			}
			if sep == "٫" {
				digits += "." + next
				decimal = true
			} else {
				digits += next
				grouped = true
			}
			j += 2
			continue
		}
		switch {
		case (sep == "," || sep == ".") && !t.gap(j-1) && !t.gap(j):
			chained := j+3 < len(t.Toks) && t.tok(j+2) == sep && !t.gap(j+1) && t.Toks[j+3].Kind == Digits
			switch {
			case len(next) == 3 && !decimal && (first <= 3 || grouped):
				digits += next
				grouped = true
			case len(next) == 2 && chained && !decimal && first <= 3:
				digits += next // Indian grouping: 1,00,000
				grouped = true
			case !decimal && !grouped || (!decimal && sep == string(t.Lex.Decimal)):
				digits += "." + next
				decimal = true
			default:
				return 0, j, false
			}
		default:
			goto done
		}
		j += 2
	}
done:
	// space grouping: "119 396", "24 233,07"
	for t.Lex.GroupSpace && !decimal && j < len(t.Toks) && t.Toks[j].Kind == Digits && t.S[t.Toks[j-1].End:t.Toks[j].Start] == " " &&
		len(ascii(t.S[t.Toks[j].Start:t.Toks[j].End])) == 3 && (first <= 3) {
		digits += ascii(t.S[t.Toks[j].Start:t.Toks[j].End])
		grouped = true
		j++
		if j+1 < len(t.Toks) && t.tok(j) == string(t.Lex.Decimal) && !t.gap(j-1) && !t.gap(j) && t.Toks[j+1].Kind == Digits {
			digits += "." + ascii(t.S[t.Toks[j+1].Start:t.Toks[j+1].End])
			decimal = true
			j += 2
		}
	}
	if !grouped && !decimal && first >= 7 && digits[0] == '0' {
		return 0, j, false // a phone number: 0912345678
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, j, false
	}
	if !grouped && !decimal && t.isYear(i, v, first) {
		return 0, j, false
	}
	if t.notFigure(i, j) {
		return 0, j, false
	}
	return v, j, true
}

// isYear reports a bare year: four digits from 1900 to 2100 (2400–2700 in
// a lexicon with an era offset), or from 1000 after a word for the year
// ([year_prefix]: Arabic "منذ عام 1858"), not followed by a multiplier or a
// unit.
func (t *Text) isYear(i int, v float64, n int) bool {
	if n != 4 {
		return false
	}
	era := float64(t.Lex.EraOffset)
	if !(v >= 1900 && v <= 2100) && !(era > 0 && v >= 1900+era && v <= 2100+era) {
		if _, _, ok := t.matchBefore(i, t.Lex.YearPrefix); !ok || v < 1000 || v > 2100 {
			return false
		}
	}
	_, _, _, mult := t.match(i+1, t.Lex.Multipliers)
	return !mult && t.tok(i+1) != "%"
}

// notFigure applies the rules that make the number at tokens [i, j) no figure.
func (t *Text) notFigure(i, j int) bool {
	prev, next := t.tok(i-1), t.tok(j)
	// glued to a word before it (G20, COVID19), except a clitic (Arabic و8) or
	// in a script that glues every word (Chinese 有453名, but not G20 there either)
	if i > 0 && !t.gap(i-1) && t.Toks[i-1].Kind == Word {
		_, _, clitic := t.matchBefore(i, t.Lex.NumberClitics)
		p, _, unit := t.matchBefore(i, t.Lex.Units) // a currency glued before: VND200 miliar (but km2)
		if !clitic && !(unit && isCurrency(p.Unit)) && (!t.Lex.GluedNumbers || endsLatin(t.lower[i-1])) {
			return true
		}
	}
	if (prev == "-" || prev == "–") && i > 1 && t.Toks[i-2].Kind == Digits && !t.gap(i-1) && !t.gap(i-2) {
		a := i - 2 // the first digits of the lower end
		for a >= 2 && (t.tok(a-1) == "," || t.tok(a-1) == ".") && t.Toks[a-2].Kind == Digits && !t.gap(a-1) && !t.gap(a-2) {
			a -= 2
		}
		if t.numericRange(a, i-1, i, j) {
			return false // the upper end of 8-10%, USD 4,700-5,000
		}
	}
	if i > 0 && !t.gap(i-1) && (prev == "/" || prev == "-" || prev == ":" || prev == "." || prev == "№" || prev == "#" || prev == "@") && i > 1 && t.Toks[i-2].Kind != Punct {
		if _, _, clitic := t.matchBefore(i-1, t.Lex.NumberClitics); !(prev == "-" && clitic && t.Toks[i-2].Kind == Word && !t.gap(i-2)) {
			return true // part of a code, a range or a time (but Hebrew ו-3)
		}
	}
	if j < len(t.Toks) && !t.gap(j-1) {
		switch next {
		case ":":
			if j+1 < len(t.Toks) && t.Toks[j+1].Kind == Digits {
				return true // 10:30
			}
		case "/":
			return true
		case "-", "–":
			if j+1 < len(t.Toks) && !t.gap(j) && !(t.Toks[j+1].Kind == Digits && t.numericRange(i, j, j+1, t.numberRun(j+1))) {
				return true // 5-वर्षीय, 2021-2025, 18-NQ; but 8-10% and 4.700–5.000 USD are two figures
			}
		}
	}
	// a version: Industry 4.0, Công nghiệp 4.0
	if j == i+3 && t.tok(i+1) == "." && t.tok(i+2) == "0" && len(ascii(t.tok(i))) == 1 && !t.gap(i) && !t.gap(i+1) && !t.unitAt(j) {
		_, _, _, mult := t.multiplierAt(j)
		_, _, unit := t.matchBefore(i, t.Lex.Units)
		if !mult && !unit { // but 1.0 million, VND 2.0 trillion
			return true
		}
	}
	// an identifier: 28B, 3A, 国道28B号線 (one capital Latin letter glued after)
	if j < len(t.Toks) && !t.gap(j-1) && t.Toks[j].Kind == Word {
		if w := t.S[t.Toks[j].Start:t.Toks[j].End]; w[0] >= 'A' && w[0] <= 'Z' && (len(w) == 1 || w[1] >= utf8.RuneSelf) {
			return true
		}
	}
	// list markers: "(1)", "[1]", "1." or "1)" at a line start
	if (prev == "(" && next == ")") || (prev == "[" && next == "]") {
		return true
	}
	if (next == "." || next == ")") && t.lineStart(i) {
		return true
	}
	// ordinals
	if _, next, end, ok := t.match(j, t.Lex.OrdinalAfter); ok && (!t.gap(j-1) || t.Lex.OrdinalSpaced && end == t.Toks[next-1].End) {
		return true // 16वीं, 14 वीं, 95e; a glued match must be the whole word
	}
	if _, _, ok := t.matchBefore(i, t.Lex.OrdinalBefore); ok {
		return true
	}
	if t.Lang != "vi" {
		// Vietnamese left untranslated in a quote or a name: "lần thứ 12"
		if _, _, ok := t.matchBefore(i, LexiconFor("vi").OrdinalBefore); ok {
			return true
		}
	}
	if _, _, ok := t.matchBefore(i, t.Lex.NumberSign); ok {
		return true // an identifier: संख्या 3111, No. 3
	}
	if t.Lex.DayDot && next == "." && j == i+1 && !t.gap(j-1) && j+1 < len(t.Toks) && t.Toks[j+1].Kind == Word && t.sameLine(j, j+1) {
		return true // German "13. Zentralkomitee" (but not a decimal ending a sentence: "yüzde 8,5. Başbakan")
	}
	if _, _, _, ok := t.match(j, t.Lex.NotFigure); ok {
		return true
	}
	return false
}

// unitAt reports a percent sign or a [units] phrase at token j.
func (t *Text) unitAt(j int) bool {
	if t.tok(j) == "%" || t.tok(j) == "％" {
		return true
	}
	_, _, _, ok := t.match(j, t.Lex.Units)
	return ok
}

// isCurrency reports a unit code of money, which may stand glued before its
// number (VND200).
func isCurrency(unit string) bool { return unit == "VND" || unit == "USD" || unit == "EUR" }

// groupedValue reads an integer at token k written with group marks (7,430
// where the decimal mark is "."): its value and the token after it.
func (t *Text) groupedValue(k int) (float64, int) {
	v := float64(digitsValue(t.S[t.Toks[k].Start:t.Toks[k].End]))
	e := k + 1
	for e+1 < len(t.Toks) && !t.gap(e-1) && !t.gap(e) && len(t.tok(e)) == 1 && t.tok(e)[0] != t.Lex.Decimal && (t.tok(e) == "," || t.tok(e) == ".") &&
		t.Toks[e+1].Kind == Digits && len(ascii(t.tok(e+1))) == 3 {
		v = v*1000 + float64(digitsValue(t.tok(e+1)))
		e += 2
	}
	return v, e
}

// numberRun returns the token after the number whose first digits are token
// k: its digit groups and decimal part, glued (4,700, 4.700, 6,5).
func (t *Text) numberRun(k int) int {
	e := k + 1
	for e+1 < len(t.Toks) && !t.gap(e-1) && !t.gap(e) && (t.tok(e) == "," || t.tok(e) == ".") && t.Toks[e+1].Kind == Digits {
		e += 2
	}
	return e
}

// numericRange reports whether the numbers at tokens [a, aEnd) and [b, bEnd),
// joined by a dash, are a range of quantities rather than a code or a period:
// the first digits of each three at most, and a unit after the second (8-10%)
// or before the first (USD 4,700-5,000), or both written with groups or a
// decimal part (4.700–5.000).
func (t *Text) numericRange(a, aEnd, b, bEnd int) bool {
	if len(ascii(t.tok(a))) > 3 || len(ascii(t.tok(b))) > 3 {
		return false
	}
	if t.unitAt(bEnd) {
		return true
	}
	if _, _, ok := t.matchBefore(a, t.Lex.Units); ok {
		return true
	}
	return aEnd > a+1 && bEnd > b+1
}

// endsLatin reports whether w ends in a Latin letter (G in G20).
func endsLatin(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r < 0x250 && unicode.IsLetter(r)
}

// lineStart reports whether token i is the first of its line.
func (t *Text) lineStart(i int) bool {
	if i == 0 {
		return true
	}
	return strings.Contains(t.S[t.Toks[i-1].End:t.Toks[i].Start], "\n")
}

// phraseStart is where phrase p, matched by matchBefore from token first,
// starts: inside the token when it ends a longer word of an unspaced script
// (超过 in 该省人口超过120万).
func (t *Text) phraseStart(p phrase, first int) int {
	tok := t.Toks[first]
	if len(p.toks) == 1 && t.lower[first] != p.toks[0] && tok.End-tok.Start == len(t.lower[first]) && strings.HasSuffix(t.lower[first], p.toks[0]) {
		return tok.End - len(p.toks[0])
	}
	return tok.Start
}

// figure completes a number at tokens [i, next) with value v: the qualifier
// before, multiplier, unit and "more than" after. It returns the entity and the
// token after it (0 when the number is no figure).
func (t *Text) figure(i, next int, v float64) (Entity, int) {
	start := t.Toks[i].Start
	e := Entity{Type: Figure}
	if p, first, ok := t.matchBefore(i, t.Lex.Approx); ok && !t.Claimed(t.Toks[first].Start, t.Toks[i].Start) {
		e.Qualifier, start = "approx", t.phraseStart(p, first)
	} else if p, first, ok := t.matchBefore(i, t.Lex.MoreBefore); ok {
		e.Qualifier, start = "more than", t.phraseStart(p, first)
	} else if p, first, ok := t.matchBefore(i, t.Lex.Less); ok {
		e.Qualifier, start = "less than", t.phraseStart(p, first)
	}
	if i > 0 && t.tok(i-1) == "%" && !t.gap(i-1) {
		e.Unit, start = "%", t.Toks[i-1].Start // Turkish %10,24
	} else if p, first, ok := t.matchBefore(i, t.Lex.Units); ok && isCurrency(p.Unit) && !t.gap(i-1) && t.Toks[i-1].Kind == Word {
		e.Unit, start = p.Unit, t.Toks[first].Start // VND200 miliar
	}
	end := t.Toks[next-1].End
	j := next
	if p, k, pend, ok := t.multiplierAt(j); ok && t.sameLine(i, j) {
		v *= p.Value
		j, end = k, pend
		last := p.Value
		// a larger one after it multiplies: 1,2 million billion, 1.2 लाख करोड़, 5 हज़ार करोड़
		for {
			p2, k2, pend2, ok := t.multiplierAt(j)
			if !ok || p2.Value <= last || !t.sameLine(i, j) {
				break
			}
			v *= p2.Value
			last, j, end = p2.Value, k2, pend2
		}
		// smaller multipliers after it add up: 21만 3천 (213 000), 1億2000万
		for j+1 < len(t.Toks) && t.Toks[j].Kind == Digits && end == t.Toks[j-1].End && t.sameLine(i, j) {
			n, e := t.groupedValue(j) // 7,430 in 9억 7,430만
			p2, k2, pend2, ok := t.multiplierAt(e)
			if !ok || p2.Value >= last || t.gap(e-1) {
				break
			}
			v += n * p2.Value
			last, j, end = p2.Value, k2, pend2
		}
		// and a plain rest below the last East Asian multiplier: 1万2500 (12 500), 1만 2500
		if r, _ := utf8.DecodeRuneInString(p.toks[0]); r >= 0x3000 && j < len(t.Toks) && t.Toks[j].Kind == Digits && end == t.Toks[j-1].End &&
			t.sameLine(i, j) && (!t.gap(j-1) || t.S[end:t.Toks[j].Start] == " " && t.Lex.GluedMults) {
			rest := ascii(t.S[t.Toks[j].Start:t.Toks[j].End])
			if _, _, _, more := t.match(j+1, t.Lex.Multipliers); !more && len(rest) < 5 && (j+1 >= len(t.Toks) || t.Toks[j+1].Kind != Punct || t.gap(j)) {
				if n := float64(digitsValue(rest)); n < last {
					v += n
					j, end = j+1, t.Toks[j].End
				}
			}
		}
	}
	if e.Unit == "" {
		if p, k, pend, ok := t.match(j, t.Lex.Units); ok && t.sameLine(i, j) {
			e.Unit, j, end = p.Unit, k, pend
		} else if t.tok(j) == "%" {
			e.Unit, j, end = "%", j+1, t.Toks[j].End
		}
	}
	if _, k, pend, ok := t.match(j, t.Lex.More); ok && t.sameLine(i, j) {
		e.Qualifier, j, end = "more than", k, pend
		if p, k2, pend2, ok := t.match(j, t.Lex.Units); ok && e.Unit == "" {
			e.Unit, j, end = p.Unit, k2, pend2
		}
	}
	if e.Unit == "" { // "200 मिलियन से अधिक VND"
		if p, k, pend, ok := t.match(j, t.Lex.Units); ok && isUpperCode(p.Unit) && t.sameLine(i, j) {
			e.Unit, j, end = p.Unit, k, pend
		}
	}
	e.Start, e.End, e.Text = start, end, t.S[start:end]
	e.Value = strconv.FormatFloat(v, 'f', -1, 64)
	return e, j
}

func isUpperCode(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// ascii returns the digits of any script as ASCII.
func ascii(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d, ok := digitValue(r); ok {
			b.WriteByte(byte('0' + d))
		}
	}
	return b.String()
}

// wordFigures finds numbers written inside word token i of an unspaced script,
// each followed by a counter of [number_after]: 三省 (3), 二十五个 (25),
// သုံးကြိမ် (3), ဒေါက်တိုင်လေးခု (4). Han numerals are read by their grammar
// (二十五, 三千五百, 四万); other number words at the start of the word, or
// inside it with their counter right after. A numeral
// after an [ordinal_before] (第十四届) or before an [ordinal_after] is no figure,
// nor a lone 一 (one, a).
func (t *Text) wordFigures(i int) []Entity {
	s := t.lower[i]
	base := t.Toks[i].Start
	if len(s) != t.Toks[i].End-base {
		return nil // lower-casing changed the length: offsets would not hold
	}
	var out []Entity
	prevNum := false // the rune before p is part of a numeral
	for p := 0; p < len(s); {
		r, size := utf8.DecodeRuneInString(s[p:])
		v, n, ok := 0.0, 0, false
		if r >= 0x3000 { // Han numerals, by their grammar
			if !prevNum {
				v, n, ok = t.hanNumber(s[p:])
			}
		} else if p == 0 || !prevNum { // a number word: သုံးကြိမ်, inside a word ဒေါက်တိုင်လေးခု
			for _, x := range t.Lex.Numbers.single {
				if w := t.Lex.Numbers.list[x].toks[0]; len(w) < len(s)-p && strings.HasPrefix(s[p:], w) {
					v, n, ok = t.Lex.Numbers.list[x].Value, len(w), true
					break
				}
			}
			if ok && p > 0 && t.counterAt(s[p+n:]) == 0 {
				ok = false // inside a word, only a number word with its counter
			}
		}
		if !ok {
			_, prevNum = t.runeValue(t.Lex.Numbers, s[p:p+size])
			p += size
			continue
		}
		rest := s[p+n:]
		counter := t.counterAt(rest)
		ordinal := false
		for _, x := range t.Lex.OrdinalBefore.single {
			if strings.HasSuffix(s[:p], t.Lex.OrdinalBefore.list[x].toks[0]) {
				ordinal = true
			}
		}
		for _, x := range t.Lex.OrdinalAfter.single {
			if strings.HasPrefix(rest, t.Lex.OrdinalAfter.list[x].toks[0]) {
				ordinal = true
			}
		}
		if counter > 0 && !ordinal && !(v == 1 && n == len("一")) {
			start, end := base+p, base+p+n+counter
			out = append(out, Entity{Type: Figure, Start: start, End: end, Text: t.S[start:end], Value: strconv.FormatFloat(v, 'f', -1, 64)})
		}
		p += n
		prevNum = false
	}
	return out
}

// counterAt returns the length in bytes of a counter of [number_after] at the
// start of s, 0 if none.
func (t *Text) counterAt(s string) int {
	for _, x := range t.Lex.NumberAfter.single {
		if w := t.Lex.NumberAfter.list[x].toks[0]; strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// hanNumber reads a Han numeral at the start of s (二十五, 三千五百, 四万, 两):
// its value and length in bytes. The characters are the lexicon's one-rune
// [numbers] and [multipliers]; two digits in a row (二五) are no numeral.
func (t *Text) hanNumber(s string) (float64, int, bool) {
	total, section, digit := 0.0, 0.0, 0.0
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if r < 0x3000 {
			break
		}
		ch := s[n : n+size]
		d, isNum := t.runeValue(t.Lex.Numbers, ch)
		u, isMult := t.runeValue(t.Lex.Multipliers, ch)
		switch {
		case isNum && d < 10:
			if digit != 0 {
				return 0, 0, false
			}
			digit = d
		case isNum || isMult:
			if !isMult {
				u = d
			}
			if digit == 0 && section == 0 && total == 0 {
				digit = 1 // 十五, 万
			}
			if u >= 10000 {
				total += (section + digit) * u
				section = 0
			} else {
				section += max(digit, 1) * u
			}
			digit = 0
		default:
			return total + section + digit, n, n > 0
		}
		n += size
	}
	return total + section + digit, n, n > 0
}

// runeValue is the value of the one-character phrase ch of list.
func (t *Text) runeValue(ps phrases, ch string) (float64, bool) {
	for _, x := range ps.byFirst[ch] {
		if p := ps.list[x]; len(p.toks) == 1 {
			return p.Value, true
		}
	}
	return 0, false
}

// multiplierAt matches a multiplier at token j; with [glued_multipliers] it may
// start a word glued to the number before it (Korean 5만명과).
func (t *Text) multiplierAt(j int) (phrase, int, int, bool) {
	p, k, end, ok := t.match(j, t.Lex.Multipliers)
	if ok || !t.Lex.GluedMults || j <= 0 || j >= len(t.Toks) || t.gap(j-1) || t.Toks[j].Kind != Word {
		return p, k, end, ok
	}
	for _, x := range t.Lex.Multipliers.single {
		if p := t.Lex.Multipliers.list[x]; strings.HasPrefix(t.lower[j], p.toks[0]) {
			return p, j + 1, t.Toks[j].Start + len(p.toks[0]), true
		}
	}
	return phrase{}, j, 0, false
}
