//go:build unix

package recovery

import "syscall"

// cpuTime is the CPU time this process has used (user and system), for
// the benchmarks' cpu-ns/op: less moved than wall time by other work on a
// shared machine, and what Vale's user and system time are set beside.
func cpuTime() (ns int64, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}
