package index

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// The fields one document's entities yield, field by field: each row of the
// schema does what the hand-written switch it replaced did.
func TestSchemaTerms(t *testing.T) {
	d := &Document{ID: "x", Lang: "hi", Text: "t", Entities: []Entity{
		{Type: EntityPerson, Text: "To Lam", Key: "to lam", Skeleton: "t lm"},
		{Type: EntityPerson, Text: "Nobody"}, // no key: no key or skeleton terms
		{Type: EntityDocument, Value: "30/2020/NĐ-CP", Folded: "30/2020/ND-CP"},
		{Type: EntityDate, Value: "2024-12-28"},
		{Type: EntityDate, Value: "--03-29"},
		{Type: EntityDate, Value: "--05-01", YearInferred: 2025}, // filed under its inferred day
		{Type: EntityFigure, Value: "1500000", Unit: "VND"},
		{Type: EntityFigure, Value: "12.5", Unit: "%"},
		{Type: EntityFigure, Value: "many", Unit: "km"}, // not a number: its unit only
	}}
	got := entityTerms(d)
	day := time.Date(2024, 12, 28, 0, 0, 0, 0, time.UTC)
	want := map[string]any{
		FieldPerson:     []string{"nobody", "to lam"},
		FieldPersonKey:  []string{"to lam"},
		FieldPersonSkel: []string{"t lm"},
		FieldPersonForm: []string{"to lam\x1ft lm\x1fTo Lam"},
		FieldDocument:   []string{"30/2020/ND-CP"},
		FieldDate:       []string{"--03-29", "2024-12-28", "2025-05-01"},
		FieldMonthDay:   []string{"--03-29", "--05-01", "--12-28"},
		FieldYear:       []string{"2024", "2025"},
		FieldMonth:      []string{"2024-12", "2025-05"},
		FieldDateTime:   []time.Time{day, time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)},
		FieldUnit:       []string{"%", "VND", "km"},
		FieldFigureKW:   []string{"12.5", "1500000"},
		FieldFigure:     []float64{1500000, 12.5},
		"figure_vnd":    []float64{1500000},
		"figure_pct":    []float64{12.5},
	}
	for f, w := range want {
		if !reflect.DeepEqual(got[f], w) {
			t.Errorf("%s: %v, want %v", f, got[f], w)
		}
	}
	for f := range got {
		if _, ok := want[f]; !ok {
			t.Errorf("unexpected field %s: %v", f, got[f])
		}
	}
}

// Every field has a mapping, every facet a doc-valued keyword field, every
// query prefix with an entity type a field of that type.
func TestSchemaConsistent(t *testing.T) {
	m := NewMapping()
	seen := map[string]bool{}
	for _, f := range Schema {
		if seen[f.Name] {
			t.Errorf("field %s twice", f.Name)
		}
		seen[f.Name] = true
		if dm := m.DefaultMapping.Properties[f.Name]; dm == nil || len(dm.Fields) != 1 || dm.Fields[0].DocValues != f.DocValues {
			t.Errorf("field %s: mapping %+v", f.Name, dm)
		}
		if f.Facet != "" && f.Kind != Keyword {
			t.Errorf("facet %s: field %s is not a keyword", f.Facet, f.Name)
		}
		if (f.Entity == "") != (f.Term == nil) {
			t.Errorf("field %s: an entity type needs a Term, and only it", f.Name)
		}
	}
	want := map[string]string{
		"lang": FieldLang, "person": FieldPersonKey, "document": FieldDocument, "year": FieldYear,
		"month": FieldMonth, "date": FieldDate, "unit": FieldUnit, "figure": FieldFigureKW,
	}
	if fmt.Sprint(FacetFields) != fmt.Sprint(want) {
		t.Errorf("FacetFields %v, want %v", FacetFields, want)
	}
	for _, p := range Prefixes {
		if p.Entity != "" && len(EntityFields(p.Entity)) == 0 {
			t.Errorf("prefix %s: no field of entity type %s", p.Name, p.Entity)
		}
	}
	for _, u := range []string{"VND", "usd", "%", "pct", "percent", "km", "HA"} {
		if UnitField(u) == "" {
			t.Errorf("UnitField(%q) empty", u)
		}
	}
	if UnitField("kg") != "" {
		t.Error("UnitField(kg) is a field")
	}
}
