//go:build unix

package corpus

import (
	"io"
	"io/fs"
	"syscall"
)

// readFile reads a regular file whole with open, fstat, read and close alone:
// os.Open also sets the descriptor non-blocking, tries to register it with
// the network poller (which refuses regular files) and clears the flag
// again, and arms a cleanup on the os.File — a third of the cost of opening
// an article. Errors are the *fs.PathError values os would return.
func readFile(path string, maxBytes int64) ([]byte, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if err := checkSize(st.Mode&syscall.S_IFMT == syscall.S_IFREG, st.Size, maxBytes); err != nil {
		return nil, err
	}
	return readAll(&fdReader{fd, path}, st.Size, maxBytes)
}

// fdReader reads a file descriptor as os.File.Read does: io.EOF at the end,
// interrupted reads retried.
type fdReader struct {
	fd   int
	path string
}

func (r *fdReader) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	var n int
	err := ignoringEINTR(func() (err error) {
		n, err = syscall.Read(r.fd, b)
		return err
	})
	switch {
	case err != nil:
		return 0, &fs.PathError{Op: "read", Path: r.path, Err: err}
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

func ignoringEINTR(fn func() error) error {
	for {
		if err := fn(); err != syscall.EINTR {
			return err
		}
	}
}
