package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// uaxBenchTexts are a paragraph in each of some of the corpus's languages, of our own.
var uaxBenchTexts = []struct{ lang, text string }{
	{"en", "On the morning of January 20, 2026, the 14th National Congress of the Communist Party of Vietnam opened at the National Convention Center in Hanoi; it's the Party's 14th congress, with 1,586 delegates."},
	{"fr", "Le matin du 20 janvier 2026, le 14e Congrès national du Parti communiste du Vietnam s’est ouvert au Centre national des congrès à Hanoï, en présence de 1 586 délégués."},
	{"hi", "20 जनवरी 2026 की सुबह, वियतनाम की कम्युनिस्ट पार्टी की 14वीं राष्ट्रीय कांग्रेस हनोई के राष्ट्रीय सम्मेलन केंद्र में शुरू हुई, जिसमें 1,586 प्रतिनिधि उपस्थित थे।"},
	{"ur", "20 جنوری 2026 کی صبح، ویتنام کی کمیونسٹ پارٹی کی 14ویں قومی کانگریس ہنوئی کے قومی کنونشن سینٹر میں شروع ہوئی، جس میں 1,586 مندوبین شریک تھے۔"},
	{"th", "เช้าวันที่ 20 มกราคม 2569 การประชุมใหญ่ผู้แทนพรรคคอมมิวนิสต์เวียดนามทั่วประเทศ ครั้งที่ 14 ได้เปิดขึ้นที่ศูนย์การประชุมแห่งชาติ กรุงฮานอย โดยมีผู้แทน 1,586 คน"},
	{"zh", "2026年1月20日上午，越南共产党第十四次全国代表大会在河内国家会议中心开幕，1586名代表出席。"},
	{"ko", "2026년 1월 20일 오전, 베트남 공산당 제14차 전국대표대회가 하노이 국립컨벤션센터에서 개막했으며 대표 1,586명이 참석했습니다."},
	{"ru", "Утром 20 января 2026 года в Национальном конференц-центре в Ханое открылся XIV съезд Коммунистической партии Вьетнама, в котором участвуют 1586 делегатов."},
}

type benchArticle struct {
	lang string
	text []byte
}

// benchArticles are the articles of ../shared/corpus when present, else
// uaxBenchTexts, each ten times over.
func benchArticles(b testing.TB) []benchArticle {
	var out []benchArticle
	for _, f := range recallFilesOrNone() {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		lang, _, _ := strings.Cut(filepath.Base(f), "_")
		if filepath.Base(filepath.Dir(filepath.Dir(f))) == "dev" {
			lang = filepath.Base(filepath.Dir(f))
		}
		out = append(out, benchArticle{lang, t})
	}
	if len(out) == 0 {
		for _, t := range uaxBenchTexts {
			out = append(out, benchArticle{t.lang, []byte(strings.Repeat(t.text+"\n", 10))})
		}
	}
	return out
}

func benchBytes(arts []benchArticle) int64 {
	n := 0
	for _, a := range arts {
		n += len(a.text)
	}
	return int64(n)
}

// bleveTokenizer is Tokenizer on bleve's unicode tokenizer, as it was.
type bleveTokenizer struct{}

func (bleveTokenizer) Tokenize(in []byte) analysis.TokenStream {
	return tokenizeFrom(in, uaxTokenizer.Tokenize(in))
}

// BenchmarkTokenizer compares bleve's unicode tokenizer with uaxTokenize, alone
// and under Tokenizer, on every article of the corpus (or uaxBenchTexts).
func BenchmarkTokenizer(b *testing.B) {
	arts := benchArticles(b)
	for _, c := range []struct {
		name string
		tok  analysis.Tokenizer
	}{
		{"uax/tok=bleve", uaxTokenizer},
		{"uax/tok=ours", uaxFunc(uaxTokenize)},
		{"Tokenizer/tok=bleve", bleveTokenizer{}},
		{"Tokenizer/tok=ours", Tokenizer{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(benchBytes(arts))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, a := range arts {
					c.tok.Tokenize(a.text)
				}
			}
		})
	}
}

type uaxFunc func([]byte) analysis.TokenStream

func (f uaxFunc) Tokenize(in []byte) analysis.TokenStream { return f(in) }

// BenchmarkAnalyzers runs every article through its language's analyzer, on
// Tokenizer as it was (bleve) and as it is (ours).
func BenchmarkAnalyzers(b *testing.B) {
	arts := benchArticles(b)
	cache := registry.NewCache()
	ours := map[string]analysis.Analyzer{}
	old := map[string]analysis.Analyzer{}
	for _, a := range arts {
		if ours[a.lang] != nil {
			continue
		}
		an, err := cache.AnalyzerNamed(AnalyzerName(a.lang))
		if err != nil {
			b.Fatal(err)
		}
		da := an.(*analysis.DefaultAnalyzer)
		ours[a.lang] = da
		o := *da
		o.Tokenizer = bleveTokenizer{}
		old[a.lang] = &o
	}
	for _, c := range []struct {
		name string
		an   map[string]analysis.Analyzer
	}{{"tok=bleve", old}, {"tok=ours", ours}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(benchBytes(arts))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, a := range arts {
					c.an[a.lang].Analyze(a.text)
				}
			}
		})
	}
}
