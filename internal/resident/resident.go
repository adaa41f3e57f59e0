//go:build unix

// Package resident lets a long-lived search process (partynews serve) answer
// the read commands of short-lived partynews processes over a Unix socket, so
// that a search does not pay the start-up, the index open and the first use of
// the segments' dictionaries again each time. It is an optimisation only: a
// caller that gets no answer within a few milliseconds, or any error before the
// server accepted its request, answers in-process as it would without it.
//
// The caller passes its standard output and error to the server (SCM_RIGHTS):
// the server writes the command's output into them itself, so terminal checks,
// colours and widths are the caller's, and the bytes are those the caller would
// have printed. The server replies with the exit code.
//
// Sockets, for an index folder DIR (its absolute path):
//
//	DIR/search.sock                       a shared server, started by hand or a
//	                                      service (partynews serve --group G);
//	                                      mode 0660, group G
//	$XDG_RUNTIME_DIR/partynews/H.sock     the caller's own server, started by the
//	(else $TMPDIR/partynews-UID/H.sock)   first search; folder 0700, socket 0600
//
// H is a hash of DIR. Callers try the shared socket, then their own; when
// neither answers they start their own server in the background.
package resident

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// EnvSwitch is the environment variable that turns the resident server off
// (PARTYNEWS_SERVER=off): every command answers in-process and starts none.
const EnvSwitch = "PARTYNEWS_SERVER"

// Disabled reports whether PARTYNEWS_SERVER turns the server off.
func Disabled() bool {
	switch strings.ToLower(os.Getenv(EnvSwitch)) {
	case "off", "0", "no", "false":
		return true
	}
	return false
}

// EnvKeys are the environment variables that change what a served command
// prints (colour choices): a server declines a request whose values (as Env
// reduces them) differ from its own, and the caller answers in-process.
var EnvKeys = []string{"NO_COLOR", "TERM"}

// SharedName is the file name of a shared server's socket in the index folder.
const SharedName = "search.sock"

// AckTimeout is how long a caller waits for a server that took its
// connection to accept or decline the request before answering in-process. A
// socket without a server refuses the connection at once; this is the bound
// for a server that is alive but stalled.
var AckTimeout = time.Second

// maxRequest bounds a request's size (a query of thousands of words fits).
const maxRequest = 4 << 20

// Request is what a caller asks: a command line for the index in Dir.
type Request struct {
	Op   string            `json:"op"` // "run" (default) or "stop"
	Dir  string            `json:"dir"`
	Args []string          `json:"args"`
	Env  map[string]string `json:"env"`
	Exe  string            `json:"exe"` // the caller's program, as Self gives it
}

// Env returns the caller's values of EnvKeys, reduced to what partynews
// reads of them: whether NO_COLOR is set, whether TERM is dumb.
func Env() map[string]string {
	m := make(map[string]string, len(EnvKeys))
	if os.Getenv("NO_COLOR") != "" {
		m["NO_COLOR"] = "1"
	}
	if os.Getenv("TERM") == "dumb" {
		m["TERM"] = "dumb"
	}
	return m
}

// SameEnv reports whether two Env results are the same.
func SameEnv(a, b map[string]string) bool {
	for _, k := range EnvKeys {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// Self names the running program's file (path, inode, size, time): a server
// serves only callers running the same file, and one whose file was replaced
// (an upgrade) stops, so that the next search starts the new one.
func Self() string { return selfAtStart }

// SelfNow is Self as the program's file is now, not as it was at start.
func SelfNow() string { return exeID() }

var selfAtStart = exeID()

func exeID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return exe
	}
	id := fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		id += fmt.Sprintf(" %d:%d", st.Dev, st.Ino)
	}
	return id
}

// SharedSocket is the shared server's socket for the index in dir (absolute).
func SharedSocket(dir string) string { return filepath.Join(dir, SharedName) }

// PrivateSocket is the caller's own server's socket for the index in dir
// (absolute), creating its folder (0700, owned by the caller) when missing.
func PrivateSocket(dir string) (string, error) {
	base, err := privateDir()
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(filepath.Clean(dir)))
	return filepath.Join(base, hex.EncodeToString(h[:8])+".sock"), nil
}

