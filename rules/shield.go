package rules

import (
	"bufio"
	_ "embed"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/textdist"
	"github.com/chainlint/chainlint/routes"
)

// shieldPOPList is Fastly's shield location codes as collected in
// ../shared/facts (see the file's header for its sources).
//
//go:embed data/shield-pops.txt
var shieldPOPList string

// KnownShieldPOPs returns the built-in shield codes, sorted.
func KnownShieldPOPs() []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(shieldPOPList))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, _, _ := strings.Cut(line, "\t")
		out = append(out, strings.TrimSpace(code))
	}
	sort.Strings(out)
	return out
}

func shielded(b *graph.Backend) bool {
	return b.Shield.Known() && strings.TrimSpace(b.Shield.Value) != ""
}

// downstreamShield is a shield setting on the paths that leave a service
// and the first route toward it (nil when it is the service's own).
type downstreamShield struct {
	backend *graph.Backend
	first   *routes.Route
}

// shieldSet is the shields on the paths that leave a service, one per POP
// code, sorted by code (a service has a few at most: a slice, where a map
// per service cost the 8,000-service estate a fifth of its rules' time).
type shieldSet []codeShield

type codeShield struct {
	code string
	downstreamShield
}

func (set shieldSet) get(code string) (downstreamShield, bool) {
	for _, c := range set {
		if c.code == code {
			return c.downstreamShield, true
		}
	}
	return downstreamShield{}, false
}

// add adds code's shield unless the set has one for code.
func (set shieldSet) add(code string, d downstreamShield) shieldSet {
	i, found := slices.BinarySearchFunc(set, code, func(c codeShield, code string) int { return strings.Compare(c.code, code) })
	if found {
		return set
	}
	return slices.Insert(set, i, codeShield{code, d})
}

// shieldFlow computes, for every service, the shields on the paths that
// leave it (its own backends', and those further down each route, per POP
// code with a witness), and whether a request reaching it has crossed a
// shield already: whether some route into it, or before it, leaves by a
// shielded backend. Shielding is per backend: only the backend a chain
// path takes counts, not another backend of the same service. Linear in
// services + routes × POP codes in use.
func shieldFlow(c *routes.Chains) (from map[*graph.Service]shieldSet, upShield map[*graph.Service]bool) {
	order := c.SuccessorsFirst()
	// Only services a shielded path runs from, or a shield is before,
	// have entries: most estates shield few backends.
	from, upShield = map[*graph.Service]shieldSet{}, map[*graph.Service]bool{}
	for _, s := range order {
		var set shieldSet // nil while no path from s shields
		for _, b := range s.Backends {
			if shielded(b) {
				set = set.add(shieldCode(b), downstreamShield{backend: b})
			}
		}
		for _, r := range c.DAGOut(s) {
			for _, w := range from[r.To] {
				set = set.add(w.code, downstreamShield{backend: w.backend, first: r})
			}
		}
		if set != nil {
			from[s] = set
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		s := order[i]
		for _, r := range c.DAGOut(s) {
			if shielded(r.Backend) || upShield[s] {
				upShield[r.To] = true
			}
		}
	}
	return from, upShield
}

// shieldCode is a shielded backend's POP code, normalised.
func shieldCode(b *graph.Backend) string {
	return strings.ToLower(strings.TrimSpace(b.Shield.Value))
}

// shieldPath renders the chain from route r to the witness of a
// downstream code.
func shieldPath(r *routes.Route, code string, from map[*graph.Service]shieldSet) string {
	path := []*routes.Route{r}
	for cur := r.To; len(path) < 64; {
		w, ok := from[cur].get(code)
		if !ok || w.first == nil {
			break
		}
		path = append(path, w.first)
		cur = w.first.To
	}
	return pathText(path, path[len(path)-1].To)
}

// shieldedRoutes are the routes leaving s by a shielded backend, in a
// stable order.
func shieldedRoutes(c *routes.Chains, s *graph.Service) []*routes.Route {
	var out []*routes.Route
	for _, r := range c.DAGOut(s) {
		if shielded(r.Backend) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Backend.Pos < out[j].Backend.Pos })
	return out
}

