package suite

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
)

// The floor: the least a CORS middleware can cost while writing the same
// headers as corsa under SPEC.md §3b. It serves only the suite's policy,
// rendered once; tells requests apart by Origin (absent, the allowed one,
// another) and by Access-Control-Request-Method, as corsa must; checks
// neither the requested method nor the requested headers; and on net/http
// header maps puts all of a response's values into one backing array
// allocated for that response, with direct map assignments of canonical
// names. corsa does everything it does plus the checks, so a target that
// the floor misses against a peer cannot be met under §3b.
var (
	floorMethods = strings.Join(scenario.Methods, ", ")
	floorHeaders = strings.Join(scenario.RequestHeaders, ", ")
	floorMaxAge  = strconv.Itoa(scenario.MaxAgeSeconds)
)

const floorPreflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"

// floorWrite writes the floor's headers for r into h and reports the
// status of a preflight it answers, or 0 for a request that goes on to
// the handler.
func floorWrite(h http.Header, r *http.Request) (preflightStatus int) {
	origins := r.Header["Origin"]
	preflight := len(origins) > 0 && r.Method == http.MethodOptions && len(r.Header["Access-Control-Request-Method"]) > 0
	allowed := len(origins) == 1 && origins[0] == conformance.AppOrigin
	vary := "Origin"
	if preflight {
		vary = floorPreflightVary
	}
	prior := h["Vary"]
	switch {
	case preflight && allowed:
		vals := make([]string, 6+len(prior))
		vals[0], vals[1], vals[2], vals[3], vals[4] = origins[0], "true", floorMethods, floorHeaders, floorMaxAge
		h["Access-Control-Allow-Origin"] = vals[0:1:1]
		h["Access-Control-Allow-Credentials"] = vals[1:2:2]
		h["Access-Control-Allow-Methods"] = vals[2:3:3]
		h["Access-Control-Allow-Headers"] = vals[3:4:4]
		h["Access-Control-Max-Age"] = vals[4:5:5]
		setVary(h, vals[5:], prior, vary)
		return http.StatusNoContent
	case allowed:
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

// floorHandler is the floor as a net/http middleware.
func floorHandler() (httpMiddleware, error) {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if status := floorWrite(w.Header(), r); status != 0 {
				w.WriteHeader(status)
				return
			}
			next.ServeHTTP(w, r)
		})
	}, nil
}

// floorFiber is the floor on fiber, whose c.Set and Header.Add copy every
// value into the response and allocate nothing.
func floorFiber() (fiber.Handler, error) {
	return func(c *fiber.Ctx) error {
		origin := c.Get("Origin")
		preflight := origin != "" && c.Method() == fiber.MethodOptions && c.Get("Access-Control-Request-Method") != ""
		allowed := origin == conformance.AppOrigin
		if preflight {
			c.Response().Header.Add("Vary", floorPreflightVary)
			if !allowed {
				c.Status(fiber.StatusForbidden)
				return nil
			}
			c.Set("Access-Control-Allow-Origin", origin)
			c.Set("Access-Control-Allow-Credentials", "true")
			c.Set("Access-Control-Allow-Methods", floorMethods)
			c.Set("Access-Control-Allow-Headers", floorHeaders)
			c.Set("Access-Control-Max-Age", floorMaxAge)
			c.Status(fiber.StatusNoContent)
			return nil
		}
		c.Response().Header.Add("Vary", "Origin")
		if allowed {
			c.Set("Access-Control-Allow-Origin", origin)
			c.Set("Access-Control-Allow-Credentials", "true")
			c.Set("Access-Control-Expose-Headers", scenario.ExposedHeader)
		}
		return c.Next()
	}, nil
}
