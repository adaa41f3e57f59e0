package index

import "strings"

// Document is what the index stores of an article: its text, the places of its
// lead, body and captions in that text, and its entities with their canonical
// keys. The ingest package fills it from the pipeline's output; the index
// computes every field of the mapping from it through the Schema.
type Document struct {
	ID             string   `json:"id"`
	Paths          []string `json:"paths"`
	Lang           string   `json:"lang"`
	LangConfidence float64  `json:"lang_confidence"`
	Lead           string   `json:"lead"`
	Body           string   `json:"body"`
	Captions       []string `json:"captions,omitempty"`
	Byline         string   `json:"byline,omitempty"`
	SourceURL      string   `json:"source_url,omitempty"`
	Text           string   `json:"text"` // the whole normalised text; entity offsets refer to it
	Entities       []Entity `json:"entities"`
	// Spans are where Lead, Body and Captions lie in Text: the index stores
	// these instead of the strings, and restores the strings when it reads.
	Spans Spans `json:"-"`
}

// Entity is one mention as the index sees it: the fields of an extracted
// entity, canonical keys included (see pipeline/extract.Entity, which has the
// same fields in the same order so that one converts to the other).
type Entity struct {
	Type         string `json:"type"`
	Text         string `json:"text"`
	Value        string `json:"value"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Unit         string `json:"unit,omitempty"`
	Qualifier    string `json:"qualifier,omitempty"`
	YearInferred int    `json:"year_inferred,omitempty"`
	Title        string `json:"title,omitempty"`
	Key          string `json:"key,omitempty"`
	Skeleton     string `json:"skeleton,omitempty"`
	Folded       string `json:"folded,omitempty"`
}

// Span is a byte range [Start, End) of a document's Text.
type Span [2]int

// Spans are the lines of a document's text that make its lead, its body (joined
// by newlines) and its captions.
type Spans struct {
	Lead     *Span  `json:"lead,omitempty"`
	Body     []Span `json:"body,omitempty"`
	Captions []Span `json:"captions,omitempty"`
}

func (s Span) in(text string) string {
	if s[0] < 0 || s[1] > len(text) || s[0] > s[1] {
		return ""
	}
	return text[s[0]:s[1]]
}

// Upgrade, when set, completes a document stored by an earlier version, which
// kept neither the spans of its lines nor the canonical keys of its entities.
// The index cannot compute them itself (it knows nothing of parsing or
// extraction); package ingest sets it.
var Upgrade func(d *Document)

// restoreLines fills in the lead, body and captions from the stored spans.
func restoreLines(d *Document) {
	if d.Lead != "" || d.Text == "" {
		return
	}
	if d.Spans.Lead != nil {
		d.Lead = d.Spans.Lead.in(d.Text)
	}
	var b strings.Builder
	for _, s := range d.Spans.Body {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s.in(d.Text))
	}
	d.Body = b.String()
	d.Captions = nil
	for _, s := range d.Spans.Captions {
		d.Captions = append(d.Captions, s.in(d.Text))
	}
}
