package corsafasthttp_test

import (
	"testing"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// The harness serves in memory, with repeated header lines kept apart: it
// has no quirk, and the suite's megabyte-sized or control-byte hostile
// headers reach the middleware instead of being refused by fasthttp's
// parser before it. What that parser does is parity_test.go's subject.
func TestConformance(t *testing.T) {
	conformance.Run(t, adapter(inMemory).Harness(t))
}

func TestMiddleware(t *testing.T) {
	t.Run("over TCP", func(t *testing.T) { adapter(overTCP).Run(t) })
	t.Run("in memory", func(t *testing.T) { adapter(inMemory).Run(t) })
}

func TestMiddlewarePanicsOnANilHandler(t *testing.T) {
	defer func() {
		if got := recover(); got != "corsafasthttp.From: nil fasthttp.RequestHandler" {
			t.Errorf("panic %v, want corsafasthttp.From's message about the nil handler", got)
		}
	}()
	corsafasthttp.Must(adaptertest.Policy())(nil)
}
