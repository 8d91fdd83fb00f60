package migrate_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gincors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	chicors "github.com/go-chi/cors"
	"github.com/gofiber/fiber/v2"
	fibercors "github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/labstack/echo/v4"
	echomw "github.com/labstack/echo/v4/middleware"
	rscors "github.com/rs/cors"

	"github.com/corsa-go/corsa"
	corsachi "github.com/corsa-go/corsa/chi"
	"github.com/corsa-go/corsa/conformance"
	corsaecho "github.com/corsa-go/corsa/echo"
	"github.com/corsa-go/corsa/examples/migrate"
	corsafiber "github.com/corsa-go/corsa/fiber"
	corsagin "github.com/corsa-go/corsa/gin"
)

func init() { gin.SetMode(gin.ReleaseMode) }

const (
	app   = "https://app.example.com"
	admin = "https://admin.example.com"
	evil  = "https://evil.example.net"

	path       = "/items"
	totalCount = "X-Total-Count"
)

// The SPA policy as each library's users write it (README.md shows these
// same values).
var (
	rsCorsSPA = rscors.Options{
		AllowedOrigins:   []string{app, admin},
		AllowCredentials: true,
		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Content-Type", "Authorization"},
		ExposedHeaders:   []string{"X-Total-Count"},
		MaxAge:           600,
	}
	chiCorsSPA = chicors.Options{
		AllowedOrigins:   []string{app, admin},
		AllowCredentials: true,
		AllowedMethods:   []string{"GET", "POST", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Content-Type", "Authorization"},
		ExposedHeaders:   []string{"X-Total-Count"},
		MaxAge:           600,
	}
	ginCorsSPA = gincors.Config{
		AllowOrigins:     []string{app, admin},
		AllowCredentials: true,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization"},
		ExposeHeaders:    []string{"X-Total-Count"},
		MaxAge:           10 * time.Minute,
	}
	echoSPA = echomw.CORSConfig{
		AllowOrigins:     []string{app, admin},
		AllowCredentials: true,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization"},
		ExposeHeaders:    []string{"X-Total-Count"},
		MaxAge:           600,
	}
	fiberSPA = fibercors.Config{
		AllowOrigins:     app + "," + admin,
		AllowCredentials: true,
		AllowMethods:     "GET,POST,PUT,DELETE",
		AllowHeaders:     "Content-Type,Authorization",
		ExposeHeaders:    "X-Total-Count",
		MaxAge:           600,
	}
)

// do serves one request and returns the response.
type do func(*http.Request) *http.Response

// library installs a peer's SPA middleware on its framework, and corsa's
// SPA policy on the same framework, as a migration replaces one line.
type library struct {
	name  string
	peer  func() do
	corsa func(*corsa.Policy) do
}

// writeItems is the application's handler: it sets the header the SPA
// reads and answers 200.
func writeItems(h http.Header, w io.Writer) {
	h.Set(totalCount, "42")
	_, _ = io.WriteString(w, "[]")
}

var spaMethods = []string{"GET", "POST", "PUT", "DELETE"}

func recorder(h http.Handler) do {
	return func(r *http.Request) *http.Response {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Result()
	}
}

func netHTTP(wrap func(http.Handler) http.Handler) do {
	mux := http.NewServeMux()
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { writeItems(w.Header(), w) })
	return recorder(wrap(mux))
}

func chiRouter(mw func(http.Handler) http.Handler) do {
	r := chi.NewRouter()
	r.Use(mw)
	for _, m := range spaMethods {
		r.MethodFunc(m, path, func(w http.ResponseWriter, r *http.Request) { writeItems(w.Header(), w) })
	}
	return recorder(r)
}

func ginEngine(mw gin.HandlerFunc) do {
	e := gin.New()
	e.Use(mw)
	for _, m := range spaMethods {
		e.Handle(m, path, func(c *gin.Context) { writeItems(c.Writer.Header(), c.Writer) })
	}
	return recorder(e)
}

func echoServer(mw echo.MiddlewareFunc) do {
	e := echo.New()
	e.Use(mw)
	e.Match(spaMethods, path, func(c echo.Context) error {
		c.Response().Header().Set(totalCount, "42")
		return c.String(http.StatusOK, "[]")
	})
	return recorder(e)
}

func fiberApp(mw fiber.Handler) do {
	a := fiber.New()
	a.Use(mw)
	for _, m := range spaMethods {
		a.Add(m, path, func(c *fiber.Ctx) error {
			c.Set(totalCount, "42")
			return c.SendString("[]")
		})
	}
	return func(r *http.Request) *http.Response {
		res, err := a.Test(r, -1)
		if err != nil {
			panic(err) // only a broken test request gets here
		}
		return res
	}
}

