package detect

import (
	"sync"
	"unicode"
)

// Script is a writing system as far as language detection cares.
type Script uint8

// Scripts Detect tells apart. Scripts with one archive language decide it alone.
const (
	Other Script = iota
	Latin
	Cyrillic
	Greek
	Arabic
	Hebrew
	Devanagari
	Bengali
	Gurmukhi
	Gujarati
	Oriya
	Tamil
	Telugu
	Kannada
	Malayalam
	Sinhala
	Thai
	Lao
	Tibetan
	Myanmar
	Georgian
	Hangul
	Kana
	Han
	Khmer
	Ethiopic
	Armenian
	Mongolian
	numScripts
)

var scriptTables = []struct {
	s Script
	t *unicode.RangeTable
}{
	{Latin, unicode.Latin}, {Cyrillic, unicode.Cyrillic}, {Greek, unicode.Greek},
	{Arabic, unicode.Arabic}, {Hebrew, unicode.Hebrew}, {Devanagari, unicode.Devanagari},
	{Bengali, unicode.Bengali}, {Gurmukhi, unicode.Gurmukhi}, {Gujarati, unicode.Gujarati},
	{Oriya, unicode.Oriya}, {Tamil, unicode.Tamil}, {Telugu, unicode.Telugu},
	{Kannada, unicode.Kannada}, {Malayalam, unicode.Malayalam}, {Sinhala, unicode.Sinhala},
	{Thai, unicode.Thai}, {Lao, unicode.Lao}, {Tibetan, unicode.Tibetan},
	{Myanmar, unicode.Myanmar}, {Georgian, unicode.Georgian}, {Hangul, unicode.Hangul},
	{Kana, unicode.Hiragana}, {Kana, unicode.Katakana}, {Han, unicode.Han},
	{Khmer, unicode.Khmer}, {Ethiopic, unicode.Ethiopic}, {Armenian, unicode.Armenian},
	{Mongolian, unicode.Mongolian},
}

var (
	bmpOnce   sync.Once
	bmpScript []Script
)

// ScriptOf returns the script of a letter or combining mark, Other for the rest.
// The Basic Multilingual Plane is looked up in a table built on first use.
func ScriptOf(r rune) Script {
	if r < 0x80 {
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return Latin
		}
		return Other
	}
	return scriptIn(scriptTable(), r)
}

// scriptTable returns the scripts of the Basic Multilingual Plane, built on
// first use.
func scriptTable() []Script {
	bmpOnce.Do(func() {
		bmpScript = make([]Script, 1<<16)
		for c := range rune(1 << 16) {
			bmpScript[c] = scriptSlow(c)
		}
	})
	return bmpScript
}

// scriptIn is ScriptOf with the table at hand: loops over text fetch it once.
func scriptIn(t []Script, r rune) Script {
	if uint32(r) < 1<<16 {
		return t[r]
	}
	return scriptSlow(r)
}

func scriptSlow(r rune) Script {
	switch {
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return Latin
		}
		return Other
	case r < 0x250:
		if unicode.IsLetter(r) {
			return Latin
		}
		return Other
	case r >= 0x0900 && r <= 0x097F:
		return Devanagari
	case r >= 0x0600 && r <= 0x06FF:
		return Arabic
	case r >= 0x0400 && r <= 0x04FF:
		return Cyrillic
	}
	if !unicode.IsLetter(r) && !unicode.IsMark(r) {
		return Other
	}
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			return st.s
		}
	}
	return Other
}

// soleLanguage maps the scripts that belong to one archive language.
var soleLanguage = map[Script]string{
	Greek: "el", Hebrew: "he", Bengali: "bn", Gurmukhi: "pa", Gujarati: "gu",
	Oriya: "or", Tamil: "ta", Telugu: "te", Kannada: "kn", Malayalam: "ml",
	Sinhala: "si", Thai: "th", Lao: "lo", Tibetan: "bo", Myanmar: "my",
	Georgian: "ka", Hangul: "ko", Kana: "ja", Khmer: "km", Ethiopic: "am",
	Armenian: "hy", Mongolian: "mn", Han: "zh",
}
