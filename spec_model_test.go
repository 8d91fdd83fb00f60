package corsa_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/corsa-go/corsa"
)

// This file is a model of SPEC.md written from the text, not from the
// code: what the net/http middleware must answer to a request under a
// Config, including what it must do to the headers an outer middleware
// (an outer corsa, say) already put on the response. FuzzHandler compares
// the Handler with it. It covers the Config settings the fuzzed policies
// use: exact origins, "*", "null", subdomain and port patterns, methods,
// request and exposed headers, max-age, preflight status, Private
// Network Access and cross-origin write protection; not OriginFunc.

// modelRequest is a request as the model reads it.
type modelRequest struct {
	method  string
	origins []string // the Origin header lines
	acrm    string   // Access-Control-Request-Method, "" when absent
	acrh    []string // the Access-Control-Request-Headers lines
	acrpn   string   // Access-Control-Request-Private-Network
	sfs     string   // Sec-Fetch-Site, "" when absent
	host    string
}

// modelAnswer is what the model says the middleware must do.
type modelAnswer struct {
	// status is what the middleware answers with, without calling the
	// handler; 0 when the handler runs.
	status int
	// grant is every Access-Control-* response header, exactly; the
	// grant an outer middleware wrote must be gone unless this has it.
	grant map[string]string
	// vary is the Vary tokens the middleware adds after the response's
	// own Vary lines.
	vary []string
	// varyAnyOf, when set, replaces vary: the added tokens must include
	// Origin and be among these (SPEC.md §9 does not say which).
	varyAnyOf []string
	// headerVerdictOpen: the request headers list is longer than any a
	// browser sends for this policy, so the middleware may refuse it by
	// its length alone (SPEC.md §4) where parsing would allow it.
	headerVerdictOpen bool
}

const (
	varyACRM  = "Access-Control-Request-Method"
	varyACRH  = "Access-Control-Request-Headers"
	varyACRPN = "Access-Control-Request-Private-Network"
)

// modelAnswerFor is SPEC.md §1 to §4 and §9 for one request.
func modelAnswerFor(c corsa.Config, r modelRequest) modelAnswer {
	origin := ""
	if len(r.origins) > 0 {
		origin = r.origins[0]
	}
	multiple := len(r.origins) > 1
	cors := origin != "" || multiple
	anyOrigin := slices.Contains(c.Origins, "*")

	// §2: a preflight is answered by the middleware, never by the handler.
	if cors && r.method == "OPTIONS" && r.acrm != "" {
		vary := []string{"Origin", varyACRM, varyACRH}
		if c.PrivateNetwork {
			vary = append(vary, varyACRPN)
		}
		names, headersOK, open := modelRequestHeaders(c, r.acrh)
		ok := !multiple && modelOriginAllowed(c, origin) && modelMethodAllowed(c, r.acrm) && headersOK
		if !ok {
			return modelAnswer{status: 403, vary: vary}
		}
		a := modelAnswer{status: 204, vary: vary, grant: map[string]string{}, headerVerdictOpen: open}
		if c.PreflightStatus != 0 {
			a.status = c.PreflightStatus
		}
		a.grant["Access-Control-Allow-Origin"] = origin
		if anyOrigin {
			a.grant["Access-Control-Allow-Origin"] = "*"
		}
		if c.Credentials {
			a.grant["Access-Control-Allow-Credentials"] = "true"
		}
		if m := modelList(c.Methods, false); m != "" {
			a.grant["Access-Control-Allow-Methods"] = m
		}
		if h := modelAllowHeaders(c); names > 0 && h != "" {
			a.grant["Access-Control-Allow-Headers"] = h
		}
		if c.MaxAge != nil {
			a.grant["Access-Control-Max-Age"] = strconv.Itoa(*c.MaxAge)
		}
		if c.PrivateNetwork && r.acrpn == "true" {
			a.grant["Access-Control-Allow-Private-Network"] = "true"
		}
		return a
	}

	// §9: a write a browser sent from another site, from an origin the
	// policy does not trust, is refused with 403 and no grant.
	if c.CrossOriginProtection && !slices.Contains([]string{"GET", "HEAD", "OPTIONS"}, r.method) &&
		modelCrossOrigin(r.sfs, origin, r.host) && !modelTrusted(c, origin) {
		return modelAnswer{status: 403, varyAnyOf: []string{"Origin", "Sec-Fetch-Site"}}
	}

	// §1 and §3: the handler runs. A "*" policy answers every such request
	// with the same constant headers, whatever Origin says, without Vary.
	constant := map[string]string{"Access-Control-Allow-Origin": "*"}
	exposed := modelList(c.ExposedHeaders, true)
	if exposed != "" {
		constant["Access-Control-Expose-Headers"] = exposed
	}
	switch {
	case anyOrigin:
		return modelAnswer{grant: constant}
	case !cors || multiple || !modelOriginAllowed(c, origin):
		return modelAnswer{vary: []string{"Origin"}}
	}
	grant := map[string]string{"Access-Control-Allow-Origin": origin}
	if c.Credentials {
		grant["Access-Control-Allow-Credentials"] = "true"
	}
	if exposed != "" {
		grant["Access-Control-Expose-Headers"] = exposed
	}
	return modelAnswer{grant: grant, vary: []string{"Origin"}}
}

