package corpus

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind says what a line of an article is.
type Kind uint8

// The kinds of line Parse tells apart.
const (
	Body    Kind = iota // a paragraph of the article
	Lead                // the first non-empty line
	Caption             // a photo caption ("… - तस्वीर: QH")
	Byline              // the author or unit before the source line
	Source              // "स्रोत", "Source: https://…"
	Comment             // the comment counter, "टिप्पणी (0)"
)

var kindNames = [...]string{"body", "lead", "caption", "byline", "source", "comment"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Line is one non-empty line of an article: its kind and its byte span in Text.
type Line struct {
	Kind       Kind
	Start, End int
}

// Article is one parsed article file. All offsets are byte offsets into Text, the
// normalised text.
type Article struct {
	Path      string
	Text      string
	Encoding  Encoding
	Lines     []Line
	SourceURL string
}

// Of returns the text of the first line of kind k, or "".
func (a *Article) Of(k Kind) string {
	for _, l := range a.Lines {
		if l.Kind == k {
			return a.Text[l.Start:l.End]
		}
	}
	return ""
}

// Lead returns the first non-empty line.
func (a *Article) Lead() string { return a.Of(Lead) }

// Byline returns the byline, or "".
func (a *Article) Byline() string { return a.Of(Byline) }

// Join returns the lines of the given kinds joined by newlines.
func (a *Article) Join(kinds ...Kind) string {
	var want [8]bool // by Kind; a Kind beyond it matches no line
	for _, k := range kinds {
		if int(k) < len(want) {
			want[k] = true
		}
	}
	// size the result first: growing a builder line by line copied the
	// text over and over
	n, only := 0, -1
	for i, l := range a.Lines {
		if int(l.Kind) < len(want) && want[l.Kind] {
			if n > 0 {
				n++
			}
			n += l.End - l.Start
			if only == -1 {
				only = i
			} else {
				only = -2
			}
		}
	}
	if only >= 0 && n > 0 { // one line: a slice of the text, no copy
		l := a.Lines[only]
		return a.Text[l.Start:l.End]
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range a.Lines {
		if int(l.Kind) < len(want) && want[l.Kind] {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(a.Text[l.Start:l.End])
		}
	}
	return b.String()
}

// Content returns the article's text without its footer: lead, body and captions.
func (a *Article) Content() string { return a.Join(Lead, Body, Caption) }

//go:embed footer.txt
var footerData string

// footer is read at first use, not in init: a process that parses no article
// does not pay for it.
var footer = sync.OnceValue(func() footerWords { return loadFooter(footerData) })

type footerWords struct {
	comment, source, photo map[string]bool
}

func loadFooter(data string) footerWords {
	f := footerWords{map[string]bool{}, map[string]bool{}, map[string]bool{}}
	var cur map[string]bool
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[comment]":
			cur = f.comment
		case line == "[source]":
			cur = f.source
		case line == "[photo]":
			cur = f.photo
		case cur != nil:
			cur[strings.ToLower(line)] = true
		}
	}
	return f
}

// Parse splits normalised text into lines and tells lead, body, captions and the
// footer (byline, source line and URL, comment counter) apart.
func Parse(path, text string) *Article {
	a := &Article{Path: path, Text: text}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := trimSpan(text, start, end)
		if s < e {
			a.Lines = append(a.Lines, Line{Kind: Body, Start: s, End: e})
		}
		start = end + 1
	}
	if len(a.Lines) == 0 {
		return a
	}
	// The footer, from the end: comment counter, then source line(s), then a byline.
	n := len(a.Lines)
	if n > 1 && isCommentLine(a.line(n-1)) {
		a.Lines[n-1].Kind = Comment
		n--
	}
	for n > 1 {
		ok, url := sourceLine(a.line(n - 1))
		if !ok {
			break
		}
		a.Lines[n-1].Kind = Source
		if url != "" {
			a.SourceURL = url
		}
		n--
	}
	sawSource := n < len(a.Lines) && a.Lines[n].Kind == Source
	if sawSource && n > 1 && isByline(a.line(n-1)) {
		a.Lines[n-1].Kind = Byline
		n--
	}
	for i := 0; i < n; i++ {
		if isCaption(a.line(i)) {
			a.Lines[i].Kind = Caption
		}
	}
	a.Lines[0].Kind = Lead
	return a
}

func (a *Article) line(i int) string { return a.Text[a.Lines[i].Start:a.Lines[i].End] }

