package extract

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// People finds people's names: Vietnamese names transliterated into the
// article's script or left in Latin letters, found by a known surname followed by
// name syllables (in any script, through Romanize), by a title before them
// (comrade, secretary …) or by a photo credit. Spans exclude titles and
// postpositions. Key: the romanized name, shared by every spelling of it.
type People struct{}

//go:embed names.txt
var namesData string

// theNames are loaded on first use, not at start.
var theNames = sync.OnceValue(func() *nameData { n := loadNames(namesData); return &n })

type nameData struct {
	surname map[string]string     // romanized spelling → canonical surname
	places  map[string]bool       // names and skeletons of places and newspapers
	foreign map[string][][]string // skeleton of a first word → skeletons of whole names
	alias   map[string]string     // romanized key → the key of the usual spelling
	city    map[string]bool
	credit  map[string]bool
}

func loadNames(data string) nameData {
	n := nameData{surname: map[string]string{}, places: map[string]bool{}, foreign: map[string][][]string{}, alias: map[string]string{}, city: map[string]bool{}, credit: map[string]bool{}}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		switch section {
		case "aliases":
			canon, alts, _ := strings.Cut(line, ":")
			for _, a := range strings.Split(alts, ",") {
				n.alias[strings.TrimSpace(a)] = strings.TrimSpace(canon)
			}
		case "surnames":
			canon, alts, _ := strings.Cut(line, ":")
			for _, a := range strings.Split(alts, ",") {
				n.surname[strings.TrimSpace(a)] = strings.TrimSpace(canon)
			}
		default:
			for _, a := range strings.Split(line, ",") {
				a = strings.ToLower(strings.TrimSpace(a))
				switch section {
				case "places", "media":
					n.places[a] = true
					n.places[skeletonKey(a)] = true
				case "foreign":
					// words of one or no consonant (Li, Yi, Un) would match
					// everyday words: such names are left out
					var sk []string
					short := false
					for _, w := range strings.Fields(a) {
						x := skeleton(Romanize(w))
						sk = append(sk, x)
						short = short || len(x) < 2
					}
					if !short {
						n.foreign[sk[0]] = append(n.foreign[sk[0]], sk)
					}
				case "city_words":
					n.city[a] = true
				case "credit_cues":
					n.credit[a] = true
				}
			}
		}
	}
	return n
}

// Extract implements Extractor.
func (People) Extract(t *Text) []Entity {
	out := t.peopleEast() // Chinese, Japanese, Korean, Thai, Lao, Khmer: person_east.go
	for i := 0; i < len(t.Toks); i++ {
		if t.Toks[i].Kind != Word || t.claimed[i] {
			continue
		}
		if t.info(i).foreign && !t.isStop(i) {
			if last, ok := t.foreignAt(i); ok {
				start, stop := t.Toks[i].Start, t.Toks[last].End
				out = append(out, Entity{Type: Person, Text: t.S[start:stop], Value: t.S[start:stop], Start: start, End: stop, Key: personKey(t.S[start:stop])})
				t.Claim(start, stop)
				i = last
				continue
			}
		}
		clitic := t.cliticLen(i)
		rom, syll := t.info(i).rom, t.info(i).syll
		if clitic > 0 {
			rom = Romanize(t.lower[i][clitic:])
			syll = vnSyllable(rom)
		}
		_, isSurname := theNames().surname[rom]
		if !isSurname && !syll {
			continue
		}
		if !isSurname && t.isStop(i) {
			continue // an everyday word starts no name
		}
		title, cued := t.titleBefore(i)
		if !isSurname && !cued && !t.creditBefore(i) {
			continue
		}
		latin := isLatinWord(t.S[t.Toks[i].Start:t.Toks[i].End])
		if latin && !unicode.IsUpper(firstRune(t.S[t.Toks[i].Start:])) {
			continue // Latin names are capitalised: "do roku" is no name
		}
		end := i  // last token of the name
		stop := 0 // end of the name inside its last word, before a case ending
		for k := i + 1; k < len(t.Toks) && k-i < 4; k++ {
			if !t.sameLine(i, k) || t.S[t.Toks[k-1].End:t.Toks[k].Start] != " " {
				break
			}
			if !t.nameWord(k, latin) {
				if n := t.stemLen(k); n > 0 {
					end, stop = k, t.Toks[k].Start+n
				}
				break
			}
			end = k
		}
		if !isSurname && !t.nameWord(i, latin) {
			continue
		}
		// ambiguous trailing words (हो, थे …) do not end a name
		for stop == 0 && end > i && t.isStop(end) {
			end--
		}
		if end == i {
			continue
		}
		start := t.Toks[i].Start + clitic
		if stop == 0 {
			stop = t.Toks[end].End
		}
		// a place right after may have lent the name its first syllable:
		// "فام من چن ہائی فونگ سٹی" is Pham Minh Chinh, then Hai Phong City;
		// "تران تھانہ مان کین تھو" is Tran Thanh Man, then Can Tho
		if end-i >= 3 && (t.isCity(end+1) || t.isCity(end+2) || t.placeAt(end)) {
			end--
			stop = t.Toks[end].End
		}
		key := personKey(t.S[start:stop])
		if t.placeOrMedia(t.S[start:stop], key, end) {
			i = end
			continue
		}
		out = append(out, Entity{Type: Person, Text: t.S[start:stop], Value: t.S[start:stop], Start: start, End: stop, Title: title, Key: key})
		t.Claim(start, stop)
		i = end
	}
	return t.dropNotNames(out)
}

