// Package scenario is the one set of benchmark scenarios of the corsa
// project: the requests every adapter's bench_test.go and the benchmarks
// module (go test -bench and corsa-bench) replay, against one policy, under
// one set of names, so that every number compares with every other.
//
// Sink is a reusable http.ResponseWriter for allocation tests and
// benchmarks that should count only the router and the middleware.
package scenario

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
)

// Path is the route every scenario requests, served for every method.
const Path = conformance.PathResource

// The policy every scenario is served with: conformance.AppOrigin with
// credentials, Methods and RequestHeaders (three common headers plus
// X-H01..X-H17, so that a preflight can ask for 20 allowed headers),
// ExposedHeader and a max-age of MaxAgeSeconds.
const (
	ExposedHeader = conformance.TotalCountHeader
	MaxAgeSeconds = 600
)

// Methods are the policy's methods, in configured order.
var Methods = []string{"GET", "POST", "PUT", "DELETE"}

// RequestHeaders are the policy's request headers, in configured order and
// spelling: Content-Type, Authorization, X-Request-Id, then X-H01..X-H17.
var RequestHeaders = append([]string{"Content-Type", "Authorization", "X-Request-Id"}, extraHeaders()...)

func extraHeaders() []string {
	var hs []string
	for i := 1; i <= 17; i++ {
		hs = append(hs, fmt.Sprintf("X-H%02d", i))
	}
	return hs
}

// Policy returns the scenarios' policy in corsa's terms, a fresh value
// each time, so that no caller can change another's slices.
func Policy() corsa.Config {
	return corsa.Config{
		Origins:        []string{conformance.AppOrigin},
		Credentials:    true,
		Methods:        slices.Clone(Methods),
		RequestHeaders: slices.Clone(RequestHeaders),
		ExposedHeaders: []string{ExposedHeader},
		MaxAge:         corsa.Seconds(MaxAgeSeconds),
	}
}

// Scenario names: the benchmark name element ("BenchmarkGin/preflight/corsa").
const (
	Preflight   = "preflight"
	Actual      = "actual"
	Disallowed  = "disallowed-origin"
	NoOrigin    = "no-origin"
	Preflight20 = "preflight-20-headers"
	HostileACRH = "hostile-acrh"
	InvalidACRH = "invalid-acrh"
)

// HostileSize is the length of the hostile Access-Control-Request-Headers
// value: 1 MiB.
const HostileSize = 1 << 20

// Scenario is one request, the same for every framework and implementation.
type Scenario struct {
	// Name is one of the names above.
	Name string
	// About says what the request is, for tables and documentation.
	About string
	// Request goes to Path.
	Request conformance.Request
	// Status is what corsa answers under Policy; where the request reaches
	// the handler, the handler answers 200.
	Status int
}

// IsPreflight reports whether the scenario's request is a CORS preflight.
func (s Scenario) IsPreflight() bool {
	_, ok := s.Header("Access-Control-Request-Method")
	return s.Request.Method == http.MethodOptions && ok
}

// Header returns the value of the request header name (in canonical form),
// and whether it is set.
func (s Scenario) Header(name string) (string, bool) {
	for _, h := range s.Request.Header {
		if h[0] == name {
			return h[1], true
		}
	}
	return "", false
}

// All returns every scenario, in table order, fresh on every call.
func All() []Scenario {
	preflight := func(acrh string) conformance.Request {
		return conformance.Request{Method: http.MethodOptions, Path: Path, Header: [][2]string{
			{"Origin", conformance.AppOrigin},
			{"Access-Control-Request-Method", http.MethodPut},
			{"Access-Control-Request-Headers", acrh},
		}}
	}
	get := func(origin string) conformance.Request {
		r := conformance.Request{Method: http.MethodGet, Path: Path}
		if origin != "" {
			r.Header = [][2]string{{"Origin", origin}}
		}
		return r
	}
	return []Scenario{{
		Name:    Preflight,
		About:   "allowed preflight: PUT with authorization, content-type",
		Request: preflight("authorization,content-type"),
		Status:  http.StatusNoContent,
	}, {
		Name:    Actual,
		About:   "allowed actual GET",
		Request: get(conformance.AppOrigin),
		Status:  http.StatusOK,
	}, {
		Name:    Disallowed,
		About:   "actual GET from an origin the policy does not allow",
		Request: get(conformance.EvilOrigin),
		Status:  http.StatusOK,
	}, {
		Name:    NoOrigin,
		About:   "GET without Origin (same-origin or non-browser client)",
		Request: get(""),
		Status:  http.StatusOK,
	}, {
		Name:    Preflight20,
		About:   "allowed preflight requesting 20 headers, as a browser lists them",
		Request: preflight(twentyHeaders()),
		Status:  http.StatusNoContent,
	}, {
		Name:    HostileACRH,
		About:   "preflight whose Access-Control-Request-Headers is 1 MiB of commas after one allowed name",
		Request: preflight(hostileList()),
		Status:  http.StatusForbidden,
	}, {
		Name:    InvalidACRH,
		About:   "preflight with a short invalid Access-Control-Request-Headers (the baseline for hostile-acrh)",
		Request: preflight("content-type,not a token"),
		Status:  http.StatusForbidden,
	}}
}

// twentyHeaders is the policy's 20 headers as a browser sends them:
// lower-cased, sorted, comma-separated without spaces.
func twentyHeaders() string {
	names := []string{"authorization", "content-type"}
	for _, h := range extraHeaders() {
		names = append(names, strings.ToLower(h))
	}
	names = append(names, "x-request-id")
	return strings.Join(names, ",")
}

// hostileList is shaped after GHSA-mh55-gqvf-xfwm: a parser that splits on
// commas before checking anything allocates for every empty element.
func hostileList() string {
	const head = "content-type"
	return head + strings.Repeat(",", HostileSize-len(head))
}
