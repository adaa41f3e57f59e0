package search

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/partynews/partynews/index"
)

// slugs maps the files of ../shared/corpus's dev and dev-more folders to the
// vietnam.vn slug of their URL (index.jsonl): files with one slug are
// translations of one story. The slug is the answer key only; Related never
// sees it (the articles' text does not hold vietnam.vn URLs).
func slugs(t *testing.T, root string) map[string]string {
	out := map[string]string{}
	for _, sub := range []string{"dev", "dev-more"} {
		f, err := os.Open(filepath.Join(root, sub, "index.jsonl"))
		if err != nil {
			t.Skip(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var x struct{ File, URL string }
			if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
				t.Fatal(err)
			}
			u := strings.TrimRight(x.URL, "/")
			out[filepath.Join(root, sub, x.File)] = u[strings.LastIndex(u, "/")+1:]
		}
		f.Close()
	}
	return out
}

type relEval struct {
	tp, returned, relevant, docs int
	lines                        []string
}

func (e relEval) recall() float64    { return float64(e.tp) / float64(max(1, e.relevant)) }
func (e relEval) precision() float64 { return float64(e.tp) / float64(max(1, e.returned)) }

// evalRelated scores the related lists of every article that has a
// translation against "same slug".
func evalRelated(t *testing.T, sr *Searcher, root string, minScore, minShared float64) relEval {
	sl := slugs(t, root)
	docSlug := map[string]string{}
	var docs []*index.Document
	if err := sr.Each(context.Background(), func(d *index.Document) error {
		for _, p := range d.Paths {
			if s, ok := sl[p]; ok {
				docSlug[d.ID] = s
			}
		}
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	bySlug := map[string][]string{}
	for id, s := range docSlug {
		bySlug[s] = append(bySlug[s], id)
	}
	var ev relEval
	for _, d := range docs {
		s, ok := docSlug[d.ID]
		if !ok || len(bySlug[s]) < 2 {
			continue
		}
		ev.docs++
		n := 5
		if minScore == 0 {
			n = 20
		}
		rel, err := sr.related(context.Background(), d, n, minScore, minShared)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, id := range bySlug[s] {
			if id != d.ID {
				want[id] = true
			}
		}
		ev.relevant += len(want)
		ev.returned += len(rel)
		var got []string
		for _, x := range rel {
			mark := "-"
			if want[x.Doc.ID] {
				ev.tp++
				mark = "+"
			}
			var evs []string
			for _, e := range x.Evidence {
				evs = append(evs, e.Kind+":"+e.Value)
			}
			got = append(got, fmt.Sprintf("%s%s %.3f %v", mark, x.Doc.Lang, x.Score, evs))
		}
		ev.lines = append(ev.lines, fmt.Sprintf("%s %s: %v", d.Lang, filepath.Base(d.Paths[0]), got))
	}
	sort.Strings(ev.lines)
	return ev
}

// Related finds the translations of a story (the articles that share its
// vietnam.vn slug) with recall ≥ 0.8 and precision ≥ 0.5 on the real
// articles.
func TestRelatedTranslations(t *testing.T) {
	sr, root := corpusIndex(t)
	all := evalRelated(t, sr, root, 0, 0)
	for _, l := range all.lines {
		t.Log("unfiltered ", l)
	}
	ev := evalRelated(t, sr, root, MinRelated, minSharedWeight)
	for _, l := range ev.lines {
		t.Log(l)
	}
	t.Logf("%d articles with translations: unfiltered recall %.2f precision %.2f; cut recall %.2f precision %.2f (%d of %d found, %d listed)",
		ev.docs, all.recall(), all.precision(), ev.recall(), ev.precision(), ev.tp, ev.relevant, ev.returned)
	if ev.docs == 0 {
		t.Fatal("no article with a translation")
	}
	if ev.recall() < 0.8 || ev.precision() < 0.5 {
		t.Errorf("recall %.2f, precision %.2f: want ≥ 0.8 and ≥ 0.5", ev.recall(), ev.precision())
	}
}

// show's argument: an id, a prefix of one, a path; an ambiguous prefix is an
// error, an unknown one nothing.
func TestResolve(t *testing.T) {
	dir, paths := sampleIndex(t)
	sr, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.Close()
	ctx := context.Background()
	d, err := sr.Lookup(ctx, paths[0])
	if err != nil || d == nil {
		t.Fatalf("by path: %v %v", d, err)
	}
	for _, arg := range []string{d.ID, d.ID[:8], strings.ToUpper(d.ID[:6])} {
		got, err := sr.Lookup(ctx, arg)
		if err != nil || got == nil || got.ID != d.ID {
			t.Errorf("Lookup(%q) = %v, %v; want %s", arg, got, err, d.ID)
		}
	}
	for _, arg := range []string{"zzzz", "0", d.ID[:3], "/no/such/file.txt"} {
		if got, err := sr.Lookup(ctx, arg); got != nil || err != nil {
			t.Errorf("Lookup(%q) = %v, %v; want nothing", arg, got, err)
		}
	}
	// a 4-character prefix two ids share (if any in the sample) is ambiguous
	ids := map[string]bool{}
	sr.Each(ctx, func(d *index.Document) error { ids[d.ID] = true; return nil })
	for a := range ids {
		for b := range ids {
			if a < b && a[:4] == b[:4] {
				var amb *AmbiguousError
				if _, err := sr.Lookup(ctx, a[:4]); !errors.As(err, &amb) {
					t.Errorf("prefix %s of two ids: %v", a[:4], err)
				}
			}
		}
	}
}

// Two translations of one story (our own sentences) relate through the source
// they cite, the day and the figures they share; an article that shares one
// figure and cites another source is cut.
func TestRelatedScore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	w, err := index.OpenWriter(dir, index.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	src := "https://news.example.vn/hoi-nghi-post123.vnp"
	docs := []index.Document{
		{ID: "en1", Lang: "en", SourceURL: src, Text: "On 12 October 453 delegates met; 2,211 cells. Source: " + src, Entities: []index.Entity{
			{Type: "date", Value: "--10-12"}, {Type: "figure", Value: "453"}, {Type: "figure", Value: "2211"}}},
		{ID: "fr1", Lang: "fr", SourceURL: src, Text: "Le 12 octobre, 453 délégués; 2 211 cellules. Source : " + src, Entities: []index.Entity{
			{Type: "date", Value: "--10-12"}, {Type: "figure", Value: "453"}, {Type: "figure", Value: "2211"}}},
		{ID: "de1", Lang: "de", SourceURL: "https://other.example.vn/x", Text: "Am 3. Mai kamen 453 Gäste.", Entities: []index.Entity{
			{Type: "date", Value: "--05-03"}, {Type: "figure", Value: "453"}}},
	}
	for i := 0; i < 20; i++ { // unrelated articles, so that the shared items are rare
		docs = append(docs, index.Document{ID: fmt.Sprintf("x%d", i), Lang: "en", Text: "Nothing in common.", Entities: []index.Entity{{Type: "figure", Value: fmt.Sprint(1000 + i)}}})
	}
	for _, d := range docs {
		if _, err := w.Put("/a/"+d.ID+".txt", d, 1, time.Unix(0, 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sr, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.Close()
	rel, err := sr.Related(context.Background(), &docs[0], 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(rel) != 1 || rel[0].Doc.ID != "fr1" || rel[0].Score < 0.9 {
		t.Fatalf("related of en1: %+v, want fr1 alone with a score near 1", rel)
	}
	kinds := map[string]bool{}
	for _, e := range rel[0].Evidence {
		kinds[e.Kind] = e.Weight > 0
	}
	for _, k := range []string{"source", "date", "figure"} {
		if !kinds[k] {
			t.Errorf("evidence %+v: no weighed %s", rel[0].Evidence, k)
		}
	}
	all, _ := sr.related(context.Background(), &docs[0], 5, 0, 0)
	candidate := false
	for _, r := range all {
		if r.Doc.ID == "de1" {
			candidate = true
			if r.Score >= MinRelated {
				t.Errorf("de1 (one figure, another source) scores %.2f", r.Score)
			}
		}
	}
	if !candidate {
		t.Error("de1, which shares a figure, is not even a candidate")
	}
}
