module github.com/corsa-go/corsa/conformance

go 1.25.0

require github.com/corsa-go/corsa v0.0.0

replace github.com/corsa-go/corsa => ..
