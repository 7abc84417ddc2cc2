package rules

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/routes"
)

// hmacAdvice is the pattern Fastly's guide recommends instead of shared
// constants.
const hmacAdvice = `sign a timestamp in vcl_miss and vcl_pass with digest.hmac_sha256 keyed from a private edge dictionary (table.lookup), and verify it in the next service with digest.secure_is_equal within a few seconds`

// StaticSharedSecret reports a header one service sets to a literal and
// the next one checks against the same literal.
var StaticSharedSecret = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "static-shared-secret",
		Doc: `a chained service admits requests by a constant header the service before it sets

Nothing stops end users from calling the second service at its own
domain. A fixed header value set by the first service and compared by the
second is forgeable: it travels with every request, and leaks wherever the
request is logged or forwarded. The second service's comparison counts when
it admits: a request whose header does not match ends in an error (error
403, at once, further down, or in a subroutine it calls). A comparison that
only decides how a request is served (a cache tier), and the Host (public:
it routes the request), are not secrets. Fastly's guide recommends a time-limited
signature instead: the first service signs "timestamp,datacenter" with
digest.hmac_sha256 in vcl_miss and vcl_pass, keyed from a private edge
dictionary; the second verifies it with digest.secure_is_equal and a ±2 s
window. The secret's value is never printed.

Bad:

    # first service, vcl_miss and vcl_pass
    set bereq.http.Edge-Auth = "s3cr3t";
    # second service, vcl_recv
    if (req.http.Edge-Auth != "s3cr3t") { error 403; }

Good:

    # first service, vcl_miss and vcl_pass
    set bereq.http.Edge-Auth = now.sec "," server.datacenter ","
      digest.hmac_sha256(table.lookup(chain_keys, "edge"), now.sec "," server.datacenter);
    # second service, vcl_recv: recompute and compare with digest.secure_is_equal`,
		Requires: chainRequires,
		Run:      runStaticSharedSecret,
	},
}

func runStaticSharedSecret(pass *analysis.Pass) (any, error) {
	type pair struct{ from, to *graph.Service }
	reported := map[pair]bool{}
	for _, r := range analyzer.ChainsOf(pass).Routes {
		if r.To == nil || r.Loopback() || r.From().VCL == nil || r.To.VCL == nil || reported[pair{r.From(), r.To}] {
			continue
		}
		for _, set := range r.From().VCL.HeaderSets() {
			var check *graph.HeaderValue
			for _, c := range r.To.VCL.HeaderChecks() {
				if c.Refuses && c.Header == set.Header && c.Fingerprint == set.Fingerprint {
					check = c
					break
				}
			}
			if check == nil {
				continue
			}
			reported[pair{r.From(), r.To}] = true
			pass.Report(analysis.Diagnostic{
				Pos: set.Pos, End: set.End,
				Message: fmt.Sprintf("service %q sets header %s to a fixed value and service %q admits requests by comparing it with the same value: anyone who learns it can call %q directly; %s",
					r.From().Label(), set.Header, r.To.Label(), r.To.Label(), hmacAdvice),
				Related: []analysis.RelatedInformation{related(check.Pos, check.End, "service %q compares %s with the same value here", r.To.Label(), check.Header)},
			})
			break
		}
	}
	return nil, nil
}

// HardcodedSecret reports keyed digests whose key is a literal.
var HardcodedSecret = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "hardcoded-secret",
		Doc: `a digest.hmac_* call is keyed by a literal written in the VCL

A key written in VCL is readable by everyone who can read the service's
configuration (and its version history, and every export of it). Keep it
in a private edge dictionary or a secret store and look it up. The key's
value is never printed.

Bad:

    set bereq.http.Sig = digest.hmac_sha256("k3y", req.url);

Good:

    set bereq.http.Sig = digest.hmac_sha256(table.lookup(chain_keys, "sig"), req.url);`,
		Requires: graphRequires,
		Run:      runHardcodedSecret,
	},
}

func runHardcodedSecret(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if s.VCL == nil {
			continue
		}
		for _, k := range s.VCL.LiteralKeys() {
			pass.Report(analysis.Diagnostic{
				Pos: k.Pos, End: k.End,
				Message: fmt.Sprintf("%s in service %q is keyed by a literal: the key is readable by anyone who can read the configuration; look it up from a private edge dictionary or secret store (table.lookup(keys, \"name\"))",
					k.Func, s.Label()),
			})
		}
	}
	return nil, nil
}

// UnprotectedChainedService reports chained services that do not check
// anything the service before them sends.
var UnprotectedChainedService = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: "unprotected-chained-service",
		Doc: `a chained service does not check any header the service before it sets

A second service is reachable at its own domain by anyone: unless its
vcl_recv checks something only the first service sends, end users can
skip the first service's logic (authentication, rate limits, WAF). The
rule looks for a request header that a VCL service before it sets on the
way (in vcl_miss, vcl_pass or vcl_recv) and that this service's vcl_recv
reads in a condition, or a header every path to a backend requires. The
Host, and a requirement on a header every request carries anyway (one
clients send, such as User-Agent, or one Fastly adds, such as Fastly-SSL),
protect nothing. Only services whose custom VCL or snippets are among the
inputs are checked, and not Compute services: their code is not visible
here.

Bad:

    # second service
    sub vcl_recv {
    #FASTLY recv
    }

Good:

    # second service
    sub vcl_recv {
    #FASTLY recv
      if (!req.http.Edge-Signature || !digest.secure_is_equal(req.http.Edge-Signature, var.expected)) {
        error 403;
      }
    }`,
		Requires: chainRequires,
		Run:      runUnprotectedChainedService,
	},
}

