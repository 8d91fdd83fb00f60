package corsa

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
)

// Policy is a validated, compiled Config. It is immutable and safe for
// concurrent use. Everything a response needs is rendered once, in New, so
// serving a request only compares strings and hands out those values.
type Policy struct {
	cfg      Config // a private copy, for Explain
	warnings []string

	anyOrigin   bool
	exact       []exactOrigin // byte-exact origins, searched linearly while few
	exactSet    map[string]int
	patterns    []originSpec
	credentials bool

	// Indexes in cfg.Origins of the entry each origin rule came from, so
	// that Explain names the entry that matched; -1 when absent.
	anyEntry, nullEntry int
	// maxOrigin is the longest Origin any entry could match: longer ones
	// are refused before matching (SPEC.md §6b).
	maxOrigin int

	anyMethod bool
	methods   []string
	// askable is every method a preflight may ask for by name: methods,
	// then the safelisted ones not among them, so one loop checks both.
	askable []string

	anyHeader bool
	allowAuth bool     // with anyHeader: Authorization was listed by name
	headers   []string // lower-cased, sorted, de-duplicated
	maxACRH   int      // longest Access-Control-Request-Headers worth parsing

	privateNetwork        bool
	status                int
	crossOriginProtection bool
	// notCORS is the decision on a request without Origin: a "*"
	// policy's constant headers, else nothing but Vary, since the answer
	// still depends on Origin.
	notCORS Decision

	// Pre-rendered header values.
	allowOrigin   string // "*" for an any-origin policy, else "" (echo Origin)
	allowMethods  string
	allowHeaders  string
	exposeHeaders string
	maxAge        string
	hasMaxAge     bool
	varyPreflight string
	// Rendered answers: an allowed actual request's, an allowed
	// preflight's for each preflightSet, and the refusals' (without
	// headers): an actual request's, a preflight's and a cross-origin
	// write's.
	actual           answer
	preflight        [(withNames | withPNA) + 1]answer
	refused          answer
	refusedPreflight answer
	refusedWrite     answer

	// Go-only hooks (see Config): nil when unset, checked before any work.
	originFunc func(string) bool
	insecureOK bool // OriginFunc may allow plain-http origins (see Config.OriginFunc)
	onDecision func(DecisionEvent)
}

// exactSetMin is where a map beats a linear scan of exact origins.
const exactSetMin = 8

// New validates c (SPEC.md §5) and compiles it into a Policy. All problems
// are reported at once, joined with errors.Join; each is a *ConfigError
// naming the field, the value and the rule.
//
// Findings that do not make the policy wrong, such as an empty origin
// list or a max-age above Chromium's cap, are logged as warnings with
// log/slog's default logger, one record each, so that they show at
// start-up however the policy is built; Warnings returns them too.
func New(c Config) (*Policy, error) {
	p, err := compile(c)
	if err != nil {
		return nil, err
	}
	for _, w := range p.warnings {
		slog.Warn("corsa: " + w)
	}
	return p, nil
}

// compile is New without the warnings' log records.
func compile(c Config) (*Policy, error) {
	if c.RequestHeaders == nil {
		// Unset, not empty: the default every peer has, without which a
		// JSON POST's preflight fails (see Config.RequestHeaders).
		c.RequestHeaders = []string{"Content-Type"}
	}
	b := builder{p: &Policy{cfg: cloneConfig(c)}}
	b.origins(c)
	b.hooks(c)
	b.methods(c)
	b.requestHeaders(c)
	b.exposedHeaders(c)
	b.numbers(c)
	b.p.crossOriginProtection = c.CrossOriginProtection
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	b.render()
	return b.p, nil
}

// Must is New for policies fixed in code: it panics with New's error, so a
// broken policy stops the program at start-up, never at request time.
func Must(c Config) *Policy {
	p, err := New(c)
	if err != nil {
		panic(err)
	}
	return p
}

// mustQuiet is Must without the warnings' log records, for policies
// built when the package loads.
func mustQuiet(c Config) *Policy {
	p, err := compile(c)
	if err != nil {
		panic(err)
	}
	return p
}

