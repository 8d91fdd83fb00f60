package deps
import (
_ "github.com/gofiber/fiber/v2"
_ "github.com/corsa-go/corsa/core"
)
