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

// MemoryLimit is the soft limit of the Go heap while indexing (448 MiB): with
// GOGC=200 the heap grows to the limit, and the process's anonymous memory with
// it (issue 13's bar is 512 MiB). At 768 MiB and bleve batches of 1024
// documents, a 20,000-article import peaked at 756–763 MiB of anonymous memory;
// at 448 MiB it peaked at 443 MiB for no more CPU.
const MemoryLimit = 448 << 20