func runUnprotectedChainedService(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	for _, s := range c.Graph.Services {
		if s.Platform != graph.PlatformVCL || s.VCL == nil {
			continue // without its VCL, what the service checks is not known
		}
		var preds []*routes.Route
		sent := map[string]bool{}
		opaque := false
		for _, r := range c.In(s) {
			if r.Loopback() || r.From() == s {
				continue
			}
			preds = append(preds, r)
			if r.From().Platform != graph.PlatformVCL {
				opaque = true // a Compute service's headers are set in code
			}
			if r.From().VCL != nil {
				for _, h := range r.From().VCL.ForwardedHeaders {
					sent[h.Header] = true
				}
			}
		}
		if len(preds) == 0 || opaque {
			continue
		}
		checked := false
		for _, g := range s.VCL.GuardHeaders {
			// A header every path needs guards the service, whoever sets
			// it (when no caller does, chain-guard-refuses says so), but
			// not one any client sends or Fastly adds; the Host routes
			// the request, whoever sets it.
			checked = checked || sent[g.Header] && g.Header != "host" ||
				!arrivesAnyway(g.Header) && s.VCL.Exits != nil && !s.VCL.ExitsMerged && len(s.VCL.Exits) > 0 && everyPathNeeds(s.VCL.Exits, g.Header)
		}
		if checked {
			continue
		}
		var names []string
		for _, r := range preds {
			names = append(names, fmt.Sprintf("%q", r.From().Label()))
		}
		pos, end := at(s.Name, s.Span)
		pass.Report(analysis.Diagnostic{
			Pos: pos, End: end,
			Message: fmt.Sprintf("service %q is reached through %s, but its vcl_recv checks no header that service sets, so anyone can call it directly and skip that service's logic; %s",
				s.Label(), strings.Join(names, ", "), hmacAdvice),
			Related: []analysis.RelatedInformation{related(preds[0].Backend.Address.Pos, preds[0].Backend.Address.End(), "service %q chains here", preds[0].From().Label())},
		})
	}
	return nil, nil
}

// DivergentCacheKey reports chains whose services key their caches
// differently.
var DivergentCacheKey = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "divergent-cache-key",
		Doc: `services on one chain compute the cache key differently

When several services of a chain cache, a URL purge must reach the copy in
each. A custom vcl_hash in some of them (or different ones) keys the same
URL differently, so purging the URL in one service misses the other's
copy. Use the same vcl_hash in every caching service of the chain, or
purge by surrogate key or purge-all instead of by URL. A service that
passes every request to its backend (every path leaves through vcl_pass)
keeps no copy, and is left out. (The example below is also an
unprotected-chained-service finding: its chained service checks no secret
header.)

Bad:

    # www
    sub vcl_hash { set req.hash += req.url; set req.hash += req.http.Cookie; #FASTLY hash
    }
    # chained-service: the default vcl_hash

Good:

    the same vcl_hash in both, or purging by Surrogate-Key`,
		Requires: chainRequires,
		Run:      runDivergentCacheKey,
	},
}

func hashKey(s *graph.Service) string {
	if s.VCL == nil {
		return ""
	}
	return s.VCL.HashKey()
}

// neverCaches reports a VCL service whose every path to a backend, as the
// request-flow model runs it, leaves through vcl_pass: it stores no copy
// a purge could miss. (When the model did not run, or merged paths, the
// service is taken to cache.)
func neverCaches(s *graph.Service) bool {
	v := s.VCL
	if v == nil || v.Exits == nil || v.ExitsMerged || len(v.Exits) == 0 {
		return false
	}
	for _, e := range v.Exits {
		if e.Sub != "vcl_pass" {
			return false
		}
	}
	return true
}

func runDivergentCacheKey(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	for _, s := range c.Graph.Services {
		if s.Platform != graph.PlatformVCL || s.VCL == nil {
			continue
		}
		hash := s.VCL.HashCustom()
		if hash == nil || neverCaches(s) {
			continue
		}
		var other *graph.Service
		var via *routes.Route
		for _, r := range append(c.Out(s), c.In(s)...) {
			n := r.To
			if n == s {
				n = r.From()
			}
			if r.Loopback() || n == s || n.Platform != graph.PlatformVCL || hashKey(n) == hashKey(s) || neverCaches(n) {
				continue
			}
			other, via = n, r
			break
		}
		if other == nil {
			continue
		}
		how := "the default key"
		if hashKey(other) != "" {
			how = "a different custom vcl_hash"
		}
		pass.Report(analysis.Diagnostic{
			Pos: hash.Pos, End: hash.End,
			Message: fmt.Sprintf("service %q keys its cache with a custom vcl_hash while %q, on the same chain (backend %q of %q), uses %s: a URL purge misses one of the copies; use the same vcl_hash in both, or purge by surrogate key",
				s.Label(), other.Label(), via.Backend.Name.Value, via.From().Label(), how),
		})
	}
	return nil, nil
}
