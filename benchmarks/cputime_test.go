package benchmarks

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time this process has used, user and system,
// every thread (the garbage collector's too).
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuClock reports cpu-ns/op, the process's CPU time per operation, beside
// ns/op: on a machine shared with other work, ns/op grows with the time the
// benchmark waits for a core, cpu-ns/op much less. It includes the garbage
// collector's work on the other cores, so on an idle machine it is at least
// ns/op for a benchmark running one goroutine.
type cpuClock struct {
	b     *testing.B
	start time.Duration
}

// startCPU resets b's timer and starts counting CPU time; call stop after
// the loop.
func startCPU(b *testing.B) cpuClock {
	b.ReportAllocs()
	b.ResetTimer()
	return cpuClock{b: b, start: cpuTime(b)}
}

// stop reports cpu-ns/op.
func (c cpuClock) stop() {
	c.b.StopTimer()
	used := cpuTime(c.b) - c.start
	c.b.ReportMetric(float64(used.Nanoseconds())/float64(c.b.N), "cpu-ns/op")
}
