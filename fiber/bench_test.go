package corsafiber_test

import (
	"testing"

	"github.com/gofiber/fiber/v2"
)

// bench is the adapter whose Bench serves the scenarios from one
// fasthttp context, reused.
var bench = adapter(fiber.Config{}, inMemory)

func BenchmarkMiddleware(b *testing.B) { bench.BenchmarkMiddleware(b) }

func TestMiddlewareAddsNoAllocation(t *testing.T) { bench.CheckMiddlewareAllocs(t, 0) }

func BenchmarkFromPaths(b *testing.B) { bench.BenchmarkFromPaths(b) }

// The difference is the per-path lookup, letter case included.
func TestFromPathsAddsNoAllocationToAPolicy(t *testing.T) { bench.CheckFromPathsAllocs(t, 0) }
