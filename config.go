package corsa

import (
	"errors"
	"fmt"
	"os"
)

// Config is a CORS policy as a user writes it: in Go, or as JSON in a policy
// file (see ParseConfig). The zero Config allows no cross-origin request at
// all; every permission is spelled out, including "*" for any origin.
//
// New validates a Config and compiles it into a Policy; a Config is never
// consulted at request time.
type Config struct {
	// Origins lists the origins allowed to read responses. Each entry is
	//   - an exact serialized origin, "https://app.example.com" or
	//     "http://localhost:8080", compared byte for byte with the request's
	//     Origin header;
	//   - a subdomain pattern, "https://*.example.com", matching any depth of
	//     subdomain of example.com but not example.com itself;
	//   - a port pattern, "http://localhost:*", matching any port (or none);
	//   - "*", any origin, "null" included as in Fetch (only without
	//     Credentials; other entries are then redundant, which Warnings
	//     reports); every response but a preflight's then gets the same
	//     constant headers, without Vary;
	//   - "null", only with DangerouslyAllowNullOrigin.
	Origins []string `json:"origins,omitempty"`

	// Credentials allows requests made with credentials (cookies, HTTP
	// authentication, client certificates): responses carry
	// Access-Control-Allow-Credentials: true. It rules out every "*".
	Credentials bool `json:"credentials,omitempty"`

	// Methods lists the methods a preflight may ask for, beyond GET, HEAD and
	// POST which never need listing. Methods are case-sensitive tokens. "*"
	// allows any method (only without Credentials).
	Methods []string `json:"methods,omitempty"`

	// RequestHeaders lists the request header names a preflight may ask for,
	// compared case-insensitively. "*" allows any name except Authorization,
	// which browsers never let a wildcard cover: list it by name as well
	// (only without Credentials).
	//
	// Left unset, it allows Content-Type, which a page sends with a JSON
	// body, as every other CORS library does; listing any names replaces
	// that default, so list Content-Type too if it is wanted. An explicit
	// empty list allows no request header at all:
	//
	//	RequestHeaders: nil          // unset, JSON field absent or null: Content-Type
	//	RequestHeaders: []string{}   // JSON "requestHeaders": []: none
	RequestHeaders []string `json:"requestHeaders"`

	// ExposedHeaders lists the response header names scripts may read beyond
	// the CORS-safelisted ones. "*" exposes all (only without Credentials).
	ExposedHeaders []string `json:"exposedHeaders,omitempty"`

	// MaxAge is how many seconds browsers may cache a preflight answer, sent
	// as Access-Control-Max-Age. Nil sends no header (browsers then cache for
	// 5 seconds); a pointer to 0 sends "0", which disables caching. Use
	// Seconds to write one inline. At most 86400; browsers cap it anyway
	// (Chromium at 7200).
	MaxAge *int `json:"maxAge,omitempty"`

	// PrivateNetwork answers Private Network Access preflights (requests
	// carrying Access-Control-Request-Private-Network: true) with
	// Access-Control-Allow-Private-Network: true. When false, such
	// preflights are answered as if they did not ask, without that header,
	// and the browser decides (Chromium never enforced these preflights).
	PrivateNetwork bool `json:"privateNetwork,omitempty"`

	// PreflightStatus is the status of an allowed preflight response: 0 means
	// 204 No Content; otherwise it must be in 200-299 (some old clients want
	// 200).
	PreflightStatus int `json:"preflightStatus,omitempty"`

	// CrossOriginProtection refuses cross-origin writes that CORS alone
	// lets through to the handler (cross-site request forgery): a
	// request with a method other than GET, HEAD and OPTIONS, sent by a
	// browser from another origin (Sec-Fetch-Site cross-site or
	// same-site, or, without it, an Origin whose host is not the
	// request's Host), from an origin the policy does not allow, is
	// answered 403 without calling the handler and without CORS
	// headers. "Allow" means an exact entry of Origins, a pattern or
	// OriginFunc: "*" and "null" trust no origin for writes. Requests
	// with neither Sec-Fetch-Site nor Origin (curl, other servers) pass.
	// For exact origins, the verdicts are net/http.CrossOriginProtection's
	// with those origins trusted (SPEC.md §9).
	CrossOriginProtection bool `json:"crossOriginProtection,omitempty"`

	// DangerouslyAllowNullOrigin permits "null" in Origins. The null origin
	// is shared by sandboxed iframes, file: pages and redirected requests, so
	// allowing it allows all of them at once.
	DangerouslyAllowNullOrigin bool `json:"dangerouslyAllowNullOrigin,omitempty"`

	// DangerouslyAllowInsecureOrigins permits plain http:// origins other
	// than loopback together with Credentials. Anyone on the network path of
	// such an origin can act as it, and so read credentialed responses.
	DangerouslyAllowInsecureOrigins bool `json:"dangerouslyAllowInsecureOrigins,omitempty"`

	// OriginFunc, when set, decides on origins that no entry of Origins
	// allows: it is called with the request's Origin and reports whether to
	// allow it, with the same headers as a listed origin (the origin
	// echoed, Vary: Origin, and credentials if Credentials is set). It is
	// never called for "null", for a request with more than one Origin
	// header, or for a value that is not an origin as browsers serialize
	// it (lower-case scheme://host[:port], at most 300 bytes); nor, with
	// Credentials and without DangerouslyAllowInsecureOrigins, for a plain
	// http:// origin other than loopback. It may be the only source of
	// origins (Origins empty), but not combined with "*", which would leave
	// it unused: New refuses that.
	//
	// It runs on every cross-origin request from an unlisted origin, so it
	// must be fast and safe for concurrent use. Make it an exact lookup in
	// a set the application keeps, such as a sync.Map of tenants' origins
	// loaded from a database: never a suffix, substring or regular
	// expression check on the origin, which is how most CORS bypasses
	// happen (https://app.example.evil.com ends with nothing you own, yet
	// contains app.example). Subdomains belong in Origins as patterns,
	// whose matching corsa does safely. Not part of the JSON policy file.
	OriginFunc func(origin string) bool `json:"-"`

	// OnDecision, when set, is called once for every CORS request (a
	// preflight or an actual request: any request with an Origin header)
	// with the request values and the decision, for logs and metrics. It
	// is called from Decide, so it works through every adapter, and
	// neither Explain nor the corsa command triggers it. It runs before the
	// response is written, so it must be fast and safe for concurrent use;
	// see DecisionEvent for which values it may keep. LogRefusals makes one
	// that logs refusals with log/slog. Not part of the JSON policy file.
	OnDecision func(DecisionEvent) `json:"-"`
}

