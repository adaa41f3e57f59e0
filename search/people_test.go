package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/partynews/partynews/index"
)

func form(key, skel, text string, n int) PersonForm {
	return PersonForm{Key: key, Skeleton: skel, Text: text, Articles: n}
}

// Close variants of one person join its Latin spelling; two Latin spellings,
// or keys that start a syllable differently, stay apart.
func TestGroupPeople(t *testing.T) {
	p := GroupPeople([]PersonForm{
		form("pham minh chinh", "fm mn kn", "Pham Minh Chinh", 6),
		form("pham minh chinh", "fm mn kn", "फाम मिन्ह चीन्ह", 5),
		form("pham man chan", "fm mn kn", "فام من چن", 3), // Urdu writes few vowels
		form("to lam", "t lm", "To Lam", 16),
		form("to lam", "t lm", "Tô Lâm", 1),
		form("to laim", "t lm", "टो लैम", 1),
		form("nguyen van nen", "ngn bn n", "Nguyen Van Nen", 2),
		form("nguyen van an", "ngn bn n", "Nguyen Van An", 1), // Latin: another person
		form("nguyen van an", "ngn bn n", "نگوین وان آن", 1),
		form("luong cuong", "lng kng", "Luong Cuong", 1),
		form("luong quang", "lng kng", "Luong Quang", 1),
		form("long kong", "lng kng", "لوونگ کوونگ", 1), // nearer Cuong
		form("long kng", "lng kng", "لونگ کنگ", 1),     // as near to both: neither
		form("bui thi man", "b t mn", "بوئی تھی من", 1),
		form("bui thi minh hoai", "b t mn h", "Bui Thi Minh Hoai", 2),
		form("pham dok tian", "fm dk tn", "فام دوك تيان", 1), // no Latin spelling:
		form("pham dok tin", "fm dk tn", "فام دوک تین", 1),   // grouped together
		form("ho chi minh", "h k mn", "HO CHI MINH", 3),
		form("ho chi minh", "h k mn", "Hồ Chí Minh", 1),
		form("a b", "only-one", "A B", 1), // skeleton does not align
	})
	want := map[string]string{
		"pham man chan": "Pham Minh Chinh", "pham minh chinh": "Pham Minh Chinh",
		"to laim": "Tô Lâm", "to lam": "Tô Lâm",
		"nguyen van nen": "Nguyen Van Nen", "nguyen van an": "Nguyen Van An",
		"luong cuong": "Luong Cuong", "luong quang": "Luong Quang", "long kong": "Luong Cuong",
		"long kng": "Long Kng", "bui thi man": "Bui Thi Man", "bui thi minh hoai": "Bui Thi Minh Hoai",
		"pham dok tian": "Pham Dok Tian", "pham dok tin": "Pham Dok Tian",
		"ho chi minh": "Hồ Chí Minh", "a b": "A B",
	}
	for key, name := range want {
		if e := p.Entry(key); e == nil || e.Name != name {
			t.Errorf("%s: entry %+v, want %s", key, e, name)
		}
	}
	if e := p.Entry("pham minh chinh"); e == nil || strings.Join(e.Keys, ",") != "pham minh chinh,pham man chan" {
		t.Errorf("Pham Minh Chinh's keys: %+v", e)
	}
	for _, c := range []struct {
		q    index.Entity
		want string
	}{
		{index.Entity{Key: "pham man chan", Skeleton: "fm mn kn"}, "Pham Minh Chinh"},
		{index.Entity{Text: "HO CHI MINH", Key: "x"}, "Hồ Chí Minh"},
		{index.Entity{Key: "pham manh chin", Skeleton: "fm mn kn"}, "Pham Minh Chinh"}, // unseen variant
		{index.Entity{Key: "chinh", Skeleton: "kn"}, ""},                               // partial: not an entry
	} {
		got := ""
		if e := p.Lookup(c.q); e != nil {
			got = e.Name
		}
		if got != c.want {
			t.Errorf("Lookup(%+v) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"cuong", "kuong", 0}, {"quang", "koang", 1}, {"minh", "man", 2}, {"", "abc", 3}, {"van", "ban", 0}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

// corpusIndex indexes every article of ../shared/corpus, skipping when absent.
func corpusIndex(t testing.TB) (*Searcher, string) {
	t.Helper()
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared/corpus absent")
	}
	root, _ = filepath.Abs(root)
	var paths []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	writeIndex(t, dir, paths)
	sr, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sr.Close() })
	return sr, root
}

// On the real articles: no two of the top 15 people are one person (their
// keys are not close variants), and each entry's count is what person:"Name"
// finds.
func TestPeopleCorpus(t *testing.T) {
	sr, _ := corpusIndex(t)
	ctx := context.Background()
	top, err := sr.Top(ctx, "person", 15, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := sr.People()
	if err != nil {
		t.Fatal(err)
	}
	merged := 0
	for _, e := range p.Entries {
		if len(e.Keys) > 1 {
			merged++
			t.Logf("entry %s: %q", e.Name, e.Keys)
		}
	}
	t.Logf("%d entries, %d with more than one key", len(p.Entries), merged)
	if merged == 0 {
		t.Error("no person entry groups two keys")
	}
	for i, fc := range top {
		t.Logf("%2d. %-25s %d", i+1, fc.Term, fc.Count)
		q, err := ParseQuery(`person:"` + fc.Term + `"`)
		if err != nil {
			t.Fatal(err)
		}
		bq, err := sr.build(q, sr.Languages(), SearchOptions{Canon: Canon})
		if err != nil {
			t.Fatal(err)
		}
		res, err := sr.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(bq, 0, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		if int(res.Total) != fc.Count {
			t.Errorf("%s: entry counts %d articles, person:%q finds %d", fc.Term, fc.Count, fc.Term, res.Total)
		}
	}
	// no two of the top entries share a consonant skeleton (what a reader
	// would take for one name spelled two ways)
	skel := map[string]string{}
	for _, fc := range top {
		e := p.Lookup(index.Entity{Text: fc.Term})
		if e == nil {
			t.Errorf("%s: no entry by its name", fc.Term)
			continue
		}
		for _, k := range e.Keys {
			sk := p.infos[k].sk
			s := strings.Join(sk, " ")
			if o, ok := skel[s]; ok && o != e.Name {
				t.Errorf("%s and %s share the skeleton %q", o, e.Name, s)
			}
			skel[s] = e.Name
		}
	}
}

func TestFillMonths(t *testing.T) {
	got := fillMonths([]FacetCount{{Term: "2024-11", Count: 2}, {Term: "2025-02", Count: 1}})
	want := "[{2024-11 2 []} {2024-12 0 []} {2025-01 0 []} {2025-02 1 []}]"
	if s := fmt.Sprint(got); s != want {
		t.Errorf("fillMonths: %s, want %s", s, want)
	}
	if got := fillMonths([]FacetCount{{Term: "2024-11", Count: 2}}); len(got) != 1 {
		t.Errorf("one month: %v", got)
	}
}

// A timeline places the articles whose dates have no year but an inferred one,
// and shows the months between.
func TestTimelineCorpus(t *testing.T) {
	sr, _ := corpusIndex(t)
	q, _ := ParseQuery(`person:"To Lam"`)
	tl, err := sr.Timeline(context.Background(), q, SearchOptions{Canon: Canon})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("person:\"To Lam\": %d articles, %d placed, %d months", tl.Total, tl.Placed, len(tl.Months))
	if tl.Placed < 12 || tl.Placed > tl.Total {
		t.Errorf("placed %d of %d, want at least 12 (9 before years were inferred)", tl.Placed, tl.Total)
	}
	for i := 1; i < len(tl.Months); i++ {
		a, _ := time.Parse("2006-01", tl.Months[i-1].Term)
		b, _ := time.Parse("2006-01", tl.Months[i].Term)
		if !a.AddDate(0, 1, 0).Equal(b) {
			t.Errorf("months %s and %s are not consecutive", tl.Months[i-1].Term, tl.Months[i].Term)
		}
	}
}

func FuzzGroupPeople(f *testing.F) {
	f.Add("pham minh chinh", "fm mn kn", "Pham Minh Chinh", "pham man chan", "fm mn kn", "فام من چن")
	f.Add("a", "", "A", "b c", "b", "ب")
	f.Fuzz(func(t *testing.T, k1, s1, t1, k2, s2, t2 string) {
		p := GroupPeople([]PersonForm{form(k1, s1, t1, 2), form(k2, s2, t2, 1)})
		for _, e := range p.Entries {
			if len(e.Keys) == 0 {
				t.Errorf("entry %q without keys", e.Name)
			}
		}
		p.Lookup(index.Entity{Key: k2, Skeleton: s1, Text: t2})
		editDistance(k1, k2)
	})
}
