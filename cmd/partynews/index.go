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

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/ingest"
	"github.com/partynews/partynews/internal/gcpolicy"
	"github.com/partynews/partynews/pipeline"
	"github.com/partynews/partynews/pipeline/extract"
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
	// Checkpoints is how many times the run published what it had written
	// while it went on (searches saw it); Interrupted is set when a signal
	// stopped the run.
	Checkpoints    int     `json:"checkpoints"`
	CheckpointSecs float64 `json:"checkpoint_seconds"`
	Interrupted    bool    `json:"interrupted"`
	// Extractor is the version of the entity extractor of this run;
	// OtherExtractor, when set, that of documents already in the index, which
	// keep their entities until --rebuild.
	Extractor      string `json:"extractor"`
	OtherExtractor string `json:"other_extractor,omitempty"`
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
index is published every --checkpoint (without stopping bleve's merges) and at
the end, so a search sees what was indexed a checkpoint ago and a crash loses
at most that much. Ctrl-C (SIGINT) or SIGTERM publishes what was indexed and
exits 130 or 143; a second one exits at once, keeping the last checkpoint. A
second index run on the same index waits --wait for the first, then gives up
with a message.

--rebuild indexes again from the article files, from scratch, the shards whose
published state is damaged (see 'partynews check') or was built by an older
or a newer version — every shard when none is; searches keep the last good state until the
rebuilt one is published at the end. Documents whose files are not under the
PATHs given are dropped from a rebuilt shard.

An index remembers the version of the entity extractor that found its
documents' people, dates, documents and figures. After an upgrade that changed
it, a run warns (and --json reports other_extractor): the documents keep the
entities found before, only texts new to the index get the new ones, until
--rebuild extracts every article again (it rebuilds the shards whose
documents another extractor read).

Exit status: 0 all done, 1 fatal error (also: an index built by an older
or a newer version, or damaged: run --rebuild), 2 usage error (a PATH that does not
exist: nothing is written), 3 finished but some files failed (listed in
--report and the log), 130/143 interrupted by SIGINT/SIGTERM (what was indexed
is published).

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
	f.DurationVar(&o.checkpoint, "checkpoint", 30*time.Second, "publish progress to searches this often (a crash loses at most this much)")
	f.BoolVar(&o.rebuild, "rebuild", false, "rebuild damaged or outdated shards (all when none is) from the article files")
	f.DurationVar(&o.wait, "wait", 0, "wait this long for another index run on the same index to finish")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress output")
	f.IntVar(&o.shards, "shards", 0, "split a new index into this many shards, searched together (an existing index keeps its count)")
	return c
}

// resultBuffer is how many processed documents the workers may keep ready for
// the writer while it hands a batch to bleve, whose segment building runs on
// the writer's goroutine alone: with 1024 the workers go on through it (about
// a batch's worth) instead of stopping after 128, and an import uses 1.53 of
// the 2 cores instead of 1.40 (20,000 articles: wall −9 %, median of ten
// alternated pairs; CPU the same). It is fixed, not --batch: processed
// documents are small (text and entities, not yet analysed), and the memory
// limit (internal/gcpolicy) bounds the rest.
const resultBuffer = 1024

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
	rebuild    bool
}

func runIndex(ctx context.Context, stdout io.Writer, o indexOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var caught atomic.Value // the first signal
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	finished := make(chan struct{})
	defer close(finished)
	go func() {
		select {
		case s := <-sigs:
			caught.Store(s)
			stop()
		case <-finished:
			return
		}
		select {
		case s := <-sigs: // a second signal: leave now, the last checkpoint stays
			os.Exit(signalCode(s))
		case <-finished:
		}
	}()
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
		// a mistyped path is a usage error before anything is written
		if _, err := os.Stat(abs); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return usageError("%s: no such file or folder", r)
			}
			return usageError("%s: %v", r, err)
		}
		roots[i] = abs
	}
	proc, err := pipeline.NewProcessor()
	if err != nil {
		return err
	}
	w, err := index.OpenWriter(o.dir, index.WriterOptions{BatchSize: o.batch, CheckpointEvery: o.checkpoint, LockWait: o.wait, Shards: o.shards, Rebuild: o.rebuild, Extractor: extract.Version()})
	if err != nil {
		var oe *index.OutdatedError
		var ne *index.NewerError
		var de *index.DamagedError
		if errors.As(err, &oe) || errors.As(err, &ne) || errors.As(err, &de) {
			return err
		}
		return fmt.Errorf("open index %s: %w", o.dir, err)
	}
	if st := w.Stats(); st.Rebuilt > 0 {
		log.Info("rebuilding from the article files", "shards", st.Rebuilt)
	}
	otherExtractor := w.Stats().OtherExtractor
	if otherExtractor != "" {
		log.Warn("the index holds documents whose people, dates, documents and figures were found by another version of the entity extractor: they keep them, and only texts new to the index get this version's; run 'partynews index --rebuild PATH...' to extract every article again",
			"index", o.dir, "theirs", otherExtractor, "this", extract.Version())
	}
	committed := false
	defer func() {
		if !committed {
			w.Abort()
		}
	}()

	sum := summary{Index: o.dir, Extractor: extract.Version(), OtherExtractor: otherExtractor}
	var seen atomic.Int64
	progress := newProgress(o.quiet, &seen, log)
	go progress.count(ctx, roots)
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
	sig, _ := caught.Load().(os.Signal)
	if err != nil && (sig == nil || !errors.Is(err, context.Canceled)) {
		progress.done()
		return err
	}
	if sig != nil {
		// publish what was written, without waiting for merges
		progress.done()
		committed = true
		if err := w.Stop(); err != nil {
			return &exitError{signalCode(sig), fmt.Errorf("interrupted by %s; publishing what was indexed failed (the index keeps its last checkpoint): %w", signalName(sig), err)}
		}
		sum.Interrupted = true
		printSummary(stdout, o, &sum, start, w.Stats())
		return &exitError{signalCode(sig), fmt.Errorf("interrupted by %s: the %d files handled so far are published", signalName(sig), sum.Seen)}
	}
	// a signal during the final merges stops them and publishes as it is
	mergeCtx, endMerge := context.WithCancel(context.Background())
	defer endMerge()
	go func() {
		select {
		case <-ctx.Done():
			endMerge()
		case <-mergeCtx.Done():
		}
	}()
	if err := w.CloseContext(mergeCtx); err != nil {
		committed = true
		progress.done()
		return fmt.Errorf("publish index: %w", err)
	}
	committed = true
	progress.done()
	if sig, _ := caught.Load().(os.Signal); sig != nil {
		sum.Interrupted = true
		printSummary(stdout, o, &sum, start, w.Stats())
		return &exitError{signalCode(sig), fmt.Errorf("interrupted by %s while merging: everything indexed is published", signalName(sig))}
	}
	printSummary(stdout, o, &sum, start, w.Stats())
	if sum.Failed > 0 {
		return &exitError{exitPartial, fmt.Errorf("%d files failed (see the log%s)", sum.Failed, map[bool]string{true: " and " + o.report, false: ""}[o.report != ""])}
	}
	return nil
}

