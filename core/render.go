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
	p.varyPreflight = HeaderOrigin + ", " + HeaderRequestMethod + ", " + HeaderRequestHeaders
	if c.PrivateNetwork {
		p.privateNetwork = true
		p.varyPreflight += ", " + HeaderRequestPrivateNetwork
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
