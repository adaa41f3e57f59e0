package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/search"
)

// runAll runs a command line with stdin and returns its exit code, stdout and stderr.
func runAll(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runIO(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// Every bad value is a usage error (exit 2) with one line on stderr that names
// the flag or command, and no Go stack trace or strconv detail.
func TestBadValues(t *testing.T) {
	idx := sampleIndexDir(t)
	for _, c := range []struct {
		args []string
		want string // in the message
	}{
		{[]string{"entities", "--top", "-5"}, `--top" flag: want a whole number ≥ 1`},
		{[]string{"entities", "--top", "0"}, `--top`},
		{[]string{"entities", "--top", "many"}, `--top`},
		{[]string{"entities", "--type", "people"}, `--type" flag: want one of lang, person`},
		{[]string{"entities", "--lang", "xx"}, `--lang "xx": not a language code`},
		{[]string{"search", "--limit", "-1", "x"}, `--limit" flag: want a whole number ≥ 0`},
		{[]string{"search", "--limit", "abc", "x"}, `"abc" for "-n, --limit" flag: want a whole number ≥ 0 (0 = every hit)`},
		{[]string{"search", "-n", "1.5", "x"}, `--limit`},
		{[]string{"search", "--offset", "-3", "x"}, `--offset`},
		{[]string{"search", "--lang", "xx", "x"}, `this index has hi, ur; see 'partynews stats'`},
		{[]string{"search", "--from", "2025-01", "--to", "2024-12", "x"}, `--from 2025-01 is after --to 2024-12`},
		{[]string{"search", "--from", "2024-13-01", "x"}, `--from: date "2024-13-01"`},
		{[]string{"search", "--to", "yesterday", "x"}, `--to:`},
		{[]string{"search", "--sort", "newest", "x"}, `--sort" flag: want one of relevance, date`},
		{[]string{"search", "--facet", "lang,colour", "x"}, `--facet "colour"`},
		{[]string{"search", "--color", "sometimes", "x"}, `--color" flag: want one of auto, always, never`},
		{[]string{"search", "--count", "-l", "x"}, `--count and -l`},
		{[]string{"search"}, `requires at least 1 arg`},
		{[]string{"timeline", "--lang", "xx", "x"}, `--lang "xx"`},
		{[]string{"serch", "x"}, `unknown command "serch" (did you mean search`},
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"completion", "tcsh"}, `no completion for shell "tcsh"`},
		{[]string{"completion"}, `name a shell`},
		{[]string{"help", "xx"}, `help: no command or topic "xx"`},
		{[]string{"extract", "-", "-"}, `standard input (-) named twice`},
	} {
		args := c.args
		if args[0] != "serch" && args[0] != "bogus" && args[0] != "completion" && args[0] != "extract" && args[0] != "help" {
			args = append([]string{args[0], "--index", idx}, args[1:]...)
		}
		code, out, errs := runAll(t, "", args...)
		name := strings.Join(c.args, " ")
		if code != exitUsage {
			t.Errorf("%s: exit %d, want 2 (stderr %q)", name, code, errs)
		}
		if out != "" {
			t.Errorf("%s: stdout %q, want nothing", name, out)
		}
		if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "partynews: ") {
			t.Errorf("%s: stderr %q, want one line", name, errs)
		}
		if !strings.Contains(errs, c.want) {
			t.Errorf("%s: stderr %q, want %q in it", name, errs, c.want)
		}
		for _, leak := range []string{"goroutine", "panic", "strconv", "ParseInt"} {
			if strings.Contains(errs, leak) {
				t.Errorf("%s: stderr leaks %q: %s", name, leak, errs)
			}
		}
	}
	// a known language the index lacks is no error: nothing found
	if code, _, errs := runAll(t, "", "search", "--index", idx, "--lang", "fr", "x"); code != exitNoMatch {
		t.Errorf("--lang fr on a Hindi/Urdu index: exit %d (%s), want 1", code, errs)
	}
}

