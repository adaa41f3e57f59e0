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
	"sync/atomic"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/internal/gcpolicy"
	"github.com/partynews/partynews/pipeline"
)

// File statuses: every file seen ends as exactly one of them (ingest.Status).
const (
	stIndexed   = string(ingest.Indexed)
	stUnchanged = string(ingest.Unchanged)
	stDuplicate = string(ingest.Duplicate)
	stSkipped   = string(ingest.Skipped)
	stFailed    = string(ingest.Failed)
	stDeleted   = string(ingest.Deleted)
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

// resultBuffer is how many processed documents the workers may keep ready for
// the writer while it hands a batch to bleve. It is fixed: sized by --batch, a
// batch of 1024 kept two batches of documents alive at once.
const resultBuffer = 128

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
	proc, err := pipeline.NewProcessor()
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
	record := func(out ingest.Outcome) {
		status, path, reason := string(out.Status), out.Path, out.Reason
		sum.Bytes += out.Bytes
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
	err = ingest.Run(ctx, w, proc, ingest.Options{Roots: roots, MaxSize: o.maxSize, Workers: o.workers, Buffer: resultBuffer,
		Prune: o.prune, Found: func() { seen.Add(1) }, Report: record})
	if err != nil {
		progress.done()
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted: the index keeps its last published state")
		}
		return err
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
