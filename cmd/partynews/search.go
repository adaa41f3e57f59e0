package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"

	"github.com/partynews/partynews/index"
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
		count    bool
		files    bool
		timeout  time.Duration
	)
	c := &cobra.Command{
		Use:   "search [flags] [--] QUERY",
		Short: "Search the index; ranked hits with a highlighted snippet",
		Long: `Search the index and print ranked hits: language, path, lead and a snippet with
the matching words highlighted (in colour on a terminal, see --color; [brackets]
otherwise). On a terminal the lead and snippet are cut to its width. The
"N of M hits" footer goes to standard error, so standard output holds only hits.

--limit N prints the N best hits (default 10); --limit 0 prints every hit,
fetched page by page (as recollq -n 0). --count prints only the number of
matching articles; -l prints only the paths of the matching articles' files,
one a line (an article filed at two paths prints both).

With --json, JSON Lines: one {"type":"hit",…} object per hit, a
{"type":"facets",…} line with --facet, and a last {"type":"summary","total":N,…}
line; fields with no value are null. See 'partynews help json' for the schema.

` + queryHelp + `

A query that starts with "-" (a word to exclude) follows "--", so that it is
not read as a flag: partynews search -- -word other.

With --facet, a table per facet follows the hits.

Exit status: 0 something found, 1 nothing found, 2 a usage error (a bad flag
value, query or index, or a query refused as too long or stopped at its
--timeout) — as grep.

` + indexHelp,
		Example: `  partynews search सम्मेलनों
  partynews search --lang ur كانفرنس
  partynews search 'document:18-NQ/TW lang:hi'
  partynews search --count person:"To Lam"
  partynews search -l --limit 0 document:18-NQ/TW | xargs wc -c
  partynews search -- -lang:hi document:18-NQ/TW`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if count && files {
				return usageError("--count and -l/--files-with-matches: choose one")
			}
			text := strings.Join(args, " ")
			q, err := search.ParseQuery(text)
			if err != nil {
				return &exitError{exitUsage, err}
			}
			opt := search.SearchOptions{Lang: lang, Limit: limit, Offset: offset, Canon: search.Canon, Source: source, Facets: facets}
			if opt.From, opt.To, err = dateFlags(from, to); err != nil {
				return &exitError{exitUsage, err}
			}
			opt.SortDate = sortBy == "date"
			for _, f := range facets {
				if !slices.Contains(index.FacetNames, f) {
					return usageError("--facet %q: want one of %s", f, strings.Join(index.FacetNames, ", "))
				}
			}
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			if err := checkLang(lang, r.Languages()); err != nil {
				return err
			}
			out := bufio.NewWriter(c.OutOrStdout())
			defer out.Flush()
			p := hitPrinter{w: out, json: asJSON, files: files}
			if !asJSON && !files {
				f := stdoutFile(c)
				p.color = colorOn(c, f)
				p.width = termWidth(f)
			}
			start := time.Now()
			var total uint64
			var facetCounts map[string][]search.FacetCount // of the first page: the whole result's
			shown := 0
			if count {
				opt.Limit, opt.Facets = 1, nil
				res, err := boundedSearch(c, r, q, opt, timeout, true)
				if err != nil {
					return err
				}
				total = res.Total
				if !asJSON {
					fmt.Fprintln(out, total)
				}
			} else {
				// --limit 0: every hit, a page at a time, printed as it comes.
				page := limit
				if limit == 0 {
					page = allPage
				}
				for first := true; ; first = false {
					opt.Limit = page
					if !first {
						opt.Facets = nil
					}
					res, err := boundedSearch(c, r, q, opt, timeout, first)
					if err != nil {
						return err
					}
					total = res.Total
					if err := p.hits(res.Hits); err != nil {
						return err
					}
					shown += len(res.Hits)
					if first {
						facetCounts = res.Facets
					}
					if limit != 0 || uint64(opt.Offset+page) >= total || len(res.Hits) == 0 {
						break
					}
					opt.Offset += page
					if err := out.Flush(); err != nil {
						return err
					}
				}
			}
			if len(facets) > 0 && !count {
				if err := p.facets(facets, facetCounts); err != nil {
					return err
				}
			}
			took := time.Since(start)
			if asJSON {
				err := p.enc().Encode(summaryJSON{Type: "summary", Query: text, Total: total, Hits: shown, Offset: offset,
					TookMS: float64(took.Microseconds()) / 1000})
				if err != nil {
					return err
				}
			} else if !count && !files {
				out.Flush()
				fmt.Fprintf(c.ErrOrStderr(), "%d of %d hits (%s)\n", shown, total, took.Round(100*time.Microsecond))
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if total == 0 {
				return &exitError{code: exitNoMatch}
			}
			return nil
		},
	}
	f := c.Flags()
	f.BoolVar(&asJSON, "json", false, "print JSON Lines: hits, facets, a summary (see 'partynews help json')")
	f.StringVar(&lang, "lang", "", "only articles in this language (ISO 639-1: hi, ur, en …; 'partynews stats' lists the index's)")
	intVar(f, &limit, "limit", "n", 10, 0, "a whole number ≥ 0 (0 = every hit)", "number of hits; 0 prints every hit")
	intVar(f, &offset, "offset", "", 0, 0, "a whole number ≥ 0", "skip this many hits (paging)")
	f.StringVar(&from, "from", "", "only articles with a date on or after this one (YYYY-MM-DD, YYYY-MM, YYYY)")
	f.StringVar(&to, "to", "", "only articles with a date on or before this one (YYYY-MM-DD, YYYY-MM, YYYY)")
	f.StringVar(&source, "source", "", "only articles whose source URL contains this")
	choiceVar(f, &sortBy, "sort", "relevance", sortChoices, "order of hits: relevance, or date (newest first)")
	f.StringSliceVar(&facets, "facet", nil, "count the hits by "+strings.Join(index.FacetNames, ", ")+" (comma-separated)")
	f.BoolVarP(&count, "count", "c", false, "print only the number of matching articles")
	f.BoolVarP(&files, "files-with-matches", "l", false, "print only the paths of the matching articles, one a line")
	_ = c.RegisterFlagCompletionFunc("sort", completeWords(sortChoices...))
	_ = c.RegisterFlagCompletionFunc("facet", completeList(index.FacetNames...))
	_ = c.RegisterFlagCompletionFunc("lang", completeLang)
	f.DurationVar(&timeout, "timeout", qbound.DefaultTimeout, timeoutFlagHelp)
	return c
}

