package ingest

import (
	"regexp"
	"strconv"
	"time"

	"github.com/partynews/partynews/digits"
	"github.com/partynews/partynews/index"
)

// A date mentioned without its year ("on 16 October") is stored as --MM-DD,
// which date searches, --from/--to and timelines cannot place. inferYears
// gives such a mention the year the article implies, in YearInferred, so that
// the index files it under that day (index.EffectiveDate), and leaves the
// mention's value as written. In order:
//
//  1. the date of the source URL the article cites (…/2025/10/16/,
//     …-20251016…), its publication date: the year that puts the day nearest
//     to it;
//  2. the latest year of the article's dated mentions (or the year before it,
//     when the nearest dated mention says so: a plan for next January does not
//     move this August into next year): an anniversary names
//     the founding day and this year's ("3 February 1930 – 3 February 2025"),
//     and a year-less "3 February" in it is this year's — where the
//     extractor's guess (YearInferred, the nearest dated mention) takes 1930;
//  3. the year the text names most often (ties: the earliest), as in "the
//     2025–2030 term" — a year between 1900 and 2100 (Buddhist-era years in
//     Thai, Lao and Khmer converted).
//
// An article that names no year keeps its mentions year-less.
func inferYears(d *index.Document) {
	var pub time.Time
	pubDone := false
	textYear, textDone := 0, false
	latest := 0
	for _, e := range d.Entities {
		if e.Type == index.EntityDate && len(e.Value) == 10 && e.Value[0] != '-' {
			if y, err := strconv.Atoi(e.Value[:4]); err == nil && y <= 2100 {
				latest = max(latest, y)
			}
		}
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != index.EntityDate || len(e.Value) != 7 || e.Value[:2] != "--" {
			continue
		}
		m, err1 := strconv.Atoi(e.Value[2:4])
		day, err2 := strconv.Atoi(e.Value[5:7])
		if err1 != nil || err2 != nil {
			continue
		}
		if !pubDone {
			pub, pubDone = urlDate(d.SourceURL), true
		}
		if !pub.IsZero() {
			if y := nearestYearTo(pub, m, day); y != 0 {
				e.YearInferred = y
				continue
			}
		}
		if latest != 0 && validDay(latest, m, day) {
			// the extractor's guess (the nearest dated mention) stands when it
			// is the year before the latest: an article of August 2025 that
			// announces January 2026 keeps its "27 August" in 2025, while an
			// anniversary's 1930 gives way to this year's
			if g := e.YearInferred; g == latest-1 && validDay(g, m, day) {
				continue
			}
			e.YearInferred = latest
			continue
		}
		if !textDone {
			textYear, textDone = commonYear(d.Text, d.Lang), true
		}
		if textYear != 0 && validDay(textYear, m, day) {
			e.YearInferred = textYear
		}
	}
}

func validDay(y, m, d int) bool {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// nearestYearTo is the year, of pub's and the ones either side, that puts the
// month and day nearest to pub.
func nearestYearTo(pub time.Time, m, d int) int {
	best, bestD := 0, time.Duration(1<<62)
	for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
		if !validDay(y, m, d) {
			continue
		}
		diff := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(pub)
		if diff < 0 {
			diff = -diff
		}
		if diff < bestD {
			best, bestD = y, diff
		}
	}
	return best
}

var (
	urlSlashDate = regexp.MustCompile(`/((?:19|20)\d\d)/(\d\d?)(?:/(\d\d?))?(?:/|$)`)
	urlDashDate  = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d\d)-?(\d\d)-?(\d\d)`)
)

// urlDate is the date a source URL carries (/2025/10/16/, /2025/10/,
// -20251016…, 2025-10-16), zero if none.
func urlDate(u string) time.Time {
	if u == "" {
		return time.Time{}
	}
	try := func(y, m, d string) time.Time {
		yy, _ := strconv.Atoi(y)
		mm, _ := strconv.Atoi(m)
		dd := 15 // a month alone: its middle
		if d != "" {
			dd, _ = strconv.Atoi(d)
		}
		if mm < 1 || mm > 12 || !validDay(yy, mm, dd) {
			return time.Time{}
		}
		return time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	}
	if m := urlSlashDate.FindStringSubmatch(u); m != nil {
		if t := try(m[1], m[2], m[3]); !t.IsZero() {
			return t
		}
	}
	for _, m := range urlDashDate.FindAllStringSubmatch(u, -1) {
		if t := try(m[1], m[2], m[3]); !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// commonYear is the year the text names most often (the earliest of a tie),
// 0 if none: runs of four digits of any script, 1900–2100.
func commonYear(text, lang string) int {
	counts := map[int]int{}
	runes := []rune(text)
	for i := 0; i < len(runes); {
		if _, ok := digits.Value(runes[i]); !ok {
			i++
			continue
		}
		j, v := i, 0
		for j < len(runes) {
			d, ok := digits.Value(runes[j])
			if !ok {
				break
			}
			v = v*10 + d
			j++
		}
		if j-i == 4 {
			if (lang == "th" || lang == "lo" || lang == "km") && v >= 2400 && v < 2700 {
				v -= 543
			}
			if v >= 1900 && v <= 2100 {
				counts[v]++
			}
		}
		i = j
	}
	best, bestN := 0, 0
	for y, n := range counts {
		if n > bestN || n == bestN && y < best {
			best, bestN = y, n
		}
	}
	return best
}
