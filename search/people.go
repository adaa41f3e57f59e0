package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/partynews/partynews/index"
)

// A person is written many ways across the archive: each script's
// transliteration romanises to its own key (Pham Minh Chinh in Latin letters,
// pham man chan from Urdu, which writes few vowels), so one person has several
// keys. People groups the keys of one person into one entry, from the keys
// and consonant skeletons the index holds (the person_form field), without
// re-reading the articles:
//
//   - A key written in Latin letters in some article is an anchor: Latin is how
//     Vietnamese names are spelled, so two anchors are two people (Nguyen Van
//     An and Nguyen Van Nen, Luong Cuong and Luong Quang), never merged.
//   - A key seen only in other scripts joins the anchor it is a close variant
//     of: the same consonant skeleton, the same number of syllables, and each
//     syllable starting alike (with the same consonant, or both with a vowel).
//     Among several such anchors it joins the nearest by edit distance on the
//     romanised keys; a tie joins none.
//   - Keys without an anchor group the same way around the most frequent one.
//
// An entry is shown with the most common Latin spelling of its keys, one with
// Vietnamese diacritics first (Tô Lâm), else its most common key in title case.
// A person:"…" clause naming an entry matches exactly the articles that
// mention one of its keys, so entry counts and person: searches agree.

// PersonEntry is one person: the keys that name them and how to show them.
type PersonEntry struct {
	Name string   `json:"name"` // readable name: Tô Lâm, Pham Minh Chinh
	Keys []string `json:"keys"` // romanised keys (person_key terms), most frequent first
}

// People is the grouping of an index's person keys into entries.
type People struct {
	Entries []*PersonEntry
	byKey   map[string]*PersonEntry
	byText  map[string]*PersonEntry // a spelling, lower-cased
	infos   map[string]*keyInfo
	bySkel  map[string][]*keyInfo // keys by skeleton: only these can be variants of each other
}

// PersonForm is one spelling of a person in the index: its key, the key's
// consonant skeleton, the surface text, and how many articles have it.
type PersonForm struct {
	Key, Skeleton, Text string
	Articles            int
}

type keyInfo struct {
	key      string
	syl, sk  []string // the key's syllables and their skeletons
	latin    bool
	articles int // sum over its forms: an upper bound of its articles
	spell    map[string]int
	entry    *PersonEntry
}

// Entry returns the entry of a person key, nil if the index has none.
func (p *People) Entry(key string) *PersonEntry {
	if p == nil {
		return nil
	}
	return p.byKey[key]
}

// Lookup returns the entry a query's person value names: the entry of its key,
// of its spelling, or the one anchor its key is a close variant of.
func (p *People) Lookup(e index.Entity) *PersonEntry {
	if p == nil {
		return nil
	}
	if x := p.byKey[e.Key]; x != nil {
		return x
	}
	if x := p.byText[strings.ToLower(e.Text)]; x != nil {
		return x
	}
	q := newKeyInfo(e.Key, e.Skeleton)
	if q == nil {
		return nil
	}
	var cands []*keyInfo
	for _, k := range p.bySkel[e.Skeleton] {
		if k.latin && compatible(q, k) {
			cands = append(cands, k)
		}
	}
	if best := nearest(q, cands); best != nil {
		return best.entry
	}
	return nil
}

func newKeyInfo(key, skel string) *keyInfo {
	syl := strings.Split(key, " ")
	sk := strings.Split(skel, " ")
	if key == "" || len(syl) != len(sk) {
		return nil
	}
	return &keyInfo{key: key, syl: syl, sk: sk, spell: map[string]int{}}
}

