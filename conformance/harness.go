package conformance

import (
	"errors"
	"net/http"

	"github.com/corsa-go/corsa"
)

// Harness builds a fresh server for one case's policy, with the suite's
// standard routes (see the Path constants) and the CORS middleware under test
// installed where users install it: globally, outermost except for the
// framework's panic recovery.
//
// It returns an error wrapping ErrCannotExpress when the middleware under
// test (typically a peer library on the scoreboard) has no way to express
// the policy; any other error fails the case.
type Harness func(policy corsa.Config) (Server, error)

// Server serves one request at a time for the suite.
type Server struct {
	// Do serves one request and returns the response. The response body
	// must be readable; the suite reads and closes it.
	Do func(*http.Request) (*http.Response, error)

	// Quirks names what the harness's transport or framework cannot do;
	// cases that depend on it are skipped, naming the quirk.
	Quirks Quirks
}

// Quirks are named capabilities a harness lacks. It is a struct, not an
// interface, so that adding a field never breaks an existing harness: the
// zero value claims every capability.
type Quirks struct {
	// RepeatedHeaderLinesMerged: the transport joins repeated request header
	// lines into one comma-separated line before the middleware sees them.
	RepeatedHeaderLinesMerged bool

	// RepeatedHeaderLinesDropped: the transport keeps only one of several
	// request header lines with the same name, so the middleware cannot see
	// the others.
	RepeatedHeaderLinesDropped bool

	// MaxHeaderBytes, when positive, is the largest request header block the
	// transport accepts; cases whose request is larger are skipped.
	MaxHeaderBytes int
}

// ErrCannotExpress is wrapped by a Harness error when the middleware under
// test cannot express a case's policy. Run skips such a case; Score counts
// it in Report.CannotExpress.
var ErrCannotExpress = errors.New("conformance: policy cannot be expressed")

// The standard routes every harness registers, with what each handler does.
// Handlers mark that they ran by setting HandlerHeader to HandlerRan before
// anything else, so that the suite can tell a handler's response from the
// middleware's.
const (
	// PathResource serves GET, HEAD, POST, PUT, DELETE and PATCH. The handler
	// sets HandlerHeader: HandlerRan and TotalCountHeader: TotalCount, ADDS
	// (never sets) "Vary: Accept-Encoding", and answers 200 with body
	// ResourceBody. It has no OPTIONS handler.
	PathResource = "/resource"

	// PathOptions serves OPTIONS and GET. The handler sets HandlerHeader:
	// HandlerRan and answers 200 with body OptionsBody.
	PathOptions = "/options"

	// PathNotFound serves GET. The handler sets HandlerHeader: HandlerRan,
	// then ends in 404 through the framework's own error path: net/http
	// http.Error, gin c.AbortWithStatus(404), echo return echo.ErrNotFound,
	// fiber return fiber.ErrNotFound.
	PathNotFound = "/status/404"

	// PathServerError serves GET. Like PathNotFound with 500: net/http
	// http.Error, gin c.AbortWithStatus(500), echo return
	// echo.NewHTTPError(500), fiber return fiber.ErrInternalServerError.
	PathServerError = "/status/500"

	// PathPanic serves GET. The handler sets HandlerHeader: HandlerRan, then
	// panics. The harness installs the framework's recovery middleware
	// OUTSIDE the CORS middleware (net/http: see Recover), so that the
	// response is a 500.
	PathPanic = "/panic"

	// PathUnknown has no route at all: the framework answers with its own
	// 404 (or 405), and no handler of the suite runs.
	PathUnknown = "/no/such/route"
)

// Values the standard handlers write.
const (
	HandlerHeader    = "X-Handler"
	HandlerRan       = "ran"
	TotalCountHeader = "X-Total-Count"
	TotalCount       = "42"
	HandlerVary      = "Accept-Encoding"
	ResourceBody     = "resource"
	OptionsBody      = "options"
)

// Route is one standard route in framework-neutral terms; Routes lists
// them all, so that a harness registers them in a loop. A net/http harness
// registers the Route itself (it is an http.Handler); other frameworks
// write the same handler with their own calls.
type Route struct {
	Path    string
	Methods []string
	// Status is what the handler ends with: 200 written by the handler, or
	// 404 / 500 produced through the framework's error path. Zero for
	// PathPanic, whose handler panics after setting the marker.
	Status int
	// Body is the body a 200 handler writes ("" for the others).
	Body string
	// Panics reports that the handler panics after setting the marker.
	Panics bool
	// SetTotalCount and AddVary: the handler also sets TotalCountHeader to
	// TotalCount and adds "Vary: HandlerVary" (PathResource only).
	SetTotalCount, AddVary bool
}

// Serve does what rt says with a framework's own calls, so that a
// framework's handler for rt is one call of it: set and add write a
// response header line, fail ends the request in an error status through
// the framework's error path, write answers 200 with a body. It marks the
// response with HandlerHeader first, and panics where rt says to.
func (rt Route) Serve(set, add func(name, value string), fail func(status int) error, write func(body string) error) error {
	set(HandlerHeader, HandlerRan)
	switch {
	case rt.Panics:
		panic("conformance: the " + rt.Path + " handler panics on purpose")
	case rt.Status != http.StatusOK:
		return fail(rt.Status)
	}
	if rt.SetTotalCount {
		set(TotalCountHeader, TotalCount)
	}
	if rt.AddVary {
		add("Vary", HandlerVary) // add, never set
	}
	return write(rt.Body)
}

// Routes are the standard routes (PathUnknown is deliberately absent).
var Routes = []Route{
	{Path: PathResource, Methods: []string{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}, Status: 200, Body: ResourceBody, SetTotalCount: true, AddVary: true},
	{Path: PathOptions, Methods: []string{http.MethodOptions, http.MethodGet}, Status: 200, Body: OptionsBody},
	{Path: PathNotFound, Methods: []string{http.MethodGet}, Status: 404},
	{Path: PathServerError, Methods: []string{http.MethodGet}, Status: 500},
	{Path: PathPanic, Methods: []string{http.MethodGet}, Panics: true},
}
