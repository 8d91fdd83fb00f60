package corsa

// ExplainRequest lets the external tests check the explanation of one
// request, which Explain tells for every request of a page's fetch().
func (p *Policy) ExplainRequest(r *Request) string { return p.explainRequest(r) }
