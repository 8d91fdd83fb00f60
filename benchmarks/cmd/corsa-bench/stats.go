package main

import (
	"fmt"
	"slices"
)

// spread is a median and the interquartile range around it: half the
// rounds gave a value between lo and hi.
type spread struct{ med, lo, hi float64 }

// spreadOf is the median and quartiles of vs (linear interpolation
// between the closest ranks).
func spreadOf(vs []float64) spread {
	s := slices.Clone(vs)
	slices.Sort(s)
	return spread{quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75)}
}

// quantile is the q-quantile of sorted s.
func quantile(s []float64, q float64) float64 {
	if len(s) == 0 {
		return 0
	}
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}

// median is the median of f over xs.
func median[T any](xs []T, f func(T) float64) float64 {
	vs := make([]float64, len(xs))
	for i, x := range xs {
		vs[i] = f(x)
	}
	slices.Sort(vs)
	return quantile(vs, 0.5)
}

// ratioText prints a ratio with its spread: "0.72× (0.70–0.75)".
func (s spread) ratioText() string {
	if s.lo == s.hi {
		return fmt.Sprintf("%.2f×", s.med)
	}
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", s.med, s.lo, s.hi)
}

// verdict is a target's outcome given the spread of its measurement.
type verdict uint8

const (
	met verdict = iota
	missed
	inconclusive
	// floorBound: a target against rs/cors that the floor itself misses,
	// so that no middleware can meet it under SPEC.md §3b; corsa is then
	// judged against the floor instead (see ratioTarget.floorBound).
	floorBound
	verdicts // how many there are
)

func (v verdict) String() string {
	switch v {
	case met:
		return "met"
	case missed:
		return "**missed**"
	case floorBound:
		return "floor-bound"
	default:
		return "inconclusive"
	}
}

// judge compares s with an upper limit: met when the whole interquartile
// range is within it, missed when the whole range is beyond it, and
// inconclusive when the limit falls inside the range, where another run
// could land on either side. strict makes the limit exclusive.
func judge(s spread, limit float64, strict bool) verdict {
	within := func(v float64) bool {
		if strict {
			return v < limit
		}
		return v <= limit
	}
	switch {
	case within(s.hi):
		return met
	case !within(s.lo):
		return missed
	default:
		return inconclusive
	}
}
