module github.com/corsa-go/corsa/chi

go 1.25.0

require (
	github.com/corsa-go/corsa v0.0.0
	github.com/corsa-go/corsa/conformance v0.0.0
	github.com/go-chi/chi/v5 v5.5.0
)

replace (
	github.com/corsa-go/corsa => ..
	github.com/corsa-go/corsa/conformance => ../conformance
)
