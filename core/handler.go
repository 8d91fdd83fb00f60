package corsa

import "net/http"

// Handler returns next wrapped in the policy.
func (p *Policy) Handler(next http.Handler) http.Handler { panic("TODO") }

// Middleware holds a Policy that can be replaced at run time.
type Middleware struct{}

// NewMiddleware validates c and returns a Middleware serving it.
func NewMiddleware(c Config) (*Middleware, error) { panic("TODO") }

// Reconfigure replaces the policy when c is valid.
func (m *Middleware) Reconfigure(c Config) error { panic("TODO") }

// Policy returns the current policy.
func (m *Middleware) Policy() *Policy { panic("TODO") }

// Handler returns next wrapped in the current policy.
func (m *Middleware) Handler(next http.Handler) http.Handler { panic("TODO") }

// Explain describes the decision on r in words.
func (p *Policy) Explain(r *Request) string { panic("TODO") }
