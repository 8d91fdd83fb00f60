module github.com/corsa-go/corsa/fiber

go 1.25.0

require github.com/corsa-go/corsa/core v0.0.0

replace github.com/corsa-go/corsa/core => ../core
