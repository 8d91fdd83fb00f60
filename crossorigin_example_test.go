package corsa_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/corsa-go/corsa"
)

// CORS decides who may read an answer, after the handler has run. With
// CrossOriginProtection, a write a browser sends from a page the policy
// does not allow (a form post from another site, say) is answered 403
// and never reaches the handler. Browsers mark where a request comes from
// with Sec-Fetch-Site; without it (plain-http sites, older browsers) the
// Origin is compared with the Host. Safe methods and requests that carry
// neither header, which no browser sends, always pass.
func ExampleConfig_crossOriginProtection() {
	p, err := corsa.New(corsa.Config{
		Origins:               []string{"https://app.example.com", "https://*.example.org"},
		Credentials:           true,
		CrossOriginProtection: true,
	})
	if err != nil {
		panic(err)
	}
	var ran bool
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ran = true
		fmt.Fprint(w, "transferred")
	}))
	for _, c := range []struct{ method, origin, site string }{
		{"POST", "https://app.example.com", "same-site"},
		{"POST", "https://shop.example.org", "cross-site"},
		{"POST", "https://www.example.com", "same-site"}, // the API's own site, not in the policy
		{"POST", "https://evil.example", "cross-site"},
		{"POST", "https://evil.example", ""}, // no Fetch Metadata: Origin against Host
		{"POST", "https://api.example.com", "same-origin"},
		{"GET", "https://evil.example", "cross-site"},
		{"POST", "", ""}, // curl, another server
	} {
		r := httptest.NewRequest(c.method, "https://api.example.com/transfer", nil)
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		if c.site != "" {
			r.Header.Set("Sec-Fetch-Site", c.site)
		}
		w := httptest.NewRecorder()
		ran = false
		h.ServeHTTP(w, r)
		fmt.Printf("%s from %q (Sec-Fetch-Site %q): %d, handler ran: %t\n", c.method, c.origin, c.site, w.Code, ran)
	}
	// Output:
	// POST from "https://app.example.com" (Sec-Fetch-Site "same-site"): 200, handler ran: true
	// POST from "https://shop.example.org" (Sec-Fetch-Site "cross-site"): 200, handler ran: true
	// POST from "https://www.example.com" (Sec-Fetch-Site "same-site"): 403, handler ran: false
	// POST from "https://evil.example" (Sec-Fetch-Site "cross-site"): 403, handler ran: false
	// POST from "https://evil.example" (Sec-Fetch-Site ""): 403, handler ran: false
	// POST from "https://api.example.com" (Sec-Fetch-Site "same-origin"): 200, handler ran: true
	// GET from "https://evil.example" (Sec-Fetch-Site "cross-site"): 200, handler ran: true
	// POST from "" (Sec-Fetch-Site ""): 200, handler ran: true
}

// An application that already uses net/http's CrossOriginProtection can
// keep it and give corsa the last word on what it refuses. Go's type
// trusts exact origins only (AddTrustedOrigin) and takes no callback, but
// its deny handler can be corsa's handler, whose policy trusts patterns
// too. Each request goes through one corsa policy: what Go lets through
// (its trusted origins, its bypass patterns, same-origin requests) gets
// the CORS headers of a policy without the protection, so that corsa
// does not refuse what Go trusts; what Go refuses goes to the same policy
// with the protection, which runs the handler for an origin it trusts and
// answers 403 for any other.
func ExampleConfig_netHTTPCrossOriginProtection() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "order placed") })
	mux.HandleFunc("POST /hooks/payment", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "payment noted") })

	cop := http.NewCrossOriginProtection()
	if err := cop.AddTrustedOrigin("https://partner.example.net"); err != nil {
		panic(err)
	}
	cop.AddInsecureBypassPattern("POST /hooks/")

	cfg := corsa.Config{Origins: []string{"https://*.example.com"}, Credentials: true}
	reads := corsa.Must(cfg)
	cfg.CrossOriginProtection = true
	writes := corsa.Must(cfg)
	cop.SetDenyHandler(writes.Handler(mux))
	h := cop.Handler(reads.Handler(mux))

	for _, c := range []struct{ origin, path string }{
		{"https://shop.example.com", "/orders"},    // refused by Go, trusted by corsa's pattern
		{"https://partner.example.net", "/orders"}, // trusted by Go
		{"https://evil.example", "/orders"},        // refused by both
		{"https://evil.example", "/hooks/payment"}, // Go's bypass
	} {
		r := httptest.NewRequest("POST", "https://api.example.com"+c.path, nil)
		r.Header.Set("Origin", c.origin)
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Printf("%s from %s: %d %q, Access-Control-Allow-Origin %q\n",
			c.path, c.origin, w.Code, w.Body.String(), w.Header().Get("Access-Control-Allow-Origin"))
	}
	// Output:
	// /orders from https://shop.example.com: 200 "order placed", Access-Control-Allow-Origin "https://shop.example.com"
	// /orders from https://partner.example.net: 200 "order placed", Access-Control-Allow-Origin ""
	// /orders from https://evil.example: 403 "", Access-Control-Allow-Origin ""
	// /hooks/payment from https://evil.example: 200 "payment noted", Access-Control-Allow-Origin ""
}
