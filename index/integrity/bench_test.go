package integrity

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCheckIndex checks the index folder $PARTYNEWS_CHECK_INDEX (a real
// index; skipped without it), or else a small one built here, and reports the
// CPU time and the bytes read per check (wall time is noisy on a shared machine).
func BenchmarkCheckIndex(b *testing.B) {
	dir := os.Getenv("PARTYNEWS_CHECK_INDEX")
	if dir == "" {
		dir = buildIndex(b, 2000)
	}
	b.ResetTimer()
	start := cpuTime()
	var st Stats
	for i := 0; i < b.N; i++ {
		probs, s, err := CheckIndex(dir)
		if err != nil || len(probs) > 0 {
			b.Fatal(probs, err)
		}
		st = s
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(st.Bytes), "bytes-read/op")
	b.ReportMetric(float64(st.Segments), "segments")
}
