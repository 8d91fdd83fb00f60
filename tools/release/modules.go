package main

import (
	"fmt"
	"strings"
)

// repoPath is the module path of the repository root; every module of the
// repository lives under it.
const repoPath = "github.com/corsa-go/corsa"

// role says what a release does with a module of the workspace.
type role int

const (
	// internal modules are never tagged: nobody imports them (the release
	// tool itself, benchmarks, examples, the browser runner). A release
	// bumps their requirements on published modules like every other
	// module's.
	internal role = iota
	// library modules are tagged and imported, but serve no framework.
	library
	// adapter modules are tagged, and a user builds a server with the
	// README's one-liner for their framework.
	adapter
)

// entry is what the release knows about one module. Every module in go.work
// needs one: a new adapter that is not listed here fails the release check
// instead of being released unchecked.
type entry struct {
	role role
	// framework is the first column of the README's "one line" table.
	framework string
	// server is a user's main.go around the README's one-liner: %s is
	// replaced by the line, and the server listens on $CORSA_CHECK_ADDR and
	// answers "ok" to GET /.
	server string
	// pendingLine is the one-liner of an adapter whose row the README
	// does not have yet: a dry run checks it and says the row is missing,
	// a release refuses to tag without the row.
	pendingLine string
}

// modules lists every module of the repository by path.
var modules = map[string]entry{
	repoPath + "/benchmarks":          {role: internal},
	repoPath + "/examples":            {role: internal},
	repoPath + "/conformance/browser": {role: internal},
	// The release tool and the Public Suffix List generator and
	// cross-check: a module of their own, so that the root module's zip
	// holds the engine only and the root stays free of requirements.
	repoPath + "/tools":       {role: internal},
	repoPath + "/conformance": {role: library},
	repoPath:                  {role: adapter, framework: "net/http", server: netHTTPServer},
	repoPath + "/chi":         {role: adapter, framework: "chi", server: chiServer},
	repoPath + "/gin":         {role: adapter, framework: "gin", server: ginServer},
	repoPath + "/echo":        {role: adapter, framework: "echo", server: echoServer},
	repoPath + "/echo5":       {role: adapter, framework: "echo v5", server: echo5Server},
	repoPath + "/fasthttp": {role: adapter, framework: "fasthttp", server: fasthttpServer,
		pendingLine: `fasthttp.ListenAndServe(addr, corsafasthttp.Must(corsafasthttp.Config{Origins: []string{"https://app.example"}})(handler))`},
	repoPath + "/fiber":  {role: adapter, framework: "fiber", server: fiberServer},
	repoPath + "/fiber3": {role: adapter, framework: "fiber v3", server: fiber3Server},
}

// lookup returns the entry for a module path, or an error that says what to
// add, so that a module nobody described is never released unchecked.
func lookup(path string) (entry, error) {
	e, ok := modules[path]
	if !ok {
		return entry{}, fmt.Errorf("module %s is in go.work but has no entry in tools/release/modules.go: "+
			"add it (internal, library, or adapter with the README one-liner's framework and a server program)", path)
	}
	if e.role == adapter && (e.framework == "" || !strings.Contains(e.server, "%s")) {
		return entry{}, fmt.Errorf("module %s: adapter entry needs a framework and a server with %%s for the one-liner", path)
	}
	return e, nil
}

const netHTTPServer = `package main

import (
	"io"
	"net/http"
	"os"

	"github.com/corsa-go/corsa"
)

func main() {
	addr := os.Getenv("CORSA_CHECK_ADDR")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") })
	%s
}
`

const chiServer = `package main

import (
	"io"
	"net/http"
	"os"

	"github.com/go-chi/chi/v5"

	corsachi "github.com/corsa-go/corsa/chi"
)

func main() {
	r := chi.NewRouter()
	%s
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") })
	panic(http.ListenAndServe(os.Getenv("CORSA_CHECK_ADDR"), r))
}
`

const ginServer = `package main

import (
	"os"

	"github.com/gin-gonic/gin"

	corsagin "github.com/corsa-go/corsa/gin"
)

func main() {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	%s
	r.GET("/", func(c *gin.Context) { c.String(200, "ok") })
	panic(r.Run(os.Getenv("CORSA_CHECK_ADDR")))
}
`

const echoServer = `package main

import (
	"os"

	"github.com/labstack/echo/v4"

	corsaecho "github.com/corsa-go/corsa/echo"
)

func main() {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	%s
	e.GET("/", func(c echo.Context) error { return c.String(200, "ok") })
	panic(e.Start(os.Getenv("CORSA_CHECK_ADDR")))
}
`

const fasthttpServer = `package main

import (
	"os"

	"github.com/valyala/fasthttp"

	corsafasthttp "github.com/corsa-go/corsa/fasthttp"
)

func main() {
	addr := os.Getenv("CORSA_CHECK_ADDR")
	handler := func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("ok") }
	%s
}
`

const fiberServer = `package main

import (
	"os"

	"github.com/gofiber/fiber/v2"

	corsafiber "github.com/corsa-go/corsa/fiber"
)

func main() {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	%s
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	panic(app.Listen(os.Getenv("CORSA_CHECK_ADDR")))
}
`

const echo5Server = `package main

import (
	"os"

	"github.com/labstack/echo/v5"

	corsaecho5 "github.com/corsa-go/corsa/echo5"
)

func main() {
	e := echo.New()
	%s
	e.GET("/", func(c *echo.Context) error { return c.String(200, "ok") })
	panic(e.Start(os.Getenv("CORSA_CHECK_ADDR")))
}
`

const fiber3Server = `package main

import (
	"os"

	"github.com/gofiber/fiber/v3"

	corsafiber3 "github.com/corsa-go/corsa/fiber3"
)

func main() {
	app := fiber.New()
	%s
	app.Get("/", func(c fiber.Ctx) error { return c.SendString("ok") })
	panic(app.Listen(os.Getenv("CORSA_CHECK_ADDR"), fiber.ListenConfig{DisableStartupMessage: true}))
}
`
