package extract

import (
	"github.com/partynews/partynews/corpus"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Sentences of our own, per language: every date and figure value they hold
// (and none else). Ordinals of congresses, sessions and plenums are no figures.
var figDateCases = []struct {
	lang, text     string
	dates, figures []string
}{
	// ranges give both ends
	{"el", "Η σύνοδος θα γίνει από τις 19 έως τις 25 Ιανουαρίου στο Ανόι.", []string{"--01-19", "--01-25"}, nil},
	{"el", "Η 14η σύνοδος της 13ης Κεντρικής Επιτροπής και το 14ου Συνεδρίου.", nil, nil},
	{"el", "Περισσότερα από 209.000 μέλη και τρία κόμματα.", nil, []string{"209000", "3"}},
	{"nl", "Op 4 en 5 februari bezocht hij 546 afgevaardigden van het 1e congres.", []string{"--02-04", "--02-05"}, []string{"546"}},
	{"nl", "meer dan 366.000 leden en 11,23% groei", nil, []string{"366000", "11.23"}},
	{"cs", "Ve dnech 4. a 5. února jednal 13. ÚV o 450 delegátech.", []string{"--02-04", "--02-05"}, []string{"450"}},
	{"cs", "Po dvou dnech (18.–19. července) schválil tři dokumenty.", []string{"--07-18", "--07-19"}, []string{"2", "3"}},
	{"cs", "více než 120 676 členů a 2,5 milionu korun", nil, []string{"120676", "2500000"}},
	{"pt", "O 14º Congresso reuniu-se de 18 a 19 de julho de 2025 com mais de 8.700 membros.", []string{"2025-07-18", "2025-07-19"}, []string{"8700"}},
	{"pt", "a 12ª Conferência do 13º Comitê Central e dois relatórios", nil, []string{"2"}},
	{"es", "del 3 al 5 de marzo de 2026 con 12 delegados", []string{"2026-03-03", "2026-03-05"}, []string{"12"}},
	{"ro", "Congresul va avea loc în perioada 12-13 octombrie cu peste 209.000 de membri.", []string{"--10-12", "--10-13"}, []string{"209000"}},
	{"tr", "Kongre 23-24 Eylül 2025 tarihlerinde 299 delege ile toplandı; Partinin 14. Kongresi.", []string{"2025-09-23", "2025-09-24"}, []string{"299"}},
	{"tr", "yaklaşık 100 davetli ve iki belge", nil, []string{"100", "2"}},
	{"id", "Kongres diadakan dari tanggal 19 Januari hingga 25 Januari 2026 dengan empat dokumen.", []string{"2026-01-19", "2026-01-25"}, []string{"4"}},
	{"ms", "kira-kira 350 orang dan 1,000 pokok", nil, []string{"350", "1000"}},
	{"sv", "Den 14:e partikongressen samlade nästan 500 000 medlemmar.", nil, []string{"500000"}},
	{"no", "en befolkning på over 3,8 millioner og tre komiteer", nil, []string{"3800000", "3"}},
	{"pl", "ponad 2 mln osób i trzy komisje", nil, []string{"2000000", "3"}},
	{"uk", "понад 209 000 членів і близько 120 гостей", nil, []string{"209000", "120"}},
	{"he", "הכנס יתקיים ב-12 וב-13 באוקטובר 2025 עם יותר מ-209,000 חברים.", []string{"2025-10-12", "2025-10-13"}, []string{"209000"}},
	{"he", "הקונגרס הלאומי ה-14 של המפלגה ו-30 ועדות", nil, []string{"30"}},
	{"fa", "بیش از ۳۰۰ نماینده و ۲ میلیون نفر", nil, []string{"300", "2000000"}},
	{"hu", "több mint 200 küldött és két ülés", nil, []string{"200", "2"}},
	{"fi", "Kokous pidettiin 4.–5. helmikuuta 2025 ja 300 henkeä.", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"sr", "Од 4. до 5. фебруара 2025. године 300 делегата.", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"fa", "از ۴ تا ۵ فوریه ۲۰۲۵ بیش از ۳۰۰ نماینده.", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"es", "el 4 y 5 de febrero de 2025, el 14.º Congreso y 300 delegados.", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"tl", "noong Pebrero 4-5, 2025, ika-14 na Kongreso at 300 delegado.", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"hy", "փետրվարի 4-5-ը, ավելի քան 300 պատվիրակ", []string{"--02-04", "--02-05"}, []string{"300"}},
	{"kk", "4-5 ақпанда 300 делегат", []string{"--02-04", "--02-05"}, []string{"300"}},
	{"bn", "৪ ও ৫ ফেব্রুয়ারি ২০২৫, ৩০০ জন প্রতিনিধি", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"ar", "يومي 4 و5 فبراير 2025، المؤتمر الرابع عشر، أكثر من 300 مندوب", []string{"2025-02-04", "2025-02-05"}, []string{"300"}},
	{"my", "၁၄ ကြိမ်မြောက် ညီလာခံ ဖေဖော်ဝါရီ ၄ ရက်", []string{"--02-04"}, nil},
	// CJK and Korean dates, numerals and multipliers
	{"zh", "大会于2025年11月6日在河内举行，共有453名代表，20.9万多名党员。", []string{"2025-11-06"}, []string{"453", "209000"}},
	{"zh", "第十四届全国代表大会和第14届会议，约410万人。", nil, []string{"4100000"}},
	{"zh", "会议于9月23日至24日举行，投资1億美元。", []string{"--09-23", "--09-24"}, []string{"100000000"}},
	{"zh", "2022年12月起担任书记。", nil, nil},
	{"zh", "永隆省等三省党委第十一次代表大会有二十五个代表团和三千五百名党员，十一届三中全会在万象举行，一个会议。", nil, []string{"3", "25", "3500"}},
	{"zh", "四万人和两个省", nil, []string{"40000", "2"}},
	{"zh", "会议结束。\n一、关于大会\n二、关于选举", nil, nil},
	{"ja", "五つの決議と三人の代表、第十四回大会", nil, []string{"5", "3"}},
	{"my", "သုံးကြိမ်ဆက်တိုက် ၆၅ နှစ်ကျော်", nil, []string{"3", "65"}},
	// a number word inside a word counts with its counter right after it
	{"my", "နိုင်ငံကို ဒေါက်တိုင်လေးခုဖြစ်တဲ့ ပါတီ", nil, []string{"4"}},
	{"th", "ในการประชุมครั้งนี้มีผู้แทนสามคนจากจังหวัดและความสามารถของเจ้าหน้าที่", nil, []string{"3"}},
	{"ja", "第1回大会は2025年9月23日と24日に開かれ、約100人と5つの決議。", []string{"2025-09-23", "2025-09-24"}, []string{"100", "5"}},
	{"ja", "第14回党大会で1億円、2024年9月に就任。", nil, []string{"100000000"}},
	{"ja", "国道28B号線と国道1号線の改修", nil, []string{"1"}},
	{"ko", "2025년 11월 6일 제14차 당대회에 약 21만 3천 명이 참석했다.", []string{"2025-11-06"}, []string{"213000"}},
	{"ko", "결의안(2024년 12월 22일자)과 11월 6일 회의, 5만 명과 1조 동, 3천 명", []string{"2024-12-22", "--11-06"}, []string{"50000", "1000000000000", "3000"}},
	{"ko", "거의 15%의 신자와 80명의 대표", nil, []string{"15", "80"}},
	{"ko", "약 5만명과 3천여 명, 두 번째 회의, 14차 당대회, 제13기 중앙위원회", nil, []string{"50000", "3000"}},
	{"ko", "2025년 1월 19일부터 25일까지", []string{"2025-01-19", "2025-01-25"}, nil},
	{"zh", "2025年1月19日至25日举行，约5.5亿人，1.2万亿越盾", []string{"2025-01-19", "2025-01-25"}, []string{"550000000", "1200000000000"}},
	// Buddhist era, in lexicon data
	{"th", "เมื่อวันที่ 5 พฤศจิกายน พ.ศ. 2568 มีผู้แทน 300 คน", []string{"2025-11-05"}, []string{"300"}},
	{"km", "ថ្ងៃទី២៦ ខែសីហា ឆ្នាំ២០២៥ នីតិកាលទី 16", []string{"2025-08-26"}, nil},
	{"lo", "ວັນທີ 2 ກັນຍາ 2025 ມີ 80 ປີ", []string{"2025-09-02"}, []string{"80"}},
	// seeds of the first languages keep working
	{"en", "On October 16-18, 2025, more than 1,200 delegates attended the 14th Congress.", []string{"2025-10-16", "2025-10-18"}, []string{"1200"}},
	// day/month as vietnam.vn writes it, unless only month/day reads
	{"en", "signed on 10/16/2025 and 12/5/2025", []string{"2025-10-16", "2025-05-12"}, nil},
	{"de", "am 5. November 2025 nahmen 209.000 Mitglieder am 13. Zentralkomitee teil", []string{"2025-11-05"}, []string{"209000"}},
	{"ar", "يمثلون 766 ألف عضو و8 أشهر", nil, []string{"766000", "8"}},
}

func TestFiguresAndDates(t *testing.T) {
	for _, c := range figDateCases {
		es := All(c.text, c.lang, Default()...)
		checkSpans(t, c.text, es)
		checkValues(t, c.lang, c.text, es, Date, c.dates)
		checkValues(t, c.lang, c.text, es, Figure, c.figures)
	}
}

// checkValues compares the distinct values of the entities of type typ with
// want, in any order.
func checkValues(t *testing.T, lang, text string, es []Entity, typ string, want []string) {
	t.Helper()
	var got []string
	seen := map[string]bool{}
	for _, e := range es {
		if e.Type == typ && !seen[e.Value] {
			seen[e.Value] = true
			got = append(got, e.Value)
		}
	}
	sort.Strings(got)
	w := append([]string(nil), want...)
	sort.Strings(w)
	if strings.Join(got, " ") != strings.Join(w, " ") {
		t.Errorf("%s %q: %s values %v, want %v", lang, text, typ, got, w)
	}
}

// Every language the archive uses for figures has the words for them, and the
// README beside the lexicons lists every section the loader knows.
func TestLexiconFigureSections(t *testing.T) {
	// languages kept only for their months (see lexicon/README.md)
	monthsOnly := map[string]bool{"mr": true, "ne": true, "vi": true}
	for _, lang := range Languages() {
		if monthsOnly[lang] {
			continue
		}
		l := LexiconFor(lang)
		for name, n := range map[string]int{"multipliers": len(l.Multipliers.list), "units": len(l.Units.list), "range": len(l.Range.list)} {
			if n == 0 {
				t.Errorf("%s: no [%s]", lang, name)
			}
		}
		if len(l.Numbers.list) == 0 {
			t.Errorf("%s: no number words", lang)
		}
		for _, p := range l.Multipliers.list {
			if p.Value < 10 {
				t.Errorf("%s: multiplier %q is %v", lang, p.text, p.Value)
			}
		}
		if l.EraOffset != 0 && l.EraOffset != 543 {
			t.Errorf("%s: era offset %d", lang, l.EraOffset)
		}
	}
	readme, err := os.ReadFile("lexicon/README.md")
	if err != nil {
		t.Fatal(err)
	}
	var known []string
	for s := range phraseSections {
		known = append(known, s)
	}
	for s := range flagSections {
		known = append(known, s)
	}
	for s := range intSections {
		known = append(known, s)
	}
	known = append(known, "decimal")
	for _, s := range known {
		if !strings.Contains(string(readme), "`["+s+"]`") {
			t.Errorf("lexicon/README.md does not describe [%s]", s)
		}
	}
	for _, m := range regexp.MustCompile("`\\[([a-z_]+)\\]`").FindAllStringSubmatch(string(readme), -1) {
		if _, err := ParseLexicon("xx", "["+m[1]+"]\n"); err != nil {
			t.Errorf("README names [%s], which the loader does not know: %v", m[1], err)
		}
	}
	// each section's key is checked
	for _, bad := range []string{"[era_offset]\nabc", "[unspaced]\nmaybe", "[multipliers]\n: mille", "[multipliers]\nabc: mille"} {
		if _, err := ParseLexicon("xx", bad); err == nil {
			t.Errorf("ParseLexicon accepted %q", bad)
		}
	}
}

func FuzzFiguresDates(f *testing.F) {
	for _, c := range figDateCases {
		f.Add(c.text, c.lang)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		text = corpus.Normalize(text)
		es := All(text, lang, Dates{}, Figures{})
		checkSpans(t, text, es)
		for _, e := range es {
			if e.Value == "" {
				t.Fatalf("%s %q without a value", e.Type, e.Text)
			}
		}
	})
}
