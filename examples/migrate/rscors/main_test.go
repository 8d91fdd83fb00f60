package main

import (
	"testing"

	"github.com/rs/cors"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/examples/migrate/internal/migratetest"
)

func TestBrowsersSeeWhatTheySawWithRSCors(t *testing.T) {
	before := cors.New(cors.Options{
		AllowedOrigins:   []string{"https://app.example.com", "https://admin.example.com"},
		AllowCredentials: true,
		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Content-Type", "Authorization"},
		ExposedHeaders:   []string{"X-Total-Count"},
		MaxAge:           600,
		Debug:            true,
	}).Handler(newMux())
	after := corsa.Must(policy).Handler(newMux())
	migratetest.Check(t, conformance.Recorder(before), conformance.Recorder(after))
}
