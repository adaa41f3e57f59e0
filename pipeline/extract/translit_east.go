package extract

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Romanisation of the scripts whose words are not read letter by letter:
// Han characters (their Sino-Vietnamese reading), Hangul blocks, katakana
// morae, Thai and Lao (vowels written before their consonant) and Hebrew. The
// tables are data files under roman/, tuned to the way each language writes
// Vietnamese names; each gives a word as its Vietnamese syllables.

//go:generate sh -c "cd ../.. && go run ./internal/unihan > pipeline/extract/roman/han.txt"

//go:embed roman/*.txt
var romanFS embed.FS

type eastTables struct {
	han               map[rune]string
	hInit, hMed, hFin []string
	hWord             map[string]string
	kana              map[string]string
	thai, lao, khmer  *abugida
}

type abugida struct {
	onset, coda map[rune]string
	vowel, lead map[rune]string
	silent      map[rune]bool
}

var (
	eastOnce sync.Once
	eastT    *eastTables
)

// theEast loads the tables on first use.
func theEast() *eastTables {
	eastOnce.Do(func() { eastT = loadEast() })
	return eastT
}

func readRoman(name string) [][2]string {
	data, err := romanFS.ReadFile("roman/" + name)
	if err != nil {
		return nil
	}
	var out [][2]string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, _ := strings.Cut(line, " ")
		if strings.Contains(line, "\t") && !strings.HasPrefix(line, "[") {
			v, k, _ = strings.Cut(line, "\t")
		}
		out = append(out, [2]string{k, strings.TrimSpace(v)})
	}
	return out
}

func loadEast() *eastTables {
	e := &eastTables{han: map[rune]string{}, hWord: map[string]string{}, kana: map[string]string{}}
	// han.txt and han_extra.txt: "reading<TAB>characters"; the extra file wins
	for _, f := range []string{"han.txt", "han_extra.txt"} {
		for _, kv := range readRoman(f) {
			rd := Romanize(kv[1])
			for _, r := range kv[0] {
				e.han[r] = rd
			}
		}
	}
	section := ""
	for _, kv := range readRoman("hangul.txt") {
		if strings.HasPrefix(kv[0], "[") {
			section = strings.Trim(kv[0], "[]")
			continue
		}
		v := kv[1]
		if v == "-" {
			v = ""
		}
		switch section {
		case "initial":
			e.hInit = append(e.hInit, v)
		case "medial":
			e.hMed = append(e.hMed, v)
		case "final":
			e.hFin = append(e.hFin, v)
		case "words":
			e.hWord[kv[0]] = v
		}
	}
	for _, kv := range readRoman("kana.txt") {
		e.kana[kv[0]] = kv[1]
	}
	e.thai = loadAbugida("thai.txt")
	e.lao = loadAbugida("lao.txt")
	e.khmer = loadAbugida("khmer.txt")
	return e
}

func loadAbugida(name string) *abugida {
	a := &abugida{onset: map[rune]string{}, coda: map[rune]string{}, vowel: map[rune]string{}, lead: map[rune]string{}, silent: map[rune]bool{}}
	section := ""
	for _, kv := range readRoman(name) {
		if strings.HasPrefix(kv[0], "[") {
			section = strings.Trim(kv[0], "[]")
			continue
		}
		r, _ := utf8.DecodeRuneInString(kv[0])
		f := strings.Fields(kv[1])
		dash := func(s string) string {
			if s == "-" {
				return ""
			}
			return s
		}
		switch section {
		case "consonant":
			if len(f) == 2 {
				a.onset[r], a.coda[r] = dash(f[0]), dash(f[1])
			}
		case "vowel":
			a.vowel[r] = kv[1]
		case "lead":
			a.lead[r] = kv[1]
		case "silent":
			a.silent[r] = true
		}
	}
	return a
}

// eastScript reports whether r belongs to a script read by eastSyllables.
func eastScript(r rune) bool {
	return r >= 0x0E00 && r <= 0x0EFF || r >= 0x1780 && r <= 0x17FF || r >= 0x30A0 && r <= 0x30FF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FFFF || r >= 0x0590 && r <= 0x05FF
}

