package main

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v2/middleware/cors"

	"github.com/corsa-go/corsa/examples/migrate/internal/migratetest"
	corsafiber "github.com/corsa-go/corsa/fiber"
)

func TestBrowsersSeeWhatTheySawWithFiberCORS(t *testing.T) {
	before := newApp(cors.New(cors.Config{
		AllowOrigins:     "https://app.example.com,https://admin.example.com",
		AllowCredentials: true,
		AllowMethods:     "GET,POST,PUT,DELETE",
		AllowHeaders:     "Content-Type,Authorization",
		ExposeHeaders:    "X-Total-Count",
		MaxAge:           600,
	}))
	after := newApp(corsafiber.Must(policy))
	migratetest.Check(t,
		func(r *http.Request) (*http.Response, error) { return before.Test(r, -1) },
		func(r *http.Request) (*http.Response, error) { return after.Test(r, -1) })
}
