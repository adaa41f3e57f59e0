package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/partynews/partynews/index"
	"github.com/spf13/cobra"
)

func newShowCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "show [--json] ID|PATH",
		Short: "Show one indexed article with its metadata and entities",
		Long: `Show an indexed article, by document id or by the path of one of its files:
metadata, the text with its entities marked (colour on a terminal), the entity
list, and related articles — the same story in other languages, found through
the rare entities they share (document codes, dates, figures, name keys), with
that evidence. --json prints the stored document with "related".

Exit status: 0 shown, 1 no such document (or an error), 2 a usage error.

` + indexHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			doc, err := r.Document(args[0])
			if err != nil {
				return err
			}
			if doc == nil {
				if abs, err := filepath.Abs(args[0]); err == nil {
					doc, err = r.DocumentByPath(abs)
					if err != nil {
						return err
					}
				}
			}
			if doc == nil {
				return &exitError{exitNoMatch, fmt.Errorf("%s: no such document id or indexed path", args[0])}
			}
			out := c.OutOrStdout()
			related, err := r.Related(c.Context(), doc, 5)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				type rel struct {
					ID       string   `json:"id"`
					Lang     string   `json:"lang"`
					Path     string   `json:"path"`
					Lead     string   `json:"lead"`
					Score    float64  `json:"score"`
					Evidence []string `json:"evidence"`
				}
				var rels []rel
				for _, x := range related {
					rels = append(rels, rel{x.Doc.ID, x.Doc.Lang, first(x.Doc.Paths), x.Doc.Lead, x.Score, x.Evidence})
				}
				return enc.Encode(struct {
					*index.Document
					Related []rel `json:"related"`
				}{doc, rels})
			}
			printDoc(out, doc, colorOn(c, stdoutFile(c)))
			if len(related) > 0 {
				fmt.Fprintln(out, "\nrelated articles (shared entities):")
				for _, x := range related {
					fmt.Fprintf(out, "  [%s] %s  %s\n      %s\n", x.Doc.Lang, x.Doc.ID, truncate(x.Doc.Lead, 100), strings.Join(x.Evidence, ", "))
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the stored document as JSON")
	return c
}

func printDoc(w io.Writer, d *index.Document, color bool) {
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
		fmt.Fprintf(w, "  %-8s %-40s %s\n", e.Type, e.Text, e.Value)
	}
}
