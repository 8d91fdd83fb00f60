package deps
import (
_ "github.com/gin-gonic/gin"
_ "github.com/labstack/echo/v4"
_ "github.com/labstack/echo/v4/middleware"
_ "github.com/gofiber/fiber/v2"
_ "github.com/gofiber/fiber/v2/middleware/cors"
_ "github.com/go-chi/chi/v5"
_ "github.com/rs/cors"
_ "github.com/gin-contrib/cors"
_ "github.com/go-chi/cors"
_ "github.com/corsa-go/corsa/core"
)
