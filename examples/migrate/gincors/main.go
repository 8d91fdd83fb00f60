// Command gincors is a gin server whose CORS middleware moved from
// gin-contrib/cors to corsa. The comments say what each part was with
// gin-contrib/cors.
package main

import (
	"log"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/corsa-go/corsa"
	corsagin "github.com/corsa-go/corsa/gin"
)

// policy is the application's CORS policy. With gin-contrib/cors it was
//
//	cors.Config{
//		AllowOrigins:     []string{"https://app.example.com", "https://admin.example.com"},
//		AllowCredentials: true,
//		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
//		AllowHeaders:     []string{"Content-Type", "Authorization"},
//		ExposeHeaders:    []string{"X-Total-Count"},
//		MaxAge:           10 * time.Minute,
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
	// newEngine(cors.New(config)) with gin-contrib/cors.
	r := newEngine(corsagin.Must(policy))
	log.Fatal(r.Run("127.0.0.1:8080"))
}

// newEngine routes the application's requests behind cors, the CORS
// middleware: on the engine, before the routes, so that it answers every
// path's preflights.
func newEngine(cors gin.HandlerFunc) *gin.Engine {
	r := gin.New()
	r.Use(gin.Logger(), gin.Recovery(), cors)
	r.GET("/items", items)
	r.PUT("/items", items)
	r.DELETE("/items", items)
	return r
}

// items answers with the list of items and their total count, a header
// the page reads.
func items(c *gin.Context) {
	c.Header("X-Total-Count", "0")
	c.JSON(http.StatusOK, []string{})
}
