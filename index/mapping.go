package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of the bleve documents. Text lives in one field per language
// (lead_hi, body_ur …) so each field has exactly one analyzer at index and query
// time; entity fields are keywords shared by every language.
const (
	FieldLang      = "lang"
	FieldPath      = "path"
	FieldFile      = "file" // path, size and mtime of each file: the manifest
	FieldSourceURL = "source_url"
	FieldPerson    = "person"     // surface spelling, lower-cased
	FieldPersonKey = "person_key" // romanised key shared by all spellings
	FieldDocument  = "document"   // canonical Latin code, 18-NQ/TW
	FieldDate      = "date"       // YYYY-MM-DD or --MM-DD
	FieldMonthDay  = "monthday"   // --MM-DD of every date, year or not
	FieldDateTime  = "date_time"  // dates with a year, for ranges
	FieldFigure    = "figure"     // numeric value
	FieldUnit      = "unit"       // units of figures
	FieldSource    = "_source"    // the whole document as JSON, stored only
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
	kw := func(name string, docValues bool) {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		doc.AddFieldMappingsAt(name, f)
	}
	kw(FieldLang, true)
	kw(FieldPath, false)
	kw(FieldFile, false)
	kw(FieldSourceURL, false)
	kw(FieldPerson, true)
	kw(FieldPersonKey, true)
	kw(FieldDocument, true)
	kw(FieldDate, true)
	kw(FieldMonthDay, false)
	kw(FieldUnit, false)
	fig := mapping.NewNumericFieldMapping()
	fig.Store, fig.IncludeInAll, fig.DocValues = false, false, false
	doc.AddFieldMappingsAt(FieldFigure, fig)
	dt := mapping.NewDateTimeFieldMapping()
	dt.Store, dt.IncludeInAll, dt.DocValues = false, false, true
	doc.AddFieldMappingsAt(FieldDateTime, dt)
	src := mapping.NewTextFieldMapping()
	src.Index, src.Store, src.IncludeInAll, src.IncludeTermVectors, src.DocValues = false, true, false, false, false
	doc.AddFieldMappingsAt(FieldSource, src)
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
