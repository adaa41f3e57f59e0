package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write man pages for partynews and each command into DIR",
		Long: `Write a man page (section 1) for partynews and one for each command into DIR,
generated from the commands' help: partynews.1, partynews-search.1 … Read one
with: man DIR/partynews-search.1 (or install DIR's files under a man1 folder).

Exit status: 0 written, 1 DIR could not be written, 2 usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return fmt.Errorf("man pages: %w", err)
			}
			root := c.Root()
			root.DisableAutoGenTag = true // same pages for the same help text
			hdr := &doc.GenManHeader{Title: "PARTYNEWS", Section: "1", Source: "partynews " + versionString(), Manual: "partynews manual"}
			if err := doc.GenManTree(root, hdr, args[0]); err != nil {
				return fmt.Errorf("man pages: %w", err)
			}
			fmt.Fprintf(c.ErrOrStderr(), "man pages written to %s\n", args[0])
			return nil
		},
	}
}
