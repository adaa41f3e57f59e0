package index

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"github.com/partynews/partynews/index/perm"
)

// A checkpoint publishes the open working index without closing it, so scorch
// keeps merging: bleve's online copy (IndexCopyable.CopyTo) writes a consistent
// snapshot of the index — scorch's current root — into a new generation folder.
// Its segment files are immutable once persisted, so the copy hard-links them
// (linkDir) instead of copying their bytes: a checkpoint writes a new root.bolt
// (the snapshot's segment list, deletions and internal values: a few KB),
// index_meta.json and, rarely, a segment still in memory. Scorch protects the
// segments of the copied root from removal while the copy runs.

// umask is the process's umask, read once: published generations follow it.
var umask = sync.OnceValue(perm.Umask)

// share makes the files and folders of a generation follow the umask (bleve
// creates them 0600/0700 whatever the umask), so users other than the writer
// can search. A generation is never written after it is published, so one
// pass before publication is enough.
func share(gen string) error {
	if err := perm.Share(gen, umask()); err != nil {
		return fmt.Errorf("share %s: %w", gen, err)
	}
	return nil
}

// copyStats tells what a checkpoint copy did.
type copyStats struct {
	Linked int   // segment files hard-linked
	Copied int64 // bytes written (root.bolt, meta, segments not yet on disk)
}

// copyGeneration writes a consistent copy of idx (whose files are in src) into
// the new folder dst, hard-linking its persisted segment files, and syncs it.
func copyGeneration(idx bleve.Index, src, dst string) (copyStats, error) {
	cp, ok := idx.(bleve.IndexCopyable)
	if !ok {
		return copyStats{}, errors.New("the index cannot be copied while open")
	}
	d := &linkDir{src: src, dst: dst}
	if err := os.MkdirAll(filepath.Join(dst, "store"), 0o700); err != nil {
		return copyStats{}, err
	}
	err := cp.CopyTo(d)
	d.mu.Lock()
	err = errors.Join(err, d.err)
	st := d.stats
	d.mu.Unlock()
	if err != nil {
		return st, err
	}
	// root.bolt is synced by bleve, linked segments were synced when scorch
	// wrote them; index_meta.json and the folders remain.
	for _, p := range []string{filepath.Join(dst, "index_meta.json"), filepath.Join(dst, "store"), dst} {
		if err := syncPath(p); err != nil {
			return st, err
		}
	}
	for _, p := range []string{filepath.Join(dst, "index_meta.json"), filepath.Join(dst, "store", "root.bolt")} {
		if fi, err := os.Stat(p); err == nil {
			st.Copied += fi.Size()
		}
	}
	return st, nil
}

func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// linkDir is the index.Directory bleve's CopyTo writes a copy into.
type linkDir struct {
	src, dst string

	mu    sync.Mutex
	err   error
	stats copyStats
}

// GetWriter returns where bleve writes the file rel of the copy. root.bolt must
// be an *os.File (bleve reopens it by name with bolt).
func (d *linkDir) GetWriter(rel string) (io.WriteCloser, error) {
	target := filepath.Join(d.dst, rel)
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return nil, err
	}
	if strings.HasSuffix(rel, ".zap") {
		return &segWriter{dir: d, target: target}, nil
	}
	f, err := os.OpenFile(target, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// segWriter receives one segment of the copy. bleve copies a persisted segment
// with io.Copy from its open file, which reaches ReadFrom with a reader that
// names the file: that file is complete and immutable, so it is hard-linked.
// A segment bleve has not persisted yet is written through Write.
type segWriter struct {
	dir    *linkDir
	target string
	f      *os.File
	n      int64
}

func (s *segWriter) ReadFrom(r io.Reader) (int64, error) {
	if named, ok := r.(interface{ Name() string }); ok && s.f == nil {
		name := named.Name()
		if filepath.Base(name) == filepath.Base(s.target) {
			if err := os.Link(name, s.target); err == nil {
				s.dir.mu.Lock()
				s.dir.stats.Linked++
				s.dir.mu.Unlock()
				st, err := os.Stat(s.target)
				if err != nil {
					return 0, err
				}
				return st.Size(), nil
			}
		}
	}
	if err := s.open(); err != nil {
		return 0, err
	}
	n, err := io.Copy(s.f, r)
	s.n += n
	return n, err
}

func (s *segWriter) open() error {
	if s.f != nil {
		return nil
	}
	f, err := os.OpenFile(s.target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	s.f = f
	return nil
}

func (s *segWriter) Write(p []byte) (int, error) {
	if err := s.open(); err != nil {
		return 0, err
	}
	n, err := s.f.Write(p)
	s.n += int64(n)
	return n, err
}

// Close syncs a written segment. bleve ignores the error of Close, so it is
// kept for copyGeneration.
func (s *segWriter) Close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Sync()
	err = errors.Join(err, s.f.Close())
	s.dir.mu.Lock()
	s.dir.stats.Copied += s.n
	if err != nil && s.dir.err == nil {
		s.dir.err = fmt.Errorf("write segment %s: %w", s.target, err)
	}
	s.dir.mu.Unlock()
	return err
}
