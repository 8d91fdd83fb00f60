package corsa

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// LogRefusals returns an OnDecision hook that logs refused requests to
// logger (slog.Default() if nil) at level Info: the reason, the kind of
// request, its origin, method and path; for a preflight the method it
// asked for, the header refused if one was, and the status; for a write
// refused by Config.CrossOriginProtection its Sec-Fetch-Site; for an
// OriginFunc that panicked, the panic's value. Allowed requests are not
// logged.
//
//	p, err := corsa.New(corsa.Config{
//		Origins:    []string{"https://app.example"},
//		OnDecision: corsa.LogRefusals(logger, 0),
//	})
//
// logs, for a preflight asking for a header the policy does not list:
//
//	level=INFO msg="CORS request refused" reason="request header not allowed" kind=preflight origin=https://app.example method=OPTIONS path=/api/orders request_method=PUT header=x-trace status=403
//
// # Volume
//
// Refusals are made by clients, hostile ones included, at whatever rate
// they like, so the log is bounded twice. Each value is cut (an origin or
// a path to 256 bytes, a method to 64, a header name to 128, a panic value
// to 256), so that a record is at most about 1.3 KB in text and 1.6 KB in
// JSON. And at most perSecond records are written in each second; the
// refusals past that are counted, and the next record written is preceded
// by one that says how many were left out ("CORS refusals not logged").
// perSecond 0 means 10: enough for every refusal a developer's page causes
// while they test it (a page makes a few requests per action), while a
// flood can write at most about 13 KB a second, about 1 GB a day, instead
// of whatever its own bandwidth allows. A negative perSecond logs every
// refusal: only for tests and networks without hostile clients. For
// counting refusals rather than reading them, an OnDecision that
// increments a metric costs less (see the OnDecision example).
//
// The values logged are the hook's own copies (see DecisionEvent), so an
// asynchronous handler may keep them. Use Explain to see the whole
// reasoning for one request.
func LogRefusals(logger *slog.Logger, perSecond int) func(DecisionEvent) {
	if perSecond == 0 {
		perSecond = defaultRefusalsPerSecond
	}
	lim := &limiter{max: perSecond}
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
		ok, dropped := lim.allow(time.Now())
		if dropped > 0 {
			l.LogAttrs(ctx, slog.LevelInfo, "CORS refusals not logged", slog.Int("count", dropped), slog.Int("per_second", perSecond))
		}
		if ok {
			l.LogAttrs(ctx, slog.LevelInfo, "CORS request refused", refusalAttrs(e)...)
		}
	}
}

// defaultRefusalsPerSecond is LogRefusals' bound when none is given: see
// its documentation for why.
const defaultRefusalsPerSecond = 10

// refusalAttrs is what LogRefusals writes about one refusal.
func refusalAttrs(e DecisionEvent) []slog.Attr {
	d, r := e.Decision, e.Request
	kind := "actual"
	switch {
	case d.Preflight():
		kind = "preflight"
	case d.code.kind() == kindCrossOrigin:
		kind = "cross-origin write"
	case r.Origin == "" && !r.MultipleOrigins:
		kind = "not CORS"
	}
	attrs := make([]slog.Attr, 0, 10)
	attrs = append(attrs,
		slog.String("reason", d.Reason().String()),
		slog.String("kind", kind),
		slog.String("origin", cut(r.Origin, 256)),
		slog.String("method", cut(r.Method, 64)))
	if r.Path != "" {
		attrs = append(attrs, slog.String("path", cut(r.Path, 256)))
	}
	switch {
	case d.Preflight():
		attrs = append(attrs, slog.String("request_method", cut(r.RequestMethod, 64)))
		if e.RefusedHeader != "" {
			attrs = append(attrs, slog.String("header", cut(e.RefusedHeader, 128)))
		}
	case d.code.kind() == kindCrossOrigin:
		attrs = append(attrs, slog.String("sec_fetch_site", cut(r.SecFetchSite, 64)))
	}
	if e.Panic != nil {
		attrs = append(attrs, slog.String("panic", cut(fmt.Sprint(e.Panic), 256)))
	}
	if s := d.Status(); s != 0 {
		attrs = append(attrs, slog.Int("status", s))
	}
	return attrs
}

// cut returns s cut to at most n bytes, with "..." when cut, and every
// byte a log handler would escape (control bytes, non-ASCII, quotes and
// backslashes) replaced by '?', so that escaping cannot multiply a hostile
// value's size.
func cut(s string, n int) string {
	more := len(s) > n
	if more {
		s = s[:n]
	}
	if strings.IndexFunc(s, escaped) >= 0 {
		s = strings.Map(func(r rune) rune {
			if escaped(r) {
				return '?'
			}
			return r
		}, s)
	}
	if more {
		s += "..."
	}
	return s
}

// escaped reports the characters log/slog's text and JSON handlers write
// as more than one byte.
func escaped(r rune) bool { return r < 0x20 || r >= 0x7f || r == '"' || r == '\\' }

// limiter lets at most max events through in each second, and counts the
// others; a negative max lets every event through.
type limiter struct {
	max     int
	mu      sync.Mutex
	second  int64 // the Unix second being counted
	n       int   // events let through in it
	dropped int   // events refused since the last one let through
}

// allow reports whether the event at now may pass, and how many were
// refused before it, to be reported with it.
func (l *limiter) allow(now time.Time) (ok bool, dropped int) {
	if l.max < 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if s := now.Unix(); s != l.second {
		l.second, l.n = s, 0
	}
	if l.n >= l.max {
		l.dropped++
		return false, 0
	}
	l.n++
	dropped, l.dropped = l.dropped, 0
	return true, dropped
}
