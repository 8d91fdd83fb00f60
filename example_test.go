package corsa_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/corsa-go/corsa"
)

func ExampleNew() {
	p, err := corsa.New(corsa.Config{
		Origins:        []string{"https://app.example.com", "https://*.example.org"},
		Credentials:    true,
		Methods:        []string{"PUT", "DELETE"},
		RequestHeaders: []string{"Content-Type", "Authorization"},
		MaxAge:         corsa.Seconds(600),
	})
	if err != nil {
		panic(err)
	}
	req := corsa.Request{
		Method:         "OPTIONS",
		Origin:         "https://shop.example.org",
		RequestMethod:  "PUT",
		RequestHeaders: []string{"authorization,content-type"},
	}
	d := corsa.Decide(p, &req)
	fmt.Println(d.Preflight(), d.Status())
	for name, value := range d.Headers(req.Origin) {
		fmt.Printf("%s: %s\n", name, value)
	}
	fmt.Println("Vary:", d.Vary())
	// Output:
	// true 204
	// Access-Control-Allow-Origin: https://shop.example.org
	// Access-Control-Allow-Credentials: true
	// Access-Control-Allow-Methods: PUT, DELETE
	// Access-Control-Allow-Headers: Content-Type, Authorization
	// Access-Control-Max-Age: 600
	// Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
}

// New reports every problem at once, each naming the field and the rule.
func ExampleNew_errors() {
	_, err := corsa.New(corsa.Config{
		Origins:     []string{"*", "https://App.example.com"},
		Credentials: true,
		MaxAge:      corsa.Seconds(-1),
	})
	var first *corsa.ConfigError
	if errors.As(err, &first) {
		fmt.Println(first.Field, first.Value)
	}
	fmt.Println(err)
	// Output:
	// origins[0] *
	// corsa: origins[0] "*": "*" cannot be combined with credentials: list the trusted origins instead (reflecting any origin with credentials would let every site read users' data)
	// corsa: origins[1] "https://App.example.com": invalid origin: host must be lower case, as browsers send it (origins compare byte for byte)
	// corsa: maxAge "-1": invalid max-age: want 0 (no caching) to 86400 seconds; leave it unset for the browsers' default of 5 seconds
}

func ExamplePolicy_Handler() {
	p, err := corsa.New(corsa.Config{
		Origins:        []string{"https://app.example.com"},
		ExposedHeaders: []string{"X-Total-Count"},
	})
	if err != nil {
		panic(err)
	}
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Total-Count", "42")
		fmt.Fprintln(w, "[]")
	})
	h := p.Handler(api) // http.ListenAndServe(addr, h) in a real server

	r := httptest.NewRequest("GET", "/items", nil)
	r.Header.Set("Origin", "https://app.example.com")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	fmt.Println(rec.Code)
	fmt.Println("Access-Control-Allow-Origin:", rec.Header().Get("Access-Control-Allow-Origin"))
	fmt.Println("Access-Control-Expose-Headers:", rec.Header().Get("Access-Control-Expose-Headers"))
	fmt.Println("Vary:", rec.Header().Get("Vary"))
	// Output:
	// 200
	// Access-Control-Allow-Origin: https://app.example.com
	// Access-Control-Expose-Headers: X-Total-Count
	// Vary: Origin
}

// An adapter for a framework built on net/http, whose context holds the
// *http.Request and the response's header map: read the request, decide,
// write the headers, answer at once when Status says so, and after the
// rest of the chain, while the headers are unsent, restore Vary.
func ExampleDecide() {
	p := corsa.Must(corsa.Config{Origins: []string{"https://app.example.com"}, Methods: []string{"PUT"}})
	middleware := func(w http.ResponseWriter, r *http.Request, next func()) {
		var req corsa.Request
		req.ReadHTTP(r)
		d := corsa.Decide(p, &req)
		d.SetHeaders(w.Header())
		if status := d.Status(); status != 0 {
			w.WriteHeader(status) // a preflight, answered here
			return
		}
		next()
		d.RestoreVary(w.Header()) // in case the handler replaced Vary
	}

	r := httptest.NewRequest("OPTIONS", "/items", nil)
	r.Header.Set("Origin", "https://app.example.com")
	r.Header.Set("Access-Control-Request-Method", "PUT")
	rec := httptest.NewRecorder()
	middleware(rec, r, func() { panic("a preflight never reaches the handler") })
	fmt.Println(rec.Code, rec.Header().Get("Access-Control-Allow-Methods"))

	r = httptest.NewRequest("PUT", "/items", nil)
	r.Header.Set("Origin", "https://app.example.com")
	rec = httptest.NewRecorder()
	middleware(rec, r, func() { rec.Header().Set("Vary", "Accept-Encoding") })
	fmt.Println(rec.Header().Get("Access-Control-Allow-Origin"), rec.Header().Values("Vary"))
	// Output:
	// 204 PUT
	// https://app.example.com [Accept-Encoding Origin]
}

