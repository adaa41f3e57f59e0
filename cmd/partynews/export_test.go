package main

import (
	"strings"
	"testing"

	"github.com/partynews/partynews/index"
)

// The template's char filter does what FoldArabicLetters does: applied to a
// text of every letter of the Arabic block (and some Urdu words), the mappings
// give the same text.
func TestExportFoldMatchesIndex(t *testing.T) {
	var pairs []string
	for _, m := range arabicFoldMappings() {
		from, to, ok := strings.Cut(m, "=>")
		if !ok || from == "" {
			t.Fatalf("mapping %q", m)
		}
		pairs = append(pairs, from, to)
	}
	fold := strings.NewReplacer(pairs...)
	var all strings.Builder
	for r := rune(0x0600); r <= 0x06FF; r++ {
		all.WriteRune(r)
	}
	for _, s := range []string{all.String(), "كانفرنس", "کانفرنسوں", "مُحَمَّد", "ـــعلـــي", "پارٹیوں"} {
		if got, want := fold.Replace(s), index.FoldArabicLetters(s); got != want {
			t.Errorf("template folds %q to %q, the index to %q", s, got, want)
		}
	}
}
