package rules

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/graph"
)

// OverwrittenBackend reports a backend selection in vcl_recv that no path
// keeps: Fastly's generated default conditions, rendered after the recv
// snippets, set req.backend again.
var OverwrittenBackend = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "overwritten-backend",
		Doc: `a backend selection in vcl_recv never takes effect

Fastly renders the recv snippets at #FASTLY recv before the VCL it
generates from the API objects, and that VCL starts with the default
conditions: set req.backend to the backend without a request condition.
So a snippet (or custom VCL before the macro) that sets req.backend is
overwritten on every path, and its requests go to the default backend,
unless every backend has a request condition. Fastly support's fix is a
request condition that never holds (such as !req.url) on the backends a
snippet selects, or selecting the backend in custom VCL after #FASTLY
recv. The rule runs the service's VCL (the request-flow model) and
reports a selection whose backend no path leaves by.

Bad:

    backends: origin, api (no request conditions)
    recv snippet: if (req.url ~ "^/api/") { set req.backend = F_api; }

Good:

    backends: origin, api (request_condition "never": !req.url)
    recv snippet: if (req.url ~ "^/api/") { set req.backend = F_api; }`,
		Requires: chainRequires,
		Run:      runOverwrittenBackend,
	},
}

func runOverwrittenBackend(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if s.Platform != graph.PlatformVCL || s.VCL == nil || len(s.VCL.Exits) == 0 || s.VCL.ExitsMerged {
			continue
		}
		left := map[string]bool{}
		for _, e := range s.VCL.Exits {
			if e.Backend == "" {
				left = nil // some path leaves the choice open: nothing to judge
				break
			}
			left[e.Backend] = true
		}
		if left == nil {
			continue
		}
		reported := map[string]bool{}
		for _, sel := range s.VCL.BackendSelects {
			if sel.Sub != "vcl_recv" || left[sel.Backend] || reported[sel.Backend] || !declared(s, sel.Backend) {
				continue
			}
			reported[sel.Backend] = true
			var now []string
			for b := range left {
				now = append(now, b)
			}
			pass.Report(analysis.Diagnostic{
				Pos: sel.Pos, End: sel.End,
				Message: fmt.Sprintf("service %q sets req.backend = %s here, but no request leaves by %s: Fastly's generated default conditions run after the recv snippets and set req.backend again (they leave by %s); give every backend a request condition (one that never holds, such as !req.url, on those a snippet selects), or select the backend in custom VCL after #FASTLY recv",
					s.Label(), sel.Backend, sel.Backend, joinSorted(now)),
			})
		}
	}
	return nil, nil
}

// declared reports a backend of the service by its VCL name.
func declared(s *graph.Service, vclName string) bool {
	for _, b := range s.Backends {
		if b.VCLName() == vclName {
			return true
		}
	}
	return false
}

// joinSorted lists names in order, comma-separated.
func joinSorted(names []string) string {
	slices.Sort(names)
	return strings.Join(names, ", ")
}
