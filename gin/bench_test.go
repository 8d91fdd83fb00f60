package corsagin_test

import "testing"

func BenchmarkMiddleware(b *testing.B) { adapter(false).BenchmarkMiddleware(b) }

func TestMiddlewareAddsAtMostOneAllocation(t *testing.T) { adapter(false).CheckMiddlewareAllocs(t, 1) }
