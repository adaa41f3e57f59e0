// Command partynews indexes and searches an archive of party news articles in
// ~50 languages: it reads plain-text article files, detects each one's language,
// extracts people, dates, document numbers and figures, and keeps a full-text index.
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/internal/blevelog"
	"github.com/partynews/partynews/search"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes, as documented in the README.
const (
	exitOK      = 0
	exitFatal   = 1 // an error
	exitNoMatch = 1 // search, entities, show: nothing found (the same code as an error, as grep has it)
	exitUsage   = 2
	exitPartial = 3 // index: finished, some files failed
)

// exitError carries an exit code with an optional message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func usageError(format string, a ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, a...)}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout))
}

// run executes one command line and returns its exit status.
func run(args []string, stdout io.Writer) int {
	// bleve's log lines go through slog (shown with PARTYNEWS_DEBUG set); one that
	// says the index is damaged makes the open fail with one line and the remedy
	defer blevelog.Route(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: bleveLogLevel()})), index.NoteBleveLine)()
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(os.Stderr, "partynews: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(os.Stderr, "partynews: %v\n", err)
	return exitFatal
}

const indexHelp = `The index lives in --index DIR, else in $PARTYNEWS_INDEX, else in
$XDG_DATA_HOME/partynews/index (~/.local/share/partynews/index).`

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "partynews",
		Short: "Index and search party news articles in ~50 languages",
		Long: `partynews reads plain-text news articles (one file per article, in any of ~50
languages), detects each article's language, extracts people, dates, document
numbers (18-NQ/TW) and figures, and keeps a full-text index to search.

` + indexHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{exitUsage, fmt.Errorf("%v (see '%s --help')", err, c.CommandPath())}
	})
	root.PersistentFlags().String("index", "", "index folder (default: $PARTYNEWS_INDEX, else the per-user data folder)")
	root.PersistentFlags().String("cpuprofile", "", "write a CPU profile (pprof) to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	var profile *os.File
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		if p, _ := c.Flags().GetString("cpuprofile"); p != "" {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			profile = f
			return pprof.StartCPUProfile(f)
		}
		return nil
	}
	root.PersistentPostRun = func(*cobra.Command, []string) {
		if profile != nil {
			pprof.StopCPUProfile()
			profile.Close()
		}
	}
	root.AddCommand(newIndexCmd(), newSearchCmd(), newExtractCmd(), newStatsCmd(), newShowCmd(), newSampleCmd(), newEntitiesCmd(), newTimelineCmd(), newExportCmd(), newCheckCmd())
	for _, c := range root.Commands() {
		c.Args = wrapArgs(c.Args)
	}
	return root
}

// wrapArgs turns cobra's argument-count errors into usage errors (exit 2).
func wrapArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	if check == nil {
		return nil
	}
	return func(c *cobra.Command, args []string) error {
		if err := check(c, args); err != nil {
			return &exitError{exitUsage, fmt.Errorf("%v (see '%s --help')", err, c.CommandPath())}
		}
		return nil
	}
}

// indexDir resolves the index folder: --index, $PARTYNEWS_INDEX, the data folder.
func indexDir(c *cobra.Command) (string, error) {
	if d, _ := c.Flags().GetString("index"); d != "" {
		return d, nil
	}
	if d := os.Getenv("PARTYNEWS_INDEX"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "partynews", "index"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no index folder: set --index or PARTYNEWS_INDEX (%w)", err)
	}
	if runtime.GOOS == "darwin" {
		return filepath.Join(home, "Library", "Application Support", "partynews", "index"), nil
	}
	return filepath.Join(home, ".local", "share", "partynews", "index"), nil
}

// openIndex opens the index for reading; a missing or broken index is an
// error (exit 2), as grep treats an unreadable file.
func openIndex(c *cobra.Command) (*search.Searcher, error) {
	dir, err := indexDir(c)
	if err != nil {
		return nil, &exitError{exitUsage, err}
	}
	r, err := search.Open(dir)
	if err != nil {
		return nil, &exitError{exitUsage, err}
	}
	return r, nil
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// useColor reports whether to colour output on f: a terminal, and NO_COLOR unset.
func useColor(f *os.File) bool {
	return isTerminal(f) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

func newLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
