package suite

import (
	"github.com/corsa-go/corsa/conformance"
	"github.com/corsa-go/corsa/conformance/scenario"
	"slices"

	"github.com/gofiber/fiber/v3"
	fiberCors "github.com/gofiber/fiber/v3/middleware/cors"

	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

func fiber3App() Framework {
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
			app.All(scenario.Path, func(c fiber.Ctx) error {
				*ran = true
				c.Status(fiber.StatusOK)
				return nil
			})
			return newFastTarget(app.Handler(), s, ran), nil
		}
	}
	// rs/cors is left out, as on fiber v2: fiber v3 would run it through
	// its net/http adaptor (middleware/adaptor), which converts every
	// request and response, and fiber users add CORS with the
	// middleware/cors that fiber ships.
	return Framework{Name: "Fiber3", Key: "fiber3", Impls: []Impl{
		{Name: "bare", Kind: Bare, build: build(nil)},
		{Name: "corsa", Kind: Corsa, build: build(func() (fiber.Handler, error) { return corsafiber3.New(scenario.Policy()) })},
		{Name: "fiber-cors", Kind: Builtin, build: build(fiber3CorsHandler)},
		{Name: "floor", Kind: Floor, build: build(floorFiber3)},
	}}
}

func fiber3CorsHandler() (fiber.Handler, error) {
	return fiberCors.New(fiberCors.Config{
		AllowOrigins:     []string{conformance.AppOrigin},
		AllowMethods:     slices.Clone(scenario.Methods),
		AllowHeaders:     slices.Clone(scenario.RequestHeaders),
		ExposeHeaders:    []string{scenario.ExposedHeader},
		AllowCredentials: true,
		MaxAge:           scenario.MaxAgeSeconds,
	}), nil
}

// floorFiber3 is the floor on fiber v3 (see floorFastHTTP).
func floorFiber3() (fiber.Handler, error) {
	return func(c fiber.Ctx) error {
		if status := floorFastHTTP(&c.Request().Header, &c.Response().Header); status != 0 {
			c.Status(status)
			return nil
		}
		err := c.Next()
		floorRestoreVaryFast(&c.Response().Header)
		return err
	}, nil
}
