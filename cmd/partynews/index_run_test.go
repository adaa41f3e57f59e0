package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/search"
)

// indexJSON runs an index child with --json and returns its summary and exit code.
func indexJSON(t *testing.T, args ...string) (summary, int, string) {
	t.Helper()
	cmd := child(append([]string{"index", "-q", "--json"}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	_ = cmd.Run()
	var s summary
	if out.Len() > 0 {
		if err := json.Unmarshal(out.Bytes(), &s); err != nil {
			t.Fatalf("summary %q: %v", out.String(), err)
		}
	}
	return s, cmd.ProcessState.ExitCode(), errOut.String()
}

func current(t *testing.T, idx string) string {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(idx, "CURRENT"))
	return strings.TrimSpace(string(b))
}

// Item 8: delete one file, prune three times: the deletion is reported once,
// the counts add up, and a prune with nothing to do publishes nothing.
func TestPruneReportsOnce(t *testing.T) {
	dir := t.TempDir()
	src, idx := filepath.Join(dir, "archive"), filepath.Join(dir, "index")
	paths, err := sample.WriteTo(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, code, errOut := indexJSON(t, "--index", idx, src); code != 0 {
		t.Fatalf("first run: exit %d %s", code, errOut)
	}
	os.Remove(paths[2])
	for run, want := range []int{1, 0, 0} {
		before := current(t, idx)
		s, code, errOut := indexJSON(t, "--index", idx, "--prune", src)
		if code != 0 {
			t.Fatalf("prune %d: exit %d %s", run+1, code, errOut)
		}
		if s.Deleted != want {
			t.Errorf("prune %d: deleted %d, want %d", run+1, s.Deleted, want)
		}
		if s.Seen != s.Indexed+s.Unchanged+s.Duplicate+s.Skipped+s.Failed || s.Seen != len(paths)-1 {
			t.Errorf("prune %d: counts do not add up: %+v", run+1, s)
		}
		if after := current(t, idx); (after != before) != (want > 0) {
			t.Errorf("prune %d: generation %s → %s", run+1, before, after)
		}
	}
}

// Item 10: a mistyped path is a usage error and writes nothing; a FIFO in the
// tree is skipped.
func TestBadPaths(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "index")
	_, code, errOut := indexJSON(t, "--index", idx, filepath.Join(dir, "archiv"))
	if code != exitUsage || !strings.Contains(errOut, "no such file or folder") {
		t.Errorf("mistyped path: exit %d %q, want 2 and the path", code, errOut)
	}
	if _, err := os.Stat(idx); !os.IsNotExist(err) {
		t.Errorf("a mistyped path created the index folder (%v)", err)
	}
	src := filepath.Join(dir, "archive")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(src, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	s, code, errOut := indexJSON(t, "--index", idx, src)
	if code != 0 || s.Skipped != 1 || s.Failed != 0 || s.Indexed != 5 {
		t.Errorf("tree with a FIFO: exit %d %+v %s, want 5 indexed and the FIFO skipped", code, s, errOut)
	}
}

func TestETA(t *testing.T) {
	for _, c := range []struct {
		done    int
		total   int64
		elapsed time.Duration
		pct     int
		left    time.Duration
	}{
		{0, 100, time.Second, 0, 0},
		{25, 100, 10 * time.Second, 25, 30 * time.Second},
		{50, 200, time.Minute, 25, 3 * time.Minute},
		{120, 100, time.Second, 100, 0}, // more than counted (files added meanwhile)
	} {
		pct, left := eta(c.done, c.total, c.elapsed)
		if pct != c.pct || left != c.left {
			t.Errorf("eta(%d, %d, %v) = %d%%, %v; want %d%%, %v", c.done, c.total, c.elapsed, pct, left, c.pct, c.left)
		}
	}
}

// waitForWork waits until an index child has written a segment of this run
// (the working copy holds a .zap).
func waitForWork(t *testing.T, idx string, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if z, _ := filepath.Glob(filepath.Join(idx, "work", "store", "*.zap")); len(z) >= 2 {
			return
		}
		if cmd.ProcessState != nil {
			t.Fatal("the run ended before it was signalled")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no segment written in 2 minutes")
}

// Item 9: SIGINT and SIGTERM publish every document indexed by then and exit
// 130 and 143; no checkpoint has run (--checkpoint 1h).
func TestInterruptPublishes(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "archive")
	makeCorpus(t, src, 1500)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		idx := filepath.Join(dir, "index-"+c.sig.String())
		cmd := child("index", "-q", "--json", "--index", idx, "--checkpoint", "1h", "--batch", "32", src)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForWork(t, idx, cmd)
		cmd.Process.Signal(c.sig)
		_ = cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != c.code {
			t.Fatalf("%v: exit %d, want %d; %s", c.sig, code, c.code, errOut.String())
		}
		var s summary
		if err := json.Unmarshal(out.Bytes(), &s); err != nil {
			t.Fatalf("%v: summary %q: %v", c.sig, out.String(), err)
		}
		if !s.Interrupted || s.Indexed == 0 || s.Indexed >= 1500 {
			t.Errorf("%v: summary %+v: want an interrupted run that indexed some", c.sig, s)
		}
		r, err := search.Open(idx)
		if err != nil {
			t.Fatalf("%v: %v", c.sig, err)
		}
		n, _ := r.Count()
		r.Close()
		if n != uint64(s.Indexed) {
			t.Errorf("%v: %d documents published, the run had indexed %d", c.sig, n, s.Indexed)
		}
		// the next run carries on
		if s, code, errOut := indexJSON(t, "--index", idx, src); code != 0 || s.Indexed+s.Unchanged != 1500 {
			t.Errorf("%v: next run: exit %d %+v %s", c.sig, code, s, errOut)
		}
	}
}

// Item 9 / issue 14: checkpoints keep their interval through a run, so a
// search during an import sees what was indexed a checkpoint ago; kill -9
// loses at most that.
func TestCheckpointsDuringRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an import")
	}
	dir := t.TempDir()
	src, idx := filepath.Join(dir, "archive"), filepath.Join(dir, "index")
	// Enough articles that the run lasts many checkpoints on a fast machine:
	// CI's machine indexed 1,500 in about a second and the run ended after
	// three published states.
	makeCorpus(t, src, 5000)
	cmd := child("index", "-q", "--index", idx, "--checkpoint", "150ms", "--batch", "32", src)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var counts []uint64
	var killedAt uint64
	for len(counts) < 4 {
		select {
		case err := <-done:
			t.Fatalf("the run ended (%v) after only %v published states", err, counts)
		case <-time.After(40 * time.Millisecond):
		}
		r, err := search.Open(idx)
		if err != nil {
			continue
		}
		n, _ := r.Count()
		r.Close()
		if len(counts) == 0 || n > counts[len(counts)-1] {
			counts = append(counts, n)
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-done
	killedAt = counts[len(counts)-1]
	t.Logf("published states seen during the run: %v", counts)
	r, err := search.Open(idx)
	if err != nil {
		t.Fatalf("after kill -9: %v", err)
	}
	n, _ := r.Count()
	r.Close()
	if n < killedAt {
		t.Errorf("after kill -9 %d documents, fewer than the %d searches saw", n, killedAt)
	}
}
