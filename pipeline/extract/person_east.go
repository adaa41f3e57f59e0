package extract

import (
	"bufio"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// People in the scripts written without spaces between words (Chinese,
// Japanese, Thai, Lao, Khmer) and Korean names written as one word: found by
// the cues of each language (a title before a Chinese or Thai name, 氏 after a
// katakana name, 서기장 after a Korean one) and the shape of a Vietnamese name
// in the script (its first syllable a Vietnamese surname), never from a list of
// names. Spans hold the name's characters only.

// cueSets are the sections of roman/cues.txt.
var theCues = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	data, err := romanFS.ReadFile("roman/cues.txt")
	if err != nil {
		return out
	}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
		default:
			out[section] = append(out[section], line)
		}
	}
	// longest first: 总书记 before 书记
	for _, l := range out {
		sortByLen(l)
	}
	return out
})

func sortByLen(l []string) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && len(l[j]) > len(l[j-1]); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// hasPrefixAny returns the cue of set that s starts with.
func hasPrefixAny(s string, set []string) (string, bool) {
	for _, c := range set {
		if strings.HasPrefix(s, c) {
			return c, true
		}
	}
	return "", false
}

// isSurname reports a romanized syllable that is a Vietnamese surname.
func isSurname(rom string) bool {
	_, ok := surnameOf(rom)
	return ok
}

// surnameOf returns the canonical spelling of a romanized surname; th may
// stand for T (Korean 토람 is To Lam).
func surnameOf(rom string) (string, bool) { return theNames().surnameOf(rom) }

// surnameOf is the package's surnameOf over the names of n (usable while n is
// still being loaded: the places list is keyed with it).
func (n *nameData) surnameOf(rom string) (string, bool) {
	if c, ok := n.surname[rom]; ok {
		return c, true
	}
	if strings.HasPrefix(rom, "b") {
		if c, ok := n.surname["v"+rom[1:]]; ok {
			return c, true // Korean ㅂ is B and V: 보 Vo
		}
	}
	if strings.HasPrefix(rom, "th") {
		if _, ok := n.surname[rom[2:]]; !ok {
			if c, ok := n.surname["t"+rom[2:]]; ok {
				return c, true
			}
		}
	}
	return "", false
}

// notKoreanName reports a Korean name found by the word-by-word search that
// is a Korean phrase (당 제14차: the party's 14th).
func notKoreanName(e Entity) bool {
	cues := theCues()
	for _, w := range strings.Fields(e.Text) {
		for _, n := range cues["ko_not_word"] {
			if w == n {
				return true
			}
		}
		for _, n := range cues["ko_not"] {
			if strings.Contains(w, n) {
				return true
			}
		}
	}
	return false
}

// dropNotNames removes what the word-by-word search of Extract took for a
// name in Korean.
func (t *Text) dropNotNames(es []Entity) []Entity {
	if t.Lang != "ko" {
		return es
	}
	out := es[:0]
	for _, e := range es {
		if e.Type != Person || !notKoreanName(e) {
			out = append(out, e)
		}
	}
	return out
}

// vnName reports syllables that have the shape of a Vietnamese name: 1 to 5
// syllables, the first a surname (To Lam: to, lam).
func vnName(sy []string, min int) bool {
	if len(sy) < min || len(sy) > 5 || !isSurname(sy[0]) {
		return false
	}
	return allSyllables(sy)
}

// allSyllables reports romanized words that all have the shape of Vietnamese syllables.
func allSyllables(sy []string) bool {
	for _, s := range sy {
		if !vnSyllable(s) {
			return false
		}
	}
	return true
}

