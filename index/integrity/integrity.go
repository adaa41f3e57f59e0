// Package integrity verifies a published partynews index without opening it with
// bleve: every zap segment the scorch root references is present and whole (its
// footer CRC-32 matches its content), root.bolt passes bbolt's consistency check,
// and index_meta.json parses. It reads the files only, never writes, so it can
// run beside a writer and beside searches.
//
// The article files are the truth and an index can always be rebuilt from them;
// this package only names what is damaged so the caller can say so and rebuild.
package integrity

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Problem is one damaged or missing file.
type Problem struct {
	Path   string // the file (or folder) concerned
	Reason string
}

func (p Problem) String() string { return p.Path + ": " + p.Reason }

// Stats says what a check read.
type Stats struct {
	Generations int   // generations checked
	Segments    int   // segment files checked
	Files       int   // files read, segments included
	Bytes       int64 // bytes read
}

func (s *Stats) add(o Stats) {
	s.Generations += o.Generations
	s.Segments += o.Segments
	s.Files += o.Files
	s.Bytes += o.Bytes
}

// Layout names, as partynews and bleve write them.
const (
	currentFile = "CURRENT" // DIR/CURRENT names the published generation
	shardsFile  = "SHARDS"  // DIR/SHARDS holds the shard count of a sharded index
	metaFile    = "index_meta.json"
	storeDir    = "store"
	rootFile    = "root.bolt"
	segmentExt  = ".zap"
	zapTrailer  = 8 // version (uint32) then CRC-32 (uint32), big-endian, at the end of every zap v11+ file
)

// Bolt keys of scorch's root (bleve/v2/util/keys.go).
var (
	boltSnapshots = []byte{'s'}
	boltPath      = []byte{'p'}
	boltInternal  = byte('i')
	boltMeta      = byte('m')
	boltMetaType  = []byte("type")
	boltMetaVer   = []byte("version")
)

// CheckIndex verifies what the searches of the index folder dir read: the
// generation CURRENT names, in every shard of a sharded index. An index with no
// published generation is reported as a problem. The error is for failures of
// the check itself (dir unreadable), not for damage.
func CheckIndex(dir string) ([]Problem, Stats, error) {
	shards, err := shardDirs(dir)
	if err != nil {
		return nil, Stats{}, err
	}
	var probs []Problem
	var st Stats
	for _, sd := range shards {
		gen, p := currentGen(sd)
		if p != nil {
			probs = append(probs, *p)
			continue
		}
		ps, s := CheckGeneration(gen)
		probs = append(probs, ps...)
		st.add(s)
	}
	return probs, st, nil
}

// PublishedGenerations returns the generation folders that searches of dir read
// (one per shard), without checking them.
func PublishedGenerations(dir string) ([]string, error) {
	shards, err := shardDirs(dir)
	if err != nil {
		return nil, err
	}
	var gens []string
	for _, sd := range shards {
		gen, p := currentGen(sd)
		if p != nil {
			return nil, errors.New(p.String())
		}
		gens = append(gens, gen)
	}
	return gens, nil
}

func shardDirs(dir string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, shardsFile))
	if errors.Is(err, os.ErrNotExist) {
		return []string{dir}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read shard count: %w", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || n < 1 || n > 256 {
		return nil, fmt.Errorf("%s: corrupt %s file %q", dir, shardsFile, b)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = filepath.Join(dir, fmt.Sprintf("shard-%02d", i))
	}
	return out, nil
}

func currentGen(dir string) (string, *Problem) {
	path := filepath.Join(dir, currentFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return "", &Problem{path, fmt.Sprintf("no published generation: %v", err)}
	}
	name := strings.TrimSpace(string(b))
	if n, err := strconv.Atoi(strings.TrimPrefix(name, "gen-")); !strings.HasPrefix(name, "gen-") || err != nil || n <= 0 {
		return "", &Problem{path, fmt.Sprintf("does not name a generation: %q", b)}
	}
	return filepath.Join(dir, name), nil
}