// nameWord reports whether token k can be part of a name: a word whose
// romanization is a Vietnamese syllable, capitalised in Latin script, and not a
// particle or title of the language.
func (t *Text) nameWord(k int, latin bool) bool {
	if k >= len(t.Toks) || t.Toks[k].Kind != Word {
		return false
	}
	w := t.S[t.Toks[k].Start:t.Toks[k].End]
	if isLatinWord(w) != latin {
		return false
	}
	if latin && !unicode.IsUpper(firstRune(w)) {
		return false
	}
	if !latin && utf8.RuneCountInString(w) > 8 {
		return false
	}
	if _, _, _, ok := t.match(k, t.Lex.Particles); ok {
		return false
	}
	if _, _, _, ok := t.match(k, t.Lex.Titles); ok && !latin {
		return false
	}
	return t.info(k).syll
}

// skelIs reports whether token k's consonant skeleton is s.
func (t *Text) skelIs(k int, s string) bool {
	return t.info(k).skel == s
}

// isStop reports a word that may be a name syllable but also an everyday word,
// which therefore cannot end a name.
func (t *Text) isStop(k int) bool {
	_, _, _, ok := t.match(k, t.Lex.Stopwords)
	return ok
}

// titleBefore returns the title or honorific right before token i.
func (t *Text) titleBefore(i int) (string, bool) {
	p, first, ok := t.matchBefore(i, t.Lex.Titles)
	if !ok {
		return "", false
	}
	_ = first
	return p.text, true
}

// creditBefore reports a photo credit before token i: "Photo: X", "(Foto: VGP/X)".
func (t *Text) creditBefore(i int) bool {
	j := i - 1
	if t.tok(j) == "/" && j > 0 {
		j -= 2 // agency: VGP/
	}
	return t.tok(j) == ":" && j > 0 && theNames().credit[t.tok(j-1)]
}

func isLatinWord(w string) bool {
	for _, r := range w {
		if r > 0x024F && !(r >= 0x1E00 && r <= 0x1EFF) {
			return false
		}
	}
	return true
}

// personKey romanizes a name word by word, with known surname spellings in their
// canonical form: वु दाई थांग → "vu dai thang", Нгуен Суан Тханг → "nguyen suan thang".
func personKey(name string) string {
	var parts []string
	for i, w := range nameWords(name) {
		r := squeeze(Romanize(w)) // بوئی reads boii: letters doubled by the script count once
		if r == "" {
			return ""
		}
		if i == 0 {
			if c, ok := surnameOf(r); ok {
				r = c
			}
		}
		r = syllableFix.Replace(r)
		if strings.HasPrefix(r, "sua") || strings.HasPrefix(r, "suy") {
			r = "x" + r[1:] // Суан: Xuan (Vietnamese has no sua-, suy- in names)
		}
		parts = append(parts, r)
	}
	key := strings.Join(parts, " ")
	if a, ok := theNames().alias[key]; ok {
		return a
	}
	return key
}

