package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Footer and caption lines as the archive writes them, one or more per language
// of the dev set (copied from real articles).
var footerCases = []struct {
	lang, line string
	kind       Kind
}{
	{"hi", "टिप्पणी (0)", Comment},
	{"ur", "تبصرہ (0)", Comment},
	{"ur", "تبصرہ", Comment},
	{"en", "Comment (0)", Comment},
	{"fr", "Comment (0)", Comment},
	{"cs", "Komentář (0)", Comment},
	{"el", "Σχόλιο (0)", Comment},
	{"id", "Komentar (0)", Comment},
	{"ja", "コメント (0)", Comment},
	{"ms", "Komen (0)", Comment},
	{"ro", "Comentariu (0)", Comment},
	{"sv", "Kommentar (0)", Comment},
	{"tr", "Yorum (0)", Comment},
	{"ar", "تعليق (0)", Comment},
	{"bn", "মন্তব্য (0)", Comment},
	{"de", "Kommentar (0)", Comment},
	{"es", "Comentario (0)", Comment},
	{"fa", "نظر (0)", Comment},
	{"he", "תגובה (0)", Comment},
	{"hu", "Hozzászólás (0)", Comment},
	{"km", "មតិ (0)", Comment},
	{"ko", "댓글 (0)", Comment},
	{"lo", "ຄຳເຫັນ (0)", Comment},
	{"nl", "Reactie (0)", Comment},
	{"no", "Kommentar (0)", Comment},
	{"pl", "Komentarz (0)", Comment},
	{"pt", "Comentário (0)", Comment},
	{"ru", "Комментарий (0)", Comment},
	{"th", "ความคิดเห็น (0)", Comment},
	{"uk", "Коментар (0)", Comment},
	{"hi", "स्रोत", Source},
	{"hi", "स्रोत: https://baoquangninh.vn/x.html", Source},
	{"ur", "ماخذ", Source},
	{"ur", "ماخذ: https://huengaynay.vn/chinh-tri-xa-hoi/x-159953.html", Source},
	{"en", "Source", Source},
	{"ms", "Sumber", Source},
	{"vi", "Nguồn", Source},
}