// CheckGeneration verifies one bleve scorch index folder (a generation):
// index_meta.json, store/root.bolt and every segment the newest snapshot of the
// root references. It returns the problems found, each naming a file, and what
// it read. A clean generation returns no problem.
func CheckGeneration(gen string) ([]Problem, Stats) {
	var probs []Problem
	st := Stats{Generations: 1}
	add := func(path, format string, a ...any) {
		probs = append(probs, Problem{path, fmt.Sprintf(format, a...)})
	}

	meta := filepath.Join(gen, metaFile)
	if b, err := os.ReadFile(meta); err != nil {
		add(meta, "unreadable: %v", err)
	} else {
		st.Files++
		st.Bytes += int64(len(b))
		if err := checkMeta(b); err != nil {
			add(meta, "%v", err)
		}
	}

	store := filepath.Join(gen, storeDir)
	root := filepath.Join(store, rootFile)
	segs, rootBytes, err := checkRoot(root)
	st.Files++
	st.Bytes += rootBytes
	if err != nil {
		add(root, "%v", err)
		return probs, st
	}
	for _, s := range segs {
		path := filepath.Join(store, s.path)
		n, err := checkSegment(path, s.version)
		st.Segments++
		st.Files++
		st.Bytes += n
		if err != nil {
			add(path, "%v", err)
		}
	}
	return probs, st
}

type segRef struct {
	path    string
	kind    string
	version uint32
}

