// Command evaltable scores entity predictions against a gold file as
// ../shared/tools/score-entities does, and prints the scores per language and
// type (the scorer prints them for all languages together).
//
//	evaltable --gold dev-gold-more.jsonl --pred pred.jsonl
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	gold := flag.String("gold", "", "gold JSON lines")
	pred := flag.String("pred", "", "predicted JSON lines (partynews extract --json)")
	flag.Parse()
	if err := run(*gold, *pred); err != nil {
		fmt.Fprintln(os.Stderr, "evaltable:", err)
		os.Exit(2)
	}
}

func run(goldPath, predPath string) error {
	if goldPath == "" || predPath == "" {
		return fmt.Errorf("--gold and --pred are required")
	}
	var rows [2][]row
	for i, path := range []string{goldPath, predPath} {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("open: %w", err)
		}
		rows[i], err = load(f, path)
		f.Close()
		if err != nil {
			return err
		}
	}
	Score(rows[0], rows[1]).Print(os.Stdout)
	return nil
}
