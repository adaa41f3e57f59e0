package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/search"
	"github.com/partynews/partynews/search/qbound"
)

func newSearchCmd() *cobra.Command {
	var (
		asJSON   bool
		lang     string
		limit    int
		offset   int
		from, to string
		source   string
		sortBy   string
		facets   []string
		timeout  time.Duration
	)
	c := &cobra.Command{
		Use:   "search [flags] QUERY",
		Short: "Search the index; ranked hits with a highlighted snippet",
		Long: `Search the index and print ranked hits: language, path, lead and a snippet with
the matching words highlighted. With --json, one JSON object per hit (JSON Lines):
{"id","path","paths","lang","score","lead","snippet","marks","byline","source_url"}.

` + queryHelp + `

With --facet, a table per facet follows the hits (with --json: a last line
{"facets":{"lang":[{"term":"hi","count":4}…]…},"total":N}).

Exit status: 0 something found, 1 nothing found, 2 error: a bad query, one refused
as too long or stopped at its --timeout (as grep).

` + indexHelp,
		Example: `  partynews search सम्मेलनों
  partynews search --lang ur كانفرنس
  partynews search 'document:18-NQ/TW lang:hi'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			q, err := search.ParseQuery(strings.Join(args, " "))
			if err != nil {
				return &exitError{exitUsage, err}
			}
			opt := search.SearchOptions{Lang: lang, Limit: limit, Offset: offset, Canon: search.Canon, Source: source, Facets: facets}
			if opt.From, opt.To, err = dateFlags(from, to); err != nil {
				return &exitError{exitUsage, err}
			}
			switch sortBy {
			case "relevance", "":
			case "date":
				opt.SortDate = true
			default:
				return usageError("--sort %q: want relevance or date", sortBy)
			}
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			res, err := boundedSearch(c, r, q, opt, timeout)
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			if asJSON {
				err = printHitsJSON(out, res)
			} else {
				printHits(out, res, useColor(os.Stdout))
				printFacets(out, facets, res.Facets)
			}
			if err != nil {
				return &exitError{exitUsage, err}
			}
			if len(res.Hits) == 0 {
				return &exitError{code: exitNoMatch}
			}
			return nil
		},
	}
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, "print JSON Lines, one object per hit")
	f.StringVar(&lang, "lang", "", "only articles in this language (ISO 639-1: hi, ur, en …)")
	f.IntVar(&limit, "limit", 10, "number of hits")
	f.IntVar(&offset, "offset", 0, "skip this many hits (paging)")
	f.StringVar(&from, "from", "", "only articles with a date on or after this one (YYYY-MM-DD, YYYY-MM, YYYY)")
	f.StringVar(&to, "to", "", "only articles with a date on or before this one (YYYY-MM-DD, YYYY-MM, YYYY)")
	f.StringVar(&source, "source", "", "only articles whose source URL contains this")
	f.StringVar(&sortBy, "sort", "relevance", "order of hits: relevance or date (newest first)")
	f.StringSliceVar(&facets, "facet", nil, "count the hits by lang, person, document, year, month, date, unit or figure (comma-separated)")
	f.DurationVar(&timeout, "timeout", qbound.DefaultTimeout, timeoutFlagHelp)
	return c
}

// dateFlags parses --from and --to: the start of from's span, the end of to's.
func dateFlags(from, to string) (time.Time, time.Time, error) {
	var lo, hi time.Time
	if from != "" {
		a, _, err := search.DateSpan(from)
		if err != nil {
			return lo, hi, fmt.Errorf("--from: %w", err)
		}
		lo = a
	}
	if to != "" {
		_, b, err := search.DateSpan(to)
		if err != nil {
			return lo, hi, fmt.Errorf("--to: %w", err)
		}
		hi = b.Add(-time.Nanosecond)
	}
	return lo, hi, nil
}

// printFacets prints each facet as a compact table.
func printFacets(w io.Writer, names []string, facets map[string][]search.FacetCount) {
	for _, name := range names {
		list := facets[name]
		fmt.Fprintf(w, "\n%s:\n", name)
		if len(list) == 0 {
			fmt.Fprintln(w, "  (none)")
		}
		for _, f := range list {
			fmt.Fprintf(w, "  %-28s %d\n", f.Term, f.Count)
		}
	}
}

type hitJSON struct {
	ID        string   `json:"id"`
	Path      string   `json:"path"`
	Paths     []string `json:"paths"`
	Lang      string   `json:"lang"`
	Score     float64  `json:"score"`
	Lead      string   `json:"lead"`
	Snippet   string   `json:"snippet"`
	Marks     [][2]int `json:"marks"`
	Byline    string   `json:"byline,omitempty"`
	SourceURL string   `json:"source_url,omitempty"`
}

func printHitsJSON(w io.Writer, res *search.Results) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if res.Facets != nil {
		defer enc.Encode(map[string]any{"facets": res.Facets, "total": res.Total})
	}
	for _, h := range res.Hits {
		if h.Doc == nil {
			return errors.New("hit without stored document: " + h.ID)
		}
		marks := h.Snippet.Marks
		if marks == nil {
			marks = [][2]int{}
		}
		if err := enc.Encode(hitJSON{ID: h.ID, Path: first(h.Doc.Paths), Paths: h.Doc.Paths, Lang: h.Doc.Lang, Score: h.Score,
			Lead: h.Doc.Lead, Snippet: h.Snippet.Text, Marks: marks, Byline: h.Doc.Byline, SourceURL: h.Doc.SourceURL}); err != nil {
			return err
		}
	}
	return nil
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func printHits(w io.Writer, res *search.Results, color bool) {
	open, close, dim, reset := "[", "]", "", ""
	if color {
		open, close, dim, reset = "\x1b[1;31m", "\x1b[0m", "\x1b[2m", "\x1b[0m"
	}
	for _, h := range res.Hits {
		if h.Doc == nil {
			continue
		}
		fmt.Fprintf(w, "%d. [%s] %s %s(score %.2f, id %s)%s\n", h.Position, h.Doc.Lang, first(h.Doc.Paths), dim, h.Score, h.ID, reset)
		fmt.Fprintf(w, "   %s\n", truncate(h.Doc.Lead, 160))
		fmt.Fprintf(w, "   %s\n\n", h.Snippet.Highlight(open, close))
	}
	fmt.Fprintf(w, "%d of %d hits (%s)\n", len(res.Hits), res.Total, res.Took.Round(100_000))
}

// truncate shortens s to about n bytes, at a space when there is one near, else
// on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > n/2 {
		return s[:i] + " …"
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}
