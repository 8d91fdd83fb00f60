package browser

import (
	"errors"
	"reflect"
	"slices"

	"github.com/corsa-go/corsa"
	"github.com/corsa-go/corsa/benchmarks/frameworks"
)

// The peers: the CORS middlewares Go users reach for instead of corsa,
// each installed globally on the framework it belongs to, as its
// documentation shows, and configured for the same policy as corsa. The
// mapping of a policy onto each peer's options is the one the scoreboard
// uses, in package frameworks of the benchmarks module (its doc comment
// says what is decided for every peer): a corsa policy always allows
// GET, HEAD and POST, so rs/cors and go-chi/cors, which check the
// requested method against their list, get those three plus the policy's
// methods; the others copy their list into Access-Control-Allow-Methods
// and get the policy's methods, or GET, HEAD, POST where their default
// would grant more. A max-age of 0 is the documented negative value
// where a peer has one. A policy a peer has no setting for is not
// approximated: serve returns errCannotExpress and the scenarios that
// need it are reported as such.
//
// A policy of listed origins and nothing else, the README's one-liner, is
// not mapped: each peer gets the minimal "allow this origin" setup its
// own README shows (frameworks.CORS.Readme), since that is what a
// newcomer to it writes.
var peers = []adapter{
	{name: "rs/cors", peer: true, module: "github.com/rs/cors", framework: "nethttp", kind: frameworks.RSCors},
	{name: "go-chi/cors", peer: true, module: "github.com/go-chi/cors", framework: "chi", kind: frameworks.Builtin},
	{name: "gin-contrib/cors", peer: true, module: "github.com/gin-contrib/cors", framework: "gin", kind: frameworks.Builtin},
	{name: "echo CORS", peer: true, module: "github.com/labstack/echo/v4", framework: "echo", kind: frameworks.Builtin},
	{name: "echo v5 CORS", peer: true, module: "github.com/labstack/echo/v5", framework: "echo5", kind: frameworks.Builtin},
	{name: "fiber CORS", peer: true, module: "github.com/gofiber/fiber/v2", framework: "fiber", kind: frameworks.Builtin},
	{name: "fiber v3 CORS", peer: true, module: "github.com/gofiber/fiber/v3", framework: "fiber3", kind: frameworks.Builtin},
}

// errCannotExpress is a policy a peer has no setting for.
var errCannotExpress = errors.New("cannot express the policy")

// originsOnly reports whether policy sets listed origins and nothing
// else: the README's one-liner. Its funcs are compared with nil by
// DeepEqual, so a policy with OriginFunc or OnDecision is not one.
func originsOnly(policy corsa.Config) bool {
	return len(policy.Origins) > 0 && !slices.Contains(policy.Origins, "*") &&
		reflect.DeepEqual(policy, corsa.Config{Origins: policy.Origins})
}
