package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// machine describes where the benchmarks ran, for the report's header.
type machine struct {
	goos, goarch, cpu, goVersion string
	cpus, procs                  int
	date                         time.Time
	// load is the 1-minute load average when the run started: on a machine
	// shared with other work, times are only as good as this is low.
	load string
}

func describeMachine() machine {
	return machine{
		goos: runtime.GOOS, goarch: runtime.GOARCH, cpu: cpuModel(), goVersion: runtime.Version(),
		cpus: runtime.NumCPU(), procs: runtime.GOMAXPROCS(0), date: time.Now().UTC(), load: loadAverage(),
	}
}

func (m machine) String() string {
	s := fmt.Sprintf("%s/%s, %s, %d CPUs (GOMAXPROCS %d), %s, %s",
		m.goos, m.goarch, m.cpu, m.cpus, m.procs, m.goVersion, m.date.Format("2006-01-02"))
	if m.load != "" {
		s += ", load average " + m.load + " at the start"
	}
	return s
}

// loadAverage reads the 1-minute load average on Linux; "" elsewhere.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(b))
	if len(fields) == 0 {
		return ""
	}
	return fields[0]
}

// cpuModel reads the processor's name from /proc/cpuinfo, as go test's
// "cpu:" line does on Linux.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		name, value, ok := strings.Cut(s.Text(), ":")
		if ok && strings.TrimSpace(name) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown CPU"
}
