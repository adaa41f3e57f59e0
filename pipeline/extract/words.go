package extract

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode/utf8"
)

// wordInfo is what the person extractor asks of a lower-cased word. It depends
// on the word alone, so it is computed once per distinct word, not once per
// token: the archive repeats its vocabulary in every article.
type wordInfo struct {
	rom     string // Romanize(word)
	skel    string // skeleton(rom)
	syll    bool   // vnSyllable(rom): may be a syllable of a Vietnamese name
	foreign bool   // skel starts a well-known foreign name
	// nameRom and nameSyll: the reading of the word for finding names
	// (Text.nameRom), which also reads Hebrew and Greek spellings.
	nameRom  string
	nameSyll bool
	// clitic: the length of a conjunction or preposition glued to the word
	// (cliticLen); partRom, partSyll: the name reading of the rest of it,
	// partSurname: whether that reading is a known surname.
	clitic      int
	partRom     string
	partSyll    bool
	partSurname bool
}

func newWordInfo(w string) *wordInfo {
	rom := Romanize(w)
	skel := skeleton(rom)
	wi := &wordInfo{rom: rom, skel: skel, syll: vnSyllable(rom), foreign: len(theNames().foreign[skel]) > 0}
	wi.nameRom, wi.nameSyll = nameRomOf(w, wi)
	wi.clitic, wi.partRom, wi.partSyll = cliticLen(w, wi.nameSyll), wi.nameRom, wi.nameSyll
	if wi.clitic > 0 {
		wi.partRom = detectRom(w[wi.clitic:])
		wi.partSyll = vnSyllable(wi.partRom)
	}
	_, wi.partSurname = theNames().surname[wi.partRom]
	return wi
}

// tokenWord is what NewText asks of a word token as written: its lower-case
// form and that form's wordInfo.
type tokenWord struct {
	lower string
	info  *wordInfo
}

func newTokenWord(w string) tokenWord {
	lower := toLower(w)
	return tokenWord{lower: lower, info: newWordInfo(lower)}
}

// The caches of words: memory is set by cacheShards × cacheShardSize, never by
// the corpus (a shard that fills is emptied and refills).
var (
	tokenWords = newCache[tokenWord]() // a word token as written → its lower case and wordInfo
	otherWords = newCache[*wordInfo]() // another token (digits, a sign) → its wordInfo
	romans     = newCache[string]()    // a word → Romanize(word)
	personKeys = newCache[string]()    // a name as written → personKey(name)
	spanRoms   = newCache[string]()    // a name as written → spanRom(name)
	skeletons  = newCache[string]()    // a person key → skeletonKey(key)
	looseKeys  = newCache[string]()    // a person key → looseKey(key)
)

const (
	cacheShards    = 64
	cacheShardSize = 4096
)

// cache maps strings to values computed from them alone; safe for concurrent use.
type cache[V any] struct {
	seed   maphash.Seed
	shards [cacheShards]struct {
		sync.Mutex
		m map[string]V
	}
}

func newCache[V any]() *cache[V] {
	c := &cache[V]{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]V)
	}
	return c
}

// get returns the value of w, computing it with compute on first use.
func (c *cache[V]) get(w string, compute func(string) V) V {
	s := &c.shards[maphash.String(c.seed, w)%cacheShards]
	s.Lock()
	v, ok := s.m[w]
	s.Unlock()
	if ok {
		return v
	}
	v = compute(w)
	s.Lock()
	if len(s.m) >= cacheShardSize {
		clear(s.m)
	}
	s.m[strings.Clone(w)] = v // w is a slice of the article: do not keep it alive
	s.Unlock()
	return v
}

// info returns the wordInfo of token k (NewText fills it for every word).
func (t *Text) info(k int) *wordInfo {
	if t.infos[k] == nil {
		t.infos[k] = otherWords.get(t.lower[k], newWordInfo)
	}
	return t.infos[k]
}

// romanize is Romanize, remembered.
func romanize(w string) string { return romans.get(w, Romanize) }

// nameRomOf is Text.nameRom for a lower-cased word w of wordInfo wi.
func nameRomOf(w string, wi *wordInfo) (string, bool) {
	if wi.syll || w == "" {
		return wi.rom, wi.syll
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case wi.rom == "" && isHebrew(r):
		h := hebrewRom(w)
		return h, vnSyllable(h)
	case r >= 0x0370 && r <= 0x03FF || r >= 0x1F00 && r <= 0x1FFF:
		g := greekRom(w)
		return g, vnSyllable(g)
	}
	return wi.rom, false
}
