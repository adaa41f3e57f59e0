package integrity

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
)

// bbolt trusts its pages: its own consistency check (tx.Check) panics in a
// goroutine of its own, which no caller can recover, on a page whose element
// offsets point outside the file (seen with 64 flipped bytes in a leaf page).
// walkBolt checks the page structure first, with every offset bounds-checked,
// so that bolt only ever reads a file whose pages are sound.
//
// The layout (go.etcd.io/bbolt v1.4 internal/common, little-endian on the
// machines bolt runs on): a page is a 16-byte header — id u64, flags u16,
// count u16, overflow u32 — then count elements of 16 bytes; a branch element
// is pos u32, ksize u32, child pgid u64, a leaf element flags u32, pos u32,
// ksize u32, vsize u32, where pos counts from the element itself. Pages 0 and 1
// are metas: magic, version, page size, flags u32, root bucket (root pgid,
// sequence u64), freelist pgid, high-water pgid, txid, FNV-64a checksum u64.

const (
	boltHeader     = 16
	boltElem       = 16
	boltBranch     = 0x01
	boltLeaf       = 0x02
	boltMetaFlag   = 0x04
	boltFreelist   = 0x10
	boltBucketLeaf = 0x01
	boltMagic      = 0xED0CDAED
	boltMaxDepth   = 64
)

var le = binary.LittleEndian

type boltWalk struct {
	data     []byte
	pageSize int
	hwm      uint64 // pages below it are in use
	seen     map[uint64]bool
}

