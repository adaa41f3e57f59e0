package index

import (
	"encoding/json"
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
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/partynews/partynews/pipeline"
)

// Entry is the manifest's record of one file: the document it holds and the size
// and modification time it had when read. Entries live in the index's internal
// storage, written in the same batch as the documents they describe.
type Entry struct {
	ID      string `json:"id"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // Unix nanoseconds
}

// Outcome is what Put did with a file.
type Outcome int

// Outcomes of Put.
const (
	Indexed   Outcome = iota // a new document
	Unchanged                // same content as the manifest says (only its stat changed)
	Duplicate                // the same text as a document already indexed from another path
)

const manifestPrefix = "m\x00"

func manifestKey(path string) []byte { return []byte(manifestPrefix + path) }

// WriterOptions tunes a Writer.
type WriterOptions struct {
	BatchSize       int           // documents per bleve batch (default 256)
	CheckpointEvery time.Duration // publish a generation this often (default 30 s; <0: only at Close)
	LockWait        time.Duration // how long to wait for another writer (default 0: fail at once)
}

// Writer adds documents to an index. One Writer per index folder at a time,
// enforced by a lock; searches are never blocked by it. Not safe for concurrent
// use, except Lookup, which may run beside Put.
type Writer struct {
	dir  string
	opt  WriterOptions
	lock *os.File
	gen  int

	mu   sync.RWMutex // guards idx swaps at checkpoints, and pendingManifest
	idx  bleve.Index
	last time.Time

	batch           *bleve.Batch
	pendingDocs     map[string]*pipeline.Document // id → document in this batch; nil: deleted
	pendingManifest map[string]*Entry             // path → entry in this batch; nil: deleted
}

// OpenWriter opens (creating if needed) the index in dir for writing.
func OpenWriter(dir string, opt WriterOptions) (*Writer, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 256
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
	w := &Writer{dir: dir, opt: opt, lock: lock}
	if err := w.start(); err != nil {
		lock.Close()
		return nil, err
	}
	return w, nil
}

// start clears stale generations and opens a new working generation. The caller
// holds w.mu or is the only user of w.
func (w *Writer) start() error {
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
	} else {
		if err = cloneGen(filepath.Join(w.dir, genName(cur)), path); err == nil {
			idx, err = bleve.Open(path)
		}
	}
	if err != nil {
		_ = os.RemoveAll(path)
		return fmt.Errorf("open index generation %s: %w", path, err)
	}
	w.idx = idx
	w.batch = idx.NewBatch()
	w.pendingDocs = map[string]*pipeline.Document{}
	w.pendingManifest = map[string]*Entry{}
	w.last = time.Now()
	return nil
}

// Lookup returns the manifest entry of path.
func (w *Writer) Lookup(path string) (Entry, bool, error) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if e, ok := w.pendingManifest[path]; ok {
		if e == nil {
			return Entry{}, false, nil
		}
		return *e, true, nil
	}
	b, err := w.idx.GetInternal(manifestKey(path))
	if err != nil || b == nil {
		return Entry{}, false, err
	}
	var e Entry
	if err := json.Unmarshal(b, &e); err != nil {
		return Entry{}, false, fmt.Errorf("manifest entry of %s: %w", path, err)
	}
	return e, true, nil
}

// Touch records a new stat for a file whose content is unchanged.
func (w *Writer) Touch(path string, e Entry) error {
	return w.setManifest(path, &e)
}

func (w *Writer) setManifest(path string, e *Entry) error {
	w.mu.Lock()
	w.pendingManifest[path] = e
	w.mu.Unlock()
	if e == nil {
		w.batch.DeleteInternal(manifestKey(path))
	} else {
		b, _ := json.Marshal(e)
		w.batch.SetInternal(manifestKey(path), b)
	}
	return w.maybeFlush()
}

// document returns the indexed (or pending) document with id, nil if none.
func (w *Writer) document(id string) (*pipeline.Document, error) {
	if d, ok := w.pendingDocs[id]; ok {
		return d, nil
	}
	d, err := loadSource(w.idx, id)
	if err != nil {
		return nil, fmt.Errorf("read document %s: %w", id, err)
	}
	return d, nil
}

// Put indexes the document read from path (doc.Paths is ignored) with its file
// stat, keeping the manifest and the documents' path lists consistent.
func (w *Writer) Put(path string, doc pipeline.Document, size int64, mtime time.Time) (Outcome, error) {
	old, hadOld, err := w.Lookup(path)
	if err != nil {
		return 0, err
	}
	entry := &Entry{ID: doc.ID, Size: size, ModTime: mtime.UnixNano()}
	existing, err := w.document(doc.ID)
	if err != nil {
		return 0, err
	}
	outcome := Indexed
	switch {
	case existing != nil && slices.Contains(existing.Paths, path):
		outcome = Unchanged
	case existing != nil:
		existing.Paths = append(existing.Paths, path)
		slices.Sort(existing.Paths)
		if err := w.index(existing); err != nil {
			return 0, err
		}
		outcome = Duplicate
	default:
		doc.Paths = []string{path}
		if err := w.index(&doc); err != nil {
			return 0, err
		}
	}
	if hadOld && old.ID != doc.ID {
		if err := w.dropPath(old.ID, path); err != nil {
			return 0, err
		}
	}
	return outcome, w.setManifest(path, entry)
}

// Remove forgets path: its manifest entry goes, and its document loses the path
// (and is deleted when no path is left). It reports whether path was indexed.
func (w *Writer) Remove(path string) (bool, error) {
	e, ok, err := w.Lookup(path)
	if err != nil || !ok {
		return false, err
	}
	if err := w.dropPath(e.ID, path); err != nil {
		return false, err
	}
	return true, w.setManifest(path, nil)
}

func (w *Writer) dropPath(id, path string) error {
	d, err := w.document(id)
	if err != nil || d == nil {
		return err
	}
	d.Paths = slices.DeleteFunc(d.Paths, func(p string) bool { return p == path })
	if len(d.Paths) == 0 {
		w.batch.Delete(id)
		w.pendingDocs[id] = nil
		return nil
	}
	return w.index(d)
}

func (w *Writer) index(d *pipeline.Document) error {
	w.pendingDocs[d.ID] = d
	if err := w.batch.Index(d.ID, toBleve(d)); err != nil {
		return fmt.Errorf("index document %s: %w", d.ID, err)
	}
	return nil
}

func (w *Writer) maybeFlush() error {
	if w.batch.Size() < w.opt.BatchSize {
		return nil
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if w.opt.CheckpointEvery > 0 && time.Since(w.last) >= w.opt.CheckpointEvery {
		return w.Checkpoint()
	}
	return nil
}

// Flush writes the pending batch (documents and their manifest entries together).
func (w *Writer) Flush() error {
	if w.batch.Size() == 0 && w.batch.TotalDocsSize() == 0 && len(w.pendingManifest) == 0 {
		return nil
	}
	if err := w.idx.Batch(w.batch); err != nil {
		return fmt.Errorf("write batch: %w", err)
	}
	w.batch.Reset()
	w.mu.Lock()
	w.pendingManifest = map[string]*Entry{}
	w.mu.Unlock()
	w.pendingDocs = map[string]*pipeline.Document{}
	return nil
}

// Checkpoint publishes everything written so far, so searches see it, and
// continues in a new generation.
func (w *Writer) Checkpoint() error {
	if err := w.Flush(); err != nil {
		return err
	}
	w.mu.Lock() // Lookup must not use the index while it is swapped
	defer w.mu.Unlock()
	if err := w.commit(); err != nil {
		return err
	}
	return w.start()
}

// commit closes and publishes the working generation; the batch is flushed.
func (w *Writer) commit() error {
	if err := w.idx.Close(); err != nil {
		return fmt.Errorf("close index generation: %w", err)
	}
	if err := publish(w.dir, w.gen); err != nil {
		return fmt.Errorf("publish index generation: %w", err)
	}
	return removeStale(w.dir, w.gen)
}

// Close publishes everything written and releases the lock.
func (w *Writer) Close() error {
	err := w.Flush()
	if err == nil {
		w.mu.Lock()
		err = w.commit()
		w.mu.Unlock()
	} else {
		_ = w.idx.Close()
	}
	w.lock.Close()
	return err
}

// Abort drops what was written since the last checkpoint and releases the lock.
func (w *Writer) Abort() {
	_ = w.idx.Close()
	_ = os.RemoveAll(filepath.Join(w.dir, genName(w.gen)))
	w.lock.Close()
}

// Paths calls fn with every path that some document holds, in lexical order.
// Pending changes are flushed first.
func (w *Writer) Paths(fn func(path string) error) error {
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

// loadSource returns the stored document with id, nil if none.
func loadSource(idx bleve.Index, id string) (*pipeline.Document, error) {
	d, err := idx.Document(id)
	if err != nil || d == nil {
		return nil, err
	}
	var raw []byte
	d.VisitFields(func(f index.Field) {
		if f.Name() == FieldSource {
			raw = append([]byte(nil), f.Value()...)
		}
	})
	if raw == nil {
		return nil, errors.New("no stored source")
	}
	return decodeSource(string(raw))
}

func decodeSource(src string) (*pipeline.Document, error) {
	var doc pipeline.Document
	if err := json.Unmarshal([]byte(src), &doc); err != nil {
		return nil, fmt.Errorf("stored source: %w", err)
	}
	return &doc, nil
}

// toBleve maps a document to the fields of the index mapping.
func toBleve(d *pipeline.Document) map[string]interface{} {
	src, _ := json.Marshal(d)
	body := d.Body
	if len(d.Captions) > 0 {
		body += "\n" + strings.Join(d.Captions, "\n")
	}
	if d.Byline != "" {
		body += "\n" + d.Byline
	}
	m := map[string]interface{}{
		FieldLang:         d.Lang,
		FieldPath:         d.Paths,
		LeadField(d.Lang): d.Lead,
		BodyField(d.Lang): body,
		FieldSource:       string(src),
	}
	if d.SourceURL != "" {
		m[FieldSourceURL] = d.SourceURL
	}
	var persons, keys, docs, dates, monthdays, units []string
	var times []time.Time
	var figures []float64
	for _, e := range d.Entities {
		switch e.Type {
		case "person":
			persons = append(persons, strings.ToLower(e.Text))
			if e.Key != "" {
				keys = append(keys, e.Key)
			}
		case "document":
			docs = append(docs, e.Value)
		case "date":
			dates = append(dates, e.Value)
			if len(e.Value) >= 5 {
				monthdays = append(monthdays, "--"+e.Value[len(e.Value)-5:])
			}
			if t, err := time.Parse("2006-01-02", e.Value); err == nil {
				times = append(times, t)
			}
		case "figure":
			if f, err := strconv.ParseFloat(e.Value, 64); err == nil {
				figures = append(figures, f)
			}
			if e.Unit != "" {
				units = append(units, e.Unit)
			}
		}
	}
	set := func(name string, v []string) {
		if len(v) > 0 {
			m[name] = dedupe(v)
		}
	}
	set(FieldPerson, persons)
	set(FieldPersonKey, keys)
	set(FieldDocument, docs)
	set(FieldDate, dates)
	set(FieldMonthDay, monthdays)
	set(FieldUnit, units)
	if len(times) > 0 {
		m[FieldDateTime] = times
	}
	if len(figures) > 0 {
		m[FieldFigure] = figures
	}
	return m
}

func dedupe(v []string) []string {
	slices.Sort(v)
	return slices.Compact(v)
}