// ShieldPOPMismatch reports chains that shield at different POPs.
var ShieldPOPMismatch = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "shield-pop-mismatch",
		Doc: `two services on one chain shield at different POPs

Fastly's guide: enable shielding on only one service of a chain, and if
several shield, they must all use the same shield POP. Otherwise a request
can cross three or more POPs (the edge, one shield, the other shield),
seen as three POP IDs in X-Served-By. Shielding is per backend: only the
shield of the backend a chain path takes counts, not another backend of
the same service. The finding is at the first service's shield setting
and points at the other one.

Bad:

    www:     backend "chained" shield = "amsterdam-nl"
    chained: backend "origin"  shield = "iad-va-us"

Good:

    www:     backend "chained" (no shield)
    chained: backend "origin"  shield = "iad-va-us"`,
		Requires: append([]*analysis.Analyzer{shieldsPass}, chainRequires...),
		Run:      runShieldPOPMismatch,
	},
}

// shieldsPass computes shieldFlow once for the rules that need it.
var shieldsPass = &analysis.Analyzer{
	Name:       "shields",
	Doc:        "shields finds the shields on the paths that leave every service and whether a request reaching it has crossed a shield",
	Requires:   chainRequires,
	ResultType: reflect.TypeOf((*shields)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		sh := &shields{}
		sh.from, sh.upShield = shieldFlow(analyzer.ChainsOf(pass))
		return sh, nil
	},
}

type shields struct {
	from     map[*graph.Service]shieldSet
	upShield map[*graph.Service]bool
}

func shieldsOf(pass *analysis.Pass) (map[*graph.Service]shieldSet, map[*graph.Service]bool) {
	sh := pass.ResultOf[shieldsPass].(*shields)
	return sh.from, sh.upShield
}

func runShieldPOPMismatch(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	from, upShield := shieldsOf(pass)
	for _, s := range c.Graph.Services {
		if upShield[s] {
			continue // reported where the chain's first shield is
		}
	routes:
		for _, r := range shieldedRoutes(c, s) {
			b, code := r.Backend, shieldCode(r.Backend)
			for _, o := range from[r.To] { // sorted by code
				other := o.code
				if other == code {
					continue
				}
				w := o.backend
				pos, end := at(b.Shield, b.Span)
				pass.Report(analysis.Diagnostic{
					Pos: pos, End: end,
					Message: fmt.Sprintf("service %q shields at %s (backend %q) but %q further down the chain shields at %s (%s): a request can cross three POPs; shield on one service only, or use the same POP on both",
						s.Label(), code, b.Name.Value, w.Service.Label(), other, shieldPath(r, other, from)),
					Related: []analysis.RelatedInformation{related(w.Shield.Pos, w.Shield.End(), "service %q shields at %s here", w.Service.Label(), other)},
				})
				break routes // one finding per service
			}
		}
	}
	return nil, nil
}

// MultipleShields reports chains where more than one service shields.
var MultipleShields = &analyzer.Rule{
	Severity: analyzer.SeverityInfo,
	Analyzer: &analysis.Analyzer{
		Name: "multiple-shields",
		Doc: `more than one service on a chain shields, even at one POP

Fastly's guide recommends shielding on only one service of a chain:
chain-first (the last service shields) or shield-first (the first one
does). Two services shielding at the same POP do no harm to routing but
add hops and a second shield cache to purge. Only the backends a chain
path takes count. (Different POPs are shield-pop-mismatch's finding.)

Bad:

    www:     backend "chained" shield = "iad-va-us"
    chained: backend "origin"  shield = "iad-va-us"

Good:

    www:     backend "chained"
    chained: backend "origin"  shield = "iad-va-us"`,
		Requires: append([]*analysis.Analyzer{shieldsPass}, chainRequires...),
		Run:      runMultipleShields,
	},
}

func runMultipleShields(pass *analysis.Pass) (any, error) {
	c := analyzer.ChainsOf(pass)
	from, upShield := shieldsOf(pass)
	for _, s := range c.Graph.Services {
		if upShield[s] {
			continue
		}
		for _, r := range shieldedRoutes(c, s) {
			b, code := r.Backend, shieldCode(r.Backend)
			w, same := from[r.To].get(code)
			if !same || len(from[r.To]) != 1 {
				continue // nothing further shields, or another POP too: shield-pop-mismatch
			}
			pos, end := at(b.Shield, b.Span)
			pass.Report(analysis.Diagnostic{
				Pos: pos, End: end,
				Message: fmt.Sprintf("service %q and %q further down the chain both shield (at %s): %s; shield on one service of a chain only", s.Label(), w.backend.Service.Label(), code, shieldPath(r, code, from)),
				Related: []analysis.RelatedInformation{related(w.backend.Shield.Pos, w.backend.Shield.End(), "service %q shields here too", w.backend.Service.Label())},
			})
			break
		}
	}
	return nil, nil
}

