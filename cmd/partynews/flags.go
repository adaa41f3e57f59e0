package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline/detect"
	"github.com/partynews/partynews/search"
)

// countFlag is an integer flag with a lower bound whose parse error says what
// the flag wants, instead of strconv's "parsing "abc": invalid syntax".
type countFlag struct {
	v    *int
	min  int
	want string // "a whole number ≥ 1"
}

func (f *countFlag) String() string { return strconv.Itoa(*f.v) }
func (f *countFlag) Type() string   { return "int" }
func (f *countFlag) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < f.min {
		return fmt.Errorf("want %s", f.want)
	}
	*f.v = n
	return nil
}

// intVar defines an integer flag of at least min; want describes the valid values.
func intVar(fs *pflag.FlagSet, p *int, name, short string, value, min int, want, usage string) {
	*p = value
	fs.VarP(&countFlag{v: p, min: min, want: want}, name, short, usage)
}

// choiceFlag is a string flag that takes one of a fixed set of values.
type choiceFlag struct {
	v       *string
	choices []string
}

func (f *choiceFlag) String() string { return *f.v }
func (f *choiceFlag) Type() string   { return "string" }
func (f *choiceFlag) Set(s string) error {
	if !slices.Contains(f.choices, s) {
		return fmt.Errorf("want one of %s", strings.Join(f.choices, ", "))
	}
	*f.v = s
	return nil
}

func choiceVar(fs *pflag.FlagSet, p *string, name, value string, choices []string, usage string) {
	*p = value
	fs.Var(&choiceFlag{v: p, choices: choices}, name, usage)
}

// completeWords returns a completion function offering words.
func completeWords(words ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeList completes a comma-separated list of words (--facet lang,person).
func completeList(words ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		done := ""
		if i := strings.LastIndexByte(typed, ','); i >= 0 {
			done = typed[:i+1]
		}
		var out []string
		for _, w := range words {
			if !strings.Contains(","+done, ","+w+",") {
				out = append(out, done+w)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// completeLang offers the languages of the index (--index, $PARTYNEWS_INDEX …),
// else every language partynews knows.
func completeLang(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	if dir, err := indexDir(c); err == nil {
		if r, err := search.Open(dir); err == nil {
			defer r.Close()
			return slices.Clone(r.Languages()), cobra.ShellCompDirectiveNoFileComp
		}
	}
	return knownLanguages(nil), cobra.ShellCompDirectiveNoFileComp
}

// knownLanguages are the codes partynews can detect or has fields for, plus the
// extra ones given (an index's languages), sorted.
func knownLanguages(extra []string) []string {
	seen := map[string]bool{}
	for _, l := range index.Languages {
		seen[l] = true
	}
	for _, ls := range detect.DefaultCandidates {
		for _, l := range ls {
			seen[l] = true
		}
	}
	for _, l := range extra {
		seen[l] = true
	}
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// checkLang refuses a --lang value that is no language code partynews knows
// and no language of the index. A known code the index lacks is accepted: it
// finds nothing (exit 1), as a word nobody wrote does.
func checkLang(lang string, indexLangs []string) error {
	if lang == "" || slices.Contains(knownLanguages(indexLangs), lang) {
		return nil
	}
	have := "none"
	if len(indexLangs) > 0 {
		have = strings.Join(indexLangs, ", ")
	}
	return usageError("--lang %q: not a language code partynews knows (this index has %s; see 'partynews stats')", lang, have)
}

// colorMode is --color: auto, always or never.
var colorChoices = []string{"auto", "always", "never"}

// colorOn reports whether to colour output written to f under --color: always,
// never, or auto (f is a terminal, NO_COLOR is unset and TERM is not dumb).
func colorOn(c *cobra.Command, f *os.File) bool {
	mode, _ := c.Flags().GetString("color")
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return f != nil && useColor(f)
}

// termWidth is the width of the terminal f, or 0 when f is not a terminal
// (then nothing is cut).
func termWidth(f *os.File) int {
	if f == nil || !isTerminal(f) {
		return 0
	}
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil || w <= 0 {
		return 0
	}
	return w
}

// stdoutFile is the command's output as a file, when it is one (for terminal
// checks); nil when the output is a buffer (tests).
func stdoutFile(c *cobra.Command) *os.File {
	f, _ := c.OutOrStdout().(*os.File)
	return f
}
