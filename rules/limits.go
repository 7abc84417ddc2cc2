package rules

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/english"
	"github.com/chainlint/chainlint/routes"
)

// TooManyHops reports request paths over the profile's hop limit.
var TooManyHops = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "too-many-hops",
		Doc: `a request path through the chain can exceed Fastly's hop limit

Fastly counts a hop each time a cache server starts processing a request
for a service, and stops a request that has taken too many with "503 Loop
detected". chainlint's hop model: a VCL service costs 2 hops (edge and
clustering), 4 when the backend it forwards over has shield set (shield and
shield clustering too); a Compute service costs 1. The limits come from
--profile: "current" (default, Fastly's newer guide) allows 20 hops on any
path; "legacy" (the older guide) counts per platform, 11 VCL hops and 5
Compute hops. The finding is at the first backend of the longest path, and
lists the path with each service's hops. Shorten the chain or shield on
only one service. A path this long usually passes through more than two
services too (long-chain), and shielding on several of its services
(multiple-shields) is what most often adds the hops.

Bad:

    six VCL services chained a → b → c → d → e → f, each backend shielding:
    6 × 4 = 24 hops

Good:

    the same chain with shield set on the last service only:
    5 × 2 + 4 = 14 hops`,
		Requires: chainRequires,
		Run:      runLimit(hopsMeasure),
	},
}

// TooManyServices reports request paths through too many services.
var TooManyServices = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "too-many-services",
		Doc: `a request path through the chain visits more services than Fastly allows

Besides hops, Fastly's loop detection limits the unique services one
request may pass through: 6 with --profile current (default); 3 VCL and 3
Compute services with --profile legacy. Paths inside loops are chain-loop's
finding and are not counted here. Merge services or shorten the chain.
Such a path is also a long-chain finding: more than two services.

Bad:

    seven services chained a → b → c → d → e → f → g

Good:

    a → b → c, with d … g's logic moved into c`,
		Requires: chainRequires,
		Run:      runLimit(servicesMeasure),
	},
}

// measure is what a limit rule counts.
type measure struct {
	unit  string // "hop"
	limit func(analyzer.Limit) int
	cost  func(analyzer.Limit, *graph.Service, *routes.Route) int
	// step renders a service's share of a path.
	step bool
}

var hopsMeasure = measure{
	unit:  "hop",
	limit: func(l analyzer.Limit) int { return l.Hops },
	cost:  analyzer.LimitCost,
	step:  true,
}

var servicesMeasure = measure{
	unit:  "service",
	limit: func(l analyzer.Limit) int { return l.Services },
	cost:  func(l analyzer.Limit, s *graph.Service, _ *routes.Route) int { return analyzer.LimitServices(l, s) },
}

func runLimit(m measure) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		chains := analyzer.ChainsOf(pass)
		profile := analyzer.ConfigOf(pass).Profile
		for _, l := range profile.Limits {
			limit := m.limit(l)
			cost := func(s *graph.Service, r *routes.Route) int { return m.cost(l, s, r) }
			best, next := chains.PathMax(cost)
			for _, s := range chains.Graph.Services {
				i := chains.Index(s)
				if best[i] <= limit || coveredByPredecessor(chains, s, best, cost) {
					continue
				}
				reportLimit(pass, chains, m, l, profile, s, best[i], next, cost)
			}
		}
		return nil, nil
	}
}

// coveredByPredecessor reports whether some service before s on a chain
// already exceeds the limit through s's worst path, so the finding at that
// earlier service covers s.
func coveredByPredecessor(c *routes.Chains, s *graph.Service, best []int, cost func(*graph.Service, *routes.Route) int) bool {
	for _, r := range c.DAGIn(s) {
		if cost(r.From(), r)+best[c.Index(s)] == best[c.Index(r.From())] {
			return true
		}
	}
	return false
}

