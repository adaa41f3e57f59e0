package index_test

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
)

// Open a published index and read its statistics and a stored document.
func ExampleOpen() {
	dir, cleanup := sampleIndex()
	defer cleanup()

	r, err := index.Open(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	st, err := r.Stats()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("documents:", st.Documents)
	fmt.Println("languages:", index.SortedLangs(st.Languages))
	// Output:
	// documents: 5
	// languages: [hi ur]
}

// sampleIndex indexes the embedded sample into a temporary folder.
func sampleIndex() (string, func()) {
	tmp, err := os.MkdirTemp("", "index-example")
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
