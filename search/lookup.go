package search

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// AmbiguousError is an id prefix that more than one document has.
type AmbiguousError struct {
	Prefix string
	IDs    []string // some of them
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("id prefix %s names several documents: %s …", e.Prefix, strings.Join(e.IDs, ", "))
}

// Lookup finds the document an argument names: a document id, the path of
// one of its files (relative to the working folder or absolute), or a prefix
// of its id (at least 4 characters). It returns nil when nothing matches and
// an *AmbiguousError when an id prefix fits several documents.
func (sr *Searcher) Lookup(ctx context.Context, arg string) (*index.Document, error) {
	if d, err := sr.Document(arg); err != nil || d != nil {
		return d, err
	}
	for _, p := range []string{arg, absPath(arg)} {
		if p == "" {
			continue
		}
		if d, err := sr.DocumentByPath(p); err != nil || d != nil {
			return d, err
		}
	}
	if len(arg) < 4 || strings.Trim(strings.ToLower(arg), "0123456789abcdef") != "" {
		return nil, nil
	}
	q := query.NewPrefixQuery(strings.ToLower(arg))
	q.SetField("_id")
	res, err := sr.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 5, 0, false))
	if err != nil {
		return nil, fmt.Errorf("id prefix %s: %w", arg, err)
	}
	ids := map[string]bool{}
	var list []string
	for _, h := range res.Hits {
		if !ids[h.ID] {
			ids[h.ID] = true
			list = append(list, h.ID)
		}
	}
	switch len(list) {
	case 0:
		return nil, nil
	case 1:
		return sr.Document(list[0])
	}
	return nil, &AmbiguousError{Prefix: arg, IDs: list}
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil || a == p {
		return ""
	}
	return a
}