// modelOriginAllowed is §1, §6 and §7: byte for byte against exact
// entries, label by label against patterns.
func modelOriginAllowed(c corsa.Config, origin string) bool {
	for _, e := range c.Origins {
		// A pattern is never an exact entry: its "*" stands for labels,
		// and no browser sends one in a host.
		pattern := e != "*" && strings.Contains(e, "*")
		switch {
		case e == "*", !pattern && e == origin && (e != "null" || c.DangerouslyAllowNullOrigin):
			return true
		case pattern && modelPatternMatches(e, origin):
			return true
		}
	}
	return false
}

// modelTrusted is §9's trust: an exact entry or a pattern, never "*" or
// "null".
func modelTrusted(c corsa.Config, origin string) bool {
	for _, e := range c.Origins {
		if pattern := strings.Contains(e, "*"); e != "*" && e != "null" && (!pattern && e == origin || pattern && modelPatternMatches(e, origin)) {
			return true
		}
	}
	return false
}

// modelPatternMatches is §6 for "scheme://*.domain[:port]" and
// "scheme://host:*" (and both): the "*" of a host stands for one or more
// DNS labels of lower-case letters, digits, '-' or '_' (at most 63 bytes
// each, 253 for the host), the "*" of a port for any port a browser
// sends (1 to 65535, no leading zero) or none.
func modelPatternMatches(pattern, origin string) bool {
	scheme, patHost, _ := strings.Cut(pattern, "://")
	rest, ok := strings.CutPrefix(origin, scheme+"://")
	if !ok {
		return false
	}
	patPort, hasPatPort := "", false
	if i := strings.LastIndexByte(patHost, ':'); i >= 0 {
		patHost, patPort, hasPatPort = patHost[:i], patHost[i+1:], true
	}
	host, port, hasPort := rest, "", false
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.HasSuffix(rest, "]") {
		host, port, hasPort = rest[:i], rest[i+1:], true
	}
	switch {
	case patPort == "*":
		if hasPort && !modelPort(port) {
			return false
		}
	case hasPort != hasPatPort || port != patPort:
		return false
	}
	suffix, sub := strings.CutPrefix(patHost, "*")
	if !sub {
		return host == patHost
	}
	labels, ok := strings.CutSuffix(host, suffix)
	if !ok || labels == "" || len(host) > 253 {
		return false
	}
	for _, l := range strings.Split(labels, ".") {
		if l == "" || len(l) > 63 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return false
		}
	}
	return true
}

func modelPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && p[0] != '0' && p[0] != '+' && p[0] != '-' && n >= 1 && n <= 65535
}

// modelMethodAllowed is §2: GET, HEAD and POST byte for byte, a listed
// method byte for byte, or under "*" any method token no longer than the
// longest a policy may list (64 bytes, the limit New names).
func modelMethodAllowed(c corsa.Config, m string) bool {
	if m == "GET" || m == "HEAD" || m == "POST" || slices.Contains(c.Methods, m) && m != "*" {
		return true
	}
	return slices.Contains(c.Methods, "*") && modelToken(m) && len(m) <= 64
}