func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// maxFooterWord bounds the bytes of a footer word ("Comment", "स्रोत"): longer
// lines are body text and are not lower-cased to find out.
const maxFooterWord = 64

// isCommentLine recognises "Comment (0)", "टिप्पणी (12)" and a bare "تبصرہ".
func isCommentLine(s string) bool {
	word := s
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		if !allDigits(s[i+1 : len(s)-1]) {
			return false
		}
		word = strings.TrimSpace(s[:i])
	}
	return len(word) <= maxFooterWord && footer().comment[strings.ToLower(word)]
}

// sourceLine recognises "Source", "Source: https://…", "स्रोत https://…" and a bare URL
// directly after a source word; it returns the URL when there is one.
func sourceLine(s string) (bool, string) {
	word, rest := s, ""
	if i, j := strings.IndexAny(s, ":："), strings.Index(s, " http"); j > 0 && (i < 0 || j < i) {
		word, rest = strings.TrimSpace(s[:j]), strings.TrimSpace(s[j:]) // "स्रोत https://…"
	} else if i > 0 {
		word, rest = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(":"):])
		if strings.HasPrefix(s[i:], "：") {
			rest = strings.TrimSpace(s[i+len("："):])
		}
	}
	if len(word) > maxFooterWord || !footer().source[strings.ToLower(word)] {
		return false, ""
	}
	if rest == "" {
		return true, ""
	}
	url, ok := repairURL(rest)
	if !ok {
		return false, ""
	}
	return true, url
}

func isURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && strings.IndexFunc(s, unicode.IsSpace) < 0
}

// maxURLPieces bounds the pieces a broken URL is mended from.
const maxURLPieces = 8

// repairURL returns s as a URL: as it is, or mended when the translation broke
// it with spaces ("https://nhandan.vn/ video -dai-hoi-…" is
// "https://nhandan.vn/video-dai-hoi-…"). Mended only when every piece is made
// of URL characters (ASCII letters, digits, -._~:/?#[]@!$&'()*+,;=%) and there
// are at most maxURLPieces: a URL followed by words of a sentence is no URL.
func repairURL(s string) (string, bool) {
	if isURL(s) {
		return s, true
	}
	if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
		return "", false
	}
	pieces := strings.Fields(s)
	if len(pieces) > maxURLPieces {
		return "", false
	}
	for _, p := range pieces {
		for i := 0; i < len(p); i++ {
			if !isURLByte(p[i]) {
				return "", false
			}
		}
	}
	return strings.Join(pieces, ""), true
}

func isURLByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' ||
		strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", b) >= 0
}

// isByline accepts a short line without sentence punctuation at its end: an
// author, a unit, or "Title - Author".
func isByline(s string) bool {
	if utf8.RuneCountInString(s) > 80 || len(strings.Fields(s)) > 10 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:;।۔؟。", r)
}

// isCaption recognises a line that ends with a photo credit — "… - Photo: VNA",
// "… (Foto: VGP/Nhat Bac)", "… तस्वीर: QH" — or is one ("FOTO: NHAT THINH"), or
// ends in a numbered photo label ("… - 사진 1.").
func isCaption(s string) bool {
	if len(s) > 600 && utf8.RuneCountInString(s) > 600 {
		return false
	}
	t := strings.TrimRight(s, " .|)")
	// the credit stands at the end: look at the last 160 bytes only
	if len(t) > 160 {
		cut := len(t) - 160
		for cut < len(t) && !utf8.RuneStart(t[cut]) {
			cut++
		}
		t = t[cut:]
	}
	// look at the last few words before a colon
	for i := len(t); i > 0; {
		j := max(strings.LastIndexByte(t[:i], ':'), strings.LastIndex(t[:i], "："))
		if j < 0 {
			break
		}
		before := strings.TrimRight(t[:j], " ")
		w := lastWord(before)
		if footer().photo[strings.ToLower(w)] {
			credit := t[j+1:]
			return utf8.RuneCountInString(credit) <= 60
		}
		i = j
		if len(t)-j > 80 {
			break
		}
	}
	// "… - 사진 1."
	if k := strings.LastIndex(t, " - "); k >= 0 {
		f := strings.Fields(t[k+3:])
		if len(f) == 2 && footer().photo[strings.ToLower(f[0])] && allDigits(f[1]) {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '-' || r == '|' })
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
