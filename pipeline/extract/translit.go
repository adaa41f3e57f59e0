package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Romanize writes a word (in NFC, as normalised article text is) of Devanagari, Bengali, Arabic-script, Cyrillic, Greek
// or Latin script in plain lower-case ASCII, the way a Vietnamese name
// transliterated into that script reads back (ट्रान → tran, ٹران → tran,
// Нгуен → nguen, Nguyễn → nguyen). Other scripts give "".
func Romanize(w string) string {
	r0, _ := utf8.DecodeRuneInString(w)
	if eastScript(r0) {
		return strings.Join(eastSyllables(w), "")
	}
	if r0 >= 0x0370 && r0 <= 0x03FF || r0 >= 0x1F00 && r0 <= 0x1FFF {
		// Greek spells Vietnamese sounds with digraphs: read as greekRom does,
		// a final κ as the c Vietnamese writes (Φουκ = phuc)
		g := greekRom(strings.ToLower(w))
		if strings.HasSuffix(g, "k") && len(g) > 1 {
			g = g[:len(g)-1] + "c"
		}
		return g
	}
	var b strings.Builder
	rs := []rune(w)
	script := rune(0)
	if len(rs) > 0 {
		script = rs[0]
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r < 0x80:
			if unicode.IsLetter(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case r < 0x0370 || r >= 0x1E00 && r <= 0x1EFF:
			// Latin with diacritics: the base letter
			for _, d := range norm.NFD.String(string(r)) {
				if d < 0x80 && unicode.IsLetter(d) {
					b.WriteRune(unicode.ToLower(d))
				}
			}
		case r >= 0x0900 && r <= 0x09FF:
			i = indic(&b, rs, i)
		case r >= 0x0600 && r <= 0x06FF:
			arabic(&b, rs, i)
		case r >= 0x0400 && r <= 0x04FF:
			lr := unicode.ToLower(r)
			soft := i+1 < len(rs) && rs[i+1] == 'ь'
			switch {
			case lr == 'т' && soft && i+2 < len(rs):
				b.WriteString("ch") // Тьинь: Chinh
				i++
			case lr == 'н' && soft:
				b.WriteString("nh") // Минь: Minh
				i++
			case lr == 'й' && i == len(rs)-1 && i > 0:
				b.WriteByte('i') // a final й is Vietnamese -i, -y: Буй Bui, Дай Dai
			default:
				b.WriteString(cyrillic[lr])
			}
		case r >= 0x0370 && r <= 0x03FF:
			b.WriteString(greek[unicode.ToLower(r)])
		default:
			if unicode.IsLetter(r) {
				return ""
			}
		}
	}
	out := b.String()
	switch {
	case script >= 0x0600 && script <= 0x06FF:
		out = vowelize(out)                        // short vowels are not written: من = man
		out = strings.ReplaceAll(out, "tsh", "ch") // تش = ch
		for _, pre := range []string{"aing", "ing", "eng"} {
			if strings.HasPrefix(out, pre) && len(out) > len(pre) {
				out = "ng" + out[len(pre):] // اینگھی = nghi
				break
			}
		}
	case script >= 0x0400 && script <= 0x04FF:
		// Тхань = Thanh, Кх = Kh and Х = H read right letter by letter
	}
	return out
}

// vowelize puts an "a" after the onset of a romanized word that has no vowel.
func vowelize(s string) string {
	if s == "" || strings.ContainsAny(s, "aeiouy") {
		return s
	}
	for _, on := range []string{"ch", "kh", "sh", "th", "tr", "ng", "nj", "ph", "gh"} {
		if strings.HasPrefix(s, on) && len(s) > len(on) {
			return on + "a" + s[len(on):]
		}
	}
	return s[:1] + "a" + s[1:]
}

