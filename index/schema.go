package index

import (
	"strconv"
	"strings"
	"time"
)

// Kind is how a field is indexed.
type Kind int

// Kinds of field.
const (
	Keyword  Kind = iota // exact terms
	Numeric              // float64 values, for ranges
	DateTime             // time.Time values, for ranges and sorting
	Stored               // stored only, not indexed
	Text                 // analysed text of every language, terms tagged with it (TextFields.Term)
)

// Field is one row of the schema: a field of the index mapping, what it is
// called as a facet, and how an entity yields its terms. The mapping
// (NewMapping), the documents the index writes (toBleve), facets, related
// articles and the Elasticsearch export all read Schema; adding an entity field
// is adding a row.
type Field struct {
	Name      string
	Kind      Kind
	DocValues bool   // kept per document for facets and sorting
	Facet     string // its name as a facet (search --facet, entities --type), "" if none
	// Entity is the entity type whose mentions yield the field's terms ("" for
	// the fields of the document itself: lang, path …), and Term the term one
	// mention yields: a string, float64 or time.Time by Kind; ok false for none.
	Entity string
	Term   func(e *Entity) (term any, ok bool)
	// Boost weighs the field in a query clause on its entity type (0: 1).
	Boost float64
	// NoQuery keeps the field out of query clauses on its entity type: it
	// serves reports (person entries), not matching.
	NoQuery bool
	// Internal marks partynews's own bookkeeping (the manifest, copy
	// records): no export carries it.
	Internal bool
	// Related says whether a mention counts as evidence that two articles tell
	// the same story (search.Related weighs each by its rarity); nil: never.
	Related func(e *Entity) bool
}

// Field names of the bleve documents. The text of every language lives in two
// fields, lead and body; each term is tagged with its language ("hi\x1f…",
// TextFields.Term), so a language's terms are exactly what its own analyzer makes, as
// if each language had fields of its own, without a field per language (issue
// 13: the fixed cost of a field is paid in every segment and at every merge).
// Entity fields are keywords shared by every language.
const (
	FieldLead       = "lead" // the lead (first paragraph) of the article
	FieldBody       = "body" // body, captions and byline
	FieldLang       = "lang"
	FieldPath       = "path"
	FieldFile       = "file"    // path, size and mtime of each file: the manifest
	FieldCopyOf     = "copy_of" // the document a copy record is a copy of (copies.go)
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
	// FieldPersonForm holds one term per spelling of a person: key, skeleton
	// and surface text joined by PersonFormSep. Its dictionary (terms and
	// article counts) is what groups the keys of one person into one entry
	// (search.People) without reading every document.
	FieldPersonForm = "person_form"
)

// PersonFormSep separates the parts of a person_form term.
const PersonFormSep = "\x1f"

// Entity types the schema knows (pipeline/extract's types).
const (
	EntityPerson   = "person"
	EntityDate     = "date"
	EntityDocument = "document"
	EntityFigure   = "figure"
)

// units are the figure units with a numeric field of their own, so that
// figure:>=1000000VND compares values of one unit.
var units = []struct{ unit, field string }{
	{"VND", "figure_vnd"}, {"USD", "figure_usd"}, {"%", "figure_pct"}, {"km", "figure_km"}, {"ha", "figure_ha"},
}

