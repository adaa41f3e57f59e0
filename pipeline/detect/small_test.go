package detect

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// smallTexts are short passages written for these tests (not from the
// archive), a few sentences each, in the shape of the archive's news.
var smallTexts = []struct{ lang, text string }{
	{"en", "The provincial party committee met on Monday to review the work of the past year. Delegates discussed the plan for new roads and schools in the mountain districts."},
	{"fr", "Le comité provincial du parti s'est réuni lundi pour examiner le travail de l'année écoulée. Les délégués ont discuté du plan pour de nouvelles routes et des écoles dans les districts de montagne."},
	{"de", "Das Parteikomitee der Provinz trat am Montag zusammen, um die Arbeit des vergangenen Jahres zu prüfen. Die Delegierten sprachen über den Plan für neue Straßen und Schulen in den Bergbezirken."},
	{"es", "El comité provincial del partido se reunió el lunes para revisar el trabajo del año pasado. Los delegados hablaron del plan de nuevas carreteras y escuelas en los distritos de montaña."},
	{"pt", "O comitê provincial do partido reuniu-se na segunda-feira para avaliar o trabalho do ano passado. Os delegados discutiram o plano de novas estradas e escolas nos distritos das montanhas."},
	{"id", "Komite partai provinsi bertemu pada hari Senin untuk meninjau pekerjaan tahun lalu. Para delegasi membahas rencana jalan dan sekolah baru di kabupaten pegunungan."},
	{"vi", "Tỉnh ủy đã họp vào thứ Hai để đánh giá công tác của năm qua. Các đại biểu đã thảo luận kế hoạch xây dựng đường sá và trường học mới ở các huyện miền núi."},
	{"ru", "Провинциальный комитет партии собрался в понедельник, чтобы подвести итоги работы за прошедший год. Делегаты обсудили план строительства новых дорог и школ в горных районах."},
	{"uk", "Провінційний комітет партії зібрався в понеділок, щоб підбити підсумки роботи за минулий рік. Делегати обговорили план будівництва нових доріг і шкіл у гірських районах."},
	{"hi", "प्रांतीय पार्टी समिति ने पिछले साल के काम की समीक्षा के लिए सोमवार को बैठक की। प्रतिनिधियों ने पहाड़ी जिलों में नई सड़कों और स्कूलों की योजना पर चर्चा की।"},
	{"ar", "اجتمعت لجنة الحزب في المقاطعة يوم الاثنين لمراجعة عمل العام الماضي. وناقش المندوبون خطة بناء طرق ومدارس جديدة في المناطق الجبلية."},
	{"fa", "کمیته حزب استان روز دوشنبه برای بررسی کار سال گذشته تشکیل جلسه داد. نمایندگان درباره برنامه ساخت جاده\u200cها و مدرسه\u200cهای تازه در شهرستان\u200cهای کوهستانی گفتگو کردند."},
	{"ur", "صوبائی پارٹی کمیٹی نے پچھلے سال کے کام کا جائزہ لینے کے لیے پیر کو اجلاس کیا۔ مندوبین نے پہاڑی اضلاع میں نئی سڑکوں اور اسکولوں کے منصوبے پر بات کی۔"},
	{"el", "Η επαρχιακή επιτροπή του κόμματος συνεδρίασε τη Δευτέρα για να εξετάσει το έργο της περασμένης χρονιάς. Οι αντιπρόσωποι συζήτησαν το σχέδιο για νέους δρόμους και σχολεία στις ορεινές περιοχές."},
	{"he", "ועדת המפלגה המחוזית התכנסה ביום שני כדי לסכם את העבודה של השנה שעברה. הנציגים דנו בתוכנית לכבישים ובתי ספר חדשים באזורי ההרים."},
	{"th", "คณะกรรมการพรรคประจำจังหวัดได้ประชุมเมื่อวันจันทร์เพื่อทบทวนผลการทำงานในปีที่ผ่านมา ผู้แทนได้หารือเกี่ยวกับแผนการสร้างถนนและโรงเรียนใหม่ในอำเภอบนภูเขา"},
	{"ja", "省の党委員会は月曜日に会合を開き、昨年の活動を振り返った。代表者たちは山間部の地区に新しい道路と学校を建設する計画について話し合った。"},
	{"ko", "성 당위원회는 월요일에 회의를 열어 지난해의 업무를 검토했다. 대표들은 산간 지역에 새로운 도로와 학교를 건설하는 계획에 대해 논의했다."},
	// Indonesian and Malay share most words: these say the same with the words they do not share
	{"id", "Setibanya di ibu kota, Perdana Menteri beserta rombongan tingkat tinggi mendapat sambutan hangat dan penuh perhatian. Dalam rangka lawatan kenegaraan, Perdana Menteri berbincang dengan Presiden dan bertemu dengan Ketua Parlemen serta pemimpin partai. Dalam suasana saling percaya dan keterbukaan, kedua pemimpin menyatakan kegembiraan dan kepuasan mereka atas perkembangan persahabatan tradisional antara kedua negara. Kedua pihak menegaskan bahwa hubungan ini harus terus diperdalam dan diperluas, dan sepakat untuk meningkatkan kerja sama di bidang ekonomi, perdagangan dan pendidikan. Kedua pihak juga sepakat tentang pentingnya menjaga perdamaian, dan pihak tamu menyampaikan terima kasih atas sambutan tersebut."},
	{"ms", "Namun begitu, beliau menegaskan bahawa perkara tersebut merupakan tanggungjawab bersama terhadap rakyat, dan kerajaan akan membantu selepas mesyuarat di bandar itu."},
	{"ms", "Di ibu negara, Setiausaha Agung menerima delegasi itu dan menegaskan bahawa kerjasama kedua-dua negara ialah keutamaan. Namun kedua-dua pihak bersetuju untuk memperluas kerjasama antarabangsa dalam semua bidang, iaitu ekonomi, pendidikan dan budaya, selepas mesyuarat kerajaan."},
	{"zh", "省委星期一召开会议，总结过去一年的工作。代表们讨论了在山区各县修建新道路和新学校的计划。"},
	{"bn", "প্রাদেশিক পার্টি কমিটি গত বছরের কাজ পর্যালোচনা করতে সোমবার বৈঠক করেছে। প্রতিনিধিরা পাহাড়ি জেলাগুলিতে নতুন রাস্তা ও স্কুল তৈরির পরিকল্পনা নিয়ে আলোচনা করেছেন।"},
}

