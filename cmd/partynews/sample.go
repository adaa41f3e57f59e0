package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/corpus/sample"
)

func newSampleCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "sample DIR",
		Short: "Write the embedded sample articles (4 Hindi, 1 Urdu) into DIR",
		Long: `Write the five real articles embedded in partynews into DIR, to try the
tool without an archive: partynews sample /tmp/s && partynews index /tmp/s

Exit status: 0 written, 1 DIR could not be written, 2 a usage error.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			paths, err := sample.WriteTo(args[0])
			if err != nil {
				return fmt.Errorf("write sample: %w", err)
			}
			for _, p := range paths {
				fmt.Fprintln(c.OutOrStdout(), p)
			}
			return nil
		},
	}
}
