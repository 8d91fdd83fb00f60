module github.com/corsa-go/corsa

go 1.25.0
