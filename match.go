package corsa

// funcEntry is matchOrigin's entry for an origin that Config.OriginFunc
// allowed.
const funcEntry = -2

// matched reports whether matchOrigin's entry allows the origin.
func matched(entry int) bool { return entry >= 0 || entry == funcEntry }

// matchOrigin is the one origin matcher: Decide, Explain and AllowsOrigin
// all call it, so an explanation can never name a different entry or reach
// a different verdict than the decision. It returns the index in
// Config.Origins of the entry that allows o, funcEntry when no entry does
// but OriginFunc does, or -1; tooLong reports that o was refused by length
// alone, before any entry was compared (SPEC.md §6b). It never allocates.
func (p *Policy) matchOrigin(o string) (entry int, tooLong bool) {
	switch {
	case p.anyOrigin:
		return p.anyEntry, false // "null" included, as in Fetch's CORS check (SPEC.md §1)
	case o == "null":
		return p.nullEntry, false
	case len(o) > p.maxOrigin:
		// Constant cost, whatever the length: a megabyte Origin is never
		// compared with each pattern.
		return p.orFunc(o, true)
	}
	if p.exactSet != nil {
		if i, ok := p.exactSet[o]; ok {
			return i, false
		}
	} else {
		for i, e := range p.exact {
			if e == o {
				return p.exactEntry[i], false
			}
		}
	}
	if len(p.patterns) == 0 {
		return p.orFunc(o, false)
	}
	prefix, host, port, hasPort, ok := splitOrigin(o)
	if !ok {
		return p.orFunc(o, false)
	}
	for i := range p.patterns {
		if p.patterns[i].match(prefix, host, port, hasPort) {
			return p.patterns[i].entry, false
		}
	}
	return p.orFunc(o, false)
}

// orFunc is matchOrigin's answer when no entry of origins allows o: ask
// OriginFunc, which has its own bound (funcMayAsk). Unset, it costs one
// comparison.
func (p *Policy) orFunc(o string, tooLong bool) (int, bool) {
	if p.originFunc != nil && p.funcAllows(o) {
		return funcEntry, false
	}
	return -1, tooLong
}

// maxOriginLen is the longest origin spec could match: exact parts by
// their length, a subdomain pattern's host by the DNS limit, a port
// wildcard by five digits.
func (o *originSpec) maxOriginLen() int {
	n := len(o.prefix) + len(o.host)
	if o.subdomain {
		n = len(o.prefix) + maxHostLen
	}
	switch {
	case o.anyPort:
		n += len(":65535")
	case o.port != "":
		n += 1 + len(o.port)
	}
	return n
}
