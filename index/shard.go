package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
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
	CheckpointEvery time.Duration // publish what was written this often (default 30 s; <0: only at Close)
	LockWait        time.Duration // how long to wait for another writer (default 0: fail at once)
	Shards          int           // shards of a new index (0: one); an existing index keeps its own
	// Rebuild re-indexes from scratch the shards whose published generation is
	// damaged or was built by an older version (every shard when none is): they
	// start empty, and their last good generation stays searchable until the
	// rebuilt one is published at Close.
	Rebuild bool
	// Extractor is the version of the entity extractor that made the
	// documents this writer adds (extract.Version, passed by the caller: the
	// index does not read articles). An index remembers the version its
	// documents share; "" does not track.
	Extractor string

	fresh bool // this shard starts empty (set by OpenWriter)
}

// WriterStats tells what a Writer's checkpoints did.
type WriterStats struct {
	Checkpoints int           // generations published while the index stayed open
	Time        time.Duration // wall time spent in them
	Linked      int           // segment files hard-linked into them
	Copied      int64         // bytes written by them (root.bolt, meta, unpersisted segments)
	Rebuilt     int           // shards rebuilt from scratch
	// OtherExtractor is the extractor version of documents already in the
	// index when it differs from WriterOptions.Extractor ("unknown" for an
	// index written before versions were kept); "" when they agree. Those
	// documents keep their entities until the index is rebuilt.
	OtherExtractor string
}

// shard adds documents to one index folder. One writer per index folder at a time,
// enforced by a lock; searches are never blocked by it. Not safe for concurrent
// use, except Unchanged, which may run beside Put.
//
// The writer keeps one bleve index open for the whole run, in the folder
// "work" (never read by searches), and publishes it at checkpoints by copying a
// consistent snapshot into a new generation (see publish.go): closing the
// index at each checkpoint would abort scorch's merges under way.
type shard struct {
	dir  string
	opt  WriterOptions
	lock *os.File
	pub  int // the published generation

	mu       sync.RWMutex // guards idx and snap while Close swaps them
	idx      bleve.Index
	snap     index.IndexReader // the index as it was opened: the state before this run's changes
	filesMu  sync.Mutex        // guards asked and files
	asked    int               // Unchanged's questions so far
	files    *fileSet          // snap's file terms, read once after fileSetAfter questions
	last     time.Time         // the last checkpoint
	lastCost time.Duration     // how long the last checkpoint took
	dirty    bool              // written since the last publication
	wrote    bool              // written during this run
	closed   bool              // Close or Abort ran
	stats    WriterStats

	batch         *bleve.Batch
	batchBytes    int                  // the size of the batch's documents (bleveDocument)
	pendingDocs   map[string]*stored   // id → document in this batch; nil: deleted
	pendingCopies map[string]string    // copy record id → its document in this batch; "": deleted
	docs          []*document.Document // the documents of this batch, analysed before it is written (nil: dropped)
	docAt         map[string]int       // a document's place in docs: one replaced in the batch is analysed once
	gate          *gate                // closed while the batch is analysed (Writer.Yield); nil: none
}

const workDir = "work"

func (w *shard) work() string { return filepath.Join(w.dir, workDir) }

// rebuilding reports whether the shard rebuilds a published index from
// scratch: it must not publish a part of it.
func (w *shard) rebuilding() bool { return w.opt.fresh && w.pub != 0 }

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
	w := &shard{dir: dir, opt: opt, lock: lock}
	if err := w.start(); err != nil {
		lock.Close()
		return nil, err
	}
	return w, nil
}