var syllableFix = strings.NewReplacer("iya", "ia", "uya", "ua")

// PersonKey returns the romanized key of a name written in any script the
// archive uses, the key the index holds for every spelling of it.
func PersonKey(name string) string { return personKey(norm.NFC.String(strings.TrimSpace(name))) }

// stemLen returns the length in bytes of token k's name stem when the word is a
// name syllable plus a case ending of the language (Мина → Мин, লামের → লাম), else 0.
func (t *Text) stemLen(k int) int {
	w := t.S[t.Toks[k].Start:t.Toks[k].End]
	if isLatinWord(w) && !unicode.IsUpper(firstRune(w)) {
		return 0
	}
	lw := t.lower[k]
	for _, suf := range t.Lex.NameSuffixes.list {
		s := suf.toks[0]
		if strings.HasSuffix(lw, s) && len(lw) > len(s) && len(lw) == len(w) {
			stem := w[:len(w)-len(s)]
			if vnSyllable(Romanize(strings.ToLower(stem))) {
				return len(stem)
			}
		}
	}
	return 0
}

// placeOrMedia reports a name-like span that is a place (Dong Nai, Ho Chi Minh
// City) or a newspaper (Nguoi Lao Dong).
func (t *Text) placeOrMedia(text, key string, end int) bool {
	var raw []string
	for _, w := range strings.Fields(text) {
		raw = append(raw, squeeze(Romanize(w)))
	}
	if theNames().places[key] || theNames().places[strings.Join(raw, " ")] {
		return true
	}
	next := end + 1
	if t.tok(next) == "-" {
		next++
	}
	return t.isCity(next)
}

// placeAt reports a two-word place name starting at token k.
func (t *Text) placeAt(k int) bool {
	if k+1 >= len(t.Toks) || t.Toks[k+1].Kind != Word || !t.sameLine(k, k+1) {
		return false
	}
	a, b := t.info(k).skel, t.info(k+1).skel
	return a != "" && b != "" && theNames().places[a+" "+b]
}

// isCity reports a word for a city, district or province after a name.
func (t *Text) isCity(k int) bool {
	if k < 0 || k >= len(t.Toks) {
		return false
	}
	return theNames().city[t.lower[k]] || theNames().city[t.info(k).rom]
}

// squeeze collapses doubled letters: نائی reads "naii", a place list says "nai".
func squeeze(s string) string {
	b := []byte(s)
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// SkeletonKey reduces a romanized person key to consonant skeletons, the form
// in which spellings of one name in different scripts agree (To Lam, ٹو لام and
// टो लैम all give "t lm").
func SkeletonKey(key string) string { return skeletonKey(key) }

// skeletonKey is the skeleton of every word of a romanized name.
func skeletonKey(name string) string {
	var out []string
	for _, w := range strings.Fields(name) {
		out = append(out, skeleton(w))
	}
	return strings.Join(out, " ")
}

// foreignAt matches a well-known foreign name (Hun Manet, Sonexay Siphandone …)
// at token i in any script, by consonant skeletons; it returns the last token.
func (t *Text) foreignAt(i int) (int, bool) {
	cands := theNames().foreign[t.info(i).skel]
	for _, sk := range cands {
		k := 1
		for ; k < len(sk); k++ {
			j := i + k
			if j >= len(t.Toks) || t.Toks[j].Kind != Word || !t.sameLine(i, j) || !t.skelIs(j, sk[k]) {
				break
			}
		}
		if k == len(sk) {
			return i + k - 1, true
		}
	}
	return 0, false
}

// cliticLen returns the length of an Arabic-script conjunction glued to a name
// (ولي = و + لي), or 0.
func (t *Text) cliticLen(i int) int {
	w := t.lower[i]
	if strings.HasPrefix(w, "و") && utf8.RuneCountInString(w) > 2 {
		if _, ok := theNames().surname[Romanize(w[len("و"):])]; ok {
			return len("و")
		}
	}
	return 0
}
