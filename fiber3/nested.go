package corsafiber3

import (
	"github.com/corsa-go/corsa"
	"github.com/gofiber/fiber/v3"
)

// revokeOuterGrant does for fiber what corsa's Decision.SetHeaders does for
// net/http: when corsa runs twice for one request (App.Use and Group.Use),
// the inner decision replaces the outer grant instead of leaving its
// Access-Control-Allow-Origin on a response the inner policy refuses. Only
// a response that already carries Access-Control-Allow-Origin is touched.
func revokeOuterGrant(c fiber.Ctx) {
	out := &c.Response().Header
	if out.Peek(corsa.HeaderAllowOrigin) != nil {
		out.Del(corsa.HeaderAllowOrigin)
		out.Del(corsa.HeaderAllowCredentials)
		out.Del(corsa.HeaderExposeHeaders)
	}
}
