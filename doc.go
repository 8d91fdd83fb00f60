// Package corsa is a CORS policy engine: a validated, compiled policy that
// answers preflights and decorates responses exactly as the WHATWG Fetch
// Standard expects, the net/http middleware on top, and the one request
// path every corsa adapter (chi, gin, echo, fasthttp, fiber) uses.
// SPEC.md in the repository states the rules and the exact headers of
// each answer.
//
// # Using it
//
// Build a Policy once with New, which refuses dangerous or meaningless
// configuration, every problem at once, then wrap a handler:
//
//	p, err := corsa.New(corsa.Config{
//		Origins:        []string{"https://app.example.com"},
//		Methods:        []string{"PUT", "DELETE"},
//		RequestHeaders: []string{"Content-Type", "Authorization"},
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	http.ListenAndServe(":8080", p.Handler(mux))
//
// Three holders serve a policy, and every adapter's From takes any of
// them (a Source): a *Policy is fixed; a *Middleware holds one that can be
// replaced while serving (Reconfigure), or follow a policy file (Watch);
// *Paths holds a policy per path prefix (NewPaths), so that one global
// installation covers every route group. A policy file is Config as JSON
// (ParseConfig, LoadConfig).
//
// # What a response gets
//
// A preflight (OPTIONS with Origin and Access-Control-Request-Method) is
// answered by the policy and never reaches the handler: allowed, with the
// policy's status (204) and its Access-Control-Allow-* headers; refused,
// with 403 and none of them. Every other request reaches the handler, its
// CORS headers already set, so that they survive any status, an error or
// a recovered panic; a refused origin gets no CORS headers and is not
// blocked, since browsers enforce CORS. Vary is always added to, never
// replaced. With Config.CrossOriginProtection, a cross-origin write from
// an origin the policy does not allow is answered 403 without calling
// the handler. SPEC.md lists every header, in order.
//
// # Origins decided at run time
//
// Config.OriginFunc decides on origins that no entry of Origins allows,
// for origins the application keeps itself (tenants in a database,
// preview deployments). It is asked only about origins as browsers send
// them, never "null", a repeated Origin or a host in another spelling, so
// it can be an exact lookup:
//
//	var tenantOrigins sync.Map // origin -> tenant, kept by the application
//	p, err := corsa.New(corsa.Config{
//		Origins:     []string{"https://app.example.com"},
//		Credentials: true,
//		OriginFunc: func(origin string) bool {
//			_, ok := tenantOrigins.Load(origin)
//			return ok
//		},
//	})
//
// Never check a suffix, a substring or a regular expression there:
// "https://app.example.com.evil.example" has the prefix, and
// "https://evilexample.com" the suffix. Subdomain patterns belong in
// Origins, where corsa matches them label by label. A panic in OriginFunc
// refuses the origin.
//
// # Hooks and explanations
//
// Config.OnDecision is called for every CORS request, and every refused
// cross-origin write, through Handler and every adapter alike; LogRefusals
// makes one that logs refusals, bounded. Every string a hook receives is
// its own copy. Explain says in words what a browser does with a page's
// request under the policy, and why. AllowsOrigin answers for one origin
// where CORS does not reach, such as WebSocket upgrades.
//
// # Writing an adapter
//
// An adapter reads a Request from its framework's request
// (Request.ReadHTTP for frameworks built on net/http), calls Decide, and
// writes the Decision: see Decide.
package corsa
