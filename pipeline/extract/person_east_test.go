package extract

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/partynews/partynews/corpus"
)

// TestPeopleEast: people in the scripts without spaces and in Korean, found
// by their cues; spans hold the name only. Sentences written for the test.
func TestPeopleEast(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string // names, in text order
	}{
		{"zh", "越共中央总书记苏林出席会议。苏林强调，要加快发展。", []string{"苏林", "苏林"}},
		{"zh", "政府总理范明政主持会议并讲话。", []string{"范明政"}},
		{"zh", "省委书记吴志强在会上致辞，院长黎明智出席。", []string{"吴志强", "黎明智"}},
		{"zh", "胡志明主席的思想永放光芒。胡志明市经济发展迅速。", []string{"胡志明"}},
		{"zh", "越南国家主席会见了各国代表来自全国各地。", nil},
		{"zh", "出席会议的有副总理黎明慨、陈红河和其他领导。", []string{"黎明慨", "陈红河"}},
		{"zh", "政府总理会见老挝总理宋赛·西潘敦。国家主席会见智利总统加夫列尔·博里奇。", []string{"宋赛·西潘敦", "加夫列尔·博里奇"}},
		{"zh", "总理·的讲话和书记·", nil},
		{"ja", "グエン・ホン・ハイ氏は会議に出席した。ホー・チ・ミン市で開かれた。", []string{"グエン・ホン・ハイ"}},
		{"ja", "書記長のト・ラム氏とファム・ミン・チン首相が会談した。ラム氏も。", []string{"ト・ラム", "ファム・ミン・チン", "ラム"}},
		{"ja", "ラオス首相とベトナム・ラオスの友好関係。", nil},
		{"ko", "토람 서기장은 회의에서 연설했다. 르엉꾸엉 주석도 참석했다.", []string{"토람", "르엉꾸엉"}},
		{"ko", "위원 명단: 응우옌쑤언탕; 부이티민화아이; 당위원회 서기.", []string{"응우옌쑤언탕", "부이티민화아이"}},
		{"ko", "당 제14차 대회가 열렸다. (사진: 하이린)", []string{"하이린"}},
		{"ko", "당위원회 브엉 딘 후에 서기가 말했다.", []string{"브엉 딘 후에"}},
		{"th", "เลขาธิการใหญ่ โต ลัม และคณะ ประธานาธิบดีเลืองเกื่อง ด้วย", []string{"โต ลัม", "เลืองเกื่อง"}},
		{"lo", "ເລຂາທິການໃຫຍ່ ໂຕເລິມ ແລະ ທ່ານ ເຈິ່ນເກິມຕູ ໄດ້ເຂົ້າຮ່ວມ", []string{"ໂຕເລິມ", "ເຈິ່ນເກິມຕູ"}},
		{"km", "សម្តេចអគ្គមហាពញាចក្រី ហេង សំរិន និង លោកប្រធាន ហូជីមិញ", []string{"ហេង សំរិន", "ហូជីមិញ"}},
		{"th", "ประธาน สภา แห่งชาติ", nil},
		// leaders who are not Vietnamese after an honorific: two short words
		// standing apart; acronyms and "of" are no names
		{"th", "นายกรัฐมนตรีต้อนรับ ท่านสอนไซ สีพันดอน ที่กรุงฮานอย", []string{"สอนไซ สีพันดอน"}},
		// a poet; ທ້ວນ (Thuan) with its tone mark before the vowel ວ; the
		// "general secretary" word for word, no name
		{"lo", "ໃນກອງປະຊຸມ, ນັກກະວີ ຫງວຽນກວາງທ້ວນ, ປະທານສະມາຄົມ", []string{"ຫງວຽນກວາງທ້ວນ"}},
		{"lo", "ເລຂາທິການທົ່ວໄປ: ກອງປະຊຸມ", nil},
		// a name before 사무총장 (secretary-general); a particle glued to a
		// spaced name; 및 (and) after 당 (party) is no name
		{"ko", "토람 사무총장, 르엉 끄엉 국가주석이 참석했다. 당 및 국가 지도자들과 쩐 탄 만과 함께", []string{"토람", "르엉 끄엉", "쩐 탄 만"}},
		{"ko", "레 트리 탄 씨는 회의에서 말했다.", []string{"레 트리 탄"}},
		{"ko", "국방부 장관 판딘짝은 회의에서 말했다.", []string{"판딘짝"}},
		// a foreign name with its Latin spelling in brackets; a place is none
		{"ko", "상무위원회 위원장인 자오 러지(Zhao Leji)와 꽝닌 성(Quang Ninh) 대표단", []string{"자오 러지", "Zhao Leji"}},
		{"ko", "상원 의장인 삼데치 테초 훈 센(Samdech Techo Hun Sen)", []string{"훈 센", "Hun Sen"}},
		{"ko", "총리는 세계 경제 포럼(World Economic Forum)과 하계 다보스 포럼(Summer Davos Forum)에 참석했다", nil},
		{"ko", "대통령인 미겔 디아스 카넬 베르무데스(Miguel Diaz Canel Bermudez)와 이고르 세르젠코(Igor Sergeenko)", []string{"미겔 디아스 카넬 베르무데스", "Miguel Diaz Canel Bermudez", "이고르 세르젠코", "Igor Sergeenko"}},
		// a title inside a longer word; a country between the title and the
		// name; a name in Latin letters after a title
		{"th", "การศึกษาของพรรคและประธานาธิบดีโฮจิมินห์ จากกองทัพ", []string{"โฮจิมินห์"}},
		{"th", "เลขาธิการและประธานาธิบดีโตลัมและคณะผู้แทน", []string{"โตลัม"}},
		{"th", "ตามคำเชิญของประธานาธิบดีฝรั่งเศส เอ็มมานูเอล มาครง เลขาธิการ", []string{"เอ็มมานูเอล มาครง"}},
		{"lo", "ທ່ານນາຍົກລັດຖະມົນຕີ ສິງກະໂປ ຫຼີຊຽນຫຼົງ ພ້ອມດ້ວຍພັນລະຍາ", []string{"ຫຼີຊຽນຫຼົງ"}},
		{"lo", "ທ່ານລັດຖະມົນຕີ ເຈີ່ນດ້າຍກວາງ ໃຫ້ຮູ້ວ່າ: ກອງປະຊຸມ", []string{"ເຈີ່ນດ້າຍກວາງ"}},
		{"km", "អគ្គលេខាបក្ស Nguyen Phu Trong និងប្រធានាធិបតីអាមេរិក Joe Biden បានថ្លែង", []string{"Nguyen Phu Trong", "Joe Biden"}},
		// a surname no Lao or Thai word starts with: a name without a title
		{"lo", "ບັນດາສະຫາຍຄື: ຟ້າມບິ່ງມິງ, ເລືອງເກື່ອງ; ແລະ ຫງວຽນຟູ໋ຈ້ອງ", []string{"ຟ້າມບິ່ງມິງ", "ເລືອງເກື່ອງ", "ຫງວຽນຟູ໋ຈ້ອງ"}},
		{"th", "เลืองเกื่องพบปะผู้มีสิทธิเลือกตั้ง", []string{"เลืองเกื่อง"}},
		{"th", "ในเขต Duc Hue จังหวัด Long An – ภาพโดย QUANG DINH", []string{"QUANG DINH"}},
		// "as follows" after a title is no name
		{"th", "ผู้เข้าร่วมประชุมมีสหายดังนี้: Nguyen Doan Anh สมาชิกคณะกรรมการกลางพรรค", []string{"Nguyen Doan Anh"}},
		// ห then the vowel ว before a final: หวง (Hoang)
		{"th", "โดยมี นายหวง ดัง กวาง รองประธาน", []string{"หวง ดัง กวาง"}},
		// a name glued to the verb after it
		{"th", "เช้าวันที่ 3 เลขาธิการโตลัมเป็นประธานการประชุม และ นายกรัฐมนตรีฝ่ามมิงชิ้งกล่าวว่า", []string{"โตลัม", "ฝ่ามมิงชิ้ง"}},
		{"lo", "ທ່ານ ສອນໄຊ ສີພັນດອນ ນາຍົກລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ", []string{"ສອນໄຊ ສີພັນດອນ"}},
		{"lo", "ທ່ານນາຍົກລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ", nil},
		{"lo", "ທ່ານ ຫງວຽນ ວັນ ແທງ ເລຂາພັກແຂວງ", []string{"ຫງວຽນ ວັນ ແທງ"}},
		{"km", "ប្រធានរដ្ឋ លឿង គឿង បានជួប", []string{"លឿង គឿង"}},
	}
	for _, c := range cases {
		es := All(c.text, c.lang, Default()...)
		checkSpans(t, c.text, es)
		var got []string
		sort.SliceStable(es, func(i, j int) bool { return es[i].Start < es[j].Start })
		for _, e := range es {
			if e.Type == Person {
				got = append(got, e.Text)
				if e.Key == "" {
					t.Errorf("%s %q: no key", c.lang, e.Text)
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.text, got, c.want)
		}
	}
}

