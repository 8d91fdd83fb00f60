package corsa

import (
	"context"
	"log/slog"
	"strings"
)

// LogRefusals returns an OnDecision hook that logs every refused CORS
// request to logger (slog.Default() if nil) at level Info, with the
// request's origin, method, path when the adapter provides it, and the
// reason; a refused preflight also logs the method it asked for and, when
// a header was refused, that header. Allowed requests are not logged.
//
//	p, err := corsa.New(corsa.Config{
//		Origins:    []string{"https://app.example"},
//		OnDecision: corsa.LogRefusals(logger),
//	})
//
// logs, for a preflight asking for a header the policy does not list:
//
//	level=INFO msg="CORS request refused" reason="request header not allowed" kind=preflight origin=https://app.example method=OPTIONS path=/api/orders request_method=PUT header=x-trace status=403
//
// Values are copied, cut to a sensible length, so that a handler that
// keeps records (an asynchronous one) sees them intact and a hostile
// client cannot write megabytes into the log. Use Explain to see the whole
// reasoning for one request.
func LogRefusals(logger *slog.Logger) func(DecisionEvent) {
	return func(e DecisionEvent) {
		if e.Decision.Reason() == Allowed {
			return
		}
		l := logger
		if l == nil {
			l = slog.Default()
		}
		ctx := context.Background()
		if !l.Enabled(ctx, slog.LevelInfo) {
			return
		}
		attrs := make([]slog.Attr, 0, 9)
		kind := "actual"
		if e.Decision.Preflight() {
			kind = "preflight"
		}
		attrs = append(attrs,
			slog.String("reason", e.Decision.Reason().String()),
			slog.String("kind", kind),
			slog.String("origin", logValue(e.Request.Origin)),
			slog.String("method", logValue(e.Request.Method)))
		if e.Request.Path != "" {
			attrs = append(attrs, slog.String("path", logValue(e.Request.Path)))
		}
		if e.Decision.Preflight() {
			attrs = append(attrs, slog.String("request_method", logValue(e.Request.RequestMethod)))
			if e.RefusedHeader != "" {
				attrs = append(attrs, slog.String("header", logValue(e.RefusedHeader)))
			}
			attrs = append(attrs, slog.Int("status", e.Decision.Status()))
		}
		l.LogAttrs(ctx, slog.LevelInfo, "CORS request refused", attrs...)
	}
}

// maxLogValue bounds each request value LogRefusals writes.
const maxLogValue = 512

// logValue copies s for a log record, cut to maxLogValue bytes.
func logValue(s string) string {
	if len(s) > maxLogValue {
		return strings.Clone(s[:maxLogValue]) + "..."
	}
	return strings.Clone(s)
}
