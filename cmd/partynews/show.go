package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline"
)

func newShowCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "show [--json] ID|PATH",
		Short: "Show one indexed article with its metadata and entities",
		Long: `Show an indexed article, by document id or by the path of one of its files:
metadata, the text with its entities marked, and the entity list.

` + indexHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			dir, err := indexDir(c)
			if err != nil {
				return err
			}
			r, err := index.Open(dir)
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
				return &exitError{exitFatal, fmt.Errorf("%s: no such document id or indexed path", args[0])}
			}
			out := c.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				return enc.Encode(doc)
			}
			printDoc(doc, useColor(os.Stdout))
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the stored document as JSON")
	return c
}

func printDoc(d *pipeline.Document, color bool) {
	fmt.Printf("id        %s\nlang      %s (%.2f)\n", d.ID, d.Lang, d.LangConfidence)
	for _, p := range d.Paths {
		fmt.Printf("path      %s\n", p)
	}
	if d.Byline != "" {
		fmt.Printf("byline    %s\n", d.Byline)
	}
	if d.SourceURL != "" {
		fmt.Printf("source    %s\n", d.SourceURL)
	}
	fmt.Println()
	open, close := "[", "]"
	if color {
		open, close = "\x1b[4;36m", "\x1b[0m"
	}
	last := 0
	for _, e := range d.Entities {
		if e.Start < last || e.End > len(d.Text) {
			continue
		}
		fmt.Print(d.Text[last:e.Start], open, d.Text[e.Start:e.End], close)
		last = e.End
	}
	fmt.Println(d.Text[last:])
	fmt.Println()
	for _, e := range d.Entities {
		fmt.Printf("  %-8s %-40s %s\n", e.Type, e.Text, e.Value)
	}
}
