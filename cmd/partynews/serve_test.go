package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/internal/resident"
)

// sampleIndex indexes the embedded sample into a new folder and returns the
// index folder and the articles' folder.
func sampleIndex(t *testing.T) (idx, src string) {
	t.Helper()
	dir := t.TempDir()
	idx, src = filepath.Join(dir, "index"), filepath.Join(dir, "archive")
	if _, err := sample.WriteTo(src); err != nil {
		t.Fatal(err)
	}
	if code, out := runT(t, "index", "--index", idx, src); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, out)
	}
	return idx, src
}

// startServer runs 'partynews serve' in a child process on socket and waits
// until it answers; the test stops it at its end and checks it is gone.
func startServer(t *testing.T, idx, socket string, extra ...string) *exec.Cmd {
	t.Helper()
	cmd := child(append([]string{"serve", "--index", idx, "--socket", socket}, extra...)...)
	var logBuf bytes.Buffer
	cmd.Stderr = &logBuf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Errorf("serve did not stop on SIGTERM; log:\n%s", logBuf.String())
		}
	})
	waitFor(t, func() bool {
		_, err := resident.Call(socket, resident.Request{Op: "ping"}, nil, nil)
		return !errors.Is(err, resident.ErrNoServer)
	})
	return cmd
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal("timed out")
}

// outputs runs args with stdout and stderr in files, through call, and
// returns what was written and the exit code.
func outputs(t *testing.T, call func(out, errf *os.File) int) (stdout, stderr string, code int) {
	t.Helper()
	dir := t.TempDir()
	out, _ := os.Create(filepath.Join(dir, "out"))
	errf, _ := os.Create(filepath.Join(dir, "err"))
	code = call(out, errf)
	out.Close()
	errf.Close()
	a, _ := os.ReadFile(out.Name())
	b, _ := os.ReadFile(errf.Name())
	return string(a), string(b), code
}

// took hides the measured times, which differ from run to run.
var took = regexp.MustCompile(`\((\d+(\.\d+)?(µs|ms|s|ns))+\)|"took_ms":[0-9.e-]+`)

// Every served command prints the same bytes and exits with the same code
// through the server as in-process.
func TestServeSameBytes(t *testing.T) {
	idx, src := sampleIndex(t)
	socket := filepath.Join(t.TempDir(), "s.sock")
	startServer(t, idx, socket)
	cases := [][]string{
		{"search", "सम्मेलन"},
		{"search", "--json", "सम्मेलन"},
		{"search", "--color", "always", "सम्मेलन"},
		{"search", "--limit", "0", "--facet", "lang,person", "पार्टी"},
		{"search", "-l", "--limit", "0", "lang:hi"},
		{"search", "--count", "lang:ur"},
		{"search", "--", "-lang:hi", "lang:ur"},
		{"search", "zzzqqqnothing"},         // exit 1
		{"search", "--limit", "x", "party"}, // exit 2, flag error
		{"search", "--lang", "xx", "party"}, // exit 2, checked against the index
		{"search", `"unclosed`},
		{"search", "--sort", "date", "--from", "2020", "party"},
		{"timeline", "सम्मेलन"},
		{"timeline", "--json", "lang:hi"},
		{"entities"},
		{"entities", "--type", "document", "--json"},
		{"entities", "--type", "date", "--top", "3"},
		{"stats"},
		{"stats", "--json"},
		{"search", "--help"},
		{"search", "--offset", "1", "--limit", "1", "सम्मेलन"},
	}
	t.Setenv("PARTYNEWS_SERVER", "off")
	for _, args := range cases {
		args = append([]string{"--index", idx}, args...)
		name := strings.Join(args[2:], " ")
		wantOut, wantErr, wantCode := outputs(t, func(o, e *os.File) int { return runIO(args, nil, o, e) })
		req := resident.Request{Dir: idx, Args: args, Env: resident.Env(), Exe: resident.Self()}
		var callErr error
		gotOut, gotErr, gotCode := outputs(t, func(o, e *os.File) int {
			code, err := resident.Call(socket, req, o, e)
			callErr = err
			return code
		})
		if _, ok := servedCommand(args); !ok { // a bad flag, --help: the caller answers itself
			if !errors.Is(callErr, resident.ErrDeclined) {
				t.Errorf("%s: served: %v, want declined", name, callErr)
			}
			continue
		}
		if callErr != nil {
			t.Errorf("%s: served: %v", name, callErr)
			continue
		}
		if gotCode != wantCode || took.ReplaceAllString(gotOut, "T") != took.ReplaceAllString(wantOut, "T") || took.ReplaceAllString(gotErr, "(T)") != took.ReplaceAllString(wantErr, "(T)") {
			t.Errorf("%s: served exit %d, stdout %q, stderr %q\nin-process exit %d, stdout %q, stderr %q", name, gotCode, gotOut, gotErr, wantCode, wantOut, wantErr)
		}
		if !strings.Contains(name, "json") && gotOut != wantOut {
			t.Errorf("%s: stdout differs", name)
		}
	}

	// A reader that went away (search | head): no message, the caller dies of SIGPIPE.
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	pr.Close()
	_, errOut, code := outputs(t, func(_, e *os.File) int {
		c, _ := resident.Call(socket, resident.Request{Dir: idx, Args: []string{"--index", idx, "search", "--limit", "0", "lang:hi"}, Env: resident.Env(), Exe: resident.Self()}, pw, e)
		return c
	})
	pw.Close()
	if code != resident.CodeBrokenPipe || errOut != "" {
		t.Errorf("broken pipe: exit %d, stderr %q", code, errOut)
	}

	// A new generation is seen by the next served search.
	before, _, _ := outputs(t, func(o, e *os.File) int {
		c, _ := resident.Call(socket, resident.Request{Dir: idx, Args: []string{"--index", idx, "stats", "--json"}, Env: resident.Env(), Exe: resident.Self()}, o, e)
		return c
	})
	write(t, filepath.Join(src, "new.txt"), []byte("A short English article of my own about the party congress in Hanoi on 12 March 2025.\n"))
	if code, out := runT(t, "index", "--index", idx, src); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, out)
	}
	after, _, _ := outputs(t, func(o, e *os.File) int {
		c, _ := resident.Call(socket, resident.Request{Dir: idx, Args: []string{"--index", idx, "stats", "--json"}, Env: resident.Env(), Exe: resident.Self()}, o, e)
		return c
	})
	want, _, _ := outputs(t, func(o, e *os.File) int { return runIO([]string{"--index", idx, "stats", "--json"}, nil, o, e) })
	if after != want || after == before {
		t.Errorf("after a new generation, served stats %q, in-process %q (before %q)", after, want, before)
	}
}

