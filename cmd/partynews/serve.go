package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/partynews/partynews/internal/resident"
	"github.com/partynews/partynews/search"
)

// servedCommands are the commands a resident server answers: they only read
// the index. stats only for an index named by an absolute path (it prints it).
var servedCommands = []string{"search", "timeline", "entities", "stats"}

func newServeCmd() *cobra.Command {
	var (
		idle   time.Duration
		socket string
		group  string
		shared bool
		stop   bool
	)
	c := &cobra.Command{
		Use:   "serve [--idle D] [--shared | --group G] [--stop]",
		Short: "Keep the index open and answer searches for other partynews processes",
		Long: `Keep the index open in a resident process and answer 'search', 'timeline',
'entities' and 'stats' of other partynews processes over a Unix socket, so that
each of them skips opening the index and warming its dictionaries (tens of
milliseconds less CPU per search, much more on a large index). It is an
optimisation only: a command that finds no server answers in-process, and the
output is the same bytes either way.

A search that finds no server starts one by itself (partynews serve --idle 10m,
detached, private to the user) and answers in-process; that server stops after
--idle without a request, when the index folder disappears, on SIGTERM or
with 'partynews serve --stop'. It re-opens the index when a new generation is
published. PARTYNEWS_SERVER=off turns all of it off.

It runs as many commands at once as the machine has cores; the others wait
their turn, and a search's --timeout counts from when its turn comes, so a
team's burst of searches queues instead of failing at the time limit.

Sockets: the user's own server listens on $XDG_RUNTIME_DIR/partynews/H.sock
(else $TMPDIR/partynews-UID/H.sock; H is a hash of the index path), mode 0600.
A team can share one server: run 'partynews serve --group analysts' (as the
index's owner or a service, in the foreground) and it listens on
DIR/search.sock, mode 0660, group analysts; every partynews tries that socket
first. The socket answers only the read commands above, never index or a
profile file.

Exit status: 0 stopped, 1 an error (another server already runs, the index
cannot be opened), 2 a usage error.

` + indexHelp,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			dir, err := indexDir(c)
			if err != nil {
				return &exitError{exitUsage, err}
			}
			if dir, err = filepath.Abs(dir); err != nil {
				return &exitError{exitUsage, err}
			}
			gid := -1
			if group != "" {
				g, err := lookupGroup(group)
				if err != nil {
					return &exitError{exitUsage, fmt.Errorf("--group: %w", err)}
				}
				gid, shared = g, true
			}
			if socket == "" {
				if shared {
					socket = resident.SharedSocket(dir)
				} else if socket, err = resident.PrivateSocket(dir); err != nil {
					return err
				}
			}
			if stop {
				ok, err := resident.StopServer(socket)
				if err != nil {
					return err
				}
				if ok {
					fmt.Fprintf(c.ErrOrStderr(), "stopped the server on %s\n", socket)
				} else {
					fmt.Fprintf(c.ErrOrStderr(), "no server on %s\n", socket)
				}
				return nil
			}
			x := newServedIndex(dir, runtime.GOMAXPROCS(0))
			r, err := x.acquire()
			if err != nil {
				return &exitError{exitUsage, err}
			}
			r.Close()
			defer x.close()
			srv, err := resident.Listen(socket, gid)
			if err != nil {
				return err
			}
			ctx, cancel := signal.NotifyContext(c.Context(), syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
			defer cancel()
			srv.Dir, srv.Idle = dir, idle
			srv.Log = slog.New(slog.NewTextHandler(c.ErrOrStderr(), nil))
			srv.Handler = x.handler(ctx, srv.Stop)
			srv.Log.Info("resident server: listening", "socket", socket, "index", dir, "idle", idle)
			return srv.Serve(ctx)
		},
	}
	f := c.Flags()
	f.DurationVar(&idle, "idle", 0, "stop after this long without a request (0: never)")
	f.BoolVar(&shared, "shared", false, "listen on the index folder's socket (DIR/search.sock) for every user who may reach it")
	f.StringVar(&group, "group", "", "share the server with this group: DIR/search.sock, mode 0660 (implies --shared)")
	f.BoolVar(&stop, "stop", false, "stop the server of this index (the user's own, or with --shared the shared one)")
	f.StringVar(&socket, "socket", "", "the socket path (default: see above)")
	_ = f.MarkHidden("socket")
	return c
}