// A framework whose responses have no http.Header sets each header with
// its own call: Headers yields them, Vary is added to what the response
// already has, and Status says whether to answer at once.
func ExampleDecision_Headers() {
	p := corsa.Must(corsa.Config{Origins: []string{"https://app.example.com"}, Credentials: true, Methods: []string{"PUT"}})
	for _, req := range []corsa.Request{
		{Method: "OPTIONS", Origin: "https://app.example.com", RequestMethod: "PUT"},
		{Method: "PUT", Origin: "https://app.example.com"},
	} {
		d := corsa.Decide(p, &req)
		for name, value := range d.Headers(req.Origin) {
			fmt.Printf("set %s: %s\n", name, value)
		}
		if v := d.Vary(); v != "" {
			fmt.Printf("add Vary: %s\n", v)
		}
		if s := d.Status(); s != 0 {
			fmt.Println("answer", s, "without the handler")
		}
	}
	// Output:
	// set Access-Control-Allow-Origin: https://app.example.com
	// set Access-Control-Allow-Credentials: true
	// set Access-Control-Allow-Methods: PUT
	// add Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
	// answer 204 without the handler
	// set Access-Control-Allow-Origin: https://app.example.com
	// set Access-Control-Allow-Credentials: true
	// add Vary: Origin
}

func ExampleMiddleware_Reconfigure() {
	m, err := corsa.NewMiddleware(corsa.Config{Origins: []string{"https://old.example.com"}})
	if err != nil {
		panic(err)
	}
	h := m.Handler(http.NotFoundHandler())
	allowed := func(origin string) string {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Header().Get("Access-Control-Allow-Origin")
	}
	fmt.Printf("%q\n", allowed("https://new.example.com"))

	// A broken config is refused and the current policy stays.
	fmt.Println(m.Reconfigure(corsa.Config{Origins: []string{"https://new.example.com/"}}) != nil)
	if err := m.Reconfigure(corsa.Config{Origins: []string{"https://new.example.com"}}); err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", allowed("https://new.example.com"))
	// Output:
	// ""
	// true
	// "https://new.example.com"
}

// What a page's credentialed fetch() comes to under a policy that forgot
// credentials: the request is allowed, but the browser blocks the
// response, and Explain says why in Chromium's words, and what to change.
func ExamplePolicy_Explain() {
	p, err := corsa.New(corsa.Config{Origins: []string{"https://app.example.com"}})
	if err != nil {
		panic(err)
	}
	explanation, ok := p.Explain(corsa.Fetch{
		Origin:      "https://app.example.com",
		URL:         "https://api.example.com/orders",
		Credentials: true,
	})
	fmt.Print(explanation)
	fmt.Println("the page succeeds:", ok)
	// Output:
	// fetch("https://api.example.com/orders", {credentials: "include"}) from "https://app.example.com"
	// request: GET https://api.example.com/orders
	//   actual GET request from "https://app.example.com": allowed
	//     origin "https://app.example.com": allowed: listed as origins[0]
	//     the handler runs, with the headers below
	//     Access-Control-Allow-Origin: https://app.example.com
	//     Vary: Origin (added)
	// browser: blocked: Access to fetch at 'https://api.example.com/orders' from origin 'https://app.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.
	// fix: set credentials: true, so that the page's credentialed requests may read the answers
	// the page succeeds: false
}

func ExampleParseConfig() {
	c, err := corsa.ParseConfig([]byte(`{
		"origins": ["https://app.example.com"],
		"methods": ["PUT"],
		"maxAge": 0
	}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Origins, c.Methods, *c.MaxAge)

	_, err = corsa.ParseConfig([]byte(`{"origin": ["https://app.example.com"]}`))
	fmt.Println(err)
	// Output:
	// [https://app.example.com] [PUT] 0
	// corsa: policy JSON: unknown field "origin" at line 1, column 2; did you mean "origins"?
}

// Must is the one-liner for a policy written in code.
func ExampleMust() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "[]") })
	h := corsa.Must(corsa.Config{Origins: []string{"https://app.example"}}).Handler(mux)

	r := httptest.NewRequest("GET", "/items", nil)
	r.Header.Set("Origin", "https://app.example")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	fmt.Println(rec.Header().Get("Access-Control-Allow-Origin"))
	// Output:
	// https://app.example
}
