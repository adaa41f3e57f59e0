package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/partynews/partynews/index/integrity"
)

// A sharded index folder holds SHARDS (the number of shards) and shard-00,
// shard-01 … each a complete generational index of its own. A file belongs to the
// shard its path hashes to, so each shard keeps the whole manifest of its files
// and publishes on its own: a crash leaves every shard at a consistent state. The
// same text at two paths of different shards is two documents; searches show it
// once.

const shardsFile = "SHARDS"

func shardDir(dir string, i int) string { return filepath.Join(dir, fmt.Sprintf("shard-%02d", i)) }

// shardCount returns how many shards the index in dir has: 1 when it is not
// sharded (or does not exist yet).
func shardCount(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, shardsFile))
	if errors.Is(err, os.ErrNotExist) {
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || n < 1 || n > 256 {
		return 0, fmt.Errorf("%s: corrupt %s file %q", dir, shardsFile, b)
	}
	return n, nil
}

// Writer adds documents to an index of one or more shards. One Writer per index
// folder at a time, enforced by a lock; searches are never blocked by it. Not safe
// for concurrent use, except Unchanged, which may run beside Put.
type Writer struct {
	shards []*shard
	gate   *gate
}

// OpenWriter opens (creating if needed) the index in dir for writing. A new
// index gets opt.Shards shards (1 when 0); an existing one keeps its count, and
// asking for another count is an error.
func OpenWriter(dir string, opt WriterOptions) (*Writer, error) {
	n, err := shardCount(dir)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(filepath.Join(dir, currentFile))
	exists := n > 1 || statErr == nil
	if !exists && opt.Shards > 1 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create index folder: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, shardsFile), []byte(strconv.Itoa(opt.Shards)+"\n"), 0o644); err != nil {
			return nil, err
		}
		n = opt.Shards
	} else if opt.Shards > 0 && opt.Shards != n {
		return nil, fmt.Errorf("the index in %s has %d shard(s), not %d: index into a new folder to change that", dir, n, opt.Shards)
	}
	dirs := []string{dir}
	if n > 1 {
		dirs = dirs[:0]
		for i := 0; i < n; i++ {
			dirs = append(dirs, shardDir(dir, i))
		}
	}
	fresh := make([]bool, n)
	if opt.Rebuild {
		fresh = needRebuild(dirs, opt.Extractor)
	}
	w := &Writer{gate: &gate{}}
	for i, d := range dirs {
		o := opt
		o.fresh = fresh[i]
		s, err := openShard(d, o)
		if err != nil {
			w.Abort()
			return nil, err
		}
		s.gate = w.gate
		w.shards = append(w.shards, s)
	}
	return w, nil
}

func (w *Writer) shardFor(path string) *shard {
	if len(w.shards) == 1 {
		return w.shards[0]
	}
	h := fnv.New32a()
	h.Write([]byte(path))
	return w.shards[h.Sum32()%uint32(len(w.shards))]
}

// Unchanged reports whether path is indexed with this size and modification
// time — the no-op check of an incremental run, which reads no file.
func (w *Writer) Unchanged(path string, size int64, mtime time.Time) (bool, error) {
	return w.shardFor(path).Unchanged(path, size, mtime)
}

// Put indexes the document read from path with its file stat.
func (w *Writer) Put(path string, doc Document, size int64, mtime time.Time) (Outcome, error) {
	return w.shardFor(path).Put(path, doc, size, mtime)
}

// Remove forgets path; it reports whether path was indexed.
func (w *Writer) Remove(path string) (bool, error) { return w.shardFor(path).Remove(path) }

// Paths calls fn with every path that some document holds.
func (w *Writer) Paths(fn func(path string) error) error {
	for _, s := range w.shards {
		if err := s.Paths(fn); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes the pending batches.
func (w *Writer) Flush() error { return w.each((*shard).Flush) }

// Checkpoint publishes everything written so far.
func (w *Writer) Checkpoint() error { return w.each((*shard).Checkpoint) }

// Close lets scorch finish its merges, publishes everything written and
// releases the locks. A run that wrote nothing publishes nothing.
func (w *Writer) Close() error { return w.CloseContext(context.Background()) }

// CloseContext is Close, except that a ctx done while scorch merges stops the
// merges and publishes the index as it is.
func (w *Writer) CloseContext(ctx context.Context) error {
	var errs []error
	for _, s := range w.shards {
		errs = append(errs, s.Close(ctx, true))
	}
	return errors.Join(errs...)
}

// Stop publishes everything written at once, without waiting for merges, and
// releases the locks: what an interrupted run keeps. A shard being rebuilt
// keeps its last good generation instead.
func (w *Writer) Stop() error {
	var errs []error
	for _, s := range w.shards {
		errs = append(errs, s.Close(context.Background(), false))
	}
	return errors.Join(errs...)
}

// Stats tells what the checkpoints of the run did so far.
func (w *Writer) Stats() WriterStats {
	var st WriterStats
	for _, s := range w.shards {
		st.Checkpoints += s.stats.Checkpoints
		st.Time += s.stats.Time
		st.Linked += s.stats.Linked
		st.Copied += s.stats.Copied
		st.Rebuilt += s.stats.Rebuilt
		if s.stats.OtherExtractor != "" {
			st.OtherExtractor = s.stats.OtherExtractor
		}
	}
	return st
}

// needRebuild tells which shards a rebuild starts from scratch: those whose
// published generation is damaged (integrity.CheckGeneration), of another
// format, or holds documents whose entities another extractor found, and every
// shard when none is.
func needRebuild(dirs []string, extractor string) []bool {
	fresh := make([]bool, len(dirs))
	any := false
	for i, d := range dirs {
		cur, err := current(d)
		if err != nil || cur == 0 {
			continue
		}
		gen := filepath.Join(d, genName(cur))
		if probs, _ := integrity.CheckGeneration(gen); len(probs) > 0 {
			fresh[i], any = true, true
			continue
		}
		g, err := readGen(gen)
		if err != nil || g.format < writableVersion || g.format > FormatVersion ||
			extractor != "" && g.docs > 0 && g.extractor != extractor { // documents whose entities another extractor found
			fresh[i], any = true, true
		}
	}
	if !any {
		for i := range fresh {
			fresh[i] = true
		}
	}
	return fresh
}

// genInfo is what needRebuild asks of a published generation.
type genInfo struct {
	format    int    // index format version
	extractor string // the entity extractor version it records ("": none)
	docs      uint64
}

// readGen opens a generation folder once, read-only, for its genInfo.
func readGen(gen string) (genInfo, error) {
	idx, err := bleve.OpenUsing(gen, map[string]interface{}{"read_only": true, "bolt_timeout": "1s"})
	if err != nil {
		return genInfo{}, err
	}
	defer idx.Close()
	g := genInfo{format: formatOf(idx)}
	b, _ := idx.GetInternal([]byte(extractorKey))
	g.extractor = string(b)
	g.docs, _ = idx.DocCount()
	return g, nil
}

// genFormat reads the format version of a generation folder.
func genFormat(gen string) (int, error) {
	g, err := readGen(gen)
	return g.format, err
}

// Abort drops what was written since the last checkpoint and releases the locks.
func (w *Writer) Abort() {
	for _, s := range w.shards {
		s.Abort()
	}
}

func (w *Writer) each(f func(*shard) error) error {
	for _, s := range w.shards {
		if err := f(s); err != nil {
			return err
		}
	}
	return nil
}
