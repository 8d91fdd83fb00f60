package main

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	app, err := newAPI(demotest.Policy())
	if err != nil {
		t.Fatal(err)
	}
	demotest.Check(t, func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) })
}

func TestAPIRefusesAnInvalidPolicy(t *testing.T) {
	if _, err := newAPI(corsa.Config{Origins: []string{"*"}, Credentials: true}); err == nil {
		t.Error(`newAPI accepted "*" with credentials`)
	}
}
