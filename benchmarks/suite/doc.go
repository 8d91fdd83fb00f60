// Package suite defines, once, every CORS benchmark of the corsa project:
// each framework (net/http, chi, gin, echo v4 and v5, fasthttp, fiber v2
// and v3) with each scenario (allowed preflight, allowed actual request,
// disallowed origin, ...) and each implementation (the bare framework,
// corsa, the framework's usual CORS middleware, rs/cors, and a
// hand-written fixed-header floor), all serving the same policy. The
// frameworks and implementations themselves are set up in package
// frameworks; this package turns them into cases.
//
// The go test benchmarks (bench_test.go at the module root) and the
// corsa-bench command both run this table, so their numbers are the same
// measurement and benchstat can compare them.
//
// Every case serves one prepared request again and again through the real
// framework stack, reusing the request and the response recorder (a
// fasthttp.RequestCtx for fasthttp and fiber) so that only the framework
// and the middleware are measured, not the scaffolding.
package suite
