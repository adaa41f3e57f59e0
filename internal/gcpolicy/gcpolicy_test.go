package gcpolicy

import (
	"runtime/debug"
	"testing"
)

func TestIndexingSetsPolicy(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	oldPct, oldLim := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer func() { debug.SetGCPercent(oldPct); debug.SetMemoryLimit(oldLim) }()
	Indexing()
	if got := debug.SetGCPercent(100); got != 200 {
		t.Errorf("GC percent = %d, want 200", got)
	}
	if got := debug.SetMemoryLimit(-1); got != MemoryLimit {
		t.Errorf("memory limit = %d, want %d", got, MemoryLimit)
	}
}

func TestEnvironmentWins(t *testing.T) {
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	oldPct := debug.SetGCPercent(77)
	oldLim := debug.SetMemoryLimit(123 << 20)
	defer func() { debug.SetGCPercent(oldPct); debug.SetMemoryLimit(oldLim) }()
	Indexing()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("GC percent = %d, want 77 (left alone)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 123<<20 {
		t.Errorf("memory limit = %d, want left alone", got)
	}
}
