package extract

import (
	"fmt"
	"strings"
	"time"
)

// Dates finds calendar dates: day and month in words (with a year or without),
// in day-first and month-first order, ranges ("15 से 17 अक्टूबर, 2025" gives both
// ends), numeric forms (15/10/2025, 2024-12-28, 5.11.2025) and CJK forms
// (2025年4月12日). Digits of any script count; Buddhist-era years are converted.
// Value: YYYY-MM-DD, or --MM-DD without a year (an inferred year goes to
// YearInferred).
type Dates struct{}

type dateMatch struct {
	start, end int // byte span of the text
	day, month int
	year       int // 0: none
	next       int // token after the match
}

// Extract implements Extractor.
func (Dates) Extract(t *Text) []Entity {
	var ms []dateMatch
	for i := 0; i < len(t.Toks); i++ {
		if t.claimed[i] {
			continue
		}
		found := t.numericDate(i)
		if found == nil {
			found = t.wordDate(i)
		}
		if found == nil {
			found = t.cjkDate(i)
		}
		if len(found) == 0 {
			continue
		}
		ms = append(ms, found...)
		i = found[len(found)-1].next - 1
	}
	// the year of a year-less date: the nearest dated neighbour's
	var out []Entity
	for k, m := range ms {
		e := Entity{Type: Date, Text: t.S[m.start:m.end], Start: m.start, End: m.end}
		if m.year > 0 {
			e.Value = fmt.Sprintf("%04d-%02d-%02d", m.year, m.month, m.day)
		} else {
			e.Value = fmt.Sprintf("--%02d-%02d", m.month, m.day)
			e.YearInferred = nearestYear(ms, k)
		}
		out = append(out, e)
		t.Claim(m.start, m.end)
	}
	return out
}

