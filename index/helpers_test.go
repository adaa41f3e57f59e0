package index

import (
	"errors"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/pipeline"
)

// fromPipeline is ingest.Document for the tests of this package (ingest
// imports index, so they cannot import it).
func fromPipeline(d pipeline.Document) Document {
	out := Document{ID: d.ID, Paths: d.Paths, Lang: d.Lang, LangConfidence: d.LangConfidence, Lead: d.Lead,
		Body: d.Body, Captions: d.Captions, Byline: d.Byline, SourceURL: d.SourceURL, Text: d.Text}
	for _, e := range d.Entities {
		out.Entities = append(out.Entities, Entity(e))
	}
	for _, l := range d.Lines {
		s := Span{l.Start, l.End}
		switch {
		case l.Kind == corpus.Lead && out.Spans.Lead == nil:
			out.Spans.Lead = &s
		case l.Kind == corpus.Body:
			out.Spans.Body = append(out.Spans.Body, s)
		case l.Kind == corpus.Caption:
			out.Spans.Captions = append(out.Spans.Captions, s)
		}
	}
	return out
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// analyzed is the terms lang's analyzer makes of s, in order.
func analyzed(lang, s string) []string {
	var out []string
	for _, tok := range Analyzer(lang).Analyze([]byte(s)) {
		out = append(out, string(tok.Term))
	}
	return out
}
