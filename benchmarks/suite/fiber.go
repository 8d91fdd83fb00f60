package suite

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	fiberCors "github.com/gofiber/fiber/v2/middleware/cors"

	corsafiber "github.com/corsa-go/corsa/fiber"
)

func fiberApp() Framework {
	build := func(mw func() (fiber.Handler, error)) func(Scenario) (target, error) {
		return func(s Scenario) (target, error) {
			ran := new(bool)
			app := fiber.New()
			if mw != nil {
				m, err := mw()
				if err != nil {
					return nil, err
				}
				app.Use(m)
			}
			app.All(Path, func(c *fiber.Ctx) error {
				*ran = true
				c.Status(fiber.StatusOK)
				return nil
			})
			return newFastTarget(app.Handler(), s, ran), nil
		}
	}
	// rs/cors is left out: on fiber it would run through the net/http
	// adaptor, which converts every request and is not how fiber users
	// install CORS.
	return Framework{Name: "Fiber", Key: "fiber", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(func() (fiber.Handler, error) { return corsafiber.New(CorsaConfig()) })},
		{Name: "fiber-cors", Kind: Builtin, build: build(fiberCorsHandler)},
		{Name: "floor", Kind: Floor, build: build(floorFiber)},
	}}
}

func fiberCorsHandler() (fiber.Handler, error) {
	return fiberCors.New(fiberCors.Config{
		AllowOrigins:     Origin,
		AllowMethods:     strings.Join(AllowedMethods, ","),
		AllowHeaders:     strings.Join(AllowedHeaders, ","),
		ExposeHeaders:    ExposedHeader,
		AllowCredentials: true,
		MaxAge:           MaxAgeSeconds,
	}), nil
}
