//go:build unix

package qbound

import (
	"syscall"
	"time"
)

// ProcessCPU is the CPU time (user and system) this process has used so far,
// a Clock for a search that runs in its own process: on a machine busy with
// forty other searches it measures what the query costs, where the wall clock
// would also count the others' turns.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
