package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/partynews/partynews/corpus"
)

// Sentences written for these tests, one or more per script: document codes in
// Latin (with the spacing, dashes and look-alike letters machine translation
// leaves), and spelled out as English letter names in the article's script.
var documentCases = []struct {
	lang, text string
	want       map[string]string // text → value; nil: no document
}{
	// Latin codes inside other scripts, glued to the word after
	{"ja", "中央委員会の決議第18-NQ/TW号を実施した。", map[string]string{"18-NQ/TW": "18-NQ/TW"}},
	{"ja", "指示第35-CT/TWの内容", map[string]string{"35-CT/TW": "35-CT/TW"}},
	{"ko", "총리는 결정 제411-QD/TTg를 발표했다.", map[string]string{"411-QD/TTg": "411-QĐ/TTg"}},
	{"ko", "결정 제749/QD-TTg에 따라", map[string]string{"749/QD-TTg": "749/QĐ-TTg"}},
	{"ko", "결의안 제57-NQ/TW의 내용", map[string]string{"57-NQ/TW": "57-NQ/TW"}},
	{"zh", "政治局第18-NQ/TW号决议", map[string]string{"18-NQ/TW": "18-NQ/TW"}},
	{"th", "ตามมติหมายเลข 60-NQ/TWลงวันที่ 1", map[string]string{"60-NQ/TW": "60-NQ/TW"}},
	{"km", "សេចក្តីណែនាំលេខ ៤៦-CT/TW ចុះថ្ងៃ", map[string]string{"៤៦-CT/TW": "46-CT/TW"}},
	{"he", "הנחיה מס' 45-CT/TW מיום", map[string]string{"45-CT/TW": "45-CT/TW"}},
	{"en", "the Law No. 43/2019/QH14 and Resolution 27/2022/UBTVQH15.", map[string]string{"43/2019/QH14": "43/2019/QH14", "27/2022/UBTVQH15": "27/2022/UBTVQH15"}},
	{"en", "Regulation 09-QĐi/TW of the Politburo", map[string]string{"09-QĐi/TW": "09-QĐi/TW"}},
	{"vi", "Nghị quyết số 18-NQ/TƯ ngày 25", map[string]string{"18-NQ/TƯ": "18-NQ/TƯ"}},
	// odd spacing, full-width and other dashes and slashes
	{"en", "Resolution No. 18 - NQ / TW of the Central Committee", map[string]string{"18 - NQ / TW": "18-NQ/TW"}},
	{"ja", "決議18－NQ／TW号", map[string]string{"18－NQ／TW": "18-NQ/TW"}},
	{"ja", "決議第１８－ＮＱ／ＴＷ号", map[string]string{"１８－ＮＱ／ＴＷ": "18-NQ/TW"}},
	{"zh", "第１２３/ＱＤ-ＴＴｇ号决定", map[string]string{"１２３/ＱＤ-ＴＴｇ": "123/QĐ-TTg"}},
	{"en", "Directive 50‑CT/TW and Decree 24/2024/NĐ‐CP", map[string]string{"50‑CT/TW": "50-CT/TW", "24/2024/NĐ‐CP": "24/2024/NĐ-CP"}},
	{"en", "Decision 1188/QD-BCD-TTg was signed", map[string]string{"1188/QD-BCD-TTg": "1188/QĐ-BCĐ-TTg"}},
	{"en", "Resolution No.18-NQ/TW and Nr.35-CT/TW, not 1.18-NQ/TW", map[string]string{"18-NQ/TW": "18-NQ/TW", "35-CT/TW": "35-CT/TW"}},
	{"en", "Resolution 18 NQ/TW of the Central Committee", map[string]string{"18 NQ/TW": "18-NQ/TW"}},
	{"en", "in 2025 AB/CD and 12 NQ/XY", nil},
	// Cyrillic and Greek look-alike capitals
	{"ru", "Резолюция № 18-НQ/ТW Политбюро", map[string]string{"18-НQ/ТW": "18-NQ/TW"}},
	{"ru", "директива № 35-СТ/ТW", map[string]string{"35-СТ/ТW": "35-CT/TW"}},
	{"el", "το ψήφισμα 18-ΝQ/ΤW του Πολιτικού Γραφείου", map[string]string{"18-ΝQ/ΤW": "18-NQ/TW"}},
	// letter names in the article's script
	{"th", "ตามมติที่ 18-เอ็นคิว/ทีดับเบิลยู ของกรมการเมือง", map[string]string{"18-เอ็นคิว/ทีดับเบิลยู": "18-NQ/TW"}},
	{"th", "คำสั่ง 35-ซีที/ทีดับเบิลยูลงวันที่ 14", map[string]string{"35-ซีที/ทีดับเบิลยู": "35-CT/TW"}},
	{"lo", "ມະຕິເລກທີ 57-ເອັນຄິວ/ທີດັບເບິລຢູ ຂອງກົມການເມືອງ", map[string]string{"57-ເອັນຄິວ/ທີດັບເບິລຢູ": "57-NQ/TW"}},
	{"km", "សេចក្តីសម្រេចលេខ 18-អិនគីវ/ធីដាប់បលយូ របស់", map[string]string{"18-អិនគីវ/ធីដាប់បលយូ": "18-NQ/TW"}},
	{"my", "ဆုံးဖြတ်ချက် 18-အန်ကျူ/တီဒဗလျူ အရ", map[string]string{"18-အန်ကျူ/တီဒဗလျူ": "18-NQ/TW"}},
	{"ja", "決議18-エヌキュー/ティーダブリュー号", map[string]string{"18-エヌキュー/ティーダブリュー": "18-NQ/TW"}},
	{"ja", "指示50-シー・ティー/ティー・ダブリューの実施", map[string]string{"50-シー・ティー/ティー・ダブリュー": "50-CT/TW"}},
	{"ko", "결의 제18-엔큐/티더블유의 이행", map[string]string{"18-엔큐/티더블유": "18-NQ/TW"}},
	{"ko", "지시 제10/씨티-유비엔디 에 따라", map[string]string{"10/씨티-유비엔디": "10/CT-UBND"}},
	{"ru", "резолюция № 18-эн кью/ти дабл-ю Политбюро", map[string]string{"18-эн кью/ти дабл-ю": "18-NQ/TW"}},
	{"ru", "Резолюция 18-Эн-Кью/Ти-Дабл-Ю", map[string]string{"18-Эн-Кью/Ти-Дабл-Ю": "18-NQ/TW"}},
	{"uk", "постанова № 31-енк'ю/ті-ю ЦК", map[string]string{"31-енк'ю/ті-ю": "31-NQ/TU"}},
	{"uk", "резолюція 18-ен к'ю/ті дабл'ю", map[string]string{"18-ен к'ю/ті дабл'ю": "18-NQ/TW"}},
	{"bg", "резолюция 18-енкю/тидабълю", map[string]string{"18-енкю/тидабълю": "18-NQ/TW"}},
	{"sr", "резолуција 18-ен кју/ти дабл ју", map[string]string{"18-ен кју/ти дабл ју": "18-NQ/TW"}},
	{"el", "το ψήφισμα 18-εν κιου/τι ντάμπλιου", map[string]string{"18-εν κιου/τι ντάμπλιου": "18-NQ/TW"}},
	{"he", "החלטה 18-אן קיו/טי דאבל יו של", map[string]string{"18-אן קיו/טי דאבל יו": "18-NQ/TW"}},
	{"he", "הנחיה 50-סי טי/טי דאבליו", map[string]string{"50-סי טי/טי דאבליו": "50-CT/TW"}},
	{"fa", "قطعنامه ۱۸-ان\u200cکیو/تی\u200cدبلیو دفتر سیاسی", map[string]string{"۱۸-انکیو/تیدبلیو": "18-NQ/TW"}},
	{"fa", "دستورالعمل 35-سی تی/تی دبلیو", map[string]string{"35-سی تی/تی دبلیو": "35-CT/TW"}},
	{"ar", "القرار رقم 18-إن كيو/تي دبليو", map[string]string{"18-إن كيو/تي دبليو": "18-NQ/TW"}},
	{"ne", "प्रस्ताव नम्बर १८-एनक्यू/टीडब्ल्यू को", map[string]string{"१८-एनक्यू/टीडब्ल्यू": "18-NQ/TW"}},
	{"mr", "ठराव क्रमांक 35-सीटी/टीडब्ल्यू नुसार", map[string]string{"35-सीटी/टीडब्ल्यू": "35-CT/TW"}},
	{"hy", "որոշում 18-էնքյու/թիդաբլյու", map[string]string{"18-էնքյու/թիդաբլյու": "18-NQ/TW"}},
	{"ka", "რეზოლუცია 18-ენქიუ/ტიდაბლიუ", map[string]string{"18-ენქიუ/ტიდაბლიუ": "18-NQ/TW"}},
	{"kk", "қаулы 18-эн кью/ти дабл-ю", map[string]string{"18-эн кью/ти дабл-ю": "18-NQ/TW"}},
	{"hi", "निर्णय संख्या 411-क्यूडी/टीटीजी के तहत", map[string]string{"411-क्यूडी/टीटीजी": "411-QĐ/TTg"}},
	// not documents: dates, periods, agency credits, URLs, words after a number
	{"en", "in 10/2025 and the 2021-2025 term", nil},
	{"vi", "Nguồn: TTXVN/VNA", nil},
	{"en", "see https://x.vn/tin-18-nq-tw and x.vn/ban-chap-hanh-12", nil},
	{"ru", "в 2025-м году и 10/СТ", nil},
	{"ur", "18-این کیو/ٹی ڈبلیو کے مطابق", map[string]string{"18-این کیو/ٹی ڈبلیو": "18-NQ/TW"}},
	{"ru", "на 5-и/или 6-м этаже", nil},
	{"ko", "2025년 11월 6일, 10-이/유", nil},
}

