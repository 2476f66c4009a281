//go:build unix

package ocr

import (
	"syscall"
	"time"
)

// childCPU returns the CPU time (user + system) used so far by the
// finished child processes: the engine's cost, whatever else the machine
// is doing.
func childCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
