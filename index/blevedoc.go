package index

import (
	"encoding/json"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// The index builds bleve's documents itself, field by field from the Schema,
// instead of handing bleve a map to walk through the mapping (and composing an
// _all field nobody queries). The fields are the ones the mapping would make
// (TestBleveDocumentMatchesMapping). A shard analyses a batch's documents
// itself just before it writes the batch, with the pipeline's workers held
// (analyze.go).

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

// contentFields returns the unanalysed fields of d's content: lead, body,
// language, source URL and every entity field.
func contentFields(d *Document) []document.Field {
	opts := fieldOptions()
	var out []document.Field
	body := bodyText(d)
	out = append(out,
		document.NewTextFieldCustom(FieldLead, nil, []byte(TextValue(d.Lang, d.Lead)), opts[FieldLead], textAnalyzer{}),
		document.NewTextFieldCustom(FieldBody, nil, []byte(TextValue(d.Lang, body)), opts[FieldBody], textAnalyzer{}),
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
			out = append(out, trieField(f.Name, []uint64{uint64(k)}, FigureKey(v), o))
		}
		for k, v := range times {
			if v.Before(minDate) || v.After(maxDate) {
				continue // beyond nanoseconds since 1970, as bleve's date fields
			}
			out = append(out, trieField(f.Name, []uint64{uint64(k)}, DateKey(v), o))
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

// bleveDocument builds the bleve document of sd: the fields of its content,
// its paths, its files and the stored source. It returns the size of its
// values, which caps a batch (WriterOptions.BatchBytes).
func bleveDocument(sd *stored) (*document.Document, int) {
	d := &sd.Document
	doc := document.NewDocument(d.ID)
	doc.Fields = append(doc.Fields, contentFields(d)...)
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
