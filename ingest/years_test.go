package ingest

import (
	"testing"
	"time"

	"github.com/partynews/partynews/index"
)

func TestURLDate(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"https://dantri.com.vn/xa-hoi/ong-a-lam-bi-thu-20250824175143130.htm", "2025-08-24"},
		{"https://example.vn/2024/12/28/hoi-nghi.html", "2024-12-28"},
		{"https://example.vn/news/2025/10/", "2025-10-15"},
		{"https://example.vn/a-2023-05-07-b", "2023-05-07"},
		{"https://www.vietnamplus.vn/khai-mac-dai-hoi-post1066362.vnp", ""},
		{"https://htv.com.vn/ky-niem-50-nam-3041975-3042025", ""},
		{"https://example.vn/2025/13/40/x", ""},
		{"", ""},
	} {
		got := ""
		if d := urlDate(c.url); !d.IsZero() {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("urlDate(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}

func TestCommonYear(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		want       int
	}{
		{"The congress for the 2025-2030 term; in 2025 the province grew.", "en", 2025},
		{"the 2025–2030 term", "en", 2025}, // a tie: the earliest
		{"२०२४ में सम्मेलन और २०२४ की योजना, 2030 तक", "hi", 2024},
		{"ปี 2568 และ 2568", "th", 2025},
		{"12025 people, 150 km", "en", 0},
		{"no year at all", "en", 0},
	} {
		if got := commonYear(c.text, c.lang); got != c.want {
			t.Errorf("commonYear(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func TestNearestYearTo(t *testing.T) {
	pub := time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ m, d, want int }{{12, 28, 2025}, {1, 2, 2026}, {6, 1, 2026}, {2, 29, 0}} { // 0: no leap year near
		if got := nearestYearTo(pub, c.m, c.d); got != c.want {
			t.Errorf("%02d-%02d near %s: %d, want %d", c.m, c.d, pub.Format("2006-01-02"), got, c.want)
		}
	}
}

// The order of the evidence: the source URL's date, then the latest dated
// mention, then the text's year; a full date is left alone.
func TestInferYears(t *testing.T) {
	doc := func(src, text string, es ...index.Entity) *index.Document {
		return &index.Document{SourceURL: src, Text: text, Lang: "en", Entities: es}
	}
	date := func(v string, inferred int) index.Entity {
		return index.Entity{Type: index.EntityDate, Value: v, YearInferred: inferred}
	}
	for _, c := range []struct {
		d    *index.Document
		want []int
	}{
		{doc("https://x.vn/a-20260103.htm", "In 2019.", date("--12-28", 2019), date("2019-05-01", 0)), []int{2025, 0}},
		// the anniversary: this year's day, not the founding year the extractor took
		{doc("", "On 3 February (3 February 1930 - 3 February 2025).", date("--02-03", 1930), date("1930-02-03", 0), date("2025-02-03", 0)), []int{2025, 0, 0}},
		{doc("", "The 2020-2025 term; 2025.", date("--09-17", 0)), []int{2025}},
		// a plan for the next year does not move this year's day into it
		{doc("", "On 27 August (9 August 2025) … by 9 January 2026.", date("--08-27", 2025), date("2025-08-09", 0), date("2026-01-09", 0)), []int{2025, 0, 0}},
		{doc("", "No year here.", date("--09-17", 0)), []int{0}},
		{doc("", "In 2023.", date("--02-29", 0)), []int{0}}, // no 29 February in 2023
	} {
		inferYears(c.d)
		for i, w := range c.want {
			if got := c.d.Entities[i].YearInferred; got != w {
				t.Errorf("%q %q: mention %d inferred %d, want %d", c.d.SourceURL, c.d.Text, i, got, w)
			}
		}
	}
	// the index files an inferred date under its day
	e := date("--12-28", 2025)
	if got := index.EffectiveDate(&e); got != "2025-12-28" {
		t.Errorf("EffectiveDate = %s", got)
	}
}

func FuzzInferYears(f *testing.F) {
	f.Add("https://x.vn/2025/10/16/a-20251016", "In 2025 and ២០២៥.", "--10-16")
	f.Add("", "", "--02-29")
	f.Fuzz(func(t *testing.T, src, text, v string) {
		d := &index.Document{SourceURL: src, Text: text, Lang: "km", Entities: []index.Entity{{Type: index.EntityDate, Value: v}}}
		inferYears(d)
		e := d.Entities[0]
		if y := e.YearInferred; y != 0 {
			if got := index.EffectiveDate(&e); len(got) != 10 {
				t.Errorf("inferred %d for %q: effective date %q", y, v, got)
			}
		}
	})
}
