package ingest_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/corpus/sample"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/pipeline"
)

var readArticle = func(p string) (*corpus.Article, error) { return corpus.Read(p, 0) }

// Index a folder of articles and count the outcomes.
func ExampleRun() {
	tmp, _ := os.MkdirTemp("", "ingest-example")
	defer os.RemoveAll(tmp)
	if _, err := sample.WriteTo(filepath.Join(tmp, "articles")); err != nil {
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
	counts := map[ingest.Status]int{}
	err = ingest.Run(context.Background(), w, proc, ingest.Options{
		Roots:  []string{filepath.Join(tmp, "articles")},
		Report: func(o ingest.Outcome) { counts[o.Status]++ },
	})
	if err != nil {
		w.Abort()
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("indexed", counts[ingest.Indexed])
	// Output: indexed 5
}
