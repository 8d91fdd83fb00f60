package migrate

import "github.com/corsa-go/corsa"

// SPA is a typical single-page application's policy: two trusted origins
// calling with cookies, PUT and DELETE besides GET and POST (which never
// need listing), JSON bodies and bearer tokens, one exposed header and
// preflights cached for ten minutes. README.md shows the same policy as
// each peer library writes it.
var SPA = corsa.Config{
	Origins:        []string{"https://app.example.com", "https://admin.example.com"},
	Credentials:    true,
	Methods:        []string{"PUT", "DELETE"},
	RequestHeaders: []string{"Content-Type", "Authorization"},
	ExposedHeaders: []string{"X-Total-Count"},
	MaxAge:         corsa.Seconds(600),
}
