package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/internal/gcpolicy"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/detect"
)

// File statuses: every file seen ends as exactly one of them.
const (
	stIndexed   = "indexed"
	stUnchanged = "unchanged"
	stDuplicate = "duplicate"
	stSkipped   = "skipped"
	stFailed    = "failed"
	stDeleted   = "deleted"
)

// summary is what an index run did; Seen = indexed+unchanged+duplicate+skipped+failed.
type summary struct {
	Index     string  `json:"index"`
	Seen      int     `json:"seen"`
	Indexed   int     `json:"indexed"`
	Unchanged int     `json:"unchanged"`
	Duplicate int     `json:"duplicate"`
	Skipped   int     `json:"skipped"`
	Failed    int     `json:"failed"`
	Deleted   int     `json:"deleted"`
	Bytes     int64   `json:"bytes_read"`
	Seconds   float64 `json:"seconds"`
	DocsPerS  float64 `json:"docs_per_s"`
}

type job struct {
	path    string // absolute
	size    int64
	mtime   time.Time
	status  string // set when decided without reading: unchanged, skipped, failed
	reason  string
	doc     index.Document
	hasDoc  bool
	readLen int64
}

type reportLine struct {
	Path   string `json:"path"`
	Status string `json:"status"`
	Reason string `json:"reason"`
}

func newIndexCmd() *cobra.Command {
	var o indexOptions
	c := &cobra.Command{
		Use:   "index [flags] PATH...",
		Short: "Add article files (.txt, recursively) to the index; incremental",
		Long: `Index article files: each PATH is a .txt file or a folder searched recursively.

Incremental: a file whose size and modification time match the last run is not
read again (unchanged); a changed file replaces its document; the same text at
two paths is one document with two paths (duplicate); with --prune, documents
whose files are gone are deleted.

Every file ends as exactly one of: indexed, unchanged, duplicate, skipped (not
text, empty, over --max-size) or failed (an error); --report FILE lists every file
that was not indexed, one JSON object a line: {"path","status","reason"}.

Searches keep answering from the last published state while this runs; the
index is published every --checkpoint and at the end. A second index run on the
same index waits --wait for the first, then gives up with a message.

Exit status: 0 all done, 1 fatal error, 2 usage error, 3 finished but some files
failed (listed in --report and the log).

` + indexHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			dir, err := indexDir(c)
			if err != nil {
				return err
			}
			o.dir, o.roots = dir, args
			gcpolicy.Indexing()
			return runIndex(c.Context(), c.OutOrStdout(), o)
		},
	}
	f := c.Flags()
	f.BoolVar(&o.asJSON, "json", false, "print the summary as one JSON object on stdout")
	f.StringVar(&o.report, "report", "", "write one JSON line per file not indexed (path, status, reason) to this file")
	f.BoolVar(&o.prune, "prune", false, "delete documents whose files under PATH are gone")
	f.Int64Var(&o.maxSize, "max-size", 50<<20, "skip files larger than this many bytes")
	f.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "parallel parse/detect/extract workers")
	f.IntVar(&o.batch, "batch", index.DefaultBatchSize, "documents per index batch")
	f.DurationVar(&o.checkpoint, "checkpoint", 30*time.Second, "publish progress to searches this often")
	f.DurationVar(&o.wait, "wait", 0, "wait this long for another index run on the same index to finish")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress output")
	f.IntVar(&o.shards, "shards", 0, "split a new index into this many shards, searched together (an existing index keeps its count)")
	return c
}

// indexOptions are the flags and arguments of an index run.
type indexOptions struct {
	dir        string
	roots      []string
	asJSON     bool
	report     string
	prune      bool
	maxSize    int64
	workers    int
	batch      int
	checkpoint time.Duration
	wait       time.Duration
	quiet      bool
	shards     int
}

