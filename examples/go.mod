module github.com/corsa-go/corsa/examples

go 1.25.0

require github.com/corsa-go/corsa/core v0.0.0

replace github.com/corsa-go/corsa/core => ../core

require github.com/corsa-go/corsa/gin v0.0.0

replace github.com/corsa-go/corsa/gin => ../gin

require github.com/corsa-go/corsa/echo v0.0.0

replace github.com/corsa-go/corsa/echo => ../echo

require github.com/corsa-go/corsa/fiber v0.0.0

replace github.com/corsa-go/corsa/fiber => ../fiber

require github.com/corsa-go/corsa/chi v0.0.0

replace github.com/corsa-go/corsa/chi => ../chi

require github.com/corsa-go/corsa/conformance v0.0.0

replace github.com/corsa-go/corsa/conformance => ../conformance
