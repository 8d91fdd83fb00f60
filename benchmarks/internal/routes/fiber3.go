package routes

import (
	"github.com/gofiber/fiber/v3"

	"github.com/corsa-go/corsa/conformance"
)

// Fiber3 registers the standard routes on a fiber v3 app. Errors end as a
// returned *fiber.Error.
func Fiber3(app *fiber.App) {
	for _, rt := range conformance.Routes {
		app.Add(rt.Methods, rt.Path, fiber3Handler(rt))
	}
}

func fiber3Handler(rt conformance.Route) fiber.Handler {
	return func(c fiber.Ctx) error {
		c.Set(conformance.HandlerHeader, conformance.HandlerRan)
		switch {
		case rt.Panics:
			panic(panicMessage(rt))
		case rt.Status == fiber.StatusNotFound:
			return fiber.ErrNotFound
		case rt.Status != fiber.StatusOK:
			return fiber.NewError(rt.Status)
		}
		if rt.SetTotalCount {
			c.Set(conformance.TotalCountHeader, conformance.TotalCount)
		}
		if rt.AddVary {
			c.Response().Header.Add(fiber.HeaderVary, conformance.HandlerVary)
		}
		return c.SendString(rt.Body)
	}
}
