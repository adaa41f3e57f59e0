package extract

import (
	"hash/maphash"
	"strings"
	"sync"
)

// wordInfo is what the person extractor asks of a lower-cased word. It depends
// on the word alone, so it is computed once per distinct word, not once per
// token: the archive repeats its vocabulary in every article.
type wordInfo struct {
	rom     string // Romanize(word)
	skel    string // skeleton(rom)
	syll    bool   // vnSyllable(rom): may be a syllable of a Vietnamese name
	foreign bool   // skel starts a well-known foreign name
}

func newWordInfo(w string) *wordInfo {
	rom := Romanize(w)
	skel := skeleton(rom)
	return &wordInfo{rom: rom, skel: skel, syll: vnSyllable(rom), foreign: len(theNames().foreign[skel]) > 0}
}

// wordCacheShards × wordCacheShardSize bounds the cache: memory is set by these
// constants, never by the corpus (a shard that fills is emptied and refills).
const (
	wordCacheShards    = 64
	wordCacheShardSize = 4096
)

// wordCache maps lower-cased words to their wordInfo; safe for concurrent use.
type wordCache struct {
	seed   maphash.Seed
	shards [wordCacheShards]struct {
		sync.Mutex
		m map[string]*wordInfo
	}
}

var words = newWordCache()

func newWordCache() *wordCache {
	c := &wordCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]*wordInfo)
	}
	return c
}

// get returns the wordInfo of w, computing it on first use.
func (c *wordCache) get(w string) *wordInfo {
	s := &c.shards[maphash.String(c.seed, w)%wordCacheShards]
	s.Lock()
	wi := s.m[w]
	s.Unlock()
	if wi != nil {
		return wi
	}
	wi = newWordInfo(w)
	s.Lock()
	if len(s.m) >= wordCacheShardSize {
		clear(s.m)
	}
	s.m[strings.Clone(w)] = wi // w is a slice of the article: do not keep it alive
	s.Unlock()
	return wi
}

// info returns the wordInfo of token k, looked up once per token.
func (t *Text) info(k int) *wordInfo {
	if t.infos == nil {
		t.infos = make([]*wordInfo, len(t.Toks))
	}
	if t.infos[k] == nil {
		t.infos[k] = words.get(t.lower[k])
	}
	return t.infos[k]
}
