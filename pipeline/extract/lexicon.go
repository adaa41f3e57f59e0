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
	DayBefore     phrases // before a day: "ວັນທີ 6/10" is a date without a year
	OrdinalAfter  phrases
	OrdinalBefore phrases
	NotFigure     phrases // after a number, makes it no figure (5-वर्षीय, 8 बजे)
	NumberAfter   phrases // nouns that make a number word a figure (तीन बार)
	NumberSign    phrases // words before an identifier, not a quantity (संख्या 3, No. 3)
	Titles        phrases
	TitleEndings  phrases // a compound ending so is a title: utvecklings|minister
	Particles     phrases
	Stopwords     phrases // everyday words that look like name syllables
	NameSuffixes  phrases // case endings glued to names (Мина, লামের)
	NumberClitics phrases // one-letter words that may glue to a number (Arabic و8)
	Decimal       byte    // '.' or ','
	GroupSpace    bool    // "119 396"
	MonthFirst    bool    // "October 16, 2025"
	SlashMonth    bool    // "10/16/2025" when both orders are possible
	DayDot        bool    // "5. November"
	Glued         bool    // endings glue to words: a one-word phrase may start a longer word (মিলিয়নেরও)
	Unspaced      bool    // the script writes words without spaces (Thai, Lao, Khmer, Chinese …)
	GluedNumbers  bool    // a number glued to the word before it is still a number (Chinese 有453名)
	GluedMults    bool    // a multiplier may start a longer word glued to its number (Korean 5만명과)
	OrdinalSpaced bool    // an ordinal ending may stand apart from its number (14 वीं)
	EraOffset     int     // years above 2400 are of an era this many years ahead (Buddhist era: 543)
	ShortYearBase int     // a two-digit year after a month counts from here, in the era (Thai 68 = 2568)
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
		err := l.add(section, key, line, list, n)
		if err != nil {
			return nil, err
		}
	}
	for _, s := range phraseSections {
		s.field(l).build()
	}
	return l, nil
}

// phraseSections are the sections whose lines are phrases, with what the key
// before ": " holds.
var phraseSections = map[string]struct {
	field func(*Lexicon) *phrases
	key   keyKind
}{
	"months":           {func(l *Lexicon) *phrases { return &l.Months }, keyNumber},
	"numbers":          {func(l *Lexicon) *phrases { return &l.Numbers }, keyNumber},
	"multipliers":      {func(l *Lexicon) *phrases { return &l.Multipliers }, keyNumber},
	"units":            {func(l *Lexicon) *phrases { return &l.Units }, keyUnit},
	"letters":          {func(l *Lexicon) *phrases { return &l.Letters }, keyUnit},
	"approx":           {func(l *Lexicon) *phrases { return &l.Approx }, keyNone},
	"more_before":      {func(l *Lexicon) *phrases { return &l.MoreBefore }, keyNone},
	"more":             {func(l *Lexicon) *phrases { return &l.More }, keyNone},
	"less":             {func(l *Lexicon) *phrases { return &l.Less }, keyNone},
	"range":            {func(l *Lexicon) *phrases { return &l.Range }, keyNone},
	"date_joiner":      {func(l *Lexicon) *phrases { return &l.DateJoiner }, keyNone},
	"year_prefix":      {func(l *Lexicon) *phrases { return &l.YearPrefix }, keyNone},
	"day_before":       {func(l *Lexicon) *phrases { return &l.DayBefore }, keyNone},
	"ordinal_after":    {func(l *Lexicon) *phrases { return &l.OrdinalAfter }, keyNone},
	"ordinal_before":   {func(l *Lexicon) *phrases { return &l.OrdinalBefore }, keyNone},
	"not_figure_after": {func(l *Lexicon) *phrases { return &l.NotFigure }, keyNone},
	"number_sign":      {func(l *Lexicon) *phrases { return &l.NumberSign }, keyNone},
	"number_after":     {func(l *Lexicon) *phrases { return &l.NumberAfter }, keyNone},
	"number_clitics":   {func(l *Lexicon) *phrases { return &l.NumberClitics }, keyNone},
	"titles":           {func(l *Lexicon) *phrases { return &l.Titles }, keyNone},
	"title_endings":    {func(l *Lexicon) *phrases { return &l.TitleEndings }, keyNone},
	"particles":        {func(l *Lexicon) *phrases { return &l.Particles }, keyNone},
	"stopwords":        {func(l *Lexicon) *phrases { return &l.Stopwords }, keyNone},
	"name_suffixes":    {func(l *Lexicon) *phrases { return &l.NameSuffixes }, keyNone},
}

