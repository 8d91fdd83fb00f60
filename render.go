package corsa

import (
	"sort"
	"strconv"
	"strings"
)

// render pre-renders every header value of a validated policy, so that the
// request path never joins, formats or lower-cases anything.
func (b *builder) render() {
	p, c := b.p, b.p.cfg
	if p.anyOrigin {
		p.allowOrigin = "*"
	}
	p.varyPreflight = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
	if c.PrivateNetwork {
		p.privateNetwork = true
		p.varyPreflight += ", Access-Control-Request-Private-Network"
	}

	if p.anyMethod {
		p.allowMethods = "*"
	} else {
		p.allowMethods = strings.Join(p.methods, ", ")
	}

	// Allow-Headers keeps the configured spelling and order; matching uses
	// the sorted lower-case set.
	var listed []string
	seen := map[string]bool{}
	for _, h := range c.RequestHeaders {
		if l := strings.ToLower(h); h != "*" && !seen[l] {
			seen[l] = true
			listed = append(listed, h)
		}
	}
	sort.Strings(p.headers)
	switch {
	case p.anyHeader:
		p.allowHeaders = "*"
		for _, h := range listed {
			if strings.EqualFold(h, "Authorization") {
				p.allowAuth = true
				p.allowHeaders = "*, " + h
			}
		}
		p.maxACRH = maxACRHAny
	default:
		p.allowHeaders = strings.Join(listed, ", ")
		// A browser sends at most every allowed name once, comma-separated:
		// anything much longer cannot be all allowed names.
		p.maxACRH = 2*len(strings.Join(p.headers, ",")) + acrhSlack
	}

	p.exposeHeaders = renderList(c.ExposedHeaders)
	if c.MaxAge != nil {
		p.hasMaxAge = true
		p.maxAge = strconv.Itoa(*c.MaxAge)
	}
	p.renderAnswers()
}

// answer is one way a policy answers: the response headers, the Vary to
// add and the status, rendered in New. A Decision points at one instead
// of choosing header by header, and SetHeaders and Headers write it as it
// is. Access-Control-Allow-Origin comes first, so that an echoed origin
// can take its value's place.
type answer struct {
	headers [maxHeaders]header
	n       uint8
	// replacesGrant: the answer writes all three headers of an outer
	// grant, so writing it needs no removal of that grant first.
	replacesGrant bool
	vary          string // added to the response's Vary; "" for none
	status        int    // the status to answer with at once; 0: the handler answers
}

// header is one response header: a canonical name and its value.
type header struct{ name, value string }

// maxHeaders is the most headers a decision sets besides Vary: the six
// Access-Control-Allow-* and Max-Age headers of an allowed preflight.
const maxHeaders = 6

func (s *answer) add(name, value string) {
	s.headers[s.n] = header{name, value}
	s.n++
}

// Bits of a Policy.preflight index.
const (
	withNames = 1 << iota // the preflight requested header names
	withPNA               // it asked for Private Network Access
)

// preflightSet is the Policy.preflight index for a preflight.
func preflightSet(names, privateNetwork bool) int {
	i := 0
	if names {
		i |= withNames
	}
	if privateNetwork {
		i |= withPNA
	}
	return i
}

// renderAnswers renders every answer of the policy: an allowed actual
// request's, each kind of allowed preflight's, in the stable order Headers
// returns, and the refusals'. Access-Control-Allow-Private-Network is only
// ever sent by a policy that allows Private Network Access; without it, a
// request for it is answered as if it were not there (SPEC.md §2).
// Access-Control-Allow-Headers is left out when no header was requested:
// there is nothing to allow.
func (p *Policy) renderAnswers() {
	// Every answer but a "*" policy's to requests other than preflights
	// depends on Origin; that one is a constant.
	vary := "Origin"
	if p.anyOrigin {
		vary = ""
	}
	a := &p.actual
	a.add("Access-Control-Allow-Origin", p.allowOrigin) // the origin is echoed unless "*"
	if p.credentials {
		a.add("Access-Control-Allow-Credentials", "true")
	}
	if p.exposeHeaders != "" {
		a.add("Access-Control-Expose-Headers", p.exposeHeaders)
	}
	a.replacesGrant = p.credentials && p.exposeHeaders != ""
	a.vary = vary
	for i := range p.preflight {
		s := &p.preflight[i]
		s.add("Access-Control-Allow-Origin", p.allowOrigin)
		if p.credentials {
			s.add("Access-Control-Allow-Credentials", "true")
		}
		if p.allowMethods != "" {
			s.add("Access-Control-Allow-Methods", p.allowMethods)
		}
		if p.allowHeaders != "" && i&withNames != 0 {
			s.add("Access-Control-Allow-Headers", p.allowHeaders)
		}
		if p.hasMaxAge {
			s.add("Access-Control-Max-Age", p.maxAge)
		}
		if p.privateNetwork && i&withPNA != 0 {
			s.add("Access-Control-Allow-Private-Network", "true")
		}
		s.vary, s.status = p.varyPreflight, p.status
	}
	p.refused = answer{vary: vary}
	p.refusedPreflight = answer{vary: p.varyPreflight, status: 403}
	p.refusedWrite = answer{vary: varyCrossOrigin, status: 403}
	// Not CORS: a "*" policy's constant headers, else nothing but Vary,
	// since the answer still depends on Origin.
	p.notCORS = Decision{a: &p.refused, code: makeCode(kindNotCORS, Allowed)}
	if p.anyOrigin {
		p.notCORS.a = &p.actual
	}
}

// renderList joins names for a response header, dropping case-insensitive
// duplicates; a "*" stands alone.
func renderList(names []string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if n == "*" {
			return "*"
		}
		if l := strings.ToLower(n); !seen[l] {
			seen[l] = true
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}
