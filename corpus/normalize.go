package corpus

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form of an article's text that every later stage works on
// and every entity offset refers to: NFC, LF line ends, and without the invisible
// characters that only break matching. NBSP and the other fixed-width spaces become
// a plain space; bidi marks and embeddings, zero-width spaces, ZWJ/ZWNJ, soft hyphens
// and stray BOMs are dropped. Control characters other than tab and newline become
// a space so that offsets stay meaningful.
func Normalize(s string) string {
	if needsFold(s) {
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			switch {
			case r == '\r':
				if i < len(s) && s[i] == '\n' {
					continue // CRLF: keep the LF that follows
				}
				b.WriteByte('\n')
			case r == utf8.RuneError && size == 1:
				b.WriteRune(utf8.RuneError)
			case isDropped(r):
			case isSpace(r):
				b.WriteByte(' ')
			case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
				b.WriteByte(' ')
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// isNFC is norm.NFC.IsNormalString, faster: most runes of the archive neither
// combine with the rune before them nor change under NFC ("safe"), and a safe
// rune cuts the text into parts that normalise independently, so only the
// stretches around unsafe runes (a virama, a nukta, a combining accent) are
// handed to the norm package.
func isNFC(s string) bool {
	last, bad := 0, -1 // start of the last safe rune; start of the stretch to check
	for i := 0; i < len(s); {
		size := 1
		safe := s[i] < utf8.RuneSelf
		if !safe {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			safe = nfcSafe(r)
		}
		switch {
		case safe:
			if bad >= 0 {
				if !norm.NFC.IsNormalString(s[bad:i]) {
					return false
				}
				bad = -1
			}
			last = i
		case bad < 0:
			bad = last
		}
		i += size
	}
	return bad < 0 || norm.NFC.IsNormalString(s[bad:])
}

var (
	nfcSafeOnce sync.Once
	nfcSafeBMP  []uint64 // bit r: rune r is safe
)

// nfcSafe reports a rune that starts a new NFC segment (combines with nothing
// before it) and is NFC on its own. Runes outside the BMP count as unsafe.
func nfcSafe(r rune) bool {
	if r >= 1<<16 {
		return false
	}
	nfcSafeOnce.Do(func() {
		nfcSafeBMP = make([]uint64, 1<<16/64)
		for c := range rune(1 << 16) {
			s := string(c)
			if c >= 0xD800 && c <= 0xDFFF {
				continue // surrogates: string(c) is U+FFFD
			}
			if norm.NFC.PropertiesString(s).BoundaryBefore() && norm.NFC.IsNormalString(s) {
				nfcSafeBMP[c/64] |= 1 << (c % 64)
			}
		}
	})
	return nfcSafeBMP[r/64]&(1<<(r%64)) != 0
}

// needsFold reports whether s holds a byte sequence that Normalize changes before NFC.
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return true
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isDropped(r) || isSpace(r) || (r == utf8.RuneError && size == 1) {
				return true
			}
			i += size - 1
		}
	}
	return false
}

// isDropped reports the invisible characters that carry no text.
func isDropped(r rune) bool {
	switch r {
	case 0x00AD, // soft hyphen
		0x200B, 0x200C, 0x200D, // zero-width space, ZWNJ, ZWJ
		0x200E, 0x200F, 0x061C, // LRM, RLM, ALM
		0x2060, 0xFEFF: // word joiner, BOM
		return true
	}
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 // bidi embeddings and isolates
}

// isSpace reports the fixed-width and no-break spaces folded to U+0020.
func isSpace(r rune) bool {
	return r == 0x00A0 || r == 0x1680 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000
}