// peopleEast finds the names of Chinese, Japanese, Korean, Thai, Lao and
// Khmer articles that the word-by-word search of Extract cannot see.
func (t *Text) peopleEast() []Entity {
	var out []Entity
	// a token of these scripts is a whole phrase: claims are checked against
	// the names found here, and made at the end
	places := theCues()[t.Lang+"_place"]
	add := func(start, stop int, title string) {
		if start >= stop {
			return
		}
		for _, e := range out {
			if start < e.End && e.Start < stop {
				return
			}
		}
		name := t.S[start:stop]
		if _, place := hasPrefixAny(t.S[stop:], places); place {
			return // 胡志明市: Ho Chi Minh City
		}
		key := personKey(name)
		if key == "" && strings.ContainsAny(name, "·・•") {
			key = name // a foreign name with characters no Vietnamese name reads
		}
		if key == "" || t.placeOrMedia(name, key, 0, len(t.Toks), title != "") {
			return
		}
		out = append(out, Entity{Type: Person, Text: name, Value: name, Start: start, End: stop, Title: title, Key: key})
	}
	switch t.Lang {
	case "zh":
		t.peopleZh(add)
	case "ja":
		t.peopleJa(add)
	case "ko":
		t.peopleKo(add)
		t.glossedNames(add)
	case "th", "lo", "km":
		t.peopleAbugida(add)
	default:
		return nil
	}
	// a name found once by its cue is the same name elsewhere in the article
	seen := map[string]bool{}
	for _, e := range out {
		seen[e.Text] = true
	}
	for name := range seen {
		for off := 0; ; {
			k := strings.Index(t.S[off:], name)
			if k < 0 {
				break
			}
			s := off + k
			off = s + len(name)
			if t.boundaryAt(s) && t.boundaryAt(off) {
				add(s, off, "")
			}
		}
	}
	for _, e := range out {
		t.Claim(e.Start, e.End)
	}
	return out
}

