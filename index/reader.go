package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Reader reads the last published generation of an index: its documents,
// manifest and statistics; the search package runs queries over it. It never
// waits on a writer: published generations are never written again.
type Reader struct {
	dir    string
	gen    int         // the newest generation over the shards
	idx    bleve.Index // the one shard's index, or an alias over the shards' indexes
	shards []readShard // one per shard; an index that is not sharded has one
	langs  []string
	format int // the oldest format version of the shards
}

// readShard is one shard's published generation.
type readShard struct {
	dir    string
	gen    int
	idx    bleve.Index
	format int
}

// Open opens the index in dir for reading; a sharded index is read through a
// bleve IndexAlias over its shards.
func Open(dir string) (*Reader, error) {
	n, err := shardCount(dir)
	if err != nil {
		return nil, err
	}
	r := &Reader{dir: dir}
	dirs := []string{dir}
	if n > 1 {
		dirs = dirs[:0]
		for i := 0; i < n; i++ {
			dirs = append(dirs, shardDir(dir, i))
		}
	}
	idxs := make([]bleve.Index, 0, len(dirs))
	r.format = FormatVersion
	for _, d := range dirs {
		s, err := openShardReader(d)
		if err != nil {
			r.Close()
			return nil, err
		}
		r.shards = append(r.shards, s)
		idxs = append(idxs, s.idx)
		r.gen = max(r.gen, s.gen)
		r.format = min(r.format, s.format)
	}
	if len(idxs) == 1 {
		r.idx = idxs[0]
	} else {
		r.idx = bleve.NewIndexAlias(idxs...)
	}
	if r.langs, err = r.terms(FieldLang); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// openShardReader opens the published generation of one index folder.
func openShardReader(dir string) (readShard, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		gen, err := current(dir)
		if err != nil {
			return readShard{}, err
		}
		if gen == 0 {
			return readShard{}, fmt.Errorf("%w in %s: run 'partynews index' first", ErrNoIndex, dir)
		}
		path := filepath.Join(dir, genName(gen))
		before := damageLines.Load()
		idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true, "bolt_timeout": "1s"})
		if err == nil && damageLines.Load() != before {
			// scorch skipped the snapshot it could not load: it would serve
			// an older state, or none
			idx.Close()
			return readShard{}, &DamagedError{Gen: path, Err: errors.New("a snapshot could not be loaded")}
		}
		if err == nil {
			v := formatOf(idx)
			if v < analysisVersion {
				warnOutdated(dir, v)
			}
			if v > FormatVersion {
				warnNewer(dir, v)
			}
			return readShard{dir: dir, gen: gen, idx: idx, format: v}, nil
		}
		// A writer may have just published a newer generation and removed this one.
		lastErr = err
		if _, statErr := os.Stat(path); statErr == nil {
			if damaged(err) {
				return readShard{}, &DamagedError{Gen: path, Err: err}
			}
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return readShard{}, fmt.Errorf("open index %s: %w", dir, lastErr)
}

// damaged reports whether an open error of a generation that exists means its
// files are damaged. scorch opens an empty index when it cannot load the only
// snapshot, and bleve then misses the mapping it keeps in it.
func damaged(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "error parsing mapping JSON") ||
		strings.Contains(msg, "unexpected end of JSON input") ||
		strings.Contains(msg, "invalid database") ||
		strings.Contains(msg, "checksum")
}

// Warn reports a problem that does not stop a search (an outdated index) to
// the user; by default one line on stderr. Tests and servers replace it.
var Warn = func(msg string) { fmt.Fprintln(os.Stderr, "partynews: warning: "+msg) }

var outdatedOnce sync.Once

// warnOutdated warns, once per process, that the index predates this
// version's analysis: searches still answer, but miss words.
func warnOutdated(dir string, v int) {
	outdatedOnce.Do(func() {
		Warn(fmt.Sprintf("the index in %s was built by an older partynews (index format %d, this version reads %d): some words are not found until it is rebuilt with \"partynews index --rebuild PATH...\"", dir, v, FormatVersion))
	})
}

var newerOnce sync.Once

// warnNewer warns, once per process, that the index was written by a newer
// partynews, whose fields this version may read wrongly.
func warnNewer(dir string, v int) {
	newerOnce.Do(func() {
		Warn(fmt.Sprintf("the index in %s was written by a newer partynews (index format %d, this version reads up to %d): some searches may miss documents until partynews is upgraded", dir, v, FormatVersion))
	})
}