// eastSyllables romanizes a word of Han, Hangul, katakana, Thai, Lao or Hebrew
// script as its Vietnamese syllables (苏林 → to, lam; 응우옌 → nguyen); nil if
// a letter is not read.
func eastSyllables(w string) []string {
	r, _ := utf8.DecodeRuneInString(w)
	e := theEast()
	switch {
	case r >= 0x0E00 && r <= 0x0E7F:
		return e.thai.read(w)
	case r >= 0x0E80 && r <= 0x0EFF:
		return e.lao.read(w)
	case r >= 0x1780 && r <= 0x17FF:
		return e.khmer.read(w)
	case r >= 0x30A0 && r <= 0x30FF:
		return e.readKana(w)
	case r >= 0xAC00 && r <= 0xD7A3:
		return e.readHangul(w)
	case r >= 0x0590 && r <= 0x05FF:
		if s := hebrew(w); s != "" {
			return []string{s}
		}
		return nil
	default:
		var out []string
		for _, c := range w {
			rd, ok := e.han[c]
			if !ok {
				return nil
			}
			out = append(out, rd)
		}
		return out
	}
}

// readHangul reads Hangul blocks; a block with the silent initial ㅇ continues
// the syllable before it (우옌 of 응우옌, 엉 of 르엉), and 응 is the onset ng.
func (e *eastTables) readHangul(w string) []string {
	if v, ok := e.hWord[w]; ok {
		return []string{v}
	}
	var out []string
	cur := ""
	prevMed := -1
	prevFin := 0
	for _, r := range w {
		if r < 0xAC00 || r > 0xD7A3 || len(e.hInit) != 19 || len(e.hMed) != 21 || len(e.hFin) != 28 {
			return nil
		}
		n := int(r - 0xAC00)
		ini, med, fin := n/588, n%588/28, n%28
		if ini == 11 && med == 18 && fin == 21 { // 응: the onset ng
			if cur != "" {
				out = append(out, cur)
			}
			cur, prevMed, prevFin = "ng", -2, 0
			continue
		}
		v := e.hMed[med]
		if ini == 11 && cur != "" && prevFin == 0 {
			// joined to the syllable before: ㅜ/ㅡ + ㅓ is ươ before ng, uâ before n
			if med == 4 && (prevMed == 13 || prevMed == 18) && fin == 21 {
				v = "o"
			}
			if prevMed == -2 && med == 13 {
				v = "u" // 응우 …
			}
			cur += v + e.hFin[fin]
		} else if ini == 5 && prevMed == 18 && prevFin == 0 && (cur == "thu" || cur == "tu") {
			cur = "tr" + v + e.hFin[fin] // 트리: Tri, 트라: Tra
		} else {
			if cur != "" {
				out = append(out, cur)
			}
			cur = e.hInit[ini] + v + e.hFin[fin]
			if med == 20 && fin == 4 {
				cur += "h" // 민 Minh, 찐 Chinh: Vietnamese writes inh, not in
			}
		}
		prevMed, prevFin = med, fin
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// readKana reads katakana, the longest sequence of the table first.
func (e *eastTables) readKana(w string) []string {
	rs := []rune(w)
	var b strings.Builder
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == 'ー':
			i++
			continue
		case r == 'ッ':
			// a doubled consonant: the next kana's consonant closes the syllable
			if i+1 < len(rs) {
				if v := e.kana[string(rs[i+1])]; v != "" {
					c := v[:1]
					if c == "k" {
						c = "c"
					}
					b.WriteString(c)
					i += 2
					continue
				}
			}
			i++
			continue
		case r == 'ン':
			s := b.String()
			if strings.HasSuffix(s, "o") || strings.HasSuffix(s, "u") {
				b.WriteString("ng")
			} else if strings.HasSuffix(s, "i") {
				b.WriteString("nh") // ミン Minh
			} else {
				b.WriteString("n")
			}
			b.WriteByte(' ')
			i++
			continue
		case r == 'ム' && i == len(rs)-1 && i > 0:
			b.WriteString("m")
			i++
			continue
		}
		matched := false
		for n := 2; n >= 1; n-- {
			if i+n > len(rs) {
				continue
			}
			v, ok := e.kana[string(rs[i:i+n])]
			if !ok {
				continue
			}
			if i == 0 && strings.HasPrefix(v, "g") && !strings.HasPrefix(v, "gi") {
				v = "n" + v // ゴック Ngoc, グエン Nguyen
			}
			b.WriteString(v)
			i += n
			matched = true
			break
		}
		if !matched {
			return nil
		}
	}
	s := strings.ReplaceAll(b.String(), "nguen", "nguyen")
	return []string{strings.ReplaceAll(s, " ", "")}
}