// The socket runs only the read commands, for its own index and environment.
func TestServeRefuses(t *testing.T) {
	idx, src := sampleIndex(t)
	socket := filepath.Join(t.TempDir(), "s.sock")
	startServer(t, idx, socket)
	fi, err := os.Stat(socket)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v (%v), want 0600", fi.Mode(), err)
	}
	env := resident.Env()
	other := map[string]string{"NO_COLOR": "1", "TERM": "dumb"}
	for _, tc := range []struct {
		name string
		req  resident.Request
	}{
		{"index", resident.Request{Dir: idx, Args: []string{"--index", idx, "index", src}, Env: env, Exe: resident.Self()}},
		{"export", resident.Request{Dir: idx, Args: []string{"--index", idx, "export", t.TempDir()}, Env: env, Exe: resident.Self()}},
		{"show", resident.Request{Dir: idx, Args: []string{"--index", idx, "show", "x"}, Env: env, Exe: resident.Self()}},
		{"profile", resident.Request{Dir: idx, Args: []string{"--index", idx, "--cpuprofile", filepath.Join(t.TempDir(), "p"), "search", "x"}, Env: env, Exe: resident.Self()}},
		{"other index", resident.Request{Dir: t.TempDir(), Args: []string{"search", "x"}, Env: env, Exe: resident.Self()}},
		{"other env", resident.Request{Dir: idx, Args: []string{"--index", idx, "search", "x"}, Env: other, Exe: resident.Self()}},
		{"other program", resident.Request{Dir: idx, Args: []string{"--index", idx, "search", "x"}, Env: env, Exe: "/other/partynews 1 2"}},
		{"serve", resident.Request{Dir: idx, Args: []string{"--index", idx, "serve", "--stop"}, Env: env, Exe: resident.Self()}},
	} {
		_, _, _ = outputs(t, func(o, e *os.File) int {
			_, err = resident.Call(socket, tc.req, o, e)
			return 0
		})
		if !errors.Is(err, resident.ErrDeclined) {
			t.Errorf("%s: %v, want declined", tc.name, err)
		}
	}
	// No descriptors: declined too.
	if _, err := resident.Call(socket, resident.Request{Dir: idx, Args: []string{"--index", idx, "stats"}, Env: env, Exe: resident.Self()}, nil, nil); !errors.Is(err, resident.ErrDeclined) {
		t.Errorf("no descriptors: %v", err)
	}
}