// Close releases the index.
func (r *Reader) Close() error {
	var err error
	for _, s := range r.shards {
		if e := s.idx.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Bleve is the bleve index the searches run on: the index itself, or an alias
// over the shards.
func (r *Reader) Bleve() bleve.Index { return r.idx }

// Sharded reports whether the index is split in shards.
func (r *Reader) Sharded() bool { return len(r.shards) > 1 }

// Snapshot returns a reader over the index's state, for searches that walk
// the matches themselves; the caller closes it. Only for an index that is not
// sharded.
func (r *Reader) Snapshot() (index.IndexReader, error) {
	if r.Sharded() {
		return nil, fmt.Errorf("snapshot of a sharded index %s", r.dir)
	}
	return snapshot(r.idx)
}

// Languages are the languages of the indexed documents.
func (r *Reader) Languages() []string { return r.langs }

// terms returns every term of field over the shards, in order.
func (r *Reader) terms(field string) ([]string, error) {
	var all []string
	for _, s := range r.shards {
		t, err := fieldTerms(s.idx, field)
		if err != nil {
			return nil, err
		}
		all = append(all, t...)
	}
	if len(r.shards) > 1 {
		sort.Strings(all)
		all = slices.Compact(all)
	}
	return all, nil
}

func fieldTerms(idx bleve.Index, field string) ([]string, error) {
	dict, err := idx.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var out []string
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		out = append(out, e.Term)
	}
}

// Count returns the number of documents: every document has a language, and
// copy records (copies.go), which bleve counts too, have none.
func (r *Reader) Count() (uint64, error) {
	langs, err := r.LangCounts()
	return sumCounts(langs), err
}

func sumCounts(m map[string]uint64) uint64 {
	var n uint64
	for _, c := range m {
		n += c
	}
	return n
}

// LangCounts returns documents per language: the article count of each term
// of FieldLang, over the shards.
func (r *Reader) LangCounts() (map[string]uint64, error) {
	out := map[string]uint64{}
	for _, s := range r.shards {
		ir, err := snapshot(s.idx)
		if err != nil {
			return nil, err
		}
		for _, l := range r.langs {
			c, err := termCount(ir, FieldLang, l)
			if err != nil {
				ir.Close()
				return nil, err
			}
			out[l] += c
		}
		ir.Close()
	}
	return out, nil
}

// Size returns the bytes the published generation takes on disk.
func (r *Reader) Size() (int64, error) {
	var n int64
	for _, s := range r.shards {
		err := filepath.Walk(filepath.Join(s.dir, genName(s.gen)), func(_ string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				n += info.Size()
			}
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// Document returns the stored document with id, with the paths of its
// copies, or nil.
func (r *Reader) Document(id string) (*Document, error) {
	if isCopy(id) {
		return nil, nil
	}
	for _, s := range r.shards {
		if d, err := loadSource(s.idx, id); err != nil || d != nil {
			if err == nil {
				err = r.complete(d)
			}
			return d, err
		}
	}
	return nil, nil
}

// DocumentByPath returns the document that holds the file at path, or nil.
func (r *Reader) DocumentByPath(path string) (*Document, error) {
	req := bleve.NewSearchRequestOptions(TermQuery(FieldPath, path), 1, 0, false)
	req.Fields = []string{FieldSource}
	res, err := r.idx.Search(req)
	if err != nil || len(res.Hits) == 0 {
		return nil, err
	}
	if owner, _, ok := parseCopyID(res.Hits[0].ID); ok {
		return r.Document(owner)
	}
	src, _ := res.Hits[0].Fields[FieldSource].(string)
	return r.HitDocument(src)
}

// HitDocument decodes the stored FieldSource of a search hit into its
// document, lead, body and captions restored and the paths of its copies
// added.
func (r *Reader) HitDocument(src string) (*Document, error) {
	d, err := decodeSource(src)
	if err == nil {
		err = r.complete(d)
	}
	return d, err
}

// complete adds the paths of d's copy records to its own.
func (r *Reader) complete(d *Document) error {
	for _, s := range r.shards {
		ir, err := snapshot(s.idx)
		if err != nil {
			return err
		}
		err = withCopies(ir, d)
		ir.Close()
		if err != nil {
			return fmt.Errorf("copies of %s: %w", d.ID, err)
		}
	}
	return nil
}

// Files returns the manifest: one "path\x1fsize\x1fmtime" entry per indexed
// file, in lexical order.
func (r *Reader) Files() ([]string, error) { return r.terms(FieldFile) }

// Each calls fn with every stored document, shard by shard in index order.
func (r *Reader) Each(ctx context.Context, fn func(*Document) error) error {
	for _, s := range r.shards {
		if err := eachDocument(ctx, s.idx, fn); err != nil {
			return err
		}
	}
	return nil
}

func eachDocument(ctx context.Context, idx bleve.Index, fn func(*Document) error) error {
	ir, err := snapshot(idx)
	if err != nil {
		return err
	}
	defer ir.Close()
	all, err := ir.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer all.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		id, err := all.Next()
		if err != nil || id == nil {
			return err
		}
		ext, err := ir.ExternalID(id)
		if err != nil {
			return err
		}
		if isCopy(ext) {
			continue // its path is its document's
		}
		d, err := loadSource(idx, ext)
		if err == nil && d != nil {
			err = withCopies(ir, d)
		}
		if err != nil {
			return fmt.Errorf("document %s: %w", ext, err)
		}
		if d != nil {
			if err := fn(d); err != nil {
				return err
			}
		}
	}
}

// Stats summarises an index.
type Stats struct {
	Documents  uint64            `json:"documents"`
	Languages  map[string]uint64 `json:"languages"`
	SizeBytes  int64             `json:"size_bytes"`
	Generation int               `json:"generation"`
	Dir        string            `json:"dir"`
}

// Stats returns the index's summary.
func (r *Reader) Stats() (Stats, error) {
	langs, err := r.LangCounts()
	if err != nil {
		return Stats{}, err
	}
	size, err := r.Size()
	if err != nil {
		return Stats{}, err
	}
	return Stats{Documents: sumCounts(langs), Languages: langs, SizeBytes: size, Generation: r.gen, Dir: r.dir}, nil
}

// SortedLangs returns the keys of a language count map, most documents first.
func SortedLangs(m map[string]uint64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// TermQuery is a bleve term query on field.
func TermQuery(field, term string) query.Query {
	t := query.NewTermQuery(term)
	t.SetField(field)
	return t
}

// snapshot returns a reader over idx's current state; the caller closes it.
func snapshot(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}
