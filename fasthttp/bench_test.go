package corsafasthttp_test

import "testing"

// bench is the adapter whose Bench serves the scenarios from one context,
// reused.
var bench = adapter(inMemory)

func BenchmarkMiddleware(b *testing.B) { bench.BenchmarkMiddleware(b) }

func TestMiddlewareAddsNoAllocation(t *testing.T) { bench.CheckMiddlewareAllocs(t, 0) }

func BenchmarkFromPaths(b *testing.B) { bench.BenchmarkFromPaths(b) }

func TestFromPathsAddsNoAllocationToAPolicy(t *testing.T) { bench.CheckFromPathsAllocs(t, 0) }