func TestDocumentScripts(t *testing.T) {
	for _, c := range documentCases {
		text := corpus.Normalize(c.text)
		es := All(text, c.lang, Default()...)
		checkSpans(t, text, es)
		got := find(es, Document)
		for text, value := range c.want {
			if got[text] != value {
				t.Errorf("%s %q: document %q = %q, want %q (all: %v)", c.lang, c.text, text, got[text], value, got)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s %q: documents %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// TestLetterSections checks every lexicon's [letters]: all 26 letters named,
// every name read back as its letter, and the codes of the archive spelled with
// the first name of each letter read back as the code — in one word, written
// apart, and in a sentence.
func TestLetterSections(t *testing.T) {
	codes := []string{"NQ", "CT", "KL", "QD", "TW", "TU", "CP", "UBND", "TTG", "QDNS", "BCT", "HU"}
	with := 0
	for _, lang := range Languages() {
		lex := LexiconFor(lang)
		if len(lex.Letters.list) == 0 {
			continue
		}
		with++
		first := map[byte]string{}
		for _, p := range lex.Letters.list {
			if len(p.Unit) != 1 || p.Unit[0] < 'A' || p.Unit[0] > 'Z' {
				t.Errorf("%s: letter key %q is not a capital A–Z", lang, p.Unit)
			}
		}
		for _, n := range letterNames(lex) {
			if !contains(letterDecodings(n.name, lex)[len(n.name)], n.letter) {
				t.Errorf("%s: %q does not read as %s", lang, n.name, n.letter)
			}
			if _, ok := first[n.letter[0]]; !ok {
				first[n.letter[0]] = n.name
			}
		}
		for c := byte('A'); c <= 'Z'; c++ {
			if _, ok := first[c]; !ok {
				t.Errorf("%s: no name for %c", lang, c)
			}
		}
		spell := func(code, sep string) string {
			var parts []string
			for i := range len(code) {
				parts = append(parts, first[code[i]])
			}
			return strings.Join(parts, sep)
		}
		for _, code := range codes {
			if got, ok := decodeLetters(spell(code, ""), lex); !ok || got != code {
				t.Errorf("%s: %q reads %q, want %q", lang, spell(code, ""), got, code)
			}
		}
		for _, sep := range []string{"", " "} {
			text := fmt.Sprintf("x 18-%s/%s x", spell("NQ", sep), spell("TW", sep))
			got := find(All(text, lang, Default()...), Document)
			if len(got) != 1 || got[fmt.Sprintf("18-%s/%s", spell("NQ", sep), spell("TW", sep))] != "18-NQ/TW" {
				t.Errorf("%s %q: documents %v, want 18-NQ/TW", lang, text, got)
			}
			text = fmt.Sprintf("x 10/%s-%s x", spell("CT", sep), spell("UBND", sep))
			got = find(All(text, lang, Default()...), Document)
			if len(got) != 1 || got[fmt.Sprintf("10/%s-%s", spell("CT", sep), spell("UBND", sep))] != "10/CT-UBND" {
				t.Errorf("%s %q: documents %v, want 10/CT-UBND", lang, text, got)
			}
		}
	}
	if with < 20 {
		t.Errorf("%d lexicons have letter names, want every non-Latin script of the archive", with)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCanonicalDocumentScripts(t *testing.T) {
	cases := map[string]string{
		"18-エヌキュー/ティーダブリュー":      "18-NQ/TW",
		"18-엔큐/티더블유":             "18-NQ/TW",
		"18-เอ็นคิว/ทีดับเบิลยู": "18-NQ/TW",
		"18-НQ/ТW":   "18-NQ/TW",
		"411-QD/TTG": "411-QD/TTG",
		"18－NQ／TW":   "18-NQ/TW",
		"18-NQ/TW号":  "", // a query is the code alone
		"10/2025":    "",
	}
	for in, want := range cases {
		if got := CanonicalDocument(in); got != want {
			t.Errorf("CanonicalDocument(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldDocument(t *testing.T) {
	cases := map[string]string{
		"05-CT/TW":        "5-CT/TW",
		"5-CT/TW":         "5-CT/TW",
		"01/2024/NĐ-CP":   "1/2024/ND-CP",
		"10/CT-UBND":      "10/CT-UBND",
		"100-NQ/TW":       "100-NQ/TW",
		"0-NQ/TW":         "0-NQ/TW",
		"000-NQ/TW":       "0-NQ/TW",
		"43/2019/QH14":    "43/2019/QH14",
		"18-NQ/TƯ":        "18-NQ/TU",
		"411-QĐ/TTg":      "411-QD/TTG",
		"1188/QĐ-BCĐ-TTg": "1188/QD-BCD-TTG",
	}
	for in, want := range cases {
		if got := FoldDocument(in); got != want {
			t.Errorf("FoldDocument(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDocuments(f *testing.F) {
	for _, c := range documentCases {
		f.Add(c.text, c.lang)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		text = corpus.Normalize(text)
		for _, e := range All(text, lang, Documents{}) {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("document %+v: span does not match the text", e)
			}
			if e.Value == "" || strings.ContainsAny(e.Value, " \n") {
				t.Fatalf("document %+v: value not a code", e)
			}
		}
	})
}
