// Package digits owns the decimal digits of every script the archive writes:
// their values, and the folding of foreign digits to ASCII that indexing,
// snippets and extraction share.
package digits

import "unicode/utf8"

// digitZeros are the code points of digit zero in the scripts the archive writes:
// Arabic-Indic, Extended Arabic-Indic, NKo, Devanagari, Bengali, Gurmukhi, Gujarati,
// Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar (two
// sets), Khmer, Mongolian, Limbu, New Tai Lue and full-width digits.
var digitZeros = [...]rune{
	0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
	0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
	0x1946, 0x19D0, 0xFF10,
}

// Value returns the value of a decimal digit of any of those scripts.
func Value(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r >= 0 && r < rune(len(digitTable)) {
		v := digitTable[r]
		return int(v), v >= 0
	}
	for _, z := range digitZeros { // the few blocks above the table (full-width)
		if r >= z && r < z+10 {
			return int(r - z), true
		}
	}
	return 0, false
}

// digitTable holds the value of every digit of digitZeros below U+1A00 (all but
// the full-width block), -1 for other runes.
var digitTable = func() (t [0x1A00]int8) {
	for i := range t {
		t[i] = -1
	}
	for _, z := range digitZeros {
		for d := range rune(10) {
			if z+d < rune(len(t)) {
				t[z+d] = int8(d)
			}
		}
	}
	return t
}()

// Fold rewrites every script's decimal digits as ASCII digits, so that
// "२०२५", "۲۰۲۵" and "2025" index and match alike.
func Fold(s string) string {
	i := firstForeignDigit(s)
	if i < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	out = append(out, s[:i]...)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if d, ok := Value(r); ok && r >= 0x80 {
			out = append(out, byte('0'+d))
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return string(out)
}

// firstForeignDigit returns the offset of the first digit of s that is not
// ASCII, -1 if none: most words have none and come back from Fold as
// they are, without a copy.
//
// It decodes only at the lead bytes that can start such a digit (see
// digitLead): the other bytes, continuation bytes among them, cannot start
// one, so skipping them one by one finds the same first digit as decoding
// every rune, also in invalid UTF-8.
func firstForeignDigit[T ~string | ~[]byte](s T) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0xD9 || !digitLead[c-0xD9] {
			continue
		}
		if c < 0xE0 { // two bytes: U+0640–U+07FF
			if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
				if _, ok := Value(rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)); ok {
					return i
				}
			}
			continue
		}
		// three bytes: U+0800–U+1FFF, U+F000–U+FFFF; E0 needs a second byte
		// of A0 or more (else the encoding is overlong, and invalid)
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && (c != 0xE0 || s[i+1] >= 0xA0) {
			if _, ok := Value(rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)); ok {
				return i
			}
		}
	}
	return -1
}

// digitLead marks, from 0xD9 on, the UTF-8 lead bytes of the blocks of
// digitZeros: D9 and DB (Arabic-Indic), DF (NKo), E0 (U+0800–U+0FFF), E1
// (U+1000–U+1FFF), EF (full-width).
var digitLead = func() (t [0x100 - 0xD9]bool) {
	for _, z := range digitZeros {
		var b [utf8.UTFMax]byte
		for d := range rune(10) {
			utf8.EncodeRune(b[:], z+d)
			t[b[0]-0xD9] = true
		}
	}
	return t
}()

// HasForeign reports whether b holds a decimal digit that is not ASCII.
func HasForeign(b []byte) bool { return firstForeignDigit(b) >= 0 }
