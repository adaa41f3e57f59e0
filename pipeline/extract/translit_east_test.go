package extract

import (
	"strings"
	"testing"
)

// TestPersonKeyEveryScript: one person, one key, in every script of the archive.
func TestPersonKeyEveryScript(t *testing.T) {
	cases := []struct {
		want  string
		names []string
	}{
		{"to lam", []string{"To Lam", "Tô Lâm", "ト・ラム", "苏林", "蘇林", "또 럼", "ໂຕເລິມ", "តូ ឡឹម", "טו לאם", "โต ลัม", "โตลัม", "Το Λαμ", "То Лам", "टो लाम", "ٹو لام"}},
		{"pham minh chinh", []string{"Pham Minh Chinh", "Phạm Minh Chính", "范明政", "ファム・ミン・チン", "팜 민 찐", "팜민찐", "Фам Минь Тьинь", "Фам Минь Чинь", "Φαμ Μινχ Τσινχ", "ຟ້າມ ມິງ ຈິ້ງ", "ฝ่าม มิญ จิ๋ญ"}},
		{"nguyen xuan phuc", []string{"Nguyễn Xuân Phúc", "ຫງວຽນ ຊວນ ຟຸກ", "Νγκουγιέν Ξουάν Φουκ"}},
		{"nguyen xuan thang", []string{"Nguyen Xuan Thang", "Нгуен Суан Тханг", "응우옌쑤언탕", "응우옌 쑤언 탕"}},
		{"ho chi minh", []string{"Ho Chi Minh", "胡志明", "ໂຮ່ຈີມິນ"}},
		{"luong cuong", []string{"Luong Cuong", "르엉꾸엉", "เลืองเกื่อง"}},
		{"heng sm rin", []string{"ហេង សំរិន"}}, // Khmer keeps its -eng
		{"tran cam tu", []string{"Tran Cam Tu", "ເຈິ່ນເກິມຕູ", "쩐깜뚜"}},
	}
	for _, c := range cases {
		for _, n := range c.names {
			if got := PersonKey(n); got != c.want {
				t.Errorf("PersonKey(%q) = %q, want %q", n, got, c.want)
			}
		}
	}
	// spellings that differ in their vowels or finals still share the skeleton
	same := [][2]string{
		{"Nguyen Hong Hai", "グエン・ホン・ハイ"},
		{"Duong Van Anh", "ドゥオン・ヴァン・アン"},
		{"Nguyen Hoa Binh", "נגוין הואה בין"},
		{"Phan Van Giang", "פאן ואן ג'יאנג"},
		{"Bui Thi Minh Hoai", "부이티민화아이"},
		{"Tran Thanh Man", "쩐탄만"},
		{"Ngo Chi Cuong", "吴志强"},
		{"Nguyen Van Thanh", "ຫງວຽນ ວັນ ແທງ"},
		{"Tran Thanh Man", "Τραν Τανχ Μαν"},
		{"Do Van Chien", "Ντο Βαν Τσιέν"},
	}
	for _, p := range same {
		if a, b := SkeletonKey(PersonKey(p[0])), SkeletonKey(PersonKey(p[1])); a != b {
			t.Errorf("%q (%q) and %q (%q) differ", p[0], a, p[1], b)
		}
	}
	// two people stay two
	differ := [][2]string{
		{"苏林", "黎明智"}, {"To Lam", "ト・ミン"}, {"Pham Minh Chinh", "팜 반 동"}, {"Tran Thanh Man", "ເຈິ່ນເກິມຕູ"},
	}
	for _, p := range differ {
		if a, b := SkeletonKey(PersonKey(p[0])), SkeletonKey(PersonKey(p[1])); a == b {
			t.Errorf("%q and %q share the skeleton %q", p[0], p[1], a)
		}
	}
}

// TestRomanTables checks each script's table on known words.
func TestRomanTables(t *testing.T) {
	cases := map[string]string{
		// Han, read through Unihan kVietnamese (simplified through traditional)
		"阮": "nguyen", "陈": "tran", "陳": "tran", "黎": "le", "苏": "to", "林": "lam", "明": "minh", "政": "chinh",
		"范": "pham", "胡": "ho", "黄": "hoang", "强": "cuong",
		// Hangul
		"응우옌": "nguyen", "팜": "pham", "또": "to", "럼": "lam", "르엉": "luong", "쑤언": "xuan", "민": "minh",
		// katakana
		"グエン": "nguyen", "ファム": "pham", "ラム": "lam", "ドゥック": "duc", "ヴァン": "van", "ゴック": "ngoc",
		// Thai, Lao, Khmer
		"โต": "to", "ลัม": "lam", "ໂຕ": "to", "ເລິມ": "lam", "ມິນ": "min", "តូ": "to", "ឡឹម": "lam",
		// Hebrew
		"טו": "to", "לאם": "lam", "ואן": "van", "מאן": "man", "לה": "le", "נגוין": "nguin", "טאנה": "tanh", "הואה": "hoa",
	}
	for in, want := range cases {
		if got := Romanize(in); got != want {
			t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
		}
	}
	e := theEast()
	if len(e.han) < 8000 || len(e.hInit) != 19 || len(e.hMed) != 21 || len(e.hFin) != 28 || len(e.kana) < 80 {
		t.Errorf("tables: han %d, hangul %d/%d/%d, kana %d", len(e.han), len(e.hInit), len(e.hMed), len(e.hFin), len(e.kana))
	}
	for _, a := range []*abugida{e.thai, e.lao, e.khmer} {
		if len(a.onset) < 20 || len(a.vowel) < 8 {
			t.Errorf("abugida table too small: %d consonants, %d vowels", len(a.onset), len(a.vowel))
		}
	}
	for _, w := range []string{"", "漢字か", "ㄱ", "a'b"} {
		_ = Romanize(w) // no panic on odd input
	}
	if strings.Contains(Romanize("中"), " ") {
		t.Error("a romanized word holds no space")
	}
}
