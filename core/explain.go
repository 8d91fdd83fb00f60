package corsa

import (
	"fmt"
	"net/http"
	"strings"
)

// Explain describes in words how the policy decides on r: the kind of
// request, the verdict, which rule allowed or refused each part, and the
// exact response headers. It is for logs, debugging and the corsa command,
// not for the request path: it allocates freely. The verdict is always
// Decide's.
//
//	preflight from "https://a.test" for PUT: refused: origin not allowed
//	  origin "https://a.test": not allowed: not in origins; closest entry "https://*.b.test"
//	  status 403
//	  Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers
func (p *Policy) Explain(r *Request) string {
	// Explaining is not deciding: OnDecision stays silent.
	quiet := *p
	quiet.onDecision = nil
	d := quiet.Decide(r)
	var b strings.Builder
	verdict := "allowed"
	if d.Reason != Allowed {
		verdict = "refused: " + d.Reason.String()
	}
	switch d.Kind {
	case NotCORS:
		if p.anyOrigin {
			b.WriteString("not a CORS request (no Origin header): passed to the handler, with the constant headers of \"*\" below\n")
		} else {
			b.WriteString("not a CORS request (no Origin header): passed to the handler unchanged\n")
		}
	case Actual:
		fmt.Fprintf(&b, "actual %s request from %q: %s\n", r.Method, r.Origin, verdict)
		if p.anyOrigin {
			b.WriteString("  origin: any: \"*\" without credentials gives every response but a preflight's the same headers, whatever Origin is\n")
		} else {
			p.explainOrigin(&b, r)
		}
		if d.Reason == Allowed {
			b.WriteString("  the handler runs, with the headers below\n")
		} else {
			b.WriteString("  the handler runs, without CORS headers: the browser will not let the page read the response\n")
		}
	case Preflight:
		fmt.Fprintf(&b, "preflight from %q for %s: %s\n", r.Origin, r.RequestMethod, verdict)
		p.explainPreflight(&b, r)
		fmt.Fprintf(&b, "  status %d %s\n", d.Status, http.StatusText(d.Status))
	}
	for _, h := range d.Headers() {
		fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
	}
	if d.Vary != "" {
		fmt.Fprintf(&b, "  Vary: %s (added)\n", d.Vary)
	}
	return b.String()
}

// explainPreflight reports each check in Decide's order, up to the first
// refusal.
func (p *Policy) explainPreflight(b *strings.Builder, r *Request) {
	if !p.explainOrigin(b, r) {
		return
	}
	m := r.RequestMethod
	switch {
	case isSafelistedMethod(m):
		fmt.Fprintf(b, "  method %s: allowed: GET, HEAD and POST never need listing\n", m)
	case p.methodAllowed(m) && p.anyMethod:
		fmt.Fprintf(b, "  method %s: allowed by \"*\"\n", m)
	case p.methodAllowed(m):
		fmt.Fprintf(b, "  method %s: allowed: listed in methods\n", m)
	default:
		why := "not in methods"
		if !isToken(m) {
			why = "not a valid method token"
		} else if up := strings.ToUpper(m); up != m && p.methodAllowed(up) {
			why = "not in methods (methods are case-sensitive; " + up + " is allowed)"
		}
		fmt.Fprintf(b, "  method %q: not allowed: %s\n", m, why)
		return
	}
	if _, reason := p.checkHeaders(r.RequestHeaders); reason != Allowed {
		p.explainHeaders(b, r.RequestHeaders, reason)
		return
	}
	if len(r.RequestHeaders) > 0 {
		fmt.Fprintf(b, "  request headers %q: allowed\n", strings.Join(r.RequestHeaders, ","))
	}
	switch {
	case r.PrivateNetwork != "true":
	case p.privateNetwork:
		b.WriteString("  private network access: allowed\n")
	default:
		b.WriteString("  private network access: not granted (privateNetwork is off): answered as if not asked, and the browser decides\n")
	}
}

func (p *Policy) explainHeaders(b *strings.Builder, lines []string, reason Reason) {
	if reason == HeadersInvalid {
		n := 0
		for _, l := range lines {
			n += len(l)
		}
		fmt.Fprintf(b, "  request headers: refused: %d line(s), %d bytes: malformed, or longer than any list this policy allows (%d bytes)\n",
			len(lines), n, p.maxACRH)
		return
	}
	for _, line := range lines {
		for _, name := range strings.Split(line, ",") {
			name = trimOWS(name)
			cursor := 0
			if name == "" || p.headerAllowed(name, &cursor) {
				continue
			}
			why := "not in requestHeaders"
			if p.anyHeader {
				why = `"*" never covers Authorization: list it by name`
			}
			fmt.Fprintf(b, "  request header %q: not allowed: %s\n", name, why)
			return
		}
	}
}

// explainOrigin reports the origin check and whether it passed.
func (p *Policy) explainOrigin(b *strings.Builder, r *Request) bool {
	o := r.Origin
	switch {
	case r.MultipleOrigins:
		b.WriteString("  origin: not allowed: the request has more than one Origin header, which no browser sends\n")
		return false
	case p.anyOrigin && o == "null":
		b.WriteString("  origin \"null\": allowed by \"*\", which covers null when credentials are off, as in Fetch's CORS check\n")
		return true
	case p.anyOrigin:
		fmt.Fprintf(b, "  origin %q: allowed by \"*\"\n", o)
		return true
	case o == "null" && p.allowNull:
		b.WriteString("  origin \"null\": allowed: listed, with dangerouslyAllowNullOrigin\n")
		return true
	case o == "null":
		b.WriteString("  origin \"null\": not allowed: null is only allowed when listed explicitly, with dangerouslyAllowNullOrigin\n")
		return false
	}
	for _, e := range p.exact {
		if e == o {
			fmt.Fprintf(b, "  origin %q: allowed: listed in origins\n", o)
			return true
		}
	}
	for i := range p.patterns {
		if p.patterns[i].match(o) {
			fmt.Fprintf(b, "  origin %q: allowed: matches pattern %q\n", o, p.patternText(i))
			return true
		}
	}
	if p.originFunc != nil {
		return p.explainOriginFunc(b, o)
	}
	fmt.Fprintf(b, "  origin %q: not allowed: %s\n", o, p.closestOrigin(o))
	return false
}

// patternText returns the configured spelling of the i-th pattern.
func (p *Policy) patternText(i int) string {
	n := 0
	for _, o := range p.cfg.Origins {
		if spec, err := parseOrigin(o); err == nil && !spec.exact() {
			if n == i {
				return o
			}
			n++
		}
	}
	return ""
}

// closestOrigin names the configured entry an origin most likely meant,
// and how it differs.
func (p *Policy) closestOrigin(o string) string {
	if len(p.cfg.Origins) == 0 {
		return "the policy allows no origins"
	}
	for _, e := range p.cfg.Origins {
		switch {
		case strings.EqualFold(e, o):
			return fmt.Sprintf("differs from %q only in case; origins compare byte for byte and browsers send lower case", e)
		case strings.TrimRight(o, "/") == e || strings.HasPrefix(o, e+"/"):
			return fmt.Sprintf("has a path or trailing slash; %q is allowed, and browsers never send one", e)
		}
	}
	best, bestLen := "", -1
	for _, e := range p.cfg.Origins {
		if n := commonSuffix(e, o); n > bestLen {
			best, bestLen = e, n
		}
	}
	return fmt.Sprintf("not in origins; closest entry %q", best)
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}
