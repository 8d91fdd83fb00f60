package deps
import (
_ "github.com/gin-gonic/gin"
_ "github.com/corsa-go/corsa/core"
)
