package rules

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/vclmodel"
)

// ChainLoop reports loops in the service graph.
var ChainLoop = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "chain-loop",
		Doc: `services chain to each other in a loop

A request that leaves service A for B, and from B (perhaps through others)
reaches A again, goes round until Fastly's loop detection stops it with
"503 Loop detected". The loop is reported once, at the first service on it,
with every step: which backend, which Host. A service whose backend sends an
explicit Host override naming its own domain is a loop of one. (A backend
that merely forgets the override is missing-host-override's finding.)
Break the loop: one of the services must send its requests to an origin.

Bad:

    {"services": [
      {"name": "a", "version": {"domains": [{"name": "a.example.com"}],
        "backends": [{"name": "to-b", "address": "b.example.com", "override_host": "b.example.com"}]}},
      {"name": "b", "version": {"domains": [{"name": "b.example.com"}],
        "backends": [{"name": "to-a", "address": "a.example.com", "override_host": "a.example.com"}]}}]}

Good:

    {"services": [
      {"name": "a", "version": {"domains": [{"name": "a.example.com"}],
        "backends": [{"name": "to-b", "address": "b.example.com", "override_host": "b.example.com"}]}},
      {"name": "b", "version": {"domains": [{"name": "b.example.com"}],
        "backends": [{"name": "origin", "address": "origin.example.com"}]}}]}`,
		Requires: chainRequires,
		Run:      runChainLoop,
	},
}

func runChainLoop(pass *analysis.Pass) (any, error) {
	chains := analyzer.ChainsOf(pass)
	reported := map[int]bool{}
	// Services are in position order, so each loop is reported at its
	// first service in the inputs, whatever the load order was.
	for _, s := range chains.Graph.Services {
		if !chains.HasCycle(s) || reported[chains.Component(s)] {
			continue
		}
		reported[chains.Component(s)] = true
		cycle := chains.Cycle(s)
		if len(cycle) == 0 {
			continue
		}
		first := cycle[0]
		pos, end := at(first.Backend.OverrideHost, first.Backend.Span)
		switch {
		case first.ViaShield:
			pos, end = first.HostPos, first.HostEnd() // the Host switch under req.backend.is_shield
		case first.HostSource != vclmodel.HostOverride:
			pos, end = addressPos(first.Backend)
		}
		d := analysis.Diagnostic{Pos: pos, End: end}
		if len(cycle) == 1 {
			d.Message = fmt.Sprintf("loop: backend %q of service %q sends Host %q, a domain of %q itself, so every request it forwards comes back to it: 503 Loop detected; point the Host at another service or at an origin",
				first.Backend.Name.Value, s.Label(), first.Host, s.Label())
		} else {
			d.Message = fmt.Sprintf("loop: %s; every request on it comes back until Fastly answers 503 Loop detected; send one of these backends to an origin",
				pathText(cycle, s))
			if n := chains.ComponentSize(s); n > len(cycle) {
				d.Message += fmt.Sprintf(" (%d services take part in loops here)", n)
			}
			for _, r := range cycle[1:min(len(cycle), maxRelated+1)] {
				p, e := at(r.Backend.OverrideHost, r.Backend.Span)
				if r.ViaShield {
					p, e = r.HostPos, r.HostEnd()
				}
				d.Related = append(d.Related, related(p, e, "backend %q of service %q sends Host %q, reaching %q", r.Backend.Name.Value, r.From().Label(), r.Host, r.To.Label()))
			}
		}
		pass.Report(d)
	}
	return nil, nil
}
