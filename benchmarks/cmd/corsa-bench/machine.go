package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// machine describes where the benchmarks ran, for the report's header.
type machine struct {
	goos, goarch, cpu, goVersion string
	cpus, procs                  int
	date                         time.Time
	// loadStart and loadEnd are the 1-minute load averages when the run
	// started and ended, "" where unknown.
	loadStart, loadEnd string
	// cpuShare is the CPU time the timed runs got over the wall-clock
	// time they took; 0 when unknown.
	cpuShare float64
	// ownLoad is how many CPUs corsa-bench itself kept busy, on average:
	// its own part of the load average when the run ended.
	ownLoad float64
}

func describeMachine() machine {
	return machine{
		goos: runtime.GOOS, goarch: runtime.GOARCH, cpu: cpuModel(), goVersion: runtime.Version(),
		cpus: runtime.NumCPU(), procs: runtime.GOMAXPROCS(0), date: time.Now().UTC(), loadStart: loadAverage(),
	}
}

func (m machine) String() string {
	s := fmt.Sprintf("%s/%s, %s, %d CPUs (GOMAXPROCS %d), %s, %s",
		m.goos, m.goarch, m.cpu, m.cpus, m.procs, m.goVersion, m.date.Format("2006-01-02"))
	if m.loadStart != "" {
		s += ", load average " + m.loadStart + " at the start"
		if m.loadEnd != "" {
			s += " and " + m.loadEnd + " at the end"
			if m.ownLoad > 0 {
				s += fmt.Sprintf(" (%.1f of it corsa-bench's own threads)", m.ownLoad)
			}
		}
	}
	if m.cpuShare > 0 {
		s += fmt.Sprintf(", the runs got %.0f%% of a CPU", 100*min(m.cpuShare, 1))
	}
	return s
}

// busyLoad is the load average, per CPU, above which the machine counts
// as busy: other processes then compete with the benchmark for CPUs and
// caches.
const busyLoad = 0.5

// busyShare is the share of a CPU below which the runs count as starved.
const busyShare = 0.9

// loadWarning warns when load (a load average), less own (the part
// corsa-bench's own threads account for), says the machine is busy.
func loadWarning(load string, own float64, cpus int, when string) string {
	l, err := strconv.ParseFloat(load, 64)
	if err != nil || l-own <= busyLoad*float64(cpus) {
		return ""
	}
	return fmt.Sprintf("the machine was busy %s (load average %s on %d CPUs): other processes competed for the CPUs and caches, so times are inflated and noisier than on an idle machine. "+
		"Runs are timed in %s, which excludes the time spent waiting for a CPU, and ratios are taken round by round, but read verdicts near their limit with care, and rerun on an idle machine before publishing.",
		when, load, cpus, clockName)
}

// warnings are the report's warnings that the machine was busy.
func (m machine) warnings() []string {
	var ws []string
	if w := loadWarning(m.loadStart, 0, m.cpus, "when the run started"); w != "" {
		ws = append(ws, w)
	} else if w := loadWarning(m.loadEnd, m.ownLoad, m.cpus, "when the run ended"); w != "" {
		ws = append(ws, w)
	}
	if m.cpuShare > 0 && m.cpuShare < busyShare {
		ws = append(ws, fmt.Sprintf("the timed runs got only %.0f%% of a CPU: for the rest they waited while other processes ran.", 100*m.cpuShare))
	}
	return ws
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
