module github.com/corsa-go/corsa/core

go 1.25.0
