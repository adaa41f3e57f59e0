package corpus

import "github.com/partynews/partynews/digits"

// DigitValue returns the value of a decimal digit of any script (digits.Value).
func DigitValue(r rune) (int, bool) { return digits.Value(r) }

// FoldDigits rewrites every script's decimal digits as ASCII digits (digits.Fold).
func FoldDigits(s string) string { return digits.Fold(s) }

// HasForeignDigit reports whether b holds a decimal digit that is not ASCII.
func HasForeignDigit(b []byte) bool { return digits.HasForeign(b) }
