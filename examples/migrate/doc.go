// Package migrate is the guide for moving to corsa from the Go CORS
// libraries people use today: rs/cors, go-chi/cors, gin-contrib/cors,
// echo v4's middleware.CORSConfig and fiber v2's middleware/cors.
//
// README.md beside this file is the guide itself: for each library, a
// whole program moved to corsa, a field-by-field mapping to corsa.Config,
// the defaults that differ, and the configurations corsa refuses with
// what to write instead.
//
// The programs are rscors, gochicors, gincors, echocors and fibercors,
// whose main.go files README.md shows word for word. Each one's test
// serves the same requests through the library it moved from and through
// corsa, on the same framework, and checks that a browser would conclude
// the same thing from both (internal/migratetest): whether each preflight
// passes and for how long it is cached, whether each response is
// readable, and which headers a script can read. This package's tests
// check README.md against the programs, build them in a module outside
// the repository, and check every refusal the guide lists.
package migrate
