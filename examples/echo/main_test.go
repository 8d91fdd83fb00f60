package main

import (
	"testing"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	demotest.Check(t, conformance.Recorder(newAPI(demotest.Policy())))
}
