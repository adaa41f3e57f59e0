package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/partynews/partynews/corpus"
)

// crossScript: two people, the spellings a user may type for them in five
// scripts, and every spelling of them the gold files hold (labelled by hand
// once, from the list of all gold person forms whose skeletons are near).
var crossScript = []struct {
	name    string
	queries []string
	gold    []string
}{
	{"To Lam",
		[]string{"To Lam", "Tô Lâm", "टो लाम", "ٹو لام", "ト・ラム", "苏林", "蘇林", "또 럼", "토람", "ໂຕເລິມ", "តូ ឡឹម", "טו לאם", "โต ลัม", "Το Λαμ", "То Лам", "টো লাম"},
		[]string{"To Lam", "Tô Lâm", "To Lama", "tajemníkTo Lam", "טו לאם", "तो लाम", "টো লাম", "โต ลัม", "โตลัม", "То Лам", "टो लाम", "ໂຕເລິມ", "苏林", "토람", "ٹو لام", "टो लैम"}},
	{"Pham Minh Chinh",
		[]string{"Pham Minh Chinh", "Phạm Minh Chính", "फाम मिन्ह चिन्ह", "फाम मिन्ह चीन्ह", "فام من چن", "ファム・ミン・チン", "范明政", "팜 민 찐", "Φαμ Μινχ Τσινχ", "Фам Минь Тьинь", "ຟ້າມ ມິງ ຈິ້ງ", "ផាម មិញ ឈីញ", "فام مينه تشينه"},
		[]string{"Pham Minh Chinh", "फाम मिन्ह चीन्ह", "范明政", "팜 민 찐", "팜민찐", "فام من چن", "Φαμ Μινχ Τσινχ"}},
}

// TestCrossScriptKeys: every spelling a user types of a person gets the key
// (or skeleton) of the articles naming that person in any script, and the
// articles whose extracted people carry that key are those whose gold names
// the person: recall and precision ≥ 0.9, as person:"…" searches see them.
// Skipped without ../shared.
func TestCrossScriptKeys(t *testing.T) {
	sets := map[string]string{"dev-gold.jsonl": "seeds", "dev-gold-multilingual.jsonl": "dev-flat", "dev-gold-more.jsonl": "dev-more"}
	type article struct {
		people []Entity
		gold   map[string]bool
	}
	var arts []article
	for gold, dir := range sets {
		f, err := os.Open(filepath.Join("../../../shared/eval", gold))
		if err != nil {
			t.Skip("no ../shared")
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r struct {
				File, Lang         string
				Entities, Optional []struct{ Type, Text string }
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			a, err := corpus.Read(filepath.Join("../../../shared/corpus", dir, r.File), 0)
			if err != nil {
				t.Fatal(err)
			}
			art := article{gold: map[string]bool{}}
			for _, e := range append(r.Entities, r.Optional...) {
				if e.Type == Person {
					art.gold[e.Text] = true
				}
			}
			for _, e := range All(a.Text, r.Lang, Default()...) {
				if e.Type == Person {
					art.people = append(art.people, e)
				}
			}
			arts = append(arts, art)
		}
		f.Close()
	}
	for _, p := range crossScript {
		want, _ := QueryEntity(Person, p.name)
		for _, q := range p.queries {
			if e, _ := QueryEntity(Person, q); e.Key != want.Key && e.Skeleton != want.Skeleton {
				t.Errorf("%s: query %q has key %q (%q), want %q (%q)", p.name, q, e.Key, e.Skeleton, want.Key, want.Skeleton)
			}
		}
		truth, found, hit := 0, 0, 0
		for _, a := range arts {
			named := false
			for _, g := range p.gold {
				named = named || a.gold[g]
			}
			got := false
			for _, e := range a.people {
				got = got || e.Key == want.Key || e.Skeleton == want.Skeleton
			}
			if named {
				truth++
			}
			if got {
				found++
			}
			if named && got {
				hit++
			}
		}
		if truth == 0 || found == 0 {
			t.Fatalf("%s: %d articles name them, %d found", p.name, truth, found)
		}
		rec, prec := float64(hit)/float64(truth), float64(hit)/float64(found)
		t.Logf("%-16s truth %d found %d recall %.2f precision %.2f", p.name, truth, found, rec, prec)
		if rec < 0.9 || prec < 0.9 {
			t.Errorf("%s: recall %.2f, precision %.2f, want ≥ 0.9", p.name, rec, prec)
		}
	}
}
