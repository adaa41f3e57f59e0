package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/search"
	"github.com/partynews/partynews/search/qbound"
	"github.com/spf13/cobra"
)

func newEntitiesCmd() *cobra.Command {
	var (
		typ    string
		top    int
		lang   string
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "entities [--type T] [--top N] [--lang L] [--json]",
		Short: "The most-mentioned people, documents, dates, figures, with article counts",
		Long: `List the entities mentioned in the most articles: --type person, document,
date, figure, year, month, unit or lang.

People are listed one entry per person: every script's spelling romanises to a
key, and the keys that are close variants of one Latin spelling (the same
consonant skeleton, syllable count and syllable starts: pham man chan, as Urdu
writes Pham Minh Chinh) are one entry, shown by its most common Latin spelling
(with Vietnamese diacritics when an article has them). Two Latin spellings are
two people. An entry's count is the number of articles that person:"NAME" finds.

With --json, one object per line: {"type","value","articles","keys"} (keys: a
person entry's keys, null for other types).

` + indexHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			if err := checkLang(lang, r.Languages()); err != nil {
				return err
			}
			list, err := r.Top(c.Context(), typ, top, lang)
			if err != nil {
				return &exitError{exitUsage, err}
			}
			out := c.OutOrStdout()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			for i, e := range list {
				if asJSON {
					enc.Encode(entityCount{Type: typ, Value: e.Term, Articles: e.Count, Keys: e.Keys})
				} else {
					fmt.Fprintf(out, "%3d. %-40s %d\n", i+1, e.Term, e.Count)
				}
			}
			if len(list) == 0 {
				return &exitError{code: exitNoMatch}
			}
			return nil
		},
	}
	f := c.Flags()
	choiceVar(f, &typ, "type", "person", index.FacetNames, strings.Join(index.FacetNames, ", "))
	intVar(f, &top, "top", "n", 20, 1, "a whole number ≥ 1", "how many")
	f.StringVar(&lang, "lang", "", "only articles in this language ('partynews stats' lists the index's)")
	f.BoolVar(&asJSON, "json", false, "print JSON Lines")
	_ = c.RegisterFlagCompletionFunc("type", completeWords(index.FacetNames...))
	_ = c.RegisterFlagCompletionFunc("lang", completeLang)
	return c
}

// entityCount is one line of entities --json.
type entityCount struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Articles int    `json:"articles"`
	// Keys are a person entry's romanised keys (null for other types).
	Keys []string `json:"keys"`
}

// monthCount is one line of timeline --json.
type monthCount struct {
	Month    string `json:"month"`
	Articles int    `json:"articles"`
}

func newTimelineCmd() *cobra.Command {
	var (
		asJSON  bool
		lang    string
		timeout time.Duration
	)
	c := &cobra.Command{
		Use:   "timeline [--lang L] [--json] [--timeout D] QUERY",
		Short: "Mentions per month of the articles that match QUERY, as a text chart",
		Long: `Count, per month, the articles that match QUERY by the dates they mention, and
draw a bar per month; the months between them that no article mentions are
drawn empty (a run of more than 6 as one line; --json lists each). A date written without its year counts in the year the article
implies (another dated mention, the date of its source URL, the year its text
names most), marked year_inferred in show --json. With --json, one object per
month: {"month","articles"}.

` + queryHelp + `

` + indexHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			q, err := search.ParseQuery(strings.Join(args, " "))
			if err != nil {
				return &exitError{exitUsage, err}
			}
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			if err := checkLang(lang, r.Languages()); err != nil {
				return err
			}
			// the bounds of search (partynews help query)
			var tl *search.Timeline
			err = bounded(c, q, timeout, func(ctx context.Context, q *search.Query) (err error) {
				tl, err = r.Timeline(ctx, q, search.SearchOptions{Lang: lang, Canon: search.Canon})
				return err
			})
			if err != nil {
				return err
			}
			months := tl.Months
			out := c.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				for _, m := range months {
					enc.Encode(monthCount{m.Term, m.Count})
				}
			} else {
				most := 1
				for _, m := range months {
					most = max(most, m.Count)
				}
				bar := "█"
				if !colorOn(c, stdoutFile(c)) && os.Getenv("NO_COLOR") != "" {
					bar = "#"
				}
				for i := 0; i < len(months); i++ {
					m := months[i]
					// a long run of empty months is one line
					j := i
					for j < len(months) && months[j].Count == 0 {
						j++
					}
					if j-i > 6 {
						fmt.Fprintf(out, "%s … %s: 0 (%d months)\n", m.Term, months[j-1].Term, j-i)
						i = j - 1
						continue
					}
					n := 0
					if m.Count > 0 {
						n = max(1, m.Count*40/most)
					}
					fmt.Fprintf(out, "%s %s %d\n", m.Term, strings.Repeat(bar, n), m.Count)
				}
				fmt.Fprintf(out, "%d matching articles, %d placed by a date (a year given or inferred), over %d months\n", tl.Total, tl.Placed, len(months))
			}
			if len(months) == 0 {
				return &exitError{code: exitNoMatch}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	c.Flags().StringVar(&lang, "lang", "", "only articles in this language ('partynews stats' lists the index's)")
	c.Flags().DurationVar(&timeout, "timeout", qbound.DefaultTimeout, timeoutFlagHelp)
	_ = c.RegisterFlagCompletionFunc("lang", completeLang)
	return c
}
