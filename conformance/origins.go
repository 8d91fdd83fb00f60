package conformance

// The origins the suite's cases, the adapter test kit
// (conformance/adaptertest) and the benchmark scenarios
// (conformance/scenario) share, so that a reader meets one vocabulary.
const (
	// AppOrigin is the origin policies allow.
	AppOrigin = "https://app.example.com"
	// OtherOrigin is a well-formed origin policies do not list.
	OtherOrigin = "https://other.example.net"
	// EvilOrigin is the attacker's origin, which no policy allows.
	EvilOrigin = "https://evil.example.net"
)
