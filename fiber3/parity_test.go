package corsafiber3_test

import (
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber3 "github.com/corsa-go/corsa/fiber3"
	"github.com/gofiber/fiber/v3"
)

// The parity test sends the same bytes to corsa's net/http Handler and to
// this adapter, each on a real 127.0.0.1 listener with its framework's
// default settings (adaptertest.RunParity), and compares what comes back.
// Browsers never send these requests; the package documentation lists
// every way fiber's answers differ, and each difference is a case here.

// listen serves cfg with corsafiber3 in front of a handler answering 200 on
// a 127.0.0.1 listener until the test ends, and returns its address.
func listen(t *testing.T, cfg corsa.Config, fiberCfg fiber.Config) string {
	app := fiber.New(fiberCfg)
	app.Use(corsafiber3.Must(cfg))
	app.Use(func(c fiber.Ctx) error { return c.SendString("ok") })
	serve := func(ln net.Listener) error { return app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true}) }
	return adaptertest.Listen(t, serve, app.Shutdown)
}

func TestFiberAnswersLikeNetHTTP(t *testing.T) {
	const origin, acrm = "Origin: " + adaptertest.ParityOrigin, "Access-Control-Request-Method: PUT"
	allowed, refused, badRequest := adaptertest.ParityAllowedActual(), adaptertest.ParityRefusedActual(), adaptertest.ParityBadRequest()
	// fiber v3 answers fasthttp's parse errors through its error handler
	// after running the app.Use middleware on what was parsed, so corsa
	// adds its Vary to these refusals and no Access-Control-Allow-Origin.
	headerTooLargeVary := adaptertest.Answer{Status: http.StatusRequestHeaderFieldsTooLarge, Headers: map[string]string{}, Vary: []string{"Origin"}}
	badRequestVary := adaptertest.Answer{Status: http.StatusBadRequest, Headers: map[string]string{}, Vary: []string{"Origin"}}
	notImplemented := adaptertest.Answer{Status: http.StatusNotImplemented, Headers: map[string]string{}}
	differences := []adaptertest.ParityCase{
		{Name: "a space before the colon is malformed to net/http and another header's name to fiber",
			Raw: adaptertest.RawRequest("GET", "Origin : "+adaptertest.ParityOrigin), Want: badRequest, Other: &refused},
		{Name: "an Origin longer than fasthttp's 4 KiB read buffer gets 431 from fiber",
			Raw: adaptertest.RawRequest("GET", "Origin: https://"+strings.Repeat("a", 5000)+".example"), Want: refused, Other: &headerTooLargeVary},
		{Name: "a lower-case method is an actual request to net/http and not implemented by fiber",
			Raw: adaptertest.RawRequest("options", origin, acrm), Want: allowed, Other: &notImplemented},
		{Name: "a method fiber does not know is an actual request to net/http and not implemented by fiber",
			Raw: adaptertest.RawRequest("PURGE", origin), Want: allowed, Other: &notImplemented},
		{Name: "a NUL byte in Origin is malformed to both",
			Raw: adaptertest.RawRequest("GET", origin+"\x00"), Want: badRequest, Other: &badRequestVary},
		{Name: "a line of blanks folded onto Origin leaves a space on net/http's value, none on fiber's",
			Raw: adaptertest.RawRequest("GET", origin, " \t"), Want: refused, Other: &allowed},
		{Name: "a control byte in Origin is malformed to both",
			Raw: adaptertest.RawRequest("GET", origin+"\x01"), Want: badRequest, Other: &badRequestVary},
	}
	addr := listen(t, adaptertest.ParityPolicy(), fiber.Config{})
	adaptertest.RunParity(t, "fiber", addr, append(adaptertest.ParityCases(), differences...))
}

// With DisableHeaderNormalizing, fasthttp keeps header names as sent and
// looks them up byte for byte: corsa then sees only the canonical
// spellings, which browsers send.
func TestDisableHeaderNormalizingHidesOddCaseNames(t *testing.T) {
	addr := listen(t, adaptertest.ParityPolicy(), fiber.Config{DisableHeaderNormalizing: true})
	adaptertest.RunParity(t, "fiber", addr, adaptertest.NameKeepingCases())
}

// No hook ever sees fasthttp's or fiber's buffers: an OriginFunc caching
// what it approved, and an OnDecision keeping every event, hold the
// strings they got, while attackers' requests are parsed into the same
// buffers over the same keep-alive connections.
func TestHooksKeepTheirStrings(t *testing.T) {
	adaptertest.CheckHooksKeepTheirStrings(t, func(cfg corsa.Config) string {
		return listen(t, cfg, fiber.Config{})
	})
}
