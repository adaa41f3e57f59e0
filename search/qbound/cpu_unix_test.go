//go:build unix

package qbound

import (
	"testing"
	"time"
)

// ProcessCPU advances with work done and not with sleep.
func TestProcessCPU(t *testing.T) {
	a := ProcessCPU()
	time.Sleep(50 * time.Millisecond)
	b := ProcessCPU()
	x := 0
	for i := 0; ProcessCPU()-b < 20*time.Millisecond && i < 1e10; i++ {
		x += i % 7
	}
	c := ProcessCPU()
	if c-b < 20*time.Millisecond {
		t.Errorf("busy work moved the clock %v", c-b)
	}
	if b-a > 40*time.Millisecond {
		t.Errorf("a 50 ms sleep moved the clock %v", b-a)
	}
	_ = x
}
