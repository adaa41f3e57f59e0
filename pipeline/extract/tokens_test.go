package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is Tokenize written with the unicode package alone: the table
// driven Tokenize must split every text as it does.
func tokenizeRef(s string) []Token {
	var out []Token
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isDigit(r) || word(r):
			same := isDigit
			kind := Digits
			if !isDigit(r) {
				same, kind = word, Word
			}
			j := i + size
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !same(r2) {
					break
				}
				j += sz
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

func sameTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTokenizeMatchesUnicode(t *testing.T) {
	for _, s := range []string{
		"18-NQ/TW ngày 16/10/2025",
		"प्रधानमंत्री फाम मिन्ह चिन्ह ने १५ नवंबर को",
		"وزیر اعظم فام من چن نے ۱۵ نومبر",
		"ນາຍົກລັດຖະມົນຕີ ໑໒ ຕຸລາ",
		"Tô Lâm, Tổng Bí thư; 𝟙𝟚 𝐀𝐁 \u00a0x\u200by",
		"\xff\xfeinvalid\xc3",
	} {
		if got, want := Tokenize(s), tokenizeRef(s); !sameTokens(got, want) {
			t.Errorf("Tokenize(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestToLowerEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0x30000 && r < 0xE0000 {
			r = 0xE0000 // unassigned planes
		}
		s := "a" + string(r) + "Б"
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
		s = string(r) + "ह"
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("प्रधानमंत्री फाम मिन्ह चिन्ह ने १५ नवंबर को 18-NQ/TW")
	f.Add("Tô Lâm \u0301x ٣٤")
	f.Add("\xd9 Ab") // strings.ToLower turns an invalid byte into U+FFFD
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokenize(s), tokenizeRef(s); !sameTokens(got, want) {
			t.Fatalf("Tokenize(%q) = %v, want %v", s, got, want)
		}
		for _, tok := range Tokenize(s) {
			w := s[tok.Start:tok.End]
			if got, want := toLower(w), strings.ToLower(w); got != want {
				t.Fatalf("toLower(%q) = %q, want %q", w, got, want)
			}
		}
	})
}

// TestCaseTable: the class table answers as the unicode package does.
func TestCaseTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isUpper(r) != unicode.IsUpper(r) || isLower(r) != unicode.IsLower(r) {
			t.Fatalf("%U: isUpper %v isLower %v, unicode says %v %v", r, isUpper(r), isLower(r), unicode.IsUpper(r), unicode.IsLower(r))
		}
	}
}

// TestWordShapes: a key of an index always passes its shape test; most other
// words do not.
func TestWordShapes(t *testing.T) {
	var s wordShapes
	keys := []string{"", "a", "से", "ngày", strings.Repeat("x", 70)}
	for _, k := range keys {
		s.add(k)
	}
	for _, k := range keys {
		if !s.may(k) {
			t.Errorf("key %q turned away", k)
		}
	}
	for _, w := range []string{"ab", "सेना", "tháng"} {
		if s.may(w) {
			t.Errorf("%q passes, no key has its shape", w)
		}
	}
	var none *wordShapes
	if !none.may("x") {
		t.Error("no shapes must ask the maps")
	}
}

// FuzzDecodeRune: the in-line decoding answers as the utf8 package does.
func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"a", "é", "ह", "\xe0\x80\x80", "\xed\xa0\x80", "\xc0\x80", "\xc3", "\xe0\xa4", "𝟙", "\xef\xbf\xbd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			if wr, wn := utf8.DecodeRuneInString(s[i:]); r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %U %d, want %U %d", s, i, r, n, wr, wn)
			}
		}
	})
}

// TestDecodeRuneEveryRune decodes every rune alone and cut short.
func TestDecodeRuneEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		for _, x := range []string{s, s[:len(s)-1] + "a", "\xed" + s} {
			if x == "" {
				continue
			}
			got, n := decodeRune(x, 0)
			if want, wn := utf8.DecodeRuneInString(x); got != want || n != wn {
				t.Fatalf("decodeRune(%q) = %U %d, want %U %d", x, got, n, want, wn)
			}
		}
	}
}
