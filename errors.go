package corsa

import (
	"errors"
	"fmt"
)

// The rules New enforces (SPEC.md §5). Every *ConfigError wraps one of them,
// so callers can test for a rule with errors.Is.
var (
	// ErrWildcardWithCredentials: "*" in Origins, Methods, RequestHeaders or
	// ExposedHeaders together with Credentials. Browsers reject "*" in
	// credentialed responses, and reflecting instead would hand every site
	// the user's data.
	ErrWildcardWithCredentials = errors.New(`"*" cannot be combined with credentials`)
	// ErrInvalidOrigin: an origin that is not scheme://host[:port] as
	// browsers serialize it, including hosts the URL standard would write
	// differently (127.0.0.01, [0:0:0:0:0:0:0:1]) or refuse (example.123,
	// xn--.com), and file:// origins, for which browsers send "null".
	ErrInvalidOrigin = errors.New("invalid origin")
	// ErrNullOrigin: "null" without DangerouslyAllowNullOrigin.
	ErrNullOrigin = errors.New(`"null" origin not allowed`)
	// ErrInsecureOrigin: a non-loopback http:// origin with Credentials and
	// without DangerouslyAllowInsecureOrigins.
	ErrInsecureOrigin = errors.New("insecure origin with credentials")
	// ErrBroadPattern: a wildcard pattern broader than one registrable
	// domain, or a wildcard anywhere but a whole leading label or the port.
	ErrBroadPattern = errors.New("origin pattern too broad")
	// ErrInvalidMethod: a method that is not a token, a lower-case spelling
	// of a method browsers always send upper-case, or one longer than the
	// 64 bytes a preflight may ask for.
	ErrInvalidMethod = errors.New("invalid method")
	// ErrForbiddenMethod: CONNECT, TRACE or TRACK, which browsers never send.
	ErrForbiddenMethod = errors.New("forbidden method")
	// ErrInvalidHeader: a header name that is not a token.
	ErrInvalidHeader = errors.New("invalid header name")
	// ErrForbiddenHeader: a forbidden request header in RequestHeaders
	// (scripts can never set it), or Set-Cookie in ExposedHeaders (scripts
	// can never read it).
	ErrForbiddenHeader = errors.New("forbidden header name")
	// ErrMaxAge: a negative MaxAge or one above 86400 seconds.
	ErrMaxAge = errors.New("invalid max-age")
	// ErrPreflightStatus: a PreflightStatus outside 200-299.
	ErrPreflightStatus = errors.New("invalid preflight status")
)

// ConfigError is one problem New found in a Config: which field, which
// value, and why. It wraps one of the Err* rules above.
type ConfigError struct {
	// Field is the JSON name of the offending field, with an index for list
	// entries: "origins[2]", "maxAge".
	Field string
	// Value is the offending value as written.
	Value string
	// Rule is the rule broken, one of the Err* variables.
	Rule error
	// Detail explains this case, often with the fix.
	Detail string
}

// Error returns a message such as
// `corsa: origins[0] "https://*.com": origin pattern too broad: ...`.
func (e *ConfigError) Error() string {
	msg := fmt.Sprintf("corsa: %s %q: %v", e.Field, e.Value, e.Rule)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap returns the rule, for errors.Is.
func (e *ConfigError) Unwrap() error { return e.Rule }

// ruleError carries a rule and detail out of a parser, to become a
// *ConfigError once the field is known.
type ruleError struct {
	rule   error
	detail string
}

func (e ruleError) Error() string { return e.rule.Error() + ": " + e.detail }

func (e ruleError) Unwrap() error { return e.rule }