// GroupPeople groups person forms into entries (see People).
func GroupPeople(forms []PersonForm) *People {
	infos := map[string]*keyInfo{}
	for _, f := range forms {
		k := infos[f.Key]
		if k == nil {
			k = newKeyInfo(f.Key, f.Skeleton)
			if k == nil {
				k = &keyInfo{key: f.Key, spell: map[string]int{}} // a skeleton that does not align: alone
			}
			infos[f.Key] = k
		}
		k.articles += f.Articles
		k.spell[f.Text] += f.Articles
		if isLatin(f.Text) {
			k.latin = true
		}
	}
	keys := make([]*keyInfo, 0, len(infos))
	for _, k := range infos {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].articles != keys[j].articles {
			return keys[i].articles > keys[j].articles
		}
		return keys[i].key < keys[j].key
	})
	p := &People{byKey: map[string]*PersonEntry{}, byText: map[string]*PersonEntry{}, infos: infos, bySkel: map[string][]*keyInfo{}}
	members := map[*PersonEntry][]*keyInfo{}
	join := func(k *keyInfo, e *PersonEntry) {
		k.entry = e
		members[e] = append(members[e], k)
	}
	newEntry := func(k *keyInfo) {
		e := &PersonEntry{}
		p.Entries = append(p.Entries, e)
		join(k, e)
	}
	anchors := map[string][]*keyInfo{} // by skeleton
	for _, k := range keys {
		if k.syl != nil {
			skel := strings.Join(k.sk, " ")
			p.bySkel[skel] = append(p.bySkel[skel], k)
		}
		if k.latin {
			if k.syl != nil {
				skel := strings.Join(k.sk, " ")
				anchors[skel] = append(anchors[skel], k)
			}
			newEntry(k)
		}
	}
	// other scripts' keys join their anchor, else the most frequent variant
	heads := map[string][]*keyInfo{}
	for _, k := range keys {
		if k.latin {
			continue
		}
		if k.syl != nil {
			skel := strings.Join(k.sk, " ")
			if a := nearest(k, filter(anchors[skel], k)); a != nil {
				join(k, a.entry)
				continue
			}
			if h := nearest(k, filter(heads[skel], k)); h != nil {
				join(k, h.entry)
				continue
			}
			heads[skel] = append(heads[skel], k)
		}
		newEntry(k)
	}
	for _, e := range p.Entries {
		ms := members[e]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].articles > ms[j].articles })
		for _, k := range ms {
			e.Keys = append(e.Keys, k.key)
			p.byKey[k.key] = e
			for s := range k.spell {
				if p.byText[strings.ToLower(s)] == nil {
					p.byText[strings.ToLower(s)] = e
				}
			}
		}
		e.Name = displayName(ms)
		if p.byText[strings.ToLower(e.Name)] == nil {
			p.byText[strings.ToLower(e.Name)] = e
		}
	}
	return p
}

func filter(ks []*keyInfo, k *keyInfo) []*keyInfo {
	var out []*keyInfo
	for _, c := range ks {
		if compatible(k, c) {
			out = append(out, c)
		}
	}
	return out
}

