package suite

import (
	"net/http"
	"slices"
	"strings"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// Shortcut notes: work SPEC.md requires that an implementation was seen
// skipping. An implementation that skips work can look faster than one
// that does it, so tables print these next to the numbers.
const (
	NoteFixedPolicy      = "hand-written for this policy only"
	NoteMethodUnchecked  = "does not check the requested method"
	NoteHeadersUnchecked = "does not check the requested headers"
	NoteAcceptsHostile   = "accepts the 1 MiB list"
	NoteAcceptsInvalid   = "accepts an invalid list"
	NoteNoVary           = "no Vary: Origin"
	NoteBlocks           = "blocks the request (handler skipped)"
	NoteLeaksHeaders     = "sends CORS headers to a refused origin"
	NoteSharesSlices     = "shares header value slices between responses (SPEC.md §3b)"
)

// Probe requests, never benchmarked: preflights a correct implementation
// of the policy refuses, to see whether an implementation checks the
// requested method and headers at all.
var (
	probeMethod = scenario.Scenario{Name: "probe-method", Request: conformance.Request{Method: "OPTIONS", Path: scenario.Path, Header: [][2]string{
		{"Origin", conformance.AppOrigin},
		{"Access-Control-Request-Method", "PATCH"},
	}}}
	probeHeaders = scenario.Scenario{Name: "probe-headers", Request: conformance.Request{Method: "OPTIONS", Path: scenario.Path, Header: [][2]string{
		{"Origin", conformance.AppOrigin},
		{"Access-Control-Request-Method", "PUT"},
		{"Access-Control-Request-Headers", "x-not-allowed"},
	}}}
)

// Notes serves the case's request, and for preflights the probes, and
// returns the shortcuts seen, in a stable order. The bare framework has
// none: it does no CORS at all.
func (c Case) Notes() ([]string, error) {
	if c.Impl.Kind == frameworks.Bare {
		return nil, nil
	}
	r, err := c.Observe()
	if err != nil {
		return nil, err
	}
	var notes []string
	if c.Impl.Kind == frameworks.Floor {
		notes = append(notes, NoteFixedPolicy)
	}
	allowed := r.Header.Get("Access-Control-Allow-Origin") != ""
	switch c.Scenario.Name {
	case scenario.Preflight, scenario.Preflight20:
		for _, p := range []struct {
			s    scenario.Scenario
			note string
		}{{probeMethod, NoteMethodUnchecked}, {probeHeaders, NoteHeadersUnchecked}} {
			pr, err := Case{Framework: c.Framework, Scenario: p.s, Impl: c.Impl}.Observe()
			if err != nil {
				return nil, err
			}
			if pr.Header.Get("Access-Control-Allow-Origin") != "" {
				notes = append(notes, p.note)
			}
		}
	case scenario.HostileACRH:
		if allowed {
			notes = append(notes, NoteAcceptsHostile)
		}
	case scenario.InvalidACRH:
		if allowed {
			notes = append(notes, NoteAcceptsInvalid)
		}
	case scenario.Disallowed:
		if !r.HandlerRan {
			notes = append(notes, NoteBlocks)
		}
		if hasCORSHeader(r.Header) {
			notes = append(notes, NoteLeaksHeaders)
		}
	}
	if !c.Scenario.IsPreflight() && !varies(r.Header, "Origin") {
		notes = append(notes, NoteNoVary)
	}
	shares, err := c.sharesSlices()
	if err != nil {
		return nil, err
	}
	if shares {
		notes = append(notes, NoteSharesSlices)
	}
	return notes, nil
}

// sentinel is what sharesSlices writes into a response's header values.
const sentinel = "written by an earlier handler"

// sharesSlices reports whether a response's header value slices are shared
// with other responses, as SPEC.md §3b forbids: it edits every value of
// one response in place, as a handler may, then serves a fresh copy of the
// request on the same server and looks for the edit. Sharing pre-built
// slices saves allocations, so it explains some speed. The edit is undone
// before returning: a shared slice may be a package variable of the
// library under test, and later cases must not see it. Only net/http
// header maps can share; fasthttp copies every value.
func (c Case) sharesSlices() (bool, error) {
	t, _, err := c.build()
	if err != nil {
		return false, err
	}
	first, ok := t.(*httpTarget)
	if !ok {
		return false, nil
	}
	first.serve()
	saved := first.rec.header.Clone()
	defer func() {
		for name, vs := range first.rec.header {
			copy(vs, saved[name])
		}
	}()
	for _, vs := range first.rec.header {
		for i := range vs {
			vs[i] = sentinel
		}
	}
	// A fresh request too: a middleware may alias the request's own
	// slices, per request and harmless, but edited above.
	second := newHTTPTarget(first.handler, c.Scenario, first.ran)
	second.serve()
	for _, vs := range second.rec.header {
		if slices.Contains(vs, sentinel) {
			return true, nil
		}
	}
	return false, nil
}

// varies reports whether the Vary header lists name. Peers write Vary as
// one comma-separated line or as several lines.
func varies(h http.Header, name string) bool {
	return slices.ContainsFunc(conformance.VaryTokens(h), func(tok string) bool { return strings.EqualFold(tok, name) })
}

func hasCORSHeader(h http.Header) bool {
	for name := range h {
		if strings.HasPrefix(name, "Access-Control-") {
			return true
		}
	}
	return false
}
