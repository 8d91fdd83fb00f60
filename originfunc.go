package corsa

import (
	"fmt"
	"strings"
)

// hooks checks and installs the Go-only fields of c.
func (b *builder) hooks(c Config) {
	p := b.p
	p.onDecision = c.OnDecision
	if c.OriginFunc == nil {
		return
	}
	if p.anyOrigin {
		b.fail("OriginFunc", -1, "func", errOriginFuncWithAnyOrigin,
			`"*" already allows every origin, so OriginFunc would never be called: remove one of them`)
		return
	}
	p.originFunc = c.OriginFunc
	p.insecureOK = !c.Credentials || c.DangerouslyAllowInsecureOrigins
}

// explainOriginFunc says why o, which neither an entry of origins nor
// OriginFunc allowed, was refused: OriginFunc was not asked, said no, or
// panicked.
func (p *Policy) explainOriginFunc(b *strings.Builder, o string, m originMatch) {
	switch why := p.funcMayAsk(o); {
	case why != "":
		fmt.Fprintf(b, "  origin %s: not allowed: not in origins, and OriginFunc not asked: %s\n", quoteShort(o), why)
	case m.panicked != nil:
		fmt.Fprintf(b, "  origin %q: not allowed: not in origins, and OriginFunc panicked: %s\n", o, quoteShort(fmt.Sprint(m.panicked)))
	default:
		fmt.Fprintf(b, "  origin %q: not allowed: not in origins, and OriginFunc refused it\n", o)
	}
}