// Warnings returns what New noticed but accepted, and logged: settings
// that have no effect or that browsers cap, and an empty origin list.
func (p *Policy) Warnings() []string { return append([]string(nil), p.warnings...) }

func cloneConfig(c Config) Config {
	// slices.Clone keeps an empty list apart from an unset one.
	c.Origins = slices.Clone(c.Origins)
	c.Methods = slices.Clone(c.Methods)
	c.RequestHeaders = slices.Clone(c.RequestHeaders)
	c.ExposedHeaders = slices.Clone(c.ExposedHeaders)
	if c.MaxAge != nil {
		c.MaxAge = Seconds(*c.MaxAge)
	}
	return c
}

// builder validates a Config and fills in a Policy in one pass, collecting
// every problem.
type builder struct {
	p    *Policy
	errs []error
}

func (b *builder) fail(field string, i int, value string, rule error, detail string) {
	if i >= 0 {
		field += "[" + strconv.Itoa(i) + "]"
	}
	b.errs = append(b.errs, &ConfigError{Field: field, Value: value, Detail: detail, rule: rule})
}

func (b *builder) warn(format string, args ...any) {
	b.p.warnings = append(b.p.warnings, fmt.Sprintf(format, args...))
}

func (b *builder) origins(c Config) {
	p := b.p
	p.credentials = c.Credentials
	p.anyEntry, p.nullEntry = -1, -1
	if len(c.Origins) == 0 && c.OriginFunc == nil {
		b.warn("origins is empty: every cross-origin request is refused")
	}
	seen := map[string]bool{}
	for i, o := range c.Origins {
		if seen[o] {
			b.warn("origins[%d] %q is listed twice", i, o)
			continue
		}
		seen[o] = true
		switch o {
		case "*":
			if c.Credentials {
				b.fail("origins", i, o, errWildcardWithCredentials,
					"list the trusted origins instead (reflecting any origin with credentials would let every site read users' data)")
				continue
			}
			p.anyOrigin, p.anyEntry = true, i
			continue
		case "null":
			if !c.DangerouslyAllowNullOrigin {
				b.fail("origins", i, o, errNullOrigin,
					"sandboxed iframes, file: pages and redirects all send null; set dangerouslyAllowNullOrigin to allow them all")
				continue
			}
			p.nullEntry = i
			continue
		}
		spec, err := parseOrigin(o)
		if err != nil {
			re := err.(ruleError)
			b.fail("origins", i, o, re.rule, re.detail)
			continue
		}
		loopback := isLoopback(spec.host) || spec.subdomain && strings.HasSuffix(spec.host, ".localhost")
		if c.Credentials && spec.prefix == "http://" && !loopback && !c.DangerouslyAllowInsecureOrigins {
			b.fail("origins", i, o, errInsecureOrigin,
				"anyone on the network path can act as a plain-http origin and read credentialed responses; use https, or set dangerouslyAllowInsecureOrigins")
			continue
		}
		if c.Credentials && spec.exact() && specialScheme(spec.prefix) {
			if why := publicSuffixHost(spec.host); why != "" {
				b.warn("origins[%d] %q: %s", i, o, why)
			}
		}
		p.maxOrigin = max(p.maxOrigin, spec.maxOriginLen())
		if spec.exact() {
			p.exact = append(p.exact, exactOrigin{o, i})
		} else {
			spec.entry = i
			p.patterns = append(p.patterns, spec)
		}
	}
	if p.anyOrigin {
		if len(c.Origins) > 1 {
			b.warn(`origins: "*" allows every origin; the other entries are redundant`)
		}
		// "*" decides alone, for reading and (trusting nobody) for writes.
		p.exact, p.patterns = nil, nil
	}
	if len(p.exact) >= exactSetMin {
		// A map beats the linear scan matchOrigin starts with.
		p.exactSet = make(map[string]int, len(p.exact))
		for _, e := range p.exact {
			p.exactSet[e.origin] = e.entry
		}
		p.exact = nil
	}
}

