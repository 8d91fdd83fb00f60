package recipes

import "github.com/corsa-go/corsa"

// Express is the Express middleware that sets
// Access-Control-Allow-Origin to one site and
// Access-Control-Allow-Headers to "Origin, X-Requested-With, Content-Type,
// Accept" on every response. Origin is dropped: it is a forbidden request
// header, which scripts can never set and corsa refuses to list. Like the
// original, it allows no method beyond GET, HEAD and POST.
var Express = corsa.Config{
	Origins:        []string{"https://example.com"},
	RequestHeaders: []string{"X-Requested-With", "Content-Type", "Accept"},
}

// FlaskCORS is what CORS(app) allows with Flask-CORS's defaults: every
// origin, the methods DELETE, OPTIONS, PATCH and PUT besides GET, HEAD and
// POST, every request header (Flask-CORS echoes the requested names, so
// Authorization too, which a "*" alone never covers: it is listed by
// name), no credentials and no max-age.
var FlaskCORS = corsa.Config{
	Origins:        []string{"*"},
	Methods:        []string{"DELETE", "OPTIONS", "PATCH", "PUT"},
	RequestHeaders: []string{"*", "Authorization"},
}

// Apache is `Header set Access-Control-Allow-Origin "*"`: any origin may
// read responses to simple requests, and nothing more is allowed, since
// the original answers no preflight.
var Apache = corsa.Config{
	Origins:        []string{"*"},
	RequestHeaders: []string{},
}

// SpringWebFlux is the Spring WebFlux CORS filter that allows "*" for
// origins, methods and headers together with credentials, exposes
// X-Total-Count and caches preflights for 1728000 seconds, rewritten as
// a policy browsers accept: the trusted origin listed (a credentialed
// response can never say "*"), the methods and request headers named, and
// a max-age of 7200 seconds, Chromium's cap (Firefox caps at 86400, and
// corsa refuses more).
var SpringWebFlux = corsa.Config{
	Origins:        []string{"https://app.example.com"},
	Credentials:    true,
	Methods:        []string{"PUT", "PATCH", "DELETE"},
	RequestHeaders: []string{"Content-Type", "Authorization", "X-Requested-With"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(7200),
}

// Nginx is the "wide open" nginx configuration that adds
// Access-Control-Allow-Origin "*" and a list of headers to GET, POST and
// OPTIONS responses and answers every OPTIONS with 204 and a max-age of
// 1728000 seconds. DNT is dropped from the request headers (forbidden:
// scripts can never set it), Content-Length from the exposed ones (always
// readable), and the max-age is 7200 seconds, Chromium's cap.
var Nginx = corsa.Config{
	Origins:        []string{"*"},
	RequestHeaders: []string{"User-Agent", "X-Requested-With", "If-Modified-Since", "Cache-Control", "Content-Type", "Range"},
	ExposedHeaders: []string{"Content-Range"},
	MaxAge:         corsa.Seconds(7200),
}
