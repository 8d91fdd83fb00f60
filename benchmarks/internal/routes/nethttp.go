package routes

import (
	"github.com/go-chi/chi/v5"

	"github.com/corsa-go/corsa/conformance"
)

// Chi registers the standard routes on r. conformance.Route is itself the
// net/http handler.
func Chi(r chi.Router) {
	for _, rt := range conformance.Routes {
		for _, method := range rt.Methods {
			r.Method(method, rt.Path, rt)
		}
	}
}