func TestDetectSmallTexts(t *testing.T) {
	d := newDetector(t)
	for _, c := range smallTexts {
		got := d.Detect(c.text)
		if got.Lang != c.lang {
			t.Errorf("%s: detected %s (%.2f): %.40s…", c.lang, got.Lang, got.Confidence, c.text)
		}
		if got.Confidence <= 0 || got.Confidence > 1 {
			t.Errorf("%s: confidence %v out of (0, 1]", c.lang, got.Confidence)
		}
	}
}

// Text with no letters of any script has no language; detection never panics
// on odd input.
func TestDetectOddInput(t *testing.T) {
	d := newDetector(t)
	for _, s := range []string{"", "   ", "12345 67.89", "!!! ??? ---", "\x00\x01", strings.Repeat("a", 5)} {
		_ = d.Detect(s)
	}
	if got := d.Detect("2024 — 18/2025"); got.Lang != "" && got.Lang != "und" {
		t.Errorf("digits only: %q", got.Lang)
	}
}

// Sample keeps the words of the asked script, stops at the first word past
// max letters, and in Latin script leaves out capitalised words (names).
func TestSample(t *testing.T) {
	text := "Hello प्रांतीय पार्टी समिति world"
	if s := Sample(text, Devanagari, 400); s != "प्रांतीय पार्टी समिति" {
		t.Errorf("Sample(Devanagari) = %q", s)
	}
	s := Sample(strings.Repeat("पार्टी ", 200), Devanagari, 50)
	if n := len([]rune(strings.ReplaceAll(s, " ", ""))); n < 50 || n >= 50+len([]rune("पार्टी")) {
		t.Errorf("Sample of max 50 has %d letters", n)
	}
	if s := Sample("Tô Lâm met the delegates of Hà Nội today and they spoke", Latin, 20); s != "met the delegates of today" {
		t.Errorf("Sample(Latin) = %q", s)
	}
	// mostly names: the capitals are kept rather than judging nothing
	if s := Sample("Tô Lâm Hà Nội", Latin, 400); s != "Tô Lâm Hà Nội" {
		t.Errorf("Sample(Latin, names only) = %q", s)
	}
}

// sampleSlow is Sample as first written (each rune of a word decoded twice),
// the reference for FuzzSample.
func sampleSlow(text string, s Script, max int) string {
	var b strings.Builder
	n := 0
	take := func(skipCapitals bool) {
		for i := 0; i < len(text) && n < max; {
			r, size := utf8.DecodeRuneInString(text[i:])
			if ScriptOf(r) != s {
				i += size
				continue
			}
			j := i
			for j < len(text) {
				r2, sz := utf8.DecodeRuneInString(text[j:])
				if ScriptOf(r2) != s && r2 != '\'' && r2 != '’' {
					break
				}
				j += sz
			}
			word := text[i:j]
			i = j
			if skipCapitals && unicode.IsUpper(r) {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(word)
			n += utf8.RuneCountInString(word)
		}
	}
	take(s == Latin)
	if s == Latin && n < max/4 {
		b.Reset()
		n = 0
		take(false)
	}
	return b.String()
}

func FuzzSample(f *testing.F) {
	for _, s := range []string{
		"Tô Lâm met the delegates of Hà Nội today", "प्रांतीय पार्टी समिति की बैठक",
		"Это заседание l'État d’Italia", "\xff\xfeabc def\x80", "مجلس الوزراء 2025", "",
	} {
		f.Add(s, uint8(Latin), 40)
	}
	f.Fuzz(func(t *testing.T, text string, s uint8, max int) {
		sc := Script(s % uint8(numScripts))
		max %= 5000
		if got, want := Sample(text, sc, max), sampleSlow(text, sc, max); got != want {
			t.Fatalf("Sample(%q, %d, %d) = %q, want %q", text, sc, max, got, want)
		}
	})
}
