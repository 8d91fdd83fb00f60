package main

import (
	"os"
	"testing"
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/migrate/internal/migratetest"
	corsagin "github.com/corsa-go/corsa/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode) // no route listing on every run
	os.Exit(m.Run())
}

func TestBrowsersSeeWhatTheySawWithGinContribCors(t *testing.T) {
	before := newEngine(cors.New(cors.Config{
		AllowOrigins:     []string{"https://app.example.com", "https://admin.example.com"},
		AllowCredentials: true,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization"},
		ExposeHeaders:    []string{"X-Total-Count"},
		MaxAge:           10 * time.Minute,
	}))
	after := newEngine(corsagin.Must(policy))
	migratetest.Check(t, conformance.Recorder(before), conformance.Recorder(after))
}