// checkRoot opens root.bolt read-only, runs bbolt's consistency check and lists
// the segments of the newest snapshot, the one scorch serves.
func checkRoot(path string) (segs []segRef, size int64, err error) {
	defer func() {
		// bolt trusts its pages: damaged ones can make it panic (in this
		// goroutine; its Check goroutine reports errors instead)
		if r := recover(); r != nil {
			segs, err = nil, fmt.Errorf("damaged bolt file: %v", r)
		}
	}()
	fi, err := os.Stat(path)
	if err != nil {
		return nil, 0, fmt.Errorf("missing: %w", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("unreadable: %w", err)
	}
	if err := walkBolt(data); err != nil {
		return nil, fi.Size(), fmt.Errorf("damaged bolt file: %w", err)
	}
	db, err := bolt.Open(path, 0o444, &bolt.Options{ReadOnly: true, Timeout: time.Second,
		// bolt adds O_CREATE: never create, never write
		OpenFile: func(name string, _ int, _ os.FileMode) (*os.File, error) { return os.Open(name) }})
	if err != nil {
		return nil, 0, fmt.Errorf("cannot open (damaged bolt file?): %w", err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		// Reading a page past the end of the file would fault (SIGBUS) through
		// bolt's mmap: compare sizes before anything else reads a page.
		if need := tx.Size(); fi.Size() < need {
			return fmt.Errorf("cut short: %d bytes, its pages need %d", fi.Size(), need)
		}
		if ps := int64(db.Info().PageSize); ps > 0 && fi.Size()%ps != 0 {
			return fmt.Errorf("cut short: %d bytes is not a whole number of %d-byte pages", fi.Size(), ps)
		}
		var errs []error
		for err := range tx.Check() { // drained to the end: the check's goroutine uses tx
			if len(errs) < 5 {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("bolt consistency check: %w", errors.Join(errs...))
		}
		snaps := tx.Bucket(boltSnapshots)
		if snaps == nil {
			return errors.New("no snapshot bucket")
		}
		k, _ := snaps.Cursor().Last()
		if k == nil {
			return errors.New("no snapshot")
		}
		snap := snaps.Bucket(k)
		if snap == nil {
			return fmt.Errorf("snapshot %x is not a bucket", k)
		}
		var kind string
		var ver uint32
		if m := snap.Bucket([]byte{boltMeta}); m != nil {
			kind = string(m.Get(boltMetaType))
			if v := m.Get(boltMetaVer); len(v) == 4 {
				ver = binary.BigEndian.Uint32(v)
			}
		} else {
			return fmt.Errorf("snapshot %x has no meta-data bucket", k)
		}
		if kind != "zap" {
			return fmt.Errorf("snapshot %x: segment type %q, not zap", k, kind)
		}
		c := snap.Cursor()
		for sk, _ := c.First(); sk != nil; sk, _ = c.Next() {
			if sk[0] == boltInternal || sk[0] == boltMeta {
				continue
			}
			b := snap.Bucket(sk)
			if b == nil {
				return fmt.Errorf("snapshot %x: segment key %x is not a bucket", k, sk)
			}
			p := b.Get(boltPath)
			if len(p) == 0 || strings.ContainsAny(string(p), `/\`) {
				return fmt.Errorf("snapshot %x: segment %x has a bad path %q", k, sk, p)
			}
			segs = append(segs, segRef{path: string(p), kind: kind, version: ver})
		}
		return nil
	})
	sort.Slice(segs, func(i, j int) bool { return segs[i].path < segs[j].path })
	return segs, fi.Size(), err
}

// CheckSegment verifies one zap segment file: it is long enough to hold a
// footer, and the CRC-32 (IEEE) its last four bytes carry matches everything
// before them. Zap v11 to v17 all end with the version then that CRC, both
// big-endian uint32. It returns the bytes read.
func CheckSegment(path string) (int64, error) { return checkSegment(path, 0) }

// checkSegment is CheckSegment, also requiring zap version wantVer unless 0.
func checkSegment(path string, wantVer uint32) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("missing or unreadable: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	size := fi.Size()
	if size < zapTrailer+4 {
		return 0, fmt.Errorf("cut short: %d bytes, too small for a segment", size)
	}
	var trailer [zapTrailer]byte
	if _, err := f.ReadAt(trailer[:], size-zapTrailer); err != nil {
		return 0, fmt.Errorf("read footer: %w", err)
	}
	h := crc32.NewIEEE()
	n, err := io.CopyBuffer(h, io.LimitReader(f, size-4), make([]byte, 1<<20))
	n += zapTrailer
	if err != nil {
		return n, fmt.Errorf("read: %w", err)
	}
	ver := binary.BigEndian.Uint32(trailer[:4])
	want := binary.BigEndian.Uint32(trailer[4:])
	if got := h.Sum32(); got != want {
		if ver < 11 || ver > 99 {
			return n, fmt.Errorf("cut short or damaged: no zap footer at the end (content CRC-32 %08x, footer says %08x)", got, want)
		}
		return n, fmt.Errorf("damaged: content CRC-32 %08x, footer says %08x", got, want)
	}
	if wantVer != 0 && ver != wantVer {
		return n, fmt.Errorf("zap version %d, the root says %d", ver, wantVer)
	}
	return n, nil
}

// checkMeta checks index_meta.json as bleve v2.6 writes it: the JSON, then the
// file writer id and its length (big-endian uint32); partynews uses no file
// writer, so the id is empty and the trailer four zero bytes.
func checkMeta(b []byte) error {
	var m struct {
		Storage string `json:"storage"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		if len(b) < 4 {
			return fmt.Errorf("cut short: %d bytes", len(b))
		}
		idLen := binary.BigEndian.Uint32(b[len(b)-4:])
		if idLen != 0 {
			return fmt.Errorf("damaged, or written through a file writer this check cannot read (id length %d)", idLen)
		}
		if err := json.Unmarshal(b[:len(b)-4], &m); err != nil {
			return fmt.Errorf("damaged: not valid JSON: %v", err)
		}
	}
	if m.Storage != "scorch" {
		return fmt.Errorf("index storage %q, not scorch", m.Storage)
	}
	return nil
}
