package index

import (
	"fmt"
	"strconv"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"

	"github.com/partynews/partynews/internal/blevelog"
)

// FormatVersion is the version of what an index holds: its fields and how
// their text is analysed. An index built with another analysis finds other
// words (version 2: Korean bigrams, words joined by a full stop cut into their
// parts, typographic apostrophes folded; version 3: one lead and one body
// field for every language, terms tagged with it, instead of a field pair per
// language), so a newer version asks for a rebuild. Searches still read an
// index of version 2 or 1 (Reader.TextFields). Indexes without a version are
// version 1. Version 4 writes numbers and dates as 4 trie terms instead of
// bleve's 16 (trie.go).
const FormatVersion = 4

// writableVersion is the oldest format a writer adds to without a rebuild:
// the 16 trie terms of a version-3 index hold the 4 that version 4 writes and
// searches. A writer marks such an index version 4 (older partynews would
// miss the numbers and dates it adds).
const writableVersion = 3

// analysisVersion is the oldest format whose text a search reads as this
// version analyses it: an older index misses words until it is rebuilt.
const analysisVersion = 2

// formatKey is the bleve internal key holding the format version; bleve keeps
// it in the snapshot, so every published generation carries it.
const formatKey = "partynews.format"

// formatOf returns the format version of an open index, 1 when it has none.
func formatOf(idx bleve.Index) int {
	b, err := idx.GetInternal([]byte(formatKey))
	if err != nil || len(b) == 0 {
		return 1
	}
	v, err := strconv.Atoi(string(b))
	if err != nil {
		return 1
	}
	return v
}

// OutdatedError is returned when the index was built by an older version.
type OutdatedError struct {
	Dir     string
	Version int
}

func (e *OutdatedError) Error() string {
	return fmt.Sprintf("the index in %s was built by an older partynews (index format %d, this version writes %d: the analyzers changed): rebuild it from the article files with \"partynews index --rebuild PATH...\"",
		e.Dir, e.Version, FormatVersion)
}

// NewerError is returned when the index was written by a newer version: this
// one would add documents analysed and encoded as the newer one does not
// expect, so it refuses rather than mix them.
type NewerError struct {
	Dir     string
	Version int
}

func (e *NewerError) Error() string {
	return fmt.Sprintf("the index in %s was written by a newer partynews (index format %d, this version writes %d): upgrade partynews, or rebuild the index with this version with \"partynews index --rebuild PATH...\"",
		e.Dir, e.Version, FormatVersion)
}

// DamagedError is returned when a published generation cannot be read.
type DamagedError struct {
	Gen string // the generation folder
	Err error  // what bleve said
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("index generation %s is damaged: run \"partynews check\", then \"partynews index --rebuild PATH...\"", e.Gen)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// damageLines counts the lines bleve logged saying it skipped a snapshot it
// could not load (see NoteBleveLine).
var damageLines atomic.Int64

// NoteBleveLine is given every line bleve logs (internal/blevelog.Route's
// onLine): a line saying scorch skipped a damaged snapshot makes the open
// under way fail with a DamagedError instead of serving an older state or an
// empty index.
func NoteBleveLine(line string) {
	if blevelog.IsDamage(line) {
		damageLines.Add(1)
	}
}
