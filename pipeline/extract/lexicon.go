package extract

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// Lexicon is the words one language uses around entities, loaded from
// lexicon/<lang>.txt. Every phrase is kept as its token sequence, lower-cased.
type Lexicon struct {
	Lang          string
	Months        []phrase // Value: month number
	Numbers       []phrase // Value: the number
	Multipliers   []phrase // Value: the factor
	Units         []phrase // Unit: the unit code
	Letters       []phrase // Unit: the Latin letter
	Approx        []phrase
	MoreBefore    []phrase
	More          []phrase // after the number: "से अधिक"
	Less          []phrase
	Range         []phrase
	DateJoiner    []phrase
	YearPrefix    []phrase
	OrdinalAfter  []phrase
	OrdinalBefore []phrase
	NotFigure     []phrase // after a number, makes it no figure (5-वर्षीय, 8 बजे)
	NumberAfter   []phrase // nouns that make a number word a figure (तीन बार)
	NumberSign    []phrase // words before an identifier, not a quantity (संख्या 3, No. 3)
	Titles        []phrase
	Particles     []phrase
	Stopwords     []phrase // everyday words that look like name syllables
	NameSuffixes  []phrase // case endings glued to names (Мина, লামের)
	Decimal       byte     // '.' or ','
	GroupSpace    bool     // "119 396"
	MonthFirst    bool     // "October 16, 2025"
	DayDot        bool     // "5. November"
	Glued         bool     // endings glue to words: a one-word phrase may start a longer word (মিলিয়নেরও)
}

// phrase is a lexicon entry: its tokens (lower-cased) and what it stands for.
type phrase struct {
	toks  []string
	text  string
	Value float64
	Unit  string
}

var lexicons = loadLexicons()

// LexiconFor returns the lexicon of lang, or one with no words (and the Latin
// defaults) for a language without a file.
func LexiconFor(lang string) *Lexicon {
	if l, ok := lexicons[lang]; ok {
		return l
	}
	return lexicons[""]
}

// Languages returns the languages that have a lexicon file.
func Languages() []string {
	var out []string
	for l := range lexicons {
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
			err = withValue(&l.Months)
		case "numbers":
			err = withValue(&l.Numbers)
		case "multipliers":
			err = withValue(&l.Multipliers)
		case "units":
			err = withUnit(&l.Units)
		case "letters":
			err = withUnit(&l.Letters)
		case "approx":
			l.Approx = append(l.Approx, list...)
		case "more_before":
			l.MoreBefore = append(l.MoreBefore, list...)
		case "more":
			l.More = append(l.More, list...)
		case "less":
			l.Less = append(l.Less, list...)
		case "range":
			l.Range = append(l.Range, list...)
		case "date_joiner":
			l.DateJoiner = append(l.DateJoiner, list...)
		case "year_prefix":
			l.YearPrefix = append(l.YearPrefix, list...)
		case "ordinal_after":
			l.OrdinalAfter = append(l.OrdinalAfter, list...)
		case "ordinal_before":
			l.OrdinalBefore = append(l.OrdinalBefore, list...)
		case "not_figure_after":
			l.NotFigure = append(l.NotFigure, list...)
		case "number_sign":
			l.NumberSign = append(l.NumberSign, list...)
		case "number_after":
			l.NumberAfter = append(l.NumberAfter, list...)
		case "titles":
			l.Titles = append(l.Titles, list...)
		case "name_suffixes":
			l.NameSuffixes = append(l.NameSuffixes, list...)
		case "stopwords":
			l.Stopwords = append(l.Stopwords, list...)
		case "particles":
			l.Particles = append(l.Particles, list...)
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
	for _, list := range [][]phrase{l.Months, l.Numbers, l.Multipliers, l.Units, l.Letters, l.Approx, l.MoreBefore, l.More, l.Less,
		l.Range, l.DateJoiner, l.YearPrefix, l.OrdinalAfter, l.OrdinalBefore, l.NotFigure, l.NumberAfter, l.NumberSign, l.Titles, l.Particles, l.Stopwords, l.NameSuffixes} {
		// longest first, so matching prefers "से भी अधिक" over "से"
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].text) > len(list[j].text) })
	}
	return l, nil
}

// phraseTokens splits a lexicon phrase as Tokenize splits text, lower-cased.
func phraseTokens(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		out = append(out, strings.ToLower(s[t.Start:t.End]))
	}
	return out
}