// start clears stale generations and opens the working index: a copy of the
// published generation, or a new index.
func (w *shard) start() error {
	cur, err := current(w.dir)
	if err != nil {
		return err
	}
	if err := removeStale(w.dir, cur); err != nil {
		return fmt.Errorf("remove stale generations: %w", err)
	}
	path := w.work()
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove the last run's working copy: %w", err)
	}
	w.pub = cur
	var idx bleve.Index
	if cur == 0 || w.opt.fresh {
		idx, err = bleve.NewUsing(path, NewMapping(), scorch.Name, scorch.Name, nil)
		if err == nil {
			if err = idx.SetInternal([]byte(formatKey), []byte(strconv.Itoa(FormatVersion))); err != nil {
				idx.Close()
			}
		}
		if err == nil && w.opt.Extractor != "" {
			if err = idx.SetInternal([]byte(extractorKey), []byte(w.opt.Extractor)); err != nil {
				idx.Close()
			}
		}
		w.dirty, w.wrote = true, true // a new index is published even when empty
		if w.opt.fresh {
			w.stats.Rebuilt++
		}
	} else {
		src := filepath.Join(w.dir, genName(cur))
		// indexes written before generations followed the umask become
		// readable to other users
		if err := share(src); err != nil {
			return err
		}
		if err = cloneGen(src, path); err == nil {
			before := damageLines.Load()
			idx, err = bleve.Open(path)
			if err == nil && damageLines.Load() != before {
				// scorch skipped a snapshot it could not load (see NoteBleveLine)
				idx.Close()
				err = &DamagedError{Gen: src, Err: errors.New("a snapshot could not be loaded")}
			} else if err != nil {
				err = &DamagedError{Gen: src, Err: err}
			} else if v := formatOf(idx); v < writableVersion {
				idx.Close()
				err = &OutdatedError{Dir: w.dir, Version: v}
			} else if v > FormatVersion {
				idx.Close()
				err = &NewerError{Dir: w.dir, Version: v}
			} else if v < FormatVersion {
				if err = idx.SetInternal([]byte(formatKey), []byte(strconv.Itoa(FormatVersion))); err != nil {
					idx.Close()
				}
				w.dirty, w.wrote = true, true // publish the new version
			}
			if err == nil && w.opt.Extractor != "" {
				if err = w.checkExtractor(idx); err != nil {
					idx.Close()
				}
			}
		}
	}
	if err == nil {
		if w.snap, err = snapshot(idx); err != nil {
			idx.Close()
		}
	}
	if err != nil {
		_ = os.RemoveAll(path)
		var de *DamagedError
		var oe *OutdatedError
		var ne *NewerError
		if errors.As(err, &de) || errors.As(err, &oe) || errors.As(err, &ne) {
			return err
		}
		return fmt.Errorf("open index %s: %w", w.dir, err)
	}
	w.idx = idx
	w.batch = idx.NewBatch()
	w.pendingDocs = map[string]*stored{}
	w.pendingCopies = map[string]string{}
	w.last = time.Now()
	return nil
}

// extractorKey is the bleve internal key holding the version of the entity
// extractor that every document of the index was extracted by.
const extractorKey = "partynews.extractor"

// checkExtractor compares the extractor version the open index records with
// the writer's. An index with no documents takes the writer's; one whose
// documents were extracted by another version (or before versions were
// kept) keeps its record, since those documents keep their entities, and the
// difference is reported in the stats.
func (w *shard) checkExtractor(idx bleve.Index) error {
	b, err := idx.GetInternal([]byte(extractorKey))
	if err != nil {
		return err
	}
	if string(b) == w.opt.Extractor {
		return nil
	}
	n, err := idx.DocCount()
	if err != nil {
		return err
	}
	if n == 0 {
		w.dirty, w.wrote = true, true
		return idx.SetInternal([]byte(extractorKey), []byte(w.opt.Extractor))
	}
	w.stats.OtherExtractor = string(b)
	if w.stats.OtherExtractor == "" {
		w.stats.OtherExtractor = "unknown"
	}
	return nil
}

