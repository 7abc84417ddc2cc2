package rules

import (
	"fmt"
	gotoken "go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
)

// VCLSyntax reports VCL that does not parse.
var VCLSyntax = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: string(graph.RuleVCLSyntax),
		Doc: `custom VCL or a VCL snippet does not parse

The error is reported where it is, in the .vcl file or inside the JSON
string, YAML block or Terraform heredoc that holds the VCL, and parsing
resumes at the next statement so one typo does not hide the rest. VCL that
does not parse cannot be analysed: chainlint exits with status 3.

Bad:

    sub vcl_miss {
      set bereq.http.host = "chained-service.example.com"
    }

Good:

    sub vcl_miss {
      set bereq.http.host = "chained-service.example.com";
    }`,
		Requires: graphRequires,
		Run:      problemReporter(graph.RuleVCLSyntax),
	},
}

// PartialHostOverride reports a Host for a chained service that some
// request paths set and others do not.
var PartialHostOverride = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "partial-host-override",
		Doc: `the Host for a chained service is set on some request paths, not all

chainlint runs the service's VCL as Fastly does (the request-flow model,
docs/vcl-model.md): vcl_recv, then vcl_pass for a pass or vcl_hash and
vcl_miss (or vcl_hit) for a lookup, return(pass) in vcl_miss or vcl_hit
going on to vcl_pass and restart back to vcl_recv, with the custom VCL's
subroutines, each snippet at its #FASTLY macro in priority order and the
code Fastly generates from the API objects after the recv snippets, or
Fastly's boilerplate. A path is one way through that program to a
backend request: which subroutine it leaves from and the if-conditions it
took, written as in the VCL; conditions that contradict each other
(req.url ~ X and req.url !~ X) never share a path. bereq.http.host starts
as a copy of req.http.host when vcl_miss or vcl_pass starts, and the last
write wins.

When some paths send the chained service's Host and another keeps the
client's (or unsets it), the requests on that path return to the first
service: "503 Loop detected". The finding points at the statement that
sets the Host and names a path that lacks it: "when the request takes
vcl_pass", or "when the request takes vcl_miss and !(req.url ~ "^/a")".
Set the Host on every path (in vcl_recv with set req.http.host, or in both
vcl_miss and vcl_pass), or use the backend's override_host.

Assumed where Fastly does not document it: snippets of equal priority run
in name order (changelog.com's generated VCL agrees); an unset Host does
not reach the chained service; a pass from vcl_miss keeps the backend
request vcl_miss built. Sources: Fastly's bereq.http reference (the copy
from req), the vcl_pass reference ("executed when pass is returned by the
vcl_recv, vcl_miss, or vcl_hit subroutines"), the VCL snippets reference
(priority: lower first), the restart reference (req preserved), the
service-chaining guide (both vcl_miss and vcl_pass).

Bad:

    sub vcl_miss {
      set bereq.http.host = "chained-service.example.com";
    }

Good:

    sub vcl_miss {
      set bereq.http.host = "chained-service.example.com";
    }
    sub vcl_pass {
      set bereq.http.host = "chained-service.example.com";
    }`,
		Requires: chainRequires,
		Run:      runPartialHostOverride,
	},
}

