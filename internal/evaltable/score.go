package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Types are the scored entity types, in the scorer's order.
var Types = []string{"person", "date", "document", "figure"}

// entity is one entity of a gold or predicted row; only what the keys read.
type entity struct {
	Type  string          `json:"type"`
	Text  string          `json:"text"`
	Value json.RawMessage `json:"value"`
}

// row is one article of a gold or prediction file.
type row struct {
	File     string   `json:"file"`
	Path     string   `json:"path"`
	Lang     string   `json:"lang"`
	Entities []entity `json:"entities"`
	Optional []entity `json:"optional"`
}

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// PRF returns precision, recall and F1 as the scorer computes them (1 when
// there is nothing to find and nothing found).
func (c Counts) PRF() (p, r, f float64) {
	p, r = 1, 1
	if c.TP+c.FP > 0 {
		p = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		r = float64(c.TP) / float64(c.TP+c.FN)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Table is the counts per language and type; language "" is the total.
type Table map[string]map[string]*Counts

func (t Table) add(lang, typ string, c Counts) {
	for _, l := range []string{lang, ""} {
		if t[l] == nil {
			t[l] = map[string]*Counts{}
			for _, ty := range Types {
				t[l][ty] = &Counts{}
			}
		}
		x := t[l][typ]
		x.TP += c.TP
		x.FP += c.FP
		x.FN += c.FN
	}
}

func load(r io.Reader, name string) ([]row, error) {
	var out []row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var x row
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, x)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// Score scores predictions against gold as score-entities does: an article of
// the gold matches the prediction whose path ends with its file name; each type
// is a set of keys per article; optional gold keys are neither found nor missed.
func Score(gold, pred []row) Table {
	t := Table{}
	for _, g := range gold {
		var p row
		for _, x := range pred {
			path := x.Path
			if path == "" {
				path = x.File
			}
			if path == g.File || strings.HasSuffix(path, "/"+g.File) {
				p = x
				break
			}
		}
		for _, typ := range Types {
			want, maybe, got := keys(g.Entities, typ), keys(g.Optional, typ), keys(p.Entities, typ)
			var c Counts
			for k := range want {
				if got[k] {
					c.TP++
				} else {
					c.FN++
				}
			}
			for k := range got {
				if !want[k] && !maybe[k] {
					c.FP++
				}
			}
			t.add(g.Lang, typ, c)
		}
	}
	return t
}

func keys(es []entity, typ string) map[string]bool {
	out := map[string]bool{}
	for _, e := range es {
		if e.Type != typ {
			continue
		}
		if k := key(e); k != "" {
			out[k] = true
		}
	}
	return out
}

const punct = " \t\n\r.,;:!?'\"()[]{}«»“”‘’|-–—،۔।"

var spaces = regexp.MustCompile(`\s+`)

// key is the scorer's canonical key of an entity.
func key(e entity) string {
	switch e.Type {
	case "person":
		s := norm.NFC.String(e.Text)
		return strings.Trim(spaces.ReplaceAllString(s, " "), punct)
	case "date":
		return strings.TrimSpace(value(e.Value))
	case "document":
		v := strings.ToUpper(value(e.Value))
		return strings.NewReplacer(" ", "", "Đ", "D").Replace(v)
	case "figure":
		v := strings.TrimSpace(strings.ReplaceAll(value(e.Value), ",", ""))
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return v
		}
		if f == math.Trunc(f) && math.Abs(f) < 1e18 {
			return strconv.FormatInt(int64(f), 10)
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return ""
}

// value is a JSON value as Python's str() of it would read: a string as is, a
// number as written, null as "".
func value(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// Print writes one line per language and type: counts, precision, recall, F1;
// the total last.
func (t Table) Print(w io.Writer) {
	var langs []string
	for l := range t {
		if l != "" {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	langs = append(langs, "")
	fmt.Fprintf(w, "%-5s %-9s %4s %4s %4s %6s %6s %6s\n", "lang", "type", "tp", "fp", "fn", "prec", "rec", "f1")
	for _, l := range langs {
		name := l
		if l == "" {
			name = "ALL"
		}
		for _, typ := range Types {
			c := t[l][typ]
			if c.TP+c.FP+c.FN == 0 {
				continue
			}
			p, r, f := c.PRF()
			fmt.Fprintf(w, "%-5s %-9s %4d %4d %4d %6.3f %6.3f %6.3f\n", name, typ, c.TP, c.FP, c.FN, p, r, f)
		}
	}
}
