package corsafiber_test

import (
	"bufio"
	"net/http"
	"strings"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafiber "github.com/corsa-go/corsa/fiber"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// The parity test sends the same bytes to corsa's net/http Handler and to
// this adapter, each on a real 127.0.0.1 listener with its framework's
// default settings (adaptertest.RunParity), and compares what comes back.
// Browsers never send these requests; the package documentation lists
// every way fiber's answers differ, and each difference is a case here.

// listen serves cfg with corsafiber in front of a handler answering 200 on
// a 127.0.0.1 listener until the test ends, and returns its address.
func listen(t *testing.T, cfg corsa.Config, fiberCfg fiber.Config) string {
	fiberCfg.DisableStartupMessage = true
	app := fiber.New(fiberCfg)
	app.Use(corsafiber.Must(cfg))
	app.Use(func(c *fiber.Ctx) error { return c.SendString("ok") })
	return adaptertest.Listen(t, app.Listener, app.Shutdown)
}

// strictParser reports whether this build's fasthttp refuses a control
// byte in a header value before any middleware runs, as v1.69 and later do
// (with a space before a header's colon read as part of the name). A module
// that also requires fiber v3, this repository's workspace among them,
// selects such a version for fiber v2 too; fiber v2.52's own requirement,
// v1.51, hands both to the middleware.
func strictParser() bool {
	var req fasthttp.Request
	return req.Read(bufio.NewReader(strings.NewReader("GET / HTTP/1.1\r\nHost: x\r\nOrigin: a\x00\r\n\r\n"))) != nil
}

func TestFiberAnswersLikeNetHTTP(t *testing.T) {
	const origin, acrm = "Origin: " + adaptertest.ParityOrigin, "Access-Control-Request-Method: PUT"
	allowed, refused, badRequest := adaptertest.ParityAllowedActual(), adaptertest.ParityRefusedActual(), adaptertest.ParityBadRequest()
	headerTooLarge := adaptertest.Answer{Status: http.StatusRequestHeaderFieldsTooLarge, Headers: map[string]string{}}
	// What fiber answers to bytes its parser judges differs by fasthttp
	// version (strictParser): nil means "as net/http".
	var spaceBeforeColon, controlByte *adaptertest.Answer
	if strictParser() {
		spaceBeforeColon = &refused // "Origin " is another header's name
		controlByte = &badRequest
	} else {
		controlByte = &refused // the value reaches the policy, which refuses it
	}
	differences := []adaptertest.ParityCase{
		{Name: "a space before the colon is malformed to net/http",
			Raw: adaptertest.RawRequest("GET", "Origin : "+adaptertest.ParityOrigin), Want: badRequest, Other: spaceBeforeColon},
		{Name: "an Origin longer than fasthttp's 4 KiB read buffer gets 431 from fiber",
			Raw: adaptertest.RawRequest("GET", "Origin: https://"+strings.Repeat("a", 5000)+".example"), Want: refused, Other: &headerTooLarge},
		{Name: "a lower-case method is an actual request to net/http and invalid to fiber",
			Raw: adaptertest.RawRequest("options", origin, acrm), Want: allowed, Other: &badRequest},
		{Name: "a method fiber does not know is an actual request to net/http and invalid to fiber",
			Raw: adaptertest.RawRequest("PURGE", origin), Want: allowed, Other: &badRequest},
		{Name: "a NUL byte in Origin is malformed to net/http, and to fiber or refused by its policy",
			Raw: adaptertest.RawRequest("GET", origin+"\x00"), Want: badRequest, Other: controlByte},
		{Name: "a line of blanks folded onto Origin leaves a space on net/http's value, none on fiber's",
			Raw: adaptertest.RawRequest("GET", origin, " \t"), Want: refused, Other: &allowed},
		{Name: "a control byte in Origin is malformed to net/http, and to fiber or refused by its policy",
			Raw: adaptertest.RawRequest("GET", origin+"\x01"), Want: badRequest, Other: controlByte},
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
