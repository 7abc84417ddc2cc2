package rules

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vclmodel"
)

// TLSHostnameMismatch reports TLS backends to chained services whose
// certificate or SNI hostname is not the Host they send.
var TLSHostnameMismatch = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Fixable:  true,
	Analyzer: &analysis.Analyzer{
		Name: "tls-hostname-mismatch",
		Doc: `a TLS backend to a chained service checks a certificate for another hostname

Fastly's newer chaining guide: set ssl_cert_hostname and ssl_sni_hostname
to the same hostname as the Host override. The second service presents the
certificate of the domain the request names; a backend that sends SNI or
checks the certificate for another name fails the TLS handshake or
verification. A wildcard name covers exactly one label, as certificate
matching does: "*.edgecompute.app" covers "x.edgecompute.app", not
"a.x.edgecompute.app". The fix sets the field to the Host override. When the
Host itself is wrong (it names the service itself, or another service than
the address), the rule stays silent: that Host is the finding
(chain-loop, host-override-mismatch), and matching the certificate to it
would make the mistake stick.

Bad:

    "backends": [{"name": "chained", "address": "chained-service.example.com", "use_ssl": true,
                  "override_host": "chained-service.example.com",
                  "ssl_cert_hostname": "www.example.com"}]

Good:

    "backends": [{"name": "chained", "address": "chained-service.example.com", "use_ssl": true,
                  "override_host": "chained-service.example.com",
                  "ssl_cert_hostname": "chained-service.example.com",
                  "ssl_sni_hostname": "chained-service.example.com"}]`,
		Requires: chainRequires,
		Run:      runTLSHostnameMismatch,
	},
}

func runTLSHostnameMismatch(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	for _, r := range c.Routes {
		b := r.Backend
		if r.To == nil || r.Host == "" || r.HostSource == vclmodel.HostFromClient || r.HostSource == vclmodel.HostUnknown {
			continue
		}
		if r.To == r.From() || r.AddressDomain != nil && r.AddressDomain.Service != r.To {
			// The Host itself is wrong (it loops, or names another service
			// than the address): that is chain-loop's or
			// host-override-mismatch's finding, and matching the
			// certificate to it would make the wrong Host stick.
			continue
		}
		if !(b.UseSSL.Value || b.Port.Value == 443) {
			continue
		}
		for _, f := range []struct {
			name  string
			field graph.Field[string]
		}{{"ssl_cert_hostname", b.SSLCertHostname}, {"ssl_sni_hostname", b.SSLSNIHostname}} {
			if !f.field.Known() || strings.TrimSpace(f.field.Value) == "" || certCovers(graph.NormalizeHost(f.field.Value), r.Host) {
				continue
			}
			if f.name == "ssl_sni_hostname" && f.field.Pos.IsValid() && f.field.Pos == b.SSLCertHostname.Pos {
				continue // one field holds both (ssl_hostname, provider < 1.0): reported once
			}
			name := f.name
			if b.VCL != nil {
				name = "." + name
			}
			d := analysis.Diagnostic{
				Pos: f.field.Pos, End: f.field.End(),
				Message: fmt.Sprintf("backend %q of service %q chains to %q with Host %q but its %s is %q: the TLS handshake names the wrong host; set %s = %q",
					b.Name.Value, r.From().Label(), r.To.Label(), r.Host, name, f.field.Value, name, r.Host),
			}
			if b.Setter != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{setFix(pass, b, f.name, r.Host)}
			}
			pass.Report(d)
		}
	}
	return nil, nil
}

// certCovers reports whether a certificate name covers host as TLS
// matching does (RFC 6125): equal names, or a wildcard "*.example.com"
// covering exactly one more label ("x.example.com", not
// "a.x.example.com", not "example.com").
func certCovers(name, host string) bool {
	if name == host {
		return true
	}
	suffix, ok := strings.CutPrefix(name, "*.")
	if !ok {
		return false
	}
	label, rest, found := strings.Cut(host, ".")
	return found && label != "" && rest == suffix
}

// VCLToComputeBypass reports, under the legacy profile, VCL services
// chaining to Compute without the local route bypass.
var VCLToComputeBypass = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Profiles: []string{"legacy"},
	Analyzer: &analysis.Analyzer{
		Name: "vcl-to-compute-bypass",
		Doc: `a VCL service chains to a Compute service without bypass_local_route_table

Fastly's older chaining guide requires VCL → Compute chaining to use a
backend declared in VCL with .bypass_local_route_table = true (a protected
feature Fastly enables per service), together with .always_use_host_header
and .host_header, since the API cannot set the bypass. The newer guide no
longer requires it, so the rule runs only with --profile legacy.

Bad:

    "backends": [{"name": "compute", "address": "api.example.com",
                  "override_host": "api.example.com"}]

Good:

    backend F_compute {
      .host = "api.example.com";
      .bypass_local_route_table = true;
      .always_use_host_header = true;
      .host_header = "api.example.com";
    }`,
		Requires: chainRequires,
		Run:      runVCLToComputeBypass,
	},
}

func runVCLToComputeBypass(pass *analysis.Pass) (any, error) {
	for _, r := range analyzer.ChainsOf(pass).Routes {
		if r.To == nil || r.Loopback() || r.From().Platform != graph.PlatformVCL || r.To.Platform != graph.PlatformCompute {
			continue
		}
		b := r.Backend
		if b.VCL != nil && b.VCL.BypassLocalRouteTable.Value {
			continue
		}
		pos, end := addressPos(b)
		pass.Report(analysis.Diagnostic{
			Pos: pos, End: end,
			Message: fmt.Sprintf("VCL service %q chains to Compute service %q through backend %q without .bypass_local_route_table = true, which the older chaining guide requires: declare the backend in VCL with the bypass, .always_use_host_header and .host_header (the bypass is a protected feature Fastly enables per service)",
				r.From().Label(), r.To.Label(), b.Name.Value),
		})
	}
	return nil, nil
}
