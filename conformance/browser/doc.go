// Package browser checks corsa in a real browser. Header-level tests prove
// what a server sends; only a browser proves that a page can read the
// response. Its test serves each adapter (net/http, chi, gin, echo v4 and
// v5, fasthttp, fiber v2 and v3) on 127.0.0.1, drives one headless
// Chromium through cross-origin fetch() calls, and asserts what the page
// observes: a readable body or a TypeError, which response headers it can
// read, whether cookies travel, how many preflights the server saw, and
// the reason Chromium's DevTools give for every block.
//
// The same scenarios run against the peers (rs/cors, go-chi/cors,
// gin-contrib/cors, and the CORS middleware of echo v4 and v5 and of fiber
// v2 and v3, configured as their documentation says for the same policy;
// peers.go). Where a peer does otherwise than corsa, that is reported,
// not failed; a policy a peer cannot express is reported as such. corsa
// serves gin in front of the engine, the form recommended for gin, as
// corsa-serve does (frameworks.Framework.Front).
//
// For every fetch of every server, the browser-outcome checker must
// predict what Chromium did, and any disagreement fails the test: the
// checker is wrong. fetch.Run (internal/fetch, the checker behind
// package conformance, corsa probe and the scoreboard) replays the whole
// fetch(), each request it sends answered with the response Chromium got
// for the same request, and must send the requests Chromium sent and
// reach Chromium's verdict; package conformance's CheckPreflight,
// CheckRead and ExposedHeaders, given the preflight and the request the
// server saw, must too.
//
// Adversarial responses and requests (adversarial.go), which HTTP
// parsers, the Fetch Standard and Chromium handle differently, are served
// byte for byte by a raw TCP server (rawserver.go) and held to the same
// replay, judged as Chromium where it knowingly departs from Fetch.
//
// RESULTS.md, the table of what Chromium allowed and refused per library
// and scenario, and for each adversarial case, is written by
//
//	go test ./conformance/browser -run TestBrowser -update
//
// and a full run without -update fails when it differs (but for the
// browser's version line).
//
// TestCrossOriginProtection proves Config.CrossOriginProtection (SPEC.md
// §9) with every adapter in a Chromium of its own: form posts and
// credentialed fetch() POSTs from pages on another site, on a subdomain
// the policy's pattern allows, on the API's site but not allowed, and on
// the API's own origin, first over https (with a certificate authority
// made for the run, the leaf trusted by its key alone), where the API
// records the Sec-Fetch-Site each write carried, then over plain http,
// where Chromium sends none and Origin is compared with Host. The
// handler must run for exactly the allowed pages.
//
// Run it with
//
//	go test ./conformance/browser
//
// It drives $CORSA_CHROMIUM when set, otherwise the first of chromium,
// chromium-browser, google-chrome, google-chrome-stable and headless_shell
// on PATH. Without one the test is skipped, unless CORSA_REQUIRE_BROWSER=1
// (as in CI) or CORSA_CHROMIUM names a missing browser, which turn the
// skip into a failure.
//
// TestMain prints a server × scenario matrix of pass/fail at the end,
// with the browser's version and the time taken. go test shows it without
// -v when run in this directory with no package arguments; with package
// arguments (go test ./...) it shows it only with -v or on failure, as it
// does all output of a passing package.
//
// The package has no API: everything here serves its own test.
package browser
