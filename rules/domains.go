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
domain on one service only.

Bad:

    {"services": [
      {"name": "www", "version": {"domains": [{"name": "www.example.com"}]}},
      {"name": "www-next", "version": {"domains": [{"name": "www.example.com"}]}}]}

Good:

    {"services": [
      {"name": "www", "version": {"domains": [{"name": "www.example.com"}]}},
      {"name": "www-next", "version": {"domains": [{"name": "next.example.com"}]}}]}`,
		Requires: graphRequires,
		Run:      runDuplicateDomain,
	},
}

func runDuplicateDomain(pass *analysis.Pass) (any, error) {
	g := analyzer.GraphOf(pass)
	n := 0
	for _, s := range g.Services {
		n += len(s.Domains)
	}
	first := make(map[string]*graph.Domain, n)
	for _, s := range g.Services {
		for _, d := range s.Domains {
			if !d.Name.Known() || d.Name.Value == "" {
				continue
			}
			key := graph.NormalizeHost(d.Name.Value)
			if s.Scope() != "" {
				key = s.Scope() + "\x00" + key // services of another scope never meet (graph.Service.Scope())
			}
			prev, dup := first[key]
			if !dup {
				first[key] = d
				continue
			}
			where := fmt.Sprintf("by service %q and by service %q", prev.Service.Label(), s.Label())
			switch {
			case prev.Service == s:
				where = fmt.Sprintf("twice by service %q", s.Label())
			case prev.Service.Label() == s.Label():
				where = fmt.Sprintf("by two services named %q (is one file an old copy of the other?)", s.Label())
			}
			pass.Report(analysis.Diagnostic{
				Pos: d.Name.Pos, End: d.Name.End(),
				Message: fmt.Sprintf("domain %q is declared %s; Fastly routes a Host to one service only, so remove it from one of them", d.Name.Value, where),
				Related: []analysis.RelatedInformation{related(prev.Name.Pos, prev.Name.End(), "first declared here, by service %q", prev.Service.Label())},
			})
		}
	}
	return nil, nil
}
