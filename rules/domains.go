package rules

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
)

// DuplicateDomain reports a domain declared more than once.
var DuplicateDomain = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "duplicate-domain",
		Doc: `one domain is declared on two services (or twice on one)

Fastly routes a Host to exactly one service, and its API refuses to add a
domain that another service already has. Chains are resolved by domain, so
chainlint cannot tell which of the two services a backend reaches. Keep the
domain on one service only. Services of two Terraform root modules (two
states) are checked too, and the message says so: applied to one account,
the second apply fails; roots never applied together (alternatives, the
stages of a demo) are linted apart, or one is excluded in .chainlint.yaml.

Bad:

    {"services": [
      {"name": "www", "version": {"domains": [{"name": "www.example.com"}]}},
      {"name": "www-next", "version": {"domains": [{"name": "www.example.com"}]}}]}

Good:

    {"services": [
      {"name": "www", "version": {"domains": [{"name": "www.example.com"}]}},
      {"name": "www-next", "version": {"domains": [{"name": "next.example.com"}]}}]}`,
		Requires: chainRequires,
		Run:      runDuplicateDomain,
	},
}

func runDuplicateDomain(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	ix := analyzer.ChainsOf(pass).Domains
	// The chains' domain index holds every name, in declaration order;
	// first holds the few it leaves out (a name that normalises to
	// nothing, or "*.").
	var first map[string]*graph.Domain
	for _, s := range g.Services {
		for _, d := range s.Domains {
			if !d.Name.Known() || d.Name.Value == "" {
				continue
			}
			prev := ix.FirstDeclared(s, d)
			if prev == nil {
				key := graph.NormalizeHost(d.Name.Value)
				if s.Scope() != "" {
					key = s.Scope() + "\x00" + key // services of another scope never meet (graph.Service.Scope())
				}
				if prev = first[key]; prev == nil {
					if first == nil {
						first = map[string]*graph.Domain{}
					}
					first[key], prev = d, d
				}
			}
			if prev == d {
				continue
			}
			where := fmt.Sprintf("by service %q and by service %q", prev.Service.Label(), s.Label())
			what := "Fastly routes a Host to one service only, so remove it from one of them"
			switch {
			case prev.Service == s:
				where = fmt.Sprintf("twice by service %q", s.Label())
			case otherRoot(prev.Service, s):
				// Two Terraform states: a conflict only when both are
				// applied to one account, which chainlint cannot know.
				if prev.Service.Label() == s.Label() {
					where = fmt.Sprintf("by two services named %q", s.Label())
				}
				where += ", in two Terraform root modules"
				what = "applied to one account, the second apply fails (Fastly gives a domain to one service), so keep it on one; if the two roots are never applied together (alternatives, stages of a demo), lint them apart or exclude one in .chainlint.yaml"
			case prev.Service.Label() == s.Label():
				where = fmt.Sprintf("by two services named %q (is one file an old copy of the other?)", s.Label())
			}
			pass.Report(analysis.Diagnostic{
				Pos: d.Name.Pos, End: d.Name.End(),
				Message: fmt.Sprintf("domain %q is declared %s; %s", d.Name.Value, where, what),
				Related: []analysis.RelatedInformation{related(prev.Name.Pos, prev.Name.End(), "first declared here, by service %q", prev.Service.Label())},
			})
		}
	}
	return nil, nil
}

// otherRoot reports two services of two Terraform root modules.
func otherRoot(a, b *graph.Service) bool {
	return a.Terraform != nil && b.Terraform != nil && a.Terraform.Root != "" && b.Terraform.Root != "" && a.Terraform.Root != b.Terraform.Root
}
