//go:build unix

package resident

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
	"syscall"
	"time"
)

// ErrRunning is returned by Listen when another server holds the socket.
var ErrRunning = errors.New("a resident server is already running for this socket")

// Handler decides on a request: it returns the function that runs it with the
// caller's standard output and error and returns the exit code, or an error to
// decline it (nothing written; the caller answers in-process). The server
// calls run exactly once; with nil files when the caller gave up meanwhile
// (run then only releases what the Handler took).
type Handler func(req Request) (run func(stdout, stderr *os.File) int, err error)

// Server answers requests on a Unix socket until it is idle for Idle, its
// index folder Dir disappears, it is told to stop, or its context ends.
type Server struct {
	Socket  string
	Dir     string        // the index folder: the server stops when it is gone
	Idle    time.Duration // 0: never idle out
	Handler Handler
	Log     *slog.Logger

	ln    *net.UnixListener
	lock  *os.File
	ino   uint64
	stop  chan struct{}
	once  sync.Once
	mu    sync.Mutex
	busy  int
	last  time.Time
	conns sync.WaitGroup
}

// Listen takes the socket: it locks socket+".lock" (one server per socket),
// replaces a stale socket file and listens with mode 0600, or 0660 and group
// gid when gid ≥ 0.
func Listen(socket string, gid int) (*Server, error) {
	lock, err := os.OpenFile(socket+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", socket, err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s)", ErrRunning, socket)
		}
		return nil, fmt.Errorf("lock %s: %w", socket, err)
	}
	if err := os.Remove(socket); err != nil && !errors.Is(err, os.ErrNotExist) {
		lock.Close()
		return nil, fmt.Errorf("remove stale socket: %w", err)
	}
	mode := os.FileMode(0o600)
	if gid >= 0 {
		mode = 0o660
	}
	old := syscall.Umask(0o177) // nobody else may connect before the chmod
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: socket, Net: "unix"})
	syscall.Umask(old)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("listen %s: %w", socket, err)
	}
	ln.SetUnlinkOnClose(false) // removed by Close, only while it is still ours
	s := &Server{Socket: socket, ln: ln, lock: lock, stop: make(chan struct{}), last: time.Now()}
	if gid >= 0 {
		if err := os.Chown(socket, -1, gid); err != nil {
			s.Close()
			return nil, fmt.Errorf("socket group: %w", err)
		}
	}
	if err := os.Chmod(socket, mode); err != nil {
		s.Close()
		return nil, fmt.Errorf("socket mode: %w", err)
	}
	if fi, err := os.Stat(socket); err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			s.ino = uint64(st.Ino)
		}
	}
	return s, nil
}

// Stop makes Serve return once the requests under way are answered.
func (s *Server) Stop() { s.once.Do(func() { close(s.stop) }) }

// Serve answers requests until the server stops; then it closes the socket.
func (s *Server) Serve(ctx context.Context) error {
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	defer s.Close()
	done := make(chan struct{})
	defer close(done)
	go s.watch(ctx, done)
	for {
		conn, err := s.ln.AcceptUnix()
		if err != nil {
			select {
			case <-s.stop:
				s.conns.Wait()
				return nil
			default:
			}
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				continue
			}
			return fmt.Errorf("accept: %w", err)
		}
		s.conns.Add(1)
		go func() {
			defer s.conns.Done()
			s.handle(conn)
		}()
	}
}

// watch stops the server when ctx ends, when it has been idle for Idle, or
// when the index folder is gone.
func (s *Server) watch(ctx context.Context, done chan struct{}) {
	tick := time.Second
	if s.Idle > 0 && s.Idle/4 < tick {
		tick = max(s.Idle/4, 10*time.Millisecond)
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-s.stop:
		case <-ctx.Done():
			s.Log.Info("resident server: stopping", "reason", ctx.Err())
			s.Stop()
		case <-t.C:
			s.mu.Lock()
			idle := s.busy == 0 && s.Idle > 0 && time.Since(s.last) >= s.Idle
			s.mu.Unlock()
			if idle {
				s.Log.Info("resident server: idle, stopping", "idle", s.Idle)
				s.Stop()
			}
			if s.Dir != "" {
				if _, err := os.Stat(s.Dir); errors.Is(err, os.ErrNotExist) {
					s.Log.Info("resident server: index folder gone, stopping", "dir", s.Dir)
					s.Stop()
				}
			}
			if !s.stillOurs() {
				s.Log.Info("resident server: socket replaced or removed, stopping", "socket", s.Socket)
				s.Stop()
			}
		}
		select {
		case <-s.stop:
			_ = s.ln.SetDeadline(time.Now()) // wake Accept
			return
		default:
		}
	}
}

// stillOurs reports whether the socket file is the one this server made.
func (s *Server) stillOurs() bool {
	fi, err := os.Stat(s.Socket)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return !ok || s.ino == 0 || uint64(st.Ino) == s.ino
}

// Close stops listening and removes the socket if it is still ours.
func (s *Server) Close() error {
	s.Stop()
	if s.stillOurs() {
		_ = os.Remove(s.Socket)
	}
	err := s.ln.Close()
	if s.lock != nil {
		s.lock.Close() // releases the flock
		s.lock = nil
	}
	return err
}

func (s *Server) handle(conn *net.UnixConn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	req, files, err := readRequest(conn)
	if err != nil {
		s.Log.Debug("resident server: bad request", "err", err)
		return
	}
	defer closeAll(files)
	s.mu.Lock()
	s.busy++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.busy--
		s.last = time.Now()
		s.mu.Unlock()
	}()
	if req.Op == "stop" {
		uid, err := peerUID(conn)
		if err != nil || (uid != os.Getuid() && uid != 0) {
			_, _ = conn.Write([]byte{'D'})
			return
		}
		var goByte [1]byte
		if _, err := conn.Write([]byte{'A'}); err != nil {
			return
		}
		if _, err := io.ReadFull(conn, goByte[:]); err != nil || goByte[0] != 'G' {
			return
		}
		_, _ = conn.Write(binary.BigEndian.AppendUint32(nil, 0))
		s.Stop()
		return
	}
	if len(files) != 2 {
		_, _ = conn.Write([]byte{'D'})
		return
	}
	run, err := s.Handler(req)
	if err != nil {
		s.Log.Debug("resident server: declined", "err", err)
		_, _ = conn.Write([]byte{'D'})
		return
	}
	if _, err := conn.Write([]byte{'A'}); err != nil {
		return
	}
	var goByte [1]byte // the caller still waits: see Call
	if _, err := io.ReadFull(conn, goByte[:]); err != nil || goByte[0] != 'G' {
		s.Log.Debug("resident server: the caller gave up", "err", err)
		run(nil, nil)
		return
	}
	_ = conn.SetDeadline(time.Time{})
	code := run(files[0], files[1])
	_, _ = conn.Write(binary.BigEndian.AppendUint32(nil, uint32(int32(code))))
}

// StopServer asks the server at socket to stop; it reports whether one did.
func StopServer(socket string) (bool, error) {
	_, err := Call(socket, Request{Op: "stop"}, nil, nil)
	if errors.Is(err, ErrNoServer) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, nil
}
