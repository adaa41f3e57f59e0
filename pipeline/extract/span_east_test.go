package extract

import (
	"slices"
	"testing"
)

// A qualifier that ends a longer word of an unspaced script starts the
// figure's span, not the word: 超过120万, not 该省人口超过120万.
func TestFigureSpanUnspaced(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"zh", "该省人口超过120万，增长率为8.5%。", []string{"超过120万", "8.5%"}},
		{"th", "มีผู้เข้าร่วมมากกว่า 200 คน", []string{"มากกว่า 200"}},
	} {
		var got []string
		for _, e := range All(c.text, c.lang, Default()...) {
			if e.Type == Figure {
				got = append(got, e.Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: figures %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}
