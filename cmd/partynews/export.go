package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/index"
)

func newExportCmd() *cobra.Command {
	var (
		format   string
		out      string
		name     string
		template bool
	)
	c := &cobra.Command{
		Use:   "export --format es-bulk [--out FILE] [--name INDEX] [--template]",
		Short: "Write the index as Elasticsearch/OpenSearch bulk NDJSON, or its index template",
		Long: `Export every document for Elasticsearch or OpenSearch: --format es-bulk writes
bulk-API NDJSON (an action line, then the document) with the fields of
partynews's own index — text per language (lead_hi, body_ur …), lang, path,
source_url, person, person_key, person_skel, document, date, monthday, date_time,
year, month, figure (and per unit: figure_vnd …), figure_kw, unit — plus id,
byline, text and the entities themselves. --template prints the
index template (settings and mappings, with an analyzer per language) to create
first:

  partynews export --template > template.json
  curl -XPUT localhost:9200/_index_template/partynews -H 'Content-Type: application/json' -d @template.json
  partynews export --format es-bulk --out bulk.ndjson
  curl -XPOST localhost:9200/_bulk -H 'Content-Type: application/x-ndjson' --data-binary @bulk.ndjson

Exit status: 0 written, 1 an error, 2 a usage error (a bad --format, no index).

` + indexHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			w := c.OutOrStdout()
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer f.Close()
				w = f
			}
			if template {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(esTemplate(name))
			}
			if format != "es-bulk" {
				return usageError("--format %q: the one format is es-bulk", format)
			}
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			bw := bufio.NewWriter(w)
			n, err := exportBulk(c.Context(), r.Reader, bw, name)
			if err == nil {
				err = bw.Flush()
			}
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if out != "" {
				fmt.Fprintf(c.ErrOrStderr(), "exported %d documents to %s\n", n, out)
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&format, "format", "es-bulk", "output format: es-bulk")
	f.StringVar(&out, "out", "", "write to this file instead of stdout")
	f.StringVar(&name, "name", "partynews", "the Elasticsearch index name")
	f.BoolVar(&template, "template", false, "print the index template instead of the documents")
	return c
}

// toES is one exported document: the index's own fields, plus the document's
// id, byline, text and entities.
func toES(d *index.Document) map[string]any {
	m := index.Fields(d)
	m["id"], m["byline"], m["text"], m["entities"] = d.ID, d.Byline, d.Text, d.Entities
	return m
}

func exportBulk(ctx context.Context, r *index.Reader, w io.Writer, name string) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := r.Each(ctx, func(d *index.Document) error {
		if err := enc.Encode(map[string]any{"index": map[string]string{"_index": name, "_id": d.ID}}); err != nil {
			return err
		}
		n++
		return enc.Encode(toES(d))
	})
	return n, err
}

// esAnalyzers maps partynews's languages to Elasticsearch's built-in analyzers.
var esAnalyzers = map[string]string{
	"ar": "arabic", "bg": "bulgarian", "bn": "bengali", "ca": "catalan", "cs": "czech", "da": "danish",
	"de": "german", "el": "greek", "en": "english", "es": "spanish", "fa": "persian", "fi": "finnish",
	"fr": "french", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
	"lt": "lithuanian", "lv": "latvian", "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
	"ru": "russian", "sv": "swedish", "th": "thai", "tr": "turkish", "ja": "cjk", "ko": "cjk", "zh": "cjk",
	"ur": "partynews_urdu",
}

// esTemplate is the index template: one text field pair per language with its
// analyzer, keywords for the entity facets, dates and figures typed.
func esTemplate(name string) map[string]any {
	props := map[string]any{
		"id": kwMap(), "byline": map[string]any{"type": "text"},
		"text":     map[string]any{"type": "text", "index": false},
		"entities": map[string]any{"type": "object", "enabled": false},
	}
	for _, f := range index.Schema {
		if f.Internal {
			continue // the manifest is partynews's own
		}
		switch f.Kind {
		case index.Keyword:
			props[f.Name] = kwMap()
		case index.Numeric:
			props[f.Name] = map[string]any{"type": "double"}
		case index.DateTime:
			props[f.Name] = map[string]any{"type": "date"}
		}
	}
	for _, l := range index.Languages {
		a := esAnalyzers[l]
		if a == "" {
			a = "standard"
		}
		props[index.LeadField(l)] = map[string]any{"type": "text", "analyzer": a}
		props[index.BodyField(l)] = map[string]any{"type": "text", "analyzer": a}
	}
	// Urdu: Arabic-script letter variants folded, digits folded, as partynews does
	urdu := map[string]any{
		"type": "custom", "tokenizer": "standard",
		"char_filter": []string{"partynews_fold"},
		"filter":      []string{"lowercase", "decimal_digit"},
	}
	fold := arabicFoldMappings()
	return map[string]any{
		"index_patterns": []string{name + "*"},
		"template": map[string]any{
			"settings": map[string]any{"analysis": map[string]any{
				"char_filter": map[string]any{"partynews_fold": map[string]any{"type": "mapping", "mappings": fold}},
				"analyzer":    map[string]any{"partynews_urdu": urdu},
			}},
			"mappings": map[string]any{"dynamic": false, "properties": props},
		},
	}
}

func kwMap() map[string]any { return map[string]any{"type": "keyword"} }

// arabicFoldMappings are the char filter mappings ("ي=>ی", "ـ=>") that do what
// index.FoldArabicLetters does, derived from it: every letter of the Arabic
// block it changes, mapped to what it becomes ("" when it drops the letter).
func arabicFoldMappings() []string {
	var out []string
	for r := rune(0x0600); r <= 0x06FF; r++ {
		if f := index.FoldArabicLetters(string(r)); f != string(r) {
			out = append(out, string(r)+"=>"+f)
		}
	}
	return out
}
