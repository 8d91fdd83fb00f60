package main

import (
	"github.com/valyala/fasthttp"

	corsa "github.com/corsa-go/corsa/core"
)

// fastRequest copies what a policy reads from a fasthttp request's
// header, for the refusal log of fiber v2 and v3 only: their adapters read
// it themselves.
func fastRequest(h *fasthttp.RequestHeader, method string) corsa.Request {
	req := corsa.Request{Method: method}
	origins := h.PeekAll(corsa.HeaderOrigin)
	if len(origins) == 0 {
		return req
	}
	req.Origin = string(origins[0])
	req.MultipleOrigins = len(origins) > 1
	req.RequestMethod = string(h.Peek(corsa.HeaderRequestMethod))
	req.PrivateNetwork = string(h.Peek(corsa.HeaderRequestPrivateNetwork))
	for _, line := range h.PeekAll(corsa.HeaderRequestHeaders) {
		req.RequestHeaders = append(req.RequestHeaders, string(line))
	}
	return req
}