var sortChoices = []string{"relevance", "date"}

// allPage is the page size of --limit 0 (a variable for tests).
var allPage = 500

// dateFlags parses --from and --to: the start of from's span, the end of
// to's; nil when not given.
func dateFlags(from, to string) (*time.Time, *time.Time, error) {
	var lo, hi *time.Time
	if from != "" {
		a, _, err := search.DateSpan(from)
		if err != nil {
			return nil, nil, fmt.Errorf("--from: %w", err)
		}
		lo = &a
	}
	if to != "" {
		_, b, err := search.DateSpan(to)
		if err != nil {
			return nil, nil, fmt.Errorf("--to: %w", err)
		}
		b = b.Add(-time.Nanosecond)
		hi = &b
	}
	if lo != nil && hi != nil && hi.Before(*lo) {
		return nil, nil, fmt.Errorf("--from %s is after --to %s", from, to)
	}
	return lo, hi, nil
}

// hitPrinter prints hits as text, JSON Lines or paths.
type hitPrinter struct {
	w     io.Writer
	json  bool
	files bool
	color bool
	width int // terminal width; 0: do not cut
	e     *json.Encoder
}

func (p *hitPrinter) enc() *json.Encoder {
	if p.e == nil {
		p.e = json.NewEncoder(p.w)
		p.e.SetEscapeHTML(false)
	}
	return p.e
}

func (p *hitPrinter) hits(hits []search.Hit) error {
	for _, h := range hits {
		if h.Doc == nil {
			return fmt.Errorf("hit without stored document: %s", h.ID)
		}
		switch {
		case p.files:
			for _, path := range h.Doc.Paths {
				fmt.Fprintln(p.w, path)
			}
		case p.json:
			if err := p.enc().Encode(newHitJSON(h)); err != nil {
				return err
			}
		default:
			printHit(p.w, h, p.color, p.width)
		}
	}
	return nil
}

