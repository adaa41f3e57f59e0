package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// LeadField and BodyField name a language's text fields in an index of format
// 2 and earlier, which had two fields per language, and in the Elasticsearch
// export, which keeps them (Fields).
func LeadField(lang string) string { return "lead_" + fieldLang(lang) }

// BodyField names a language's body field (body, captions and byline) in an
// index of format 2 and earlier and in the export.
func BodyField(lang string) string { return "body_" + fieldLang(lang) }

// NewMapping returns the index mapping: explicit fields only, nothing dynamic.
func NewMapping() *mapping.IndexMappingImpl {
	m := mapping.NewIndexMapping()
	m.DefaultAnalyzer = TextAnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	doc := mapping.NewDocumentStaticMapping()
	for _, sf := range Schema {
		var f *mapping.FieldMapping
		switch sf.Kind {
		case Keyword:
			f = mapping.NewKeywordFieldMapping()
			f.Analyzer = keyword.Name
			f.IncludeTermVectors = false
		case Numeric: // written as trie fields of 4 terms (trie.go), not bleve's 16
			f = mapping.NewNumericFieldMapping()
		case DateTime:
			f = mapping.NewDateTimeFieldMapping()
		case Stored:
			f = mapping.NewTextFieldMapping()
			f.Index, f.IncludeTermVectors = false, false
		case Text:
			f = mapping.NewTextFieldMapping()
			f.Analyzer = TextAnalyzerName
			f.IncludeTermVectors = true // phrase queries need positions
		}
		f.Store = sf.Kind == Stored
		f.IncludeInAll = false
		f.DocValues = sf.DocValues
		doc.AddFieldMappingsAt(sf.Name, f)
	}
	// no _all field: every query names its fields, and composing an empty
	// _all costs every document a visit of every field
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	m.DefaultMapping = doc
	return m
}
