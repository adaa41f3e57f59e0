package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/extract"
)

type extractJSON struct {
	Path           string           `json:"path"`
	ID             string           `json:"id"`
	Lang           string           `json:"lang"`
	LangConfidence float64          `json:"lang_confidence"`
	Lead           string           `json:"lead"`
	Byline         string           `json:"byline"`
	SourceURL      string           `json:"source_url"`
	Entities       []extract.Entity `json:"entities"`
}

func newExtractCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "extract [--json] FILE|-...",
		Short: "Print each article's language and entities; no index needed",
		Long: `Read article files (or folders of them) and print, per article, its language
and entities: people, dates, document numbers and figures. "-" reads one article
from standard input (its path is printed as "-"): curl … | partynews extract -.

With --json, one JSON object per article (JSON Lines): path, id, lang,
lang_confidence, lead, byline, source_url and entities, each entity with type,
text, value, start and end (byte offsets into the normalised text) and extras
(unit, qualifier, year_inferred, title, key). Without --json, a readable listing.

Exit status: 0 all files read, 1 some failed (each named on stderr), 2 a usage
error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			proc, err := pipeline.NewProcessor()
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if n := slices.Index(args, "-"); n >= 0 && slices.Index(args[n+1:], "-") >= 0 {
				return usageError("extract: standard input (-) named twice")
			}
			failed := 0
			stderr := c.ErrOrStderr()
			emit := func(path string, a *corpus.Article) error {
				d := proc.Process(a)
				if asJSON {
					return enc.Encode(extractJSON{Path: path, ID: d.ID, Lang: d.Lang, LangConfidence: d.LangConfidence,
						Lead: d.Lead, Byline: d.Byline, SourceURL: d.SourceURL, Entities: d.Entities})
				}
				fmt.Fprintf(out, "%s\n  id %s, lang %s (%.2f)\n  lead: %s\n", path, d.ID, d.Lang, d.LangConfidence, truncate(d.Lead, 160))
				for _, e := range d.Entities {
					fmt.Fprintf(out, "  %-8s %-40s %s\n", e.Type, e.Text, e.Value)
				}
				fmt.Fprintln(out)
				return nil
			}
			// Files and folders are walked together; "-" is read where it stands.
			for len(args) > 0 {
				n := slices.Index(args, "-")
				if n < 0 {
					n = len(args)
				}
				if n > 0 {
					err := corpus.Walk(c.Context(), args[:n], func(f corpus.File) error {
						if f.Err != nil {
							failed++
							fmt.Fprintf(stderr, "partynews: %s: %v\n", f.Path, f.Err)
							return nil
						}
						a, err := corpus.Read(f.Path, 0)
						if err != nil {
							failed++
							fmt.Fprintf(stderr, "partynews: %s: %v\n", f.Path, err)
							return nil
						}
						return emit(f.Path, a)
					})
					if err != nil {
						return err
					}
				}
				if n < len(args) {
					raw, err := io.ReadAll(c.InOrStdin())
					if err == nil {
						var a *corpus.Article
						if a, err = corpus.ParseBytes("-", raw); err == nil {
							if err := emit("-", a); err != nil {
								return err
							}
						}
					}
					if err != nil {
						failed++
						fmt.Fprintf(stderr, "partynews: standard input: %v\n", err)
					}
					n++
				}
				args = args[n:]
			}
			if failed > 0 {
				return &exitError{exitFatal, fmt.Errorf("%d files could not be read", failed)}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines, one object per article")
	return c
}