func (p *hitPrinter) facets(names []string, facets map[string][]search.FacetCount) error {
	switch {
	case p.files:
		return nil
	case p.json:
		all := make(map[string][]search.FacetCount, len(names))
		for _, n := range names {
			all[n] = facets[n]
			if all[n] == nil {
				all[n] = []search.FacetCount{}
			}
		}
		return p.enc().Encode(facetsJSON{Type: "facets", Facets: all})
	}
	printFacets(p.w, names, facets)
	return nil
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

// hitJSON is a {"type":"hit"} line of search --json; see jsonSchema.
type hitJSON struct {
	Type      string   `json:"type"`
	Position  int      `json:"position"`
	ID        string   `json:"id"`
	Path      string   `json:"path"`
	Paths     []string `json:"paths"`
	Lang      string   `json:"lang"`
	Score     float64  `json:"score"`
	Lead      *string  `json:"lead"`
	Snippet   string   `json:"snippet"`
	Marks     [][2]int `json:"marks"`
	Byline    *string  `json:"byline"`
	SourceURL *string  `json:"source_url"`
}

type facetsJSON struct {
	Type   string                         `json:"type"`
	Facets map[string][]search.FacetCount `json:"facets"`
}

type summaryJSON struct {
	Type   string  `json:"type"`
	Query  string  `json:"query"`
	Total  uint64  `json:"total"`
	Hits   int     `json:"hits"`
	Offset int     `json:"offset"`
	TookMS float64 `json:"took_ms"`
}

func newHitJSON(h search.Hit) hitJSON {
	marks := h.Snippet.Marks
	if marks == nil {
		marks = [][2]int{}
	}
	paths := h.Doc.Paths
	if paths == nil {
		paths = []string{}
	}
	return hitJSON{Type: "hit", Position: h.Position, ID: h.ID, Path: first(h.Doc.Paths), Paths: paths, Lang: h.Doc.Lang,
		Score: h.Score, Lead: orNull(h.Doc.Lead), Snippet: h.Snippet.Text, Marks: marks,
		Byline: orNull(h.Doc.Byline), SourceURL: orNull(h.Doc.SourceURL)}
}

// orNull is s, or nil (JSON null) when s is empty.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// printHit prints one hit as three lines; with width > 0 (a terminal), the
// lead and snippet are cut to fit one line each.
func printHit(w io.Writer, h search.Hit, color bool, width int) {
	open, close, dim, reset := "[", "]", "", ""
	if color {
		open, close, dim, reset = "\x1b[1;31m", "\x1b[0m", "\x1b[2m", "\x1b[0m"
	}
	lead, snip := truncate(h.Doc.Lead, 160), h.Snippet
	if width > 0 {
		cells := max(width-3, 20)
		lead = cutCells(h.Doc.Lead, cells)
		if !color {
			cells -= 2 * len(snip.Marks) // the brackets take room
		}
		snip = cutSnippet(snip, max(cells, 20))
	}
	fmt.Fprintf(w, "%d. [%s] %s %s(score %.2f, id %s)%s\n", h.Position, h.Doc.Lang, first(h.Doc.Paths), dim, h.Score, h.ID, reset)
	fmt.Fprintf(w, "   %s\n", lead)
	fmt.Fprintf(w, "   %s\n\n", snip.Highlight(open, close))
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

// cutCells shortens s to at most cells terminal columns, on a grapheme
// boundary, ending in "…" when cut.
func cutCells(s string, cells int) string {
	if uniseg.StringWidth(s) <= cells {
		return s
	}
	end, used := 0, 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if used+g.Width() > cells-1 {
			break
		}
		used += g.Width()
		_, end = g.Positions()
	}
	return s[:end] + "…"
}

// cutSnippet shortens a snippet to at most cells columns, keeping its first
// mark in view (a third of the room before it), with "…" where text was cut;
// the marks are moved to the cut text and those cut off dropped.
func cutSnippet(s search.Snippet, cells int) search.Snippet {
	if uniseg.StringWidth(s.Text) <= cells {
		return s
	}
	type gr struct{ start, end, width int }
	var gs []gr
	g := uniseg.NewGraphemes(s.Text)
	for g.Next() {
		a, b := g.Positions()
		gs = append(gs, gr{a, b, g.Width()})
	}
	focus := 0 // index of the grapheme where the first mark starts
	if len(s.Marks) > 0 {
		for focus < len(gs)-1 && gs[focus].end <= s.Marks[0][0] {
			focus++
		}
	}
	room := cells - 2 // an ellipsis at each end
	lo, used := focus, 0
	for lo > 0 && used+gs[lo-1].width <= room/3 {
		lo--
		used += gs[lo].width
	}
	hi := focus
	for hi < len(gs) && used+gs[hi].width <= room {
		used += gs[hi].width
		hi++
	}
	for lo > 0 && used+gs[lo-1].width <= room { // the text ended early: show more before
		lo--
		used += gs[lo].width
	}
	start, end := 0, len(s.Text)
	if lo < len(gs) {
		start = gs[lo].start
	}
	if hi < len(gs) {
		end = gs[hi].start
	}
	var out search.Snippet
	prefix := ""
	if start > 0 {
		prefix = "…"
	}
	out.Text = prefix + s.Text[start:end]
	if end < len(s.Text) {
		out.Text += "…"
	}
	for _, m := range s.Marks {
		a, b := max(m[0], start), min(m[1], end)
		if a >= b {
			continue
		}
		out.Marks = append(out.Marks, [2]int{a - start + len(prefix), b - start + len(prefix)})
	}
	return out
}
