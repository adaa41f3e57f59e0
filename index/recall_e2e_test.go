package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/partynews/partynews/corpus"
)

// TestKoreanRecallEndToEnd indexes the Korean dev articles in an in-memory bleve
// index with the real mapping and searches a sample of their content words the
// way the search does (the field analyzer turns the word into one term query or a
// phrase, on the lead and body fields): each must find its article.
func TestKoreanRecallEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes real articles")
	}
	var files []recallFile
	for _, f := range recallFiles(t) {
		if f.lang == "ko" {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Skip("no Korean articles")
	}
	idx, err := bleve.NewMemOnly(NewMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	words := map[string][]string{}
	for i, f := range files {
		a, err := corpus.Read(f.path, 0)
		if err != nil {
			t.Fatal(err)
		}
		id := fmt.Sprint(i)
		lead, body := a.Lead(), a.Join(corpus.Body, corpus.Caption)
		if err := idx.Index(id, map[string]interface{}{FieldLead: TextValue("ko", lead), FieldBody: TextValue("ko", body)}); err != nil {
			t.Fatal(err)
		}
		words[id] = contentWords(lead + "\n" + body)
	}
	an, err := registry.NewCache().AnalyzerNamed(AnalyzerName("ko"))
	if err != nil {
		t.Fatal(err)
	}
	n, found := 0, 0
	var missed []string
	for id, ws := range words {
		for k, w := range ws {
			if k%3 != 0 { // a sample: every third word
				continue
			}
			toks := an.Analyze([]byte(w))
			if len(toks) == 0 {
				continue
			}
			terms := make([]string, len(toks))
			for i, tk := range toks {
				terms[i] = CurrentTextFields("ko").Term(string(tk.Term))
			}
			var qs []query.Query
			for _, fld := range []string{FieldLead, FieldBody} {
				if len(terms) == 1 {
					q := query.NewTermQuery(terms[0])
					q.SetField(fld)
					qs = append(qs, q)
				} else {
					qs = append(qs, query.NewPhraseQuery(terms, fld))
				}
			}
			req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(qs), 100, 0, false)
			res, err := idx.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			n++
			ok := false
			for _, h := range res.Hits {
				ok = ok || h.ID == id
			}
			if ok {
				found++
			} else if len(missed) < 20 {
				missed = append(missed, w)
			}
		}
	}
	r := float64(found) / float64(max(n, 1))
	t.Logf("ko end to end: %d articles, %d words searched, recall %.3f; missed %s", len(files), n, r, strings.Join(missed, " "))
	if r < 0.95 {
		t.Errorf("Korean end-to-end recall %.3f < 0.95", r)
	}
}
