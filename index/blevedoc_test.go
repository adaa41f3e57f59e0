package index

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
)

// preparedDocs are documents with every kind of field: text in scripts with
// and without spaces, entities of every type, several files.
func preparedDocs() []*stored {
	ents := []Entity{
		{Type: EntityPerson, Text: "To Lam", Key: "to lam", Skeleton: "t lm"},
		{Type: EntityPerson, Text: "Pham Minh Chinh", Key: "pham minh chinh", Skeleton: "fm mn kn"},
		{Type: EntityDate, Text: "5 December 2024", Value: "2024-12-05"},
		{Type: EntityDate, Text: "5 December", Value: "--12-05", YearInferred: 2024},
		{Type: EntityDocument, Text: "Resolution 18-NQ/TW", Value: "18-NQ/TW", Folded: "18-NQ/TW"},
		{Type: EntityFigure, Text: "1 million dong", Value: "1000000", Unit: "VND"},
		{Type: EntityFigure, Text: "12.5%", Value: "12.5", Unit: "%"},
		{Type: EntityFigure, Text: "300", Value: "300"},
	}
	mk := func(id, lang, lead, body string, files ...string) *stored {
		d := Document{ID: id, Lang: lang, Lead: lead, Body: body, Text: lead + "\n" + body,
			Captions: []string{"Photo: the meeting"}, Byline: "VNA", SourceURL: "https://example.vn/" + id, Entities: ents}
		sd := &stored{Document: d}
		for i, f := range files {
			sd.Files = append(sd.Files, Stat{Path: f, Size: int64(100 + i), ModTime: int64(1e9 * (i + 1))})
			sd.Paths = append(sd.Paths, f)
		}
		return sd
	}
	return []*stored{
		mk("en1", "en", "General Secretary To Lam met the delegation.", "The Party's congresses were held on 5 December 2024.", "/a/en1.txt"),
		mk("hi1", "hi", "महासचिव तो लाम ने प्रतिनिधिमंडल से मुलाकात की।", "सम्मेलनों में 300 प्रतिनिधि शामिल हुए।", "/a/hi1.txt", "/b/hi1.txt"),
		mk("th1", "th", "เลขาธิการใหญ่โต ลัมพบคณะผู้แทน", "การประชุมใหญ่พรรคครั้งที่ 14", "/a/th1.txt"),
		mk("ko1", "ko", "또 럼 서기장은 대표단을 만났다.", "베트남 공산당 제14차 전국대표대회가 열렸다.", "/a/ko1.txt"),
		mk("xx1", "xx", "an article in a language without fields of its own", "body", "/a/xx1.txt"),
	}
}