// Devanagari (0900–097F) and Bengali (0980–09FF) share their layout: the same
// offset from the block start is the same letter.
var indicConsonants = map[rune]string{
	0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "ng", 0x1A: "ch", 0x1B: "ch", 0x1C: "j", 0x1D: "jh",
	0x1E: "nh", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh", 0x23: "n", 0x24: "t", 0x25: "th", 0x26: "d",
	0x27: "dh", 0x28: "n", 0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh", 0x2E: "m", 0x2F: "y", 0x30: "r",
	0x32: "l", 0x33: "l", 0x35: "v", 0x36: "sh", 0x37: "sh", 0x38: "s", 0x39: "h",
	0x5C: "r", 0x5D: "rh", 0x5F: "y", 0x5B: "z", 0x5A: "gh", 0x59: "kh", 0x5E: "ph",
}

var indicVowels = map[rune]string{ // independent vowels
	0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri", 0x0F: "e", 0x10: "ai",
	0x13: "o", 0x14: "au", 0x0D: "e", 0x11: "o", 0x72: "a",
}

var indicSigns = map[rune]string{ // dependent vowel signs
	0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x47: "e", 0x48: "ai", 0x4B: "o",
	0x4C: "au", 0x45: "e", 0x49: "o", 0x57: "au",
}

// indic romanizes the letter at rs[i] and returns the index of the last rune used.
func indic(b *strings.Builder, rs []rune, i int) int {
	base := rune(0x0900)
	if rs[i] >= 0x0980 {
		base = 0x0980
	}
	off := rs[i] - base
	if rs[i] == 0x09AC && base == 0x0980 {
		off = 0x2C // Bengali ব reads b (v in Devanagari's slot)
	}
	switch {
	case base == 0x0980 && (off == 0x5F || off == 0x2F && i+1 < len(rs) && rs[i+1] == 0x09BC) && i > 0 && rs[i-1]-base >= 0x3E && rs[i-1]-base <= 0x4C:
		// Bengali য় after a vowel sign is a glide, not a consonant: কোয়াং = koang
		j := i + 1
		if off == 0x2F {
			j++ // the nukta
		}
		if j < len(rs) && indicSigns[rs[j]-base] != "" {
			b.WriteString(indicSigns[rs[j]-base])
			return j
		}
		return j - 1
	case indicConsonants[off] != "":
		c := indicConsonants[off]
		if base == 0x0980 && off == 0x2F {
			c = "y"
		}
		b.WriteString(c)
		j := i + 1
		for j < len(rs) && rs[j]-base == 0x3C { // nukta
			if c == "j" {
				// ज़ = z
				s := b.String()
				b.Reset()
				b.WriteString(s[:len(s)-1] + "z")
			}
			j++
		}
		if j < len(rs) && rs[j] >= base && rs[j] <= base+0x7F {
			next := rs[j] - base
			if next == 0x4D { // virama: no vowel
				return j
			}
			if v := indicSigns[next]; v != "" {
				b.WriteString(v)
				return j
			}
		}
		if j == len(rs) && i == 0 {
			b.WriteByte('a') // a word of one consonant keeps its vowel: द = da
		}
		// inherent vowel, dropped at the end of a word and inside the Vietnamese
		// cluster ng, which transliterations write without a virama (নগুয়েন, नघिया)
		if j < len(rs) && (indicConsonants[rs[j]-base] != "" || rs[j]-base == 0x02 || rs[j]-base == 0x01) {
			if !(c == "n" && (rs[j]-base == 0x17 || rs[j]-base == 0x18)) {
				b.WriteByte('a')
			}
		}
		return j - 1
	case indicVowels[off] != "":
		b.WriteString(indicVowels[off])
	case off == 0x02 || off == 0x01: // anusvara, candrabindu: ng at the end of a word
		if i == len(rs)-1 {
			b.WriteString("ng")
		} else {
			b.WriteString("n")
		}
	case off == 0x03:
		b.WriteString("h")
	}
	return i
}

