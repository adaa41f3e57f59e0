package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/partynews/partynews/corpus"
	"github.com/partynews/partynews/index"
	"github.com/partynews/partynews/pipeline"
)

// Status is what a run did with one file: every file seen ends as exactly one
// of Indexed, Unchanged, Duplicate, Skipped or Failed; a pruned path is Deleted.
type Status string

// Statuses of a file.
const (
	Indexed   Status = "indexed"
	Unchanged Status = "unchanged"
	Duplicate Status = "duplicate"
	Skipped   Status = "skipped"
	Failed    Status = "failed"
	Deleted   Status = "deleted"
)

// Outcome is the end of one file.
type Outcome struct {
	Path   string
	Status Status
	Reason string // why, for all but Indexed
	Bytes  int64  // bytes of text read (files that were read)
}

// Options shape a run.
type Options struct {
	Roots   []string // files and folders to index, absolute
	MaxSize int64    // skip files larger than this (0: no cap)
	Workers int      // parallel read/detect/extract workers (default 1)
	Buffer  int      // documents the workers may keep ready for the writer (default Workers)
	Prune   bool     // delete documents whose files under Roots are gone
	// Found is called (from the walking goroutine) for each file found; optional.
	Found func()
	// Report is called with every file's outcome, one call at a time, in the
	// order the writer handles them.
	Report func(Outcome)
}

// Run indexes the files under opt.Roots into w: walk → skip policy and no-op
// check → read and decode → detect → extract → write, reporting one Outcome
// per file, then prunes if asked. It neither commits nor aborts w: the caller
// closes it after a nil error and aborts it otherwise. A cancelled ctx ends
// the run with ctx's error.
func Run(ctx context.Context, w *index.Writer, proc *pipeline.Processor, opt Options) error {
	if opt.Workers < 1 {
		opt.Workers = 1
	}
	report := opt.Report
	if report == nil {
		report = func(Outcome) {}
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()

	type job struct {
		Outcome
		size   int64
		mtime  time.Time
		doc    index.Document
		hasDoc bool
	}
	jobs := make(chan job, 4*opt.Workers)
	walkErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		walkErr <- corpus.Walk(ctx, opt.Roots, func(f corpus.File) error {
			if opt.Found != nil {
				opt.Found()
			}
			j := job{Outcome: Outcome{Path: f.Path}, size: f.Size, mtime: f.ModTime}
			switch {
			case f.Err != nil && irregular(f.Path):
				j.Status, j.Reason = Skipped, f.Err.Error()
			case f.Err != nil:
				j.Status, j.Reason = Classify(f.Err)
			case opt.MaxSize > 0 && f.Size > opt.MaxSize:
				j.Status, j.Reason = Skipped, fmt.Sprintf("larger than the size cap (%d > %d bytes)", f.Size, opt.MaxSize)
			case f.Size == 0:
				j.Status, j.Reason = Skipped, "empty file"
			default:
				same, err := w.Unchanged(f.Path, f.Size, f.ModTime)
				if err != nil {
					j.Status, j.Reason = Failed, err.Error()
				} else if same {
					j.Status, j.Reason = Unchanged, "same size and modification time as the last run"
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
	results := pipeline.Map(ctx, opt.Workers, opt.Buffer, jobs, func(j job) job {
		if j.Status != "" {
			return j
		}
		w.Yield() // a batch's analysis has the cores
		a, err := corpus.Read(j.Path, opt.MaxSize)
		if err != nil {
			j.Status, j.Reason = Classify(err)
			return j
		}
		j.Bytes = int64(len(a.Text))
		j.doc = Document(proc.Process(a))
		j.hasDoc = true
		return j
	})

	var fatal error
	for j := range results {
		if fatal != nil {
			continue // drain
		}
		if !j.hasDoc {
			report(j.Outcome)
			continue
		}
		out, err := w.Put(j.Path, j.doc, j.size, j.mtime)
		if err != nil {
			fatal = err
			stop()
			continue
		}
		switch out {
		case index.Indexed:
			j.Status = Indexed
		case index.Unchanged:
			j.Status, j.Reason = Unchanged, "content unchanged"
		case index.Duplicate:
			j.Status, j.Reason = Duplicate, "same text as document "+j.doc.ID
		}
		report(j.Outcome)
	}
	if err := <-walkErr; err != nil && fatal == nil {
		fatal = err
	}
	if fatal != nil {
		return fatal
	}
	if !opt.Prune {
		return nil
	}
	err := w.Paths(func(p string) error {
		if !under(p, opt.Roots) {
			return nil
		}
		if _, err := os.Lstat(p); !errors.Is(err, os.ErrNotExist) {
			return nil
		}
		removed, err := w.Remove(p)
		if err != nil {
			return err
		}
		if removed { // a path the index still lists but no document holds is no deletion
			report(Outcome{Path: p, Status: Deleted, Reason: "file is gone"})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("prune: %w", err)
	}
	return nil
}

// Classify turns a read error into a status and a reason: rules that exclude a
// file are Skipped, everything else Failed.
func Classify(err error) (Status, string) {
	switch {
	case errors.Is(err, corpus.ErrNoSuchPath):
		return Failed, err.Error()
	case errors.Is(err, corpus.ErrNotText), errors.Is(err, corpus.ErrEmpty), errors.Is(err, corpus.ErrTooLarge), errors.Is(err, corpus.ErrDanglingLink):
		return Skipped, err.Error()
	case errors.Is(err, os.ErrNotExist):
		return Skipped, "file disappeared before it could be read: " + err.Error()
	}
	return Failed, err.Error()
}

// irregular reports whether path is a FIFO, a device, a socket: not an
// article, so skipped by rule rather than failed.
func irregular(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	return fi.Mode()&(os.ModeNamedPipe|os.ModeDevice|os.ModeCharDevice|os.ModeSocket|os.ModeIrregular) != 0
}

func under(p string, roots []string) bool {
	for _, r := range roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