// boundaryAt reports whether offset off may start or end a name found again:
// not inside a katakana or Hangul word (ト of トラム), Chinese always.
func (t *Text) boundaryAt(off int) bool {
	if off <= 0 || off >= len(t.S) {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(t.S[:off])
	b, _ := utf8.DecodeRuneInString(t.S[off:])
	inWord := func(r rune) bool {
		return isKatakana(r) || r >= 0xAC00 && r <= 0xD7A3 || r >= 0x0E00 && r <= 0x0EFF || r >= 0x1780 && r <= 0x17FF
	}
	if t.Lang == "ko" && inWord(a) {
		return false // a particle after it is fine, a block before it is not
	}
	return !(inWord(a) && inWord(b))
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FFFF
}

// hanReading is the romanized Sino-Vietnamese reading of a Han character.
func hanReading(r rune) (string, bool) {
	s, ok := theEast().han[r]
	return s, ok
}

// peopleZh finds Chinese names after a title (总书记苏林) or before one
// (胡志明主席): 2–4 characters that read as a Vietnamese name.
func (t *Text) peopleZh(add func(int, int, string)) {
	cues := theCues()
	for _, title := range cues["zh_before"] {
		for off := 0; ; {
			k := strings.Index(t.S[off:], title)
			if k < 0 {
				break
			}
			start := off + k + len(title)
			off = start
			// a list after the title: 副总理范明政、黎明智
			for n := 0; n < 8; n++ {
				stop := zhForeignAfter(t.S, start) // 总理宋赛·西潘敦
				if stop == start {
					stop = t.zhNameAfter(start)
				}
				if stop == start {
					break
				}
				add(start, stop, title)
				if !strings.HasPrefix(t.S[stop:], "、") {
					break
				}
				start = stop + len("、")
			}
		}
	}
	for _, title := range cues["zh_after"] {
		for off := 0; ; {
			k := strings.Index(t.S[off:], title)
			if k < 0 {
				break
			}
			end := off + k
			off = end + len(title)
			if start := t.zhNameBefore(end); start < end {
				add(start, end, title)
			}
		}
	}
}

// zhForeignAfter returns the end of a name that is not Vietnamese at start: a
// transliterated name, its parts joined with a middle dot (宋赛·西潘敦,
// 加夫列尔·博里奇), each part two to six Han characters; or start.
func zhForeignAfter(s string, start int) int {
	p, parts := start, 0
	for {
		n, q := 0, p
		for q < len(s) && n < 7 {
			r, size := utf8.DecodeRuneInString(s[q:])
			if !isHan(r) {
				break
			}
			q += size
			n++
		}
		if n < 1 || n > 6 || parts == 0 && n < 2 {
			return start
		}
		p, parts = q, parts+1
		r, size := utf8.DecodeRuneInString(s[p:])
		if r != '·' && r != '・' && r != '•' || parts == 3 {
			break
		}
		p += size
	}
	if parts < 2 {
		return start
	}
	if r, _ := utf8.DecodeRuneInString(s[p:]); isHan(r) {
		// the name runs on into the sentence: only a stop word may follow
		if _, stop := hasPrefixAny(s[p:], theCues()["zh_stop"]); !stop {
			return start
		}
	}
	return p
}

// zhNameAfter returns the end of a Vietnamese name that starts at start, or start.
func (t *Text) zhNameAfter(start int) int {
	var ends []int // ends[i]: end of the name of i+1 characters
	var sy []string
	for p := start; p < len(t.S) && len(ends) < 4; {
		r, size := utf8.DecodeRuneInString(t.S[p:])
		rd, ok := hanReading(r)
		if !isHan(r) || !ok {
			break
		}
		sy = append(sy, rd)
		p += size
		ends = append(ends, p)
	}
	if len(sy) < 2 || !isSurname(sy[0]) {
		return start
	}
	stops := theCues()["zh_stop"]
	ok := func(n int) bool {
		if n > len(ends) || !vnName(sy[:n], 2) {
			return false
		}
		rest := t.S[ends[n-1]:]
		r, _ := utf8.DecodeRuneInString(rest)
		if !isHan(r) {
			return true
		}
		_, stop := hasPrefixAny(rest, stops)
		return stop
	}
	// four characters only with the middle name Thị (阮氏金银)
	if len(sy) == 4 && sy[1] == "thi" && ok(4) {
		return ends[3]
	}
	for _, n := range []int{3, 2} {
		if ok(n) {
			return ends[n-1]
		}
	}
	if len(sy) >= 3 && vnName(sy[:3], 3) {
		return ends[2]
	}
	return start
}

// zhNameBefore returns the start of a Vietnamese name that ends at end, or end.
func (t *Text) zhNameBefore(end int) int {
	var starts []int
	var sy []string
	for p := end; p > 0 && len(starts) < 3; {
		r, size := utf8.DecodeLastRuneInString(t.S[:p])
		rd, ok := hanReading(r)
		if !isHan(r) || !ok {
			break
		}
		sy = append([]string{rd}, sy...)
		p -= size
		starts = append(starts, p)
	}
	for _, n := range []int{3, 2} {
		if n <= len(sy) && vnName(sy[len(sy)-n:], 2) {
			return starts[n-1]
		}
	}
	return end
}

func isKatakana(r rune) bool { return r >= 0x30A1 && r <= 0x30FA || r == 0x30FC }

func isKanaJoiner(r rune) bool { return r == '・' || r == '･' || r == '＝' }

// peopleJa finds katakana names: parts joined by ・ (グエン・ホン・ハイ), or one
// part with an honorific after it (ヒエン氏).
func (t *Text) peopleJa(add func(int, int, string)) {
	cues := theCues()
	s := t.S
	for p := 0; p < len(s); {
		r, size := utf8.DecodeRuneInString(s[p:])
		if !isKatakana(r) {
			p += size
			continue
		}
		start := p
		parts := 0
		var first string
		end := p
		for {
			q := end
			for q < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[q:])
				if !isKatakana(r2) {
					break
				}
				q += sz
			}
			if parts == 0 {
				first = s[end:q]
			}
			parts++
			end = q
			r2, sz := utf8.DecodeRuneInString(s[end:])
			if !isKanaJoiner(r2) {
				break
			}
			r3, _ := utf8.DecodeRuneInString(s[end+sz:])
			if !isKatakana(r3) {
				break
			}
			end += sz
		}
		p = end
		// a katakana word right before (joined with nothing) is part of a longer word
		if prev, _ := utf8.DecodeLastRuneInString(s[:start]); isKanaJoiner(prev) {
			continue
		}
		rest := s[end:]
		if _, place := hasPrefixAny(rest, cues["ja_place"]); place {
			continue
		}
		title, honour := hasPrefixAny(rest, cues["ja_after"])
		switch {
		case parts >= 2 && (honour || parts >= 3 || isSurname(Romanize(first))):
		case parts == 1 && honour && (title == "氏" || title == "さん" || title == "同志") && utf8.RuneCountInString(first) >= 2:
		default:
			continue
		}
		add(start, end, title)
	}
}

