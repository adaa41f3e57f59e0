package index

import (
	"cmp"
	"hash/maphash"
	"slices"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// fileSetAfter is how many files a run asks about one lookup at a time before
// Unchanged reads every file term once: a run over a few files of a large
// index should not read a million terms, and a no-op run over a million files
// should not look each up in every segment (at a million articles and 22
// segments those lookups were two thirds of a no-op run).
const fileSetAfter = 4096

// fileSet is the set of the file terms (fileTerm) that a live document or copy
// record of a snapshot holds, as 128-bit hashes in order.
type fileSet struct {
	seeds [2]maphash.Seed
	keys  []fileKey
}

type fileKey struct{ a, b uint64 }

func (s *fileSet) key(term string) fileKey {
	return fileKey{maphash.String(s.seeds[0], term), maphash.String(s.seeds[1], term)}
}

func (s *fileSet) has(term string) bool {
	_, ok := slices.BinarySearchFunc(s.keys, s.key(term), compareFileKeys)
	return ok
}

func compareFileKeys(x, y fileKey) int {
	if c := cmp.Compare(x.a, y.a); c != 0 {
		return c
	}
	return cmp.Compare(x.b, y.b)
}

// omitCounter is zapx's dictionary iterator that skips reading each term's
// postings (the count is not needed where no document is deleted).
type omitCounter interface {
	AutomatonIteratorOmitCount(a segment.Automaton, start, end []byte) segment.DictionaryIterator
}

// newFileSet reads the file terms of snap, segment by segment: a term counts
// when a document its segment has not deleted holds it (a segment's dictionary
// keeps the terms of its deleted documents until a merge drops them, so a file
// changed and then restored to its old stat would otherwise look unchanged).
// It reports false for a reader that is not a scorch snapshot.
func newFileSet(snap index.IndexReader) (*fileSet, bool, error) {
	is, ok := snap.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false, nil
	}
	s := &fileSet{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
	for _, ss := range is.Segments() {
		dict, err := ss.Segment().Dictionary(FieldFile)
		if err != nil {
			return nil, false, err
		}
		deleted := ss.Deleted()
		var itr segment.DictionaryIterator
		if oc, ok := dict.(omitCounter); ok {
			itr = oc.AutomatonIteratorOmitCount(nil, nil, nil)
		} else {
			itr = dict.AutomatonIterator(nil, nil, nil)
		}
		var pl segment.PostingsList
		for {
			e, err := itr.Next()
			if err != nil {
				return nil, false, err
			}
			if e == nil {
				break
			}
			if deleted != nil && !deleted.IsEmpty() {
				if pl, err = dict.PostingsList([]byte(e.Term), deleted, pl); err != nil {
					return nil, false, err
				}
				if pl.Count() == 0 {
					continue // only deleted documents hold it
				}
			}
			s.keys = append(s.keys, s.key(e.Term))
		}
	}
	slices.SortFunc(s.keys, compareFileKeys)
	return s, true, nil
}
