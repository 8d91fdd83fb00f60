package corsachi_test

import "testing"

func BenchmarkMiddleware(b *testing.B) { adapter.BenchmarkMiddleware(b) }

func TestMiddlewareAddsAtMostOneAllocation(t *testing.T) { adapter.CheckMiddlewareAllocs(t, 1) }