// Unchanged reports whether path is indexed with this size and modification
// time — the no-op check of an incremental run, which reads no file. It may run
// beside Put: it sees the index as it was before this run touched path.
func (w *shard) Unchanged(path string, size int64, mtime time.Time) (bool, error) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	term := fileTerm(path, size, mtime.UnixNano())
	w.filesMu.Lock()
	if w.asked++; w.asked == fileSetAfter {
		w.files, _, _ = newFileSet(w.snap) // on an error, the lookups go on
	}
	files := w.files
	w.filesMu.Unlock()
	if files != nil {
		return files.has(term), nil
	}
	n, err := termCount(w.snap, FieldFile, term)
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
// stat, keeping the manifest consistent: a text already indexed from another
// path gets a copy record for this one (see copies.go).
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
	own := -1 // the place of path among the document's own files
	if existing != nil {
		own = slices.IndexFunc(existing.Files, func(f Stat) bool { return f.Path == path })
	}
	outcome, holder := Indexed, doc.ID // holder: the record that holds path now
	switch {
	case existing == nil:
		err = w.index(&stored{Document: doc, Files: []Stat{st}})
	case own >= 0:
		outcome = Unchanged
		existing.Files[own] = st
		err = w.index(existing)
	default:
		holder = copyID(doc.ID, path)
		if outcome = Duplicate; oldID == holder {
			outcome = Unchanged
		}
		err = w.indexCopy(doc.ID, st)
	}
	if err != nil {
		return 0, err
	}
	if oldID != "" && oldID != holder {
		if _, err := w.dropPath(oldID, path); err != nil {
			return 0, err
		}
	}
	return outcome, w.maybeFlush()
}

// Remove forgets path: its document or copy record loses it, and a document is
// deleted when no path is left. It reports whether path was indexed, so a
// deletion is reported once. It sees the index with this run's flushed changes
// and the pending batch.
func (w *shard) Remove(path string) (bool, error) {
	r, err := snapshot(w.idx)
	if err != nil {
		return false, err
	}
	id, err := docWithPath(r, path)
	r.Close()
	if err != nil || id == "" {
		return false, err
	}
	dropped, err := w.dropPath(id, path)
	if err != nil || !dropped {
		return false, err
	}
	return true, w.maybeFlush()
}

// dropPath removes path from the record id that holds it: a copy record is
// deleted, a document loses the file. A document left without a path of its
// own or a copy is deleted. It reports whether the record held path.
func (w *shard) dropPath(id, path string) (bool, error) {
	if isCopy(id) {
		return w.dropCopy(id)
	}
	d, err := w.document(id)
	if err != nil || d == nil {
		return false, err
	}
	n := len(d.Files)
	d.Files = slices.DeleteFunc(d.Files, func(f Stat) bool { return f.Path == path })
	if len(d.Files) == n {
		return false, nil
	}
	if len(d.Files) == 0 {
		has, err := w.hasCopies(id)
		if err != nil {
			return false, err
		}
		if !has {
			w.batch.Delete(id)
			w.dropDoc(id)
			w.pendingDocs[id] = nil
			return true, nil
		}
	}
	return true, w.index(d)
}

func (w *shard) index(d *stored) error {
	slices.SortFunc(d.Files, func(a, b Stat) int { return strings.Compare(a.Path, b.Path) })
	d.Paths = d.Paths[:0]
	for _, f := range d.Files {
		d.Paths = append(d.Paths, f.Path)
	}
	w.pendingDocs[d.ID] = d
	doc, size := bleveDocument(d)
	if j, ok := w.docAt[d.ID]; ok {
		w.docs[j] = doc // the batch keeps the last version only
	} else {
		if w.docAt == nil {
			w.docAt = map[string]int{}
		}
		w.docAt[d.ID] = len(w.docs)
		w.docs = append(w.docs, doc)
	}
	if err := w.batch.IndexAdvanced(doc); err != nil {
		return fmt.Errorf("index document %s: %w", d.ID, err)
	}
	w.batchBytes += size
	return nil
}

// dropDoc forgets the document id the batch deletes: it is not analysed.
func (w *shard) dropDoc(id string) {
	if j, ok := w.docAt[id]; ok {
		w.docs[j] = nil
		delete(w.docAt, id)
	}
}

