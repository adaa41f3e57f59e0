package corpus

import (
	"errors"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	if bom {
		if bigEndian {
			out = append(out, 0xFE, 0xFF)
		} else {
			out = append(out, 0xFF, 0xFE)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode(t *testing.T) {
	text := "28 दिसंबर को, 18-NQ/TW (2025)\nComment (0)"
	cases := []struct {
		name string
		raw  []byte
		want string
		enc  Encoding
		err  error
	}{
		{"utf8", []byte(text), text, UTF8, nil},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, text...), text, UTF8BOM, nil},
		{"utf16le bom", utf16Bytes(text, false, true), text, UTF16LE, nil},
		{"utf16be bom", utf16Bytes(text, true, true), text, UTF16BE, nil},
		{"utf16le no bom", utf16Bytes("Resolution 18-NQ/TW of 25 October 2017", false, false), "Resolution 18-NQ/TW of 25 October 2017", UTF16LE, nil},
		{"utf16le no bom, Hindi", utf16Bytes("28 दिसंबर को, 18-NQ/TW (2025) सम्मेलन", false, false), "28 दिसंबर को, 18-NQ/TW (2025) सम्मेलन", UTF16LE, nil},
		{"utf16be no bom, Urdu", utf16Bytes("12 جنوری کو کانفرنس 2024", true, false), "12 جنوری کو کانفرنس 2024", UTF16BE, nil},
		{"latin-1", []byte("R\xe9solution n\xb0 18"), "Résolution n° 18", Latin1, nil},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", "", ErrNotText},
		{"zip", []byte("PK\x03\x04\x14\x00"), "", "", ErrNotText},
		{"nul", []byte("abc\x00def"), "", "", ErrNotText},
		{"c1 controls", []byte("abc\x81\x82def"), "", "", ErrNotText},
		{"cut inside its last letter", []byte("सम्मेलन")[:len("सम्मेलन")-1], "सम्मेल", UTF8, nil},
	}
	for _, c := range cases {
		got, enc, err := Decode(c.raw)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("%s: err %v, want %v", c.name, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want || enc != c.enc {
			t.Errorf("%s: got %q %s %v, want %q %s", c.name, got, enc, err, c.want, c.enc)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add(utf16Bytes("héllo", false, true))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xff})
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, _, err := Decode(raw)
		if err == nil {
			_ = Normalize(s)
		}
	})
}
