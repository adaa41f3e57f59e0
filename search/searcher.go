// Package search owns the query side of partynews: the query language
// (ParseQuery, query.go), what its values mean in the index before it runs
// (resolve.go: Resolve, Unmatched), its compilation into bleve queries over
// the index's fields (compile.go), ranked search with snippets (search.go,
// snippet.go), facets kept warm in memory (facets.go), person entries that
// group the spellings of one person (people.go), related articles
// (related.go), the entity reports, top values and timelines (report.go), and
// a document named by id, id prefix or path (lookup.go). It reads an index
// through index.Reader and the field table index.Schema, and canonicalises the
// values of person: and document: clauses through pipeline/extract (Canon).
package search

import (
	"sync"
	"sync/atomic"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline/extract"
)

// Searcher searches an index. Its methods are safe for concurrent use.
type Searcher struct {
	*index.Reader
	facets facetCache

	peopleMu sync.Mutex
	people   *People      // the person entries, read on first use
	holds    atomic.Int64 // Hold calls not yet released by a Close
}

// Hold adds a user to a Searcher shared by a long-lived process (the resident
// server): each Close releases one Hold, and the Close that finds none left
// closes the index. Without Hold, the first Close closes the index.
func (s *Searcher) Hold() { s.holds.Add(1) }

// Close releases one Hold, or closes the index when none is left.
func (s *Searcher) Close() error {
	if s.holds.Add(-1) >= 0 {
		return nil
	}
	return s.Reader.Close()
}

// New returns a Searcher over r; closing r (or the Searcher) ends it.
func New(r *index.Reader) *Searcher { return &Searcher{Reader: r} }

// Open opens the index in dir for searching.
func Open(dir string) (*Searcher, error) {
	r, err := index.Open(dir)
	if err != nil {
		return nil, err
	}
	return New(r), nil
}

// Canon canonicalises the value of a field clause into the entity it names,
// with the keys extraction gives such an entity (a person's key and skeleton,
// a document code folded): SearchOptions.Canon for person: and document:.
func Canon(field, value string) (index.Entity, bool) {
	e, ok := extract.QueryEntity(field, value)
	return index.Entity(e), ok
}
