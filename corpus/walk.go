// Package corpus owns the article files: it walks folders for them, reads and
// decodes each one (UTF-8, UTF-16, Latin-1), normalises the text and splits it into
// lead, body, captions and footer. It knows nothing of languages or indexes.
package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

// File is one candidate article found by Walk: a regular file named *.txt, or an
// error met while walking (then only Path and Err are set).
type File struct {
	Path    string
	Size    int64
	ModTime time.Time
	Err     error
}

// Walk sends every article file under roots to fn, in a stable order (roots as
// given, then lexical order of names). Roots may be files or folders. Symbolic links
// are followed, but a folder is entered once only, so link loops end. Problems with
// one entry (a dangling link, an unreadable folder) are sent to fn as a File with
// Err set; Walk stops early only when fn returns an error or ctx is done.
func Walk(ctx context.Context, roots []string, fn func(File) error) error {
	w := walker{ctx: ctx, ext: ".txt", fn: fn, seen: map[fileKey]bool{}}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				err = fmt.Errorf("%w: %s", ErrNoSuchPath, root)
			}
			if err := fn(File{Path: root, Err: err}); err != nil {
				return err
			}
			continue
		}
		if err := w.visit(root, info, true); err != nil {
			return err
		}
	}
	return nil
}

type fileKey struct{ dev, ino uint64 }

type walker struct {
	ctx  context.Context
	ext  string
	fn   func(File) error
	seen map[fileKey]bool
}

func keyOf(info fs.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, true
}

// visit handles path whose followed (stat) info is given; explicit roots are
// accepted whatever their extension.
func (w *walker) visit(path string, info fs.FileInfo, root bool) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	switch {
	case info.IsDir():
		if k, ok := keyOf(info); ok {
			if w.seen[k] {
				return nil // already walked: a link loop or a second link to it
			}
			w.seen[k] = true
		}
		return w.dir(path)
	case info.Mode().IsRegular():
		if !root && !strings.HasSuffix(strings.ToLower(info.Name()), w.ext) {
			return nil
		}
		return w.fn(File{Path: path, Size: info.Size(), ModTime: info.ModTime()})
	default:
		if root || strings.HasSuffix(strings.ToLower(info.Name()), w.ext) {
			return w.fn(File{Path: path, Err: fmt.Errorf("not a regular file (%s)", info.Mode().Type())})
		}
		return nil
	}
}

func (w *walker) dir(path string) error {
	entries, err := os.ReadDir(path)
	if err != nil {
		return w.fn(File{Path: path, Err: err})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		p := filepath.Join(path, e.Name())
		var info fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
			if err != nil {
				if strings.HasSuffix(strings.ToLower(e.Name()), w.ext) {
					if err := w.fn(File{Path: p, Err: fmt.Errorf("%w: %v", ErrDanglingLink, err)}); err != nil {
						return err
					}
				}
				continue
			}
		} else {
			info, err = e.Info()
			if err != nil {
				if err := w.fn(File{Path: p, Err: err}); err != nil {
					return err
				}
				continue
			}
		}
		if err := w.visit(p, info, false); err != nil {
			return err
		}
	}
	return nil
}

// ErrNoSuchPath is reported by Walk for a root that does not exist.
var ErrNoSuchPath = errors.New("no such file or folder")

// ErrDanglingLink is reported by Walk for a symbolic link to nothing.
var ErrDanglingLink = errors.New("dangling symbolic link")

// ErrTooLarge is returned by Read for a file over the size cap.
var ErrTooLarge = errors.New("larger than the size cap")

// Read reads, decodes, normalises and parses one article file. A file larger
// than maxBytes (when > 0) is not read: the error wraps ErrTooLarge. The size is
// checked on the open file and again while reading, so a file that grows past the
// cap is refused too.
func Read(path string, maxBytes int64) (*Article, error) {
	raw, err := readFile(path, maxBytes)
	if err != nil {
		return nil, err
	}
	return ParseBytes(path, raw)
}

// checkSize refuses a file that is not regular or, when maxBytes > 0, larger
// than maxBytes.
func checkSize(regular bool, size, maxBytes int64) error {
	if !regular {
		return fmt.Errorf("%w: not a regular file", ErrNotText)
	}
	if maxBytes > 0 && size > maxBytes {
		return fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, size, maxBytes)
	}
	return nil
}

// readAll reads f, whose size was size when it was opened, to its end, or to
// maxBytes+1 bytes when maxBytes > 0: the error wraps ErrTooLarge when there are
// more than maxBytes. The buffer is sized from size, one byte more so that the
// read that meets the end needs no growth: io.ReadAll's growth from 512 bytes
// cost a third of the reading.
func readAll(f io.Reader, size, maxBytes int64) ([]byte, error) {
	limit := int64(math.MaxInt64)
	if maxBytes > 0 {
		limit = maxBytes + 1
	}
	buf := make([]byte, 0, min(max(size, 0)+1, limit))
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew: let append grow it
		}
		n, err := f.Read(buf[len(buf):min(int64(cap(buf)), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if maxBytes > 0 && int64(len(buf)) > maxBytes {
		return nil, fmt.Errorf("%w: grew past %d bytes while being read", ErrTooLarge, maxBytes)
	}
	return buf, nil
}

// ParseBytes decodes, normalises and parses an article's raw bytes.
func ParseBytes(path string, raw []byte) (*Article, error) {
	text, enc, err := Decode(raw)
	if err != nil {
		return nil, err
	}
	text = Normalize(text)
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	a := Parse(path, text)
	a.Encoding = enc
	return a, nil
}
