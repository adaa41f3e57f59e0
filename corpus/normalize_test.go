package corpus

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestIsNFCMatchesNorm(t *testing.T) {
	// every BMP rune alone and between neighbours it may combine or reorder with
	around := []string{"", "e", "क", "ᄀ", "\u0301", "\u093c", "\u0b47"}
	for r := rune(0); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, before := range around {
			for _, after := range []string{"", "\u0301", "\u093c", "\u0b3e", "\u1161", "\u0316"} {
				s := before + string(r) + after
				if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
					t.Fatalf("isNFC(%+q) = %v, want %v", s, got, want)
				}
			}
		}
	}
	for _, s := range []string{
		"प्रधानमंत्री फाम मिन्ह चिन्ह ने क़ानून", "क\u093cानून", "Tổng Bí thư Tô Lâm", "To\u0302\u0301ng", "\U0001d15e\U0001d165",
	} {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%+q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsNFC(f *testing.F) {
	f.Add("Tổng Bí thư Tô Lâm")
	f.Add("क\u093cानून e\u0301 \u0323\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Normalize replaces invalid bytes before this check
		}
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Fatalf("isNFC(%+q) = %v, want %v", s, got, want)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	texts, size := benchTexts(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			Normalize(s)
		}
	}
}

// BenchmarkIsNFC compares the NFC check with the norm package's own.
func BenchmarkIsNFC(b *testing.B) {
	texts, size := benchTexts(b)
	for _, bc := range []struct {
		name string
		fn   func(string) bool
	}{{"norm", norm.NFC.IsNormalString}, {"isNFC", isNFC}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				for _, s := range texts {
					bc.fn(s)
				}
			}
		})
	}
}

// BenchmarkParseBytes is the read+parse stage without the disk: decode,
// normalise and split the real articles into lines.
func BenchmarkParseBytes(b *testing.B) {
	raws, size := benchRaw(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, raw := range raws {
			if _, err := ParseBytes("x.txt", raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// benchRaw reads the real articles: the embedded sample, and the shared dev
// excerpts when present.
func benchRaw(b *testing.B) ([][]byte, int) {
	files, _ := filepath.Glob("../../shared/corpus/dev/*/*.txt")
	seeds, _ := filepath.Glob("sample/*.txt")
	var raws [][]byte
	size := 0
	for _, f := range append(files, seeds...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += len(raw)
	}
	return raws, size
}

func benchTexts(b *testing.B) ([]string, int) {
	raws, size := benchRaw(b)
	texts := make([]string, len(raws))
	for i, raw := range raws {
		texts[i], _, _ = Decode(raw)
	}
	return texts, size
}
