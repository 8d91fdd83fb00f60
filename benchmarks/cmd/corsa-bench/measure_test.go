package main

import (
	"testing"
	"time"
)

func TestCalibrateIsNotSetByASlowFirstRequest(t *testing.T) {
	tests := []struct {
		name  string
		first time.Duration // the first request's time
		per   time.Duration // every later request's
		want  int           // iterations for a 20 ms run
	}{
		{"a first request 1.5 ms slow, then 200 ns each", 1500 * time.Microsecond, 200 * time.Nanosecond, 100_000},
		{"every request 200 ns", 200 * time.Nanosecond, 200 * time.Nanosecond, 100_000},
		{"every request 2 ms", 2 * time.Millisecond, 2 * time.Millisecond, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			run := func(n int) sample {
				calls++
				total := time.Duration(n) * tt.per
				if calls == 1 {
					total += tt.first - tt.per
				}
				return sample{n: n, ns: float64(total.Nanoseconds()) / float64(n)}
			}
			got := calibrate(run, 20*time.Millisecond)
			if got < tt.want*9/10 || got > tt.want*11/10 {
				t.Errorf("calibrate = %d iterations, want about %d", got, tt.want)
			}
		})
	}
}
