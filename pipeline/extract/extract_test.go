package extract

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partynews/partynews/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func find(es []Entity, typ string) map[string]string {
	out := map[string]string{}
	for _, e := range es {
		if e.Type == typ {
			out[e.Text] = e.Value
		}
	}
	return out
}

// Real sentences from the archive, with the entities the guidelines ask for.
var cases = []struct {
	lang, text, typ string
	want            map[string]string // text → value; nil: none of this type
}{
	{"hi", "दिनांक 25 अक्टूबर, 2017 के संकल्प संख्या 18-एनक्यू/टीडब्ल्यू के कार्यान्वयन पर", "document", map[string]string{"18-एनक्यू/टीडब्ल्यू": "18-NQ/TW"}},
	{"hi", "पोलित ब्यूरो के निर्देश 50-सीटी / टीडब्ल्यू को लागू करना", "document", map[string]string{"50-सीटी / टीडब्ल्यू": "50-CT/TW"}},
	{"hi", "प्रांतीय पीपुल्स कमेटी के अध्यक्ष के निर्देश संख्या 10/CT-UBND को", "document", map[string]string{"10/CT-UBND": "10/CT-UBND"}},
	{"hi", "डिक्री 30/2020/NĐ-CP के अनुसार", "document", map[string]string{"30/2020/NĐ-CP": "30/2020/NĐ-CP"}},
	{"bn", "সিদ্ধান্ত নং ২৫২৩-কিউডিএনএস/টিডব্লিউ-তে, স", "document", map[string]string{"২৫২৩-কিউডিএনএস/টিডব্লিউ": "2523-QĐNS/TW"}},
	{"ur", "قرارداد 18-این کیو/ٹی ڈبلیو کے مطابق", "document", map[string]string{"18-این کیو/ٹی ڈبلیو": "18-NQ/TW"}},
	{"hi", "स्रोत: टीटीएक्सवीएन/वियतनाम+ और https://x.vn/12-ban-chap-hanh-18-NQ/TW", "document", nil},
	{"hi", "दिनांक 25 अक्टूबर, 2017 के संकल्प", "date", map[string]string{"25 अक्टूबर, 2017": "2017-10-25"}},
	{"hi", "28 दिसंबर को, प्रांतीय पार्टी समिति", "date", map[string]string{"28 दिसंबर": "--12-28"}},
	{"hi", "15 से 17 अक्टूबर, 2025 तक", "date", map[string]string{"15 से 17 अक्टूबर, 2025": "2025-10-15", "17 अक्टूबर, 2025": "2025-10-17"}},
	{"ar", "في الفترة من 11 إلى 19 فبراير 1951. ويضم", "date", map[string]string{"11 إلى 19 فبراير 1951": "1951-02-11", "19 فبراير 1951": "1951-02-19"}},
	{"bn", "৩ আগস্ট, ২০২৪ তারিখে পার্টির", "date", map[string]string{"৩ আগস্ট, ২০২৪": "2024-08-03"}},
	{"th", "ปรึกษาหารือแก้ไขรัฐธรรมนูญ 6 พ.ค. - 5 มิ.ย. 68", "date", map[string]string{"6 พ.ค.": "2025-05-06", "5 มิ.ย. 68": "2025-06-05"}},
	{"th", "(3 กุมภาพันธ์ พ.ศ. 2473 - 3 กุมภาพันธ์ พ.ศ. 2568)", "date", map[string]string{"3 กุมภาพันธ์ พ.ศ. 2473": "1930-02-03", "3 กุมภาพันธ์ พ.ศ. 2568": "2025-02-03"}},
	{"de", "vom 5. bis 6. November 2025 in Hanoi", "date", map[string]string{"5. bis 6. November 2025": "2025-11-05", "6. bis 6. November 2025": ""}},
	{"en", "the ministry said on October 16, 2025 that", "date", map[string]string{"October 16, 2025": "2025-10-16"}},
	{"es", "el 17 de septiembre de 2025 en", "date", map[string]string{"17 de septiembre de 2025": "2025-09-17"}},
	{"ur", "Báo Tuổi Trẻ•03/08/2024", "date", map[string]string{"03/08/2024": "2024-08-03"}},
	{"ru", "состоялось утром 8 октября под руководством", "date", map[string]string{"8 октября": "--10-08"}},
	{"hi", "2024 में, 2021 - 2025 की अवधि", "date", nil},
	{"fr", "Le 1er janvier 2025, plus de 8 700 membres", "date", map[string]string{"1er janvier 2025": "2025-01-01"}},
	{"th", "ระหว่างวันที่ 15-17 ตุลาคม 2568", "date", map[string]string{"15-17 ตุลาคม 2568": "2025-10-15", "17 ตุลาคม 2568": "2025-10-17"}},
	{"bn", "৩.৮ মিলিয়নেরও বেশি মানুষ", "figure", map[string]string{"৩.৮ মিলিয়নেরও বেশি": "3800000"}},
	{"hi", "प्रांत के लगभग 600 प्रस्तावों", "figure", map[string]string{"लगभग 600": "600"}},
	{"hi", "200 मिलियन से अधिक VND का समर्थन", "figure", map[string]string{"200 मिलियन से अधिक VND": "200000000"}},
	{"hi", "1,00,000 लोग और 15 लाख से ज़्यादा", "figure", map[string]string{"1,00,000": "100000", "15 लाख से ज़्यादा": "1500000"}},
	{"hi", "16वीं प्रांतीय पार्टी कांग्रेस, 14 वीं राष्ट्रीय, 5-वर्षीय योजना, 2024 में", "figure", nil},
	{"ur", "1.3 ملین سے زیادہ لوگ", "figure", map[string]string{"1.3 ملین سے زیادہ": "1300000"}},
	{"de", "die mehr als 8.700 Parteimitglieder um 5,05 Prozent", "figure", map[string]string{"mehr als 8.700": "8700", "5,05 Prozent": "5.05"}},
	{"fr", "une population de 119 396 habitants", "figure", map[string]string{"119 396": "119396"}},
	{"ar", "يمثلون 766 ألف عضو و8 أشهر", "figure", map[string]string{"766 ألف": "766000", "8": "8"}},
	{"th", "การประชุมครั้งที่ 11 ของ", "figure", nil},
	{"hi", "कॉमरेड वु दाई थांग ने सम्मेलन में भाग लिया", "person", map[string]string{"वु दाई थांग": "वु दाई थांग"}},
	{"ur", "کانفرنس میں Nguyen Dang Quang نے شرکت کی", "person", map[string]string{"Nguyen Dang Quang": "Nguyen Dang Quang"}},
	{"ru", "председатель Нгуен Суан Тханг заявил", "person", map[string]string{"Нгуен Суан Тханг": "Нгуен Суан Тханг"}},
	{"en", "in Ho Chi Minh City, Hanoi and Dong Nai", "person", nil},
	{"ru", "Генеральный секретарь То Лам и премьер-министр Фам Минь Чинь", "person", map[string]string{"То Лам": "То Лам", "Фам Минь Чинь": "Фам Минь Чинь"}},
	{"ar", "حضر الأمين العام تو لام ورئيس الوزراء فام مينه تشينه", "person", map[string]string{"تو لام": "تو لام", "فام مينه تشينه": "فام مينه تشينه"}},
	{"bn", "সাধারণ সম্পাদক তো লাম এবং প্রধানমন্ত্রী ফাম মিন চিন", "person", map[string]string{"তো লাম": "তো লাম", "ফাম মিন চিন": "ফাম মিন চিন"}},
	{"hi", "प्रधानमंत्री हुन मानेट और महासचिव सोनेक्से सिफानदोन ने", "person", map[string]string{"हुन मानेट": "हुन मानेट", "सोनेक्से सिफानदोन": "सोनेक्से सिफानदोन"}},
	{"ar", "الثقافة؛ ولي هواي ترونج، أمين اللجنة", "person", map[string]string{"لي هواي ترونج": "لي هواي ترونج"}},
	{"ur", "چیئرمین تران تھانہ مان کین تھو گئے", "person", map[string]string{"تران تھانہ مان": "تران تھانہ مان"}},
	{"pl", "Myśl Ho Chi Minha o jedności do roku 2030", "person", map[string]string{"Ho Chi Minh": "Ho Chi Minh"}},
}

