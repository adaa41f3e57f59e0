package digits

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestHasForeignDigitAgreesWithFold(t *testing.T) {
	for r := rune(0); r < 1<<16; r++ {
		s := "x" + string(r) + "१"
		if got, want := HasForeign([]byte(s[:len(s)-len("१")])), Fold(s[:len(s)-len("१")]) != s[:len(s)-len("१")]; got != want {
			t.Fatalf("HasForeign(%q) = %v, want %v", s, got, want)
		}
	}
	if got := Fold("२०२५ ۲۰۲۵ 2025"); got != "2025 2025 2025" {
		t.Errorf("Fold = %q", got)
	}
}

func TestDigitValueEveryScript(t *testing.T) {
	for _, z := range digitZeros {
		for d := rune(0); d < 10; d++ {
			if v, ok := Value(z + d); !ok || v != int(d) {
				t.Errorf("Value(%U) = %d, %v; want %d", z+d, v, ok, d)
			}
		}
	}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if _, ok := Value(r); ok {
			n++
			if !unicode.IsDigit(r) {
				t.Errorf("Value accepts %U, not a digit", r)
			}
		}
	}
	if want := 10 * (len(digitZeros) + 1); n != want {
		t.Errorf("%d runes are digits, want %d", n, want)
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"२०२५":       "2025",
		"۲۰۲۵":       "2025",
		"٢٠٢٥":       "2025",
		"৩ আগস্ট":    "3 আগস্ট",
		"๒๕๖๘":       "2568",
		"໒໐໒໕":       "2025",
		"២០២៥":       "2025",
		"18-NQ/TW":   "18-NQ/TW",
		"１２３":        "123",
		"सम्मेलन 2०": "सम्मेलन 20",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// firstForeignDigitSlow is firstForeignDigit decoding every rune, the
// reference for FuzzFirstForeignDigit.
func firstForeignDigitSlow(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := Value(r); ok && r >= utf8.RuneSelf {
			return i
		}
		i += size
	}
	return -1
}

func FuzzFirstForeignDigit(f *testing.F) {
	for _, s := range []string{"२०२५", "x ۲۰", "\xe0९", "\xe0\x80\xa5१", "abc", "１", "߀", "\xd9", "\xef\xbc", "ကို ၁၀", "\xc3१"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := firstForeignDigitSlow(s)
		if got := firstForeignDigit(s); got != want {
			t.Fatalf("firstForeignDigit(%q) = %d, want %d", s, got, want)
		}
		if got := firstForeignDigit([]byte(s)); got != want {
			t.Fatalf("firstForeignDigit([]byte(%q)) = %d, want %d", s, got, want)
		}
	})
}

// TestFirstForeignDigitEveryRune checks every rune alone and after an
// invalid byte against the decoding reference.
func TestFirstForeignDigitEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, s := range []string{string(r), "\xe0" + string(r), "a" + string(r) + "१"} {
			if got, want := firstForeignDigit(s), firstForeignDigitSlow(s); got != want {
				t.Fatalf("firstForeignDigit(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func BenchmarkHasForeign(b *testing.B) {
	words := [][]byte{[]byte("सम्मेलन"), []byte("Hội"), []byte("совещание"), []byte("2025"), []byte("الاجتماع"), []byte("회의"), []byte("การประชุม"), []byte("२०२५")}
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			HasForeign(w)
		}
	}
}