// peopleKo finds Korean names written as one word before a title
// (토람 서기장, 쩐탄만 국회의장) or after a photo credit (사진: 하이린).
func (t *Text) peopleKo(add func(int, int, string)) {
	after := theCues()["ko_after"]
	for i := range t.Toks {
		if t.Toks[i].Kind != Word || t.claimed[i] {
			continue
		}
		w := t.S[t.Toks[i].Start:t.Toks[i].End]
		if r, _ := utf8.DecodeRuneInString(w); r < 0xAC00 || r > 0xD7A3 {
			continue
		}
		title := ""
		cued := t.creditBefore(i) || t.tok(i-1) == ":" && t.tok(i-2) == "사진"
		if i+1 < len(t.Toks) && t.sameLine(i, i+1) && t.Toks[i+1].Kind == Word {
			if c, ok := hasPrefixAny(t.lower[i+1], after); ok {
				title, cued = c, true
			}
		}
		var sy []string
		if !cued {
			// a name of three syllables or more with a surname no Korean word starts with
			first, ok := hasPrefixAny(w, theCues()["ko_surname"])
			if !ok || first != w[:len(first)] {
				continue // (most words: not read)
			}
			if sy = theEast().readHangul(w); len(sy) < 3 {
				continue
			}
			if rest := theEast().readHangul(w[len(first):]); len(rest) != len(sy)-1 {
				continue // the surname's blocks begin a longer syllable
			}
		}
		if cued {
			sy = theEast().readHangul(w)
		}
		credit := title == "" && cued
		if credit && len(sy) >= 2 && len(sy) <= 4 && allSyllables(sy) {
			add(t.Toks[i].Start, t.Toks[i].End, "")
			continue
		}
		if !vnName(sy, 2) || notKoreanName(Entity{Text: w}) {
			continue
		}
		end := t.Toks[i].End
		// a particle glued to a one-word name: 판딘짝은 (Phan Dinh Trac + topic)
		for _, p := range koNameParticles {
			if stem := strings.TrimSuffix(w, p); len(stem) < len(w) && len(sy) >= 3 && vnName(theEast().readHangul(stem), 2) {
				end -= len(p)
				break
			}
		}
		add(t.Toks[i].Start, end, title)
	}
}

// koNameParticles are the Korean particles that glue to a name and are no
// syllable of one: topic, object, "and", genitive.
var koNameParticles = []string{"은", "는", "을", "를", "과", "와", "의"}

