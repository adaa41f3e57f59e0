package search

import (
	"sort"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/partynews/partynews/digits"
	"github.com/partynews/partynews/index"
)

// Snippet is a short passage of an article around the query's words.
type Snippet struct {
	Text  string   // the passage, cut on grapheme boundaries
	Marks [][2]int // byte spans in Text of the matched words
}

// Highlight returns Text with every mark wrapped in open and close.
func (s Snippet) Highlight(open, close string) string {
	var b strings.Builder
	last := 0
	for _, m := range s.Marks {
		b.WriteString(s.Text[last:m[0]])
		b.WriteString(open)
		b.WriteString(s.Text[m[0]:m[1]])
		b.WriteString(close)
		last = m[1]
	}
	b.WriteString(s.Text[last:])
	return b.String()
}

// MakeSnippet picks the passage of about width bytes of the document's lead and
// body with the most words that match the query texts under the document's
// analyzer (so सम्मेलनों marks सम्मेलन), or the start of the body when none match.
//
// Entity spans (byte offsets into doc.Text, the entities a field query matched)
// are marked too.
func MakeSnippet(doc *index.Document, queries []string, spans [][2]int, width int) Snippet {
	text := doc.Text
	an := index.Analyzer(doc.Lang)
	want := map[string]bool{}
	for _, q := range queries {
		for _, t := range an.Analyze([]byte(q)) {
			want[string(t.Term)] = true
		}
	}
	var hits [][2]int
	if len(want) > 0 {
		// analyse only the paragraphs that may hold a match: those containing the
		// first letters of a query word (an inflected word keeps its start)
		var probes []string
		for _, q := range queries {
			for _, w := range strings.Fields(q) {
				probes = append(probes, probe(digits.Fold(w)))
			}
		}
		for off := 0; off < len(text); {
			end := strings.IndexByte(text[off:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += off
			}
			para := text[off:end]
			if len(hits) < 4 && mayMatch(para, probes) {
				for _, t := range an.Analyze([]byte(para)) {
					if want[string(t.Term)] {
						s, e := off+t.Start, off+t.End
						if n := len(hits); n > 0 && hits[n-1][1] > s {
							continue // overlapping bigrams of one word
						}
						hits = append(hits, [2]int{s, e})
					}
				}
			}
			off = end + 1
		}
	}
	if len(spans) > 0 {
		hits = append(hits, spans...)
		sort.Slice(hits, func(i, j int) bool { return hits[i][0] < hits[j][0] })
		merged := hits[:0]
		for _, h := range hits {
			if n := len(merged); n > 0 && h[0] < merged[n-1][1] {
				merged[n-1][1] = max(merged[n-1][1], h[1])
				continue
			}
			merged = append(merged, h)
		}
		hits = merged
	}
	// the window start (a hit) that covers most hits
	best, bestN := 0, 0
	for i := range hits {
		n := 0
		for j := i; j < len(hits) && hits[j][1]-hits[i][0] <= width; j++ {
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	start, end := 0, min(len(text), width)
	if bestN > 0 {
		start = max(0, hits[best][0]-width/4)
		end = min(len(text), start+width)
	}
	start, end = wordBounds(text, start, end)
	start, end = graphemeBounds(text, start, end)
	s := Snippet{Text: text[start:end]}
	for _, h := range hits {
		if h[0] >= start && h[1] <= end {
			s.Marks = append(s.Marks, [2]int{h[0] - start, h[1] - start})
		}
	}
	// newlines become spaces: a snippet is one line
	s.Text = strings.ReplaceAll(s.Text, "\n", " ")
	if start > 0 {
		s.Text = "…" + s.Text
		for i := range s.Marks {
			s.Marks[i][0] += len("…")
			s.Marks[i][1] += len("…")
		}
	}
	if end < len(text) {
		s.Text += "…"
	}
	return s
}

// graphemeBounds moves start and end inward to grapheme cluster boundaries, so
// no letter loses its vowel signs or marks.
func graphemeBounds(text string, start, end int) (int, int) {
	g := uniseg.NewGraphemes(text)
	s, e := -1, 0
	for g.Next() {
		from, to := g.Positions()
		if s < 0 && from >= start {
			s = from
		}
		if to <= end {
			e = to
		} else {
			break
		}
	}
	if s < 0 || s > e {
		return start, start
	}
	return s, e
}

// wordBounds moves start back to the beginning of its word and end back to the
// end of the last whole word, when a space is near (scripts written without
// spaces keep the byte bounds, refined by graphemeBounds).
func wordBounds(text string, start, end int) (int, int) {
	const reach = 40
	if start > 0 {
		lo := max(0, start-reach)
		if i := strings.LastIndexAny(text[lo:start], " \n"); i >= 0 {
			start = lo + i + 1
		} else if start-reach <= 0 {
			start = 0
		}
	}
	if end < len(text) {
		lo := max(start, end-reach)
		if i := strings.LastIndexAny(text[lo:end], " \n"); i >= 0 {
			end = lo + i
		}
	}
	return start, end
}

// probe is the start of a query word that its inflected forms share: its first
// three letters (in Arabic script, where letter variants fold later, any letter
// may differ; then the probe is empty and every paragraph is analysed).
func probe(w string) string {
	w = strings.ToLower(w)
	n := 0
	for i, r := range w {
		if r >= 0x0600 && r <= 0x06FF {
			return ""
		}
		if n == 3 {
			return w[:i]
		}
		n++
	}
	return w
}

func mayMatch(para string, probes []string) bool {
	lower := ""
	for _, p := range probes {
		if p == "" {
			return true
		}
		if strings.Contains(para, p) {
			return true
		}
		if lower == "" {
			lower = strings.ToLower(digits.Fold(para))
		}
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}
