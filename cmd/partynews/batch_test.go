package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/search"
)

// TestMain lets the test binary act as partynews itself, so tests can run it as a
// child process (to kill it, or to measure its memory).
func TestMain(m *testing.M) {
	if os.Getenv("PARTYNEWS_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout))
	}
	if os.Getenv("PARTYNEWS_SERVER") == "" { // no resident servers unless a test asks (serve_test.go)
		os.Setenv("PARTYNEWS_SERVER", "off")
	}
	os.Exit(m.Run())
}

// child returns a command that runs partynews with args in a child process.
func child(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "PARTYNEWS_AS_MAIN=1")
	// a child that hangs must not outlive a test binary killed at its timeout
	c.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return c
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func utf16le(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16be(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// The torture corpus: 15 good files in odd shapes and bad inputs of every kind.
// Every good file is indexed, every bad one is reported, the counts add up, and
// memory stays bounded.
func TestTortureCorpus(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "archive")
	seed, _ := os.ReadFile("../../corpus/sample/000_3a8280a0fbaf4a6a.txt")
	urdu, _ := os.ReadFile("../../corpus/sample/002_4e6e12375f920a87.txt")
	text := func(n int) string { return fmt.Sprintf("%s\nप्रति %d\n", seed, n) }
	deep := src
	for i := 0; i < 40; i++ {
		deep = filepath.Join(deep, fmt.Sprintf("d%02d", i))
	}
	good := map[string][]byte{
		"bom.txt":                    append([]byte{0xEF, 0xBB, 0xBF}, text(1)...),
		"crlf.txt":                   []byte(strings.ReplaceAll(text(2), "\n", "\r\n")),
		"utf16le-bom.txt":            utf16le(text(3), true),
		"utf16be-bom.txt":            utf16be(text(4)),
		"utf16le-nobom.txt":          utf16le(text(5), false),
		"latin1.txt":                 []byte("R\xe9solution n\xb0 18-NQ/TW du 25 octobre 2017 sur la r\xe9forme.\nLe Comit\xe9 central a d\xe9cid\xe9.\n"),
		"one line.txt":               []byte(strings.Repeat(strings.ReplaceAll(text(6), "\n", " "), 6_000_000/len(text(6)))),
		"name with spaces.txt":       []byte(text(7)),
		"सम्मेलन लेख.txt":            []byte(text(8)),
		"marks.txt":                  []byte("\u200f" + strings.ReplaceAll(string(urdu), " ", "\u00a0") + "\u200e"),
		"only-a-lead.txt":            []byte("28 दिसंबर को सम्मेलन आयोजित किया गया।"),
		"x.txt/inside.txt":           []byte(text(9)),
		"lf-less.txt":                []byte(strings.TrimRight(text(10), "\n")),
		filepath.Join(deep, "d.txt"): []byte(text(11)),
		"linked-target.dat":          nil, // the target of link.txt, not a .txt itself
	}
	for name, data := range good {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(src, name)
		}
		if data == nil {
			data = []byte(text(12))
		}
		write(t, p, data)
	}
	os.Symlink(filepath.Join(src, "linked-target.dat"), filepath.Join(src, "link.txt"))
	bad := map[string][]byte{
		"empty.txt":      {},
		"spaces.txt":     []byte(" \n\t \r\n "),
		"image.txt":      []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"archive.txt":    []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"),
		"nul.txt":        []byte("abc\x00\x01\x02def\x00"),
		"bad-utf8.txt":   []byte("abc \x81\x82\x83 \xc3\x28 def"),
		"seventy-mb.txt": nil,
	}
	for name, data := range bad {
		write(t, filepath.Join(src, name), data)
	}
	f, _ := os.OpenFile(filepath.Join(src, "seventy-mb.txt"), os.O_WRONLY, 0)
	f.Truncate(70 << 20)
	f.Close()
	os.Symlink(filepath.Join(src, "nowhere.txt"), filepath.Join(src, "dangling.txt"))
	os.Symlink(src, filepath.Join(src, "loop"))
	badPaths := []string{"dangling.txt"}
	for name := range bad {
		badPaths = append(badPaths, name)
	}

	report := filepath.Join(dir, "report.jsonl")
	cmd := child("index", "--index", filepath.Join(dir, "index"), "--json", "--report", report, src)
	var out bytes.Buffer
	cmd.Stdout = &out
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if code != 0 && code != 3 {
		t.Fatalf("exit %d: %v %s", code, err, out.String())
	}
	var sum summary
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		t.Fatalf("summary %q: %v", out.String(), err)
	}
	if sum.Seen != sum.Indexed+sum.Unchanged+sum.Duplicate+sum.Skipped+sum.Failed {
		t.Errorf("counts do not add up: %+v", sum)
	}
	if sum.Indexed != len(good) {
		t.Errorf("indexed %d, want the %d good files: %+v", sum.Indexed, len(good), sum)
	}
	reported := map[string]reportLine{}
	for _, l := range readLines(t, report) {
		var r reportLine
		json.Unmarshal([]byte(l), &r)
		reported[filepath.Base(r.Path)] = r
	}
	for _, b := range badPaths {
		r, ok := reported[b]
		if !ok || r.Reason == "" {
			t.Errorf("bad file %s not reported (report: %v)", b, reported)
		}
	}
	if len(reported) != len(badPaths) {
		t.Errorf("%d report lines, want %d: %v", len(reported), len(badPaths), reported)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	t.Logf("peak RSS %d MiB, summary %+v", rss>>10, sum)
	if rss > 600<<10 {
		t.Errorf("peak RSS %d MiB: the 70 MB file must not be read", rss>>10)
	}
}

