// Package blevelog sends the lines bleve prints to a slog.Logger instead of raw
// to stderr.
//
// bleve v2.6 prints through two channels:
//   - scorch (index/scorch/persister.go, rollback.go) calls the standard
//     library's log.Printf, so its lines go wherever the log package's default
//     logger writes — stderr, with a date — for instance
//     "unable to load snapshot, failed to load segment: …, continuing" when a
//     segment of the newest snapshot cannot be opened (scorch then serves an
//     older snapshot, or an empty index);
//   - bleve itself (bleve.SetLog), its mapping (mapping.SetLog) and its query
//     parser (query.SetLog) have *log.Logger variables that discard by default.
//
// zapx prints nothing outside its command-line tool and bbolt's logger
// discards by default.
package blevelog

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Writer turns each line written to it into one slog record with the attribute
// component=bleve. It is safe for concurrent use; a line is logged once its
// newline arrives.
type Writer struct {
	l      *slog.Logger
	onLine func(msg string)

	mu  sync.Mutex
	buf []byte
}

// NewWriter returns a Writer logging to l. onLine, when not nil, is called with
// every line (without its newline) after it is logged, for instance to notice
// a damaged index (see IsDamage).
func NewWriter(l *slog.Logger, onLine func(msg string)) *Writer {
	return &Writer{l: l, onLine: onLine}
}

// Write logs every complete line of p and keeps the rest for the next call.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.buf = append(w.buf, p...)
	var lines []string
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		lines = append(lines, string(w.buf[:i]))
		w.buf = w.buf[i+1:]
	}
	if len(w.buf) == 0 {
		w.buf = nil // let a long line's buffer go
	}
	w.mu.Unlock()
	for _, line := range lines {
		w.log(line)
	}
	return len(p), nil
}

func (w *Writer) log(line string) {
	line = strings.TrimRight(line, "\r ")
	if line == "" {
		return
	}
	w.l.Log(context.Background(), Level(line), line, "component", "bleve")
	if w.onLine != nil {
		w.onLine(line)
	}
}

// Level is the slog level of a bleve line: Warn for lines that report a failure
// or damage, Info otherwise.
func Level(line string) slog.Level {
	l := strings.ToLower(line)
	for _, s := range []string{"unable", "err", "fail", "missing", "corrupt", "cannot"} {
		if strings.Contains(l, s) {
			return slog.LevelWarn
		}
	}
	return slog.LevelInfo
}

// IsDamage reports whether a bleve line says scorch skipped a snapshot it could
// not load: the index opened, but serves an older state or none (the next
// error is then typically "error parsing mapping JSON"), so the generation is
// damaged and should be rebuilt.
func IsDamage(line string) bool {
	return strings.Contains(line, "unable to load snapshot") ||
		strings.Contains(line, "snapshot key, but bucket missing") ||
		strings.Contains(line, "unable to parse segment epoch")
}

var routeMu sync.Mutex

// Route sends the standard log package's output (scorch's log.Printf) and
// bleve's own loggers to l through a Writer with onLine, until the returned
// function restores the log package's previous output, flags and prefix (and
// bleve's loggers to discarding, their default). l must not itself write to
// the standard log package (slog.Default() before any slog.SetDefault does):
// that would loop.
//
// The log package is process-wide: call Route once, early in main.
func Route(l *slog.Logger, onLine func(msg string)) (restore func()) {
	routeMu.Lock()
	defer routeMu.Unlock()
	w := NewWriter(l, onLine)
	std := log.Default()
	prevOut, prevFlags, prevPrefix := std.Writer(), std.Flags(), std.Prefix()
	std.SetOutput(w)
	std.SetFlags(0) // slog adds the time
	std.SetPrefix("")
	own := log.New(w, "", 0)
	bleve.SetLog(own)
	mapping.SetLog(own)
	query.SetLog(own)
	return func() {
		routeMu.Lock()
		defer routeMu.Unlock()
		std.SetOutput(prevOut)
		std.SetFlags(prevFlags)
		std.SetPrefix(prevPrefix)
		discard := log.New(io.Discard, "", 0)
		bleve.SetLog(discard)
		mapping.SetLog(discard)
		query.SetLog(discard)
	}
}