// hitLines parses search --json output into its hit, facets and summary lines,
// checking that every line has a type and each type always the same fields.
func hitLines(t *testing.T, out string) (hits []map[string]any, facets, summary map[string]any) {
	t.Helper()
	want := map[string][]string{
		"hit":     {"byline", "id", "lang", "lead", "marks", "path", "paths", "position", "score", "snippet", "source_url", "type"},
		"facets":  {"facets", "type"},
		"summary": {"hits", "offset", "query", "took_ms", "total", "type"},
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d %q: %v", i, l, err)
		}
		typ, _ := m["type"].(string)
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, want[typ]) {
			t.Errorf("%s line has fields %v, want %v", typ, keys, want[typ])
		}
		switch typ {
		case "hit":
			if summary != nil || facets != nil {
				t.Errorf("hit after the facets or summary: %s", l)
			}
			hits = append(hits, m)
		case "facets":
			facets = m
		case "summary":
			if i != len(lines)-1 {
				t.Errorf("summary is line %d of %d", i+1, len(lines))
			}
			summary = m
		}
	}
	if summary == nil {
		t.Errorf("no summary line in %s", out)
	}
	return hits, facets, summary
}

// --count, -l, --limit 0, --json, the footer on stderr, and colour.
func TestSearchOutputs(t *testing.T) {
	idx := sampleIndexDir(t)
	defer func(n int) { allPage = n }(allPage)
	allPage = 2 // --limit 0 pages through 3 hits in two pages
	for _, q := range []string{"सम्मेलनों", "lang:hi", "document:18-NQ/TW", "zzzznothing"} {
		code, count, _ := runAll(t, "", "search", "--index", idx, "--count", q)
		n, err := strconv.Atoi(strings.TrimSpace(count))
		if err != nil || (code == exitOK) != (n > 0) {
			t.Fatalf("%s: --count %q, exit %d", q, count, code)
		}
		_, out, errs := runAll(t, "", "search", "--index", idx, "--json", "--limit", "0", q)
		hits, _, sum := hitLines(t, out)
		if len(hits) != n || sum["total"] != float64(n) || sum["hits"] != float64(n) || errs != "" {
			t.Errorf("%s: --count %d, --limit 0 --json %d hits, summary %v, stderr %q", q, n, len(hits), sum, errs)
		}
		ids := map[string]bool{}
		for i, h := range hits {
			ids[h["id"].(string)] = true
			if h["position"] != float64(i+1) {
				t.Errorf("%s: hit %d has position %v", q, i+1, h["position"])
			}
		}
		if len(ids) != len(hits) {
			t.Errorf("%s: a hit printed twice across pages", q)
		}
		_, paths, _ := runAll(t, "", "search", "--index", idx, "-l", "-n", "0", q)
		if got := strings.Count(paths, "\n"); got != n {
			t.Errorf("%s: -l printed %d lines, want %d: %q", q, got, n, paths)
		}
		for _, p := range strings.Fields(paths) {
			if _, err := os.Stat(p); err != nil || filepath.Ext(p) != ".txt" {
				t.Errorf("%s: -l line %q is not an article file", q, p)
			}
		}
		_, jc, _ := runAll(t, "", "search", "--index", idx, "--count", "--json", q)
		if _, _, s := hitLines(t, jc); s == nil || s["total"] != float64(n) {
			t.Errorf("%s: --count --json %q", q, jc)
		}
	}

	// text: hits on stdout, the footer on stderr; --limit 1 of 3
	code, out, errs := runAll(t, "", "search", "--index", idx, "--limit", "1", "सम्मेलनों")
	if code != exitOK || strings.Contains(out, "hits (") || !strings.HasPrefix(errs, "1 of 3 hits (") || strings.Count(out, "\n1. [hi]") != 0 || !strings.HasPrefix(out, "1. [hi] ") {
		t.Errorf("text output: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if strings.Contains(out, "\x1b[") || !strings.Contains(out, "[सम्मेलन]") {
		t.Errorf("--color auto into a buffer: %q", out)
	}
	_, out, _ = runAll(t, "", "search", "--index", idx, "--color", "always", "--limit", "1", "सम्मेलनों")
	if !strings.Contains(out, "\x1b[1;31mसम्मेलन\x1b[0m") {
		t.Errorf("--color always: %q", out)
	}
	// facets: every facet asked for, [] when it has no value
	_, out, _ = runAll(t, "", "search", "--index", idx, "--json", "--facet", "lang,person", "-n", "0", "lang:ur")
	_, facets, _ := hitLines(t, out)
	if facets == nil {
		t.Fatalf("no facets line: %s", out)
	}
	f, _ := facets["facets"].(map[string]any)
	if f == nil || f["lang"] == nil || f["person"] == nil {
		t.Errorf("facets line %v", facets)
	}
	// text facets follow every page of hits
	_, out, _ = runAll(t, "", "search", "--index", idx, "--facet", "lang", "-n", "0", "सम्मेलनों")
	if i := strings.Index(out, "\nlang:\n"); i < 0 || strings.Count(out[:i], "[hi] ") != 3 || strings.Contains(out[i:], "[hi] ") {
		t.Errorf("--facet with --limit 0 over pages: %q", out)
	}
	// a query that starts with "-" after "--" is a query, not a flag
	if code, _, errs := runAll(t, "", "search", "--index", idx, "--count", "--", "-lang:ur", "सम्मेलनों"); code != exitOK {
		t.Errorf("-- -lang:ur: exit %d %s", code, errs)
	}
}

func TestHitJSONNulls(t *testing.T) {
	b, _ := json.Marshal(newHitJSON(search.Hit{ID: "x", Doc: &index.Document{}}))
	for _, want := range []string{`"byline":null`, `"source_url":null`, `"lead":null`, `"marks":[]`, `"paths":[]`, `"path":""`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
}

func TestVersionHelpMan(t *testing.T) {
	code, out, _ := runAll(t, "", "--version")
	if code != exitOK || !strings.HasPrefix(out, "partynews ") || !strings.Contains(out, "(go1.") {
		t.Errorf("--version: %d %q", code, out)
	}
	old := version
	version = "v9.9.9"
	_, out, _ = runAll(t, "", "--version")
	version = old
	if !strings.HasPrefix(out, "partynews v9.9.9 (go") {
		t.Errorf("--version with -ldflags -X main.version: %q", out)
	}
	// every command says its exit codes in --help
	root := newRoot()
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() || !c.Runnable() {
			continue
		}
		_, out, _ := runAll(t, "", c.Name(), "--help")
		if !strings.Contains(out, "Exit status") {
			t.Errorf("%s --help has no exit status", c.Name())
		}
	}
	if _, out, _ := runAll(t, "", "search", "--help"); !strings.Contains(out, "search -- -word") || !strings.Contains(out, "--limit 0 prints every hit") {
		t.Errorf("search --help does not document -- or --limit 0")
	}
	if code, out, _ := runAll(t, "", "help", "json"); code != exitOK || !strings.Contains(out, `{"type":"summary"`) {
		t.Errorf("help json: %d %q", code, out)
	}
	dir := t.TempDir()
	if code, _, errs := runAll(t, "", "man", dir); code != exitOK {
		t.Fatalf("man: %d %s", code, errs)
	}
	for _, page := range []string{"partynews.1", "partynews-search.1", "partynews-index.1", "partynews-entities.1"} {
		b, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil || !bytes.Contains(b, []byte(".TH \"PARTYNEWS\"")) || !bytes.Contains(b, []byte("Exit status")) {
			t.Errorf("%s: %v, %.100q", page, err, b)
		}
	}
}

// Value completion through cobra's hidden __complete command.
func TestCompletion(t *testing.T) {
	idx := sampleIndexDir(t)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"search", "--sort", ""}, []string{"relevance", "date"}},
		{[]string{"search", "--facet", "lang,p"}, []string{"lang,person"}},
		{[]string{"search", "--index", idx, "--lang", ""}, []string{"hi", "ur"}},
		{[]string{"entities", "--type", ""}, []string{"lang", "person", "document", "date", "unit", "year", "month", "figure"}},
		{[]string{"search", "--color", ""}, []string{"auto", "always", "never"}},
	} {
		_, out, _ := runAll(t, "", append([]string{"__complete"}, c.args...)...)
		var got []string
		for _, l := range strings.Split(out, "\n") {
			if l != "" && !strings.HasPrefix(l, ":") && (strings.HasPrefix(l, c.args[len(c.args)-1]) || c.args[len(c.args)-1] == "") {
				got = append(got, strings.SplitN(l, "\t", 2)[0])
			}
		}
		if c.args[len(c.args)-1] == "lang,p" {
			got = slices.DeleteFunc(got, func(s string) bool { return !strings.HasPrefix(s, "lang,p") })
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("complete %v: %q, want %q", c.args, got, c.want)
		}
	}
}