// makeCorpus writes n distinct articles made from the sample.
func makeCorpus(t *testing.T, dir string, n int) {
	names := sample.Names()
	var texts [][]byte
	for _, name := range names {
		b, _ := os.ReadFile(filepath.Join("../../corpus/sample", name))
		texts = append(texts, b)
	}
	for i := 0; i < n; i++ {
		b := append([]byte(nil), texts[i%len(texts)]...)
		b = append(b, fmt.Sprintf("\nलेख संख्या %d zzdoc%d\n", i, i)...)
		write(t, filepath.Join(dir, fmt.Sprintf("%03d", i/100), fmt.Sprintf("%05d.txt", i)), b)
	}
}

// state is what two runs must agree on: documents, the manifest, search results.
func state(t *testing.T, dir string) string {
	r, err := search.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	n, _ := r.Count()
	files, err := r.Files()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "documents %d\nfiles %d\n", n, len(files))
	for _, q := range []string{"सम्मेलनों", "zzdoc17", "كانفرنس", "document:18-NQ/TW", `"प्रांतीय पार्टी"`} {
		pq, _ := search.ParseQuery(q)
		res, err := r.Search(context.Background(), pq, search.SearchOptions{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s: %d hits\n", q, res.Total)
	}
	// the manifest with paths relative to their corpus
	for _, f := range files {
		fields := strings.Split(f, "\x1f")
		fmt.Fprintf(&b, "%s %s\n", filepath.Base(fields[0]), fields[1])
	}
	return b.String()
}

// kill -9 at random moments of an index run leaves an index that opens; the next
// run completes it, and the result equals a clean run's.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test runs child processes for a while")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "archive")
	makeCorpus(t, src, 1500)
	crashed := filepath.Join(dir, "crashed")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	kills := 0
	for attempt := 0; kills < 10 && attempt < 60; attempt++ {
		cmd := child("index", "--index", crashed, "-q", "--checkpoint", "150ms", "--batch", "32", src)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(30+rng.Intn(800)) * time.Millisecond
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
			// finished before the kill: give the next run work again by
			// changing 300 articles
			for k := 0; k < 300; k++ {
				i := rng.Intn(1500)
				p := filepath.Join(src, fmt.Sprintf("%03d", i/100), fmt.Sprintf("%05d.txt", i))
				b, _ := os.ReadFile(p)
				os.WriteFile(p, append(b, fmt.Sprintf("बदलाव %d.%d\n", attempt, k)...), 0o644)
			}
			continue
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			kills++
		}
		// whatever moment it died at, the index opens (or does not exist yet)
		if r, err := search.Open(crashed); err == nil {
			r.Close()
		} else if !strings.Contains(err.Error(), "no index") {
			t.Fatalf("after kill %d at %v: index does not open: %v", kills, delay, err)
		}
	}
	if kills < 10 {
		t.Fatalf("only %d kills landed", kills)
	}
	if out, err := child("index", "--index", crashed, "-q", src).CombinedOutput(); err != nil {
		t.Fatalf("last run: %v %s", err, out)
	}
	clean := filepath.Join(dir, "clean")
	if out, err := child("index", "--index", clean, "-q", src).CombinedOutput(); err != nil {
		t.Fatalf("clean run: %v %s", err, out)
	}
	want := state(t, clean)
	if got := state(t, crashed); got != want {
		t.Errorf("after %d kills the index differs from a clean run:\n%s\nwant:\n%s", kills, got[:min(len(got), 600)], want[:min(len(want), 600)])
	}
}

