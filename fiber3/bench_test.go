package corsafiber3_test

import "testing"

func BenchmarkMiddleware(b *testing.B) { bench.BenchmarkMiddleware(b) }

func TestMiddlewareAddsNoAllocation(t *testing.T) { bench.CheckMiddlewareAllocs(t, 0) }

func BenchmarkFromPaths(b *testing.B) { bench.BenchmarkFromPaths(b) }

// The difference is the per-path lookup, letter case included.
func TestFromPathsAddsNoAllocationToAPolicy(t *testing.T) { bench.CheckFromPathsAllocs(t, 0) }
