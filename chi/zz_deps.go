package deps
import (
_ "github.com/go-chi/chi/v5"
_ "github.com/corsa-go/corsa/core"
)
