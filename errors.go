package corsa

import (
	"errors"
	"fmt"
)

// ConfigError is one problem New found in a Config: which field, which
// value, and why. New reports every problem at once, each a *ConfigError,
// joined as by errors.Join; errors.As finds the first.
type ConfigError struct {
	// Field is the JSON name of the offending field, with an index for list
	// entries, "origins[2]" or "maxAge", and for Paths with the prefix in
	// front: `paths["/api"].origins[0]`.
	Field string
	// Value is the offending value as written.
	Value string
	// Detail explains this case, often with the fix.
	Detail string

	rule error // the rule broken, one of the err* below
}

// Error returns a message such as `corsa: origins[0] "https://*.com":
// origin pattern too broad: com is a public suffix ...`.
func (e *ConfigError) Error() string {
	msg := fmt.Sprintf("corsa: %s %q: %v", e.Field, e.Value, e.rule)
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// The rules New enforces (SPEC.md §5), named in each ConfigError's message.
var (
	errWildcardWithCredentials = errors.New(`"*" cannot be combined with credentials`)
	errInvalidOrigin           = errors.New("invalid origin")
	errNullOrigin              = errors.New(`"null" origin not allowed`)
	errInsecureOrigin          = errors.New("insecure origin with credentials")
	errBroadPattern            = errors.New("origin pattern too broad")
	errInvalidMethod           = errors.New("invalid method")
	errForbiddenMethod         = errors.New("forbidden method")
	errInvalidHeader           = errors.New("invalid header name")
	errForbiddenHeader         = errors.New("forbidden header name")
	errMaxAge                  = errors.New("invalid max-age")
	errPreflightStatus         = errors.New("invalid preflight status")
	errOriginFuncWithAnyOrigin = errors.New(`OriginFunc cannot be combined with "*"`)
	errPathPrefix              = errors.New("invalid path prefix")
)

// errNilSource is the panic of a nil Policy, Middleware or Paths put in
// service: most often the result of a constructor whose error was
// ignored.
var errNilSource = errors.New("corsa: nil *Policy, *Middleware or *Paths: was the error of New, NewMiddleware or NewPaths ignored?")

// ruleError carries a rule and detail out of a parser, to become a
// *ConfigError once the field is known.
type ruleError struct {
	rule   error
	detail string
}

func (e ruleError) Error() string { return e.rule.Error() + ": " + e.detail }