// flagSections are the sections of one line, yes or no.
var flagSections = map[string]func(*Lexicon) *bool{
	"group_space":       func(l *Lexicon) *bool { return &l.GroupSpace },
	"month_first":       func(l *Lexicon) *bool { return &l.MonthFirst },
	"slash_month":       func(l *Lexicon) *bool { return &l.SlashMonth },
	"day_dot":           func(l *Lexicon) *bool { return &l.DayDot },
	"glued":             func(l *Lexicon) *bool { return &l.Glued },
	"unspaced":          func(l *Lexicon) *bool { return &l.Unspaced },
	"glued_numbers":     func(l *Lexicon) *bool { return &l.GluedNumbers },
	"glued_multipliers": func(l *Lexicon) *bool { return &l.GluedMults },
	"ordinal_spaced":    func(l *Lexicon) *bool { return &l.OrdinalSpaced },
}

// intSections are the sections of one line, a whole number.
var intSections = map[string]func(*Lexicon) *int{
	"era_offset":      func(l *Lexicon) *int { return &l.EraOffset },
	"short_year_base": func(l *Lexicon) *int { return &l.ShortYearBase },
}

type keyKind uint8

const (
	keyNone   keyKind = iota // plain phrases
	keyNumber                // NUMBER: phrases
	keyUnit                  // CODE: phrases
)

// add stores one line of section (line n): its key before ": " and its phrases.
func (l *Lexicon) add(section, key, line string, list []phrase, n int) error {
	if s, ok := phraseSections[section]; ok {
		dst := s.field(l)
		switch s.key {
		case keyNumber:
			v, err := strconv.ParseFloat(key, 64)
			if err != nil {
				return fmt.Errorf("line %d: section %s wants NUMBER: phrases, got %q", n, section, key)
			}
			for i := range list {
				list[i].Value = v
			}
		case keyUnit:
			if key == "" {
				return fmt.Errorf("line %d: section %s wants KEY: phrases", n, section)
			}
			for i := range list {
				list[i].Unit = key
			}
		}
		dst.list = append(dst.list, list...)
		return nil
	}
	if f, ok := flagSections[section]; ok {
		if line != "yes" && line != "no" {
			return fmt.Errorf("line %d: %s is yes or no", n, section)
		}
		*f(l) = line == "yes"
		return nil
	}
	if f, ok := intSections[section]; ok {
		v, err := strconv.Atoi(line)
		if err != nil {
			return fmt.Errorf("line %d: %s wants a whole number: %w", n, section, err)
		}
		*f(l) = v
		return nil
	}
	if section == "decimal" {
		if line != "." && line != "," {
			return fmt.Errorf("line %d: decimal is . or ,", n)
		}
		l.Decimal = line[0]
		return nil
	}
	return fmt.Errorf("line %d: unknown section [%s]", n, section)
}

// phrases is one list of a lexicon, longest phrase first, indexed by its first
// and last tokens so that matching at a token looks at the few phrases that can
// match there, not at the whole list.
type phrases struct {
	list    []phrase
	byFirst map[string][]int32 // first token → indices into list, in list order
	byLast  map[string][]int32 // last token → indices into list, in list order
	single  []int32            // one-token phrases, in list order
	// shapes of the keys of byFirst and byLast: most tokens are turned away
	// by them before a map look-up (nil: ask the maps)
	firstShapes, lastShapes *wordShapes
}

// has reports a one-token phrase equal to w (lower-cased).
func (ps phrases) has(w string) bool {
	for _, x := range ps.byFirst[w] {
		if len(ps.list[x].toks) == 1 {
			return true
		}
	}
	return false
}

// wordShapes is a quick test that a word is no key of an index: a bit for
// each (length, last byte) of the keys, both taken modulo 64.
type wordShapes [64]uint64

func shapeOf(w string) (int, uint) {
	b := byte(0)
	if w != "" {
		b = w[len(w)-1]
	}
	return len(w) & 63, uint(b & 63)
}

func (s *wordShapes) add(w string) {
	l, b := shapeOf(w)
	s[l] |= 1 << b
}

// may reports whether w may be a key (false: it is none).
func (s *wordShapes) may(w string) bool {
	if s == nil {
		return true
	}
	l, b := shapeOf(w)
	return s[l]&(1<<b) != 0
}

// build sorts the list, longest first (so that matching prefers "से भी अधिक"
// over "से"), and indexes it.
func (ps *phrases) build() {
	sort.SliceStable(ps.list, func(i, j int) bool { return len(ps.list[i].text) > len(ps.list[j].text) })
	ps.byFirst, ps.byLast = map[string][]int32{}, map[string][]int32{}
	ps.firstShapes, ps.lastShapes = new(wordShapes), new(wordShapes)
	for i, p := range ps.list {
		ps.firstShapes.add(p.toks[0])
		ps.lastShapes.add(p.toks[len(p.toks)-1])
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
