package demo

import "github.com/corsa-go/corsa"

// DefaultPolicy is the built-in policy: what the page at pageOrigin needs
// for its calls, and nothing more. It allows
//   - pageOrigin only, with credentials, so that the visits cookie travels;
//   - PUT, for the JSON update (GET and POST never need listing); DELETE is
//     left out on purpose, for the refused call;
//   - the request headers Content-Type (a JSON body makes it non-safelisted)
//     and X-Demo-Client;
//   - scripts to read the response header X-Api-Version (X-Internal stays
//     hidden);
//   - browsers to cache a preflight answer for 60 seconds, short enough to
//     watch preflights happen again in the browser's network panel.
func DefaultPolicy(pageOrigin string) corsa.Config {
	return corsa.Config{
		Origins:        []string{pageOrigin},
		Credentials:    true,
		Methods:        []string{"PUT"},
		RequestHeaders: []string{"Content-Type", ClientHeader},
		ExposedHeaders: []string{VersionHeader},
		MaxAge:         corsa.Seconds(60),
	}
}