// Seconds returns a pointer to n, for Config.MaxAge:
//
//	corsa.Config{MaxAge: corsa.Seconds(600)}
func Seconds(n int) *int { return &n }

// ParseConfig decodes a JSON policy file and reports every problem in it
// at once, each naming its line and column: syntax errors (alone, since
// nothing after one can be trusted), then together unknown keys, keys
// given twice at any depth, values of the wrong type, and every value New
// refuses. Unknown keys and keys given twice are errors so that a misspelt
// setting is never silently ignored and every tool reads the file the
// same way; an unknown key that another CORS library uses, or that is a
// near miss of a field, comes with the field to write instead. The
// problems are joined as by errors.Join; a value New refuses is a
// *ConfigError (errors.As finds it).
//
// On error the Config holds the fields that decoded; without error it is
// valid, and New accepts it (with the Go-only hooks added, it may refuse
// OriginFunc next to "*").
func ParseConfig(data []byte) (Config, error) {
	if err := checkSyntax(data); err != nil {
		return Config{}, err
	}
	problems, at := checkKeys(data)
	c, typeProblems := decodeFields(data, at)
	problems = append(problems, typeProblems...)
	if _, err := compile(c); err != nil {
		problems = append(problems, locate(data, at, err)...)
	}
	return c, errors.Join(problems...)
}

// LoadConfig reads and decodes the JSON policy file at path (see ParseConfig).
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("corsa: %w", err)
	}
	c, err := ParseConfig(data)
	if err != nil {
		return c, fmt.Errorf("%w (in %s)", err, path)
	}
	return c, nil
}
