// Command echocors is an echo server whose CORS middleware moved from
// echo's own to corsa. The comments say what each part was with echo's
// middleware.
package main

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/corsa-go/corsa"
	corsaecho "github.com/corsa-go/corsa/echo"
)

// policy is the application's CORS policy. With echo's middleware it was
//
//	middleware.CORSConfig{
//		AllowOrigins:     []string{"https://app.example.com", "https://admin.example.com"},
//		AllowCredentials: true,
//		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
//		AllowHeaders:     []string{"Content-Type", "Authorization"},
//		ExposeHeaders:    []string{"X-Total-Count"},
//		MaxAge:           600,
//	}
var policy = corsa.Config{
	Origins:        []string{"https://app.example.com", "https://admin.example.com"},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"}, // GET, HEAD and POST never need listing
	RequestHeaders: []string{"Content-Type", "Authorization"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}

func main() {
	// newServer(middleware.CORSWithConfig(config)) with echo's middleware.
	e := newServer(corsaecho.Must(policy))
	e.Logger.Fatal(e.Start("127.0.0.1:8080"))
}

// newServer routes the application's requests behind cors, the CORS
// middleware, installed with Use so that it answers every path's
// preflights.
func newServer(cors echo.MiddlewareFunc) *echo.Echo {
	e := echo.New()
	e.Use(cors)
	e.GET("/items", items)
	e.PUT("/items", items)
	e.DELETE("/items", items)
	return e
}

// items answers with the list of items and their total count, a header
// the page reads.
func items(c echo.Context) error {
	c.Response().Header().Set("X-Total-Count", "0")
	return c.JSON(http.StatusOK, []string{})
}
