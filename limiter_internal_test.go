package corsa

import (
	"testing"
	"time"
)

func TestLimiterLetsMaxEventsThroughEachSecondAndCountsTheRest(t *testing.T) {
	l := &limiter{max: 2}
	at := func(s int64, ms int) time.Time { return time.Unix(s, int64(ms)*int64(time.Millisecond)) }
	steps := []struct {
		now     time.Time
		ok      bool
		dropped int
	}{
		{at(100, 0), true, 0},
		{at(100, 10), true, 0},
		{at(100, 20), false, 0},
		{at(100, 999), false, 0},
		{at(101, 0), true, 2}, // the next second: the two left out are reported
		{at(101, 1), true, 0},
		{at(101, 2), false, 0},
		{at(105, 0), true, 1},
	}
	for i, s := range steps {
		ok, dropped := l.allow(s.now)
		if ok != s.ok || dropped != s.dropped {
			t.Errorf("event %d: allow = %v, %d; want %v, %d", i, ok, dropped, s.ok, s.dropped)
		}
	}
	unbounded := &limiter{max: -1}
	for i := range 1000 {
		if ok, _ := unbounded.allow(at(1, 0)); !ok {
			t.Fatalf("event %d refused by a limiter without a bound", i)
		}
	}
}
