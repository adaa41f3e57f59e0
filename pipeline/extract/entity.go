// Package extract owns entity extraction: people, dates, document numbers and
// figures in an article's normalised text, with byte offsets into that text and a
// canonical value. Each entity type has its own Extractor; the words each language
// uses (month names, titles, letter names, number words) are data files under
// lexicon/, one per language.
package extract

import "sort"

// Entity types.
const (
	Person   = "person"
	Date     = "date"
	Document = "document"
	Figure   = "figure"
)

// Entity is one mention. Text is exactly Text[Start:End] of the normalised article.
type Entity struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Figures: the unit (VND, %, km …) and a qualifier ("approx", "more than" …).
	Unit      string `json:"unit,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
	// Dates: the year assumed for a year-less date (--MM-DD).
	YearInferred int `json:"year_inferred,omitempty"`
	// People: the title or role before the name and a romanised key shared by
	// every spelling of the name.
	Title string `json:"title,omitempty"`
	Key   string `json:"key,omitempty"`
	// Canonical keys, set by All (keys.go) so that the index and the search side
	// compare entities without knowing how they are computed: the consonant
	// skeleton of a person's key, which spellings in different scripts share, and
	// a document code folded for comparison (18-NQ/TW, Đ read as D).
	Skeleton string `json:"skeleton,omitempty"`
	Folded   string `json:"folded,omitempty"`
}

// Extractor finds entities of one kind in an article's text. Extractors run in
// order on one Text and claim the spans they take, so that a later one (figures)
// does not take the digits of an earlier one's entity (a date's day).
type Extractor interface {
	Extract(t *Text) []Entity
}

// All runs the extractors in order on text written in lang (ISO 639-1) and
// returns their entities in text order.
func All(text, lang string, exs ...Extractor) []Entity {
	t := NewText(text, lang)
	t.claimURLs()
	var out []Entity
	for _, ex := range exs {
		out = append(out, ex.Extract(t)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	setKeys(out)
	return out
}
