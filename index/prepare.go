package index

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// The index builds bleve's documents itself, field by field from the Schema,
// instead of handing bleve a map to walk through the mapping; and the fields a
// document's content yields (its text above all) can be analysed ahead, by
// Prepare, in the pipeline's workers, while the writer is busy with bleve. The
// fields are the ones the mapping would make (TestBleveDocumentMatchesMapping).

// prepared is the fields of a document's content, analysed ahead.
type prepared struct {
	fields []document.Field
	key    string // what they were made from (preparedKey)
}

// preparedKey identifies the content the fields were made of, so that a
// document changed after Prepare is not written with stale fields.
func preparedKey(d *Document) string {
	return fmt.Sprintf("%s\x00%d\x00%d\x00%d\x00%d", d.Lang, len(d.Lead), len(d.Body), len(d.Text), len(d.Entities))
}

// Prepare analyses the fields of d's content (its text, language and
// entities) so that the writer need not: the writer of an index is one
// goroutine, and bleve analyses a batch only when it is written, so analysing
// ahead in the workers that read and extract the articles keeps both cores
// busy (issue 13). A document put without Prepare is analysed by the writer.
func Prepare(d *Document) {
	fields := contentFields(d)
	for i, f := range fields {
		f.Analyze()
		fields[i] = analysed{f}
	}
	d.prepared = &prepared{fields: fields, key: preparedKey(d)}
}

// analysed is a field analysed ahead: bleve's own call to Analyze, when the
// batch is written, does nothing.
type analysed struct{ document.Field }

func (analysed) Analyze() {}

// fieldOptions are the indexing options the mapping gives each field.
var fieldOptions = sync.OnceValue(func() map[string]index.FieldIndexingOptions {
	m := NewMapping()
	out := map[string]index.FieldIndexingOptions{}
	for name, dm := range m.DefaultMapping.Properties {
		if len(dm.Fields) > 0 {
			out[name] = dm.Fields[0].Options()
		}
	}
	return out
})

var keywordAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	a, err := cache.AnalyzerNamed(keyword.Name)
	if err != nil {
		panic(err) // bleve registers it
	}
	return a
})

var textAnalyzerOnce = sync.OnceValue(func() analysis.Analyzer { return textAnalyzer{} })

// contentFields returns the unanalysed fields of d's content: lead, body,
// language, source URL and every entity field.
func contentFields(d *Document) []document.Field {
	opts := fieldOptions()
	var out []document.Field
	body := bodyText(d)
	out = append(out,
		document.NewTextFieldCustom(FieldLead, nil, []byte(TextValue(d.Lang, d.Lead)), opts[FieldLead], textAnalyzerOnce()),
		document.NewTextFieldCustom(FieldBody, nil, []byte(TextValue(d.Lang, body)), opts[FieldBody], textAnalyzerOnce()),
		keywordField(FieldLang, nil, d.Lang))
	if d.SourceURL != "" {
		out = append(out, keywordField(FieldSourceURL, nil, d.SourceURL))
	}
	for i := range Schema {
		f := &Schema[i]
		if f.Entity == "" {
			continue
		}
		kws, nums, times := entityFieldTerms(d, f)
		o := opts[f.Name]
		for k, v := range kws {
			out = append(out, document.NewTextFieldCustom(f.Name, []uint64{uint64(k)}, []byte(v), o, keywordAnalyzer()))
		}
		for k, v := range nums {
			out = append(out, document.NewNumericFieldWithIndexingOptions(f.Name, []uint64{uint64(k)}, v, o))
		}
		for k, v := range times {
			if df, err := document.NewDateTimeFieldWithIndexingOptions(f.Name, []uint64{uint64(k)}, v, time.RFC3339, o); err == nil {
				out = append(out, df)
			}
		}
	}
	return out
}

func keywordField(name string, pos []uint64, v string) document.Field {
	return document.NewTextFieldCustom(name, pos, []byte(v), fieldOptions()[name], keywordAnalyzer())
}

// bodyText is what the body field holds: the body, then the captions and the
// byline, one per line.
func bodyText(d *Document) string {
	body := d.Body
	if len(d.Captions) > 0 {
		body += "\n" + strings.Join(d.Captions, "\n")
	}
	if d.Byline != "" {
		body += "\n" + d.Byline
	}
	return body
}

// bleveDocument builds the bleve document of sd: the fields of its content
// (analysed ahead when Prepare ran on it), its paths, its files and the
// stored source. It returns the size bleve would count for it.
func bleveDocument(sd *stored) (*document.Document, int) {
	d := &sd.Document
	doc := document.NewDocument(d.ID)
	if p := d.prepared; p != nil && p.key == preparedKey(d) {
		doc.Fields = append(doc.Fields, p.fields...)
	} else {
		doc.Fields = append(doc.Fields, contentFields(d)...)
	}
	d.prepared = nil // fields are used by one bleve document only
	for k, p := range d.Paths {
		doc.AddField(keywordField(FieldPath, []uint64{uint64(k)}, p))
	}
	for k, f := range sd.Files {
		doc.AddField(keywordField(FieldFile, []uint64{uint64(k)}, fileTerm(f.Path, f.Size, f.ModTime)))
	}
	src := sourceJSON(sd)
	doc.AddField(document.NewTextFieldCustom(FieldSource, nil, src, fieldOptions()[FieldSource], keywordAnalyzer()))
	doc.SetIndexed()
	size := len(d.ID) + len(src) + len(d.Lead) + len(d.Body)
	return doc, size
}

// sourceJSON is the stored source of sd: the document without its lead, body
// and captions (lines of its text, kept as spans), with its files.
func sourceJSON(sd *stored) []byte {
	d := &sd.Document
	slim := *sd
	slim.Lead, slim.Body, slim.Captions = "", "", nil
	slim.prepared = nil
	if sp := d.Spans; sp.Lead != nil || len(sp.Body) > 0 || len(sp.Captions) > 0 {
		slim.Spans = &sp
	}
	src, _ := json.Marshal(slim)
	return src
}

// entityFieldTerms returns the terms of field f that d's entities yield: keyword
// terms sorted and without repeats, numbers and times in mention order.
func entityFieldTerms(d *Document, f *Field) (kws []string, nums []float64, times []time.Time) {
	for j := range d.Entities {
		e := &d.Entities[j]
		if e.Type != f.Entity {
			continue
		}
		t, ok := f.Term(e)
		if !ok {
			continue
		}
		switch v := t.(type) {
		case string:
			kws = append(kws, v)
		case float64:
			nums = append(nums, v)
		case time.Time:
			times = append(times, v)
		}
	}
	return dedupe(kws), nums, times
}
