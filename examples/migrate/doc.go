// Package migrate is the guide for moving to corsa from the Go CORS
// libraries people use today: rs/cors, go-chi/cors, gin-contrib/cors,
// echo v4's middleware.CORSConfig and fiber v2's middleware/cors.
//
// README.md beside this file is the guide itself: for each library, a
// field-by-field mapping to corsa.Config, the defaults that differ, and
// the configurations corsa refuses with what to write instead.
//
// SPA is a typical single-page-application policy written for corsa;
// migrate_test.go writes the same policy for each library, serves the
// same requests through the library and through corsa on the same
// framework, and checks that a browser would conclude the same thing from
// both: whether each preflight passes and for how long it is cached,
// whether each response is readable, and which headers a script can read.
// It also checks every refusal the guide lists.
package migrate
