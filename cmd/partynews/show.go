package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/search"
	"github.com/spf13/cobra"
)

func newShowCmd() *cobra.Command {
	var (
		asJSON bool
		nRel   int
	)
	c := &cobra.Command{
		Use:   "show [--json] [--related N] ID|PREFIX|PATH",
		Short: "Show one indexed article with its metadata, entities and related articles",
		Long: `Show an indexed article, named by its document id, a prefix of the id (4
characters or more, as git takes a commit), or the path of one of its files:
metadata, the text with its entities marked (colour on a terminal), the entity
list (people by their entry's name, dates whose year was inferred marked so),
and related articles with their paths.

Related articles are the ones that tell the same story — its translations
first. Each is scored 0–1 by the evidence the two articles share, weighed by
rarity: the source URL both cite, document codes, the days they name, people
(by entry, across scripts), figures of 100 and more; an article in the same
language counts half, and one citing another source or naming other days counts
half again. Relations under 0.2 are cut.

--json prints the stored document (entities with "year_inferred" where the year
was inferred) with "people" ({"name","keys"} of its person entries) and
"related": [{"id","lang","path","paths","lead","score","evidence":[{"kind","value","weight"}]}].

Exit status: 0 shown, 1 no such document, 2 an ambiguous id prefix or another
usage error.

` + indexHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			doc, err := r.Lookup(c.Context(), args[0])
			var amb *search.AmbiguousError
			if errors.As(err, &amb) {
				return &exitError{exitUsage, err}
			}
			if err != nil {
				return err
			}
			if doc == nil {
				return &exitError{exitNoMatch, fmt.Errorf("%s: no such document id, id prefix or indexed path", args[0])}
			}
			if nRel < 0 {
				return &exitError{exitUsage, fmt.Errorf("--related %d: want 0 or more", nRel)}
			}
			out := c.OutOrStdout()
			related, err := r.Related(c.Context(), doc, nRel)
			if err != nil {
				return err
			}
			people, err := r.People()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				type rel struct {
					ID       string            `json:"id"`
					Lang     string            `json:"lang"`
					Path     string            `json:"path"`
					Paths    []string          `json:"paths"`
					Lead     string            `json:"lead"`
					Score    float64           `json:"score"`
					Evidence []search.Evidence `json:"evidence"`
				}
				rels := []rel{}
				for _, x := range related {
					rels = append(rels, rel{x.Doc.ID, x.Doc.Lang, first(x.Doc.Paths), x.Doc.Paths, x.Doc.Lead, x.Score, x.Evidence})
				}
				return enc.Encode(struct {
					*index.Document
					People  []*search.PersonEntry `json:"people"`
					Related []rel                 `json:"related"`
				}{doc, docPeople(doc, people), rels})
			}
			printDoc(out, doc, people, colorOn(c, stdoutFile(c)))
			if len(related) > 0 {
				fmt.Fprintln(out, "\nrelated articles (score: the evidence they share):")
				for _, x := range related {
					var ev []string
					for _, e := range x.Evidence {
						ev = append(ev, e.Kind+" "+e.Value)
					}
					fmt.Fprintf(out, "  %.2f [%s] %s\n       %s\n       %s\n", x.Score, x.Doc.Lang, first(x.Doc.Paths), truncate(x.Doc.Lead, 100), strings.Join(ev, ", "))
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the stored document as JSON")
	c.Flags().IntVar(&nRel, "related", 5, "at most this many related articles")
	return c
}

// docPeople are the entries of the people a document names, in text order.
func docPeople(d *index.Document, p *search.People) []*search.PersonEntry {
	out := []*search.PersonEntry{}
	seen := map[*search.PersonEntry]bool{}
	for _, e := range d.Entities {
		if x := p.Entry(e.Key); e.Type == index.EntityPerson && x != nil && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func printDoc(w io.Writer, d *index.Document, people *search.People, color bool) {
	fmt.Fprintf(w, "id        %s\nlang      %s (%.2f)\n", d.ID, d.Lang, d.LangConfidence)
	for _, p := range d.Paths {
		fmt.Fprintf(w, "path      %s\n", p)
	}
	if d.Byline != "" {
		fmt.Fprintf(w, "byline    %s\n", d.Byline)
	}
	if d.SourceURL != "" {
		fmt.Fprintf(w, "source    %s\n", d.SourceURL)
	}
	fmt.Fprintln(w)
	open, close := "[", "]"
	if color {
		open, close = "\x1b[4;36m", "\x1b[0m"
	}
	last := 0
	for _, e := range d.Entities {
		if e.Start < last || e.End > len(d.Text) {
			continue
		}
		fmt.Fprint(w, d.Text[last:e.Start], open, d.Text[e.Start:e.End], close)
		last = e.End
	}
	fmt.Fprintln(w, d.Text[last:])
	fmt.Fprintln(w)
	for _, e := range d.Entities {
		v := e.Value
		switch {
		case e.Type == index.EntityPerson && people.Entry(e.Key) != nil:
			v = people.Entry(e.Key).Name
		case e.Type == index.EntityDate && index.EffectiveDate(&e) != e.Value:
			v = index.EffectiveDate(&e) + " (year inferred)"
		}
		fmt.Fprintf(w, "  %-8s %-40s %s\n", e.Type, e.Text, v)
	}
}
