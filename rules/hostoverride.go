package rules

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/routes"
	"github.com/chainlint/chainlint/vclmodel"
)

// MissingHostOverride reports backends that reach a Fastly service while
// sending the client's Host header.
var MissingHostOverride = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Fixable:  true,
	Analyzer: &analysis.Analyzer{
		Name: "missing-host-override",
		Doc: `a backend reaches a Fastly service but nothing overrides the Host header

Fastly picks the service for a request by its Host header, not by the
address it was sent to. A backend whose address is another service's
domain (or a Fastly hostname) but that keeps the client's Host sends the
request back to Fastly with the first service's own domain: Fastly routes
it to the first service again and answers "503 Loop detected". Set the
backend's override_host to the second service's domain. The fix inserts
override_host when the address names an analysed service's domain.

Which Host a backend sends comes from Fastly's layers, in order of
precedence: override_host (applied after VCL runs); a VCL backend's
.host_header with .always_use_host_header = true; else what the VCL leaves
in bereq.http.host at the end of each request path. chainlint reads the
last by running the service's effective VCL (the request-flow model; see
partial-host-override for what a path is): bereq.http.host starts as a copy
of req.http.host when vcl_miss or vcl_pass starts, so set req.http.host in
vcl_recv counts; set and unset are read in order and the last write wins,
snippets in priority order at their #FASTLY macro, and the API objects
Fastly renders at #FASTLY recv: a request header writing http.Host, a
request setting's default_host, and backend selection by request
condition. This rule fires when every path that reaches the backend keeps
the client's Host (or unsets it: assumed, since Fastly does not document
what is then sent, not to reach the chained service). A backend with
.bypass_local_route_table = true needs the backend-level override: the
local route bypass sends it straight out, so VCL Host assignments are not
what it relies on.

A Compute project's [setup.backends] entry whose address is a hostname gets
override_host (and ssl_sni_hostname) set to that address by
fastly compute deploy (the Fastly CLI's setBackendHost), and is read so.

At #FASTLY recv the recv snippets run first, then the code Fastly
generates: the default backend (the one without a request condition),
then each request condition by priority with its backends, header objects
and request settings, then shield selection, as Fastly's own generated
VCL shows; so a header object or a default_host writes the Host after
the snippets, and the default backend overwrites a snippet's choice
unless every backend has a request condition. docs/vcl-model.md lists
this order and the lifecycle with their sources and the few assumptions
left (equal priorities by name; unconditioned objects in the default
conditions; the first of several unconditioned backends is the
default). Sources: Fastly's backend reference (override_host),
bereq.http and req.backend.is_shield references, header, condition and
request settings API references, service-chaining guide, real generated
VCL (testdata/realworld/vcl/changelog).

Bad:

    {"name": "www", "version": {
      "domains": [{"name": "www.example.com"}],
      "backends": [{"name": "chained", "address": "chained-service.example.com", "port": 443}]}}

Good:

    {"name": "www", "version": {
      "domains": [{"name": "www.example.com"}],
      "backends": [{"name": "chained", "address": "chained-service.example.com", "port": 443,
                    "override_host": "chained-service.example.com"}]}}`,
		Requires: chainRequires,
		Run:      runMissingHostOverride,
	},
}

func runMissingHostOverride(pass *analysis.Pass) (any, error) {
	chains := analyzer.ChainsOf(pass)
	for _, r := range chains.Routes {
		if !r.Loopback() {
			continue
		}
		b := r.Backend
		pos, end := addressPos(b)
		d := analysis.Diagnostic{Pos: pos, End: end}
		var host string
		switch {
		case r.AddressDomain != nil:
			host = r.Address
			d.Message = fmt.Sprintf("backend %q of service %q reaches service %q (address %q) but sends the client's Host, so Fastly routes the request back to %q: 503 Loop detected; set override_host = %q",
				b.Name.Value, r.From().Label(), r.AddressDomain.Service.Label(), r.Address, r.From().Label(), host)
			d.Related = append(d.Related, related(r.AddressDomain.Name.Pos, r.AddressDomain.Name.End(),
				"service %q declares domain %q here", r.AddressDomain.Service.Label(), r.AddressDomain.Name.Value))
		case strings.HasSuffix(r.Address, ".edgecompute.app"):
			host = r.Address
			d.Message = fmt.Sprintf("backend %q of service %q sends requests to Fastly (%q) with the client's Host, so Fastly routes them back to %q: 503 Loop detected; set override_host = %q",
				b.Name.Value, r.From().Label(), r.Address, r.From().Label(), host)
		default:
			d.Message = fmt.Sprintf("backend %q of service %q sends requests to Fastly (%q) with the client's Host, so Fastly routes them back to %q: 503 Loop detected; set override_host to the domain of the service this backend should reach",
				b.Name.Value, r.From().Label(), r.Address, r.From().Label())
		}
		if b.VCL != nil {
			d.Message = vclBackendAdvice(d.Message, b, host)
		}
		if r.HostPos.IsValid() {
			// The VCL sets a Host, then puts the client's back or unsets
			// it on every path (the last write wins).
			d.Related = append(d.Related, related(r.HostPos, r.HostEnd(), "the VCL's last word on the Host, on every path: the client's Host (or none) is sent"))
		}
		if host != "" && b.Setter != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{setFix(pass, b, "override_host", host)}
		}
		pass.Report(d)
	}
	return nil, nil
}

