//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"syscall"
	"time"
)

// clockName says which clock times the runs, for the report.
const clockName = "process CPU time"

// cpuNow is the CPU time the process has used so far, user and system,
// every thread included (the garbage collector's too). Unlike wall-clock
// time it does not grow while the process waits for a CPU that other
// processes hold, so a busy machine slows runs far less; it still grows
// when they evict its caches.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
