package fetch

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// CheckCacheSafe returns why a cache could hand resp, made for r, to a
// request from another origin, or nil when none can. It assumes resp
// comes from a route that answers CORS requests: the only answer that is
// the same for every origin is Access-Control-Allow-Origin "*"; any other
// answer, no grant included, depends on Origin, and must carry Vary:
// Origin (or Vary: *) when a cache may store it.
//
// Two caches count: a shared one (a CDN, a proxy) stores a GET or HEAD
// response by default unless it is no-store or private, and one to a
// request with Authorization only when it says so (RFC 9111 §3); the
// browser's own cache also stores private responses, and reuses one
// while it is fresh, explicitly (max-age, Expires) or heuristically, from
// Last-Modified. A response to a request without Origin, reused for a
// later CORS request, fails it.
func CheckCacheSafe(r Request, resp *Response) error {
	if acao, _ := resp.Get("Access-Control-Allow-Origin"); acao == "*" {
		return nil
	}
	if m := r.NormalizedMethod(); m != "GET" && m != "HEAD" {
		return nil
	}
	for _, tok := range VaryTokens(resp.Values("Vary")) {
		if tok == "*" || strings.EqualFold(tok, "Origin") {
			return nil
		}
	}
	d := directives(resp)
	if d["no-store"] {
		return nil
	}
	fresh := d["max-age"] && d.maxAge() > 0 || d["s-maxage"] || hasValue(resp, "Expires")
	heuristic := slices.Contains(heuristicallyCacheable, resp.Status)
	shared := !d["private"] && (fresh || d["public"] || heuristic) &&
		(r.Header.Get("Authorization") == "" || d["public"] || d["s-maxage"] || d["must-revalidate"])
	if shared {
		return fmt.Errorf("a shared cache may store this %d response to %s and hand it to another origin: its CORS headers depend on Origin, and it has no Vary: Origin", resp.Status, r.NormalizedMethod())
	}
	if fresh || heuristic && hasValue(resp, "Last-Modified") && !d["no-cache"] {
		return fmt.Errorf("the browser's own cache may reuse this %d response to %s for a request from another origin (or with another Origin), which then fails: its CORS headers depend on Origin, and it has no Vary: Origin", resp.Status, r.NormalizedMethod())
	}
	return nil
}

// heuristicallyCacheable are the statuses RFC 9110 §15.1 lets a cache store
// without explicit freshness.
var heuristicallyCacheable = []int{200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501}

// cacheDirectives are a response's Cache-Control directives, lower-cased,
// with the max-age value kept.
type cacheDirectives map[string]bool

func directives(resp *Response) cacheDirectives {
	d := cacheDirectives{}
	for _, line := range resp.Values("Cache-Control") {
		for dir := range strings.SplitSeq(line, ",") {
			name, value, _ := strings.Cut(dir, "=")
			name = strings.ToLower(strings.TrimSpace(name))
			d[name] = true
			if name == "max-age" {
				d["max-age="+strings.Trim(strings.TrimSpace(value), `"`)] = true
			}
		}
	}
	return d
}

// maxAge is the max-age directive's seconds, -1 when absent or invalid.
func (d cacheDirectives) maxAge() int {
	for k := range d {
		if v, ok := strings.CutPrefix(k, "max-age="); ok {
			if n, err := strconv.Atoi(v); err == nil {
				return n
			}
		}
	}
	return -1
}

func hasValue(resp *Response, name string) bool {
	v, ok := resp.Get(name)
	return ok && v != ""
}

// VaryTokens returns the comma-separated tokens of Vary lines, trimmed,
// in order, so that "Vary: a, b" and two lines "a" and "b" read alike.
func VaryTokens(lines []string) []string {
	var out []string
	for _, line := range lines {
		for tok := range strings.SplitSeq(line, ",") {
			if tok = strings.TrimSpace(tok); tok != "" {
				out = append(out, tok)
			}
		}
	}
	return out
}
