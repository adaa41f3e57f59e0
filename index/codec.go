package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// The codec: how a Document becomes the fields of a bleve document, and how
// the stored document is read back.

// stored is what the index stores of a document: the document, the stats of
// its files and the spans of its lines (the lead, body and captions themselves
// are not stored: they are lines of the stored text).
type stored struct {
	Document
	Files []Stat `json:"files"`
	Spans *Spans `json:"spans,omitempty"`
}

// loadSource returns the stored document with id, nil if none.
func loadSource(idx bleve.Index, id string) (*Document, error) {
	s, err := loadStored(idx, id)
	if err != nil || s == nil {
		return nil, err
	}
	return &s.Document, nil
}

// loadStored returns the stored document with id and its file stats, nil if none.
func loadStored(idx bleve.Index, id string) (*stored, error) {
	d, err := idx.Document(id)
	if err != nil || d == nil {
		return nil, err
	}
	var raw []byte
	d.VisitFields(func(f index.Field) {
		if f.Name() == FieldSource {
			raw = append([]byte(nil), f.Value()...)
		}
	})
	if raw == nil {
		return nil, errors.New("no stored source")
	}
	return decodeStored(raw)
}

// decodeStored decodes a stored document and restores its lines.
func decodeStored(raw []byte) (*stored, error) {
	var s stored
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("stored source: %w", err)
	}
	if s.Spans != nil {
		s.Document.Spans = *s.Spans
		s.Spans = nil
	} else if Upgrade != nil && s.Text != "" {
		Upgrade(&s.Document)
	}
	restoreLines(&s.Document)
	return &s, nil
}

func decodeSource(src string) (*Document, error) {
	s, err := decodeStored([]byte(src))
	if err != nil {
		return nil, err
	}
	return &s.Document, nil
}

// Fields returns a document's fields for an export to another engine that
// should match partynews's own index: text in a field pair per language
// (LeadField, BodyField) that the engine analyses with that language's
// analyzer, lang, paths, source URL and every entity field.
func Fields(d *Document) map[string]interface{} {
	m := toBleve(&stored{Document: *d})
	delete(m, FieldSource)
	delete(m, FieldFile)
	delete(m, FieldLead)
	delete(m, FieldBody)
	m[LeadField(d.Lang)] = d.Lead
	m[BodyField(d.Lang)] = bodyText(d)
	m[FieldPath] = d.Paths
	return m
}

// toBleve maps a document to the fields of the index mapping, as a value
// for bleve to walk through the mapping. The writer builds the same
// document itself (bleveDocument); the two are compared by a test.
func toBleve(sd *stored) map[string]interface{} {
	d := &sd.Document
	files := make([]string, len(sd.Files))
	for i, f := range sd.Files {
		files[i] = fileTerm(f.Path, f.Size, f.ModTime)
	}
	m := map[string]interface{}{
		FieldLang:   d.Lang,
		FieldPath:   d.Paths,
		FieldFile:   files,
		FieldLead:   TextValue(d.Lang, d.Lead),
		FieldBody:   TextValue(d.Lang, bodyText(d)),
		FieldSource: string(sourceJSON(sd)),
	}
	if d.SourceURL != "" {
		m[FieldSourceURL] = d.SourceURL
	}
	for f, v := range entityTerms(d) {
		m[f] = v
	}
	return m
}

func dedupe(v []string) []string {
	slices.Sort(v)
	return slices.Compact(v)
}
