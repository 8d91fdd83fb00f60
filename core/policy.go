package corsa

// Policy is a validated, compiled Config. It is immutable and safe for
// concurrent use; serving a request only compares strings and hands out
// pre-rendered header values.
type Policy struct {
	warnings []string
}

// New validates c (SPEC.md §5) and compiles it. All problems are reported
// at once, joined with errors.Join; each is a *ConfigError.
func New(c Config) (*Policy, error) { panic("TODO") }

// Decide classifies r and decides on it.
func (p *Policy) Decide(r *Request) Decision { panic("TODO") }

// Warnings returns the policy's non-fatal findings.
func (p *Policy) Warnings() []string { return p.warnings }
