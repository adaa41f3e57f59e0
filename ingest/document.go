// Package ingest runs the indexing of files: Run walks the roots, applies the
// skip policy and the no-op check, reads, detects, extracts and writes each
// file on a pool of workers, and reports one Outcome per file; Document fills
// the index's document from the pipeline's output. The partynews index command
// and the benchmark both index through it.
package ingest

import (
	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline"
)

// Document turns the pipeline's document into the one the index stores: the
// same fields, the entities with their canonical keys, and the spans of the
// lead, body and captions instead of a second copy of their text.
func Document(d pipeline.Document) index.Document {
	out := index.Document{
		ID:             d.ID,
		Paths:          d.Paths,
		Lang:           d.Lang,
		LangConfidence: d.LangConfidence,
		Lead:           d.Lead,
		Body:           d.Body,
		Captions:       d.Captions,
		Byline:         d.Byline,
		SourceURL:      d.SourceURL,
		Text:           d.Text,
		Entities:       make([]index.Entity, len(d.Entities)),
	}
	for i, e := range d.Entities {
		out.Entities[i] = index.Entity(e) // the same fields: see index.Entity
	}
	leadSeen := false
	for _, l := range d.Lines {
		s := index.Span{l.Start, l.End}
		switch l.Kind {
		case corpus.Lead:
			if !leadSeen {
				leadSeen = true
				out.Spans.Lead = &s
			}
		case corpus.Body:
			out.Spans.Body = append(out.Spans.Body, s)
		case corpus.Caption:
			out.Spans.Captions = append(out.Spans.Captions, s)
		}
	}
	return out
}
