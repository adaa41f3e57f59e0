package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// LeadField and BodyField name a language's text fields.
func LeadField(lang string) string { return "lead_" + fieldLang(lang) }

// BodyField names a language's body field (body, captions and byline).
func BodyField(lang string) string { return "body_" + fieldLang(lang) }

// NewMapping returns the index mapping: explicit fields only, nothing dynamic.
func NewMapping() *mapping.IndexMappingImpl {
	m := mapping.NewIndexMapping()
	m.DefaultAnalyzer = AnalyzerName("und")
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
		case Numeric:
			f = mapping.NewNumericFieldMapping()
		case DateTime:
			f = mapping.NewDateTimeFieldMapping()
		case Stored:
			f = mapping.NewTextFieldMapping()
			f.Index, f.IncludeTermVectors = false, false
		}
		f.Store = sf.Kind == Stored
		f.IncludeInAll = false
		f.DocValues = sf.DocValues
		doc.AddFieldMappingsAt(sf.Name, f)
	}
	for _, lang := range Languages {
		for _, name := range []string{LeadField(lang), BodyField(lang)} {
			f := mapping.NewTextFieldMapping()
			f.Analyzer = AnalyzerName(lang)
			f.Store = false
			f.IncludeInAll = false
			f.IncludeTermVectors = true // phrase queries need positions
			f.DocValues = false
			doc.AddFieldMappingsAt(name, f)
		}
	}
	m.DefaultMapping = doc
	return m
}
