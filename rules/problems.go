package rules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/analyzer"
)

// ParseError reports inputs that could not be read or parsed.
var ParseError = &analyzer.Rule{
	Severity: analyzer.SeverityError,
	Analyzer: &analysis.Analyzer{
		Name: "parse-error",
		Doc: `an input could not be read or parsed

A file that looks like a Fastly export but is not valid JSON or YAML, a
value of the wrong type (a string where the export has an array), or a file
that cannot be read. The rest of the inputs are still analysed, but the
result is incomplete: chainlint exits with status 3, never 0.

Bad:

    {"services": [{"name": "www", "version": {"domains": "www.example.com"}}]}

Good:

    {"services": [{"name": "www", "version": {"domains": [{"name": "www.example.com"}]}}]}`,
		Requires: graphRequires,
		Run:      problemReporter("parse-error"),
	},
}

// problemReporter reports the graph's load problems of one kind.
func problemReporter(kind string) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		for _, p := range analyzer.GraphOf(pass).Problems {
			if p.Rule == kind {
				pass.Report(analysis.Diagnostic{Pos: p.Pos, End: p.End, Message: p.Message})
			}
		}
		return nil, nil
	}
}
