package index

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TextAnalyzerName is the analyzer of the lead and body fields: it reads the
// language tag the value starts with ("hi\x1f…", TextValue), analyses the rest
// with that language's analyzer (Analyzer) and tags every term with the
// language (TextFields.Term).
const TextAnalyzerName = "pn_text"

// TagSep ends the language tag of a text value and of each of its terms.
const TagSep = "\x1f"

// TextValue is the value of a lead or body field of a document in lang: its
// text, tagged with the language.
func TextValue(lang, text string) string { return fieldLang(lang) + TagSep + text }

func init() {
	must(registry.RegisterAnalyzer(TextAnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return textAnalyzer{}, nil
	}))
}

// textAnalyzer analyses a tagged text value: the terms of its language's
// analyzer, each tagged. Offsets stay those of the value, tag included.
type textAnalyzer struct{}

func (textAnalyzer) Analyze(input []byte) analysis.TokenStream {
	lang, text := "und", input
	if i := bytes.IndexByte(input[:min(len(input), 8)], TagSep[0]); i > 0 {
		lang, text = string(input[:i]), input[i+1:]
	}
	off := len(input) - len(text)
	tokens := Analyzer(lang).Analyze(text)
	tag := fieldLang(lang) + TagSep
	n := 0
	for _, t := range tokens {
		n += len(tag) + len(t.Term)
	}
	// one buffer for every tagged term: a term is a slice of it
	buf := make([]byte, 0, n)
	for _, t := range tokens {
		s := len(buf)
		buf = append(buf, tag...)
		buf = append(buf, t.Term...)
		t.Term = buf[s:len(buf):len(buf)]
		t.Start += off
		t.End += off
	}
	return tokens
}

// TextFields says where an index holds a language's text: which lead and body
// fields, and how their terms are written.
type TextFields struct {
	Lead, Body string
	tag        string
}

// Term is how the fields hold term t of the language's analyzer.
func (tf TextFields) Term(t string) string { return tf.tag + t }

// CurrentTextFields are the text fields of lang in an index this version
// writes: lead and body, terms tagged.
func CurrentTextFields(lang string) TextFields {
	return TextFields{Lead: FieldLead, Body: FieldBody, tag: fieldLang(lang) + TagSep}
}

// TextFields are the text fields of lang in the index r reads: an index of
// format 2 or earlier had a field pair per language, its terms untagged.
func (r *Reader) TextFields(lang string) TextFields {
	if r.format < 3 {
		return TextFields{Lead: LeadField(lang), Body: BodyField(lang)}
	}
	return CurrentTextFields(lang)
}