// privateDir is the folder of the caller's sockets: $XDG_RUNTIME_DIR/partynews,
// else $TMPDIR/partynews-UID; it must be the caller's and closed to others.
func privateDir() (string, error) {
	var d string
	if x := os.Getenv("XDG_RUNTIME_DIR"); x != "" && filepath.IsAbs(x) {
		d = filepath.Join(x, "partynews")
	} else {
		d = filepath.Join(os.TempDir(), fmt.Sprintf("partynews-%d", os.Getuid()))
	}
	if err := os.Mkdir(d, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("socket folder: %w", err)
	}
	fi, err := os.Lstat(d)
	if err != nil {
		return "", fmt.Errorf("socket folder: %w", err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.IsDir() || !ok || int(st.Uid) != os.Getuid() || fi.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("socket folder %s: not a folder of this user closed to others", d)
	}
	return d, nil
}

// ErrNoServer means no server answered at a socket (none listens there).
var ErrNoServer = errors.New("no resident server")

// ErrDeclined means a server answered but will not run the request (another
// index, other environment, an index it cannot open): answer in-process.
var ErrDeclined = errors.New("declined by the resident server")

// ErrLost means the server accepted the request and then the connection
// broke: its output may be partly written, so the caller must not run the
// command again.
var ErrLost = errors.New("the resident server stopped while answering")

// Call sends req to the server at socket with stdout and stderr for it to
// write into, and returns the command's exit code. An error other than ErrLost
// means nothing was written: the caller may answer in-process.
func Call(socket string, req Request, stdout, stderr *os.File) (int, error) {
	conn, err := net.DialTimeout("unix", socket, AckTimeout)
	if err != nil {
		return 0, fmt.Errorf("%w at %s: %v", ErrNoServer, socket, err)
	}
	uc := conn.(*net.UnixConn)
	defer uc.Close()
	body, err := json.Marshal(req)
	if err != nil {
		return 0, err
	}
	msg := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	msg = append(msg, body...)
	var oob []byte
	if stdout != nil && stderr != nil {
		oob = syscall.UnixRights(int(stdout.Fd()), int(stderr.Fd()))
	}
	_ = uc.SetDeadline(time.Now().Add(AckTimeout))
	if _, _, err := uc.WriteMsgUnix(msg, oob, nil); err != nil {
		return 0, fmt.Errorf("%w: send: %v", ErrNoServer, err)
	}
	var ack [1]byte
	if _, err := io.ReadFull(uc, ack[:]); err != nil {
		return 0, fmt.Errorf("%w: no answer: %v", ErrNoServer, err)
	}
	if ack[0] != 'A' {
		return 0, ErrDeclined
	}
	// Go: the server runs the command only on this byte, so a caller that
	// gave up waiting (and answers in-process) never gets its output twice.
	if _, err := uc.Write([]byte{'G'}); err != nil {
		return 0, fmt.Errorf("%w: send: %v", ErrNoServer, err)
	}
	_ = uc.SetDeadline(time.Time{})
	var code [4]byte
	if _, err := io.ReadFull(uc, code[:]); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrLost, err)
	}
	return int(int32(binary.BigEndian.Uint32(code[:]))), nil
}

// readRequest reads a request and the descriptors passed with it.
func readRequest(uc *net.UnixConn) (Request, []*os.File, error) {
	var req Request
	buf := make([]byte, 64<<10)
	oob := make([]byte, syscall.CmsgSpace(2*4))
	n, oobn, _, _, err := uc.ReadMsgUnix(buf, oob)
	if err != nil {
		return req, nil, err
	}
	files, err := parseRights(oob[:oobn])
	if err != nil {
		return req, nil, err
	}
	if n < 4 {
		if _, err := io.ReadFull(uc, buf[n:4]); err != nil {
			closeAll(files)
			return req, nil, err
		}
		n = 4
	}
	size := int(binary.BigEndian.Uint32(buf[:4]))
	if size > maxRequest {
		closeAll(files)
		return req, nil, fmt.Errorf("request of %d bytes", size)
	}
	body := make([]byte, size)
	got := copy(body, buf[4:n])
	if _, err := io.ReadFull(uc, body[got:]); err != nil {
		closeAll(files)
		return req, nil, err
	}
	if err := json.Unmarshal(body, &req); err != nil {
		closeAll(files)
		return req, nil, err
	}
	return req, files, nil
}

// parseRights turns passed descriptors into files.
func parseRights(oob []byte) ([]*os.File, error) {
	if len(oob) == 0 {
		return nil, nil
	}
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil, err
	}
	var files []*os.File
	for _, m := range msgs {
		fds, err := syscall.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			files = append(files, os.NewFile(uintptr(fd), fmt.Sprintf("fd%d", fd)))
		}
	}
	return files, nil
}

func closeAll(fs []*os.File) {
	for _, f := range fs {
		f.Close()
	}
}

// peerUID is the user id of the process at the other end of uc.
func peerUID(uc *net.UnixConn) (int, error) {
	raw, err := uc.SyscallConn()
	if err != nil {
		return -1, err
	}
	uid := -1
	var cerr error
	err = raw.Control(func(fd uintptr) {
		uid, cerr = peerUIDOf(int(fd))
	})
	if err != nil {
		return -1, err
	}
	return uid, cerr
}

// CodeBrokenPipe is the exit code a server returns when the caller's standard
// output was a pipe whose reader went away (partynews search | head): the
// caller then dies of SIGPIPE as it would have in-process (see DieOfPipe).
const CodeBrokenPipe = -int(syscall.SIGPIPE)

// Broken reports whether f is a pipe or socket whose other end is gone.
func Broken(f *os.File) bool {
	fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: 0}}
	n, err := unix.Poll(fds, 0)
	return err == nil && n > 0 && fds[0].Revents&(unix.POLLERR|unix.POLLHUP) != 0
}

// DieOfPipe ends the process as a write to a broken standard output does
// (Go's runtime raises SIGPIPE for fd 1): stdout is broken, so nothing is
// printed. It returns 128+SIGPIPE if the process survives.
func DieOfPipe(stdout *os.File) int {
	if Broken(stdout) {
		_, _ = stdout.Write([]byte{'\n'})
	}
	return 128 + int(syscall.SIGPIPE)
}
