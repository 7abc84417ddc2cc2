package rules

import (
	"fmt"
	gotoken "go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
)

// VCLSyntax reports VCL that does not parse.
var VCLSyntax = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "vcl-syntax",
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
		Run:      problemReporter("vcl-syntax"),
	},
}

// PartialHostOverride reports Host overrides set in only one of vcl_miss
// and vcl_pass.
var PartialHostOverride = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "partial-host-override",
		Doc: `the Host for a chained service is set in vcl_miss or vcl_pass, not both

A cache miss runs vcl_miss and a pass runs vcl_pass; only one of them runs
for a request. Setting bereq.http.host in one leaves the other path with
the client's Host, which routes back to the first service: passed (or
missed) requests still end in "503 Loop detected". The finding points at
the statement that is there and names the subroutine that lacks it. Set
the Host in both, or use the backend's override_host.

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
		if r.PartialSet == "" || !r.ToFastly {
			continue // a Host set for an origin only is not about chaining
		}
		key := reportKey{r.From, r.HostPos}
		if reported[key] {
			continue
		}
		reported[key] = true
		present := "vcl_miss"
		if r.PartialSet == "vcl_miss" {
			present = "vcl_pass"
		}
		pass.Report(analysis.Diagnostic{
			Pos: r.HostPos, End: r.HostEnd,
			Message: fmt.Sprintf("service %q sets bereq.http.host in %s but not in %s, so requests that take %s keep the client's Host and Fastly routes them back to %q (503 Loop detected); set it in %s too, or set override_host on backend %q",
				r.From.Label(), present, r.PartialSet, r.PartialSet, r.From.Label(), r.PartialSet, r.Backend.Name.Value),
			Related: []analysis.RelatedInformation{related(r.Backend.Address.Pos, r.Backend.Address.End, "backend %q reaches Fastly at %q", r.Backend.Name.Value, r.Address)},
		})
	}
	return nil, nil
}

// reportKey identifies a report so one statement is reported once.
type reportKey struct {
	s   *analyzer.Service
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
		var sw *analyzer.HostSet
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
			if !b.Address.Known() || !analyzer.IsIP(analyzer.NormalizeHost(b.Address.Value)) {
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