// UnknownShieldPOP reports shield values that are not shield codes.
var UnknownShieldPOP = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "unknown-shield-pop",
		Doc: `a backend's shield is not a known Fastly shield location code

The shield field takes a shield location code such as "iad-va-us" or
"amsterdam-nl", not a POP's three-letter name or a city. chainlint's list
comes from Fastly's public material and cannot be complete, since POPs come
and go: the finding is a warning with the closest known code, and a code
that is right but new belongs under shield-pops in .chainlint.yaml.

Bad:

    "backends": [{"name": "origin", "address": "origin.example.com", "shield": "amsterdam"}]

Good:

    "backends": [{"name": "origin", "address": "origin.example.com", "shield": "amsterdam-nl"}]`,
		Requires: chainRequires,
		Run:      runUnknownShieldPOP,
	},
}

func runUnknownShieldPOP(pass *analysis.Pass) (any, error) {
	known := KnownShieldPOPs()
	set := map[string]bool{}
	for _, c := range append(known, analyzer.ConfigOf(pass).ShieldPOPs...) {
		set[strings.ToLower(c)] = true
	}
	for _, s := range analyzer.GraphOf(pass).Services {
		for _, b := range s.Backends {
			if !shielded(b) {
				continue
			}
			code := strings.ToLower(strings.TrimSpace(b.Shield.Value))
			if set[code] {
				continue
			}
			msg := fmt.Sprintf("backend %q of service %q shields at %q, which is not a shield location code chainlint knows", b.Name.Value, s.Label(), b.Shield.Value)
			if best := closest(code, known); best != "" {
				msg += fmt.Sprintf("; did you mean %q?", best)
			}
			msg += " (if the code is right and new, add it under shield-pops in .chainlint.yaml)"
			pos, end := at(b.Shield, b.Span)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
		}
	}
	return nil, nil
}

// closest returns the known code nearest to s, or "" when none is close:
// a prefix or contained match first ("amsterdam" → "amsterdam-nl"), then
// the smallest edit distance.
func closest(s string, known []string) string {
	for _, k := range known {
		if strings.HasPrefix(k, s) || strings.Contains(k, s) && len(s) >= 3 {
			return k
		}
	}
	best, _ := textdist.Closest(s, known, max(3, len(s)/3))
	return best
}

// ComputeShield reports shield settings on Compute services' backends.
var ComputeShield = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "compute-shield",
		Doc: `a Compute service's backend sets shield, which Compute does not honour

Fastly's chaining guides: Compute does not shield through the backend's
shield field. To shield a Compute service, chain it with a VCL service that
shields (Compute first and VCL second is chain-first; VCL first,
shield-first). Newer Compute SDKs can route through a shield from code,
which a configuration linter cannot see: this finding is only about the
configuration field.

Bad:

    {"name": "api", "type": "wasm", "version": {"backends": [
      {"name": "origin", "address": "origin.example.com", "shield": "iad-va-us"}]}}

Good:

    {"name": "api", "type": "wasm", "version": {"backends": [
      {"name": "cache", "address": "cache.example.com", "override_host": "cache.example.com"}]}}
    (cache.example.com is a VCL service whose origin backend shields)`,
		Requires: graphRequires,
		Run:      runComputeShield,
	},
}

func runComputeShield(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if s.Platform != graph.PlatformCompute {
			continue
		}
		for _, b := range s.Backends {
			if !shielded(b) {
				continue
			}
			pos, end := at(b.Shield, b.Span)
			pass.Report(analysis.Diagnostic{
				Pos: pos, End: end,
				Message: fmt.Sprintf("backend %q of Compute service %q sets shield %q, but Compute does not shield through this field; chain to a VCL service that shields instead (shielding from code with the SDK's shield API is not visible in configuration)",
					b.Name.Value, s.Label(), b.Shield.Value),
			})
		}
	}
	return nil, nil
}