// walkBolt checks the pages of a bolt file held in data.
func walkBolt(data []byte) error {
	if len(data) < 2*boltHeader+64 {
		return fmt.Errorf("cut short: %d bytes", len(data))
	}
	// the meta bolt uses: valid, with the higher txid
	type meta struct {
		pageSize             int
		root, freelist, pgid uint64
		txid                 uint64
	}
	var best *meta
	var metaErrs []string
	for i := 0; i < 2; i++ {
		ps := 4096
		if i == 1 && best != nil {
			ps = best.pageSize
		} else if i == 1 {
			// page 1 sits one page in: learn the page size from page 0's field even if page 0 is bad
			ps = int(le.Uint32(data[boltHeader+8:]))
			if ps < 512 || ps > 1<<16 || ps&(ps-1) != 0 {
				ps = 4096
			}
		}
		off := i * ps
		if off+boltHeader+64 > len(data) {
			metaErrs = append(metaErrs, fmt.Sprintf("meta page %d: cut short", i))
			continue
		}
		m := data[off+boltHeader : off+boltHeader+64]
		h := fnv.New64a()
		h.Write(m[:56])
		switch {
		case le.Uint16(data[off+8:]) != boltMetaFlag:
			metaErrs = append(metaErrs, fmt.Sprintf("meta page %d: not a meta page", i))
			continue
		case le.Uint32(m) != boltMagic:
			metaErrs = append(metaErrs, fmt.Sprintf("meta page %d: bad magic", i))
			continue
		case le.Uint64(m[56:]) != h.Sum64():
			metaErrs = append(metaErrs, fmt.Sprintf("meta page %d: bad checksum", i))
			continue
		}
		cur := &meta{pageSize: int(le.Uint32(m[8:])), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
			pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
		if best == nil || cur.txid > best.txid {
			best = cur
		}
	}
	if best == nil {
		return fmt.Errorf("no valid meta page: %v", metaErrs)
	}
	w := &boltWalk{data: data, pageSize: best.pageSize, hwm: best.pgid, seen: map[uint64]bool{0: true, 1: true}}
	if w.pageSize < 512 || w.pageSize > 1<<16 {
		return fmt.Errorf("meta: page size %d", w.pageSize)
	}
	if need := int64(w.hwm) * int64(w.pageSize); int64(len(data)) < need {
		return fmt.Errorf("cut short: %d bytes, its pages need %d", len(data), need)
	}
	if best.freelist != 0xffffffffffffffff { // PgidNoFreelist
		if _, err := w.page(best.freelist, boltFreelist); err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
	}
	return w.tree(best.root, 0)
}

// page returns the bytes of page id (with its overflow pages), checking that it
// is in use, not met before, and of the given kind (a mask of flags).
func (w *boltWalk) page(id uint64, kinds uint16) ([]byte, error) {
	if id < 2 || id >= w.hwm {
		return nil, fmt.Errorf("page %d out of range [2, %d)", id, w.hwm)
	}
	off := int(id) * w.pageSize
	if off+boltHeader > len(w.data) {
		return nil, fmt.Errorf("page %d past the end of the file", id)
	}
	overflow := uint64(le.Uint32(w.data[off+12:]))
	if id+overflow >= w.hwm {
		return nil, fmt.Errorf("page %d: overflow %d past the high-water mark", id, overflow)
	}
	for p := id; p <= id+overflow; p++ {
		if w.seen[p] {
			return nil, fmt.Errorf("page %d reached twice", p)
		}
		w.seen[p] = true
	}
	b := w.data[off : off+int(overflow+1)*w.pageSize]
	if got := le.Uint64(b); got != id {
		return nil, fmt.Errorf("page %d: header says %d", id, got)
	}
	if le.Uint16(b[8:])&kinds == 0 {
		return nil, fmt.Errorf("page %d: flags %#x, want %#x", id, le.Uint16(b[8:]), kinds)
	}
	return b, nil
}

// tree checks the B+tree rooted at page id and every bucket under it.
func (w *boltWalk) tree(id uint64, depth int) error {
	if depth > boltMaxDepth {
		return fmt.Errorf("page %d: tree deeper than %d", id, boltMaxDepth)
	}
	b, err := w.page(id, boltBranch|boltLeaf)
	if err != nil {
		return err
	}
	return w.node(b, id, depth)
}

// node checks a branch or leaf page held in b (a page of the file, or an
// inline bucket's page inside a value).
func (w *boltWalk) node(b []byte, id uint64, depth int) error {
	if len(b) < boltHeader {
		return fmt.Errorf("page %d: cut short", id)
	}
	flags, count := le.Uint16(b[8:]), int(le.Uint16(b[10:]))
	if boltHeader+count*boltElem > len(b) {
		return fmt.Errorf("page %d: %d elements do not fit", id, count)
	}
	var prev []byte
	for i := 0; i < count; i++ {
		e := boltHeader + i*boltElem
		var pos, ksize, vsize int
		var child uint64
		var eflags uint32
		if flags&boltBranch != 0 {
			pos, ksize, child = int(le.Uint32(b[e:])), int(le.Uint32(b[e+4:])), le.Uint64(b[e+8:])
		} else if flags&boltLeaf != 0 {
			eflags, pos, ksize, vsize = le.Uint32(b[e:]), int(le.Uint32(b[e+4:])), int(le.Uint32(b[e+8:])), int(le.Uint32(b[e+12:]))
		} else {
			return fmt.Errorf("page %d: flags %#x, not a branch or leaf", id, flags)
		}
		start := e + pos
		if pos < 0 || ksize < 0 || vsize < 0 || start < e || start+ksize+vsize > len(b) || start+ksize+vsize < start {
			return fmt.Errorf("page %d: element %d points outside the page", id, i)
		}
		key := b[start : start+ksize]
		if prev != nil && bytes.Compare(prev, key) >= 0 {
			return fmt.Errorf("page %d: keys out of order at element %d", id, i)
		}
		prev = key
		if flags&boltBranch != 0 {
			if err := w.tree(child, depth+1); err != nil {
				return err
			}
			continue
		}
		if eflags&boltBucketLeaf == 0 {
			continue
		}
		val := b[start+ksize : start+ksize+vsize]
		if len(val) < 16 {
			return fmt.Errorf("page %d: bucket %q has a %d-byte header", id, key, len(val))
		}
		if root := le.Uint64(val); root != 0 {
			if err := w.tree(root, depth+1); err != nil {
				return err
			}
		} else if err := w.node(val[16:], id, depth+1); err != nil { // inline bucket
			return err
		}
	}
	return nil
}