// read reads a Thai or Lao word: a vowel written before its consonant (โต)
// is sounded after it; a consonant after a vowel closes the syllable.
func (a *abugida) read(w string) []string {
	rs := []rune(w)
	var out []string
	cur, lead := "", ""
	vowel := false // the syllable has its vowel
	flush := func() {
		if cur != "" {
			if lead != "" {
				cur += lead
			}
			out = append(out, cur)
		}
		cur, lead, vowel = "", "", false
	}
	// nextSound skips tone marks: the index of the next letter or vowel sign
	nextSound := func(i int) int {
		j := i + 1
		for j < len(rs) && a.silent[rs[j]] {
			j++
		}
		return j
	}
	isVowelNext := func(i int) bool {
		j := nextSound(i)
		return j < len(rs) && a.vowel[rs[j]] != ""
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case a.silent[r]:
		case a.lead[r] != "":
			flush()
			lead = a.lead[r]
		case a.vowel[r] != "":
			v := a.vowel[r]
			if j := nextSound(i); lead == "e" && v == "i" && (r == 'ิ' || r == 'ິ' || r == 'ີ' && (j >= len(rs) || rs[j] != 'ຍ')) {
				v, lead = "a", "" // เ-ิ: â, ơ; Lao ເ-ີ too (ເຈີ່ນ Tran)
			} else if lead == "e" && v == "u" && j < len(rs) && (rs[j] == 'อ' || rs[j] == 'ອ') {
				v, lead = "uo", "" // เ-ือ: ươ
				i = j
			} else if lead == "e" && v == "i" && j < len(rs) && (rs[j] == 'ย' || rs[j] == 'ຍ') {
				v, lead = "ie", "" // เ-ีย: iê
				i = j
			} else if lead != "" {
				v, lead = lead+v, ""
			}
			cur += v
			vowel = true
		default:
			on, ok := a.onset[r]
			if !ok {
				return nil
			}
			if i+1 < len(rs) && (rs[i+1] == '\u0E4C' || rs[i+1] == '\u0ECC') {
				i++ // a letter the karan silences: มินห์ Minh
				continue
			}
			// ວ after an onset with no vowel yet is a medial u before a
			// vowel (ຫງວຽນ Nguyen) and the vowel ua before a final (ຊວນ Xuan,
			// ທ້ວນ Thuan: a tone mark may stand between)
			prev := i - 1
			for prev >= 0 && a.silent[rs[prev]] {
				prev--
			}
			if (r == 'ວ' || r == 'ว') && cur != "" && !vowel && lead == "" && prev >= 0 && a.onset[rs[prev]] != "" {
				if isVowelNext(i) {
					cur += "u"
					continue
				}
				if j := nextSound(i); j < len(rs) && a.coda[rs[j]] != "" && !isVowelNext(j) {
					cur += "ua"
					vowel = true
					continue
				}
			}
			if vowel && !isVowelNext(i) {
				cur += a.coda[r] // a final
				if r == 'อ' || r == 'ອ' {
					cur += ""
				}
				flush()
				continue
			}
			if cur != "" && (vowel || lead == "") && !(cur == "" || on == "") {
				if vowel {
					flush()
				}
			}
			// ห before a sonorant only marks the tone: เหงียน
			if (r == 'ห' || r == 'ຫ') && i+1 < len(rs) && strings.Contains("งนมลยวรງນມລຍວຣ", string(rs[i+1])) {
				// but ว there may be the vowel ua between ห and a final: หวง Hoang
				if w := rs[i+1]; !((w == 'ว' || w == 'ວ') && i+2 < len(rs) && a.coda[rs[i+2]] != "" && !isVowelNext(i+2)) {
					continue
				}
			}
			if cur != "" && !vowel && lead == "" {
				cur += "a" // a syllable with no written vowel
				out = append(out, cur)
				cur = ""
			}
			cur += on
			if r == 'อ' || r == 'ອ' {
				if !isVowelNext(i) && lead == "" {
					cur += "o"
					vowel = true
				}
			}
			if lead != "" && !isVowelNext(i) && on != "" {
				// a lead vowel with no sign after its consonant: โต, เหงียน
				cur += lead
				lead = ""
				vowel = true
			}
		}
	}
	if lead != "" && cur != "" {
		cur += lead
		lead = ""
	}
	flush()
	thaiLao := len(rs) > 0 && rs[0] >= 0x0E00 && rs[0] <= 0x0EFF
	for k, s := range out {
		if strings.HasPrefix(s, "ngie") {
			s = "nguye" + s[4:]
		}
		if !thaiLao {
			out[k] = s
			continue // Khmer: ហេង is Heng
		}
		// ຽ before a final is iê (ຕຽນ Tien, ຫງວຽນ Nguyen)
		if i := strings.Index(s, "ia"); i >= 0 && i+2 < len(s) && strings.IndexByte("aeiou", s[i+2]) < 0 {
			if i > 0 && s[i-1] == 'u' {
				s = s[:i] + "ye" + s[i+2:]
			} else {
				s = s[:i] + "ie" + s[i+2:]
			}
		}
		// Vietnamese has no -ing or -eng: Lao and Thai write its -inh and
		// -anh with a final ng (ມິງ Minh, ຈິ້ງ Chinh, ແທງ Thanh)
		if strings.HasSuffix(s, "ing") {
			s = s[:len(s)-1] + "h"
		} else if strings.HasSuffix(s, "eng") && len(s) > 3 {
			s = s[:len(s)-3] + "anh"
		}
		out[k] = s
	}
	return out
}

