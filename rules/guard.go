package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/routes"
)

// ChainGuardRefuses reports a chained service whose vcl_recv refuses
// every request that does not carry a header, when no service before it
// sends that header.
var ChainGuardRefuses = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "chain-guard-refuses",
		Doc: `a chained service refuses every request its callers send

The second service of a chain guards itself (rightly: see
unprotected-chained-service) by checking a request header in vcl_recv and
answering an error otherwise, but no service before it sets that header:
every request the chain sends is refused, and the chain is broken. The
rule runs the second service's VCL (the request-flow model): every path
to a backend needs the header present, or equal to a value, by a
condition on that header alone; and no VCL service that reaches it sets
the header on the way (in vcl_recv, vcl_miss or vcl_pass). Headers that
arrive without the first service setting them are not such a guard: the
ones clients send (User-Agent, Cookie, Authorization, …), which the first
service forwards, and the ones Fastly writes into requests (Fastly-SSL,
Fastly-FF, Fastly-Client-IP, X-Forwarded-For, …). A request
from an end user that happens to carry the header passes, which is what
the guard is meant to stop. Set the header in the first service (a signed
timestamp, see static-shared-secret), or check the header the first
service sets. Callers on Compute are not judged: their code is not read
for headers.

Bad:

    # first service: sets nothing
    # second service
    sub vcl_recv {
    #FASTLY recv
      if (!req.http.Edge-Auth) { error 403; }
    }

Good:

    # first service
    sub vcl_miss {
    #FASTLY miss
      set bereq.http.Edge-Auth = digest.hmac_sha256(table.lookup(keys, "edge"), now.sec);
    }`,
		Requires: chainRequires,
		Run:      runChainGuardRefuses,
	},
}

// otherVariable finds a variable in a condition's text other than the
// guarded header: such a condition is not about the header alone.
var otherVariable = regexp.MustCompile(`\b(req|bereq|client|server|fastly|geoip|obj|resp|beresp|time|now|var|table|digest|std|querystring|regsub|regsuball)\b[.(]`)

func runChainGuardRefuses(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	for _, s := range c.Graph.Services {
		if s.Platform != graph.PlatformVCL || s.VCL == nil || len(s.VCL.Exits) == 0 || s.VCL.ExitsMerged {
			continue
		}
		var callers []*routes.Route
		sent := map[string]bool{}
		judged := true
		for _, r := range c.In(s) {
			if r.Loopback() || r.From() == s {
				continue
			}
			callers = append(callers, r)
			if r.From().Platform != graph.PlatformVCL || r.From().VCL != nil && r.From().VCL.ContentUnknown {
				judged = false // its headers are set in code, or not known
				break
			}
			if r.From().VCL == nil {
				continue // no VCL of its own: it sets no header
			}
			for _, h := range r.From().VCL.ForwardedHeaders {
				sent[h.Header] = true
			}
		}
		if len(callers) == 0 || !judged {
			continue
		}
		for _, g := range s.VCL.GuardHeaders {
			if sent[g.Header] || arrivesAnyway(g.Header) || !everyPathNeeds(s.VCL.Exits, g.Header) {
				continue
			}
			var names []string
			for _, r := range callers {
				if n := fmt.Sprintf("%q", r.From().Label()); !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
			who := names[0] + ", which reaches it, never sets it"
			if len(names) > 1 {
				who = strings.Join(names, ", ") + ", which reach it, never set it"
			}
			pass.Report(analysis.Diagnostic{
				Pos: g.Pos, End: g.End,
				Message: fmt.Sprintf("service %q sends a request on to a backend only when header %s is present (or has the value this checks), but %s: every chained request is refused and the chain is broken; set %s in the service before it (a signed timestamp: see static-shared-secret), or check a header that service sets",
					s.Label(), g.Header, who, g.Header),
				Related: []analysis.RelatedInformation{related(callers[0].Backend.Address.Pos, callers[0].Backend.Address.End(), "service %q chains here", callers[0].From().Label())},
			})
			break
		}
	}
	return nil, nil
}

// arrivesAnyway reports a request header that reaches a chained service
// without the service before it setting it: one a client sends and the
// first service forwards as it is (bereq starts as a copy of req), or one
// Fastly writes into requests (its header reference: Fastly-SSL, "set to
// 1 on requests that arrived at Fastly over TLS" and not overwritten on
// the way; Fastly-FF and Fastly-Client, written into requests from a
// Fastly server; Fastly-Client-IP; X-Forwarded-For, -Host and -Server;
// CDN-Loop). A guard on one of those does not refuse chained requests.
func arrivesAnyway(h string) bool {
	if strings.HasPrefix(h, "sec-") { // Sec-Fetch-*, Sec-CH-UA*: browsers send them
		return true
	}
	switch h {
	case "accept", "accept-charset", "accept-encoding", "accept-language", "authorization",
		"cache-control", "content-length", "content-type", "cookie", "dnt", "expect", "forwarded",
		"host", "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
		"origin", "pragma", "priority", "proxy-authorization", "range", "referer", "te",
		"upgrade-insecure-requests", "user-agent", "via", "x-requested-with",
		"x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-server",
		"fastly-ssl", "fastly-ff", "fastly-client", "fastly-client-ip", "fastly-orig-accept-encoding", "cdn-loop":
		return true
	}
	return false
}

// everyPathNeeds reports whether every path of the model needs header h
// present: each takes a condition on h alone that fails when h is
// absent.
func everyPathNeeds(exits []*graph.Exit, h string) bool {
	absent := &graph.Request{Headers: map[string]string{}}
	for _, e := range exits {
		needs := false
		for i, cond := range e.Conditions {
			lower := strings.ToLower(cond)
			if !strings.Contains(lower, "req.http."+h) || i >= len(e.Eval) || e.Eval[i] == nil {
				continue
			}
			rest := strings.ReplaceAll(lower, "req.http."+h, "")
			if otherVariable.MatchString(rest) {
				continue
			}
			if holds, known := e.Eval[i].Decide(absent); known && !holds {
				needs = true
				break
			}
		}
		if !needs {
			return false
		}
	}
	return true
}