// extract - reads an article from standard input; a sentence of our own.
func TestExtractStdin(t *testing.T) {
	in := "Hà Nội\n\nNgày 5 tháng 3 năm 2024, Thủ tướng Phạm Minh Chính chủ trì hội nghị triển khai Nghị quyết số 18-NQ/TW.\n"
	code, out, errs := runAll(t, in, "extract", "--json", "-")
	var a extractJSON
	if code != exitOK || json.Unmarshal([]byte(out), &a) != nil || a.Path != "-" || len(a.ID) != 32 {
		t.Fatalf("extract -: %d %q %s", code, out, errs)
	}
	found := false
	for _, e := range a.Entities {
		found = found || (e.Type == "document" && strings.Contains(e.Text, "18-NQ/TW"))
	}
	if !found {
		t.Errorf("extract - found no 18-NQ/TW in %+v", a.Entities)
	}
	if code, _, errs := runAll(t, "", "extract", "-"); code != exitFatal || !strings.Contains(errs, "standard input") {
		t.Errorf("extract - with empty input: %d %q", code, errs)
	}
}

func TestCutSnippet(t *testing.T) {
	for _, c := range []struct {
		text  string
		marks [][2]int
		cells int
		want  string // highlighted with [ ]
	}{
		{"short text", [][2]int{{0, 5}}, 40, "[short] text"},
		{"one two three four five six seven eight nine ten", [][2]int{{34, 39}}, 20, "…seven [eight] nine t…"},
		{"one two three four five six seven eight nine ten", [][2]int{{0, 3}}, 12, "[one] two th…"},
		{"one two three four five six seven eight nine ten", [][2]int{{45, 48}}, 12, "…t nine [ten]"},
		{"one two three four five six seven eight nine ten", nil, 12, "one two th…"},
		{"सम्मेलन आयोजित किया गया था और सभी लोग आए", [][2]int{{0, 21}}, 12, "[सम्मेलन] आयो…"},
	} {
		got := cutSnippet(search.Snippet{Text: c.text, Marks: c.marks}, c.cells)
		if h := got.Highlight("[", "]"); h != c.want {
			t.Errorf("cutSnippet(%q, %d) = %q, want %q", c.text, c.cells, h, c.want)
		}
	}
	for _, c := range []struct {
		s     string
		cells int
		want  string
	}{
		{"abc", 3, "abc"},
		{"abcdef", 4, "abc…"},
		{"सम्मेलन आयोजित", 6, "सम्मेलन…"},
		{"会议会议", 5, "会议…"},
	} {
		if got := cutCells(c.s, c.cells); got != c.want {
			t.Errorf("cutCells(%q, %d) = %q, want %q", c.s, c.cells, got, c.want)
		}
	}
}

