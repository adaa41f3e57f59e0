package index

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hr" // the reference, in tests only
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

func TestCroatianData(t *testing.T) {
	rules, err := hrStemRules()
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 73 {
		t.Errorf("%d stemming rules, want bleve's 73", len(rules))
	}
	suffixes, err := parseHRSuffixes(hrSuffixText)
	if err != nil {
		t.Fatal(err)
	}
	if len(suffixes) != 128 {
		t.Errorf("%d suffix transformations, want bleve's 128", len(suffixes))
	}
	if _, err := parseHRSuffixes("a b c\n"); err == nil {
		t.Error("a line of three words parses")
	}
	words := analysis.NewTokenMap()
	if err := words.LoadBytes(hrStopText); err != nil {
		t.Fatal(err)
	}
	if len(words) != 68 || !words["biti"] || !words["treba"] || words["hrvatska"] {
		t.Errorf("%d stop words, want bleve's 68 with biti and treba", len(words))
	}
	a := newCroatianAnalyzer(t)
	for _, tc := range []struct{ in, want string }{
		{"Hrvatski sabor je izglasao zakone", "hrvatsk sabor je izglasa zakon"},
		{"lozima", "log"},
		{"prst", "prst"},
	} {
		var got []string
		for _, tok := range a.Analyze([]byte(tc.in)) {
			got = append(got, string(tok.Term))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, strings.Join(got, " "), tc.want)
		}
	}
}

func newCroatianAnalyzer(t testing.TB) analysis.Analyzer {
	a, err := registry.NewCache().AnalyzerNamed(AnalyzerName("hr"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// oldCroatianAnalyzer is the "hr" analyzer as it was, with bleve's filters.
func oldCroatianAnalyzer(t testing.TB) analysis.Analyzer {
	cache := registry.NewCache()
	a := &analysis.DefaultAnalyzer{Tokenizer: Tokenizer{}, TokenFilters: []analysis.TokenFilter{digitsFilter{}}}
	for _, name := range []string{lowercase.Name, "stop_hr", "hr_suffix_transformation_filter", "stemmer_hr"} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		a.TokenFilters = append(a.TokenFilters, f)
	}
	return a
}

// croatianWords are words of our own and every ending of every stemming rule
// after stems that end as the rules' stems do.
func croatianWords(t testing.TB) []string {
	words := strings.Fields(`Hrvatski sabor je u petak izglasao izmjene zakona o lokalnoj samoupravi.
		Predsjednik vlade rekao je da će gospodarski rast ove godine biti veći od četiri posto.
		Stranka je na kongresu izabrala novo vodstvo i usvojila programske smjernice za razdoblje
		do tridesete. Ministarstvo vanjskih poslova i europskih integracija najavilo je posjet
		vijetnamske delegacije Zagrebu, gdje će razgovarati o suradnji u obrazovanju, turizmu i
		prometu. lozima pjesima vojci bojci jacima čajan ijesan anjac ajaca ljaca ejaca
		ojaca ajaka šaca inzima tvenici nstava nicima zicima alaca elaca olaca njaca ekata izama
		jebe ašan prst krv smrt vrh trg grb rt r rr`)
	group := regexp.MustCompile(`\(([^()]*\|[^()]*)\)\$$`)
	stems := []string{"grad", "prst", "učitelj", "r"}
	rules, err := hrStemRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, re := range rules {
		m := group.FindStringSubmatch(re.String())
		if m == nil {
			continue
		}
		for _, end := range strings.Split(m[1], "|") {
			for _, stem := range stems {
				for _, mid := range []string{"", "sk", "an", "ov", "ač"} {
					if w := stem + mid + end; !strings.HasSuffix(w, "teticima") { // bleve's result is random
						words = append(words, w)
					}
				}
			}
		}
	}
	return words
}

// TestCroatianMatchesBleve compares the "hr" analyzer with bleve's filters on our
// words, on every rule's endings, and on the articles of ../shared/corpus in
// languages written in Latin letters (Czech, Polish, …; one per language: the
// stemmer's 73 regular expressions take 20 µs a term).
func TestCroatianMatchesBleve(t *testing.T) {
	oldA, newA := oldCroatianAnalyzer(t), newCroatianAnalyzer(t)
	texts := [][]byte{[]byte(strings.Join(croatianWords(t), " "))}
	latin := regexp.MustCompile(`(^|/)(cs|de|en|es|fr|hu|id|ms|nl|no|pl|pt|ro|sv|tr)(/|_)`)
	seen := map[string]bool{}
	for _, p := range recallFilesOrNone() {
		if m := latin.FindStringSubmatch(filepath.ToSlash(p)); m != nil && !seen[m[2]] {
			seen[m[2]] = true
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, b)
			}
		}
	}
	terms := 0
	for _, text := range texts {
		if bytes.Contains(bytes.ToLower(text), []byte("teticima")) {
			t.Fatal("a text with teticima, for which bleve's result is random")
		}
		got := newA.Analyze(text)
		if err := sameTokens(got, oldA.Analyze(text)); err != nil {
			t.Errorf("%.40q…: %v", text, err)
		}
		terms += len(got)
	}
	t.Logf("%d texts, %d terms", len(texts), terms)
}

// recallFilesOrNone lists the articles of ../shared/corpus, none when it is absent.
func recallFilesOrNone() []string {
	var files []string
	filepath.WalkDir(filepath.Join("..", "..", "shared", "corpus"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	return files
}

func TestCroatianSuffixOrder(t *testing.T) {
	f, err := parseHRSuffixes(hrSuffixText)
	if err != nil {
		t.Fatal(err)
	}
	ts := analysis.TokenStream{&analysis.Token{Term: []byte("teticima")}, &analysis.Token{Term: []byte("nicima")}}
	f.Filter(ts)
	if string(ts[0].Term) != "tetika" || string(ts[1].Term) != "nik" {
		t.Errorf("got %q %q, want tetika nik", ts[0].Term, ts[1].Term)
	}
}
