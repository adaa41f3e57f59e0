package extract

import (
	"bufio"
	_ "embed"
	"hash/maphash"
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

// placesData lists the places of Vietnam (the 34 provincial units, the 63 before
// 2025, cities, districts, industrial parks) and untranslated titles that read
// like people's names.
//
//go:embed places.txt
var placesData string

// theNames are loaded on first use, not at start.
var theNames = sync.OnceValue(func() *nameData {
	n := loadNames(namesData)
	n.loadPlaces(placesData)
	return &n
})

type nameData struct {
	surname  map[string]string     // romanized spelling → canonical surname
	places   map[string]bool       // names and skeletons of places and newspapers
	placeSk  map[string]bool       // skeletons of the places of places.txt, for non-Latin scripts
	placePre map[string]bool       // the first words of the places of places.txt (ho chi of ho chi minhstad)
	placeLo  map[string]bool       // looseKey of the places of places.txt, for non-Latin scripts
	foreign  map[string][][]string // skeleton of a first word → skeletons of whole names
	alias    map[string]string     // romanized key → the key of the usual spelling
	city     map[string]bool
	// cityBefore: words for a city or province before its name (kota, thành phố)
	cityBefore map[string]bool
	org        map[string]bool // words of the names of bodies (national, committee …)
	credit     map[string]bool
	country    map[rune][]string // beginnings of the names of countries (country_stems), by first rune
}

func loadNames(data string) nameData {
	n := nameData{surname: map[string]string{}, places: map[string]bool{}, placeSk: map[string]bool{}, placePre: map[string]bool{}, placeLo: map[string]bool{}, foreign: map[string][][]string{}, alias: map[string]string{}, city: map[string]bool{}, cityBefore: map[string]bool{}, credit: map[string]bool{}, org: map[string]bool{}}
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
				case "city_before":
					n.cityBefore[a] = true
				case "country_stems":
					r, _ := utf8.DecodeRuneInString(a)
					if n.country == nil {
						n.country = map[rune][]string{}
					}
					n.country[r] = append(n.country[r], a)
				case "credit_cues":
					n.credit[a] = true
				case "org_words":
					n.org[a] = true
				}
			}
		}
	}
	return n
}

// isCountry reports a lower-case word that begins like the name of a country
// (Laos, Laosu, Chili, Кубы).
func (n *nameData) isCountry(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	for _, c := range n.country[r] {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}

// loadPlaces adds the places of places.txt: each line holds one place and its
// other spellings, separated by commas, kept as romanized keys (as personKey
// gives them) and, for spans outside Latin script, as consonant skeletons.
func (n *nameData) loadPlaces(data string) {
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "[") {
			continue
		}
		for _, a := range strings.Split(line, ",") {
			key := n.romanKey(norm.NFC.String(strings.ToLower(strings.TrimSpace(a))))
			if key == "" {
				continue
			}
			n.places[key] = true
			for j := strings.LastIndexByte(key, ' '); j > 0; j = strings.LastIndexByte(key[:j], ' ') {
				n.placePre[key[:j]] = true
			}
			if strings.Contains(key, " ") {
				n.placeLo[looseKey(key)] = true
			}
			// short skeletons (Hue "h", Tây Hồ "t h") would match too many names
			if sk := skeletonKey(key); strings.Contains(sk, " ") && len(sk) >= 6 {
				n.placeSk[sk] = true
			}
		}
	}
}