// On a terminal of width w, the lead and snippet lines fit in w columns and the
// mark stays in view.
func TestPrintHitWidth(t *testing.T) {
	doc := &index.Document{Lang: "hi", Paths: []string{"/a/1.txt"},
		Lead: "पहली पंक्ति में बहुत सारे शब्द हैं जो एक छोटे टर्मिनल में नहीं समाते और उन्हें काटना पड़ता है"}
	text := "शुरुआत के शब्द यहाँ हैं और फिर बहुत सारे शब्द आते हैं, इसके बाद सम्मेलन आयोजित किया गया और अंत में और भी शब्द"
	i := strings.Index(text, "सम्मेलन")
	h := search.Hit{ID: "x", Position: 1, Doc: doc, Snippet: search.Snippet{Text: text, Marks: [][2]int{{i, i + len("सम्मेलन")}}}}
	for _, w := range []int{40, 60, 100} {
		var b bytes.Buffer
		printHit(&b, h, false, w)
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		for _, l := range lines[1:] {
			if cw := uniseg.StringWidth(l); cw > w {
				t.Errorf("width %d: line of %d columns: %q", w, cw, l)
			}
		}
		if !strings.Contains(lines[2], "[सम्मेलन]") {
			t.Errorf("width %d: mark cut off: %q", w, lines[2])
		}
	}
	var b bytes.Buffer
	printHit(&b, h, false, 0) // not a terminal: nothing cut
	if !strings.Contains(b.String(), "और भी शब्द") {
		t.Errorf("width 0 cut the snippet: %q", b.String())
	}
}
