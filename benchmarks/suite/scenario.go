package suite

import "strings"

// Path is the route every case serves.
const Path = "/resource"

// Scenario is one kind of request, the same for every framework and
// implementation.
type Scenario struct {
	// Name is the benchmark name element, such as "preflight".
	Name string
	// About says what the request is, for tables and documentation.
	About string
	// Method is the request method.
	Method string
	// Header lists the request headers, name and value, in canonical form.
	Header [][2]string
}

// IsPreflight reports whether the scenario's request is a CORS preflight.
func (s Scenario) IsPreflight() bool {
	if s.Method != "OPTIONS" {
		return false
	}
	_, ok := s.Get("Access-Control-Request-Method")
	return ok
}

// Get returns the value of the request header name, and whether it is set.
func (s Scenario) Get(name string) (string, bool) {
	for _, h := range s.Header {
		if h[0] == name {
			return h[1], true
		}
	}
	return "", false
}

// HostileSize is the length of the hostile Access-Control-Request-Headers
// value: 1 MiB.
const HostileSize = 1 << 20

// Scenario names, used by the targets and notes that single some out.
const (
	Preflight     = "preflight"
	ActualGET     = "actual"
	Disallowed    = "disallowed-origin"
	NoOrigin      = "no-origin"
	Preflight20   = "preflight-20-headers"
	HostileACRH   = "hostile-acrh"
	InvalidACRH   = "invalid-acrh"
	evilOrigin    = "https://evil.example"
	allowedMethod = "PUT"
)

// Scenarios returns every scenario, in table order.
func Scenarios() []Scenario {
	preflight := func(acrh string) [][2]string {
		return [][2]string{
			{"Origin", Origin},
			{"Access-Control-Request-Method", allowedMethod},
			{"Access-Control-Request-Headers", acrh},
		}
	}
	return []Scenario{{
		Name:   Preflight,
		About:  "allowed preflight: PUT with authorization, content-type",
		Method: "OPTIONS",
		Header: preflight("authorization,content-type"),
	}, {
		Name:   ActualGET,
		About:  "allowed actual GET",
		Method: "GET",
		Header: [][2]string{{"Origin", Origin}},
	}, {
		Name:   Disallowed,
		About:  "actual GET from an origin the policy does not allow",
		Method: "GET",
		Header: [][2]string{{"Origin", evilOrigin}},
	}, {
		Name:   NoOrigin,
		About:  "GET without Origin (same-origin or non-browser client)",
		Method: "GET",
	}, {
		Name:   Preflight20,
		About:  "allowed preflight requesting 20 headers, as a browser lists them",
		Method: "OPTIONS",
		Header: preflight(twentyHeaders()),
	}, {
		Name:   HostileACRH,
		About:  "preflight whose Access-Control-Request-Headers is 1 MiB of commas after one allowed name",
		Method: "OPTIONS",
		Header: preflight(hostileList()),
	}, {
		Name:   InvalidACRH,
		About:  "preflight with a short invalid Access-Control-Request-Headers (the baseline for hostile-acrh)",
		Method: "OPTIONS",
		Header: preflight("content-type,not a token"),
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
