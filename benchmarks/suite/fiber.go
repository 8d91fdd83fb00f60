package suite

import (
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"strings"

	"github.com/gofiber/fiber/v2"
	fiberCors "github.com/gofiber/fiber/v2/middleware/cors"

	corsafiber "github.com/corsa-go/corsa/fiber"
)

func fiberApp() Framework {
	build := func(mw func() (fiber.Handler, error)) func(scenario.Scenario) (target, error) {
		return func(s scenario.Scenario) (target, error) {
			ran := new(bool)
			app := fiber.New()
			if mw != nil {
				m, err := mw()
				if err != nil {
					return nil, err
				}
				app.Use(m)
			}
			app.All(scenario.Path, func(c *fiber.Ctx) error {
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
		{Name: "corsa", Kind: Corsa, build: build(func() (fiber.Handler, error) { return corsafiber.New(scenario.Policy()) })},
		{Name: "fiber-cors", Kind: Builtin, build: build(fiberCorsHandler)},
		{Name: "floor", Kind: Floor, build: build(floorFiber)},
	}}
}

func fiberCorsHandler() (fiber.Handler, error) {
	return fiberCors.New(fiberCors.Config{
		AllowOrigins:     conformance.AppOrigin,
		AllowMethods:     strings.Join(scenario.Methods, ","),
		AllowHeaders:     strings.Join(scenario.RequestHeaders, ","),
		ExposeHeaders:    scenario.ExposedHeader,
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds,
	}), nil
}