// Searches during an index run all answer within 1 s, and a second index run on
// the same index is refused with a clear message.
func TestConcurrentUse(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "archive")
	// 3,000 so that the run is still going 300 ms in on a fast machine (CI's
	// indexes 1,500 in about a second).
	makeCorpus(t, src, 3000)
	idx := filepath.Join(dir, "index")
	makeCorpus(t, filepath.Join(dir, "first"), 50)
	if out, err := child("index", "--index", idx, "-q", filepath.Join(dir, "first")).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	run := child("index", "--index", idx, "-q", "--checkpoint", "300ms", src)
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	defer run.Process.Kill()
	time.Sleep(300 * time.Millisecond)
	second := child("index", "--index", idx, "-q", src)
	var errOut bytes.Buffer
	second.Stderr = &errOut
	second.Run()
	if code := second.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(errOut.String(), "another partynews index run") {
		t.Errorf("second index run: exit %d, %q", code, errOut.String())
	}
	var slowest time.Duration
	for i := 0; i < 20; i++ {
		start := time.Now()
		r, err := search.Open(idx)
		if err != nil {
			t.Fatalf("search %d: %v", i, err)
		}
		pq, _ := search.ParseQuery("सम्मेलनों")
		if _, err := r.Search(context.Background(), pq, search.SearchOptions{}); err != nil {
			t.Fatal(err)
		}
		r.Close()
		if d := time.Since(start); d > slowest {
			slowest = d
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("slowest of 20 searches during the run: %v", slowest)
	if slowest > time.Second {
		t.Errorf("a search took %v during an index run", slowest)
	}
	if err := run.Wait(); err != nil {
		t.Fatalf("the index run failed: %v", err)
	}
}

// A full disk fails the run with a clear error and leaves the last published
// state searchable; so does a read-only one. Needs root to mount a small tmpfs.
func TestFullAndReadOnlyDisk(t *testing.T) {
	mnt := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt).Run(); err != nil {
		t.Skipf("cannot mount a small file system here: %v", err)
	}
	defer exec.Command("umount", "-l", mnt).Run()
	idx := filepath.Join(mnt, "index")
	small := filepath.Join(t.TempDir(), "small")
	if _, err := sample.WriteTo(small); err != nil {
		t.Fatal(err)
	}
	if out, err := child("index", "--index", idx, "-q", small).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v %s", err, out)
	}
	big := filepath.Join(t.TempDir(), "big")
	makeCorpus(t, big, 1500)
	cmd := child("index", "--index", idx, "-q", big)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(errOut.String(), "no space left on device") {
		t.Errorf("full disk: exit %d, stderr %q", code, errOut.String())
	}
	if strings.Contains(errOut.String(), "goroutine ") {
		t.Errorf("full disk printed a stack trace: %s", errOut.String())
	}
	checkCount := func(when string) {
		r, err := search.Open(idx)
		if err != nil {
			t.Fatalf("%s: the last published index does not open: %v", when, err)
		}
		defer r.Close()
		if n, _ := r.Count(); n != 5 {
			t.Errorf("%s: %d documents, want the 5 published before", when, n)
		}
	}
	checkCount("after the full disk")
	if err := exec.Command("mount", "-o", "remount,ro", mnt).Run(); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	cmd = child("index", "--index", idx, "-q", small)
	errOut.Reset()
	cmd.Stderr = &errOut
	cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(errOut.String(), "read-only file system") {
		t.Errorf("read-only disk: exit %d, stderr %q", code, errOut.String())
	}
	checkCount("on a read-only disk")
}