// nearest returns the candidate whose key is nearest to k's by edit distance,
// nil if there is none or two tie.
func nearest(k *keyInfo, cands []*keyInfo) *keyInfo {
	var best *keyInfo
	bestD, tie := 1<<30, false
	for _, c := range cands {
		d := editDistance(k.key, c.key)
		switch {
		case d < bestD:
			best, bestD, tie = c, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// compatible reports whether two keys may name one person: the same number of
// syllables, each with the same consonant skeleton and starting alike.
func compatible(a, b *keyInfo) bool {
	if a.syl == nil || b.syl == nil || len(a.syl) != len(b.syl) {
		return false
	}
	for i := range a.syl {
		if a.sk[i] != b.sk[i] || onset(a.syl[i], a.sk[i]) != onset(b.syl[i], b.sk[i]) {
			return false
		}
	}
	return true
}

// onset is how a syllable starts: "" with a vowel, else its skeleton's first
// consonant (the skeleton already reads c, k and q alike).
func onset(syl, sk string) string {
	if syl == "" || strings.IndexByte("aeiouy", syl[0]) >= 0 || sk == "" {
		return ""
	}
	return sk[:1]
}

// editDistance is the Levenshtein distance between two keys, with c, k and q
// (and b and v) counted as one letter as the skeleton does.
func editDistance(a, b string) int {
	class := func(c byte) byte {
		switch c {
		case 'c', 'q':
			return 'k'
		case 'v':
			return 'b'
		}
		return c
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if class(a[i-1]) == class(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// displayName is the most common Latin spelling of an entry's keys, one with
// diacritics first; else its most frequent key in title case.
func displayName(ms []*keyInfo) string {
	best, bestN, bestMarks := "", 0, false
	for _, k := range ms {
		for s, n := range k.spell {
			if !isLatin(s) {
				continue
			}
			marks := hasMarks(s)
			if marks && !bestMarks || marks == bestMarks && (n > bestN || n == bestN && s < best) {
				best, bestN, bestMarks = s, n, marks
			}
		}
	}
	if best == "" {
		return titleCase(ms[0].key)
	}
	if strings.ToUpper(best) == best {
		return titleCase(strings.ToLower(best))
	}
	return best
}

// isLatin reports whether every letter of s is a Latin letter.
func isLatin(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// hasMarks reports whether a Latin spelling carries diacritics (Tô Lâm).
func hasMarks(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// People returns the grouping of the index's person keys into entries, read
// from the person_form dictionary once per Searcher.
func (sr *Searcher) People() (*People, error) {
	sr.peopleMu.Lock()
	defer sr.peopleMu.Unlock()
	if sr.people != nil {
		return sr.people, nil
	}
	if sr.Reader == nil {
		return nil, fmt.Errorf("person entries: no index")
	}
	forms, err := sr.personForms()
	if err != nil {
		return nil, fmt.Errorf("person entries: %w", err)
	}
	sr.people = GroupPeople(forms)
	return sr.people, nil
}

func (sr *Searcher) personForms() ([]PersonForm, error) {
	counts, err := sr.TermCounts(index.FieldPersonForm)
	if err != nil {
		return nil, err
	}
	var out []PersonForm
	for t, n := range counts {
		parts := strings.SplitN(t, index.PersonFormSep, 3)
		if len(parts) != 3 {
			continue
		}
		out = append(out, PersonForm{Key: parts[0], Skeleton: parts[1], Text: parts[2], Articles: int(n)})
	}
	if len(out) > 0 {
		return out, nil
	}
	// an index written before person_form existed: read the stored entities
	per := map[PersonForm]map[string]bool{}
	err = sr.Each(context.Background(), func(d *index.Document) error {
		for _, e := range d.Entities {
			if e.Type == index.EntityPerson && e.Key != "" {
				f := PersonForm{Key: e.Key, Skeleton: e.Skeleton, Text: e.Text}
				if per[f] == nil {
					per[f] = map[string]bool{}
				}
				per[f][d.ID] = true
			}
		}
		return nil
	})
	for f, ids := range per {
		f.Articles = len(ids)
		out = append(out, f)
	}
	return out, err
}

// PersonQuery is the clause of a person:"…" value that names an entry: the
// articles that mention any of the entry's keys, so that a search finds what
// the entry counts. ok is false when the value names no entry (a partial
// name), and the clause compiles as before.
//
// Hook: search/compile.go's clause calls it first for the person field.
func (sr *Searcher) PersonQuery(e index.Entity) (query.Query, bool) {
	p, err := sr.People()
	if err != nil {
		return nil, false
	}
	x := p.Lookup(e)
	if x == nil {
		return nil, false
	}
	return keysQuery(x.Keys), true
}

func keysQuery(keys []string) query.Query {
	qs := make([]query.Query, len(keys))
	for i, k := range keys {
		qs[i] = termQuery(index.FieldPersonKey, k)
	}
	d := query.NewDisjunctionQuery(qs)
	d.SetBoost(2)
	return d
}

// allKeys is the size of a facet request that returns every person key.
const allKeys = 1 << 24

// personCounts returns the entries with the most articles matching base, with
// their exact article counts (an article that names one person two ways counts
// once): per-key counts from a facet bound each entry's count, and the entries
// that may reach the first n are counted exactly.
func (sr *Searcher) personCounts(ctx context.Context, base query.Query, n int) ([]FacetCount, error) {
	req := bleve.NewSearchRequestOptions(base, 0, 0, false)
	req.AddFacet("k", bleve.NewFacetRequest(index.FieldPersonKey, allKeys))
	res, err := sr.Bleve().SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return sr.entryCounts(ctx, base, facetCounts(res.Facets)["k"], n)
}

// entryCounts turns the counts of every person key over the matches of base
// into the first n entries' exact counts.
func (sr *Searcher) entryCounts(ctx context.Context, base query.Query, keyCounts []FacetCount, n int) ([]FacetCount, error) {
	p, err := sr.People()
	if err != nil {
		return nil, err
	}
	type cand struct {
		e     *PersonEntry
		bound int
		keys  int
	}
	byEntry := map[*PersonEntry]*cand{}
	var cands []*cand
	for _, fc := range keyCounts {
		e := p.byKey[fc.Term]
		if e == nil {
			e = &PersonEntry{Name: titleCase(fc.Term), Keys: []string{fc.Term}}
		}
		c := byEntry[e]
		if c == nil {
			c = &cand{e: e}
			byEntry[e] = c
			cands = append(cands, c)
		}
		c.bound += fc.Count
		c.keys++
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].bound != cands[j].bound {
			return cands[i].bound > cands[j].bound
		}
		return cands[i].e.Name < cands[j].e.Name
	})
	var out []FacetCount
	sorted := func() {
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Count != out[j].Count {
				return out[i].Count > out[j].Count
			}
			return out[i].Term < out[j].Term
		})
	}
	for _, c := range cands {
		if len(out) >= n && c.bound < out[n-1].Count {
			break
		}
		count := c.bound
		if c.keys > 1 {
			q := query.NewConjunctionQuery([]query.Query{base, keysQuery(c.e.Keys)})
			r, err := sr.Bleve().SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
			if err != nil {
				return nil, err
			}
			count = int(r.Total)
		}
		out = append(out, FacetCount{Term: c.e.Name, Count: count, Keys: c.e.Keys})
		sorted()
	}
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// personFacet replaces the person facet's per-key counts (every key: see
// allKeys) by the entries' exact counts over the matches of bq.
func (sr *Searcher) personFacet(ctx context.Context, bq query.Query, opt SearchOptions, out *Results) error {
	for _, f := range opt.Facets {
		if f == "person" {
			list, err := sr.entryCounts(ctx, bq, out.Facets["person"], 10)
			if err != nil {
				return fmt.Errorf("person facet: %w", err)
			}
			out.Facets["person"] = list
		}
	}
	return nil
}
