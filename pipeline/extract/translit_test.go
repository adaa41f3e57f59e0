package extract

import "testing"

func TestRomanize(t *testing.T) {
	cases := map[string]string{
		"ट्रान": "tran", "गुयेन": "guyen", "मिन्ह": "minh", "थांग": "thang", "वु": "vu", "दाई": "dai",
		"ٹران": "tran", "لام": "lam", "تھانہ": "thanh", "وان": "van",
		"Нгуен": "nguen", "Лам": "lam", "Nguyễn": "nguyen", "Đặng": "dang",
		"Буй": "bui", "Дай": "dai", "Лыонг": "luong", "Кыонг": "kuong", "ثانه": "thanh",
		"Φαμ": "pham", "Μινχ": "minh", "Τσινχ": "chinh", "Λάμ": "lam", "Νγκουγιέν": "nguyen", "Ντουνγκ": "dung",
		"Γκιανγκ": "giang", "Κουόνγκ": "kuong", "Μπιν": "bin",
		"টো": "to", "লাম": "lam", "নগুয়েন": "nguen", "কোয়াং": "koang", "ডুয়ং": "dung", "ভ্যান": "bhyan",
	}
	for in, want := range cases {
		if got := Romanize(in); got != want {
			t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVnSyllable(t *testing.T) {
	for _, s := range []string{"nguyen", "tran", "thang", "minh", "chinh", "khoa", "ngoc", "nok", "to", "lam", "giang", "duong", "huong"} {
		if !vnSyllable(s) {
			t.Errorf("%q is a syllable", s)
		}
	}
	for _, s := range []string{"minister", "gaya", "sakta", "comite", "delegierte", "aur", "sath", "parti"} {
		if vnSyllable(s) {
			t.Errorf("%q is no syllable", s)
		}
	}
}
