package extract

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// Lexicon is the words one language uses around entities, loaded from
// lexicon/<lang>.txt. Every phrase is kept as its token sequence, lower-cased.
type Lexicon struct {
	Lang          string
	Months        phrases // Value: month number
	Numbers       phrases // Value: the number
	Multipliers   phrases // Value: the factor
	Units         phrases // Unit: the unit code
	Letters       phrases // Unit: the Latin letter
	Approx        phrases
	MoreBefore    phrases
	More          phrases // after the number: "से अधिक"
	Less          phrases
	Range         phrases
	DateJoiner    phrases
	YearPrefix    phrases
	OrdinalAfter  phrases
	OrdinalBefore phrases
	NotFigure     phrases // after a number, makes it no figure (5-वर्षीय, 8 बजे)
	NumberAfter   phrases // nouns that make a number word a figure (तीन बार)
	NumberSign    phrases // words before an identifier, not a quantity (संख्या 3, No. 3)
	Titles        phrases
	Particles     phrases
	Stopwords     phrases // everyday words that look like name syllables
	NameSuffixes  phrases // case endings glued to names (Мина, লামের)
	Decimal       byte    // '.' or ','
	GroupSpace    bool    // "119 396"
	MonthFirst    bool    // "October 16, 2025"
	DayDot        bool    // "5. November"
	Glued         bool    // endings glue to words: a one-word phrase may start a longer word (মিলিয়নেরও)
}

// phrase is a lexicon entry: its tokens (lower-cased) and what it stands for.
type phrase struct {
	toks  []string
	text  string
	Value float64
	Unit  string
}

// lexicons are loaded on first use, not at start: a search process that never
// extracts does not pay for them.
var lexicons = sync.OnceValue(loadLexicons)

// LexiconFor returns the lexicon of lang, or one with no words (and the Latin
// defaults) for a language without a file.
func LexiconFor(lang string) *Lexicon {
	if l, ok := lexicons()[lang]; ok {
		return l
	}
	return lexicons()[""]
}

