// Package recipes translates the CORS snippets people copy today (from
// Express, Flask-CORS, Apache, Spring WebFlux and nginx) into corsa
// policies, one exported corsa.Config each. README.md beside this file
// shows each original, says what it gets wrong or leaves out, and what
// corsa does instead; recipes_test.go sends each policy the requests the
// original was written for and checks every response header against
// SPEC.md and the corsa package documentation.
//
// The same policies are in policies/*.json, for `corsa check`, the
// example servers' -policy flag, or a service's own policy file; the
// *-literal.json files are word-for-word translations of the originals,
// which corsa refuses.
//
// The policies name https://example.com or https://app.example.com where
// the originals name a site (or allow every one): put your own origins
// there.
package recipes