func TestExtract(t *testing.T) {
	for _, c := range cases {
		es := All(c.text, c.lang, Default()...)
		got := find(es, c.typ)
		for text, value := range c.want {
			if value == "" {
				if _, ok := got[text]; ok {
					t.Errorf("%s %q: unwanted %s %q", c.lang, c.text, c.typ, text)
				}
				continue
			}
			if got[text] != value {
				t.Errorf("%s %q: %s %q = %q, want %q (all: %v)", c.lang, c.text, c.typ, text, got[text], value, got)
			}
		}
		if c.want == nil && len(got) > 0 {
			t.Errorf("%s %q: no %s expected, got %v", c.lang, c.text, c.typ, got)
		}
		checkSpans(t, c.text, es)
	}
}

func checkSpans(t *testing.T, text string, es []Entity) {
	t.Helper()
	for _, e := range es {
		if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
			t.Fatalf("entity %+v: span does not match the text", e)
		}
	}
}

func TestPersonKey(t *testing.T) {
	cases := map[string]string{
		"वु दाई थांग":       "vu dai thang",
		"Vu Dai Thang":      "vu dai thang",
		"Nguyễn Đăng Quang": "nguyen dang quang",
		"गुयेन फू ट्रोंग":   "nguyen phu trong",
		"ٹو لام":            "to lam",
		"То Лам":            "to lam",
		"টো লাম":            "to lam",
	}
	for in, want := range cases {
		if got := PersonKey(in); got != want {
			t.Errorf("PersonKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalDocument(t *testing.T) {
	cases := map[string]string{
		"18-NQ/TW": "18-NQ/TW",
		"18-एनक्यू/टीडब्ल्यू": "18-NQ/TW",
		"१८-एनक्यू/टीडब्ल्यू": "18-NQ/TW",
		"30/2020/NĐ-CP": "30/2020/ND-CP",
		"50-সিটি/টিডব্লিউ": "50-CT/TW",
		"hello": "",
	}
	for in, want := range cases {
		if got := CanonicalDocument(in); got != want {
			t.Errorf("CanonicalDocument(%q) = %q, want %q", in, got, want)
		}
	}
}

// The embedded sample's entities match the golden file (go test -update rewrites it).
func TestGoldenSample(t *testing.T) {
	files, _ := filepath.Glob("../../corpus/sample/*.txt")
	var b strings.Builder
	for _, f := range files {
		a, err := corpus.Read(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		lang := "hi"
		if strings.Contains(a.Text, "کانفرنس") {
			lang = "ur"
		}
		for _, e := range All(a.Text, lang, Default()...) {
			b.WriteString(filepath.Base(f) + "\t" + e.Type + "\t" + e.Text + "\t" + e.Value + "\n")
		}
	}
	golden := "testdata/sample.golden.tsv"
	if *update {
		os.WriteFile(golden, []byte(b.String()), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("entities of the sample differ from %s (run go test -update to accept):\n%s", golden, b.String())
	}
}

func TestLexicons(t *testing.T) {
	langs := Languages()
	if len(langs) < 29 {
		t.Errorf("%d lexicons", len(langs))
	}
	for _, lang := range langs {
		l := LexiconFor(lang)
		seen := map[float64]bool{}
		for _, m := range l.Months.list {
			seen[m.Value] = true
		}
		for m := 1.0; m <= 12; m++ {
			if !seen[m] {
				t.Errorf("%s: no name for month %v", lang, m)
			}
		}
		letters := map[string]bool{}
		for _, p := range l.Letters.list {
			letters[p.Unit] = true
		}
		if len(letters) != 0 && len(letters) != 26 {
			t.Errorf("%s: %d letter names, want 26", lang, len(letters))
		}
	}
	for _, bad := range []string{"[months]\nx: a", "[nope]\na", "[decimal]\n;", "[units]\nkm"} {
		if _, err := ParseLexicon("xx", bad); err == nil {
			t.Errorf("ParseLexicon accepted %q", bad)
		}
	}
}

// Every dev article: entities lie inside the text and match their spans.
func TestDevCorpusSpans(t *testing.T) {
	f, err := os.Open("../../../shared/corpus/dev/index.jsonl")
	if err != nil {
		t.Skip("no dev corpus")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d struct{ File, Lang string }
		json.Unmarshal(sc.Bytes(), &d)
		a, err := corpus.Read(filepath.Join("../../../shared/corpus/dev", d.File), 0)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, a.Text, All(a.Text, d.Lang, Default()...))
	}
}

func FuzzExtract(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text, c.lang)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		text = corpus.Normalize(text)
		checkSpans(t, text, All(text, lang, Default()...))
	})
}

func FuzzDecodeLetters(f *testing.F) {
	f.Add("एनक्यू", "hi")
	f.Add("کیو", "ur")
	f.Fuzz(func(t *testing.T, w, lang string) {
		if s, ok := decodeLetters(w, LexiconFor(lang)); ok {
			for _, r := range s {
				if r < 'A' || r > 'Z' {
					t.Fatalf("decoded %q to %q", w, s)
				}
			}
		}
		_ = CanonicalDocument(w)
	})
}

// BenchmarkExtract measures extraction over the real dev articles on one core.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/dev/*/*.txt")
	seeds, _ := filepath.Glob("../../corpus/sample/*.txt")
	files = append(files, seeds...)
	type doc struct{ text, lang string }
	var docs []doc
	size := 0
	for _, f := range files {
		a, err := corpus.Read(f, 0)
		if err != nil {
			b.Fatal(err)
		}
		lang := filepath.Base(filepath.Dir(f))
		if lang == "sample" {
			lang = "hi"
		}
		docs = append(docs, doc{a.Text, lang})
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			All(d.text, d.lang, Default()...)
		}
	}
}