func TestFooter(t *testing.T) {
	for _, c := range footerCases {
		text := "पहली पंक्ति।\nदूसरी पंक्ति।\n" + c.line + "\n"
		if c.kind == Source {
			text += "Comment (0)\n"
		}
		a := Parse("x.txt", Normalize(text))
		found := false
		for _, l := range a.Lines {
			if a.Text[l.Start:l.End] == c.line {
				found = true
				if l.Kind != c.kind {
					t.Errorf("%s %q: kind %v, want %v", c.lang, c.line, l.Kind, c.kind)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: line not found", c.lang, c.line)
		}
	}
}

func TestSourceURLAndByline(t *testing.T) {
	text := "लीड पंक्ति।\nशरीर।\nअनुग्रह और धार्मिकता - ट्रुओंग गियांग\nस्रोत: https://example.vn/a.html\nटिप्पणी (0)"
	a := Parse("x.txt", text)
	if got := a.SourceURL; got != "https://example.vn/a.html" {
		t.Errorf("source url %q", got)
	}
	if got := a.Byline(); got != "अनुग्रह और धार्मिकता - ट्रुओंग गियांग" {
		t.Errorf("byline %q", got)
	}
	if got := a.Lead(); got != "लीड पंक्ति।" {
		t.Errorf("lead %q", got)
	}
	if strings.Contains(a.Content(), "टिप्पणी") || strings.Contains(a.Content(), "स्रोत") {
		t.Errorf("footer leaked into content: %q", a.Content())
	}
}

// A source URL the translation broke with spaces is mended where it is read
// (source:nhandan must find it); a URL followed by words is not a source line.
func TestSourceURLRepair(t *testing.T) {
	tests := []struct{ line, url string }{
		{"Source: https://example.vn/a.html", "https://example.vn/a.html"},
		{"Джерело: https://example.vn/ video -dai-hoi-x-post9", "https://example.vn/video-dai-hoi-x-post9"},
		{"Sumber: https://example.vn/tin -tuc/ a-b.html", "https://example.vn/tin-tuc/a-b.html"},
		{"स्रोत https://example.vn/a -b", "https://example.vn/a-b"},
		{"Source:", ""},
	}
	for _, tc := range tests {
		a := Parse("x.txt", "Lead line.\nBody.\n"+tc.line)
		if a.SourceURL != tc.url {
			t.Errorf("%q: source url %q, want %q", tc.line, a.SourceURL, tc.url)
		}
		if last := a.Lines[len(a.Lines)-1]; last.Kind != Source {
			t.Errorf("%q: kind %v, want source", tc.line, last.Kind)
		}
	}
	for _, bad := range []string{
		"Source: https://example.vn/ is where the article was first published in Vietnamese",
		"Source: https://example.vn/ स्रोत",
		"Source: ftp://example.vn/a b",
	} {
		a := Parse("x.txt", "Lead line.\nBody.\n"+bad)
		if a.SourceURL != "" {
			t.Errorf("%q: source url %q, want none", bad, a.SourceURL)
		}
	}
}

var captionCases = []struct {
	line    string
	caption bool
}{
	{"کانفرنس کا جائزہ - تصویر: کیو ایچ", true},
	{"مسٹر ٹرونگ ہوا بن - تصویر: نیشنل اسمبلی میڈیا", true},
	{"Dang Quang کانفرنس سے خطاب کر رہے ہیں - تصویر: QH", true},
	{"O secretário-geral To Lam discursa. (Foto: Thong Nhat/VNA)", true},
	{"Καταληκτική συνεδρίαση του 14ου Κεντρικού Συνεδρίου (Φωτογραφία: Pham Thang).", true},
	{"ประธานรัฐสภา นาย Tran Thanh Man นำเสนอหัวข้อเรื่อง (ภาพ: Phuong Hoa/VNA)", true},
	{"FOTO: NHAT THINH", true},
	{"당 제14차 전국대표대회 개막식 전경 - 사진 2.", true},
	{"речью на 13-й Центральной конференции (Фото: Фам Тханг).", true},
	{"ن وראשי משרדים בראשות מסיבת העיתונאים - צילום: VGP/Nguyen Hoang.", true},
	// a sentence that uses the word without a credit is not a caption
	{"طنی اور گہرے فخر کے جذبے کی ایک خوبصورت تصویر بنائی۔", false},
	{"Die Delegierten: Nong Duc Manh, Pham Minh Chinh.", false},
}

func TestCaption(t *testing.T) {
	for _, c := range captionCases {
		if got := isCaption(c.line); got != c.caption {
			t.Errorf("isCaption(%q) = %v, want %v", c.line, got, c.caption)
		}
	}
}

// Every dev article parses: the comment counter, when the file ends with one, is
// recognised in every language, and lead and content are never empty.
func TestParseDevCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/dev/*/*.txt")
	if len(files) == 0 {
		t.Skip("no dev corpus")
	}
	for _, f := range files {
		a, err := Read(f, 0)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if a.Lead() == "" {
			t.Errorf("%s: no lead", f)
		}
		last := a.Lines[len(a.Lines)-1]
		line := a.Text[last.Start:last.End]
		if strings.HasSuffix(line, "(0)") && last.Kind != Comment {
			t.Errorf("%s: last line %q is %v, want comment", f, line, last.Kind)
		}
		for _, l := range a.Lines {
			if l.Kind == Source && strings.Contains(a.Text[l.Start:l.End], "://") && a.SourceURL == "" {
				t.Errorf("%s: source line %q with a URL, but no source URL", f, a.Text[l.Start:l.End])
			}
		}
	}
}

func TestSeedsParse(t *testing.T) {
	files, _ := filepath.Glob("sample/*.txt")
	if len(files) != 5 {
		t.Fatalf("sample: %d files", len(files))
	}
	for _, f := range files {
		a, err := Read(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[Kind]int{}
		for _, l := range a.Lines {
			kinds[l.Kind]++
		}
		if kinds[Comment] != 1 || kinds[Source] != 1 || kinds[Lead] != 1 {
			t.Errorf("%s: kinds %v, want one lead, source and comment line", f, kinds)
		}
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\r\nb\rc", "a\nb\nc"},
		{"18\u00a0NQ", "18 NQ"},
		{"\u200fکانفرنس\u200e", "کانفرنس"},
		{"क्\u200dष", "क्ष"},
		{"e\u0301", "é"},
		{"\ufeffstart", "start"},
		{"nul\x00byte", "nul byte"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range footerCases {
		f.Add([]byte("lead\n" + c.line))
	}
	if b, err := os.ReadFile("sample/002_4e6e12375f920a87.txt"); err == nil {
		f.Add(b)
	}
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := ParseBytes("f.txt", raw)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("invalid UTF-8 text")
		}
		prev := 0
		for _, l := range a.Lines {
			if l.Start < prev || l.End < l.Start || l.End > len(a.Text) {
				t.Fatalf("bad line span %v in %d bytes", l, len(a.Text))
			}
			prev = l.End
		}
		_ = a.Content()
	})
}

// repairURL never panics, and a URL it returns has no space and keeps its scheme.
func FuzzRepairURL(f *testing.F) {
	for _, s := range []string{"https://example.vn/ video -dai-hoi-x-post9", "https://a.vn/x", "http:// ", "https://ä ö", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := repairURL(s)
		if !ok {
			return
		}
		if strings.ContainsAny(u, " \t\n") || !strings.HasPrefix(u, "http") {
			t.Errorf("repairURL(%q) = %q", s, u)
		}
	})
}

// joinSlow is Join as it was written first, the reference for TestJoin.
func joinSlow(a *Article, kinds ...Kind) string {
	var b strings.Builder
	for _, l := range a.Lines {
		for _, k := range kinds {
			if l.Kind == k {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(a.Text[l.Start:l.End])
				break
			}
		}
	}
	return b.String()
}

func TestJoin(t *testing.T) {
	a := &Article{Text: "Lead line\nfirst para\n\nsecond para\nA photo - Photo: X\nBy Someone",
		Lines: []Line{{Lead, 0, 9}, {Body, 10, 20}, {Body, 22, 33}, {Caption, 34, 52}, {Byline, 53, 62}, {Body, 5, 5}}}
	for _, kinds := range [][]Kind{
		nil, {Lead}, {Body}, {Caption}, {Byline}, {Source}, {Lead, Body, Caption},
		{Caption, Lead}, {Body, Body}, {Kind(200)}, {Lead, Kind(9)},
	} {
		if got, want := a.Join(kinds...), joinSlow(a, kinds...); got != want {
			t.Errorf("Join(%v) = %q, want %q", kinds, got, want)
		}
	}
	empty := &Article{}
	if got := empty.Join(Body); got != "" {
		t.Errorf("Join on no lines = %q", got)
	}
}
