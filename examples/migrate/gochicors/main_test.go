package main

import (
	"testing"

	"github.com/go-chi/cors"

	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/migrate/internal/migratetest"
)

func TestBrowsersSeeWhatTheySawWithGoChiCors(t *testing.T) {
	before := newRouter(cors.Handler(cors.Options{
		AllowedOrigins:   []string{"https://app.example.com", "https://admin.example.com"},
		AllowCredentials: true,
		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Content-Type", "Authorization"},
		ExposedHeaders:   []string{"X-Total-Count"},
		MaxAge:           600,
	}))
	after := newRouter(corsachi.Must(policy))
	migratetest.Check(t, conformance.Recorder(before), conformance.Recorder(after))
}
