package corpus

import "github.com/partynews/partynews/digits"

// DigitValue returns the value of a decimal digit of any script (digits.Value).
func DigitValue(r rune) (int, bool) { return digits.Value(r) }

// FoldDigits rewrites every script's decimal digits as ASCII digits (digits.Fold).
func FoldDigits(s string) string { return digits.Fold(s) }
