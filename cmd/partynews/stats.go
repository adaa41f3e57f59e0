package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/index"
)

func newStatsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "stats [--json]",
		Short: "Documents, documents per language, and index size",
		Long: `Print the number of documents, documents per language and the index size.
With --json: {"documents","languages":{"hi":4,…},"size_bytes","generation","dir"}.

Exit status: 0 done, 1 an error, 2 a usage error or no index.

` + indexHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			r, err := openIndex(c)
			if err != nil {
				return err
			}
			defer r.Close()
			st, err := r.Stats()
			if err != nil {
				return err
			}
			out := c.OutOrStdout()
			if asJSON {
				b, _ := json.Marshal(st)
				fmt.Fprintln(out, string(b))
				return nil
			}
			fmt.Fprintf(out, "index      %s (generation %d)\ndocuments  %d\nsize       %.1f MB\nlanguages\n", st.Dir, st.Generation, st.Documents, float64(st.SizeBytes)/1e6)
			for _, l := range index.SortedLangs(st.Languages) {
				fmt.Fprintf(out, "  %-4s %d\n", l, st.Languages[l])
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return c
}
