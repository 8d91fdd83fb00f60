// Package browser checks corsa in a real browser. Header-level tests prove
// what a server sends; only a browser proves that a page can read the
// response. Its test serves each adapter (net/http, chi, gin, echo, fiber)
// on 127.0.0.1, drives one headless Chromium through cross-origin fetch()
// calls, and asserts what the page observes: a readable body or a
// TypeError, which response headers it can read, whether cookies travel,
// how many preflights the server saw, and the reason Chromium's DevTools
// give for every block.
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
// TestMain prints an adapter × scenario matrix of pass/fail at the end,
// with the browser's version and the time taken. go test shows it without
// -v when run in this directory with no package arguments; with package
// arguments (go test ./...) it shows it only with -v or on failure, as it
// does all output of a passing package.
//
// The package has no API: everything here serves its own test.
package browser