func printSummary(stdout io.Writer, o indexOptions, sum *summary, start time.Time, st index.WriterStats) {
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.DocsPerS = float64(sum.Indexed+sum.Duplicate) / sum.Seconds
	}
	sum.Checkpoints = st.Checkpoints
	sum.CheckpointSecs = st.Time.Seconds()
	if o.asJSON {
		b, _ := json.Marshal(sum)
		fmt.Fprintln(stdout, string(b))
		return
	}
	fmt.Fprintf(stdout, "indexed %d, unchanged %d, duplicate %d, skipped %d, failed %d, deleted %d of %d files in %.1fs (%.0f docs/s) into %s\n",
		sum.Indexed, sum.Unchanged, sum.Duplicate, sum.Skipped, sum.Failed, sum.Deleted, sum.Seen, sum.Seconds, sum.DocsPerS, o.dir)
}

// signalCode is the exit status of a run stopped by s: 128 + its number, as a
// shell reports it (130 for SIGINT, 143 for SIGTERM).
func signalCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// progress shows a bar on a terminal and a log line every 10 s otherwise, with
// the files done, their total (counted by a walk of the roots beside the run;
// until it ends, the files found so far), a percentage and the time left.
type progress struct {
	bar     *progressbar.ProgressBar
	log     interface{ Info(string, ...any) }
	seen    *atomic.Int64
	total   atomic.Int64 // files under the roots, once counted; 0 until then
	counts  map[string]int
	handled int
	last    time.Time
	started time.Time
	quiet   bool
}

func newProgress(quiet bool, seen *atomic.Int64, log interface{ Info(string, ...any) }) *progress {
	p := &progress{log: log, seen: seen, counts: map[string]int{}, last: time.Now(), started: time.Now(), quiet: quiet}
	if !quiet && isTerminal(os.Stderr) {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("counting files"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionFullWidth(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// count walks the roots as the run does, counting the article files (a stat
// each, no read: a few seconds for 400,000 files), and gives the bar its total.
func (p *progress) count(ctx context.Context, roots []string) {
	if p.quiet {
		return
	}
	var n int64
	err := corpus.Walk(ctx, roots, func(corpus.File) error { n++; return nil })
	if err != nil {
		return
	}
	p.total.Store(n)
	if p.bar != nil {
		p.bar.ChangeMax64(n)
		p.bar.Describe("indexing")
	}
}

func (p *progress) add(status string) {
	p.counts[status]++
	if status != stDeleted {
		p.handled++
	}
	if p.bar != nil {
		_ = p.bar.Add(1)
		return
	}
	if !p.quiet && time.Since(p.last) >= 10*time.Second {
		p.last = time.Now()
		elapsed := time.Since(p.started)
		attrs := []any{"done", p.handled, "found", p.seen.Load(), "indexed", p.counts[stIndexed],
			"failed", p.counts[stFailed], "files_per_s", int(float64(p.handled) / elapsed.Seconds())}
		if total := p.total.Load(); total > 0 {
			pct, left := eta(p.handled, total, elapsed)
			attrs = append(attrs, "total", total, "percent", pct, "left", left.Round(time.Second).String())
		}
		p.log.Info("indexing", attrs...)
	}
}

// eta is the percentage of total done and the time left at the rate so far.
func eta(done int, total int64, elapsed time.Duration) (int, time.Duration) {
	if total <= 0 || done <= 0 {
		return 0, 0
	}
	if int64(done) >= total {
		return 100, 0
	}
	left := time.Duration(float64(elapsed) * float64(total-int64(done)) / float64(done))
	return int(100 * int64(done) / total), left
}

func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
