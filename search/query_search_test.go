package search

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The grammar on the embedded sample (4 Hindi articles, 1 Urdu): what each
// query finds, by file number.
func TestQuerySemantics(t *testing.T) {
	dir, _ := sampleIndex(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	files := func(q string) []string {
		t.Helper()
		var out []string
		for _, h := range doSearch(t, r, q, SearchOptions{Limit: 20, Canon: Canon}) {
			out = append(out, filepath.Base(h.Doc.Paths[0])[:3])
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		q    string
		want []string
	}{
		// field clauses filter: the code AND the language
		{"document:18-NQ/TW lang:hi", []string{"000"}},
		{"document:18-NQ/TW lang:ur", nil},
		{"lang:ur", []string{"002"}},
		{"lang:hi", []string{"000", "001", "003", "004"}},
		// words: all of them; OR either; -word not
		{"सम्मेलन", []string{"000", "001", "004"}},
		{"सम्मेलन lang:hi", []string{"000", "001", "004"}},
		{"सम्मेलन कांग्रेस", []string{"000"}},
		{"सम्मेलन OR कांग्रेस", []string{"000", "001", "003", "004"}},
		{"सम्मेलन OR كانفرنس", []string{"000", "001", "002", "004"}},
		{"सम्मेलन -कांग्रेस", []string{"001", "004"}},
		{"सम्मेलन lang:ur", nil},
		// partial names and codes
		{`person:"Be Dang Khoa"`, []string{"003"}},
		{"person:Khoa", []string{"003"}},
		{`person:"Dang Khoa"`, []string{"003"}},
		{`person:"Be Dang"`, []string{"003"}},
		{`person:"Khoa Be"`, nil},
		{"document:18-NQ", []string{"000"}},
		{"document:NQ/TW", []string{"000"}},
		{"document:18", []string{"000"}},
		{"document:8-NQ/TW", nil},
		// a plain code finds its letter-name spelling (the text has 18-एनक्यू/टीडब्ल्यू only)
		{"18-NQ/TW", []string{"000"}},
		{"lang:hi -18-NQ/TW", []string{"001", "003", "004"}},
		// an unquoted name is read whole when the whole name matches
		{"person:Be Dang Khoa", []string{"003"}},
	}
	for _, tc := range tests {
		if got := files(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.q, got, tc.want)
		}
	}
}

// Resolve's notes: an unquoted name read whole, a clause that matches nothing.
func TestResolveNotes(t *testing.T) {
	dir, _ := sampleIndex(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tests := []struct {
		q     string
		notes []string // substrings, one per note
		hits  int
	}{
		{"person:Be Dang Khoa", []string{`reading person:Be Dang Khoa as person:"Be Dang Khoa" (1 article)`}, 1},
		{"person:To Lam", []string{`person:To matches no article; did you mean person:"To Lam"?`}, 0},
		{"person:Khoa Hanoi", []string{`person:Khoa is searched alone and Hanoi as words; for one name, quote it: person:"Khoa Hanoi"`}, 0},
		{"document:99-XX/YY", []string{"document:99-XX/YY matches no article"}, 0},
		{"lang:xx", []string{"lang:xx matches no article"}, 0},
		{`person:"Be Dang Khoa"`, nil, 1},
		{"सम्मेलन", nil, 3},
	}
	for _, tc := range tests {
		q, err := ParseQuery(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Search(context.Background(), q, SearchOptions{Canon: Canon})
		if err != nil {
			t.Fatalf("%s: %v", tc.q, err)
		}
		if len(res.Notes) != len(tc.notes) {
			t.Errorf("%s: notes %q, want %q", tc.q, res.Notes, tc.notes)
		} else {
			for i, n := range tc.notes {
				if !strings.Contains(res.Notes[i], n) {
					t.Errorf("%s: note %q, want %q", tc.q, res.Notes[i], n)
				}
			}
		}
		if len(res.Hits) != tc.hits {
			t.Errorf("%s: %d hits, want %d", tc.q, len(res.Hits), tc.hits)
		}
	}
}
