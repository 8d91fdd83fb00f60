module github.com/corsa-go/corsa/tools

go 1.25.0

require (
	github.com/corsa-go/corsa v0.0.0
	golang.org/x/mod v0.37.0
	golang.org/x/net v0.56.0
)

require golang.org/x/text v0.38.0 // indirect

replace github.com/corsa-go/corsa => ..
