package main

import (
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	api, err := newAPI(demotest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	demotest.Check(t, conformance.Recorder(api))
}

func TestAPIRefusesAnInvalidPolicy(t *testing.T) {
	if _, err := newAPI(corsa.Config{Origins: []string{"*"}, Credentials: true}); err == nil {
		t.Error(`newAPI accepted "*" with credentials`)
	}
}