func runPartialHostOverride(pass *analysis.Pass) (any, error) {
	chains := analyzer.ChainsOf(pass)
	reported := map[reportKey]bool{}
	for _, r := range chains.Routes {
		if r.PartialSet() == "" && r.ClientExit == nil || !r.ToFastly {
			continue // a Host set for an origin only is not about chaining
		}
		key := reportKey{r.From(), r.HostPos}
		if reported[key] {
			continue
		}
		reported[key] = true
		if e := r.ClientExit; e != nil {
			keeps := "keeps the client's Host"
			var rel []analysis.RelatedInformation
			if e.Host.Kind == graph.ExitHostUnset {
				keeps = "has its Host unset"
				rel = append(rel, related(e.Host.Pos, e.Host.End, "the Host is unset here"))
			} else if e.Host.Pos.IsValid() {
				rel = append(rel, related(e.Host.Pos, e.Host.End, "the client's Host is put back here"))
			}
			rel = append(rel, related(r.Backend.Address.Pos, r.Backend.Address.End(), "backend %q reaches Fastly at %q", r.Backend.Name.Value, r.Address))
			pass.Report(analysis.Diagnostic{
				Pos: r.HostPos, End: r.HostEnd(),
				Message: fmt.Sprintf("service %q sends Host %q to backend %q on some paths, but %s, the request %s, and Fastly routes it back to %q (503 Loop detected); set the Host on that path too (in vcl_recv, or in both vcl_miss and vcl_pass), or set override_host on backend %q",
					r.From().Label(), r.Host, r.Backend.Name.Value, e.Describe(), keeps, r.From().Label(), r.Backend.Name.Value),
				Related: rel,
			})
			continue
		}
		present := "vcl_miss"
		if r.PartialSet() == "vcl_miss" {
			present = "vcl_pass"
		}
		pass.Report(analysis.Diagnostic{
			Pos: r.HostPos, End: r.HostEnd(),
			Message: fmt.Sprintf("service %q sets bereq.http.host in %s but not in %s, so requests that take %s keep the client's Host and Fastly routes them back to %q (503 Loop detected); set it in %s too, or set override_host on backend %q",
				r.From().Label(), present, r.PartialSet(), r.PartialSet(), r.From().Label(), r.PartialSet(), r.Backend.Name.Value),
			Related: []analysis.RelatedInformation{related(r.Backend.Address.Pos, r.Backend.Address.End(), "backend %q reaches Fastly at %q", r.Backend.Name.Value, r.Address)},
		})
	}
	return nil, nil
}

// reportKey identifies a report so one statement is reported once.
type reportKey struct {
	s   *graph.Service
	pos gotoken.Pos
}

// ShieldSwitchPinnedIP reports the switch-services-while-shielding
// pattern combined with IP-addressed backends.
var ShieldSwitchPinnedIP = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "shield-switch-pinned-ip",
		Doc: `a Host switch under req.backend.is_shield is combined with an IP-addressed backend

Switching services while shielding ("if (req.backend.is_shield) { set
bereq.http.host = ...; }") works by sending the request to the shield POP
with the next service's Host, so Fastly must route it by Host header.
Fastly's guide calls it incompatible with service pinning, where a backend
addresses the next service by a pinned IP: drop one of the two.

Bad:

    backend F_next { .host = "151.101.2.10"; }
    sub vcl_miss {
      if (req.backend.is_shield) { set bereq.http.host = "second.example.com"; }
    }

Good:

    backend F_next { .host = "second.example.com"; }
    sub vcl_miss {
      if (req.backend.is_shield) { set bereq.http.host = "second.example.com"; }
    }`,
		Requires: graphRequires,
		Run:      runShieldSwitchPinnedIP,
	},
}

func runShieldSwitchPinnedIP(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if s.VCL == nil {
			continue
		}
		var sw *graph.HostSet
		for _, hs := range s.VCL.HostSets {
			if hs.ShieldOnly {
				sw = hs
				break
			}
		}
		if sw == nil {
			continue
		}
		for _, b := range s.Backends {
			if !b.Address.Known() || !graph.IsIP(graph.NormalizeHost(b.Address.Value)) {
				continue
			}
			pos, end := addressPos(b)
			pass.Report(analysis.Diagnostic{
				Pos: pos, End: end,
				Message: fmt.Sprintf("backend %q of service %q is addressed by IP (%s) while the service switches services under req.backend.is_shield; Fastly's guide calls the shield switch incompatible with IP-to-service pinning: address the backend by hostname, or drop the switch",
					b.Name.Value, s.Label(), b.Address.Value),
				Related: []analysis.RelatedInformation{related(sw.Pos, sw.End, "the Host switch under req.backend.is_shield, in %s", sw.Sub)},
			})
		}
	}
	return nil, nil
}
