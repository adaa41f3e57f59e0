package index

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/registry"
)

// The Croatian filters: bleve's analysis/lang/hr (stop words, suffix
// transformations, stemmer) with its tables as our data files. bleve's package
// compiles its 74 regular expressions when the process starts (6 ms of every
// partynews start, whatever it does); ours compiles them the first time a
// Croatian term is stemmed. The terms are bleve's (TestCroatianMatchesBleve).
const (
	StopCroatianName   = "pn_stop_hr"
	SuffixCroatianName = "pn_hr_suffix"
	StemCroatianName   = "pn_stem_hr"
)

var (
	//go:embed hr_stop.txt
	hrStopText []byte
	//go:embed hr_suffixes.txt
	hrSuffixText string
	//go:embed hr_stem.txt
	hrStemText string
)

func init() {
	must(registry.RegisterTokenFilter(StopCroatianName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		words := analysis.NewTokenMap()
		if err := words.LoadBytes(hrStopText); err != nil {
			return nil, fmt.Errorf("hr_stop.txt: %w", err)
		}
		return stop.NewStopTokensFilter(words), nil
	}))
	must(registry.RegisterTokenFilter(SuffixCroatianName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		rules, err := parseHRSuffixes(hrSuffixText)
		if err != nil {
			return nil, err
		}
		return hrSuffixFilter(rules), nil
	}))
	must(registry.RegisterTokenFilter(StemCroatianName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return hrStemFilter{}, nil
	}))
}

// dataLines returns the lines of a data file without comments and blank lines.
func dataLines(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// hrSuffixFilter replaces the first suffix of its list a term ends in.
type hrSuffixFilter [][2]string

func parseHRSuffixes(text string) (hrSuffixFilter, error) {
	var rules hrSuffixFilter
	for _, line := range dataLines(text) {
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("hr_suffixes.txt: %q is not a suffix and its replacement", line)
		}
		rules = append(rules, [2]string{f[0], f[1]})
	}
	return rules, nil
}

func (f hrSuffixFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		for _, r := range f {
			if len(t.Term) >= len(r[0]) && string(t.Term[len(t.Term)-len(r[0]):]) == r[0] {
				t.Term = append(t.Term[:len(t.Term)-len(r[0]):len(t.Term)-len(r[0])], r[1]...)
				break
			}
		}
	}
	return in
}

var hrStemRules = sync.OnceValues(func() ([]*regexp.Regexp, error) {
	var rules []*regexp.Regexp
	for _, line := range dataLines(hrStemText) {
		re, err := regexp.Compile(line)
		if err != nil {
			return nil, fmt.Errorf("hr_stem.txt: %w", err)
		}
		rules = append(rules, re)
	}
	return rules, nil
})

// hrStemFilter is bleve's Croatian stemmer (stemmer_hr).
type hrStemFilter struct{}

func (hrStemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	rules, err := hrStemRules()
	if err != nil {
		return in // not reached: TestCroatianData compiles every rule
	}
	for _, t := range in {
		if s := string(t.Term); len(s) > 0 {
			if stem := stemCroatian(rules, s); stem != s {
				t.Term = []byte(stem)
			}
		}
	}
	return in
}

// stemCroatian returns the first group of the first rule that matches term and
// whose group holds a vowel. bleve asks the last with a regular expression that
// marks each r not next to a vowel as one (a syllabic r, as in "prst"): a group
// with no a, e, i, o, u has such an r exactly when it has an r at all.
func stemCroatian(rules []*regexp.Regexp, term string) string {
	for _, re := range rules {
		m := re.FindStringSubmatch(term)
		if len(m) > 1 && m[1] != "" && strings.ContainsAny(m[1], "aeiour") {
			return m[1]
		}
	}
	return term
}
