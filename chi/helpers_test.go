package corsachi_test

import (
	"io"
	"net/http"
	"time"

	"github.com/corsa-go/corsa/conformance"
	"github.com/go-chi/chi/v5/middleware"
)

// markRan is a route handler that marks the response and answers 200.
func markRan(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set(conformance.HandlerHeader, conformance.HandlerRan)
	_, _ = io.WriteString(w, "ok")
}

// quietLog is a chi LogFormatter that logs nothing, so that panics
// recovered by middleware.Recoverer do not print stacks in test output.
type quietLog struct{}

func (quietLog) NewLogEntry(*http.Request) middleware.LogEntry   { return quietLog{} }
func (quietLog) Write(int, int, http.Header, time.Duration, any) {}
func (quietLog) Panic(any, []byte)                               {}