// peopleAbugida finds Thai, Lao and Khmer names after a title, in the same
// word (ประธานาธิบดีเลืองเกื่อง) or the next (เลขาธิการ โตลัม, ທ່ານ ເຈິ່ນເກິມຕູ).
// A Cambodian name after a Khmer honorific is two words (សម្តេច… ហេង សំរិន).
func (t *Text) peopleAbugida(add func(int, int, string)) {
	before := theCues()["abugida_before"]
	for i := range t.Toks {
		if t.Toks[i].Kind != Word || t.claimed[i] {
			continue
		}
		w := t.lower[i]
		start := t.Toks[i].Start
		title := t.abugidaTitleBefore(i)
		if title != "" && isCountryWord(w) {
			continue // ນາຍົກລັດຖະມົນຕີ ສິງກະໂປ: the country, then the name
		}
		if title != "" && isLatinWord(w) && t.capitalisedWord(i) {
			// a name in Latin letters after a title: ប្រធានាធិបតីអាមេរិក Joe Biden
			if last, ok := t.latinNameRun(i); ok {
				add(start, t.Toks[last].End, title)
			}
			continue
		}
		if title == "" {
			// a title inside the word, the name after it: …และประธานาธิบดีโฮจิมินห์
			if s, e, c, ok := t.innerTitleName(i); ok {
				add(s, e, c)
				continue
			}
			// a word that starts with a surname no word of the language starts with
			if _, ok := hasPrefixAny(w, theCues()["abugida_surname"]); ok {
				if e, ok := t.nameIn(start, t.Toks[i].End); ok {
					add(start, e, "")
				}
				continue
			}
		}
		if title == "" {
			if c, ok := hasPrefixAny(w, before); ok && len(c) < len(w) {
				title, start = c, start+len(c)
				if _, again := hasPrefixAny(w[len(c):], before); again {
					continue
				}
			}
		}
		if title == "" {
			continue
		}
		if _, isTitle := hasPrefixAny(t.S[start:t.Toks[i].End], before); isTitle {
			continue // ប្រធាន រដ្ឋសភា: a title, no name
		}
		if _, not := hasPrefixAny(t.S[start:t.Toks[i].End], theCues()["abugida_not"]); not {
			continue // a verb after the title: นายกรัฐมนตรีต้อนรับ
		}
		sy := eastSyllables(t.S[start:t.Toks[i].End])
		if !vnName(sy, 1) {
			// the name glued to the word after it: เลขาธิการโตลัมเป็นประธาน
			if stop, ok := t.nameBeforeCue(start, t.Toks[i].End); ok {
				add(start, stop, title)
				continue
			}
		}
		if vnName(sy, 1) {
			stop := t.Toks[i].End
			// a name spaced by syllables: โต ลัม
			for k := i + 1; k < len(t.Toks) && len(sy) < 4 && t.Toks[k].Kind == Word && t.sameLine(i, k); k++ {
				more := eastSyllables(t.S[t.Toks[k].Start:t.Toks[k].End])
				if _, not := hasPrefixAny(t.lower[k], theCues()["abugida_not"]); not || len(more) != 1 || !vnSyllable(more[0]) || utf8.RuneCountInString(t.lower[k]) > 5 {
					break
				}
				sy = append(sy, more...)
				stop = t.Toks[k].End
			}
			if len(sy) >= 2 {
				add(start, stop, title)
			}
			continue
		}
		// a foreign leader's name after a title and a country, as one word:
		// ນາຍົກລັດຖະມົນຕີ ສິງກະໂປ ຫຼີຊຽນຫຼົງ (Lee Hsien Loong)
		if i > 1 && start == t.Toks[i].Start && isCountryWord(t.lower[i-1]) {
			if sy := eastSyllables(t.S[start:t.Toks[i].End]); len(sy) >= 2 && len(sy) <= 4 {
				if _, not := hasPrefixAny(t.lower[i], theCues()["abugida_not"]); !not {
					add(start, t.Toks[i].End, title)
					continue
				}
			}
		}
		// a name that is not Vietnamese after an honorific: two words, a given
		// name and a family name, each short and read by the script's table
		// (លោក ហ៊ុន ម៉ាណែត, ທ່ານ ສອນໄຊ ສີພັນດອນ, ท่านสอนไซ สีพันดอน); Khmer
		// names are shorter
		maxLetters := 10
		if t.Lang == "km" {
			maxLetters = 9 // ថងលូន ស៊ីសូលីត (Thongloun Sisoulith)
		}
		if i+1 < len(t.Toks) && t.Toks[i+1].Kind == Word && t.sameLine(i, i+1) && t.S[t.Toks[i].End:t.Toks[i+1].Start] == " " &&
			shortWord(t.S[start:t.Toks[i].End], maxLetters) && shortWord(t.lower[i+1], maxLetters) && (t.Lang == "km" || t.foreignShape(start, i)) &&
			(start == t.Toks[i].Start || honorific[title]) && !acronym(t.S[start:t.Toks[i].End]) && !acronym(t.lower[i+1]) {
			_, cue := hasPrefixAny(t.lower[i+1], before)
			_, not := hasPrefixAny(t.lower[i+1], theCues()["abugida_not"])
			_, not2 := hasPrefixAny(t.S[start:t.Toks[i].End], theCues()["abugida_not"])
			if !cue && !not && !not2 && len(eastSyllables(t.S[start:t.Toks[i].End])) > 0 && len(eastSyllables(t.lower[i+1])) > 0 {
				add(start, t.Toks[i+1].End, title)
			}
		}
	}
}

// abugidaTitleBefore returns the title that the word before token i ends
// with, maybe followed by a country (ประธานาธิบดีฝรั่งเศส), or that the word
// before a country word ends with (ນາຍົກລັດຖະມົນຕີ ສິງກະໂປ); "" when none.
func (t *Text) abugidaTitleBefore(i int) string {
	if i == 0 || t.Toks[i-1].Kind != Word || !t.sameLine(i-1, i) {
		return ""
	}
	prev := t.lower[i-1]
	if isCountryWord(prev) && i > 1 && t.Toks[i-2].Kind == Word && t.sameLine(i-2, i) {
		prev = t.lower[i-2]
	}
	for _, c := range theCues()["abugida_country"] {
		if strings.HasSuffix(prev, c) && len(prev) > len(c) {
			if title := endingTitle(prev[:len(prev)-len(c)]); title != "" {
				return title
			}
		}
	}
	return endingTitle(prev)
}

// endingTitle returns the title of [abugida_before] that w ends with, or "".
func endingTitle(w string) string {
	for _, c := range theCues()["abugida_before"] {
		if strings.HasSuffix(w, c) {
			return c
		}
	}
	return ""
}

// isCountryWord reports a word that is a country of [abugida_country].
func isCountryWord(w string) bool {
	for _, c := range theCues()["abugida_country"] {
		if w == c {
			return true
		}
	}
	return false
}