// vclBackendAdvice rewrites the remedy for a backend declared in VCL,
// which has no override_host field.
func vclBackendAdvice(msg string, b *graph.Backend, host string) string {
	if i := strings.LastIndex(msg, "; set override_host"); i >= 0 {
		msg = msg[:i]
	}
	if host == "" {
		host = "<the next service's domain>"
	}
	remedy := fmt.Sprintf(`; add .always_use_host_header = true; and .host_header = %q; to backend %s`, host, b.Name.Value)
	if b.VCL != nil && b.VCL.BypassLocalRouteTable.Value {
		return msg + remedy + " (it sets .bypass_local_route_table, so a Host set in vcl_miss and vcl_pass does not count: the backend itself must carry it)"
	}
	return msg + remedy + fmt.Sprintf(`, or set bereq.http.host = %q; in both vcl_miss and vcl_pass`, host)
}

// HostOverrideMismatch reports backends whose address names one service
// while their Host override routes to another.
var HostOverrideMismatch = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Fixable:  true,
	Analyzer: &analysis.Analyzer{
		Name: "host-override-mismatch",
		Doc: `a backend's address names one service but its Host override routes to another

The address only decides which Fastly POP the request reaches; the Host
header decides the service. A backend addressed to service X whose
override_host is a domain of service Y (or of no analysed service) reaches
Y, not X — usually a copy-and-paste slip. Make the override name the same
service as the address. The fix sets override_host to the address.

Bad:

    "backends": [{"name": "api", "address": "api.example.com",
                  "override_host": "images.example.com"}]

Good:

    "backends": [{"name": "api", "address": "api.example.com",
                  "override_host": "api.example.com"}]`,
		Requires: chainRequires,
		Run:      runHostOverrideMismatch,
	},
}

func runHostOverrideMismatch(pass *analysis.Pass) (any, error) {
	chains := analyzer.ChainsOf(pass)
	for _, r := range append(append([]*routes.Route(nil), chains.Routes...), chains.PathRoutes...) { // every request path
		if r.AddressDomain == nil || r.HostSource == vclmodel.HostFromClient || r.HostSource == vclmodel.HostUnknown {
			continue
		}
		named := r.AddressDomain.Service
		if r.To == named || r.To == r.From() {
			continue // agreed, or a self-loop (chain-loop reports that)
		}
		b := r.Backend
		var where string
		if r.To != nil {
			where = fmt.Sprintf("which routes to service %q", r.To.Label())
		} else {
			where = "which no analysed service answers for"
		}
		d := analysis.Diagnostic{
			Pos: r.HostPos, End: r.HostEnd(),
			Message: fmt.Sprintf("backend %q of service %q is addressed to service %q (%q) but sends Host %q (%s), and Fastly routes by Host; make the %s name the same service",
				b.Name.Value, r.From().Label(), named.Label(), r.Address, r.Host, where, r.HostSource),
			Related: []analysis.RelatedInformation{related(b.Address.Pos, b.Address.End(), "the address names service %q", named.Label())},
		}
		if r.HostSource == vclmodel.HostOverride && b.Setter != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{setFix(pass, b, "override_host", r.Address)}
		}
		pass.Report(d)
	}
	return nil, nil
}

// ExternalChain reports chains that leave the analysed services.
var ExternalChain = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: "external-chain",
		Doc: `a backend chains to a Fastly service that is not among the analysed ones

The backend sends requests to a Fastly hostname with a Host that no
analysed service answers for, so the chain goes on in a service chainlint
cannot see: loops and hop limits through it cannot be checked. Add that
service's export to the inputs, or list its domain under external-domains
in the config file to say the chain ends there on purpose.

Bad:

    "backends": [{"name": "partner", "address": "global.ssl.fastly.net",
                  "override_host": "partner.example.net"}]

Good:

    # .chainlint.yaml
    external-domains: [partner.example.net]`,
		Requires: chainRequires,
		Run:      runExternalChain,
	},
}

func runExternalChain(pass *analysis.Pass) (any, error) {
	chains := analyzer.ChainsOf(pass)
	external := map[string]bool{}
	for _, d := range analyzer.ConfigOf(pass).ExternalDomains {
		external[graph.NormalizeHost(d)] = true
	}
	isExternal := func(h string) bool {
		if external[h] {
			return true
		}
		if i := strings.IndexByte(h, '.'); i > 0 {
			return external["*"+h[i:]]
		}
		return false
	}
	for _, r := range chains.Routes {
		if !r.ToFastly || r.AddressDomain != nil || r.To != nil || r.Host == "" || isExternal(r.Host) {
			continue
		}
		b := r.Backend
		pass.Report(analysis.Diagnostic{
			Pos: r.HostPos, End: r.HostEnd(),
			Message: fmt.Sprintf("backend %q of service %q chains to a Fastly service outside the analysed set (address %q, Host %q); add its export to the inputs, or list %q under external-domains",
				b.Name.Value, r.From().Label(), r.Address, r.Host, r.Host),
		})
	}
	return nil, nil
}
