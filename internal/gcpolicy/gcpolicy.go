// Package gcpolicy owns the garbage collector's settings for processes that
// index: the index command and the benchmark that measures it, so that both run
// under the same policy.
package gcpolicy

import (
	"os"
	"runtime/debug"
)

// Indexing trades memory for CPU while indexing. bleve's analysis allocates a
// great deal of short-lived garbage, and with Go's default (GOGC=100) the
// collector took about a tenth of an indexing run's CPU. GOGC=200 cuts that
// roughly in half (+9 % docs/s on 20,000 generated articles, peak RSS 320 →
// 460 MiB); a soft memory limit of MemoryLimit makes the collector work harder
// before the heap could pass it, so memory stays bounded whatever the corpus.
// GOGC or GOMEMLIMIT set in the environment win.
func Indexing() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}

// MemoryLimit is the soft limit of the Go heap while indexing (768 MiB), below
// the 1 GiB the whole process may take.
const MemoryLimit = 768 << 20
