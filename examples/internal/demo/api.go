package demo

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// The API's paths.
const (
	PathHello  = "/api/hello"
	PathItems  = "/api/items"
	PathVisits = "/api/visits"
)

// Headers and cookie the API and the page use.
const (
	// VersionHeader is set on every /api/hello response and exposed by
	// DefaultPolicy, so that the page can read it.
	VersionHeader = "X-Api-Version"
	// InternalHeader is set next to it but not exposed: the page sees null.
	InternalHeader = "X-Internal"
	// ClientHeader is the custom request header the page's PUT sends, which
	// with the JSON Content-Type makes the browser send a preflight first.
	ClientHeader = "X-Demo-Client"
	// VisitsCookie counts the credentialed calls of one browser.
	VisitsCookie = "demo_visits"
)

// Route is one API route: the demo's handlers are plain net/http
// handlers, registered with each framework's own way of mounting one.
type Route struct {
	Method, Path string
	Handler      http.HandlerFunc
}

// Routes are the API's routes. The CORS middleware sits in front of all of
// them, and none has an OPTIONS handler: preflights are the middleware's.
var Routes = []Route{
	{http.MethodGet, PathHello, Hello},
	{http.MethodPut, PathItems, PutItem},
	{http.MethodDelete, PathItems, DeleteItem},
	{http.MethodGet, PathVisits, Visits},
}

// Hello answers the page's simple GET: no preflight, and two response
// headers of which the policy exposes one.
func Hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(VersionHeader, "1")
	w.Header().Set(InternalHeader, "not exposed")
	writeJSON(w, http.StatusOK, map[string]string{"message": "Hello from the API"})
}

// Item is what the page PUTs.
type Item struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

// maxBody bounds the JSON body PutItem reads.
const maxBody = 1 << 10

// PutItem answers the preflighted PUT: it echoes the JSON item and the
// custom header back. A malformed body gets a 400, which the page can read
// too, since the CORS headers are on every response.
func PutItem(w http.ResponseWriter, r *http.Request) {
	var it Item
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&it); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want a JSON item: " + err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"saved": it, "client": r.Header.Get(ClientHeader)})
}

// DeleteItem answers a DELETE, which the built-in policy does not allow:
// a browser never sends it, since its preflight is refused. Other clients
// (curl) are not bound by CORS and reach it.
func DeleteItem(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

// Visits answers the credentialed GET: it counts the calls in a cookie,
// which the browser only stores and sends back for a page's fetch when
// the request is made with credentials and the response allows them.
func Visits(w http.ResponseWriter, r *http.Request) {
	n := 0
	if c, err := r.Cookie(VisitsCookie); err == nil {
		n, _ = strconv.Atoi(c.Value)
	}
	n++
	// SameSite=Lax is enough: two ports of one host are the same site,
	// only different origins.
	http.SetCookie(w, &http.Cookie{
		Name: VisitsCookie, Value: strconv.Itoa(n), Path: "/api",
		HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
	writeJSON(w, http.StatusOK, map[string]int{"visits": n})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
