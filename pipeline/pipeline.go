// Package pipeline turns parsed articles into index-ready documents: it detects
// the language, extracts entities and computes the document id, and runs that work
// on N workers with bounded channels. It knows nothing of bleve.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/pipeline/detect"
	"github.com/partynews/partynews/pipeline/extract"
)

// Document is an article ready to index.
type Document struct {
	ID             string           `json:"id"`
	Paths          []string         `json:"paths"`
	Lang           string           `json:"lang"`
	LangConfidence float64          `json:"lang_confidence"`
	Lead           string           `json:"lead"`
	Body           string           `json:"body"`
	Captions       []string         `json:"captions,omitempty"`
	Byline         string           `json:"byline,omitempty"`
	SourceURL      string           `json:"source_url,omitempty"`
	Text           string           `json:"text"` // the whole normalised text; entity offsets refer to it
	Entities       []extract.Entity `json:"entities"`
	// Lines are the parsed article's lines (spans of Text and their kind).
	Lines []corpus.Line `json:"-"`
}

// ID returns the document id of a normalised text: the first 16 bytes of its
// SHA-256, in hex. The same article at two paths is one document.
func ID(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:16])
}

// Processor turns articles into documents. It is safe for concurrent use.
type Processor struct {
	Detector   *detect.Detector
	Extractors []extract.Extractor
}

// NewProcessor returns a Processor with the default detector and every extractor.
func NewProcessor() (*Processor, error) {
	d, err := detect.New()
	if err != nil {
		return nil, err
	}
	return &Processor{Detector: d, Extractors: extract.Default()}, nil
}

// Process builds the document of one parsed article.
func (p *Processor) Process(a *corpus.Article) Document {
	return p.ProcessAs(a, p.Detector.Detect(a.Content()))
}

// ProcessAs builds the document of one parsed article whose language is
// already detected: Process without the detection, for measuring the stages
// apart.
func (p *Processor) ProcessAs(a *corpus.Article, lang detect.Result) Document {
	doc := Document{
		ID:             ID(a.Text),
		Paths:          []string{a.Path},
		Lang:           lang.Lang,
		LangConfidence: lang.Confidence,
		Lead:           a.Lead(),
		Body:           a.Join(corpus.Body),
		Byline:         a.Byline(),
		SourceURL:      a.SourceURL,
		Text:           a.Text,
		Entities:       extract.All(a.Text, lang.Lang, p.Extractors...),
		Lines:          a.Lines,
	}
	for _, l := range a.Lines {
		if l.Kind == corpus.Caption {
			doc.Captions = append(doc.Captions, a.Text[l.Start:l.End])
		}
	}
	if doc.Entities == nil {
		doc.Entities = []extract.Entity{}
	}
	return doc
}

// Map runs fn over the items of in on n workers and sends the results to the
// returned channel, which closes when in is drained or ctx is done, and only
// after every worker has stopped. Results come in input order, so what depends
// on order (which of two identical files is the duplicate) is the same from
// run to run. A consumer that stops taking results lets exactly max(n, buf)
// + n + 1 items through fn: max(n, buf) handed out and waiting in input
// order, n results in the returned channel's buffer, and one being passed on.
// A slow item holds back the results behind it but not the workers, which go
// on until that many wait. A buffer as large as the consumer's batch lets the
// workers go on while the consumer is busy.
func Map[In, Out any](ctx context.Context, n, buf int, in <-chan In, fn func(In) Out) <-chan Out {
	if n < 1 {
		n = 1
	}
	type task struct {
		item In
		res  chan Out
	}
	tasks := make(chan task)
	// one result slot per item handed out, in input order: its capacity is
	// how far the workers may run ahead of the oldest result (with n, a slow
	// item left the other workers idle after n more)
	pending := make(chan chan Out, max(n, buf))
	out := make(chan Out, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				t.res <- fn(t.item) // the slot holds one result: never blocks
			}
		}()
	}
	go func() { // hand out the items, remembering their order
		defer close(pending)
		defer close(tasks)
		for item := range in {
			res := make(chan Out, 1)
			select {
			case pending <- res:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- task{item, res}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { // pass the results on in that order
		defer close(out)
		defer wg.Wait()
		for res := range pending {
			var r Out
			select {
			case r = <-res:
			case <-ctx.Done():
				return
			}
			select {
			case out <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