func runIndex(ctx context.Context, stdout io.Writer, o indexOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := newLogger()
	start := time.Now()

	var rep *os.File
	if o.report != "" {
		var err error
		if rep, err = os.Create(o.report); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		defer rep.Close()
	}
	roots := make([]string, len(o.roots))
	for i, r := range o.roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			return usageError("path %s: %v", r, err)
		}
		roots[i] = abs
	}
	proc, err := pipeline.NewProcessor(detect.Options{})
	if err != nil {
		return err
	}
	w, err := index.OpenWriter(o.dir, index.WriterOptions{BatchSize: o.batch, CheckpointEvery: o.checkpoint, LockWait: o.wait, Shards: o.shards})
	if err != nil {
		return fmt.Errorf("open index %s: %w", o.dir, err)
	}
	committed := false
	defer func() {
		if !committed {
			w.Abort()
		}
	}()

	sum := summary{Index: o.dir}
	var seen atomic.Int64
	progress := newProgress(o.quiet, &seen, log)

	jobs := make(chan job, 4*o.workers)
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		walkErr <- corpus.Walk(ctx, roots, corpus.WalkOptions{}, func(f corpus.File) error {
			seen.Add(1)
			j := job{path: f.Path, size: f.Size, mtime: f.ModTime}
			switch {
			case f.Err != nil:
				j.status, j.reason = classify(f.Err)
			case o.maxSize > 0 && f.Size > o.maxSize:
				j.status, j.reason = stSkipped, fmt.Sprintf("larger than the size cap (%d > %d bytes)", f.Size, o.maxSize)
			case f.Size == 0:
				j.status, j.reason = stSkipped, "empty file"
			default:
				same, err := w.Unchanged(f.Path, f.Size, f.ModTime)
				if err != nil {
					j.status, j.reason = stFailed, err.Error()
				} else if same {
					j.status, j.reason = stUnchanged, "same size and modification time as the last run"
				}
			}
			select {
			case jobs <- j:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	// the workers keep going while the writer hands a batch to bleve
	results := pipeline.Map(ctx, o.workers, o.batch, jobs, func(j job) job {
		if j.status != "" {
			return j
		}
		a, err := corpus.Read(j.path, o.maxSize)
		if err != nil {
			j.status, j.reason = classify(err)
			return j
		}
		j.readLen = int64(len(a.Text))
		j.doc = ingest.Document(proc.Process(a))
		j.hasDoc = true
		return j
	})

	record := func(path, status, reason string) {
		switch status {
		case stIndexed:
			sum.Indexed++
		case stUnchanged:
			sum.Unchanged++
		case stDuplicate:
			sum.Duplicate++
		case stSkipped:
			sum.Skipped++
		case stFailed:
			sum.Failed++
			log.Warn("file failed", "path", path, "reason", reason)
		case stDeleted:
			sum.Deleted++
		}
		if status != stDeleted {
			sum.Seen++
		}
		progress.add(status)
		if rep != nil && status != stIndexed {
			b, _ := json.Marshal(reportLine{path, status, reason})
			rep.Write(append(b, '\n'))
		}
	}
	var fatal error
	for j := range results {
		if fatal != nil {
			continue // drain
		}
		if !j.hasDoc {
			record(j.path, j.status, j.reason)
			continue
		}
		sum.Bytes += j.readLen
		out, err := w.Put(j.path, j.doc, j.size, j.mtime)
		if err != nil {
			fatal = err
			stop()
			continue
		}
		switch out {
		case index.Indexed:
			record(j.path, stIndexed, "")
		case index.Unchanged:
			record(j.path, stUnchanged, "content unchanged")
		case index.Duplicate:
			record(j.path, stDuplicate, "same text as document "+j.doc.ID)
		}
	}
	if err := <-walkErr; err != nil && fatal == nil {
		fatal = err
	}
	if fatal != nil {
		progress.done()
		if errors.Is(fatal, context.Canceled) {
			return fmt.Errorf("interrupted: the index keeps its last published state")
		}
		return fatal
	}
	if o.prune {
		err := w.Paths(func(p string) error {
			if !under(p, roots) {
				return nil
			}
			if _, err := os.Lstat(p); !errors.Is(err, os.ErrNotExist) {
				return nil
			}
			if _, err := w.Remove(p); err != nil {
				return err
			}
			record(p, stDeleted, "file is gone")
			return nil
		})
		if err != nil {
			progress.done()
			return fmt.Errorf("prune: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		committed = true
		progress.done()
		return fmt.Errorf("publish index: %w", err)
	}
	committed = true
	progress.done()
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.DocsPerS = float64(sum.Indexed+sum.Duplicate) / sum.Seconds
	}
	if o.asJSON {
		b, _ := json.Marshal(sum)
		fmt.Fprintln(stdout, string(b))
	} else {
		fmt.Fprintf(stdout, "indexed %d, unchanged %d, duplicate %d, skipped %d, failed %d, deleted %d of %d files in %.1fs (%.0f docs/s) into %s\n",
			sum.Indexed, sum.Unchanged, sum.Duplicate, sum.Skipped, sum.Failed, sum.Deleted, sum.Seen, sum.Seconds, sum.DocsPerS, o.dir)
	}
	if sum.Failed > 0 {
		return &exitError{exitPartial, fmt.Errorf("%d files failed (see the log%s)", sum.Failed, map[bool]string{true: " and " + o.report, false: ""}[o.report != ""])}
	}
	return nil
}

// classify turns a read error into a status and a reason: rules that exclude a
// file are "skipped", everything else "failed".
func classify(err error) (string, string) {
	switch {
	case errors.Is(err, corpus.ErrNoSuchPath):
		return stFailed, err.Error()
	case errors.Is(err, corpus.ErrNotText), errors.Is(err, corpus.ErrEmpty), errors.Is(err, corpus.ErrTooLarge), errors.Is(err, corpus.ErrDanglingLink):
		return stSkipped, err.Error()
	case errors.Is(err, os.ErrNotExist):
		return stSkipped, "file disappeared before it could be read: " + err.Error()
	}
	return stFailed, err.Error()
}

func under(p string, roots []string) bool {
	for _, r := range roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// progress shows a bar on a terminal and a log line every 10 s otherwise.
type progress struct {
	bar     *progressbar.ProgressBar
	log     interface{ Info(string, ...any) }
	seen    *atomic.Int64
	counts  map[string]int
	last    time.Time
	started time.Time
	quiet   bool
}

func newProgress(quiet bool, seen *atomic.Int64, log interface{ Info(string, ...any) }) *progress {
	p := &progress{log: log, seen: seen, counts: map[string]int{}, last: time.Now(), started: time.Now(), quiet: quiet}
	if !quiet && isTerminal(os.Stderr) {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("indexing"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) add(status string) {
	p.counts[status]++
	if p.bar != nil {
		_ = p.bar.Add(1)
		return
	}
	if !p.quiet && time.Since(p.last) >= 10*time.Second {
		p.last = time.Now()
		done := 0
		for _, n := range p.counts {
			done += n
		}
		p.log.Info("indexing", "done", done, "found", p.seen.Load(), "indexed", p.counts[stIndexed],
			"failed", p.counts[stFailed], "docs_per_s", int(float64(done)/time.Since(p.started).Seconds()))
	}
}

func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
