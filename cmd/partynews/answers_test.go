package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// On every article of ../shared/corpus: one entry per person whose count is
// what person:"NAME" finds; a timeline with its empty months; show by an id
// prefix with related articles printed by path.
func TestAnswersCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no ../shared/corpus")
	}
	idx := filepath.Join(t.TempDir(), "index")
	if code, out := runT(t, "index", "--index", idx, "-q", root); code != 0 {
		t.Fatalf("index: %d %s", code, out)
	}
	code, out := runT(t, "entities", "--index", idx, "--type", "person", "--top", "15", "--json")
	if code != exitOK {
		t.Fatalf("entities: %d %s", code, out)
	}
	names := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e entityCount
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		if names[strings.ToLower(e.Value)] || len(e.Keys) == 0 {
			t.Errorf("entry %+v: repeated or without keys", e)
		}
		names[strings.ToLower(e.Value)] = true
		_, hits := runT(t, "search", "--index", idx, "--json", "--limit", "1000", `person:"`+e.Value+`"`)
		n := strings.Count(hits, `"id":`)
		if n != e.Articles {
			t.Errorf("%s: entities counts %d, person: finds %d", e.Value, e.Articles, n)
		}
	}
	for _, same := range [][2]string{{"pham man chan", "pham minh chinh"}, {"tran than man", "tran thanh man"}} {
		_, a := runT(t, "search", "--index", idx, "--json", "--limit", "1000", `person:"`+same[0]+`"`)
		_, b := runT(t, "search", "--index", idx, "--json", "--limit", "1000", `person:"`+same[1]+`"`)
		if ia, ib := hitIDs(a), hitIDs(b); ia != ib {
			t.Errorf("person:%q and person:%q find different articles: %s / %s", same[0], same[1], ia, ib)
		}
	}
	code, out = runT(t, "timeline", "--index", idx, "--json", `person:"To Lam"`)
	if code != exitOK || !strings.Contains(out, `"articles":0`) {
		t.Errorf("timeline: %d, want months with 0 articles: %s", code, out)
	}
	// show by id prefix: related articles by path, with their evidence
	doc := filepath.Join(root, "dev", "cs", "1.txt")
	code, out = runT(t, "show", "--index", idx, "--json", doc)
	var shown struct {
		ID      string
		Related []struct {
			Path     string
			Score    float64
			Evidence []struct{ Kind, Value string }
		}
	}
	if err := json.Unmarshal([]byte(out), &shown); code != exitOK || err != nil {
		t.Fatalf("show --json: %d %v", code, err)
	}
	code, out = runT(t, "show", "--index", idx, shown.ID[:8])
	if code != exitOK || len(shown.Related) == 0 || !strings.Contains(out, shown.Related[0].Path) {
		t.Errorf("show %s: %d, related %+v", shown.ID[:8], code, shown.Related)
	}
	if len(shown.Related) > 0 && (shown.Related[0].Score <= 0 || len(shown.Related[0].Evidence) == 0) {
		t.Errorf("related without score or evidence: %+v", shown.Related[0])
	}
	if code, _ := runT(t, "show", "--index", idx, "--related", "-1", shown.ID); code != exitUsage {
		t.Errorf("show --related -1: exit %d, want 2", code)
	}
}

// hitIDs is the sorted ids of the hit lines of search --json output.
func hitIDs(out string) string {
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var h struct{ Type, ID string }
		if json.Unmarshal([]byte(l), &h) == nil && h.Type == "hit" {
			ids = append(ids, h.ID)
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}
