package frameworks

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"github.com/corsa-go/corsa/internal/view"
)

// The floor: the least a correct CORS middleware can cost while writing
// the same headers as corsa under SPEC.md §3b. It serves only the suite's
// policy, rendered once, with its checks written out by hand: tells
// requests apart by Origin (absent, the allowed one, another) and by
// Access-Control-Request-Method, as corsa must; checks the requested
// method with a switch and the requested header names in one walk over
// the policy's sorted names, after bounding the list's length; and on
// net/http header maps puts all of a response's values into one backing
// array allocated for that response, with direct map assignments of
// canonical names. Nothing general can do less, so a target that the
// floor misses against a peer cannot be met under §3b.
//
// Where corsa's adapter puts "Vary: Origin" back after the handler when
// later code replaced it (gin, echo v4 and v5, fasthttp, fiber v2 and
// v3), the floor does too (floorRestoreVary): it is the same behaviour for
// one policy installed once, at the least cost, not less behaviour. The
// net/http floor, like corsa's Handler, cannot tell whether the headers
// are sent and does not.
var (
	floorMethods = strings.Join(scenario.Methods, ", ")
	floorHeaders = strings.Join(scenario.RequestHeaders, ", ")
	floorMaxAge  = strconv.Itoa(scenario.MaxAgeSeconds)
	// floorMaxACRH bounds the requested list before it is parsed: every
	// allowed name once, with room for spaces.
	floorMaxACRH = 2 * len(floorHeaders)
)

const floorPreflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"

// floorNames are the policy's request headers as browsers list them:
// lower-cased and sorted.
var floorNames = func() []string {
	names := make([]string, len(scenario.RequestHeaders))
	for i, h := range scenario.RequestHeaders {
		names[i] = strings.ToLower(h)
	}
	slices.Sort(names)
	return names
}()

// floorPreflightAllowed is the floor's preflight check: the requested
// method is safelisted or one of scenario.Methods, and every requested
// header name is one of scenario.RequestHeaders.
func floorPreflightAllowed(method string, acrh []string) bool {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "DELETE":
	default:
		return false
	}
	total := 0
	for _, l := range acrh {
		total += len(l)
	}
	if total > floorMaxACRH {
		return false
	}
	next := 0 // in floorNames: a browser's sorted list is matched in one walk
	for _, l := range acrh {
		for l != "" {
			// A browser's list: the next allowed name, then a comma or
			// the end. One memory compare.
			if next < len(floorNames) {
				if n := floorNames[next]; strings.HasPrefix(l, n) && (len(l) == len(n) || l[len(n)] == ',') {
					l = l[min(len(n)+1, len(l)):]
					next++
					continue
				}
			}
			end := strings.IndexByte(l, ',')
			if end < 0 {
				end = len(l)
			}
			name := l[:end]
			l = l[min(end+1, len(l)):]
			for name != "" && (name[0] == ' ' || name[0] == '\t') {
				name = name[1:]
			}
			for name != "" && (name[len(name)-1] == ' ' || name[len(name)-1] == '\t') {
				name = name[:len(name)-1]
			}
			if name == "" {
				continue
			}
			for next < len(floorNames) && floorNames[next] < name {
				next++
			}
			if next < len(floorNames) && floorNames[next] == name {
				next++
				continue
			}
			// Out of order or not lower case, as only non-browsers send.
			if !slices.ContainsFunc(floorNames, func(n string) bool { return strings.EqualFold(n, name) }) {
				return false
			}
		}
	}
	return true
}

// floorWrite writes the floor's headers for r into h and reports the
// status of a preflight it answers, or 0 for a request that goes on to
// the handler.
func floorWrite(h http.Header, r *http.Request) (preflightStatus int) {
	origins := r.Header["Origin"]
	var acrm []string
	if len(origins) > 0 && r.Method == http.MethodOptions {
		acrm = r.Header["Access-Control-Request-Method"]
	}
	preflight := len(acrm) > 0
	allowed := len(origins) == 1 && origins[0] == conformance.AppOrigin
	vary := "Origin"
	if preflight {
		vary = floorPreflightVary
	}
	prior := h["Vary"]
	switch {
	case preflight && allowed && floorPreflightAllowed(acrm[0], r.Header["Access-Control-Request-Headers"]):
		vals := make([]string, 6+len(prior))
		vals[0], vals[1], vals[2], vals[3], vals[4] = origins[0], "true", floorMethods, floorHeaders, floorMaxAge
		h["Access-Control-Allow-Origin"] = vals[0:1:1]
		h["Access-Control-Allow-Credentials"] = vals[1:2:2]
		h["Access-Control-Allow-Methods"] = vals[2:3:3]
		h["Access-Control-Allow-Headers"] = vals[3:4:4]
		h["Access-Control-Max-Age"] = vals[4:5:5]
		setVary(h, vals[5:], prior, vary)
		return http.StatusNoContent
	case allowed && !preflight:
		vals := make([]string, 4+len(prior))
		vals[0], vals[1], vals[2] = origins[0], "true", scenario.ExposedHeader
		h["Access-Control-Allow-Origin"] = vals[0:1:1]
		h["Access-Control-Allow-Credentials"] = vals[1:2:2]
		h["Access-Control-Expose-Headers"] = vals[2:3:3]
		setVary(h, vals[3:], prior, vary)
		return 0
	}
	setVary(h, make([]string, 1+len(prior)), prior, vary)
	if preflight {
		return http.StatusForbidden
	}
	return 0
}

