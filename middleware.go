package corsa

import "sync/atomic"

// Middleware serves a Policy that can be replaced at run time, for example
// when a policy file changes (Watch). Requests in flight finish on the
// policy they started with; the next ones see the new one. The zero
// Middleware is ready to use and allows nothing.
type Middleware struct {
	policy atomic.Pointer[Policy]
}

// denyAll serves a zero Middleware: the zero Config allows nothing.
var denyAll = mustQuiet(Config{})

// NewMiddleware validates c and returns a Middleware serving it.
func NewMiddleware(c Config) (*Middleware, error) {
	m := new(Middleware)
	if err := m.Reconfigure(c); err != nil {
		return nil, err
	}
	return m, nil
}

// Reconfigure validates c and, only if it is valid, makes it the policy for
// every request from now on. An invalid c is reported like New reports it,
// and the current policy stays.
func (m *Middleware) Reconfigure(c Config) error {
	p, err := New(c)
	if err != nil {
		return err
	}
	m.policy.Store(p)
	return nil
}
