package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/partynews/partynews/corpus/sample"
)

func sampleIndexDir(t *testing.T) string {
	dir := t.TempDir()
	src := filepath.Join(dir, "s")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "index")
	if code, out := runT(t, "index", "--index", idx, "-q", src); code != 0 {
		t.Fatalf("index: %d %s", code, out)
	}
	return idx
}

// The analyst bars on the sample: a document code spelled in letter names, a
// romanized name, and the entity list.
func TestAnalystSample(t *testing.T) {
	idx := sampleIndexDir(t)
	for _, c := range []struct{ query, file string }{
		{"document:18-NQ/TW", "000_3a8280a0fbaf4a6a.txt"},
		{"document:१८-एनक्यू/टीडब्ल्यू", "000_3a8280a0fbaf4a6a.txt"},
		{`person:"Vu Dai Thang"`, "000_3a8280a0fbaf4a6a.txt"},
		{`person:"वु दाई थांग"`, "000_3a8280a0fbaf4a6a.txt"},
		{"date:--12-28", "000_3a8280a0fbaf4a6a.txt"},
		{"date:2017-10", "000_3a8280a0fbaf4a6a.txt"},
		{"figure:>=200000000VND", "001_6500ea09a9bcd33e.txt"},
	} {
		code, out := runT(t, "search", "--index", idx, "--json", c.query)
		if code != exitOK || !strings.Contains(out, c.file) {
			t.Errorf("%s: exit %d, want %s in %s", c.query, code, c.file, out)
		}
	}
	code, out := runT(t, "entities", "--index", idx, "--type", "document", "--json")
	if code != exitOK || !strings.Contains(out, `"value":"50-CT/TW"`) {
		t.Errorf("entities: %d %s", code, out)
	}
	var first entityCount
	json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &first)
	if first.Type != "document" || first.Articles < 1 {
		t.Errorf("entities line %+v", first)
	}
	code, out = runT(t, "search", "--index", idx, "--json", "--facet", "lang,person,document,year", "सम्मेलनों")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var last struct {
		Type   string
		Facets map[string][]struct {
			Term  string
			Count int
		}
	}
	if len(lines) < 2 {
		t.Fatalf("facets: %d %s", code, out)
	}
	facetLine := lines[len(lines)-2] // the summary is last
	if err := json.Unmarshal([]byte(facetLine), &last); err != nil || last.Type != "facets" || len(last.Facets["lang"]) == 0 || last.Facets["lang"][0].Term != "hi" {
		t.Errorf("facets: %d %v %s", code, err, facetLine)
	}
	code, out = runT(t, "timeline", "--index", idx, "--json", "lang:hi")
	if code != exitOK || !strings.Contains(out, `"month":"2017-10"`) {
		t.Errorf("timeline: %d %s", code, out)
	}
	if code, _ := runT(t, "search", "--index", idx, "--from", "2030-01-01", "lang:hi"); code != exitNoMatch {
		t.Errorf("--from after every date: exit %d, want 1", code)
	}
	if code, _ := runT(t, "search", "--index", idx, "--from", "yesterday", "x"); code != exitUsage {
		t.Errorf("bad --from: exit %d, want 2", code)
	}
	if code, _ := runT(t, "search", "--index", idx, "figure:>=10parsecs"); code != exitUsage {
		t.Errorf("bad unit: exit %d, want 2", code)
	}
}

// person:"To Lam" finds every script's spelling of the name, and not a different
// person who shares a syllable, on the real dev articles.
func TestCrossScriptPeople(t *testing.T) {
	dev := "../../../shared/corpus/dev"
	if _, err := os.Stat(dev); err != nil {
		t.Skip("no dev corpus")
	}
	idx := filepath.Join(t.TempDir(), "index")
	if code, out := runT(t, "index", "--index", idx, "-q", dev); code != 0 {
		t.Fatalf("index: %d %s", code, out)
	}
	code, out := runT(t, "search", "--index", idx, "--json", "--limit", "100", `person:"To Lam"`)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	langs := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var h hitJSON
		json.Unmarshal([]byte(l), &h)
		if h.Type != "hit" {
			continue
		}
		langs[h.Lang] = true
		b, _ := os.ReadFile(h.Path)
		text := string(b)
		spelled := false
		for _, s := range []string{"To Lam", "टो लाम", "तो लाम", "टो लैम", "ٹو لام", "টো লাম", "То Лам", "TO LAM", "トー・ラム", "To Lâm", "ทอ ลัม", "토람", "또 럼", "ト・ラム", "苏林", "ໂຕເລິມ", "តូ ឡឹម", "טו לאם", "โต ลัม", "Το Λαμ"} {
			spelled = spelled || strings.Contains(text, s)
		}
		if !spelled {
			t.Errorf("%s [%s] does not name To Lam in any known spelling", h.Path, h.Lang)
		}
	}
	for _, want := range []string{"hi", "ur", "bn"} {
		if !langs[want] {
			t.Errorf("person:\"To Lam\" found no %s article (found %v)", want, langs)
		}
	}
	// the Hindi spelling finds the Latin and Urdu ones
	code, out = runT(t, "search", "--index", idx, "--json", "--limit", "100", `person:"फाम मिन्ह चिन्ह"`)
	if code != exitOK || !strings.Contains(out, `"lang":"ur"`) || !strings.Contains(out, `"lang":"de"`) {
		t.Errorf("person:\"फाम मिन्ह चिन्ह\": %d, want Urdu and German hits", code)
	}
}

