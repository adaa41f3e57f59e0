package main

import "github.com/spf13/cobra"

// jsonSchema documents search --json; README's "JSON output" says the same.
const jsonSchema = `search --json prints JSON Lines. Every line is an object with a "type" and
always the same fields for that type; a field with no value is null, a list
with nothing in it is [].

  {"type":"hit", "position":1, "id":"2a5d8e…", "path":"/a/004.txt",
   "paths":["/a/004.txt"], "lang":"hi", "score":0.09, "lead":"…",
   "snippet":"…", "marks":[[12,30]], "byline":null, "source_url":null}
      one matching article, best first. path is its first file, paths all of
      them; marks are byte spans in snippet of the matched words; byline and
      source_url are null when the article has none.

  {"type":"facets", "facets":{"lang":[{"term":"hi","count":4}], "person":[]}}
      with --facet only, after the hits: every facet asked for, each value
      with the number of matching articles (at most 10 a facet).

  {"type":"summary", "query":"…", "total":12, "hits":10, "offset":0,
   "took_ms":0.4}
      always the last line: total matching articles, hits printed, the offset
      they start at, and the time the search took.

With --count and --json, only the summary line is printed.

Other commands' --json: extract one object per article, entities
{"type","value","articles"} (type is the entity type), timeline
{"month","articles"}, stats and show one object, index one summary object;
see each command's --help.`

func newJSONHelp() *cobra.Command {
	return &cobra.Command{
		Use:   "json",
		Short: "The fields of search --json and the other commands' JSON output",
		Long:  jsonSchema,
	}
}