// setVary puts prior's values and v into vals, the response's own, as
// the Vary header.
func setVary(h http.Header, vals, prior []string, v string) {
	copy(vals, prior)
	vals[len(vals)-1] = v
	h["Vary"] = vals[:len(vals):len(vals)]
}

// floorRestoreVary puts Origin back into h's Vary after the handler of a
// request the floor let through, unless a Vary line still lists it (or
// "*"): what corsa's adapters do while the headers are unsent.
func floorRestoreVary(h http.Header) {
	prior := h["Vary"]
	if n := len(prior); n > 0 && prior[n-1] == "Origin" {
		return // as written before the handler
	}
	for _, v := range prior {
		if floorListsOrigin(v) {
			return
		}
	}
	h["Vary"] = append(prior[:len(prior):len(prior)], "Origin")
}

// floorRestoreVaryFast is floorRestoreVary on fasthttp's headers, in one
// pass over them, as corsa's fasthttp adapter reads them: a Peek copies
// and normalizes its name first, which costs more.
func floorRestoreVaryFast(out *fasthttp.ResponseHeader) {
	listed := false
	floorVisitAll(out, func(name, value []byte) {
		listed = listed || string(name) == "Vary" && floorListsOrigin(floorString(value))
	})
	if !listed {
		out.Add("Vary", "Origin")
	}
}

// floorVisitAll calls h.VisitAll(f), which fasthttp v1.69 deprecates for
// All, which v1.51 (fiber v2's) does not have: through an interface that
// is not deprecated, devirtualized by the compiler.
func floorVisitAll(h interface{ VisitAll(func(key, value []byte)) }, f func(key, value []byte)) {
	h.VisitAll(f)
}

// floorListsOrigin reports whether one Vary line lists Origin, in any
// case, or "*".
func floorListsOrigin(v string) bool {
	for v != "" {
		var name string
		name, v, _ = strings.Cut(v, ",")
		if name = strings.Trim(name, " \t"); name == "*" || strings.EqualFold(name, "Origin") {
			return true
		}
	}
	return false
}

// floorHTTP is the floor as a net/http middleware.
func floorHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if status := floorWrite(w.Header(), r); status != 0 {
			w.WriteHeader(status)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// floorServe is the floor on fasthttp, in the shape of
// corsafasthttp.Serve, for fasthttp and fiber (v2 and v3) alike.
func floorServe(ctx *fasthttp.RequestCtx, next func() error) error {
	if status := floorFastHTTP(&ctx.Request.Header, &ctx.Response.Header); status != 0 {
		ctx.SetStatusCode(status)
		return nil
	}
	err := next()
	floorRestoreVaryFast(&ctx.Response.Header)
	return err
}

// floorFastHTTP is the floor on fasthttp's headers, for fasthttp and
// fiber alike, whose response header calls copy every value and allocate
// nothing; SetCanonical skips the copy and normalizing of the name that
// Set makes. It reports the status of a preflight it answers, or 0 for a
// request that goes on to the handler.
func floorFastHTTP(in *fasthttp.RequestHeader, out *fasthttp.ResponseHeader) (preflightStatus int) {
	// One pass over the header lines, as corsa's fasthttp adapter reads
	// them; the policy allows 2 request headers, so more lines than that
	// are refused whatever they hold.
	var originLine, acrmLine []byte
	var lines [2]string
	acrh := lines[:0]
	tooMany := false
	floorVisitAll(in, func(name, value []byte) {
		switch string(name) {
		case "Origin":
			if originLine == nil {
				originLine = value
			}
		case "Access-Control-Request-Method":
			if acrmLine == nil {
				acrmLine = value
			}
		case "Access-Control-Request-Headers":
			if len(acrh) < len(lines) {
				acrh = append(acrh, floorString(value))
			} else {
				tooMany = true
			}
		}
	})
	origin, acrm := floorString(originLine), floorString(acrmLine)
	preflight := origin != "" && floorString(in.Method()) == http.MethodOptions && acrm != ""
	allowed := origin == conformance.AppOrigin
	if !preflight {
		out.Add("Vary", "Origin")
		if allowed {
			floorSet(out, "Access-Control-Allow-Origin", origin)
			floorSet(out, "Access-Control-Allow-Credentials", "true")
			floorSet(out, "Access-Control-Expose-Headers", scenario.ExposedHeader)
		}
		return 0
	}
	out.Add("Vary", floorPreflightVary)
	if !allowed || tooMany || !floorPreflightAllowed(acrm, acrh) {
		return http.StatusForbidden
	}
	floorSet(out, "Access-Control-Allow-Origin", origin)
	floorSet(out, "Access-Control-Allow-Credentials", "true")
	floorSet(out, "Access-Control-Allow-Methods", floorMethods)
	floorSet(out, "Access-Control-Allow-Headers", floorHeaders)
	floorSet(out, "Access-Control-Max-Age", floorMaxAge)
	return http.StatusNoContent
}

// floorSet sets a header whose name is canonical and whose value has no
// line break without Set's normalizing, as corsa's fasthttp adapter does.
func floorSet(out *fasthttp.ResponseHeader, name, value string) {
	out.SetCanonical(view.Bytes(name), view.Bytes(value))
}

// floorString views fasthttp's bytes as a string without copying, as
// corsa's fasthttp adapter does: the floor reads them only while serving.
func floorString(b []byte) string { return view.String(b) }
