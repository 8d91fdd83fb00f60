package pslcheck

import (
	"strings"
	"testing"

	"github.com/corsa-go/corsa/internal/psl"
	"golang.org/x/net/publicsuffix"
)

// x/net v0.55.0 to v0.62.0, the newest, all embed the list at commit
// d6c92f1bbb7433e5db7b8405c25d4035fb8ff376 (2026-02-06); corsa's copy is
// commit e8c9a2b2b2856b6449999dd0ec0d118f364ed0cd (2026-08-19). This module
// uses v0.56.0, the version the rest of the workspace already selects, so
// that adding it changes no other module's build. The two lists below come
// from comparing x/net's own rule list (publicsuffix/table_test.go of
// v0.56.0) with public_suffix_list.dat.

// addedAfterXNet are the rules of corsa's list that x/net answers
// differently because its older list lacks them: they were added between
// 2026-02-06 and 2026-08-19, and x/net applies a shorter rule or the
// implicit "*" (which it reports as outside the ICANN section: "kh" and
// "web", new plain rules). The other five rules added since (com.kh,
// edu.kh, gov.kh, net.kh, org.kh) agree by chance, through x/net's "*.kh".
var addedAfterXNet = strings.Fields(`
	*.aivencloud.com *.atlassian-3p-us-gov-mod.com *.atlassian-3p.com
	*.atlassian-isolated-3p.com *.begetcdn.cloud *.cursorusercontent.com
	*.metaaiusercontent.com *.zerops.zone aberdeen.wa.us aero.in ai.id alumni.in
	ams.scw.site audnedal.no bainbridge-isl.wa.us bellevue.wa.us book.online
	bremerton.wa.us canva.link centralia.wa.us chatgpt.site chehalis.wa.us
	claude.app claudeusercontent.com codepen.app codepen.dev cyb.ge ddns.berlin
	ddns.wtf ddnssec.de deployagent.com deployagent.space dev.cv dnshome.at
	dnshome.cloud dnshome.eu dnshome.it drive-platform.com drive-platform.io
	dyn.now dyndnssec.de elastic.k2.cloud eu-west-1.convex.cloud
	eu-west-1.convex.site exe.xyz forks.wa.us frame.claudeusercontent.com
	fspages.org gielda.no gig-harbor.wa.us grok.me heimdns.de heimdns.online
	here.now home64.de hoquiam.wa.us hstgr.cloud hue.vn imagine.diy
	intouch.email ipv64.de ipv64.net kdns.fr keyport.wa.us kh khsj.cn
	kingston.wa.us lb.ru-msk.k2.cloud lb.ru-spb.k2.cloud llc.ge mkm.fan ms.fun
	ms.show my.be mybox.company mybox.me mybox.page mygov.scot olympia.wa.us
	on.expo.app on.staging.expo.app online-server.cloud online.ge opentunnel.xyz
	payload.dev piebox.site playcode.site port-angeles.wa.us port-ludlow.wa.us
	port-orchard.wa.us port-townsend.wa.us poulsbo.wa.us pplx.app
	prg1-zerops.zone puter.app puter.site puter.work re.no redmond.wa.us
	renton.wa.us resolve.bar s3.k2.cloud s3.ru-msk.k2.cloud s3.ru-spb.k2.cloud
	sandbox.deno.net sch.ac school.in scw.site sea.wa.us seattle.wa.us
	seprox.hooc.me sequim.wa.us shelton.wa.us silverdale.wa.us srvdns.de
	sryze.cc store.cv su.it sud-sardegna.it sudsardegna.it suohkan.no
	t3.storage.dev t3.storageapi.dev tjielte.no tnx.ge ub.in uenorge.no
	ulstein.no us-east-1.convex.cloud us-east-1.convex.site
	verbano-cusio-ossola.it vibehost.space vicp.fun vivenushop.com
	vivenushop.dev vps.hrsn.net waw.scw.site web website.k2.cloud
	website.ru-msk.k2.cloud website.ru-spb.k2.cloud xn--hamary-fya.no
	xn--karlsy-fya.no yarrow-point.wa.us yicp.fun zicp.fun
`)