var hebrewLetters = map[rune]string{
	'א': "a", 'ב': "b", 'ג': "g", 'ד': "d", 'ה': "h", 'ו': "o", 'ז': "z", 'ח': "kh", 'ט': "t", 'י': "i",
	'כ': "k", 'ך': "kh", 'ל': "l", 'מ': "m", 'ם': "m", 'נ': "n", 'ן': "n", 'ס': "s", 'ע': "", 'פ': "ph",
	'ף': "ph", 'צ': "ts", 'ץ': "ts", 'ק': "k", 'ר': "r", 'ש': "sh", 'ת': "t",
}

// hebrew reads a Hebrew word: ו and י are vowels inside a word, consonants at
// its start (ואן = van); פ is Ph (פאן = phan).
func hebrew(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i, r := range rs {
		if r == '\'' || r == '׳' {
			continue // geresh: ג' is j, read with the letter before
		}
		s, ok := hebrewLetters[r]
		if i+1 < len(rs) && (rs[i+1] == '\'' || rs[i+1] == '׳') {
			switch r {
			case 'ג':
				s = "j"
			case 'צ', 'ץ':
				s = "ch"
			case 'ז':
				s = "zh"
			}
		}
		if !ok {
			if r >= 0x0591 && r <= 0x05C7 {
				continue // points
			}
			return ""
		}
		switch {
		case r == 'ו' && i == 0:
			s = "v"
		case r == 'ו' && i+1 < len(rs) && rs[i+1] == 'ו':
			s = "v"
		case r == 'י' && i == 0:
			s = "y"
		case r == 'ה' && i == len(rs)-1 && i > 0:
			// a final he is a vowel (לה: le, הואה: hoa), or the h of nh (טאנה: thanh)
			switch rs[i-1] {
			case 'נ':
				s = "h"
			case 'א', 'ו', 'י':
				s = ""
			default:
				s = "e"
			}
		case r == 'ו' && i > 0 && i+1 < len(rs) && rs[i+1] == 'י':
			s = "u" // נגוין: nguyen, הוי: huy
		case r == 'א' && i == len(rs)-1:
			s = "a"
		}
		b.WriteString(s)
	}
	return vowelize(b.String())
}

// nameWords splits a name into its words: at spaces, hyphens and the dots that
// join katakana names (ト・ラム), and a word of Han, Hangul, Thai or Lao into
// its syllables (苏林 → 苏 林, 토람 → 토 람).
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '・' || r == '･' || r == '＝' || r == '·'
	}) {
		r, _ := utf8.DecodeRuneInString(w)
		if !eastScript(r) || r >= 0x0590 && r <= 0x05FF || r >= 0x30A0 && r <= 0x30FF {
			out = append(out, w)
			continue
		}
		sy := eastSyllables(w)
		if len(sy) < 2 {
			out = append(out, w)
			continue
		}
		out = append(out, sy...)
	}
	return out
}