// modelRequestHeaders is §2 and §4: it counts the names of the lines and
// reports whether every one is allowed (case-insensitively; "*" covers
// every name but Authorization). open reports a list longer than any a
// browser sends for this policy, which the middleware may refuse by its
// length alone even when every name is allowed: longer than the browser
// form of every allowed name, or than 1024 bytes under "*".
func modelRequestHeaders(c corsa.Config, lines []string) (names int, ok, open bool) {
	listed := c.RequestHeaders
	if listed == nil {
		listed = []string{"Content-Type"} // the default of an unset list
	}
	anyHeader := slices.Contains(listed, "*")
	var lower []string
	for _, h := range listed {
		if h != "*" && !slices.Contains(lower, strings.ToLower(h)) {
			lower = append(lower, strings.ToLower(h))
		}
	}
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	slices.Sort(lower)
	browserForm := len(strings.Join(lower, ","))
	if anyHeader {
		browserForm = 1024
	}
	open = total > browserForm || len(lines) > 16
	ok = true
	for _, l := range lines {
		for name := range strings.SplitSeq(l, ",") {
			name = strings.Trim(name, " \t")
			if name == "" {
				continue
			}
			names++
			n := strings.ToLower(name)
			if !modelToken(name) || !slices.Contains(lower, n) && (!anyHeader || n == "authorization") {
				ok = false
			}
		}
	}
	return names, ok, open
}

// modelAllowHeaders is Access-Control-Allow-Headers: the listed names in
// their spelling and order, "*", or "*" and Authorization listed by name.
func modelAllowHeaders(c corsa.Config) string {
	listed := c.RequestHeaders
	if listed == nil {
		listed = []string{"Content-Type"}
	}
	if slices.Contains(listed, "*") {
		for _, h := range listed {
			if strings.EqualFold(h, "Authorization") {
				return "*, " + h
			}
		}
		return "*"
	}
	return modelList(listed, true)
}

// modelList joins names with ", " in their order, a later duplicate
// dropped (compared case-insensitively when fold is set), "*" alone.
func modelList(names []string, fold bool) string {
	if slices.Contains(names, "*") {
		return "*"
	}
	var out []string
	for _, n := range names {
		if !slices.ContainsFunc(out, func(o string) bool { return o == n || fold && strings.EqualFold(o, n) }) {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// modelCrossOrigin is §9's detection, Go's: Sec-Fetch-Site when present
// (same-origin and none are the only same-site values), else an Origin
// whose host, as net/url reads it, is not the Host.
func modelCrossOrigin(sfs, origin, host string) bool {
	switch sfs {
	case "same-origin", "none":
		return false
	case "":
	default:
		return true
	}
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	return err != nil || u.Host != host
}

// modelToken reports an HTTP token (RFC 9110 §5.6.2).
func modelToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// modelCheck compares h, the response headers after the middleware ran
// over prior (the headers an outer middleware had set), and status (0:
// the handler ran) with the model's answer. It returns "" or what is
// wrong.
func modelCheck(want modelAnswer, prior, h http.Header, status int) string {
	if status != want.status {
		return "status " + strconv.Itoa(status) + ", want " + strconv.Itoa(want.status)
	}
	for name, vals := range h {
		if !strings.HasPrefix(name, "Access-Control-") {
			continue
		}
		w, ok := want.grant[name]
		switch {
		case !ok:
			return name + " " + strconv.Quote(strings.Join(vals, "|")) + " must be absent"
		case len(vals) != 1 || vals[0] != w:
			return name + " " + strconv.Quote(strings.Join(vals, "|")) + ", want exactly " + strconv.Quote(w)
		}
	}
	for name, w := range want.grant {
		if _, ok := h[name]; !ok {
			return name + " missing, want " + strconv.Quote(w)
		}
	}
	for name, vals := range prior {
		if name != "Vary" && !strings.HasPrefix(name, "Access-Control-") && !slices.Equal(h[name], vals) {
			return name + " of the outer middleware changed to " + strconv.Quote(strings.Join(h[name], "|"))
		}
	}
	before := prior["Vary"]
	lines := h["Vary"]
	if len(lines) < len(before) || !slices.Equal(lines[:len(before)], before) {
		return "Vary lines " + strconv.Quote(strings.Join(lines, "|")) + " do not keep the outer " + strconv.Quote(strings.Join(before, "|"))
	}
	added := varyTokens(http.Header{"Vary": lines[len(before):]})
	if want.varyAnyOf != nil {
		if !slices.Contains(added, "Origin") {
			return "Vary adds " + strconv.Quote(strings.Join(added, ", ")) + ", without Origin"
		}
		for _, tok := range added {
			if !slices.Contains(want.varyAnyOf, tok) {
				return "Vary adds " + strconv.Quote(tok)
			}
		}
		return ""
	}
	if !slices.Equal(added, want.vary) {
		return "Vary adds " + strconv.Quote(strings.Join(added, ", ")) + ", want " + strconv.Quote(strings.Join(want.vary, ", "))
	}
	return ""
}