// Schema is every field of the index, in mapping order.
var Schema = func() []Field {
	s := []Field{
		{Name: FieldLead, Kind: Text},
		{Name: FieldBody, Kind: Text},
		{Name: FieldLang, Kind: Keyword, DocValues: true, Facet: "lang"},
		{Name: FieldPath, Kind: Keyword},
		{Name: FieldFile, Kind: Keyword, Internal: true},
		{Name: FieldCopyOf, Kind: Keyword, Internal: true},
		{Name: FieldSourceURL, Kind: Keyword},
		{Name: FieldPerson, Kind: Keyword, DocValues: true, Entity: EntityPerson, Boost: 4,
			Term: func(e *Entity) (any, bool) { return strings.ToLower(e.Text), true }},
		{Name: FieldPersonKey, Kind: Keyword, DocValues: true, Facet: "person", Entity: EntityPerson, Boost: 2,
			Term:    func(e *Entity) (any, bool) { return e.Key, e.Key != "" },
			Related: func(*Entity) bool { return true }},
		{Name: FieldDocument, Kind: Keyword, DocValues: true, Facet: "document", Entity: EntityDocument,
			Term:    func(e *Entity) (any, bool) { return e.Folded, true },
			Related: func(*Entity) bool { return true }},
		{Name: FieldDate, Kind: Keyword, DocValues: true, Facet: "date", Entity: EntityDate,
			Term: func(e *Entity) (any, bool) { return EffectiveDate(e), true }},
		// translations of one story name the same days, with a year or not
		{Name: FieldMonthDay, Kind: Keyword, Entity: EntityDate,
			Term: func(e *Entity) (any, bool) {
				if len(e.Value) < 5 {
					return nil, false
				}
				return "--" + e.Value[len(e.Value)-5:], true
			},
			Related: func(*Entity) bool { return true }},
		{Name: FieldUnit, Kind: Keyword, Facet: "unit", Entity: EntityFigure,
			Term: func(e *Entity) (any, bool) { return e.Unit, e.Unit != "" }},
		{Name: FieldPersonSkel, Kind: Keyword, Entity: EntityPerson,
			Term: func(e *Entity) (any, bool) { return e.Skeleton, e.Key != "" }},
		{Name: FieldPersonForm, Kind: Keyword, Entity: EntityPerson, NoQuery: true,
			Term: func(e *Entity) (any, bool) {
				return e.Key + PersonFormSep + e.Skeleton + PersonFormSep + e.Text, e.Key != ""
			}},
		{Name: FieldYear, Kind: Keyword, DocValues: true, Facet: "year", Entity: EntityDate,
			Term: func(e *Entity) (any, bool) { return datePart(e, 4) }},
		{Name: FieldMonth, Kind: Keyword, DocValues: true, Facet: "month", Entity: EntityDate,
			Term: func(e *Entity) (any, bool) { return datePart(e, 7) }},
		{Name: FieldFigureKW, Kind: Keyword, DocValues: true, Facet: "figure", Entity: EntityFigure,
			Term: func(e *Entity) (any, bool) { _, ok := figureValue(e); return e.Value, ok },
			Related: func(e *Entity) bool {
				f, ok := figureValue(e)
				return ok && f >= 100
			}},
	}
	for _, u := range units {
		s = append(s, Field{Name: u.field, Kind: Numeric, Entity: EntityFigure,
			Term: func(e *Entity) (any, bool) {
				f, ok := figureValue(e)
				return f, ok && UnitField(e.Unit) == u.field
			}})
	}
	return append(s,
		Field{Name: FieldFigure, Kind: Numeric, Entity: EntityFigure,
			Term: func(e *Entity) (any, bool) { return figureValue(e) }},
		Field{Name: FieldDateTime, Kind: DateTime, DocValues: true, Entity: EntityDate,
			Term: func(e *Entity) (any, bool) { return fullDate(e) }},
		Field{Name: FieldSource, Kind: Stored},
	)
}()

// EffectiveDate is the day a date mention is filed under: its value
// (YYYY-MM-DD, or --MM-DD without a year), or, for a year-less mention whose
// year was inferred (YearInferred), that day in the inferred year. The date,
// date_time, year and month fields hold it, so date searches, --from/--to and
// timelines place an inferred date; monthday keeps the --MM-DD of every date.
func EffectiveDate(e *Entity) string {
	if e.YearInferred > 0 && e.YearInferred < 10000 && len(e.Value) == 7 && strings.HasPrefix(e.Value, "--") {
		v := strconv.Itoa(e.YearInferred) + e.Value[1:]
		if _, err := time.Parse("2006-01-02", v); err == nil && len(v) == 10 {
			return v
		}
	}
	return e.Value
}

// fullDate is a date mention's day, if it names one with a year (its own or
// an inferred one).
func fullDate(e *Entity) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", EffectiveDate(e))
	return t, err == nil
}