func lookupGroup(name string) (int, error) {
	if n, err := strconv.Atoi(name); err == nil {
		return n, nil
	}
	g, err := user.LookupGroup(name)
	if err != nil {
		return -1, err
	}
	return strconv.Atoi(g.Gid)
}

// servedIndex is the server's open index, re-opened when a new generation is
// published.
type servedIndex struct {
	dir string
	mu  sync.Mutex
	cur *search.Searcher
	fp  string // the CURRENT (and SHARDS) files it was opened at
	// slots holds a token per command running. Commands beyond its capacity
	// wait: 40 searches at once on 2 cores each got a twentieth of a core,
	// and at 1,000,000 articles 9 of 120 ran past their time limit (800 ms)
	// though each needs about a tenth of that alone; in turn, each runs at
	// full speed and its time limit measures the query, not the queue.
	slots chan struct{}
}

// newServedIndex serves dir, running at most n commands at once.
func newServedIndex(dir string, n int) *servedIndex {
	return &servedIndex{dir: dir, slots: make(chan struct{}, max(n, 1))}
}

// acquire returns the open index of the newest published generation, held
// for the caller, who closes it.
func (x *servedIndex) acquire() (*search.Searcher, error) {
	fp := generation(x.dir)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.cur == nil || fp != x.fp {
		r, err := search.Open(x.dir)
		if err != nil {
			return nil, err
		}
		if x.cur != nil {
			x.cur.Close() // closed when its last request is answered
		}
		x.cur, x.fp = r, fp
	}
	x.cur.Hold()
	return x.cur, nil
}

func (x *servedIndex) close() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.cur != nil {
		x.cur.Close()
		x.cur = nil
	}
}

// generation names what is published in dir: the contents of its CURRENT
// and SHARDS files and of its shards' CURRENT files.
func generation(dir string) string {
	var b []byte
	for _, p := range []string{"CURRENT", "SHARDS"} {
		c, _ := os.ReadFile(filepath.Join(dir, p))
		b = append(append(b, c...), 0)
	}
	shards, _ := filepath.Glob(filepath.Join(dir, "shard-*", "CURRENT"))
	for _, p := range shards {
		c, _ := os.ReadFile(p)
		b = append(append(append(b, p...), c...), 0)
	}
	return string(b)
}

// handler answers a request by running the command in-process against the
// open index, writing into the caller's standard output and error.
func (x *servedIndex) handler(ctx context.Context, stop func()) resident.Handler {
	return func(req resident.Request) (func(stdout, stderr *os.File) int, error) {
		if req.Dir != x.dir {
			return nil, fmt.Errorf("%w: index %s, not %s", resident.ErrDeclined, req.Dir, x.dir)
		}
		if !resident.SameEnv(req.Env, resident.Env()) {
			return nil, fmt.Errorf("%w: NO_COLOR or TERM differ", resident.ErrDeclined)
		}
		if req.Exe != resident.Self() {
			if resident.SelfNow() != resident.Self() { // upgraded: make way for the new program
				stop()
			}
			return nil, fmt.Errorf("%w: another program %q", resident.ErrDeclined, req.Exe)
		}
		if _, ok := servedCommand(req.Args); !ok {
			return nil, fmt.Errorf("%w: not a served command", resident.ErrDeclined)
		}
		r, err := x.acquire()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", resident.ErrDeclined, err)
		}
		return func(stdout, stderr *os.File) int {
			defer r.Close()
			if stdout == nil || stderr == nil { // the caller gave up
				return 0
			}
			select {
			case x.slots <- struct{}{}: // its turn: the time limit starts in the command
				defer func() { <-x.slots }()
			case <-ctx.Done():
				fmt.Fprintln(stderr, "partynews: the resident server stopped before this command's turn; run it again")
				return exitFatal
			}
			guard := &pipeGuard{out: stdout, err: stderr}
			code := runContext(context.WithValue(context.WithoutCancel(ctx), servedKey{}, r), req.Args, eofReader{}, stdout, guard)
			if guard.broken || resident.Broken(stdout) {
				return resident.CodeBrokenPipe
			}
			return code
		}, nil
	}
}

