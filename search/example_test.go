package search_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/search"
)

// Search an index with the query language: every term is required, lang:hi
// filters and the word ranks (snippets mark it); values of person: and
// document: clauses would be canonicalised by search.Canon.
func ExampleSearcher_Search() {
	dir, cleanup := sampleIndex()
	defer cleanup()

	s, err := search.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	q, err := search.ParseQuery(`कांग्रेस lang:hi`)
	if err != nil {
		log.Fatal(err)
	}
	res, err := s.Search(context.Background(), q, search.SearchOptions{Limit: 3, Canon: search.Canon})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("articles:", res.Total)
	for _, h := range res.Hits {
		fmt.Println(h.Position, h.Doc.Lang, len(h.Snippet.Marks) > 0)
	}
	// Output:
	// articles: 2
	// 1 hi true
	// 2 hi true
}

// sampleIndex indexes the embedded sample into a temporary folder.
func sampleIndex() (string, func()) {
	tmp, err := os.MkdirTemp("", "search-example")
	if err != nil {
		log.Fatal(err)
	}
	src := filepath.Join(tmp, "articles")
	if _, err := sample.WriteTo(src); err != nil {
		log.Fatal(err)
	}
	proc, err := pipeline.NewProcessor()
	if err != nil {
		log.Fatal(err)
	}
	w, err := index.OpenWriter(filepath.Join(tmp, "index"), index.WriterOptions{})
	if err != nil {
		log.Fatal(err)
	}
	if err := ingest.Run(context.Background(), w, proc, ingest.Options{Roots: []string{src}}); err != nil {
		w.Abort()
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	return filepath.Join(tmp, "index"), func() { os.RemoveAll(tmp) }
}