var arabicLetters = map[rune]string{
	'ا': "a", 'آ': "a", 'أ': "a", 'إ': "i", 'ب': "b", 'پ': "p", 'ت': "t", 'ٹ': "t", 'ث': "th", 'ج': "j",
	'چ': "ch", 'ح': "h", 'خ': "kh", 'د': "d", 'ڈ': "d", 'ذ': "z", 'ر': "r", 'ڑ': "r", 'ز': "z", 'ژ': "zh",
	'س': "s", 'ش': "sh", 'ص': "s", 'ض': "z", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "g", 'ف': "f", 'ق': "q",
	'ک': "k", 'ك': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'ں': "n", 'و': "o", 'ہ': "h", 'ه': "h",
	'ھ': "h", 'ة': "a", 'ی': "i", 'ي': "i", 'ى': "a", 'ے': "e", 'ئ': "i", 'ؤ': "o", 'ۀ': "e", 'ء': "",
}

func arabic(b *strings.Builder, rs []rune, i int) {
	r := rs[i]
	s, ok := arabicLetters[r]
	if !ok {
		return
	}
	first := i == 0
	last := i == len(rs)-1
	switch r {
	case 'و':
		if first {
			s = "v" // Vietnamese V: وان = Van
		}
	case 'ی', 'ي':
		if first {
			s = "y"
		}
	case 'ب':
		if last && i > 0 {
			s = "p" // Arabic has no p: a final ب is Vietnamese -p (لاب = Lap)
		}
	case 'ہ', 'ه':
		if last && i > 0 {
			s = "" // a final he is a vowel: تھانہ = thanh
			if rs[i-1] == 'ن' || rs[i-1] == 'ی' {
				s = "h"
			}
		}
	}
	b.WriteString(s)
}

var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "ph", 'х': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sh", 'ъ': "", 'ы': "u", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
}

var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "y", 'φ': "ph", 'χ': "kh", 'ψ': "ps", 'ω': "o",
}

// vnSyllable reports whether a romanized word has the shape of a Vietnamese
// syllable as transliterations render it: an onset, one vowel group, a coda.
func vnSyllable(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	i := 0
	for _, on := range []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "sh", "tsh", "ts", "nj", "kv", "kw", "bhy", "bh", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "z", "j", "f", "w", "y"} {
		if strings.HasPrefix(s, on) && len(s) > len(on) && strings.ContainsRune("aeiouy", rune(s[len(on)])) {
			i = len(on)
			break
		}
	}
	j := i
	for j < len(s) && strings.ContainsRune("aeiouyw", rune(s[j])) {
		j++
	}
	if j == i || j-i > 4 {
		return false
	}
	for k := i + 1; k+1 < j; k++ {
		if s[k] == 'y' && strings.ContainsRune("aeo", rune(s[k-1])) {
			return false // gaya, naye: two syllables
		}
	}
	switch s[j:] {
	case "", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t", "nk", "nj":
		return true
	}
	return false
}

// skeleton reduces a romanized word to its consonants, spelled one way, so that
// the spellings of one name in different scripts compare equal: Siphandone,
// सिफानदोन (siphanadon) and سیفاندون (sifandon) all give "sfndn". An empty word
// (a script Romanize does not read) gives "".
func skeleton(s string) string { return string(appendSkeleton(make([]byte, 0, len(s)), s)) }

// appendSkeleton appends the skeleton of s to b.
func appendSkeleton(b []byte, s string) []byte {
	start := len(b)
	add := func(c byte) {
		if len(b) == start || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'p' && i+1 < len(s) && s[i+1] == 'h':
			add('f')
			i++
		case c == 'q' || c == 'c':
			add('k')
		case c == 'x':
			add('k')
			add('s')
		case c == 'z':
			add('s')
		case c == 'j':
			add('g')
		case c == 'v':
			add('b')
		case strings.IndexByte("aeiouy", c) >= 0, i > 0 && (c == 'h' || c == 'w'):
			// vowels go; h and w go except at the start (Ha, Hue)
		default:
			add(c)
		}
	}
	return b
}