// pipeGuard is the standard error of a served command: once the caller's
// standard output is a broken pipe (search | head), it prints nothing more (the
// caller dies of SIGPIPE, as in-process, with no "broken pipe" message).
type pipeGuard struct {
	out, err *os.File
	broken   bool
}

func (g *pipeGuard) Write(p []byte) (int, error) {
	if g.broken || resident.Broken(g.out) {
		g.broken = true
		return len(p), nil
	}
	return g.err.Write(p)
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

type servedKey struct{}

// served returns the resident server's open index when c runs in it, else nil.
func served(c *cobra.Command) *search.Searcher {
	ctx := c.Context()
	if ctx == nil {
		return nil
	}
	r, _ := ctx.Value(servedKey{}).(*search.Searcher)
	return r
}

// servedSearcher is the resident server's open index when c runs in it (held
// for c: its Close releases it), else nil.
func servedSearcher(c *cobra.Command) *search.Searcher {
	r := served(c)
	if r != nil {
		r.Hold()
	}
	return r
}

// servedCommand parses args on a throw-away command tree and returns the
// command when a resident server may answer it: a served command, flags that
// parse, no profile.
func servedCommand(args []string) (*cobra.Command, bool) {
	root := newRoot()
	c, rest, err := root.Find(args)
	if err != nil || c.Parent() != root || !slices.Contains(servedCommands, c.Name()) {
		return nil, false
	}
	if err := c.ParseFlags(rest); err != nil {
		return nil, false
	}
	if p, _ := c.Flags().GetString("cpuprofile"); p != "" {
		return nil, false
	}
	return c, true
}

// tryResident answers args through a resident server of the index when one
// answers: it reports the exit code and true; else false (nothing written),
// having started a server for the next command when none runs.
func tryResident(args []string, stdout, stderr io.Writer) (int, bool) {
	if resident.Disabled() {
		return 0, false
	}
	out, ok1 := stdout.(*os.File)
	errf, ok2 := stderr.(*os.File)
	if !ok1 || !ok2 {
		return 0, false
	}
	c, ok := servedCommand(args)
	if !ok {
		return 0, false
	}
	dir, err := indexDir(c)
	if err != nil {
		return 0, false
	}
	abs, err := filepath.Abs(dir)
	if err != nil || (c.Name() == "stats" && abs != dir) {
		return 0, false
	}
	req := resident.Request{Dir: abs, Args: args, Env: resident.Env(), Exe: resident.Self()}
	sockets := []string{resident.SharedSocket(abs)}
	private, err := resident.PrivateSocket(abs)
	if err == nil {
		sockets = append(sockets, private)
	}
	for _, s := range sockets {
		code, err := resident.Call(s, req, out, errf)
		switch {
		case err == nil && code == resident.CodeBrokenPipe:
			return resident.DieOfPipe(out), true
		case err == nil:
			return code, true
		case errors.Is(err, resident.ErrLost):
			fmt.Fprintf(stderr, "partynews: %v; run the command again (PARTYNEWS_SERVER=off answers without it)\n", err)
			return exitFatal, true
		case s == private && errors.Is(err, resident.ErrNoServer) && published(abs):
			_ = resident.Spawn(abs, private, resident.DefaultIdle)
		}
	}
	return 0, false
}

// published reports whether dir looks like an index (a server could open it).
func published(dir string) bool {
	for _, p := range []string{"CURRENT", "SHARDS"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			return true
		}
	}
	return false
}
