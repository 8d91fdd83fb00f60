package conformance

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/internal/fetch"
)

// Case is one conformance check: a policy, one request, and what the
// response must look like. Cases are plain data; Cases returns them all.
type Case struct {
	// Name reads as a sentence and is unique across the suite.
	Name string
	// Spec is the SPEC.md section the case checks, such as "§2".
	Spec string
	// Tier is what kind of promise the case checks. Cases fills it in:
	// TierConfig when Want.Rejected, TierHardening when no browser can send
	// the request, TierBrowser otherwise, unless the case names TierCorsa
	// (or another tier) itself.
	Tier Tier
	// Policy is the CORS policy the harness installs.
	Policy corsa.Config
	// Request is the one request sent.
	Request Request
	// Want is what the response must look like.
	Want Want
	// Needs, when set, returns a non-empty reason (naming the Quirks field)
	// when a harness with these quirks cannot run the case.
	Needs func(Quirks) string
}

// Request is a request as data. Header is ordered and may repeat a name:
// each element becomes one header line.
type Request struct {
	Method, Path string
	Header       [][2]string
}

// host is the host every request is addressed to.
const host = "api.example.test"

// HTTP builds the *http.Request: header names are canonicalized, and each
// element of Header is added as its own line.
func (r Request) HTTP() *http.Request {
	req, err := http.NewRequest(r.Method, "http://"+host+r.Path, nil)
	if err != nil {
		panic(fmt.Sprintf("conformance: bad request %s: %v", r, err))
	}
	for _, h := range r.Header {
		req.Header.Add(h[0], h[1])
	}
	return req
}

// size is roughly the size of the request's header block on the wire.
func (r Request) size() int {
	n := len(r.Method) + len(r.Path) + 12
	for _, h := range r.Header {
		n += len(h[0]) + len(h[1]) + 4
	}
	return n
}

// String is a short description for failure messages: long header values
// are abbreviated.
func (r Request) String() string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte(' ')
	b.WriteString(r.Path)
	for _, h := range r.Header {
		v := h[1]
		if len(v) > 60 {
			v = fmt.Sprintf("%s…(%d bytes)", v[:40], len(v))
		}
		fmt.Fprintf(&b, "; %s: %q", h[0], v)
	}
	return b.String()
}

// Want is what a response must look like.
//
// Every response header whose name starts with "Access-Control-" is checked
// strictly: it must be listed in Headers, with exactly one header line
// carrying exactly that value, and every such header not listed must be
// absent. Vary is checked by tokens, since handlers and frameworks add their
// own.
type Want struct {
	// Status is the exact status code; zero leaves it to Class.
	Status int
	// Class is the status class (2 for 2xx, 4 for 4xx...), checked when
	// Status is zero; zero with Status zero checks nothing.
	Class int
	// Headers are the exact Access-Control-* headers of the response, each
	// with a single value (the canonical name is used).
	Headers map[string]string
	// Absent lists other headers that must not be present.
	Absent []string
	// Vary lists tokens every one of which Vary must contain.
	Vary []string
	// NoVary lists tokens Vary must not contain.
	NoVary []string
	// HandlerRan says whether a handler of the suite ran (HandlerHeader is
	// HandlerRan on the response) or must not have run.
	HandlerRan bool
	// Body, when set, is the exact response body.
	Body string
	// Rejected says the policy itself must be refused: the harness must
	// return an error (other than ErrCannotExpress) instead of a server,
	// and no request is sent.
	Rejected bool
}

// Check compares a response (and its body, already read) with w and
// returns one line per problem; none means the response is as wanted.
func (w Want) Check(resp *http.Response, body []byte) []string {
	var p []string
	bad := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }

	switch {
	case w.Status != 0 && resp.StatusCode != w.Status:
		bad("status %d, want %d", resp.StatusCode, w.Status)
	case w.Status == 0 && w.Class != 0 && resp.StatusCode/100 != w.Class:
		bad("status %d, want %dxx", resp.StatusCode, w.Class)
	}

	// Access-Control-* headers: exactly the wanted ones, each one line, one value.
	want := make(map[string]string, len(w.Headers))
	for k, v := range w.Headers {
		want[http.CanonicalHeaderKey(k)] = v
	}
	var names []string
	for k := range resp.Header {
		names = append(names, k)
	}
	for k := range want {
		if _, ok := resp.Header[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		ck := http.CanonicalHeaderKey(k)
		got := resp.Header[k]
		exp, wanted := want[ck]
		switch {
		case !strings.HasPrefix(ck, "Access-Control-"):
			continue
		case !wanted && len(got) > 0:
			bad("unexpected %s: %q", ck, got)
		case wanted && len(got) == 0:
			bad("missing %s, want %q", ck, exp)
		case wanted && len(got) > 1:
			bad("%s sent on %d lines %q, want one line %q", ck, len(got), got, exp)
		case wanted && got[0] != exp:
			bad("%s: %q, want %q", ck, got[0], exp)
		}
	}
	for _, k := range w.Absent {
		if v := resp.Header.Values(k); len(v) > 0 {
			bad("unexpected %s: %q", http.CanonicalHeaderKey(k), v)
		}
	}

	vary := VaryTokens(resp.Header)
	for _, tok := range w.Vary {
		if !containsFold(vary, tok) {
			bad("Vary %q lacks %q", resp.Header.Values("Vary"), tok)
		}
	}
	for _, tok := range w.NoVary {
		if containsFold(vary, tok) {
			bad("Vary %q has %q, which it must not", resp.Header.Values("Vary"), tok)
		}
	}
	for i, tok := range vary {
		if containsFold(vary[:i], tok) {
			bad("Vary %q repeats %q", resp.Header.Values("Vary"), tok)
		}
	}

	ran := resp.Header.Get(HandlerHeader) == HandlerRan
	switch {
	case w.HandlerRan && !ran:
		bad("the handler did not run (no %s: %s), but it must", HandlerHeader, HandlerRan)
	case !w.HandlerRan && ran:
		bad("the handler ran, but it must not")
	}
	if w.Body != "" && string(body) != w.Body {
		b := string(body)
		if len(b) > 80 {
			b = b[:80] + "…"
		}
		bad("body %q, want %q", b, w.Body)
	}
	return p
}

// VaryTokens returns the comma-separated tokens of every Vary line, trimmed,
// in order.
func VaryTokens(h http.Header) []string { return fetch.VaryTokens(h.Values("Vary")) }

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(e string) bool { return strings.EqualFold(e, s) })
}
