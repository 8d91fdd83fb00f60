package deps
import (
_ "github.com/labstack/echo/v4"
_ "github.com/corsa-go/corsa/core"
)
