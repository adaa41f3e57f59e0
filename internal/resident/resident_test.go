//go:build unix

package resident

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// testServer serves on a socket in a new folder with a handler that prints
// its arguments; it is stopped at the test's end.
func testServer(t *testing.T, idle time.Duration) (*Server, string, chan struct{}) {
	t.Helper()
	socket := filepath.Join(t.TempDir(), "t.sock")
	s, err := Listen(socket, -1)
	if err != nil {
		t.Fatal(err)
	}
	s.Idle = idle
	s.Handler = func(req Request) (func(stdout, stderr *os.File) int, error) {
		if len(req.Args) == 0 {
			return nil, ErrDeclined
		}
		return func(stdout, stderr *os.File) int {
			if stdout == nil {
				return 0
			}
			fmt.Fprintf(stdout, "out %v\n", req.Args)
			fmt.Fprintf(stderr, "err\n")
			return len(req.Args)
		}, nil
	}
	done := make(chan struct{})
	go func() {
		if err := s.Serve(context.Background()); err != nil {
			t.Errorf("Serve: %v", err)
		}
		close(done)
	}()
	t.Cleanup(func() {
		s.Stop()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
	})
	return s, socket, done
}

func files(t *testing.T) (*os.File, *os.File) {
	dir := t.TempDir()
	a, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.Create(filepath.Join(dir, "err"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(); b.Close() })
	return a, b
}

func content(t *testing.T, f *os.File) string {
	b, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCall(t *testing.T) {
	_, socket, _ := testServer(t, 0)
	fi, err := os.Stat(socket)
	if err != nil || fi.Mode().Perm() != 0o600 || fi.Mode()&os.ModeSocket == 0 {
		t.Fatalf("socket %v %v", fi, err)
	}
	if _, err := Listen(socket, -1); !errors.Is(err, ErrRunning) {
		t.Errorf("second Listen: %v, want ErrRunning", err)
	}
	out, errf := files(t)
	code, err := Call(socket, Request{Args: []string{"a", "b"}}, out, errf)
	if err != nil || code != 2 || content(t, out) != "out [a b]\n" || content(t, errf) != "err\n" {
		t.Errorf("Call: %d %v %q %q", code, err, content(t, out), content(t, errf))
	}
	if _, err := Call(socket, Request{}, out, errf); !errors.Is(err, ErrDeclined) {
		t.Errorf("declined: %v", err)
	}
	if _, err := Call(filepath.Join(t.TempDir(), "none.sock"), Request{Args: []string{"a"}}, out, errf); !errors.Is(err, ErrNoServer) {
		t.Errorf("no server: %v", err)
	}
}

// A caller that gives up after the server accepted (and answers in-process)
// never gets the server's output as well.
func TestCallerGaveUp(t *testing.T) {
	_, socket, _ := testServer(t, 0)
	out, errf := files(t)
	conn, err := net.Dial("unix", socket)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(Request{Args: []string{"x"}})
	msg := append(binary.BigEndian.AppendUint32(nil, uint32(len(body))), body...)
	if _, _, err := conn.(*net.UnixConn).WriteMsgUnix(msg, syscall.UnixRights(int(out.Fd()), int(errf.Fd())), nil); err != nil {
		t.Fatal(err)
	}
	var ack [1]byte
	if _, err := io.ReadFull(conn, ack[:]); err != nil || ack[0] != 'A' {
		t.Fatalf("ack %q %v", ack, err)
	}
	conn.Close() // gave up: no 'G'
	time.Sleep(200 * time.Millisecond)
	if c := content(t, out) + content(t, errf); c != "" {
		t.Errorf("output after the caller gave up: %q", c)
	}
}

func TestIdleAndStop(t *testing.T) {
	_, socket, done := testServer(t, 100*time.Millisecond)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("idle server did not stop")
	}
	if _, err := os.Stat(socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket left: %v", err)
	}
	_, socket, done = testServer(t, 0)
	if ok, err := StopServer(socket); !ok || err != nil {
		t.Errorf("StopServer: %v %v", ok, err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("stopped server did not stop")
	}
	if ok, err := StopServer(socket); ok || err != nil {
		t.Errorf("StopServer of none: %v %v", ok, err)
	}
}

func TestPrivateSocket(t *testing.T) {
	rt := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", rt)
	a, err := PrivateSocket("/srv/index")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PrivateSocket("/srv/index/")
	c, _ := PrivateSocket("/srv/other")
	if a != b || a == c || filepath.Dir(a) != filepath.Join(rt, "partynews") {
		t.Errorf("%s %s %s", a, b, c)
	}
	if fi, err := os.Stat(filepath.Dir(a)); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder %v %v", fi, err)
	}
	if err := os.Chmod(filepath.Dir(a), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := PrivateSocket("/srv/index"); err == nil {
		t.Error("a folder open to others was accepted")
	}
}

func TestDisabled(t *testing.T) {
	for v, want := range map[string]bool{"off": true, "OFF": true, "0": true, "": false, "on": false} {
		t.Setenv(EnvSwitch, v)
		if Disabled() != want {
			t.Errorf("%q: %v", v, !want)
		}
	}
}