// datePart is the first n bytes of a full date (YYYY, YYYY-MM).
func datePart(e *Entity, n int) (any, bool) {
	if _, ok := fullDate(e); !ok {
		return nil, false
	}
	return EffectiveDate(e)[:n], true
}

// figureValue is a figure mention's value, if it is a number.
func figureValue(e *Entity) (float64, bool) {
	f, err := strconv.ParseFloat(e.Value, 64)
	return f, err == nil
}

// FacetFields maps the facet names of the CLI to index fields.
var FacetFields = func() map[string]string {
	m := map[string]string{}
	for _, f := range Schema {
		if f.Facet != "" {
			m[f.Facet] = f.Name
		}
	}
	return m
}()

// FacetNames are the facet names, in schema order.
var FacetNames = func() []string {
	var out []string
	for _, f := range Schema {
		if f.Facet != "" {
			out = append(out, f.Facet)
		}
	}
	return out
}()

// EntityFields returns the rows whose terms come from entities of type typ, in
// schema order.
func EntityFields(typ string) []*Field {
	var out []*Field
	for i := range Schema {
		if Schema[i].Entity == typ {
			out = append(out, &Schema[i])
		}
	}
	return out
}

// Prefix is a field a query may name before a colon (person:"To Lam").
type Prefix struct {
	Name string
	// Entity is the entity type whose mentions a clause on the prefix matches and
	// highlights ("" for lang: and source:, which match the document).
	Entity string
	// Highlight reports whether mention e matches the clause's value q, the
	// query value canonicalised into an entity (SearchOptions.Canon). nil: the
	// prefix's clauses highlight nothing.
	Highlight func(e, q *Entity) bool
}

// Prefixes are the query prefixes, in the order the query syntax lists them.
var Prefixes = []Prefix{
	{Name: "person", Entity: EntityPerson, Highlight: func(e, q *Entity) bool {
		return strings.EqualFold(e.Text, q.Text) || e.Key == q.Key || (e.Key != "" && e.Skeleton == q.Skeleton)
	}},
	{Name: "document", Entity: EntityDocument, Highlight: func(e, q *Entity) bool { return e.Folded == q.Folded }},
	{Name: "date", Entity: EntityDate, Highlight: func(e, q *Entity) bool {
		v, ev := q.Value, EffectiveDate(e)
		return e.Value == v || strings.HasPrefix(ev, v) || (strings.HasPrefix(v, "--") && strings.HasSuffix(e.Value, v[1:]))
	}},
	{Name: "figure", Entity: EntityFigure},
	{Name: "lang"},
	{Name: "source"},
}

// QueryFields are the field names a query may use before a colon.
var QueryFields = func() []string {
	out := make([]string, len(Prefixes))
	for i, p := range Prefixes {
		out[i] = p.Name
	}
	return out
}()

// QueryPrefix returns the prefix named name, nil if none.
func QueryPrefix(name string) *Prefix {
	for i := range Prefixes {
		if Prefixes[i].Name == name {
			return &Prefixes[i]
		}
	}
	return nil
}

// UnitField returns the numeric field of figures in unit (VND, USD, %, km, ha), or "".
func UnitField(unit string) string {
	for _, u := range units {
		if u.unit == unit {
			return u.field
		}
	}
	for _, u := range units {
		if strings.EqualFold(u.unit, unit) {
			return u.field
		}
	}
	if strings.EqualFold(unit, "pct") || strings.EqualFold(unit, "percent") {
		return UnitField("%")
	}
	return ""
}

// entityTerms returns the terms of every schema field that d's entities yield
// (entityFieldTerms), by field name.
func entityTerms(d *Document) map[string]any {
	m := map[string]any{}
	for i := range Schema {
		f := &Schema[i]
		if f.Entity == "" {
			continue
		}
		kws, nums, times := entityFieldTerms(d, f)
		switch {
		case len(kws) > 0:
			m[f.Name] = kws
		case len(nums) > 0:
			m[f.Name] = nums
		case len(times) > 0:
			m[f.Name] = times
		}
	}
	return m
}