func reportLimit(pass *analysis.Pass, c *routes.Chains, m measure, l analyzer.Limit, profile analyzer.Profile, s *graph.Service, total int, next []*routes.Route, cost func(*graph.Service, *routes.Route) int) {
	path := c.Path(s, next)
	last := s
	if len(path) > 0 {
		last = path[len(path)-1].To
	}
	var steps string
	if m.step {
		parts := make([]string, 0, len(path)+1)
		for _, r := range path {
			parts = append(parts, fmt.Sprintf("%s (backend %q, %d)", r.From().Label(), r.Backend.Name.Value, cost(r.From(), r)))
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", last.Label(), total-sumCost(path, cost)))
		steps = joinElided(parts)
	} else {
		steps = pathText(path, last)
	}
	scope := ""
	if l.Name != "all" {
		scope = l.Name + " "
	}
	pos, end := s.Pos, s.Pos
	if len(path) > 0 {
		pos, end = addressPos(path[0].Backend)
	} else if len(s.Backends) > 0 {
		pos, end = addressPos(s.Backends[0])
	}
	d := analysis.Diagnostic{
		Pos: pos, End: end,
		Message: fmt.Sprintf("a request entering service %q can count %s before it leaves for an origin, over the limit of %d (profile %s): %s; Fastly stops it with 503 Loop detected",
			s.Label(), english.Plural(total, scope+m.unit), m.limit(l), profile.Name, steps),
	}
	for _, r := range path[min(1, len(path)):min(len(path), maxRelated+1)] {
		p, e := addressPos(r.Backend)
		d.Related = append(d.Related, related(p, e, "then backend %q of service %q", r.Backend.Name.Value, r.From().Label()))
	}
	pass.Report(d)
}

func sumCost(path []*routes.Route, cost func(*graph.Service, *routes.Route) int) int {
	n := 0
	for _, r := range path {
		n += cost(r.From(), r)
	}
	return n
}

// LongChain reports chains of more than two services.
var LongChain = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: "long-chain",
		Doc: `a request path passes through more than two services

Fastly's chaining guide calls a third service rare: every service adds
hops, latency and a cache to purge, and the only three-service shape it
encourages is the VCL → Compute → VCL sandwich. Paths of three services of
any other shape, and of four or more, are reported once, at the service
where they start.

Bad:

    VCL a → VCL b → VCL c

Good:

    VCL a → Compute b → VCL c   (the sandwich), or a → c`,
		Requires: chainRequires,
		Run:      runLongChain,
	},
}

func runLongChain(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	services := c.Graph.Services
	best, next := c.PathMax(func(*graph.Service, *routes.Route) int { return 1 })
	// For each service: does it forward to a service that forwards on, and
	// to one that forwards to a non-VCL service?
	n := len(services)
	hasSucc := make([]bool, n)
	hasNonVCLSucc := make([]bool, n)
	dagOut := make([][]*routes.Route, n)
	hasPred := make([]bool, n)
	for _, r := range c.Routes {
		if !c.IsDAGEdge(r) {
			continue
		}
		i := c.Index(r.From())
		dagOut[i] = append(dagOut[i], r)
		hasSucc[i] = true
		hasPred[c.Index(r.To)] = true
		if r.To.Platform != graph.PlatformVCL {
			hasNonVCLSucc[i] = true
		}
	}
	for i, s := range services {
		if hasPred[i] || best[i] < 3 {
			continue
		}
		var path []*routes.Route
		if best[i] >= 4 || s.Platform != graph.PlatformVCL {
			path = c.Path(s, next)
		} else {
			// Exactly three services at most: report unless every
			// three-service path is VCL → Compute → VCL.
			for _, r := range dagOut[i] {
				t := c.Index(r.To)
				if !hasSucc[t] {
					continue
				}
				if r.To.Platform != graph.PlatformCompute {
					path = []*routes.Route{r, dagOut[t][0]}
					break
				}
				if hasNonVCLSucc[t] {
					for _, r2 := range dagOut[t] {
						if r2.To.Platform != graph.PlatformVCL {
							path = []*routes.Route{r, r2}
							break
						}
					}
					break
				}
			}
		}
		if len(path) == 0 {
			continue
		}
		pos, end := addressPos(path[0].Backend)
		pass.Report(analysis.Diagnostic{
			Pos: pos, End: end,
			Message: fmt.Sprintf("a request entering service %q passes through %d services: %s; Fastly advises chaining at most two (a VCL → Compute → VCL sandwich excepted), since each adds hops, latency and a cache to purge",
				s.Label(), len(path)+1, pathText(path, path[len(path)-1].To)),
		})
	}
	return nil, nil
}