func (w *shard) maybeFlush() error {
	if w.batch.Size() < w.opt.BatchSize && w.batchBytes < w.opt.BatchBytes {
		return nil
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if w.opt.CheckpointEvery > 0 && !w.rebuilding() && time.Since(w.last) >= w.checkpointEvery() {
		return w.Checkpoint()
	}
	return nil
}

// checkpointEvery is how long to wait between checkpoints: the configured
// interval, stretched to 20 times what the last checkpoint took, so that
// checkpoints never cost more than 5 % of a run. A checkpoint neither closes
// the index nor stops its merges, and costs little (a new root.bolt, hard
// links), so the interval stays close to the configured one in long runs.
func (w *shard) checkpointEvery() time.Duration {
	return max(w.opt.CheckpointEvery, 20*w.lastCost)
}

// Flush writes the pending batch.
func (w *shard) Flush() error {
	if w.batch.Size() == 0 {
		return nil
	}
	w.docs = slices.DeleteFunc(w.docs, func(d *document.Document) bool { return d == nil })
	analyzeBatch(w.gate, w.docs)
	clear(w.docs)
	w.docs = w.docs[:0]
	clear(w.docAt)
	if err := w.idx.Batch(w.batch); err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	w.batch.Reset()
	w.batchBytes = 0
	w.pendingDocs = map[string]*stored{}
	w.pendingCopies = map[string]string{}
	w.dirty, w.wrote = true, true
	return nil
}

// Checkpoint publishes everything written so far, so searches see it, while
// the index stays open and its merges go on. It does nothing when nothing was
// written since the last publication, or while a published shard is rebuilt.
func (w *shard) Checkpoint() error {
	if err := w.Flush(); err != nil {
		return err
	}
	if !w.dirty || w.rebuilding() {
		return nil
	}
	start := time.Now()
	if err := w.publishCopy(); err != nil {
		return err
	}
	w.last = time.Now()
	w.lastCost = w.last.Sub(start)
	w.stats.Checkpoints++
	w.stats.Time += w.lastCost
	return nil
}

// publishCopy publishes a copy of the open index as the next generation.
func (w *shard) publishCopy() error {
	n := max(w.pub, lastGen(w.dir)) + 1
	gen := filepath.Join(w.dir, genName(n))
	st, err := copyGeneration(w.idx, w.work(), gen)
	if err == nil {
		err = share(gen)
	}
	if err == nil {
		err = publish(w.dir, n)
	}
	if err != nil {
		if c, _ := current(w.dir); c != n {
			_ = os.RemoveAll(gen)
		}
		return fmt.Errorf("publish index generation: %w", err)
	}
	w.pub, w.dirty = n, false
	w.stats.Linked += st.Linked
	w.stats.Copied += st.Copied
	return removeStale(w.dir, n)
}

// Close publishes everything written, after letting scorch finish its merges
// when settle is set, and releases the lock. A run that wrote nothing
// publishes nothing; a rebuilding shard publishes its whole new index, and an
// interrupted one (settle unset) nothing. The last publication is a copy too:
// it holds the newest snapshot alone, and only the segments it uses.
func (w *shard) Close(ctx context.Context, settle bool) error {
	if w.closed {
		return nil
	}
	err := w.Flush()
	if err == nil && settle && w.wrote {
		if err = w.settle(ctx); ctx.Err() != nil {
			err = nil // stopped while merging: publish as it is
		}
	}
	if err == nil && !settle && w.rebuilding() {
		w.Abort() // an interrupted rebuild keeps the last good generation
		return nil
	}
	if err == nil && w.wrote {
		w.dirty = true // the merges changed the layout
		err = w.publishCopy()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	w.snap.Close()
	if cerr := w.idx.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index: %w", cerr)
	}
	if rerr := os.RemoveAll(w.work()); err == nil && rerr != nil {
		err = fmt.Errorf("remove the working copy: %w", rerr)
	}
	w.lock.Close()
	return err
}

// settle lets scorch finish the merges its tiered policy wants before the
// generation is published: a run that stops while small segments wait leaves an
// index up to a third larger, and slower to search.
func (w *shard) settle(ctx context.Context) error {
	adv, err := w.idx.Advanced()
	if err != nil {
		return err
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		opts := mergeplan.DefaultMergePlanOptions
		if err := s.ForceMerge(ctx, &opts); err != nil {
			return fmt.Errorf("merge segments: %w", err)
		}
	}
	return nil
}

// Abort drops what was written since the last checkpoint and releases the lock.
func (w *shard) Abort() {
	if w.closed {
		return
	}
	w.closed = true
	w.snap.Close()
	_ = w.idx.Close()
	_ = os.RemoveAll(w.work())
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
