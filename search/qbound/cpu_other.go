//go:build !unix

package qbound

import "time"

// ProcessCPU is nil where the process's CPU time cannot be read: the wall
// clock measures the time limit.
var ProcessCPU func() time.Duration
