package corsa

// AllowsOrigin reports whether the policy allows origin, the value of a
// request's Origin header, exactly as Decide would for a request carrying
// it once: the same exact entries, patterns, length bound and OriginFunc.
// It never calls OnDecision, and allocates nothing unless it asks
// OriginFunc.
//
// It is meant for what CORS does not cover, above all WebSocket upgrades:
// browsers open a WebSocket to any site without a preflight and with the
// site's cookies, so a server that does not check the Origin of an upgrade
// lets every page act as its users (cross-site WebSocket hijacking). Use
// it as gorilla/websocket's Upgrader.CheckOrigin (see the examples
// module).
//
// AllowsOrigin("") is false: a request without Origin does not come from
// a browser page, and whether to serve it is the caller's choice (CORS
// passes it through). Under "*" every non-empty origin is allowed, "null"
// included, as in Decide: "*" lets any page in, and a page can always
// choose an origin "*" allows. A WebSocket endpoint that must refuse some
// pages needs a list of origins, not "*".
func (p *Policy) AllowsOrigin(origin string) bool {
	return origin != "" && p.matchOrigin(origin).allowed()
}