// removedAfterXNet are the rules of x/net's list that corsa's no longer
// has: removed between 2026-02-06 and 2026-08-19.
var removedAfterXNet = strings.Fields(`
	*.cryptonomic.net *.kh *.on-acorn.io ac.tj adaptable.app aivencloud.com
	api.stdlib.com aquila.it audnedaln.no biz.at bookonline.app cc.nd.us
	cloudapps.digital deta.app deta.dev dh.bytemark.co.uk frei.no goo hzc.io
	info.at lib.nd.us london.cloudapps.digital mayfirst.org mazeplay.com
	on.crisp.email onfabrica.com pagexl.com protonet.io reserve-online.com
	storj.farm trentinosudtirol.it uk0.bigv.io valdaosta.it vm.bytemark.co.uk
	vps.hrsn.au wolterskluwer
`)

// wildcardLabel instantiates a wildcard rule "*.x" as a domain the rule
// makes public.
const wildcardLabel = "corsa-wildcard"

// instance returns the domain a rule is about and whether the rule makes
// it public: the rule's own domain, a wildcard's instance, or an
// exception's domain (not public).
func instance(rule string) (domain string, public bool) {
	if d, ok := strings.CutPrefix(rule, "!"); ok {
		return d, false
	}
	if d, ok := strings.CutPrefix(rule, "*"); ok {
		return wildcardLabel + d, true
	}
	return rule, true
}

// Every rule of the list, checked with x/net: a plain rule is its own
// public suffix, a wildcard rule's instance is, an exception rule's domain
// is not; and x/net puts the rule in the same section. corsa's lookup must
// give the same answers, with no exception; x/net must too, but for the
// rules added to the list after x/net's copy.
func TestEveryRuleAgreesWithXNet(t *testing.T) {
	disagree := map[string]string{}
	for _, r := range readList(t) {
		domain, public := instance(r.text)
		want := psl.Rule{}
		if public {
			want = psl.Rule{Text: r.text, Section: r.section}
		}
		if got, ok := psl.Public(domain); got != want || ok != public {
			t.Errorf("rule %q: psl.Public(%q) = %+v, %v; want %+v", r.text, domain, got, ok, want)
		}

		ps, icann := publicsuffix.PublicSuffix(domain)
		switch {
		case !public && ps == domain:
			disagree[r.text] = "x/net says " + domain + " is public"
		case public && ps != domain:
			disagree[r.text] = "x/net says the public suffix of " + domain + " is " + ps
		case public && icann != (r.section == psl.ICANN):
			disagree[r.text] = "x/net puts it in the other section"
		}
	}
	added := map[string]bool{}
	for _, rule := range addedAfterXNet {
		added[rule] = true
		if _, still := disagree[rule]; !still {
			t.Errorf("rule %q agrees with x/net: remove it from addedAfterXNet", rule)
		}
	}
	for rule, what := range disagree {
		if !added[rule] {
			t.Errorf("rule %q: %s", rule, what)
		}
	}
}

// The rules removed since x/net's copy: x/net still applies them, corsa's
// table does not have them.
func TestTheRulesRemovedSinceXNetAreGone(t *testing.T) {
	table := map[string]bool{}
	for r := range psl.All() {
		table[r.Text] = true
	}
	for _, rule := range removedAfterXNet {
		t.Run(rule+" is in x/net's list but no longer in corsa's", func(t *testing.T) {
			if table[rule] {
				t.Errorf("the table still has %q: remove it from removedAfterXNet", rule)
			}
			domain, public := instance(rule)
			if ps, _ := publicsuffix.PublicSuffix(domain); (ps == domain) != public {
				t.Errorf("x/net does not apply %q to %q (public suffix %q)", rule, domain, ps)
			}
		})
	}
}
