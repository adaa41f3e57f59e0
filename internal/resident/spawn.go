//go:build unix

package resident

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// DefaultIdle is how long a server started by a search waits for the next one.
const DefaultIdle = 10 * time.Minute

// Spawn starts this program as "serve --index dir --idle idle --socket socket"
// in the background: a new session, standard input and output on /dev/null,
// the root folder as its working folder, so that it holds no pipe, terminal
// or folder of the caller. It starts none when a server holds socket's lock
// (running or starting). It does not wait for the server.
func Spawn(dir, socket string, idle time.Duration) error {
	if held(socket + ".lock") {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("start resident server: %w", err)
	}
	cmd := exec.Command(exe, "serve", "--index", dir, "--idle", idle.String(), "--socket", socket)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	// Stdin, Stdout, Stderr nil: /dev/null.
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start resident server: %w", err)
	}
	return cmd.Process.Release()
}

// held reports whether another process holds the flock on path.
func held(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return true
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