// TestPeopleEastKeys: the names found get the key of their Latin spelling.
func TestPeopleEastKeys(t *testing.T) {
	for _, c := range []struct{ lang, text, key string }{
		{"zh", "越共中央总书记苏林出席会议。", "to lam"},
		{"ja", "書記長のト・ラム氏が出席した。", "to lam"},
		{"ko", "토람 서기장은 말했다.", "to lam"},
		{"th", "เลขาธิการ โตลัม กับ", "to lam"},
		{"lo", "ເລຂາທິການໃຫຍ່ ໂຕເລິມ ສະແດງ", "to lam"},
	} {
		found := false
		for _, e := range All(c.text, c.lang, Default()...) {
			if e.Type == Person {
				found = true
				if e.Key != c.key {
					t.Errorf("%s %q: key %q, want %q", c.lang, e.Text, e.Key, c.key)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: no person", c.lang, c.text)
		}
	}
}

// BenchmarkExtractEast measures extraction over the real dev articles of the
// scripts without spaces and Korean (skipped when ../shared is absent).
func BenchmarkExtractEast(b *testing.B) {
	var docs []struct{ text, lang string }
	size := 0
	for _, lang := range []string{"zh", "ja", "ko", "th", "lo", "km", "my"} {
		files, _ := filepath.Glob("../../../shared/corpus/dev-more/" + lang + "_*.txt")
		for _, f := range files {
			a, err := corpus.Read(f, 0)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, struct{ text, lang string }{a.Text, lang})
			size += len(a.Text)
		}
	}
	if len(docs) == 0 {
		b.Skip("no dev-more articles")
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			All(d.text, d.lang, Default()...)
		}
	}
}

// FuzzPeopleEast: any text in the scripts without spaces gives sound spans.
func FuzzPeopleEast(f *testing.F) {
	f.Add("越共中央总书记苏林出席会议。", "zh")
	f.Add("グエン・ホン・ハイ氏は・", "ja")
	f.Add("토람 서기장은 (사진: 하이린)", "ko")
	f.Add("เลขาธิการ โตลัม กับ", "th")
	f.Add("ທ່ານ ເຈິ່ນເກິມຕູ", "lo")
	f.Add("សម្តេច ហេង សំរិន", "km")
	f.Add("טו לאם ג'", "he")
	f.Fuzz(func(t *testing.T, text, lang string) {
		text = corpus.Normalize(text)
		checkSpans(t, text, All(text, lang, Default()...))
		for _, w := range nameWords(text) {
			_ = Romanize(w)
		}
	})
}
