package corsa

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// explainRequest says in words how the policy decides on r: the kind of
// request, the verdict, which rule allowed or refused each part, and the
// exact response headers. Explain tells it for each request a page's
// fetch() sends. The verdict is always Decide's: explaining is not
// deciding, so OnDecision stays silent.
func (p *Policy) explainRequest(r *Request) string {
	quiet := *p
	quiet.onDecision = nil
	d := quiet.decide(r)
	var b strings.Builder
	verdict := "allowed"
	if d.Reason() != Allowed {
		verdict = "refused: " + d.Reason().String()
	}
	cors := r.Origin != "" || r.MultipleOrigins
	switch {
	case d.code.kind() == kindCrossOrigin:
		fmt.Fprintf(&b, "cross-origin %s request from %s: %s\n", methodText(r.Method), quoteShort(r.Origin), verdict)
		switch {
		case r.Origin == "":
			b.WriteString("  origin: none: a write from another site without Origin is trusted by no policy\n")
		case p.anyOrigin:
			b.WriteString("  origin: \"*\" lets any page read, and trusts no origin for writes (crossOriginProtection)\n")
		default:
			p.explainOrigin(&b, r)
		}
		fmt.Fprintf(&b, "  crossOriginProtection: 403, the handler does not run\n")
	case !cors:
		if p.anyOrigin {
			b.WriteString("not a CORS request (no Origin header): passed to the handler, with the constant headers of \"*\" below\n")
		} else {
			b.WriteString("not a CORS request (no Origin header): passed to the handler unchanged\n")
		}
	case !d.Preflight():
		fmt.Fprintf(&b, "actual %s request from %s: %s\n", methodText(r.Method), quoteShort(r.Origin), verdict)
		if p.anyOrigin {
			fmt.Fprintf(&b, "  origin: any: \"*\" (origins[%d]) without credentials gives every response but a preflight's the same headers, whatever Origin is\n", p.anyEntry)
		} else {
			p.explainOrigin(&b, r)
		}
		if d.Reason() == Allowed {
			b.WriteString("  the handler runs, with the headers below\n")
		} else {
			b.WriteString("  the handler runs, without CORS headers\n")
		}
	default:
		fmt.Fprintf(&b, "preflight from %s for %s: %s\n", quoteShort(r.Origin), methodText(r.RequestMethod), verdict)
		p.explainPreflight(&b, r)
		fmt.Fprintf(&b, "  status %d %s\n", d.Status(), http.StatusText(d.Status()))
	}
	for name, value := range d.Headers(r.Origin) {
		fmt.Fprintf(&b, "  %s: %s\n", name, value)
	}
	if d.Vary() != "" {
		fmt.Fprintf(&b, "  Vary: %s (added)\n", d.Vary())
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
		fmt.Fprintf(b, "  method %s: not allowed: %s\n", quoteShort(m), why)
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
	if reason == Malformed {
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
			fmt.Fprintf(b, "  request header %s: not allowed: %s\n", quoteShort(name), why)
			return
		}
	}
}

// explainOrigin reports the origin check and whether it passed. It asks
// the same matcher as Decide, and names the entry that matched by its
// index in origins, so duplicates and look-alikes cannot confuse it.
func (p *Policy) explainOrigin(b *strings.Builder, r *Request) bool {
	o := r.Origin
	if r.MultipleOrigins {
		b.WriteString("  origin: not allowed: the request has more than one Origin header, which no browser sends\n")
		return false
	}
	m := p.matchOrigin(o)
	entry, tooLong := m.entry, m.tooLong
	switch {
	case entry == funcEntry:
		fmt.Fprintf(b, "  origin %q: allowed by OriginFunc\n", o)
		return true
	case entry >= 0:
		e := p.cfg.Origins[entry]
		switch {
		case e == "*" && o == "null":
			fmt.Fprintf(b, "  origin \"null\": allowed by \"*\" (origins[%d]), which covers null when credentials are off, as in Fetch's CORS check\n", entry)
		case e == "*":
			fmt.Fprintf(b, "  origin %s: allowed by \"*\" (origins[%d])\n", quoteShort(o), entry)
		case e == "null":
			fmt.Fprintf(b, "  origin \"null\": allowed by origins[%d] \"null\", with dangerouslyAllowNullOrigin\n", entry)
		case e == o:
			fmt.Fprintf(b, "  origin %q: allowed: listed as origins[%d]\n", o, entry)
		default:
			fmt.Fprintf(b, "  origin %q: allowed: matches pattern origins[%d] %q\n", o, entry, e)
		}
		return true
	case o == "null":
		b.WriteString("  origin \"null\": not allowed: null is only allowed when listed explicitly, with dangerouslyAllowNullOrigin\n")
	case p.originFunc != nil:
		p.explainOriginFunc(b, o, m)
	case tooLong && len(o) > maxFuncOrigin: // no origin is that long
		fmt.Fprintf(b, "  origin %s: not allowed: %d bytes, longer than any origin this policy can match (%d bytes), so refused before matching\n",
			quoteShort(o), len(o), p.maxOrigin)
	default:
		fmt.Fprintf(b, "  origin %q: not allowed: %s\n", o, p.closestOrigin(o))
	}
	return false
}

// explainMax bounds each request value Explain quotes: a hostile client
// may send megabytes, and Explain's output goes to logs.
const explainMax = 512

// quoteShort quotes s like %q, cut to explainMax bytes with its length
// noted when longer.
func quoteShort(s string) string {
	if len(s) <= explainMax {
		return strconv.Quote(s)
	}
	return strconv.Quote(s[:explainMax]) + fmt.Sprintf("... (%d bytes)", len(s))
}

// methodText prints a method as it is when it is a token of sensible
// length, else quoted and cut, so that no request value can break a log
// line.
func methodText(m string) string {
	if isToken(m) && len(m) <= explainMax {
		return m
	}
	return quoteShort(m)
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
