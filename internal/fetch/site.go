package fetch

import (
	"net/netip"
	"net/url"
	"strings"

	"github.com/corsa-go/corsa/internal/psl"
)

// The Sec-Fetch-Site values (Fetch Metadata), from the closest to the
// farthest relation, so that a redirect chain keeps the farthest.
const (
	siteSameOrigin = iota
	siteSameSite
	siteCross
)

var siteNames = [...]string{siteSameOrigin: "same-origin", siteSameSite: "same-site", siteCross: "cross-site"}

// siteOf is the relation of a page of origin to u, as Sec-Fetch-Site
// names it: same-origin, same-site (one scheme and registrable domain) or
// cross-site; an opaque origin ("null") is cross-site to everything.
func siteOf(origin string, u *url.URL) int {
	switch {
	case origin == originOf(u):
		return siteSameOrigin
	case origin == "null":
		return siteCross
	}
	ou, err := url.Parse(origin)
	if err == nil && strings.EqualFold(ou.Scheme, u.Scheme) && registrable(ou.Hostname()) == registrable(u.Hostname()) {
		return siteSameSite
	}
	return siteCross
}

// trustworthy reports a potentially trustworthy URL (Secure Contexts),
// the only ones browsers send Sec-Fetch-* headers to: https and wss, and
// loopback hosts.
func trustworthy(u *url.URL) bool {
	switch strings.ToLower(u.Scheme) {
	case "https", "wss":
		return true
	}
	host := strings.ToLower(u.Hostname())
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.IsLoopback()
}

// registrable is host's registrable domain (example.co.uk for
// a.example.co.uk), or host itself when it has none (an IP address, a
// public suffix).
func registrable(host string) string {
	host = strings.ToLower(host)
	if _, err := netip.ParseAddr(host); err == nil || host == "" {
		return host
	}
	labels := strings.Split(host, ".")
	for i := 1; i < len(labels); i++ {
		suffix := strings.Join(labels[i:], ".")
		if _, public := psl.Public(suffix); public || i == len(labels)-1 {
			return strings.Join(labels[i-1:], ".")
		}
	}
	return host
}