// Extract implements Extractor.
func (People) Extract(t *Text) []Entity {
	out := t.peopleEast() // Chinese, Japanese, Korean, Thai, Lao, Khmer: person_east.go
	// lowerSeen reports a word that the article also writes in small letters:
	// an everyday word (Nasional, Majelis), no foreign name. The words written
	// in small letters are gathered on the first question.
	var small map[string]bool
	lowerSeen := func(w string) bool {
		if small == nil {
			small = map[string]bool{}
			for k, tok := range t.Toks {
				if tok.Kind == Word && t.S[tok.Start:tok.End] == t.lower[k] {
					small[t.lower[k]] = true
				}
			}
		}
		return small[w]
	}
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
		if t.hebrewParticle(i) {
			continue // עם, את, ואת: with, the object marker
		}
		in := t.info(i)
		clitic, rom, syll, isSurname := in.clitic, in.partRom, in.partSyll, in.partSurname
		if r, _ := utf8.DecodeRuneInString(t.lower[i]); !isSurname && r >= 0xAC00 && r <= 0xD7A3 {
			_, isSurname = surnameOf(rom) // Korean ㅂ is B and V: 브엉 Vuong, 보 Vo
		}
		if !isSurname && t.capitalisedWord(i) && t.Lang != "de" { // German writes every noun with a capital
			// a title before capitalised words that are no Vietnamese name:
			// President Emmanuel Macron, прем'єр-міністр Антоніу Кошта
			title, cued := t.titleBefore(i)
			if !cued {
				title, cued = t.titleAcrossCountry(i)
			}
			if cued {
				if last, ok := t.foreignRun(i, lowerSeen); ok {
					// countries before the name are no part of it (Perdana Menteri
					// Laos Sonexay Siphandone); a run that is all countries, or
					// holds one after them, is a country (președintele Statelor
					// Unite, Сполученого Королівства Великої Британії)
					first := i
					for first < last && theNames().isCountry(t.lower[first]) {
						first++
					}
					country := false
					for k := first; k <= last; k++ {
						country = country || theNames().isCountry(t.lower[k])
					}
					if country || last-first < 1 {
						i = last
						continue
					}
					i = first
					start, stop := t.Toks[i].Start, t.Toks[last].End
					out = append(out, Entity{Type: Person, Text: t.S[start:stop], Value: t.S[start:stop], Start: start, End: stop, Title: title, Key: personKey(t.S[start:stop])})
					t.Claim(start, stop)
					i = last
					continue
				}
			}
		}
		if !isSurname && !syll {
			continue
		}
		if !isSurname && t.isStop(i) {
			continue // an everyday word starts no name
		}
		title, cued := t.titleBefore(i)
		// the names of the Central Highlands peoples start with a glued
		// letter: H'Hen Niê, K'Nham, N'Trang Long
		highlandPrefix := t.highlandPrefix(i)
		cued = cued || highlandPrefix
		credit := t.creditBefore(i)
		if !isSurname && !cued && !credit {
			continue
		}
		latin := isLatinWord(t.S[t.Toks[i].Start:t.Toks[i].End])
		if r := firstRune(t.S[t.Toks[i].Start:]); latin && !unicode.IsUpper(r) || unicode.IsLower(r) {
			continue // Latin names are capitalised: "do roku" is no name
		}
		end := i  // last token of the name
		stop := 0 // end of the name inside its last word, before a case ending
		// names of the Central Highlands peoples run longer and end with a clan
		// name that is no Vietnamese syllable: Y Thanh Hà Niê Kđăm
		highland := latin && cued && t.S[t.Toks[i].Start:t.Toks[i].End] == "Y"
		maxWords := 4
		if highland {
			maxWords = 6
		}
		words := 1 // words of the name (a Hebrew word with a geresh is three tokens)
		for k := i + 1; k < len(t.Toks) && words < maxWords; k, words = k+1, words+1 {
			if !t.sameLine(i, k) || t.S[t.Toks[k-1].End:t.Toks[k].Start] != " " {
				break
			}
			if j, ok := t.gereshWord(k); ok {
				end, k = j, j // ג'יאנג: one word of three tokens
				continue
			}
			if highland && t.capitalisedWord(k) && len(t.lower[k]) <= 8 && !theNames().org[t.lower[k]] {
				end = k
				continue
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
		if highlandPrefix {
			start = t.Toks[i-2].Start
		}
		if stop == 0 {
			stop = t.Toks[end].End
		}
		// a place right after may have lent the name its first syllable:
		// "فام من چن ہائی فونگ سٹی" is Pham Minh Chinh, then Hai Phong City;
		// "تران تھانہ مان کین تھو" is Tran Thanh Man, then Can Tho
		if end-i >= 3 && words >= 4 && (t.isCity(end+1) || t.isCity(end+2) || t.placeAt(end) || t.hoChiMinhAt(end)) {
			end--
			stop = t.Toks[end].End
		}
		if t.lettersOnly(i, end) {
			i = end // initials spelled out, a photo credit: کیو ایچ = QH
			continue
		}
		// a city word, then the city, then a name: مدينة هوشي منه نجوين فان
		// دونج (Ho Chi Minh City's … Nguyen Van Dung)
		if i > 0 && theNames().cityBefore[t.lower[i-1]] && end-i >= 2 {
			if k := t.placePrefix(i, end); k >= i && k < end {
				i = k
				continue
			}
		}
		key := personKey(t.S[start:stop])
		// a credit cues a name as a title does (फोटो: तुआन आन्ह reads like a place only loosely)
		if t.placeOrMedia(t.S[start:stop], key, i, end, cued || credit) {
			i = end
			continue
		}
		out = append(out, Entity{Type: Person, Text: t.S[start:stop], Value: t.S[start:stop], Start: start, End: stop, Title: title, Key: key})
		t.Claim(start, stop)
		i = end
	}
	return t.givenNames(t.dropNotNames(out))
}

// givenNames finds, in an article written in another script, a Vietnamese
// given name standing alone in Latin letters after the article has named the
// person in full: "Nguyen Phu Trong …, Trong က …" — how the archive refers to
// someone again. The mention gets the full name's key, so it counts for that
// person. Only the last word of a Latin name of three words or more counts, and
// only where Latin words are few: in a Latin-script article a lone capitalised
// word is too often something else.
func (t *Text) givenNames(out []Entity) []Entity {
	out = t.titledGivenNames(out)
	var given map[string]string // given name → the full name's key
	for _, e := range out {
		if w := strings.Fields(e.Text); len(w) >= 3 && isLatinWord(e.Text) && e.Key != "" {
			if given == nil {
				given = map[string]string{}
			}
			given[w[len(w)-1]] = e.Key
		}
	}
	if given == nil {
		return out
	}
	latinWord := func(k int) bool {
		return k >= 0 && k < len(t.Toks) && t.Toks[k].Kind == Word && isLatinWord(t.S[t.Toks[k].Start:t.Toks[k].End])
	}
	latin, other := 0, 0 // letters in Latin words and in others
	for k, tok := range t.Toks {
		if tok.Kind == Word {
			if n := utf8.RuneCountInString(t.S[tok.Start:tok.End]); latinWord(k) {
				latin += n
			} else {
				other += n
			}
		}
	}
	if latin*2 > other {
		return out
	}
	for k, tok := range t.Toks {
		if tok.Kind != Word || t.claimed[k] {
			continue
		}
		w := t.S[tok.Start:tok.End]
		key, ok := given[w]
		if !ok || latinWord(k-1) || latinWord(k+1) {
			continue // not a given name alone, or part of a longer Latin run
		}
		out = append(out, Entity{Type: Person, Text: w, Value: w, Start: tok.Start, End: tok.End, Key: key})
		t.Claim(tok.Start, tok.End)
	}
	return out
}

// titledGivenNames finds, in any script, the last word of a name the article
// has given in full standing alone after a title: "secretaris-generaal Lam",
// "מזכיר כללי לאם", "President Cuong" once To Lam and Luong Cuong are named.
// The mention gets the full name's key.
func (t *Text) titledGivenNames(out []Entity) []Entity {
	var given map[string]string // last word, lower-cased → the full name's key
	for _, e := range out {
		if w := strings.Fields(e.Text); len(w) >= 2 && e.Key != "" {
			if given == nil {
				given = map[string]string{}
			}
			given[toLower(w[len(w)-1])] = e.Key
		}
	}
	if given == nil {
		return out
	}
	for k, tok := range t.Toks {
		if tok.Kind != Word || t.claimed[k] {
			continue
		}
		key, ok := given[t.lower[k]]
		if !ok || unicode.IsLower(firstRune(t.S[tok.Start:tok.End])) {
			continue // in a cased script a name is capitalised: "il Presidente ha" is no Ha
		}
		if _, cued := t.titleBefore(k); !cued || t.nameWord(k+1, isLatinWord(t.S[tok.Start:tok.End])) && t.sameLine(k, k+1) && t.S[tok.End:t.Toks[k+1].Start] == " " {
			continue // no title, or the start of a longer name
		}
		out = append(out, Entity{Type: Person, Text: t.S[tok.Start:tok.End], Value: t.S[tok.Start:tok.End], Start: tok.Start, End: tok.End, Key: key})
		t.Claim(tok.Start, tok.End)
	}
	return out
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
	if r := firstRune(w); latin && !unicode.IsUpper(r) || unicode.IsLower(r) {
		return false
	}
	if !latin && utf8.RuneCountInString(w) > 8 {
		return false
	}
	if r := firstRune(w); isHebrew(r) && utf8.RuneCountInString(w) == 1 && k+1 < len(t.Toks) && t.tok(k+1) == "-" && t.Toks[k+1].Start == t.Toks[k].End {
		return false // a Hebrew prefix letter before a hyphen: ב-3 באוגוסט (on the 3rd); but האו א לן (Hau A Lenh)
	}
	if _, _, _, ok := t.match(k, t.Lex.Particles); ok || t.hebrewParticle(k) {
		return false
	}
	if _, _, _, ok := t.match(k, t.Lex.Titles); ok && !latin {
		return false
	}
	_, syll := t.nameRom(k)
	return syll
}

// nameRom returns the romanization of token k for finding names, and whether it
// may be a syllable of a Vietnamese name. Besides Romanize it reads Hebrew
// (נגוין = ngoin) and the Greek spelling of a final -nh (Μινχ, Τανχ).
func (t *Text) nameRom(k int) (string, bool) {
	in := t.info(k)
	return in.nameRom, in.nameSyll
}

// greekRom reads a Greek word as a Vietnamese name written in Greek reads
// back, accents dropped and the digraphs Greek spells Vietnamese sounds with
// read as one: Νγκουγιέν → nguyen, Λουόνγκ → luong, Τσινχ → chinh, Τάνχ → tanh.
func greekRom(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	s := greekDigraphs.Replace(b.String())
	if strings.HasSuffix(s, "νχ") {
		s = strings.TrimSuffix(s, "νχ") + "nh"
	}
	b.Reset()
	for _, r := range s {
		if l, ok := greekLetters[r]; ok {
			b.WriteString(l)
		} else if r < 0x80 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	greekDigraphs = strings.NewReplacer("νγκ", "ng", "γκ", "g", "γγ", "ng", "ου", "u", "μπ", "b", "ντ", "d", "τσ", "ch", "τζ", "j", "γι", "y", "αι", "ai", "ει", "i", "οι", "oi")
	greekLetters  = map[rune]string{'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
		'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "ph", 'χ': "h", 'ψ': "ps", 'ω': "o"}
)

// detectRom is Romanize, and for Hebrew the reading of hebrewRom.
func detectRom(w string) string {
	r := romanize(w)
	if c, _ := utf8.DecodeRuneInString(w); r == "" && isHebrew(c) {
		r = hebrewRom(w)
	}
	return r
}

func isHebrew(r rune) bool { return r >= 0x05D0 && r <= 0x05EA }

// hebrewRom reads a Hebrew word as a Vietnamese name transliterated into Hebrew
// reads back: consonants as written, א and ע as a, ו as o (v first or doubled),
// י as i (יי as ie), a final ה as a vowel mark, ג׳ צ׳ ז׳ as j ch zh
// (נגוין → ngoin, טראן → tran, וייט → viet, טאנה → tanh, לה → le).
func hebrewRom(w string) string {
	s := &hebrewCache[maphash.String(hebrewSeed, w)%uint64(len(hebrewCache))]
	s.Lock()
	r, ok := s.m[w]
	s.Unlock()
	if ok {
		return r
	}
	r = readHebrew(w)
	s.Lock()
	if s.m == nil || len(s.m) >= 4096 {
		s.m = map[string]string{} // bounded: a full shard starts again
	}
	s.m[strings.Clone(w)] = r
	s.Unlock()
	return r
}

// hebrewCache keeps hebrewRom's readings: a Hebrew article asks for each of its
// words many times (once for each glued prefix it might carry).
var (
	hebrewSeed  = maphash.MakeSeed()
	hebrewCache [16]struct {
		sync.Mutex
		m map[string]string
	}
)

// readHebrew is hebrewRom without the cache.
func readHebrew(w string) string {
	rs := []rune(w)
	var b strings.Builder
	vowel := false // a vowel letter seen
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		var next, prev rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if i > 0 {
			prev = rs[i-1]
		}
		geresh := next == '\'' || next == '׳'
		switch r {
		case 'א', 'ע':
			b.WriteByte('a')
			vowel = true
		case 'ו':
			switch {
			case i == 0:
				b.WriteByte('v')
			case next == 'ו':
				b.WriteByte('v')
				i++
			default:
				b.WriteByte('o')
				vowel = true
			}
		case 'י':
			switch {
			case i == 0:
				b.WriteByte('y')
			case next == 'י':
				b.WriteString("ie")
				i++
				vowel = true
			default:
				b.WriteByte('i')
				vowel = true
			}
		case 'ה':
			switch {
			case i < len(rs)-1 || i == 0:
				b.WriteByte('h')
			case prev == 'א' || prev == 'ו' || prev == 'י':
				// a vowel already written: הואה = hoa
			case vowel:
				b.WriteByte('h') // טאנה = tanh
			default:
				b.WriteByte('e') // לה = le
			}
		case 'ב':
			b.WriteByte('b')
		case 'ג':
			if geresh {
				b.WriteByte('j')
			} else {
				b.WriteByte('g')
			}
		case 'ד':
			b.WriteByte('d')
		case 'ז':
			if geresh {
				b.WriteString("zh")
			} else {
				b.WriteByte('z')
			}
		case 'ח':
			b.WriteString("kh")
		case 'ט', 'ת':
			b.WriteByte('t')
		case 'כ':
			b.WriteByte('k')
		case 'ך':
			b.WriteString("kh")
		case 'ל':
			b.WriteByte('l')
		case 'מ', 'ם':
			b.WriteByte('m')
		case 'נ', 'ן':
			b.WriteByte('n')
		case 'ס':
			b.WriteByte('s')
		case 'פ', 'ף':
			b.WriteString("ph")
		case 'צ', 'ץ':
			if geresh {
				b.WriteString("ch")
			} else {
				b.WriteString("ts")
			}
		case 'ק':
			if i == len(rs)-1 {
				b.WriteByte('c')
			} else {
				b.WriteByte('k')
			}
		case 'ר':
			b.WriteByte('r')
		case 'ש':
			b.WriteString("sh")
		}
	}
	return vowelize(b.String())
}

// gereshWord reports a Hebrew word that the tokenizer splits at its geresh
// (ג'יאנג = Giang: ג, ', יאנג) and that reads as a name syllable; it returns
// the word's last token.
func (t *Text) gereshWord(k int) (int, bool) {
	if k+1 < len(t.Toks) && t.Toks[k].Kind == Word && (t.lower[k+1] == "'" || t.lower[k+1] == "׳") && t.Toks[k+1].Start == t.Toks[k].End &&
		(k+2 >= len(t.Toks) || t.Toks[k+2].Kind != Word || t.Toks[k+2].Start != t.Toks[k+1].End) {
		// a geresh that ends the word: טאצ' (Thach)
		if r, _ := utf8.DecodeRuneInString(t.lower[k]); isHebrew(r) {
			return k + 1, vnSyllable(hebrewRom(t.S[t.Toks[k].Start:t.Toks[k+1].End]))
		}
		return 0, false
	}
	if k+2 >= len(t.Toks) || t.Toks[k].Kind != Word || t.Toks[k+2].Kind != Word {
		return 0, false
	}
	if g := t.lower[k+1]; g != "'" && g != "׳" || t.Toks[k+1].Start != t.Toks[k].End || t.Toks[k+2].Start != t.Toks[k+1].End {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(t.lower[k]); !isHebrew(r) {
		return 0, false
	}
	w := t.S[t.Toks[k].Start:t.Toks[k+2].End]
	return k + 2, vnSyllable(hebrewRom(w))
}

// foreignRun finds the name of someone who is not Vietnamese after a title, in
// a script with capitals (Latin, Greek, Cyrillic): two to four capitalised words
// on one line that are not all Vietnamese syllables (those are read above), nor
// acronyms, titles, particles, surnames or places, nor words the article also
// writes in small letters (lowerSeen), and that no capitalised word follows
// (Ketua Majelis Nasional Tran Thanh Man is a title, then a name). It returns the
// last token.
func (t *Text) foreignRun(i int, lowerSeen func(string) bool) (int, bool) {
	last, n, allSyll := i, 0, true
	k := i
	for ; k < len(t.Toks) && n < 4; k++ {
		if k > i && t.tok(k) == "-" && k+1 < len(t.Toks) && t.Toks[k-1].End == t.Toks[k].Start && t.Toks[k].End == t.Toks[k+1].Start &&
			t.Toks[k+1].Kind == Word && t.capitalisedWord(k+1) && t.capitalisedWord(k-1) {
			k++ // a double name joined by a hyphen: Díaz-Canel
		} else if k > i && (!t.sameLine(i, k) || t.S[t.Toks[k-1].End:t.Toks[k].Start] != " ") {
			break
		}
		if t.Toks[k].Kind != Word || !t.capitalisedWord(k) {
			break
		}
		if _, _, _, ok := t.match(k, t.Lex.Titles); ok {
			return 0, false
		}
		if _, _, _, ok := t.match(k, t.Lex.Particles); ok {
			break
		}
		rom, syll := t.nameRom(k)
		if _, ok := theNames().surname[rom]; ok || lowerSeen(t.lower[k]) || theNames().org[t.lower[k]] {
			return 0, false
		}
		allSyll = allSyll && syll
		last, n = k, n+1
	}
	if n < 2 || allSyll {
		return 0, false
	}
	if k < len(t.Toks) && t.Toks[k].Kind == Word && t.sameLine(i, k) && unicode.IsUpper(firstRune(t.S[t.Toks[k].Start:])) {
		return 0, false
	}
	text := t.S[t.Toks[i].Start:t.Toks[last].End]
	if theNames().places[personKey(text)] {
		return 0, false
	}
	return last, true
}

// capitalisedWord reports a word of a cased script written with a capital and
// then small letters (Macron, Путин), at least two letters long.
func (t *Text) capitalisedWord(k int) bool {
	w := t.S[t.Toks[k].Start:t.Toks[k].End]
	if w == "" || w[0] < 0x80 && (w[0] < 'A' || w[0] > 'Z') {
		return false // the usual case, answered without decoding
	}
	first, size := utf8.DecodeRuneInString(w)
	if !isUpper(first) || len(w) == size {
		return false
	}
	for _, r := range w[size:] {
		if !isLower(r) {
			return false
		}
	}
	return true
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
		// a compound that ends with a title: utvecklingsminister, Außenminister
		if i > 0 && t.Toks[i-1].Kind == Word && t.sameLine(i-1, i) {
			for _, e := range t.Lex.TitleEndings.list {
				if w := t.lower[i-1]; len(e.toks) == 1 && len(w) > len(e.toks[0]) && strings.HasSuffix(w, e.toks[0]) {
					return w, true
				}
			}
		}
		return "", false
	}
	_ = first
	return p.text, true
}

// placePrefix returns the last token of the longest run of words from token i
// up to end that is a known place or Ho Chi Minh; i - 1 when none is.
func (t *Text) placePrefix(i, end int) int {
	names := theNames()
	for k := end; k >= i; k-- {
		key := personKey(t.S[t.Toks[i].Start:t.Toks[k].End])
		if key != "" && (names.places[key] || key == hoChiMinh) {
			return k
		}
	}
	return i - 1
}

// titleAcrossCountry reports a title before token i with up to three words of
// countries, nationalities or bodies between them, and maybe a comma:
// "presidente egípcio Abdel Fattah Al Sisi", "prim-ministrul australian,
// Anthony Albanese", "Předseda Národního shromáždění Esteban Lazo", "Ketua
// Parlemen Mongolia Dashzegve Amarbayasgalan".
func (t *Text) titleAcrossCountry(i int) (string, bool) {
	j := i
	if t.tok(j-1) == "," {
		j--
	}
	names := theNames()
	for n := 0; n < 3 && j > 0 && t.Toks[j-1].Kind == Word && t.sameLine(j-1, i) && (names.isCountry(t.lower[j-1]) || names.org[t.lower[j-1]]); n++ {
		j--
		if title, ok := t.titleBefore(j); ok {
			return title, true
		}
	}
	return "", false
}

// creditBefore reports a photo credit before token i: "Photo: X", "(Foto: VGP/X)".
func (t *Text) creditBefore(i int) bool {
	j := i - 1
	if t.tok(j) == "/" && j > 0 {
		j -= 2 // agency: VGP/
	}
	if j >= 0 && j < len(t.Toks) && strings.HasSuffix(t.lower[j], "โดย") && theNames().credit[t.lower[j]] {
		return true // ภาพโดย QUANG DINH: "photo by", no colon
	}
	return (t.tok(j) == ":" || t.tok(j) == "៖") && j > 0 && theNames().credit[t.tok(j-1)] // ៖: the Khmer colon
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
func personKey(name string) string { return personKeys.get(name, romanKeyOf) }

func romanKeyOf(name string) string { return theNames().romanKey(name) }

// romanKey is personKey with the names of n.
func (n *nameData) romanKey(name string) string {
	var parts []string
	for i, w := range nameWords(name) {
		r := squeeze(detectRom(w)) // بوئی reads boii: letters doubled by the script count once
		if r == "" {
			return ""
		}
		if i == 0 {
			if c, ok := n.surnameOf(r); ok {
				r = c
			}
		}
		if strings.Contains(r, "ya") {
			r = syllableFix.Replace(r)
		}
		if strings.HasPrefix(r, "sua") || strings.HasPrefix(r, "suy") {
			r = "x" + r[1:] // Суан: Xuan (Vietnamese has no sua-, suy- in names)
		}
		parts = append(parts, r)
	}
	key := strings.Join(parts, " ")
	if a, ok := n.alias[key]; ok {
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
			if t.Lex.Particles.has(toLower(stem)) {
				return 0 // 씨는: Mr. and a particle, after the name
			}
			if vnSyllable(Romanize(strings.ToLower(stem))) {
				return len(stem)
			}
		}
	}
	return 0
}

// looseKey spells a romanized key the way scripts that cannot write every
// Vietnamese sound spell it: final -nh and -ng as n, aspirates as plain
// consonants (ha tinh, Ха Тинь = ha tin, הא טין = ha tin).
func looseKey(key string) string {
	words := strings.Fields(key)
	for i, w := range words {
		w = looseSounds.Replace(w)
		if strings.HasSuffix(w, "nh") || strings.HasSuffix(w, "ng") {
			w = w[:len(w)-1]
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

var looseSounds = strings.NewReplacer("th", "t", "kh", "k", "ph", "p", "f", "p", "ch", "c", "tr", "c", "k", "c", "q", "c", "y", "i", "w", "u", "z", "d", "gi", "d")

// highlandPrefix reports a Latin word glued to a capital letter and an
// apostrophe before it (N'Trang, H'Hen): a name of a Central Highlands people.
func (t *Text) highlandPrefix(i int) bool {
	if i < 2 || t.Toks[i-1].End != t.Toks[i].Start || t.Toks[i-2].End != t.Toks[i-1].Start {
		return false
	}
	if a := t.lower[i-1]; a != "'" && a != "’" {
		return false
	}
	l := t.S[t.Toks[i-2].Start:t.Toks[i-2].End]
	return len(l) == 1 && l[0] >= 'A' && l[0] <= 'Z' && (i < 3 || t.Toks[i-3].End < t.Toks[i-2].Start) &&
		unicode.IsUpper(firstRune(t.S[t.Toks[i].Start:]))
}

// lettersOnly reports a span of tokens i..end whose every word is the name of a
// Latin letter in the language (کیو ایچ = QH): initials, not a name.
func (t *Text) lettersOnly(i, end int) bool {
	if len(t.Lex.Letters.list) == 0 {
		return false
	}
	for k := i; k <= end; k++ {
		if t.Toks[k].Kind != Word {
			continue
		}
		if _, next, _, ok := t.match(k, t.Lex.Letters); !ok || next != k+1 {
			return false
		}
	}
	return true
}

// placeOrMedia reports a name-like span of tokens first..end that is a place
// (Dong Nai, Ho Chi Minh City, Lam Son industrial park), a newspaper (Nguoi Lao
// Dong) or an untranslated title (Tổng Bí thư). Outside Latin script, where a
// transliteration reads back loosely, the places are also matched by consonant
// skeletons, unless a title stands before the span (a title makes it a person).
func (t *Text) placeOrMedia(text, key string, first, end int, titled bool) bool {
	names := theNames()
	if names.places[key] || names.places[spanRoms.get(text, spanRom)] {
		return true
	}
	next := end + 1
	if names.placePre[key] && next < len(t.Toks) && t.Toks[next].Kind == Word && t.sameLine(end, next) && t.Toks[next].Start == t.Toks[end].End+1 {
		// the place goes on in the next word: Ho Chi Minhstad, Tổng Bí thư
		if names.places[key+" "+names.romanKey(t.lower[next])] {
			return true
		}
	}
	if !titled && !isLatinWord(text) && (names.placeSk[SkeletonKey(key)] || names.placeLo[looseKeys.get(key, looseKey)]) {
		return true
	}
	if !titled && first >= 2 && t.tok(first-1) == "(" && t.isCity(first-2) && t.tok(end+1) == ")" {
		return true // Hoang Tien commune (Hoang Hoa): the district it lies in
	}
	// in brackets with the city after a comma: (Ntong Mo, Ανόι) is a village of Hanoi
	if !titled && first > 0 && t.tok(first-1) == "(" && t.tok(end+1) == "," && end+2 < len(t.Toks) && t.Toks[end+2].Kind == Word && names.places[personKey(t.S[t.Toks[end+2].Start:t.Toks[end+2].End])] {
		return true
	}
	// a place word of an unspaced script glued to the word before: ជាមួយឃុំ Luong Minh
	if !titled && t.noSpace && first > 0 && t.Toks[first-1].Kind == Word && !isLatinWord(t.lower[first-1]) {
		for w := range names.cityBefore {
			if !isLatinWord(w) && len(t.lower[first-1]) > len(w) && strings.HasSuffix(t.lower[first-1], w) {
				return true
			}
		}
	}
	before := first - 1
	if before > 0 && cityOf[t.lower[before]] && names.cityBefore[t.lower[before-1]] {
		before-- // Ciudad de Ho Chi Minh, ville de Hô Chi Minh
	}
	if before >= 0 && first > 0 && names.cityBefore[t.lower[before]] && (end-first < 2 || key == hoChiMinh) {
		// kota Ho Chi Minh, provincie Dong Thap; a three-word name after
		// "provinsi" is more often a person of the province's party committee
		return true
	}
	if t.tok(next) == "-" {
		next++
	}
	return t.isCity(next)
}

// spanRom is the romanization of a span's words as they are written, letters
// doubled by the script counted once.
func spanRom(text string) string {
	var raw []string
	for _, w := range strings.Fields(text) {
		raw = append(raw, squeeze(romanize(w)))
	}
	return strings.Join(raw, " ")
}

// cityOf: the word for "of" between a word for city and its name.
var cityOf = map[string]bool{"de": true, "di": true, "do": true, "da": true, "of": true}

// placeAt reports a two-word place name starting at token k.
func (t *Text) placeAt(k int) bool {
	if k+1 >= len(t.Toks) || t.Toks[k+1].Kind != Word || !t.sameLine(k, k+1) {
		return false
	}
	if _, _, _, ok := t.match(k+1, t.Lex.Particles); ok {
		return false // بوئی تھی من ہوائی نے: a postposition, not Ha Noi
	}
	a, b := t.info(k).skel, t.info(k+1).skel
	return a != "" && b != "" && theNames().places[a+" "+b]
}

// hoChiMinhAt reports Ho Chi Minh written from token k: a name of four words
// that ends with its Ho is a name of three, then the city (ট্রান লু কোয়াং হো চি
// মিন সিটি).
func (t *Text) hoChiMinhAt(k int) bool {
	if k+2 >= len(t.Toks) || !t.sameLine(k, k+2) || t.Toks[k+1].Kind != Word || t.Toks[k+2].Kind != Word {
		return false
	}
	return personKey(t.S[t.Toks[k].Start:t.Toks[k+2].End]) == hoChiMinh
}

// hoChiMinh is the key of Ho Chi Minh, the person and the city's name.
const hoChiMinh = "ho chi minh"

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
func SkeletonKey(key string) string { return skeletons.get(key, skeletonKey) }

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

// cliticLen returns the length of a conjunction or preposition glued to a name:
// Arabic-script و (ولي = و + لي), Arabic ل and ب (لفان = ل + فان, "of Phan")
// before a surname of three letters or more when the whole word reads as no
// name syllable (syll: Urdu لوونگ is Luong, not ل + Vuong), Hebrew ו ה ב ל מ ש
// כ (לטו = ל + טו); or 0.
func cliticLen(w string, syll bool) int {
	if strings.HasPrefix(w, "و") && utf8.RuneCountInString(w) > 2 {
		if _, ok := theNames().surname[romanize(w[len("و"):])]; ok {
			return len("و")
		}
	}
	if !syll {
		for _, pre := range []string{"ول", "وب", "ل", "ب"} {
			if rest := strings.TrimPrefix(w, pre); len(rest) < len(w) && utf8.RuneCountInString(rest) >= 3 {
				if _, ok := theNames().surname[romanize(rest)]; ok {
					return len(pre)
				}
			}
		}
	}
	if r, _ := utf8.DecodeRuneInString(w); isHebrew(r) && utf8.RuneCountInString(w) > 2 {
		if _, ok := theNames().surname[hebrewRom(w)]; ok {
			return 0
		}
		for _, pre := range hebrewPrefixes {
			if strings.HasPrefix(w, pre) && utf8.RuneCountInString(w) > utf8.RuneCountInString(pre)+1 {
				if _, ok := theNames().surname[hebrewRom(w[len(pre):])]; ok {
					return len(pre)
				}
			}
		}
	}
	return 0
}

// hebrewParticle reports a Hebrew particle of the lexicon, alone or after a
// glued ו (עם, ואת, ועם): no part of a name.
func (t *Text) hebrewParticle(k int) bool {
	w := t.lower[k]
	if r, _ := utf8.DecodeRuneInString(w); !isHebrew(r) {
		return false
	}
	for _, p := range t.Lex.Particles.list {
		if len(p.toks) == 1 && (w == p.toks[0] || strings.HasPrefix(w, "ו") && w[len("ו"):] == p.toks[0]) {
			return true
		}
	}
	return false
}

// hebrewPrefixes are the particles Hebrew writes glued to the next word, two-letter ones first.
var hebrewPrefixes = []string{"וה", "וב", "ול", "ומ", "וש", "של", "שה", "ו", "ה", "ב", "ל", "מ", "ש", "כ"}
