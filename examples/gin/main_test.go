package main

import (
	"os"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/internal/demotest"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode) // no route listing on every run
	os.Exit(m.Run())
}

func TestAPIAnswersThePageAsThePolicySays(t *testing.T) {
	demotest.Check(t, conformance.Recorder(newAPI(demotest.Policy())))
}
