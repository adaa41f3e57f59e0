package digits

import (
	"testing"
	"unicode"
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