// Languages returns the languages that have a lexicon file.
func Languages() []string {
	var out []string
	for l := range lexicons() {
		if l != "" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func loadLexicons() map[string]*Lexicon {
	out := map[string]*Lexicon{"": {Decimal: '.'}}
	entries, err := lexiconFiles.ReadDir("lexicon")
	if err != nil {
		panic(err) // embedded at build time
	}
	for _, e := range entries {
		lang := strings.TrimSuffix(e.Name(), ".txt")
		data, _ := lexiconFiles.ReadFile("lexicon/" + e.Name())
		l, err := ParseLexicon(lang, string(data))
		if err != nil {
			panic(fmt.Sprintf("lexicon %s: %v", e.Name(), err)) // a test loads every file
		}
		out[lang] = l
	}
	return out
}

// ParseLexicon reads a lexicon file: "[section]" lines, then in each section lines
// of comma-separated phrases, optionally after "KEY:" (a number or a unit code).
func ParseLexicon(lang, data string) (*Lexicon, error) {
	l := &Lexicon{Lang: lang, Decimal: '.'}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		key := ""
		if i := strings.Index(line, ": "); i > 0 && !strings.Contains(line[:i], ",") {
			key, line = strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+2:])
		}
		var list []phrase
		for _, alt := range strings.Split(line, ",") {
			alt = strings.TrimSpace(alt)
			if alt == "" {
				continue
			}
			p := phrase{toks: phraseTokens(alt), text: alt}
			if len(p.toks) == 0 {
				return nil, fmt.Errorf("line %d: %q has no tokens", n, alt)
			}
			list = append(list, p)
		}
		num := func() (float64, error) {
			v, err := strconv.ParseFloat(key, 64)
			if err != nil {
				return 0, fmt.Errorf("line %d: section %s wants NUMBER: phrases, got %q", n, section, key)
			}
			return v, nil
		}
		withValue := func(dst *[]phrase) error {
			v, err := num()
			if err != nil {
				return err
			}
			for _, p := range list {
				p.Value = v
				*dst = append(*dst, p)
			}
			return nil
		}
		withUnit := func(dst *[]phrase) error {
			if key == "" {
				return fmt.Errorf("line %d: section %s wants KEY: phrases", n, section)
			}
			for _, p := range list {
				p.Unit = key
				*dst = append(*dst, p)
			}
			return nil
		}
		var err error
		switch section {
		case "months":
			err = withValue(&l.Months.list)
		case "numbers":
			err = withValue(&l.Numbers.list)
		case "multipliers":
			err = withValue(&l.Multipliers.list)
		case "units":
			err = withUnit(&l.Units.list)
		case "letters":
			err = withUnit(&l.Letters.list)
		case "approx":
			l.Approx.list = append(l.Approx.list, list...)
		case "more_before":
			l.MoreBefore.list = append(l.MoreBefore.list, list...)
		case "more":
			l.More.list = append(l.More.list, list...)
		case "less":
			l.Less.list = append(l.Less.list, list...)
		case "range":
			l.Range.list = append(l.Range.list, list...)
		case "date_joiner":
			l.DateJoiner.list = append(l.DateJoiner.list, list...)
		case "year_prefix":
			l.YearPrefix.list = append(l.YearPrefix.list, list...)
		case "ordinal_after":
			l.OrdinalAfter.list = append(l.OrdinalAfter.list, list...)
		case "ordinal_before":
			l.OrdinalBefore.list = append(l.OrdinalBefore.list, list...)
		case "not_figure_after":
			l.NotFigure.list = append(l.NotFigure.list, list...)
		case "number_sign":
			l.NumberSign.list = append(l.NumberSign.list, list...)
		case "number_after":
			l.NumberAfter.list = append(l.NumberAfter.list, list...)
		case "titles":
			l.Titles.list = append(l.Titles.list, list...)
		case "name_suffixes":
			l.NameSuffixes.list = append(l.NameSuffixes.list, list...)
		case "stopwords":
			l.Stopwords.list = append(l.Stopwords.list, list...)
		case "particles":
			l.Particles.list = append(l.Particles.list, list...)
		case "decimal":
			if line != "." && line != "," {
				err = fmt.Errorf("line %d: decimal is . or ,", n)
			}
			l.Decimal = line[0]
		case "group_space", "month_first", "day_dot", "glued":
			v := line == "yes"
			if !v && line != "no" {
				err = fmt.Errorf("line %d: %s is yes or no", n, section)
			}
			switch section {
			case "group_space":
				l.GroupSpace = v
			case "month_first":
				l.MonthFirst = v
			case "glued":
				l.Glued = v
			default:
				l.DayDot = v
			}
		default:
			err = fmt.Errorf("line %d: unknown section [%s]", n, section)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, ps := range []*phrases{&l.Months, &l.Numbers, &l.Multipliers, &l.Units, &l.Letters, &l.Approx, &l.MoreBefore, &l.More, &l.Less,
		&l.Range, &l.DateJoiner, &l.YearPrefix, &l.OrdinalAfter, &l.OrdinalBefore, &l.NotFigure, &l.NumberAfter, &l.NumberSign, &l.Titles, &l.Particles, &l.Stopwords, &l.NameSuffixes} {
		ps.build()
	}
	return l, nil
}

// phrases is one list of a lexicon, longest phrase first, indexed by its first
// and last tokens so that matching at a token looks at the few phrases that can
// match there, not at the whole list.
type phrases struct {
	list    []phrase
	byFirst map[string][]int32 // first token → indices into list, in list order
	byLast  map[string][]int32 // last token → indices into list, in list order
	single  []int32            // one-token phrases, in list order
}

// build sorts the list, longest first (so that matching prefers "से भी अधिक"
// over "से"), and indexes it.
func (ps *phrases) build() {
	sort.SliceStable(ps.list, func(i, j int) bool { return len(ps.list[i].text) > len(ps.list[j].text) })
	ps.byFirst, ps.byLast = map[string][]int32{}, map[string][]int32{}
	for i, p := range ps.list {
		ps.byFirst[p.toks[0]] = append(ps.byFirst[p.toks[0]], int32(i))
		last := p.toks[len(p.toks)-1]
		ps.byLast[last] = append(ps.byLast[last], int32(i))
		if len(p.toks) == 1 {
			ps.single = append(ps.single, int32(i))
		}
	}
}

// phraseTokens splits a lexicon phrase as Tokenize splits text, lower-cased.
func phraseTokens(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		out = append(out, strings.ToLower(s[t.Start:t.End]))
	}
	return out
}
