package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	index "github.com/blevesearch/bleve_index_api"
)

// Stat is the manifest's record of one file of a document: its path, and the size
// and modification time it had when read. The manifest is part of each document —
// stored with it and indexed as the keyword terms of FieldPath and FieldFile — so
// it is written in the same batch as the document it describes, by construction.
type Stat struct {
	Path    string `json:"path"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // Unix nanoseconds
}

// fileTerm is the FieldFile term of a file: its path, size and modification time.
func fileTerm(path string, size, mtime int64) string {
	return path + "\x1f" + strconv.FormatInt(size, 10) + "\x1f" + strconv.FormatInt(mtime, 10)
}

// Outcome is what Put did with a file.
type Outcome int

// Outcomes of Put.
const (
	Indexed   Outcome = iota // a new document
	Unchanged                // same content as indexed from this path (only its stat changed)
	Duplicate                // the same text as a document already indexed from another path
)

// DefaultBatchSize is how many documents go to bleve in one batch: each batch
// becomes a segment that scorch later merges. At 256 scorch's merges took a
// third of an import's CPU; at 1024 under a tenth (issue 13).
const DefaultBatchSize = 1024

// DefaultBatchBytes caps a batch by the size of its documents as bleve counts
// them before analysis (mostly their text), so that a batch of long articles
// cannot push the heap into the soft memory limit.
const DefaultBatchBytes = 16 << 20

// WriterOptions tunes a Writer.
type WriterOptions struct {
	BatchSize       int           // documents per bleve batch (default DefaultBatchSize)
	BatchBytes      int           // a batch is written once its documents reach this size (default DefaultBatchBytes)
	CheckpointEvery time.Duration // publish a generation this often (default 30 s; <0: only at Close)
	LockWait        time.Duration // how long to wait for another writer (default 0: fail at once)
	Shards          int           // shards of a new index (0: one); an existing index keeps its own
}

// shard adds documents to one index folder. One writer per index folder at a time,
// enforced by a lock; searches are never blocked by it. Not safe for concurrent
// use, except Unchanged, which may run beside Put.
type shard struct {
	dir  string
	opt  WriterOptions
	lock *os.File
	gen  int

	mu     sync.RWMutex // guards idx and snap while a checkpoint swaps them
	idx    bleve.Index
	snap   index.IndexReader // the generation as it was opened: the state before this run's changes
	last   time.Time         // the last checkpoint
	opened time.Time         // the start of this run
	// lastCost is how long the last checkpoint took.
	lastCost time.Duration

	batch       *bleve.Batch
	pendingDocs map[string]*stored // id → document in this batch; nil: deleted
}

// openShard opens (creating if needed) the index in dir for writing.
func openShard(dir string, opt WriterOptions) (*shard, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.BatchBytes <= 0 {
		opt.BatchBytes = DefaultBatchBytes
	}
	if opt.CheckpointEvery == 0 {
		opt.CheckpointEvery = 30 * time.Second
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create index folder: %w", err)
	}
	lock, err := lockDir(dir, opt.LockWait)
	if err != nil {
		return nil, err
	}
	w := &shard{dir: dir, opt: opt, lock: lock, opened: time.Now()}
	if err := w.start(); err != nil {
		lock.Close()
		return nil, err
	}
	return w, nil
}

// start clears stale generations and opens a new working generation. The caller
// holds w.mu or is the only user of w.
func (w *shard) start() error {
	cur, err := current(w.dir)
	if err != nil {
		return err
	}
	if err := removeStale(w.dir, cur); err != nil {
		return fmt.Errorf("remove stale generations: %w", err)
	}
	w.gen = max(cur, lastGen(w.dir)) + 1
	path := filepath.Join(w.dir, genName(w.gen))
	var idx bleve.Index
	if cur == 0 {
		idx, err = bleve.NewUsing(path, NewMapping(), scorch.Name, scorch.Name, nil)
	} else if err = cloneGen(filepath.Join(w.dir, genName(cur)), path); err == nil {
		idx, err = bleve.Open(path)
	}
	if err == nil {
		if w.snap, err = snapshot(idx); err != nil {
			idx.Close()
		}
	}
	if err != nil {
		_ = os.RemoveAll(path)
		return fmt.Errorf("open index generation %s: %w", path, err)
	}
	w.idx = idx
	w.batch = idx.NewBatch()
	w.pendingDocs = map[string]*stored{}
	w.last = time.Now()
	return nil
}

// Unchanged reports whether path is indexed with this size and modification
// time — the no-op check of an incremental run, which reads no file. It may run
// beside Put: it sees the index as it was before this run touched path.
func (w *shard) Unchanged(path string, size int64, mtime time.Time) (bool, error) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	n, err := termCount(w.snap, FieldFile, fileTerm(path, size, mtime.UnixNano()))
	return n > 0, err
}

func termCount(r index.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// docWithPath returns the id of the document holding path in r, "" if none.
func docWithPath(r index.IndexReader, path string) (string, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(path), FieldPath, false, false, false)
	if err != nil {
		return "", err
	}
	defer tfr.Close()
	d, err := tfr.Next(nil)
	if err != nil || d == nil {
		return "", err
	}
	return r.ExternalID(d.ID)
}

// document returns the indexed (or pending) document with id, nil if none.
func (w *shard) document(id string) (*stored, error) {
	if d, ok := w.pendingDocs[id]; ok {
		return d, nil
	}
	d, err := loadStored(w.idx, id)
	if err != nil {
		return nil, fmt.Errorf("read document %s: %w", id, err)
	}
	return d, nil
}

// Put indexes the document read from path (doc.Paths is ignored) with its file
// stat, keeping every document's list of files consistent.
func (w *shard) Put(path string, doc Document, size int64, mtime time.Time) (Outcome, error) {
	w.mu.RLock()
	oldID, err := docWithPath(w.snap, path)
	w.mu.RUnlock()
	if err != nil {
		return 0, err
	}
	st := Stat{Path: path, Size: size, ModTime: mtime.UnixNano()}
	existing, err := w.document(doc.ID)
	if err != nil {
		return 0, err
	}
	outcome := Indexed
	switch {
	case existing != nil:
		outcome = Duplicate
		if i := slices.IndexFunc(existing.Files, func(f Stat) bool { return f.Path == path }); i >= 0 {
			outcome = Unchanged
			existing.Files[i] = st
		} else {
			existing.Files = append(existing.Files, st)
		}
		if err := w.index(existing); err != nil {
			return 0, err
		}
	default:
		if err := w.index(&stored{Document: doc, Files: []Stat{st}}); err != nil {
			return 0, err
		}
	}
	if oldID != "" && oldID != doc.ID {
		if err := w.dropPath(oldID, path); err != nil {
			return 0, err
		}
	}
	return outcome, w.maybeFlush()
}

// Remove forgets path: its document loses the path, and is deleted when no path
// is left. It reports whether path was indexed. Pending changes are flushed first.
func (w *shard) Remove(path string) (bool, error) {
	if err := w.Flush(); err != nil {
		return false, err
	}
	r, err := snapshot(w.idx)
	if err != nil {
		return false, err
	}
	id, err := docWithPath(r, path)
	r.Close()
	if err != nil || id == "" {
		return false, err
	}
	if err := w.dropPath(id, path); err != nil {
		return false, err
	}
	return true, w.maybeFlush()
}

func (w *shard) dropPath(id, path string) error {
	d, err := w.document(id)
	if err != nil || d == nil {
		return err
	}
	d.Files = slices.DeleteFunc(d.Files, func(f Stat) bool { return f.Path == path })
	if len(d.Files) == 0 {
		w.batch.Delete(id)
		w.pendingDocs[id] = nil
		return nil
	}
	return w.index(d)
}

func (w *shard) index(d *stored) error {
	slices.SortFunc(d.Files, func(a, b Stat) int { return strings.Compare(a.Path, b.Path) })
	d.Paths = d.Paths[:0]
	for _, f := range d.Files {
		d.Paths = append(d.Paths, f.Path)
	}
	w.pendingDocs[d.ID] = d
	if err := w.batch.Index(d.ID, toBleve(d)); err != nil {
		return fmt.Errorf("index document %s: %w", d.ID, err)
	}
	return nil
}

func (w *shard) maybeFlush() error {
	if w.batch.Size() < w.opt.BatchSize && w.batch.TotalDocsSize() < uint64(w.opt.BatchBytes) {
		return nil
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if w.opt.CheckpointEvery > 0 && time.Since(w.last) >= w.checkpointEvery() {
		start := time.Now()
		err := w.Checkpoint()
		w.lastCost = time.Since(start)
		return err
	}
	return nil
}

// checkpointEvery is how long to wait between checkpoints. A checkpoint closes
// and reopens the index: that costs more as the index grows, and it aborts the
// merges under way, which take longer as the segments grow — at a checkpoint
// every 30 s a first import of a million articles never finished a large merge,
// piled up segments and slowed to a crawl. So the wait is the configured
// interval, stretched to 20 times what the last checkpoint took (checkpoints
// cost at most 5 % of a run) and to half of the run so far (a run has a handful
// of checkpoints, geometrically spaced, and a merge that starts has time to end).
func (w *shard) checkpointEvery() time.Duration {
	return max(w.opt.CheckpointEvery, 20*w.lastCost, time.Since(w.opened)/2)
}

// Flush writes the pending batch.
func (w *shard) Flush() error {
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.idx.Batch(w.batch); err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	w.batch.Reset()
	w.pendingDocs = map[string]*stored{}
	return nil
}

// Checkpoint publishes everything written so far, so searches see it, and
// continues in a new generation.
func (w *shard) Checkpoint() error {
	if err := w.Flush(); err != nil {
		return err
	}
	w.mu.Lock() // Unchanged must not use the index while it is swapped
	defer w.mu.Unlock()
	if err := w.commit(); err != nil {
		return err
	}
	return w.start()
}

// commit closes and publishes the working generation; the batch is flushed.
func (w *shard) commit() error {
	w.snap.Close()
	if err := w.idx.Close(); err != nil {
		return fmt.Errorf("close index generation: %w", err)
	}
	dropUnusedSegments(filepath.Join(w.dir, genName(w.gen)))
	if err := publish(w.dir, w.gen); err != nil {
		return fmt.Errorf("publish index generation: %w", err)
	}
	return removeStale(w.dir, w.gen)
}

// Close publishes everything written and releases the lock.
func (w *shard) Close() error {
	err := w.Flush()
	if err == nil {
		err = w.settle()
	}
	if err == nil {
		w.mu.Lock()
		err = w.commit()
		w.mu.Unlock()
	} else {
		w.snap.Close()
		_ = w.idx.Close()
	}
	w.lock.Close()
	return err
}

// settle lets scorch finish the merges its tiered policy wants before the
// generation is published: a run that stops while small segments wait leaves an
// index up to a third larger, and slower to search.
func (w *shard) settle() error {
	adv, err := w.idx.Advanced()
	if err != nil {
		return err
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		opts := mergeplan.DefaultMergePlanOptions
		if err := s.ForceMerge(context.Background(), &opts); err != nil {
			return fmt.Errorf("merge segments: %w", err)
		}
	}
	return nil
}

// Abort drops what was written since the last checkpoint and releases the lock.
func (w *shard) Abort() {
	w.snap.Close()
	_ = w.idx.Close()
	_ = os.RemoveAll(filepath.Join(w.dir, genName(w.gen)))
	w.lock.Close()
}

// Paths calls fn with every path that some document holds, in lexical order.
// Pending changes are flushed first.
func (w *shard) Paths(fn func(path string) error) error {
	if err := w.Flush(); err != nil {
		return err
	}
	dict, err := w.idx.FieldDict(FieldPath)
	if err != nil {
		return err
	}
	var paths []string
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return err
		}
		if e == nil {
			break
		}
		paths = append(paths, e.Term)
	}
	dict.Close()
	for _, p := range paths {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}