// A search that finds no server answers in-process and starts one, detached,
// which answers the next search the same and stops by itself: when idle, on
// 'serve --stop', when its index folder is removed. No server outlives the test.
func TestServeStartsAndStops(t *testing.T) {
	idx, _ := sampleIndex(t)
	runtimeDir := t.TempDir()
	if err := os.Chmod(runtimeDir, 0o700); err != nil {
		t.Fatal(err)
	}
	env := []string{"PARTYNEWS_SERVER=on", "XDG_RUNTIME_DIR=" + runtimeDir, "PARTYNEWS_INDEX=" + idx}
	t.Cleanup(func() { killServers(t, idx) })
	search := func() (string, string) {
		c := child("search", "सम्मेलन")
		c.Env = append(c.Env, env...)
		var out, errb bytes.Buffer
		c.Stdout, c.Stderr = &out, &errb
		done := make(chan error, 1)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- c.Wait() }()
		select {
		case err := <-done: // returns though the server it started runs on: it holds no pipe
			if err != nil {
				t.Fatalf("search: %v: %s", err, errb.String())
			}
		case <-time.After(60 * time.Second):
			c.Process.Kill()
			t.Fatal("search did not return (a child holds its output?)")
		}
		return out.String(), errb.String()
	}
	first, ferr := search()
	t.Setenv("XDG_RUNTIME_DIR", runtimeDir)
	socket, err := resident.PrivateSocket(idx)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { _, err := os.Stat(socket); return err == nil })
	if len(serverPIDs(idx)) != 1 {
		t.Fatalf("servers: %v", serverPIDs(idx))
	}
	second, serr := search()
	if first != second || took.ReplaceAllString(ferr, "") != took.ReplaceAllString(serr, "") {
		t.Errorf("in-process %q %q, served %q %q", first, ferr, second, serr)
	}

	// serve --stop
	c := child("serve", "--stop")
	c.Env = append(c.Env, env...)
	if out, err := c.CombinedOutput(); err != nil || !strings.Contains(string(out), "stopped") {
		t.Errorf("serve --stop: %v %s", err, out)
	}
	waitFor(t, func() bool { return len(serverPIDs(idx)) == 0 })
	if _, err := os.Stat(socket); err == nil {
		t.Error("socket left behind")
	}

	// idle
	s := child("serve", "--idle", "300ms")
	s.Env = append(s.Env, env...)
	if err := s.Run(); err != nil {
		t.Errorf("serve --idle: %v", err)
	}

	// the index folder removed
	s = child("serve")
	s.Env = append(s.Env, env...)
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { _, err := os.Stat(socket); return err == nil })
	if err := os.RemoveAll(idx); err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("serve after the index was removed: %v", err)
		}
	case <-time.After(20 * time.Second):
		s.Process.Kill()
		t.Error("serve did not stop when its index folder was removed")
	}
	if p := serverPIDs(idx); len(p) != 0 {
		t.Errorf("servers left: %v", p)
	}
}

// serverPIDs are the processes running 'serve' for the index idx.
func serverPIDs(idx string) []int {
	var pids []int
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		args := strings.Split(string(b), "\x00")
		if len(args) > 1 && args[1] == "serve" && strings.Contains(string(b), idx) {
			if pid, err := strconv.Atoi(e.Name()); err == nil {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}

func killServers(t *testing.T, idx string) {
	for _, pid := range serverPIDs(idx) {
		t.Errorf("a server outlived its test: pid %d", pid)
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

// A served command waits for a free slot, and its time limit starts with its
// turn: a search with a 300 ms limit queued for longer than that still
// answers, and only once the slot is free.
func TestServeQueuesAndLimitStartsWithTurn(t *testing.T) {
	idx, _ := sampleIndex(t)
	abs, err := filepath.Abs(idx)
	if err != nil {
		t.Fatal(err)
	}
	x := newServedIndex(abs, 1)
	defer x.close()
	h := x.handler(t.Context(), func() {})
	req := resident.Request{Dir: abs, Args: []string{"--index", abs, "search", "--timeout", "300ms", "सम्मेलन"},
		Env: resident.Env(), Exe: resident.Self()}
	run, err := h(req)
	if err != nil {
		t.Fatal(err)
	}
	x.slots <- struct{}{} // another command holds the only slot
	type result struct {
		out, errOut string
		code        int
	}
	done := make(chan result, 1)
	go func() {
		out, errOut, code := outputs(t, run)
		done <- result{out, errOut, code}
	}()
	select {
	case r := <-done:
		t.Fatalf("answered while the slot was taken: exit %d, %s", r.code, r.errOut)
	case <-time.After(600 * time.Millisecond): // twice its time limit in the queue
	}
	<-x.slots
	r := <-done
	if r.code != exitOK || !strings.Contains(r.out, "सम्मेलन") {
		t.Fatalf("exit %d after its turn came; stdout %q, stderr %q", r.code, r.out, r.errOut)
	}
	if len(x.slots) != 0 {
		t.Errorf("%d slots still taken after the command ended", len(x.slots))
	}
}
