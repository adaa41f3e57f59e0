package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// biggestSegment returns the largest segment file of the published generation.
func biggestSegment(t *testing.T, idx string) string {
	t.Helper()
	zaps, _ := filepath.Glob(filepath.Join(idx, current(t, idx), "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment")
	}
	sort.Slice(zaps, func(i, j int) bool {
		a, _ := os.Stat(zaps[i])
		b, _ := os.Stat(zaps[j])
		return a.Size() > b.Size()
	})
	return zaps[0]
}

func runChild(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := child(args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	_ = cmd.Run()
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// Issue 14: a segment cut short makes a search exit 2 with one line naming the
// generation and the remedy (no bleve log); check names the file; index
// --rebuild gives an index equal to a clean build. 200 flipped bytes: check
// names the file.
func TestDamageCheckRebuild(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "archive")
	makeCorpus(t, src, 300)
	idx, clean := filepath.Join(dir, "index"), filepath.Join(dir, "clean")
	for _, d := range []string{idx, clean} {
		if code, _, errOut := runChild(t, "index", "-q", "--index", d, src); code != 0 {
			t.Fatalf("index %s: exit %d %s", d, code, errOut)
		}
	}
	if code, out, errOut := runChild(t, "check", "--index", idx); code != 0 || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("check of a clean index: exit %d %q %q", code, out, errOut)
	}

	// 200 flipped bytes inside a segment: searches would not notice, check does
	seg := biggestSegment(t, idx)
	orig, err := os.ReadFile(seg)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), orig...)
	for i := len(flipped) / 3; i < len(flipped)/3+200; i++ {
		flipped[i] ^= 0xff
	}
	if err := os.WriteFile(seg, flipped, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runChild(t, "check", "--json", "--index", idx)
	var res checkResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("check --json %q: %v", out, err)
	}
	if code != exitFatal || res.OK || len(res.Problems) != 1 || res.Problems[0].Path != seg {
		t.Errorf("check after 200 flipped bytes: exit %d %+v, want 1 naming %s", code, res, seg)
	}

	// the segment cut short
	if err := os.WriteFile(seg, orig[:len(orig)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runChild(t, "search", "--index", idx, "zzdoc17")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != exitUsage || len(lines) != 1 || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "--rebuild") ||
		!strings.Contains(errOut, current(t, idx)) || strings.Contains(errOut, "unable to load snapshot") || strings.Contains(errOut, "mapping") {
		t.Errorf("search of a damaged index: exit %d, stdout %q, stderr %q; want exit 2 and one line with the generation and the remedy", code, out, errOut)
	}
	code, out, _ = runChild(t, "check", "--index", idx)
	if code != exitFatal || !strings.Contains(out, seg) {
		t.Errorf("check of a segment cut short: exit %d %q, want 1 naming %s", code, out, seg)
	}
	// a plain run refuses with the remedy; --rebuild rebuilds
	if code, _, errOut := runChild(t, "index", "-q", "--index", idx, src); code != exitFatal || !strings.Contains(errOut, "--rebuild") {
		t.Errorf("index on a damaged index: exit %d %q", code, errOut)
	}
	if code, _, errOut := runChild(t, "index", "-q", "--rebuild", "--index", idx, src); code != 0 {
		t.Fatalf("index --rebuild: exit %d %s", code, errOut)
	}
	if code, out, errOut := runChild(t, "check", "--index", idx); code != 0 {
		t.Errorf("check after the rebuild: exit %d %q %q", code, out, errOut)
	}
	if got, want := state(t, idx), state(t, clean); got != want {
		t.Errorf("after --rebuild the index differs from a clean build:\n%s\nwant:\n%s", got[:min(len(got), 600)], want[:min(len(want), 600)])
	}
}

// Issue 14: an index written under umask 022 is searchable by another user
// (nobody), who needs only read access. Needs root to switch users.
func TestOtherUserCanSearch(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a child as another user")
	}
	base, err := os.MkdirTemp("", "partynews-share-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	src, idx := filepath.Join(base, "archive"), filepath.Join(base, "index")
	makeCorpus(t, src, 100)
	old := syscall.Umask(0o022)
	code, _, errOut := runChild(t, "index", "-q", "--checkpoint", "1ms", "--batch", "16", "--index", idx, src)
	syscall.Umask(old)
	if code != 0 {
		t.Fatalf("index: exit %d %s", code, errOut)
	}
	// the test binary sits in a private build folder: run a copy nobody can read
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "partynews.test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(idx)
	cmd := child("search", "--index", idx, "zzdoc17")
	cmd.Path, cmd.Args[0] = bin, bin
	cmd.SysProcAttr.Credential = &syscall.Credential{Uid: 65534, Gid: 65534}
	var out, errBuf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errBuf
	cmd.Dir = base
	cmd.Env = append(cmd.Env, "HOME="+base)
	if err := cmd.Run(); err != nil || !strings.Contains(out.String(), "00017.txt") {
		t.Fatalf("search as nobody: %v\nstdout %s\nstderr %s", err, out.String(), errBuf.String())
	}
	if after, _ := os.ReadDir(idx); len(after) != len(before) {
		t.Errorf("a search wrote into the index folder: %d entries → %d", len(before), len(after))
	}
}