// latinNameRun reads two to four capitalised Latin words from token i, spaced
// by one space, none a word of a body, that are no place: a foreign name.
func (t *Text) latinNameRun(i int) (int, bool) {
	last := i
	for k := i; k < len(t.Toks) && k-i < 4; k++ {
		if k > i && (!t.sameLine(i, k) || t.S[t.Toks[k-1].End:t.Toks[k].Start] != " ") {
			break
		}
		if t.Toks[k].Kind != Word || !isLatinWord(t.lower[k]) || !t.capitalisedWord(k) || theNames().org[t.lower[k]] {
			break
		}
		last = k
	}
	if last == i {
		return 0, false
	}
	text := t.S[t.Toks[i].Start:t.Toks[last].End]
	if theNames().places[personKey(text)] {
		return 0, false
	}
	return last, true
}

// innerTitleName finds a title inside word token i and a Vietnamese name of
// two to four syllables after it that ends the word or a cue of
// [abugida_not] ends (…และประธานาธิบดีโฮจิมินห์, …ประธานาธิบดีโตลัมและคณะ).
func (t *Text) innerTitleName(i int) (start, end int, title string, ok bool) {
	w := t.S[t.Toks[i].Start:t.Toks[i].End]
	if len(w) != len(t.lower[i]) {
		return 0, 0, "", false
	}
	byFirst := titlesByFirstRune()
	for p, r := range w {
		if p == 0 {
			continue // a title that starts the word: read by peopleAbugida
		}
		for _, c := range byFirst[r] { // longest first
			if !strings.HasPrefix(w[p:], c) {
				continue
			}
			rest := w[p+len(c):]
			if rest == "" {
				break
			}
			if _, again := hasPrefixAny(rest, theCues()["abugida_before"]); again {
				break // a longer title: ประธาน in ประธานาธิบดี
			}
			if _, not := hasPrefixAny(rest, theCues()["abugida_not"]); not {
				break // a verb after the title: นายกรัฐมนตรีต้อนรับ
			}
			at := t.Toks[i].Start + p + len(c)
			if e, ok := t.nameIn(at, t.Toks[i].End); ok {
				return at, e, c, true
			}
			break
		}
	}
	return 0, 0, "", false
}

// titlesByFirstRune indexes the titles of [abugida_before] by their first
// rune, longest first, for innerTitleName's scan of a word.
var titlesByFirstRune = sync.OnceValue(func() map[rune][]string {
	out := map[rune][]string{}
	for _, c := range theCues()["abugida_before"] {
		r, _ := utf8.DecodeRuneInString(c)
		out[r] = append(out[r], c)
	}
	return out
})

// nameIn finds a Vietnamese name of two to four syllables at the start of
// S[start:end], the whole of it or ended by a cue (nameBeforeCue), and
// returns where it ends.
func (t *Text) nameIn(start, end int) (int, bool) {
	if sy := eastSyllables(t.S[start:end]); len(sy) >= 2 && len(sy) <= 4 && vnName(sy, 2) {
		return end, true
	}
	return t.nameBeforeCue(start, end)
}

// nameBeforeCue finds a Vietnamese name of two to four syllables at the start
// of S[start:end] that the word after it ends, unspaced ([abugida_not]: a
// verb or a particle): โตลัม in โตลัมเป็นประธาน. The first such cut wins.
func (t *Text) nameBeforeCue(start, end int) (int, bool) {
	w := t.S[start:end]
	best := -1
	for _, c := range theCues()["abugida_not"] {
		if k := strings.Index(w, c); k > 0 && (best < 0 || k < best) {
			if sy := eastSyllables(w[:k]); len(sy) >= 2 && len(sy) <= 4 && vnName(sy, 2) {
				best = k
			}
		}
	}
	return start + best, best > 0
}

