package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrNotText is returned for content that is not text in an encoding partynews can
// tell reliably: binary data (NUL bytes, image or archive signatures) or bytes that
// are neither UTF-8, UTF-16 nor plausible Latin-1.
var ErrNotText = errors.New("not text")

// ErrEmpty is returned for a file with no text once whitespace is removed.
var ErrEmpty = errors.New("empty")

// Encoding names how a file's bytes were decoded.
type Encoding string

// The encodings Decode recognises.
const (
	UTF8    Encoding = "utf-8"
	UTF8BOM Encoding = "utf-8-bom"
	UTF16LE Encoding = "utf-16le"
	UTF16BE Encoding = "utf-16be"
	Latin1  Encoding = "latin-1"
)

var binarySignatures = [][]byte{
	[]byte("\x89PNG"), []byte("PK\x03\x04"), []byte("%PDF"), []byte("\xff\xd8\xff"),
	[]byte("GIF8"), []byte("\x1f\x8b"), []byte("\x7fELF"), []byte("BZh"), []byte("7z\xbc\xaf"),
}

// Decode turns a file's bytes into a UTF-8 string. It recognises UTF-8 with or
// without a BOM, UTF-16 with a BOM, UTF-16 without a BOM when the NUL pattern of
// mostly-ASCII text makes it certain, and Latin-1 when invalid UTF-8 has no C1
// control bytes. Anything else wraps ErrNotText with the reason.
func Decode(raw []byte) (string, Encoding, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		if !utf8.Valid(raw) {
			return "", UTF8BOM, fmt.Errorf("%w: invalid UTF-8 after a UTF-8 BOM", ErrNotText)
		}
		return string(raw), UTF8BOM, nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeUTF16(raw[2:], false), UTF16LE, nil
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw[2:], true), UTF16BE, nil
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(raw, sig) {
			return "", "", fmt.Errorf("%w: binary file (signature %q)", ErrNotText, sig)
		}
	}
	if enc, ok := sniffUTF16(raw); ok {
		return decodeUTF16(raw, enc == UTF16BE), enc, nil
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", "", fmt.Errorf("%w: NUL bytes (binary data)", ErrNotText)
	}
	if utf8.Valid(raw) {
		return string(raw), UTF8, nil
	}
	// a file cut inside its last character (read while it was being written)
	if cut := incompleteTail(raw); cut > 0 && utf8.Valid(raw[:len(raw)-cut]) {
		return string(raw[:len(raw)-cut]), UTF8, nil
	}
	if isLatin1(raw) {
		r := make([]rune, len(raw))
		for i, c := range raw {
			r[i] = rune(c)
		}
		return string(r), Latin1, nil
	}
	return "", "", fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrNotText, firstInvalid(raw))
}

// incompleteTail returns how many bytes at the end of b start a UTF-8 sequence
// that the data ends before completing, or 0.
func incompleteTail(b []byte) int {
	for n := 1; n <= 3 && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < 0x80 {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-n:]) {
				return n
			}
			return 0
		}
	}
	return 0
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// sniffUTF16 recognises BOM-less UTF-16 by its high bytes: in text of one script
// (with spaces, digits and punctuation) the high byte of almost every code unit is
// 0x00 or the script's block (0x09 for Devanagari, 0x06 for Arabic …), while the
// low bytes vary, and NUL never stands in the low byte's place.
func sniffUTF16(b []byte) (Encoding, bool) {
	n := len(b)
	if n < 8 || n%2 != 0 {
		return "", false
	}
	if n > 8192 {
		n = 8192
	}
	pairs := n / 2
	check := func(hi, lo int) bool {
		var hist [256]int
		nulLow := 0
		for i := 0; i+1 < n; i += 2 {
			hist[b[i+hi]]++
			if b[i+lo] == 0 {
				nulLow++
			}
		}
		if nulLow*20 > pairs || hist[0]*10 < pairs {
			return false // the high byte must often be NUL (spaces, digits), the low byte rarely
		}
		top := 0
		for v := 1; v < 256; v++ {
			if v >= 0xD8 && v <= 0xDF {
				continue
			}
			top = max(top, hist[v])
		}
		return (hist[0]+top)*100 >= pairs*95
	}
	switch {
	case check(1, 0):
		return UTF16LE, true
	case check(0, 1):
		return UTF16BE, true
	}
	return "", false
}

// isLatin1 accepts invalid UTF-8 as Latin-1 when no byte is a C1 control
// (0x80–0x9F) and high bytes are a minority, as in Western European text.
func isLatin1(b []byte) bool {
	high := 0
	for _, c := range b {
		if c >= 0x80 && c < 0xA0 {
			return false
		}
		if c >= 0xA0 {
			high++
		}
	}
	return high*4 < len(b)
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
