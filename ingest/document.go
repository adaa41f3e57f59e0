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
	"github.com/partynews/partynews/pipeline/extract"
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
	out.Spans = spans(d.Lines)
	inferYears(&out)
	return out
}

// spans are the spans of an article's lead (its first), body and caption lines.
func spans(lines []corpus.Line) index.Spans {
	var sp index.Spans
	for _, l := range lines {
		s := index.Span{l.Start, l.End}
		switch {
		case l.Kind == corpus.Lead && sp.Lead == nil:
			sp.Lead = &s
		case l.Kind == corpus.Body:
			sp.Body = append(sp.Body, s)
		case l.Kind == corpus.Caption:
			sp.Captions = append(sp.Captions, s)
		}
	}
	return sp
}

func init() { index.Upgrade = upgrade }

// upgrade completes a document stored by an earlier version of partynews: its
// line spans from a parse of its text, its entities' canonical keys.
func upgrade(d *index.Document) {
	d.Spans = spans(corpus.Parse("", d.Text).Lines)
	for i := range d.Entities {
		e := extract.Entity(d.Entities[i])
		extract.SetKeys(&e)
		d.Entities[i] = index.Entity(e)
	}
	inferYears(d)
}
