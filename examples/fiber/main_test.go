package main

import (
	"net/http"
	"testing"

	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	app := newAPI(demotest.Policy())
	demotest.Check(t, func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) })
}