// The bulk export has an action and a document line per article, with the
// index's fields; the template maps every language's text fields.
func TestExportBulk(t *testing.T) {
	idx := sampleIndexDir(t)
	code, out := runT(t, "export", "--index", idx, "--format", "es-bulk")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 10 {
		t.Fatalf("export: exit %d, %d lines", code, len(lines))
	}
	found := false
	for i := 0; i < len(lines); i += 2 {
		var action struct {
			Index struct {
				ID string `json:"_id"`
			}
		}
		var doc map[string]any
		if json.Unmarshal([]byte(lines[i]), &action) != nil || json.Unmarshal([]byte(lines[i+1]), &doc) != nil {
			t.Fatalf("lines %d-%d are not JSON", i, i+1)
		}
		if action.Index.ID != doc["id"] || doc["body_"+doc["lang"].(string)] == nil {
			t.Errorf("document %v: id or body missing", doc["id"])
		}
		if strings.Contains(fmt.Sprint(doc["document"]), "18-NQ/TW") {
			found = true
		}
	}
	if !found {
		t.Error("no exported document lists 18-NQ/TW")
	}
	code, out = runT(t, "export", "--template")
	var tmpl struct {
		Template struct {
			Mappings struct{ Properties map[string]any }
		}
	}
	if code != exitOK || json.Unmarshal([]byte(out), &tmpl) != nil || tmpl.Template.Mappings.Properties["body_ur"] == nil || tmpl.Template.Mappings.Properties["person_key"] == nil {
		t.Errorf("template: %d %s", code, out[:min(200, len(out))])
	}
}

// A sharded index answers every command as the single index does.
func TestShardedIndex(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "s")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	single, sharded := filepath.Join(dir, "single"), filepath.Join(dir, "sharded")
	if code, out := runT(t, "index", "--index", single, "-q", src); code != 0 {
		t.Fatalf("%d %s", code, out)
	}
	if code, out := runT(t, "index", "--index", sharded, "--shards", "3", "-q", src); code != 0 {
		t.Fatalf("%d %s", code, out)
	}
	if n, _ := os.ReadDir(sharded); len(n) != 4 {
		t.Errorf("sharded folder holds %d entries, want SHARDS and 3 shards", len(n))
	}
	ids := func(idx string, q string) string {
		code, out := runT(t, "search", "--index", idx, "--json", "--limit", "20", q)
		if code > 1 {
			t.Fatalf("search %s: exit %d", q, code)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var h hitJSON
			if json.Unmarshal([]byte(l), &h) == nil && h.ID != "" {
				got = append(got, h.ID)
			}
		}
		sort.Strings(got)
		return strings.Join(got, " ")
	}
	for _, q := range []string{"सम्मेलनों", "كانفرنس", "document:18-NQ/TW", `person:"Vu Dai Thang"`, "lang:hi"} {
		if a, b := ids(single, q), ids(sharded, q); a != b || a == "" {
			t.Errorf("%s: single %q, sharded %q", q, a, b)
		}
	}
	for _, args := range [][]string{{"stats", "--json"}, {"entities", "--type", "document", "--json"}, {"timeline", "--json", "lang:hi"}} {
		_, a := runT(t, append(args[:1:1], append([]string{"--index", single}, args[1:]...)...)...)
		_, b := runT(t, append(args[:1:1], append([]string{"--index", sharded}, args[1:]...)...)...)
		if args[0] == "stats" {
			a, b = a[:strings.Index(a, `"size_bytes"`)], b[:strings.Index(b, `"size_bytes"`)]
		}
		if a != b {
			t.Errorf("%v: single %s, sharded %s", args, a, b)
		}
	}
	if code, out := runT(t, "show", "--index", sharded, filepath.Join(src, "000_3a8280a0fbaf4a6a.txt")); code != 0 || !strings.Contains(out, "[18-एनक्यू/टीडब्ल्यू]") || !strings.Contains(out, "document 18-एनक्यू/टीडब्ल्यू") {
		t.Errorf("show: %d %s", code, out)
	}
	if code, _ := runT(t, "index", "--index", sharded, "--shards", "2", "-q", src); code != exitFatal {
		t.Errorf("changing the shard count: exit %d, want 1", code)
	}
	// a re-run reads nothing
	code, out := runT(t, "index", "--index", sharded, "--json", src)
	var sum summary
	json.Unmarshal([]byte(out), &sum)
	if code != 0 || sum.Unchanged != 5 {
		t.Errorf("sharded re-run: %d %+v", code, sum)
	}
}