func (b *builder) methods(c Config) {
	p := b.p
	seen := map[string]bool{}
	for i, m := range c.Methods {
		switch {
		case m == "*":
			if c.Credentials {
				b.fail("methods", i, m, errWildcardWithCredentials, "list the methods by name")
				continue
			}
			p.anyMethod = true
		case !isToken(m):
			b.fail("methods", i, m, errInvalidMethod, "a method is an HTTP token, such as PUT")
			continue
		case len(m) > maxMethodLen:
			b.fail("methods", i, m, errInvalidMethod,
				"longer than "+strconv.Itoa(maxMethodLen)+" bytes, the longest method a preflight may ask for, so it could never match")
			continue
		case forbiddenMethods[strings.ToLower(m)]:
			b.fail("methods", i, m, errForbiddenMethod, "browsers never send it")
			continue
		case normalizedMethods[strings.ToLower(m)] && m != strings.ToUpper(m):
			b.fail("methods", i, m, errInvalidMethod,
				"browsers always send it as "+strings.ToUpper(m)+", and methods compare byte for byte")
			continue
		}
		if seen[m] {
			b.warn("methods[%d] %q is listed twice", i, m)
			continue
		}
		seen[m] = true
		p.methods = append(p.methods, m)
	}
	p.askable = slices.Clone(p.methods)
	for _, m := range []string{"GET", "HEAD", "POST"} {
		if !seen[m] {
			p.askable = append(p.askable, m)
		}
	}
}

func (b *builder) requestHeaders(c Config) {
	p := b.p
	seen := map[string]bool{}
	for i, h := range c.RequestHeaders {
		lower := strings.ToLower(h)
		switch {
		case h == "*":
			if c.Credentials {
				b.fail("requestHeaders", i, h, errWildcardWithCredentials, "list the header names")
				continue
			}
			p.anyHeader = true
			continue
		case !isToken(h):
			b.fail("requestHeaders", i, h, errInvalidHeader, "a header name is an HTTP token, such as X-Request-Id")
			continue
		case isForbiddenRequestHeader(lower):
			b.fail("requestHeaders", i, h, errForbiddenHeader, "browsers never let scripts set it")
			continue
		case seen[lower]:
			b.warn("requestHeaders[%d] %q is listed twice", i, h)
			continue
		}
		seen[lower] = true
		p.headers = append(p.headers, lower)
	}
}

func (b *builder) exposedHeaders(c Config) {
	seen := map[string]bool{}
	for i, h := range c.ExposedHeaders {
		lower := strings.ToLower(h)
		switch {
		case h == "*":
			if c.Credentials {
				b.fail("exposedHeaders", i, h, errWildcardWithCredentials, "list the header names")
			}
		case !isToken(h):
			b.fail("exposedHeaders", i, h, errInvalidHeader, "a header name is an HTTP token, such as X-Total-Count")
		case forbiddenResponseHeaders[lower]:
			b.fail("exposedHeaders", i, h, errForbiddenHeader, "browsers never let scripts read it")
		case safelistedResponseHeaders[lower]:
			b.warn("exposedHeaders[%d] %q is always readable; listing it has no effect", i, h)
		case seen[lower]:
			b.warn("exposedHeaders[%d] %q is listed twice", i, h)
		}
		seen[lower] = true
	}
}

func (b *builder) numbers(c Config) {
	if c.MaxAge != nil {
		switch n := *c.MaxAge; {
		case n < 0 || n > 86400:
			b.fail("maxAge", -1, strconv.Itoa(n), errMaxAge,
				"want 0 (no caching) to 86400 seconds; leave it unset for the browsers' default of 5 seconds")
		case n > 7200:
			b.warn("maxAge %d exceeds Chromium's cap of 7200 seconds: Chromium caches for 7200", n)
		}
	}
	switch s := c.PreflightStatus; {
	case s == 0:
		b.p.status = 204
	case s < 200 || s > 299:
		b.fail("preflightStatus", -1, strconv.Itoa(s), errPreflightStatus,
			"browsers treat a preflight as failed unless its status is 2xx; want 200-299 (default 204)")
	default:
		b.p.status = s
	}
}
