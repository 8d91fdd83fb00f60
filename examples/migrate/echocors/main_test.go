package main

import (
	"testing"

	"github.com/labstack/echo/v4/middleware"

	"github.com/corsa-go/corsa/conformance"
	corsaecho "github.com/corsa-go/corsa/echo"
	"github.com/corsa-go/corsa/examples/migrate/internal/migratetest"
)

func TestBrowsersSeeWhatTheySawWithEchoCORS(t *testing.T) {
	before := newServer(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     []string{"https://app.example.com", "https://admin.example.com"},
		AllowCredentials: true,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization"},
		ExposeHeaders:    []string{"X-Total-Count"},
		MaxAge:           600,
	}))
	after := newServer(corsaecho.Must(policy))
	migratetest.Check(t, conformance.Recorder(before), conformance.Recorder(after))
}