// terms writes a field's analysed terms with their frequencies and places.
func terms(f document.Field) string {
	var out []string
	for term, tf := range f.AnalyzedTokenFrequencies() {
		s := fmt.Sprintf("%q×%d", term, tf.Frequency())
		for _, l := range tf.Locations {
			s += fmt.Sprintf(" %s@%d[%d:%d]%v", l.Field, l.Position, l.Start, l.End, []uint64(l.ArrayPositions))
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return fmt.Sprint(out)
}

type fieldKey struct {
	name string
	pos  string
}

func analysedFields(t *testing.T, doc *document.Document) map[fieldKey]document.Field {
	t.Helper()
	out := map[fieldKey]document.Field{}
	for _, f := range doc.Fields {
		f.Analyze()
		k := fieldKey{f.Name(), fmt.Sprint(f.ArrayPositions())}
		if _, dup := out[k]; dup {
			t.Errorf("field %v twice", k)
		}
		out[k] = f
	}
	return out
}

// The document the writer builds itself is the one bleve would build by
// walking toBleve's map through the mapping: the same fields, options,
// values and terms (with their positions), except that numbers and dates
// carry 4 of the mapping's 16 trie terms (trie.go).
func TestBleveDocumentMatchesMapping(t *testing.T) {
	m := NewMapping()
	for _, sd := range preparedDocs() {
		{
			want := document.NewDocument(sd.ID)
			if err := m.MapDocument(want, toBleve(sd)); err != nil {
				t.Fatal(err)
			}
			if len(want.CompositeFields) != 0 {
				t.Errorf("%s: the mapping makes composite fields (_all): %d", sd.ID, len(want.CompositeFields))
			}
			cp := *sd
			got, size := bleveDocument(&cp)
			if size <= len(sd.Text) {
				t.Errorf("%s: size %d, want more than the text's %d bytes", sd.ID, size, len(sd.Text))
			}
			gf, wf := analysedFields(t, got), analysedFields(t, want)
			var names []string
			for k := range wf {
				names = append(names, k.name+k.pos)
			}
			sort.Strings(names)
			if len(gf) != len(wf) {
				t.Errorf("%s: %d fields, want %d (%v)", sd.ID, len(gf), len(wf), names)
			}
			for k, w := range wf {
				g, ok := gf[k]
				if !ok {
					t.Errorf("%s: no field %v", sd.ID, k)
					continue
				}
				if trie := w.EncodedFieldType() == 'n' || w.EncodedFieldType() == 'd'; trie {
					// a number or date: the trie field's 4 terms are the
					// mapping's at shifts 0, 16, 32, 48 (trie.go)
					if g.Options() != w.Options() {
						t.Errorf("%s: field %v: options %v, want %v", sd.ID, k, g.Options(), w.Options())
					}
					wantTerms := w.AnalyzedTokenFrequencies()
					if len(g.AnalyzedTokenFrequencies()) != 64/TrieStep {
						t.Errorf("%s: field %v: %d terms, want %d", sd.ID, k, len(g.AnalyzedTokenFrequencies()), 64/TrieStep)
					}
					for term, tf := range g.AnalyzedTokenFrequencies() {
						if wt := wantTerms[term]; wt == nil || wt.Frequency() != tf.Frequency() {
							t.Errorf("%s: field %v: term %x is not the mapping's", sd.ID, k, term)
						}
					}
					continue
				}
				if g.Options() != w.Options() || string(g.Value()) != string(w.Value()) || g.EncodedFieldType() != w.EncodedFieldType() {
					t.Errorf("%s: field %v: options %v value %q type %c, want %v %q %c", sd.ID, k,
						g.Options(), g.Value(), g.EncodedFieldType(), w.Options(), w.Value(), w.EncodedFieldType())
				}
				if !w.Options().IsIndexed() {
					continue // never analysed
				}
				if gt, wt := terms(g), terms(w); g.AnalyzedLength() != w.AnalyzedLength() || gt != wt {
					t.Errorf("%s: field %v: %d terms %s\nwant %d %s", sd.ID, k, g.AnalyzedLength(), gt, w.AnalyzedLength(), wt)
				}
			}
		}
	}
}

// Text terms are the language analyzer's terms, tagged with the language;
// a language without fields of its own is tagged und.
func TestTextTerms(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"en", "The Parties met", "en\x1fparti en\x1fmet"},
		{"hi", "सम्मेलनों में", "hi\x1fसममेलन"},
		{"xx", "Words Here", "und\x1fwords und\x1fhere"},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range (textAnalyzer{}).Analyze([]byte(TextValue(tc.lang, tc.text))) {
			got = append(got, string(tok.Term))
		}
		want := splitSpace(tc.want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %q: %q, want %q", tc.lang, tc.text, got, want)
		}
	}
}

func splitSpace(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// An index of format 2 had a field pair per language with untagged terms;
// searches still read it.
func TestTextFieldsByFormat(t *testing.T) {
	for _, tc := range []struct {
		format           int
		lead, body, term string
	}{
		{2, "lead_hi", "body_hi", "party"},
		{3, FieldLead, FieldBody, "hi\x1fparty"},
	} {
		tf := (&Reader{format: tc.format}).TextFields("hi")
		if tf.Lead != tc.lead || tf.Body != tc.body || tf.Term("party") != tc.term {
			t.Errorf("format %d: %s %s %q, want %s %s %q", tc.format, tf.Lead, tf.Body, tf.Term("party"), tc.lead, tc.body, tc.term)
		}
	}
}