// glossedNames finds foreign names written in the script with the Latin
// spelling in brackets right after them: 자오 러지(Zhao Leji), 미겔 디아스 카넬
// 베르무데스(Miguel Diaz Canel Bermudez). Both spellings are the person when
// they have as many words, two to five, every Latin word capitalised and none
// a word of a body; a place (꽝닌 성(Quang Ninh)) is none.
func (t *Text) glossedNames(add func(int, int, string)) {
	for k := range t.Toks {
		if t.tok(k) != "(" || k == 0 || t.gap(k-1) || t.Toks[k-1].Kind != Word || isLatinWord(t.lower[k-1]) {
			continue
		}
		// the Latin words up to ")"
		var latin []int
		end := k + 1
		for ; end < len(t.Toks) && t.Toks[end].Kind == Word && t.sameLine(k, end) && len(latin) < 6; end++ {
			if !t.capitalisedWord(end) || !isLatinWord(t.lower[end]) || theNames().org[t.lower[end]] {
				break
			}
			latin = append(latin, end)
		}
		n := len(latin)
		if n < 2 || n > 5 || t.tok(end) != ")" {
			continue
		}
		// as many words of the script before "(", spaced by one space
		first := k - n
		if first < 0 {
			continue
		}
		good := true
		for j := first; j < k; j++ {
			if t.Toks[j].Kind != Word || isLatinWord(t.lower[j]) || (j > first && t.S[t.Toks[j-1].End:t.Toks[j].Start] != " ") {
				good = false
				break
			}
		}
		if !good {
			continue
		}
		// honorifics before the name, counted in both spellings: 삼데치 테초
		// 훈 센(Samdech Techo Hun Sen) is Hun Sen
		en := LexiconFor("en").Titles
		for n > 2 {
			if _, next, _, ok := t.match(latin[0], en); ok && next == latin[0]+1 {
				latin, first, n = latin[1:], first+1, n-1
				continue
			}
			break
		}
		// each Latin word sounds like its Hangul one (Zhao/자오, Leji/러지);
		// 세계 경제 포럼(World Economic Forum) does not
		same := true
		for x := 0; x < n; x++ {
			if sy := theEast().readHangul(t.lower[first+x]); len(sy) == 0 || !sameOnset(sy[0], t.lower[latin[x]]) {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		lStart, lEnd := t.Toks[latin[0]].Start, t.Toks[latin[n-1]].End
		if t.placeOrMedia(t.S[lStart:lEnd], personKey(t.S[lStart:lEnd]), latin[0], latin[n-1], false) {
			continue
		}
		add(t.Toks[first].Start, t.Toks[k-1].End, "")
		add(lStart, lEnd, "")
	}
}

// sameOnset reports whether two romanized words start with sounds a
// transliteration may swap: k/g/c/q; t/d/tr/ch/j/z, and s/x with them (the
// Hangul reading writes ㅈ as Vietnamese d: 자오 = dao, Zhao); p/b/f/v; r/l;
// or both with a vowel.
func sameOnset(a, b string) bool {
	class := func(s string) byte {
		if s == "" {
			return 0
		}
		switch c := s[0]; c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
			return 'a'
		case 'k', 'g', 'c', 'q':
			if strings.HasPrefix(s, "ch") {
				return 'j'
			}
			return 'k'
		case 't', 'd', 'j', 'z':
			return 'j'
		case 'p', 'b', 'f', 'v':
			return 'p'
		case 'r', 'l':
			return 'l'
		case 's', 'x':
			return 's'
		default:
			return c
		}
	}
	ca, cb := class(a), class(b)
	return ca != 0 && (ca == cb || ca == 'j' && cb == 's' || ca == 's' && cb == 'j')
}

// shortWord reports a word of 2 to max letters (marks aside): a given name.
func shortWord(w string, max int) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsMark(r) {
			n++
		}
	}
	return n >= 2 && n <= max
}

// honorific: the words for Mr, Mrs and His Excellency that Thai and Lao
// write glued to the name after them (ท่านสอนไซ); other titles glued to a word
// make a longer title (ประธานรัฐสภา), not a name.
var honorific = map[string]bool{"นาย": true, "นาง": true, "นางสาว": true, "ท่าน": true, "ທ່ານ": true, "ທ່ານນາງ": true, "លោក": true, "លោកស្រី": true}

// acronym reports a word of at most three letters and no vowel sign: an
// abbreviation (ສປປ, สปป), no name.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsMark(r) || r >= 0x0E30 && r <= 0x0E45 || r >= 0x0EB0 && r <= 0x0EC4 {
			return false
		}
		n++
	}
	return n <= 3
}

// foreignShape reports, in Thai and Lao, that the two words from start (inside
// token i) to the end of token i+1 stand apart as a name does: the second is
// followed by a space, punctuation or the end of the line, not glued to the
// next words of the sentence.
func (t *Text) foreignShape(start, i int) bool {
	end := t.Toks[i+1].End
	if end == len(t.S) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.S[end:])
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}
