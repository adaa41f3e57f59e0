// Command partynews indexes and searches an archive of party news articles in
// ~50 languages: it reads plain-text article files, detects each one's language,
// extracts people, dates, document numbers and figures, and keeps a full-text index.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"sync"

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
	return runIO(args, os.Stdin, stdout, os.Stderr)
}

// routeBleveLog sends bleve's log lines through slog on standard error (shown
// with PARTYNEWS_DEBUG set), once for the process: one that says the index is
// damaged makes the open fail with one line and the remedy.
var routeBleveLog = sync.OnceFunc(func() {
	blevelog.Route(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: bleveLogLevel()})), index.NoteBleveLine)
})

// runIO is run with standard input and error given too: messages, the hit-count
// footer and progress go there.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := tryResident(args, stdout, stderr); ok { // see serve.go
		return code
	}
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext is runIO in-process, under ctx.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	routeBleveLog()
	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "partynews: %v\n", oneLine(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "partynews: %v\n", oneLine(err.Error()))
	return exitFatal
}

// oneLine keeps an error message on one line (cobra's suggestions come on
// lines of their own).
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n\t", "; ")), " ")
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

Exit status (each command's --help gives its own): 0 done or something found,
1 nothing found or an error, 2 a usage error (a bad flag, value, query or
command), 3 index finished but some files failed.

` + indexHelp,
		Version:                    versionString(),
		SuggestionsMinimumDistance: 2,
		SilenceUsage:               true,
		SilenceErrors:              true,
		// A word that is no command is a usage error (exit 2), with cobra's
		// suggestion; no word at all prints the help.
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := c.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, ", "))
			}
			return usageError("%s (see 'partynews --help')", msg)
		},
	}
	root.SetVersionTemplate("partynews {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{exitUsage, fmt.Errorf("%v (see '%s --help')", err, c.CommandPath())}
	})
	root.PersistentFlags().String("index", "", "index folder (default: $PARTYNEWS_INDEX, else the per-user data folder)")
	root.PersistentFlags().String("cpuprofile", "", "write a CPU profile (pprof) to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentFlags().String("trace", "", "write an execution trace (go tool trace) to this file")
	_ = root.PersistentFlags().MarkHidden("trace")
	var profile, tracing *os.File
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		if p, _ := c.Flags().GetString("trace"); p != "" {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			tracing = f
			if err := trace.Start(f); err != nil {
				return err
			}
		}
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
	root.PersistentFlags().String("memprofile", "", "write an allocation profile (pprof) to this file at the end")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	root.PersistentPostRun = func(c *cobra.Command, _ []string) {
		if profile != nil {
			pprof.StopCPUProfile()
			profile.Close()
		}
		if tracing != nil {
			trace.Stop()
			tracing.Close()
		}
		if p, _ := c.Flags().GetString("memprofile"); p != "" {
			if f, err := os.Create(p); err == nil {
				_ = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}
	}
	choiceVar(root.PersistentFlags(), new(string), "color", "auto", colorChoices, "colour the output: auto (on a terminal, unless NO_COLOR is set), always or never")
	_ = root.RegisterFlagCompletionFunc("color", completeWords(colorChoices...))
	root.AddCommand(newIndexCmd(), newSearchCmd(), newExtractCmd(), newStatsCmd(), newShowCmd(), newSampleCmd(), newEntitiesCmd(), newTimelineCmd(), newExportCmd(), newManCmd(), newJSONHelp(), newHelpQueryCmd(), newCheckCmd(), newServeCmd())
	root.SetHelpCommand(newHelpCmd())
	root.InitDefaultCompletionCmd()
	fixCompletionCmd(root)
	for _, c := range root.Commands() {
		c.Args = wrapArgs(c.Args)
		if c.Runnable() && !strings.Contains(c.Long, "Exit status") {
			c.Long = strings.TrimRight(c.Long, "\n") + "\n\nExit status: 0 done, 1 an error, 2 a usage error."
		}
	}
	return root
}

// newHelpCmd is 'help [COMMAND|TOPIC]': an unknown topic is a usage error
// (cobra's own help prints the root's help and exits 0).
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND|TOPIC]",
		Short: "Help about a command, or a topic: json",
		Long: `Help about any command, or about a topic (json: the fields of --json output).

Exit status: 0 shown, 2 no such command or topic.`,
		ValidArgsFunction: func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, s := range c.Root().Commands() {
				if s.IsAvailableCommand() || s.IsAdditionalHelpTopicCommand() {
					names = append(names, s.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || (len(args) > 0 && (target == c.Root() || len(rest) > 0)) {
				return usageError("help: no command or topic %q (see 'partynews --help')", strings.Join(args, " "))
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	}
}

// fixCompletionCmd makes 'completion SHELL' with a shell cobra does not
// generate for (tcsh) a usage error instead of a help page and exit 0.
func fixCompletionCmd(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, s := range c.Commands() {
			shells = append(shells, s.Name())
		}
		c.Long += "\n\nExit status: 0 done, 2 a shell partynews has no completion for."
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("completion: name a shell: %s", strings.Join(shells, ", "))
			}
			return usageError("completion: no completion for shell %q (shells: %s)", args[0], strings.Join(shells, ", "))
		}
	}
}

// version is set at build time: go build -ldflags "-X main.version=v1.2.3"
// (make build does). Without it, the module version Go recorded, else "devel".
var version string

func versionString() string {
	v := version
	goVer := runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVer = bi.GoVersion
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		if v == "" {
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					v = "devel-" + s.Value[:12]
				}
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	return v + " (" + goVer + ")"
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
	if r := servedSearcher(c); r != nil { // in the resident server: its open index
		return r, nil
	}
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
