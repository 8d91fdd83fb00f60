package suite

import (
	"fmt"
	"slices"

	corsa "github.com/corsa-go/corsa/core"
)

// The one policy every implementation serves: Origin is the only allowed
// origin, AllowedMethods and AllowedHeaders (the three base headers plus
// x-h01..x-h17, so that a preflight can ask for 20 allowed headers) are what
// preflights may ask for, with credentials and a 10-minute max-age.
const (
	Origin        = "https://example.com"
	ExposedHeader = "X-Total-Count"
	MaxAgeSeconds = 600
)

// AllowedMethods are the policy's methods, in configured order.
var AllowedMethods = []string{"GET", "POST", "PUT", "DELETE"}

// AllowedHeaders are the policy's request headers, in configured order and
// spelling: Content-Type, Authorization, X-Request-Id, then X-H01..X-H17.
var AllowedHeaders = append([]string{"Content-Type", "Authorization", "X-Request-Id"}, extraHeaders()...)

func extraHeaders() []string {
	var hs []string
	for i := 1; i <= 17; i++ {
		hs = append(hs, fmt.Sprintf("X-H%02d", i))
	}
	return hs
}

// CorsaConfig returns the policy in corsa's terms. It returns a fresh value
// each time, so that no caller can change another's slices.
func CorsaConfig() corsa.Config {
	return corsa.Config{
		Origins:        []string{Origin},
		Credentials:    true,
		Methods:        slices.Clone(AllowedMethods),
		RequestHeaders: slices.Clone(AllowedHeaders),
		ExposedHeaders: []string{ExposedHeader},
		MaxAge:         corsa.Seconds(MaxAgeSeconds),
	}
}
