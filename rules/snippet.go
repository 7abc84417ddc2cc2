package rules

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
)

// SnippetNotRendered reports snippets that custom VCL never renders.
var SnippetNotRendered = &analyzer.Rule{
	Severity: analyzer.SeverityWarning,
	Analyzer: &analysis.Analyzer{
		Name: "snippet-not-rendered",
		Doc: `a snippet's subroutine has no #FASTLY macro in the custom VCL, so the snippet never runs

Fastly inserts a snippet of type recv, miss, pass, … where the custom VCL's
subroutine has its macro ("#FASTLY recv" in sub vcl_recv, and so on). Custom
VCL without that macro, or without the subroutine at all, renders none of
that type's snippets (nor Fastly's generated code for the subroutine):
whatever the snippet sets, a Host header for a chained service included,
never happens, and chainlint's request-flow model runs without it. Add the
macro to the subroutine, or include the snippet by hand with
include "snippet::NAME"; (chainlint then does not model where it runs).
Source: Fastly's custom VCL guide (the boilerplate's macros) and VCL
snippets guide.

Bad:

    sub vcl_miss {
      return(fetch);
    }

Good:

    sub vcl_miss {
    #FASTLY miss
      return(fetch);
    }`,
		Requires: graphRequires,
		Run:      runSnippetNotRendered,
	},
}

func runSnippetNotRendered(pass *analysis.Pass) (any, error) {
	for _, s := range analyzer.GraphOf(pass).Services {
		if s.VCL == nil {
			continue
		}
		for _, sn := range s.VCL.Unrendered() {
			typ := strings.ToLower(sn.Type.Value)
			pos, end := at(sn.Name, sn.Span)
			lacks := fmt.Sprintf("the custom VCL's sub vcl_%s has no \"#FASTLY %s\" line", typ, typ)
			add := fmt.Sprintf("add \"#FASTLY %s\" to sub vcl_%s", typ, typ)
			if slices.Contains(s.VCL.MissingSubs(), typ) {
				lacks = fmt.Sprintf("the custom VCL defines no sub vcl_%s (and so no \"#FASTLY %s\" line)", typ, typ)
				add = fmt.Sprintf("add sub vcl_%s with a \"#FASTLY %s\" line", typ, typ)
			}
			pass.Report(analysis.Diagnostic{Pos: pos, End: end,
				Message: fmt.Sprintf("snippet %q of service %q never runs: %s, so Fastly renders no %s snippet; %s (or include the snippet with include \"snippet::%s\";)",
					sn.Name.Value, s.Label(), lacks, typ, add, sn.Name.Value)})
		}
	}
	return nil, nil
}
