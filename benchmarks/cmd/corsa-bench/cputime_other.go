//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import "time"

// clockName says which clock times the runs: without getrusage, the wall
// clock, which also counts the time spent waiting for a CPU.
const clockName = "wall-clock time"

var start = time.Now()

func cpuNow() time.Duration { return time.Since(start) }
