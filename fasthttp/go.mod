module github.com/corsa-go/corsa/fasthttp

go 1.25.0

require (
	github.com/corsa-go/corsa v0.0.0
	github.com/corsa-go/corsa/conformance v0.0.0
	github.com/valyala/fasthttp v1.51.0
)

require (
	github.com/andybalholm/brotli v1.0.5 // indirect
	github.com/klauspost/compress v1.17.0 // indirect
	github.com/valyala/bytebufferpool v1.0.0 // indirect
)

replace (
	github.com/corsa-go/corsa => ..
	github.com/corsa-go/corsa/conformance => ../conformance
)
