module example.com/corsa-outside

go 1.25.0

require github.com/corsa-go/corsa v0.0.0

replace github.com/corsa-go/corsa => ../..
