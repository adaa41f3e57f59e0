// Package gencorpus makes large realistic corpora for benchmarks from real
// articles: every generated article is in one language and is made of that
// language's real paragraphs, with a real footer, at a realistic size.
package gencorpus

import (
	"fmt"
	"io/fs"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Source is a set of real articles and the language of each.
type Source struct {
	paras   map[string][]string // language → paragraphs
	footers map[string][]string // language → footer blocks
	weight  map[string]int      // language → number of source articles
}

// NewSource returns an empty source.
func NewSource() *Source {
	return &Source{paras: map[string][]string{}, footers: map[string][]string{}, weight: map[string]int{}}
}

// Add takes one article's text in lang: its lines become paragraphs, its short
// last lines a footer.
func (s *Source) Add(lang, text string) {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	n := len(lines)
	foot := n
	for foot > 1 && n-foot < 3 && len(lines[foot-1]) < 48 {
		foot--
	}
	if foot < n {
		s.footers[lang] = append(s.footers[lang], strings.Join(lines[foot:], "\n"))
	}
	s.paras[lang] = append(s.paras[lang], lines[:foot]...)
	s.weight[lang]++
}

// AddFS adds every *.txt file of fsys, with the language of its folder (dev/hi/1.txt)
// or, at the top, def.
func (s *Source) AddFS(fsys fs.FS, def string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		lang := def
		if dir := filepath.Base(filepath.Dir(p)); dir != "." {
			lang = dir
		}
		if lang == "" {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		s.Add(lang, string(b))
		return nil
	})
}

// Languages returns the source's languages.
func (s *Source) Languages() []string {
	var out []string
	for l := range s.paras {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Write makes n articles under out (1,000 per folder: out/0000/000000.txt),
// deterministically for seed, and returns their total size in bytes.
func (s *Source) Write(out string, n int, seed int64) (int64, error) {
	langs := s.Languages()
	if len(langs) == 0 {
		return 0, fmt.Errorf("gencorpus: no source articles")
	}
	total := 0
	for _, l := range langs {
		total += s.weight[l]
	}
	rng := rand.New(rand.NewSource(seed))
	var bytes int64
	for i := 0; i < n; i++ {
		pick := rng.Intn(total)
		lang := langs[0]
		for _, l := range langs {
			if pick < s.weight[l] {
				lang = l
				break
			}
			pick -= s.weight[l]
		}
		pool := s.paras[lang]
		target := int(4096 * math.Exp(rng.NormFloat64()*0.5)) // log-normal, median 4 KB
		var b strings.Builder
		used := map[int]bool{}
		for b.Len() < target && len(used) < len(pool) && len(used) < 30 {
			k := rng.Intn(len(pool))
			if used[k] {
				continue
			}
			used[k] = true
			b.WriteString(pool[k])
			b.WriteByte('\n')
		}
		if f := s.footers[lang]; len(f) > 0 && rng.Intn(5) > 0 {
			b.WriteString(f[rng.Intn(len(f))])
			b.WriteByte('\n')
		}
		dir := filepath.Join(out, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return bytes, err
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), []byte(b.String()), 0o644); err != nil {
			return bytes, err
		}
		bytes += int64(b.Len())
	}
	return bytes, nil
}