var libraries = []library{
	{"rs/cors (net/http)",
		func() do { return netHTTP(rscors.New(rsCorsSPA).Handler) },
		func(p *corsa.Policy) do { return netHTTP(p.Handler) }},
	{"go-chi/cors (chi)",
		func() do { return chiRouter(chicors.Handler(chiCorsSPA)) },
		func(p *corsa.Policy) do { return chiRouter(corsachi.FromPolicy(p)) }},
	{"gin-contrib/cors (gin)",
		func() do { return ginEngine(gincors.New(ginCorsSPA)) },
		func(p *corsa.Policy) do { return ginEngine(corsagin.FromPolicy(p)) }},
	{"echo v4 CORSWithConfig",
		func() do { return echoServer(echomw.CORSWithConfig(echoSPA)) },
		func(p *corsa.Policy) do { return echoServer(corsaecho.FromPolicy(p)) }},
	{"fiber v2 cors.New",
		func() do { return fiberApp(fibercors.New(fiberSPA)) },
		func(p *corsa.Policy) do { return fiberApp(corsafiber.FromPolicy(p)) }},
}

// A browser request: a preflight when method needs one or headers are
// listed, made with credentials (the SPA sends cookies).
type browserRequest struct {
	origin  string
	method  string
	headers []string // lower-cased and sorted, as browsers list them
}

// outcome is what a browser concludes, and all a migration must keep.
type outcome struct {
	preflightPasses bool
	cacheSeconds    int  // how long the passed preflight is cached
	readable        bool // the script may read the response
	exposed         bool // ... and its X-Total-Count header
}

var scenarios = []struct {
	name string
	req  browserRequest
	want outcome
}{
	{"a PUT with a JSON body and a bearer token from the app is preflighted, cached 600 s and readable",
		browserRequest{app, "PUT", []string{"authorization", "content-type"}},
		outcome{preflightPasses: true, cacheSeconds: 600, readable: true, exposed: true}},
	{"a DELETE from the admin origin is preflighted and readable",
		browserRequest{admin, "DELETE", []string{"authorization"}},
		outcome{preflightPasses: true, cacheSeconds: 600, readable: true, exposed: true}},
	{"a PUT from an unlisted origin fails its preflight",
		browserRequest{evil, "PUT", []string{"content-type"}},
		outcome{}},
	{"a PATCH, not in the policy, fails its preflight",
		browserRequest{app, "PATCH", []string{"content-type"}},
		outcome{}},
	{"a PUT asking for an unlisted header fails its preflight",
		browserRequest{app, "PUT", []string{"content-type", "x-debug"}},
		outcome{}},
	{"a credentialed GET from the app is readable, with X-Total-Count",
		browserRequest{app, "GET", nil},
		outcome{readable: true, exposed: true}},
	{"a credentialed GET from an unlisted origin is not readable",
		browserRequest{evil, "GET", nil},
		outcome{}},
}

func TestTheSPAPolicyTranslatedGivesTheSameBrowserOutcome(t *testing.T) {
	p, err := corsa.New(migrate.SPA)
	if err != nil {
		t.Fatal(err)
	}
	for _, lib := range libraries {
		servers := []struct {
			name  string
			serve do
		}{{lib.name, lib.peer()}, {"corsa on the same framework", lib.corsa(p)}}
		for _, sc := range scenarios {
			for _, srv := range servers {
				t.Run(srv.name+": "+sc.name, func(t *testing.T) {
					if got := browse(srv.serve, sc.req); got != sc.want {
						t.Errorf("browser outcome %+v, want %+v", got, sc.want)
					}
				})
			}
		}
	}
}

// browse does what a browser does for req in credentials mode "include",
// judged by the browser-outcome checker of package conformance: a
// preflight when one is needed, then, if it passed, the request and the
// CORS check of its response.
func browse(serve do, req browserRequest) outcome {
	var o outcome
	br := conformance.BrowserRequest{Method: req.method, URL: path, Origin: req.origin, Credentials: true, Header: http.Header{}}
	for _, name := range req.headers {
		// A value no CORS safelist admits: the script sets a JSON
		// Content-Type, a bearer token, a custom header.
		br.Header.Set(name, "application/json; x=(1)")
	}
	if br.NeedsPreflight() {
		r := httptest.NewRequest(http.MethodOptions, path, nil)
		r.Header.Set("Origin", req.origin)
		r.Header.Set("Access-Control-Request-Method", req.method)
		if names := br.UnsafeHeaderNames(); len(names) > 0 {
			r.Header.Set("Access-Control-Request-Headers", strings.Join(names, ","))
		}
		res := serve(r)
		res.Body.Close()
		if conformance.CheckPreflight(br, res) != nil {
			return o
		}
		o.preflightPasses = true
		o.cacheSeconds = 5 // Fetch's default without Access-Control-Max-Age
		if v := res.Header.Get("Access-Control-Max-Age"); v != "" {
			o.cacheSeconds, _ = strconv.Atoi(v)
		}
	}
	r := httptest.NewRequest(req.method, path, nil)
	r.Header.Set("Origin", req.origin)
	res := serve(r)
	res.Body.Close()
	o.readable = conformance.CheckRead(br, res) == nil
	o.exposed = slices.Contains(conformance.ExposedHeaders(br, res), strings.ToLower(totalCount))
	return o
}
