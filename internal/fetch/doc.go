// Package fetch judges answers the way a browser does, by the WHATWG
// Fetch Standard (https://fetch.spec.whatwg.org/), and says where current
// Chromium departs from it. It is the one checker behind the conformance
// scoreboard, corsa's Explain and the corsa command's explain and probe,
// and the browser module proves it against headless Chromium.
//
// A Request is what a page's script asks for (fetch(url, init)); a
// Response is a response as a browser parses it. CheckPreflight,
// CheckRead, Readable and CheckCacheSafe judge one response; Run plays a
// whole fetch() through a Transport: the preflight when one is needed,
// the request, and the redirects, as Fetch does them. A failure is an
// *Error worded as Chromium's console words it.
package fetch
