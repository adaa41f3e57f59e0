package index

import (
	"strings"
	"testing"
)

// TestFixWords checks the words the tokenizer cuts at full stops and the quotes
// it folds, through the analyzers, and that a query finds what it should.
func TestFixWords(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"und", "Vietnam.vn", "vietnam vn"},
		{"und", "www.youtube.com/watch", "www youtube com watch"},
		{"und", "3.5 tỷ", "3.5 tỷ"},
		{"und", "v1.2", "v1.2"},
		{"und", "Dantri.com.vn.", "dantri com vn"},
		{"uk", "з’їзді", "з'їзді"},
		{"uk", "зʼїзді", "з'їзді"},
		{"he", "מזכ״ל", `מזכ"ל`},
		{"he", "צה׳ל", "צה'ל"},
		{"fr", "l’Assemblée", "asembl"},
		{"fr", "l'Assemblée", "asembl"},
		{"en", "Party’s", "parti"},
	}
	for _, c := range cases {
		if got := strings.Join(analyzed(c.lang, c.in), " "); got != c.want {
			t.Errorf("%s %q → %q, want %q", c.lang, c.in, got, c.want)
		}
	}
	finds := []struct {
		lang, query, text string
		want              bool
	}{
		{"und", "Vietnam", "Vietnam.vn - Nền tảng", true},
		{"und", "vietnam.vn", "Vietnam.vn - Nền tảng", true},
		{"und", "vn.vietnam", "Vietnam.vn - Nền tảng", false},
		{"uk", "з'їзді", "на з’їзді партії", true},
		{"he", `מזכ"ל`, "מזכ״ל המפלגה", true},
	}
	for _, c := range finds {
		a, _ := cache.AnalyzerNamed(AnalyzerName(c.lang))
		var q []string
		for _, tok := range a.Analyze([]byte(c.query)) {
			q = append(q, string(tok.Term))
		}
		if got := len(q) > 0 && termsOf(a.Analyze([]byte(c.text))).finds(q); got != c.want {
			t.Errorf("%s %q in %q: %v, want %v", c.lang, c.query, c.text, got, c.want)
		}
	}
}
