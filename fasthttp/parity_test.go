package corsafasthttp_test

import (
	"bufio"
	"net/http"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance/adaptertest"
	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

// The parity test sends the same bytes to corsa's net/http Handler and to
// this adapter, each on a real 127.0.0.1 listener with its server's
// default settings (adaptertest.RunParity), and compares what comes back.
// Browsers never send these requests; the package documentation lists
// every way fasthttp's answers differ, and each difference is a case here.

// parityServer serves adaptertest.ParityPolicy with corsafasthttp in front
// of a handler answering 200, with server's settings, and returns its
// address.
func parityServer(t *testing.T, server *fasthttp.Server) string {
	t.Helper()
	return listen(t, corsafasthttp.Must(adaptertest.ParityPolicy())(ok), server)
}

// strictParser reports whether this build's fasthttp refuses a control
// byte in a header value before any handler runs, as v1.69 and later do
// (with a space before a header's colon read as part of the name). v1.51,
// this module's requirement, hands both to the handler; a build that also
// requires fiber v3, this repository's workspace among them, selects a
// later version.
func strictParser() bool {
	var req fasthttp.Request
	return req.Read(bufio.NewReader(strings.NewReader("GET / HTTP/1.1\r\nHost: x\r\nOrigin: a\x00\r\n\r\n"))) != nil
}

func TestFasthttpAnswersLikeNetHTTP(t *testing.T) {
	const origin = "Origin: " + adaptertest.ParityOrigin
	allowed, refused, badRequest := adaptertest.ParityAllowedActual(), adaptertest.ParityRefusedActual(), adaptertest.ParityBadRequest()
	headerTooLarge := adaptertest.Answer{Status: http.StatusRequestHeaderFieldsTooLarge, Headers: map[string]string{}}
	// What fasthttp answers to bytes its parser judges differs by version
	// (strictParser): nil means "as net/http".
	var spaceBeforeColon, controlByte *adaptertest.Answer
	if strictParser() {
		spaceBeforeColon = &refused // "Origin " is another header's name
		controlByte = &badRequest
	} else {
		controlByte = &refused // the value reaches the policy, which refuses it
	}
	differences := []adaptertest.ParityCase{
		{Name: "a space before the colon is malformed to net/http, and to fasthttp before v1.69",
			Raw: adaptertest.RawRequest("GET", "Origin : "+adaptertest.ParityOrigin), Want: badRequest, Other: spaceBeforeColon},
		{Name: "an Origin longer than fasthttp's 4 KiB read buffer gets 431 from fasthttp",
			Raw: adaptertest.RawRequest("GET", "Origin: https://"+strings.Repeat("a", 5000)+".example"), Want: refused, Other: &headerTooLarge},
		{Name: "a lower-case method is an actual request to both",
			Raw: adaptertest.RawRequest("options", origin, "Access-Control-Request-Method: PUT"), Want: allowed},
		{Name: "a method of no standard is an actual request to both",
			Raw: adaptertest.RawRequest("PURGE", origin), Want: allowed},
		{Name: "a NUL byte in Origin is malformed to net/http, and to fasthttp or refused by its policy",
			Raw: adaptertest.RawRequest("GET", origin+"\x00"), Want: badRequest, Other: controlByte},
		{Name: "a control byte in Origin is malformed to net/http, and to fasthttp or refused by its policy",
			Raw: adaptertest.RawRequest("GET", origin+"\x01"), Want: badRequest, Other: controlByte},
		{Name: "a line of blanks folded onto Origin leaves a space on net/http's value, none on fasthttp's",
			Raw: adaptertest.RawRequest("GET", origin, " \t"), Want: refused, Other: &allowed},
	}
	adaptertest.RunParity(t, "fasthttp", parityServer(t, nil), append(adaptertest.ParityCases(), differences...))
}

// With DisableHeaderNamesNormalizing, fasthttp keeps header names as sent
// and looks them up byte for byte: corsa then sees only the canonical
// spellings, which browsers send.
func TestDisableHeaderNamesNormalizingHidesOddCaseNames(t *testing.T) {
	addr := parityServer(t, &fasthttp.Server{DisableHeaderNamesNormalizing: true})
	adaptertest.RunParity(t, "fasthttp", addr, adaptertest.NameKeepingCases())
}
