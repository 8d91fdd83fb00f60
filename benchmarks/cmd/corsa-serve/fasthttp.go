package main

import (
	"bytes"

	"github.com/valyala/fasthttp"

	"github.com/corsa-go/corsa"
)

// fastRequest reads from a fasthttp request's header what the fiber v2
// and v3 adapters read (fiber/corsafiber.go and fiber3/corsafiber3.go,
// serve), for the refusal log only: the adapters read it themselves, and
// the log must explain the decision they made, so that a value logged as
// refused is one the adapter refused. Like them it trims spaces and tabs
// around every value (fasthttp trims only spaces, net/http both) and reads
// the preflight headers for OPTIONS only, every
// Access-Control-Request-Headers line of them. Unlike them it copies the
// values: the log line may outlive the request's buffers.
func fastRequest(h *fasthttp.RequestHeader, method string) corsa.Request {
	req := corsa.Request{Method: method}
	if origins := h.PeekAll("Origin"); len(origins) > 0 {
		req.Origin = trimmedString(origins[0])
		req.MultipleOrigins = len(origins) > 1
	}
	if req.Origin == "" && !req.MultipleOrigins || method != fasthttp.MethodOptions {
		return req
	}
	req.RequestMethod = trimmedString(h.Peek("Access-Control-Request-Method"))
	req.PrivateNetwork = trimmedString(h.Peek("Access-Control-Request-Private-Network"))
	for _, line := range h.PeekAll("Access-Control-Request-Headers") {
		req.RequestHeaders = append(req.RequestHeaders, trimmedString(line))
	}
	return req
}

// trimmedString copies b without the spaces and tabs around it, as the
// fiber adapters' trimmed views it.
func trimmedString(b []byte) string {
	return string(bytes.Trim(b, " \t"))
}
