package corsafiber_test

import (
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
)

// No hook ever sees fasthttp's or fiber's buffers: an OriginFunc caching
// what it approved, and an OnDecision keeping every event, hold the
// strings they got, while attackers' requests are parsed into the same
// buffers over the same keep-alive connections.
func TestHooksKeepTheirStrings(t *testing.T) {
	adaptertest.CheckHooksKeepTheirStrings(t, func(cfg corsa.Config) string {
		return listen(t, cfg, fiber.Config{})
	})
}
