package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partynews/partynews/corpus/sample"
)

func runT(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	code := run(args, &out)
	return code, out.String()
}

func TestEndToEnd(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "index")
	src := filepath.Join(dir, "archive")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	// bad inputs beside the good ones
	os.WriteFile(filepath.Join(src, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(src, "image.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)
	os.Symlink(filepath.Join(src, "missing"), filepath.Join(src, "dangling.txt"))
	os.Symlink(src, filepath.Join(src, "loop"))
	os.Mkdir(filepath.Join(src, "folder.txt"), 0o755)
	report := filepath.Join(dir, "report.jsonl")

	os.WriteFile(filepath.Join(src, "unreadable.txt"), []byte("x"), 0o000)
	code, out := runT(t, "index", "--index", idx, "--json", "--report", report, src)
	wantFailed, wantCode := 1, exitPartial
	if os.Geteuid() == 0 {
		wantFailed, wantCode = 0, exitOK // root reads the unreadable file: a one-letter article
	}
	if code != wantCode {
		t.Fatalf("index exit %d, want %d; out %s", code, wantCode, out)
	}
	var sum summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if sum.Indexed != 6-wantFailed || sum.Skipped != 3 || sum.Failed != wantFailed || sum.Seen != sum.Indexed+sum.Unchanged+sum.Duplicate+sum.Skipped+sum.Failed {
		t.Errorf("summary %+v", sum)
	}
	lines := readLines(t, report)
	if len(lines) != 3+wantFailed {
		t.Errorf("report has %d lines, want %d: %v", len(lines), 3+wantFailed, lines)
	}
	for _, l := range lines {
		var r reportLine
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Reason == "" || r.Path == "" {
			t.Errorf("report line %q", l)
		}
	}

	// a second run reads nothing and reports everything unchanged
	code, out = runT(t, "index", "--index", idx, "--json", src)
	json.Unmarshal([]byte(out), &sum)
	if code != wantCode || sum.Unchanged != 6-wantFailed || sum.Indexed != 0 || sum.Bytes != 0 {
		t.Errorf("re-run: exit %d, %+v", code, sum)
	}

	// a changed file replaces its document; a moved file keeps its id; --prune
	// deletes what is gone
	a := filepath.Join(src, "000_3a8280a0fbaf4a6a.txt")
	b, _ := os.ReadFile(a)
	os.WriteFile(a, append(b, "\nनया अनुच्छेद zzchanged\n"...), 0o644)
	moved := filepath.Join(src, "moved.txt")
	os.Rename(filepath.Join(src, "001_6500ea09a9bcd33e.txt"), moved)
	code, out = runT(t, "index", "--index", idx, "--json", "--prune", src)
	sum = summary{}
	json.Unmarshal([]byte(out), &sum)
	if sum.Indexed != 1 || sum.Duplicate != 1 || sum.Deleted != 1 {
		t.Errorf("change, move and prune: exit %d, %+v", code, sum)
	}
	if code, out := runT(t, "search", "--index", idx, "--json", "zzchanged"); code != exitOK || !strings.Contains(out, "000_3a8280a0fbaf4a6a.txt") {
		t.Errorf("changed text not found: %d %s", code, out)
	}
	if code, out := runT(t, "search", "--index", idx, "--json", "ट्रान"); code != exitOK || !strings.Contains(out, "moved.txt") || strings.Contains(out, "001_6500ea09a9bcd33e.txt") {
		t.Errorf("moved file: %d %s", code, out)
	}

	code, out = runT(t, "search", "--index", idx, "--json", "सम्मेलनों")
	if code != exitOK || !strings.Contains(out, `"lang":"hi"`) || !strings.Contains(out, `"snippet"`) {
		t.Errorf("search: exit %d, %s", code, out)
	}
	if code, _ := runT(t, "search", "--index", idx, "zzzznothing"); code != exitNoMatch {
		t.Errorf("search without hits: exit %d, want 1", code)
	}
	if code, _ := runT(t, "search", "--index", idx, `"open`); code != exitUsage {
		t.Errorf("bad query: exit %d, want 2", code)
	}
	if code, _ := runT(t, "search", "--index", filepath.Join(dir, "none"), "x"); code != exitUsage {
		t.Errorf("missing index: exit %d, want 2", code)
	}
	code, out = runT(t, "stats", "--index", idx, "--json")
	if code != exitOK || !strings.Contains(out, fmt.Sprintf(`"documents":%d`, 6-wantFailed)) {
		t.Errorf("stats: %d %s", code, out)
	}
	if code, _ := runT(t, "index", "--index", idx, "--bogus"); code != exitUsage {
		t.Errorf("bad flag: exit %d, want 2", code)
	}
	if code, _ := runT(t, "index", "--index", idx); code != exitUsage {
		t.Errorf("no path: exit %d, want 2", code)
	}
}

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	paths, err := sample.WriteTo(dir)
	if err != nil {
		t.Fatal(err)
	}
	code, out := runT(t, append([]string{"extract", "--json"}, paths...)...)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var a extractJSON
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if a.Path == "" || len(a.ID) != 32 || (a.Lang != "hi" && a.Lang != "ur") || a.Lead == "" || a.Entities == nil {
			t.Errorf("article %+v", a)
		}
		n++
	}
	if n != len(paths) {
		t.Errorf("%d lines for %d files", n, len(paths))
	}
}

func readLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}
