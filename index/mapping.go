package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of the bleve documents. Text lives in one field per language
// (lead_hi, body_ur …) so each field has exactly one analyzer at index and query
// time; entity fields are keywords shared by every language.
const (
	FieldLang       = "lang"
	FieldPath       = "path"
	FieldFile       = "file" // path, size and mtime of each file: the manifest
	FieldSourceURL  = "source_url"
	FieldPerson     = "person"      // surface spelling, lower-cased
	FieldPersonKey  = "person_key"  // romanised key shared by all spellings
	FieldDocument   = "document"    // canonical Latin code, 18-NQ/TW
	FieldDate       = "date"        // YYYY-MM-DD or --MM-DD
	FieldMonthDay   = "monthday"    // --MM-DD of every date, year or not
	FieldDateTime   = "date_time"   // dates with a year, for ranges
	FieldFigure     = "figure"      // numeric value
	FieldUnit       = "unit"        // units of figures
	FieldSource     = "_source"     // the whole document as JSON, stored only
	FieldPersonSkel = "person_skel" // consonant skeleton of the key: spellings across scripts
	FieldYear       = "year"        // YYYY of every dated mention
	FieldMonth      = "month"       // YYYY-MM of every dated mention
	FieldFigureKW   = "figure_kw"   // figures as text, for counting
)

// unitFields maps a figure's unit to the numeric field that holds figures in it,
// so that figure:>=1000000VND compares values of one unit.
var unitFields = map[string]string{"VND": "figure_vnd", "USD": "figure_usd", "%": "figure_pct", "km": "figure_km", "ha": "figure_ha"}

// UnitField returns the numeric field of figures in unit (VND, USD, %, km, ha), or "".
func UnitField(unit string) string {
	if f, ok := unitFields[unit]; ok {
		return f
	}
	for u, f := range unitFields {
		if strings.EqualFold(u, unit) {
			return f
		}
	}
	if strings.EqualFold(unit, "pct") || strings.EqualFold(unit, "percent") {
		return unitFields["%"]
	}
	return ""
}

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
	kw(FieldPersonSkel, false)
	kw(FieldYear, true)
	kw(FieldMonth, true)
	kw(FieldFigureKW, true)
	for _, f := range unitFields {
		n := mapping.NewNumericFieldMapping()
		n.Store, n.IncludeInAll, n.DocValues = false, false, false
		doc.AddFieldMappingsAt(f, n)
	}
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