func nearestYear(ms []dateMatch, k int) int {
	for d := 1; d < len(ms); d++ {
		if k-d >= 0 && ms[k-d].year > 0 {
			return ms[k-d].year
		}
		if k+d < len(ms) && ms[k+d].year > 0 {
			return ms[k+d].year
		}
	}
	return 0
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	yy := y
	if yy == 0 {
		yy = 2024 // a leap year: 29 February without a year is a date
	}
	return time.Date(yy, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// yearAt reads a year at token i: four digits (Buddhist era above 2400 is
// converted), or in Thai two digits after a month ("68" = BE 2568 = 2025).
func (t *Text) yearAt(i int, afterMonth bool) (int, bool) {
	if i >= len(t.Toks) || t.Toks[i].Kind != Digits {
		return 0, false
	}
	s := t.S[t.Toks[i].Start:t.Toks[i].End]
	n := len([]rune(s))
	v := digitsValue(s)
	if t.tok(i+1) != "" && t.Toks[i+1].Kind == Digits && !t.gap(i) {
		return 0, false
	}
	era := t.Lex.EraOffset
	switch {
	case n == 4 && era > 0 && v >= 1900+era && v < 2200+era:
		return v - era, true
	case n == 4 && v >= 1000 && v < 2200:
		return v, true
	case n == 2 && afterMonth && t.Lex.ShortYearBase > 0:
		return t.Lex.ShortYearBase + v - era, true
	}
	return 0, false
}

// dayAt reads a day number (1–31) at token i.
func (t *Text) dayAt(i int) (int, bool) {
	if i >= len(t.Toks) || t.Toks[i].Kind != Digits {
		return 0, false
	}
	s := t.S[t.Toks[i].Start:t.Toks[i].End]
	if len([]rune(s)) > 2 {
		return 0, false
	}
	d := digitsValue(s)
	if i > 0 && !t.gap(i-1) {
		switch t.tok(i - 1) {
		case "/", ".", ",", ":", "-":
			if i > 1 && t.Toks[i-2].Kind == Digits {
				return 0, false // part of another number
			}
		}
	}
	return d, d >= 1 && d <= 31
}

// rangeDayAt reads the second day of a range ("15-17 ตุลาคม"), which may be
// glued to the dash.
func (t *Text) rangeDayAt(k int) (int, bool) {
	if k >= len(t.Toks) || t.Toks[k].Kind != Digits || len([]rune(t.S[t.Toks[k].Start:t.Toks[k].End])) > 2 {
		return 0, false
	}
	d := digitsValue(t.S[t.Toks[k].Start:t.Toks[k].End])
	return d, d >= 1 && d <= 31
}

// skipDot skips a "." after a day in languages that write "5. November", and an
// ordinal ending glued to it ("1er janvier", "October 16th").
func (t *Text) skipDot(i int) int {
	if t.Lex.DayDot && t.tok(i) == "." && !t.gap(i-1) {
		return i + 1
	}
	if i < len(t.Toks) && t.Toks[i].Kind == Word && !t.gap(i-1) {
		if _, next, _, ok := t.match(i, t.Lex.OrdinalAfter); ok && next == i+1 {
			return i + 1
		}
	}
	return i
}

// monthYear reads MONTH [,] [joiner] [year prefix] [YEAR] at token i.
func (t *Text) monthYear(i int) (month, year, next int, ok bool) {
	if _, _, _, ok := t.match(i, t.Lex.DateJoiner); ok {
		if _, _, _, ok2 := t.match(i+1, t.Lex.Months); ok2 {
			i++
		}
	}
	p, k, _, ok := t.match(i, t.Lex.Months)
	if !ok {
		return 0, 0, i, false
	}
	month, next = int(p.Value), k
	j := k
	// the same month by its other name after a slash: أكتوبر/تشرين الأول
	if t.tok(j) == "/" && !t.gap(j-1) {
		if p2, k2, _, ok := t.match(j+1, t.Lex.Months); ok && int(p2.Value) == month {
			j, next = k2, k2
		}
	}
	if t.tok(j) == "," {
		j++
	}
	if _, k2, _, ok := t.match(j, t.Lex.DateJoiner); ok {
		j = k2
	}
	if _, k2, _, ok := t.match(j, t.Lex.YearPrefix); ok {
		j = k2
	}
	if y, ok := t.yearAt(j, true); ok && t.sameLine(i, j) {
		year, next = y, j+1
	}
	return month, year, next, true
}

// wordDate reads day-first and month-first dates and their ranges at token i.
func (t *Text) wordDate(i int) []dateMatch {
	lex := t.Lex
	if lex.MonthFirst {
		if ms := t.monthFirst(i); ms != nil {
			return ms
		}
		// year first (Hungarian): "2025. október 15.", "2025. október 15. és 17."
		if y, ok := t.yearAt(i, false); ok && lex.DayDot && t.tok(i+1) == "." && !t.gap(i) {
			if ms := t.monthFirst(i + 2); ms != nil && ms[0].year == 0 && t.sameLine(i, i+2) {
				for k := range ms {
					if !validDate(y, ms[k].month, ms[k].day) {
						return nil
					}
					ms[k].year = y
				}
				ms[0].start = t.Toks[i].Start
				return ms
			}
		}
	}
	d1, ok := t.dayAt(i)
	if !ok {
		return nil
	}
	j := t.skipDot(i + 1)
	// a range of days in one month: "15 से 17 अक्टूबर, 2025", "5. bis 6. November"
	if _, k, _, ok := t.match(j, lex.Range); ok && t.sameLine(i, k) {
		if d2, ok := t.rangeDayAt(k); ok {
			if m, y, next, ok := t.monthYear(t.skipDot(k + 1)); ok && validDate(y, m, d1) && validDate(y, m, d2) {
				end := t.Toks[next-1].End
				return []dateMatch{
					{start: t.Toks[i].Start, end: end, day: d1, month: m, year: y, next: next},
					{start: t.Toks[k].Start, end: end, day: d2, month: m, year: y, next: next},
				}
			}
		}
	}
	m, y, next, ok := t.monthYear(j)
	if !ok || !validDate(y, m, d1) {
		return nil
	}
	first := dateMatch{start: t.Toks[i].Start, end: t.Toks[next-1].End, day: d1, month: m, year: y, next: next}
	// a range of two full dates: "6 พ.ค. - 5 มิ.ย. 68", "3 février 1930 - 3 février 2025"
	if _, k, _, ok := t.match(next, lex.Range); ok && t.sameLine(i, k) {
		if d2, ok := t.dayAt(k); ok {
			if m2, y2, next2, ok := t.monthYear(t.skipDot(k + 1)); ok && validDate(y2, m2, d2) {
				if first.year == 0 && y2 > 0 && m2 >= m {
					first.year = y2
				}
				second := dateMatch{start: t.Toks[k].Start, end: t.Toks[next2-1].End, day: d2, month: m2, year: y2, next: next2}
				return []dateMatch{first, second}
			}
		}
	}
	return []dateMatch{first}
}

// monthFirst reads "October 16, 2025", "October 16-18, 2025", "May 18".
func (t *Text) monthFirst(i int) []dateMatch {
	p, k, _, ok := t.match(i, t.Lex.Months)
	if !ok {
		return nil
	}
	m := int(p.Value)
	d1, ok := t.dayAt(k)
	if !ok {
		return nil
	}
	j := t.skipJoiner(t.skipDot(k + 1)) // Myanmar ၄ ရက်, Hungarian október 15.
	if t.Lex.DayDot && t.tok(j) == "-" && !t.gap(j-1) && j+1 < len(t.Toks) && t.Toks[j+1].Kind == Word && !t.gap(j) {
		j += 2 // Hungarian október 15-én
	}
	if _, next, _, ok := t.match(j, t.Lex.OrdinalAfter); ok && next == j+1 && !t.gap(k) {
		j++ // October 16th
	}
	var d2 int
	if _, k2, _, ok := t.match(j, t.Lex.Range); ok {
		if d, ok := t.rangeDayAt(k2); ok {
			d2, j = d, t.skipJoiner(t.skipDot(k2+1))
		}
	}
	y, next := 0, j
	jj := j
	if t.tok(jj) == "," {
		jj++
	}
	if yy, ok := t.yearAt(jj, true); ok && !(t.Lex.DayDot && t.tok(jj+1) == "." && !t.gap(jj) && jj > j) {
		y, next = yy, jj+1 // but "…3-án, 2025. október 15." is the next date's year
	}
	if !validDate(y, m, d1) {
		return nil
	}
	end := t.Toks[next-1].End
	out := []dateMatch{{start: t.Toks[i].Start, end: end, day: d1, month: m, year: y, next: next}}
	if d2 > 0 && validDate(y, m, d2) {
		out = append(out, dateMatch{start: t.Toks[i].Start, end: end, day: d2, month: m, year: y, next: next})
	}
	return out
}

// numericDate reads D/M/YYYY, D.M.YYYY, D-M-YYYY, YYYY-MM-DD and YYYY/MM/DD,
// and D/M after a word for the day ([day_before]: Lao "ວັນທີ 6/10").
func (t *Text) numericDate(i int) []dateMatch {
	if i >= len(t.Toks) || t.Toks[i].Kind != Digits {
		return nil
	}
	if i+4 >= len(t.Toks) {
		return t.dayMonth(i)
	}
	sep := t.tok(i + 1)
	if (sep != "/" && sep != "." && sep != "-") || t.tok(i+3) != sep || t.gap(i) || t.gap(i+1) || t.gap(i+2) || t.gap(i+3) {
		return t.dayMonth(i)
	}
	for _, k := range []int{i + 2, i + 4} {
		if t.Toks[k].Kind != Digits {
			return nil
		}
	}
	if i > 0 && !t.gap(i-1) && (t.tok(i-1) == "/" || t.tok(i-1) == "-" || t.tok(i-1) == ".") {
		return nil
	}
	if i+5 < len(t.Toks) && !t.gap(i+4) && (t.tok(i+5) == sep || t.Toks[i+5].Kind == Digits) {
		return nil
	}
	a := t.S[t.Toks[i].Start:t.Toks[i].End]
	c := t.S[t.Toks[i+4].Start:t.Toks[i+4].End]
	b := digitsValue(t.S[t.Toks[i+2].Start:t.Toks[i+2].End])
	var y, m, d int
	switch {
	case len([]rune(a)) == 4 && len([]rune(c)) <= 2 && sep != ".":
		y, m, d = digitsValue(a), b, digitsValue(c)
	case len([]rune(c)) == 4 && len([]rune(a)) <= 2:
		d, m, y = digitsValue(a), b, digitsValue(c)
		if sep == "/" && d <= 12 && ((t.Lex.SlashMonth && m <= 12) || !validDate(y, m, d)) {
			m, d = d, m // US order where the language writes it (12/5/2025), or where only it reads (10/16/2025)
		}
	default:
		return nil
	}
	if y < 1000 || y > 2200 || !validDate(y, m, d) {
		return nil
	}
	return []dateMatch{{start: t.Toks[i].Start, end: t.Toks[i+4].End, day: d, month: m, year: y, next: i + 5}}
}

// dayMonth reads D/M without a year right after a word for the day
// ([day_before]): "ວັນທີ 6/10", "วันที่ 15/10". Elsewhere two numbers and a
// slash are a fraction, a score or a code.
func (t *Text) dayMonth(i int) []dateMatch {
	if i+2 >= len(t.Toks) || t.tok(i+1) != "/" || t.gap(i) || t.gap(i+1) || t.Toks[i+2].Kind != Digits {
		return nil
	}
	if i+3 < len(t.Toks) && !t.gap(i+2) && (t.tok(i+3) == "/" || t.Toks[i+3].Kind == Digits) {
		return nil // D/M/Y, or more
	}
	if _, _, ok := t.matchBefore(i, t.Lex.DayBefore); !ok {
		return nil
	}
	a, b := t.S[t.Toks[i].Start:t.Toks[i].End], t.S[t.Toks[i+2].Start:t.Toks[i+2].End]
	if len([]rune(a)) > 2 || len([]rune(b)) > 2 {
		return nil
	}
	d, m := digitsValue(a), digitsValue(b)
	if !validDate(0, m, d) {
		return nil
	}
	return []dateMatch{{start: t.Toks[i].Start, end: t.Toks[i+2].End, day: d, month: m, next: i + 3}}
}

// cjkDate reads 2025年4月12日, 4月12日 and 2025년 4월 12일.
func (t *Text) cjkDate(i int) []dateMatch {
	y := 0
	j := i
	if yy, ok := t.yearAt(j, false); ok && (t.tok(j+1) == "年" || t.tok(j+1) == "년") {
		y, j = yy, j+2
	}
	if j+3 >= len(t.Toks) || t.Toks[j].Kind != Digits {
		return nil
	}
	m := digitsValue(t.S[t.Toks[j].Start:t.Toks[j].End])
	if t.tok(j+1) != "月" && t.tok(j+1) != "월" {
		return nil
	}
	d, ok := t.dayAt(j + 2)
	if !ok || !validDate(y, m, d) {
		return nil
	}
	// 日 may start a longer run of Han letters (15日在河内), 일 a word (22일자)
	end, ok := cjkDay(t.Toks[j+3], t.tok(j+3))
	if !ok {
		// a range of days under one 日: 10月15-17日, 10월 15~17일
		if _, k, _, ok := t.match(j+3, t.Lex.Range); ok && t.sameLine(j, k) {
			if d2, ok := t.rangeDayAt(k); ok && k+1 < len(t.Toks) && d2 > d && validDate(y, m, d2) {
				if end2, ok := cjkDay(t.Toks[k+1], t.tok(k+1)); ok {
					return []dateMatch{
						{start: t.Toks[i].Start, end: end2, day: d, month: m, year: y, next: k + 2},
						{start: t.Toks[i].Start, end: end2, day: d2, month: m, year: y, next: k + 2},
					}
				}
			}
		}
		return nil
	}
	first := dateMatch{start: t.Toks[i].Start, end: end, day: d, month: m, year: y, next: j + 4}
	// a second day of the same month: 23日と24日, 23日至24日, 22일~23일
	k := j + 4
	if rest := t.S[end:t.Toks[j+3].End]; rest != "" {
		if _, ok := t.Lex.Range.byFirst[rest]; !ok {
			return []dateMatch{first}
		}
	} else if _, k2, _, ok := t.match(k, t.Lex.Range); ok {
		k = k2
	} else {
		return []dateMatch{first}
	}
	if d2, ok := t.dayAt(k); ok && k+1 < len(t.Toks) && validDate(y, m, d2) && d2 > d {
		if end2, ok := cjkDay(t.Toks[k+1], t.tok(k+1)); ok {
			return []dateMatch{first, {start: t.Toks[k].Start, end: end2, day: d2, month: m, year: y, next: k + 2}}
		}
	}
	return []dateMatch{first}
}

// cjkDay reports whether token tok (text s) starts with the day sign 日 or 일,
// and the byte offset where that sign ends.
func cjkDay(tok Token, s string) (int, bool) {
	for _, sign := range []string{"日", "일"} {
		if strings.HasPrefix(s, sign) {
			return tok.Start + len(sign), true
		}
	}
	return 0, false
}

// skipJoiner skips a [date_joiner] phrase at token i: the token after it.
func (t *Text) skipJoiner(i int) int {
	if _, next, _, ok := t.match(i, t.Lex.DateJoiner); ok {
		return next
	}
	return i
}
