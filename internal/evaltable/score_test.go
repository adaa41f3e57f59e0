package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	for _, c := range []struct {
		typ, text, value, want string
	}{
		{"person", " To  Lam, ", "", "To Lam"},
		{"date", "", `"2025-10-15 "`, "2025-10-15"},
		{"document", "", `"18-nq/tw"`, "18-NQ/TW"},
		{"document", "", `"24/2024/NĐ-CP"`, "24/2024/ND-CP"},
		{"figure", "", `"209,000"`, "209000"},
		{"figure", "", `"12.50"`, "12.5"},
		{"figure", "", `3800000`, "3800000"},
		{"figure", "", `"abc"`, "abc"},
		{"figure", "", `null`, ""},
	} {
		e := entity{Type: c.typ, Text: c.text, Value: json.RawMessage(c.value)}
		if got := key(e); got != c.want {
			t.Errorf("key(%s %q %s) = %q, want %q", c.typ, c.text, c.value, got, c.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold, err := load(strings.NewReader(`
{"file": "a.txt", "lang": "cs", "entities": [{"type": "figure", "value": "2"}, {"type": "date", "value": "--07-18"}], "optional": [{"type": "figure", "value": "3"}]}
{"file": "b.txt", "lang": "ko", "entities": [{"type": "figure", "value": "213000"}]}
`), "gold")
	if err != nil {
		t.Fatal(err)
	}
	pred, err := load(strings.NewReader(`
{"path": "x/a.txt", "entities": [{"type": "figure", "value": "2"}, {"type": "figure", "value": "3"}, {"type": "figure", "value": "12"}]}
{"path": "x/b.txt", "entities": [{"type": "figure", "value": "21"}]}
`), "pred")
	if err != nil {
		t.Fatal(err)
	}
	tab := Score(gold, pred)
	want := map[[2]string]Counts{
		{"cs", "figure"}: {TP: 1, FP: 1}, {"cs", "date"}: {FN: 1},
		{"ko", "figure"}: {FP: 1, FN: 1}, {"", "figure"}: {TP: 1, FP: 2, FN: 1},
	}
	for k, w := range want {
		if got := *tab[k[0]][k[1]]; got != w {
			t.Errorf("%s %s: %+v, want %+v", k[0], k[1], got, w)
		}
	}
	if _, _, f := tab[""]["figure"].PRF(); f < 0.39 || f > 0.41 {
		t.Errorf("F1 %v, want 0.4", f)
	}
	var b strings.Builder
	tab.Print(&b)
	if !strings.Contains(b.String(), "ALL   figure       1    2    1  0.333  0.500  0.400") {
		t.Errorf("table:\n%s", b.String())
	}
	if _, err := load(strings.NewReader("{nope"), "bad"); err == nil {
		t.Error("load accepted bad JSON")
	}
}
