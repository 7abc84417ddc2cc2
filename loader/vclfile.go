package loader

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vclmodel"
)

// LoadFile parses a stand-alone .vcl file for its syntax. Which service it
// belongs to is not known from the file alone, so it contributes no facts;
// and whether it is a whole VCL file or a snippet's statements (which a
// Terraform file() call may read) is told from its first token.
func loadVCLFile(g *graph.Graph, name string, content []byte) {
	f := g.Files.Add(name, content)
	text := graph.Text{Field: graph.Field[string]{Value: string(content), Set: true}.At(f.Pos(0), f.Pos(len(content)))}
	if varnishVersion.Match(content) {
		// Varnish's own VCL (vcl 4.0; vcl 4.1;), which Fastly does not
		// run: a repository may hold both.
		g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: f.Pos(0), End: f.Pos(0),
			Message: "skipped: this .vcl file is Varnish VCL (it declares its vcl version, as Varnish 4 and later do), not Fastly's VCL, so chainlint does not check it"})
		return
	}
	if strings.HasSuffix(strings.ToLower(filepath.Base(name)), ".test.vcl") {
		// falco's unit tests (its docs/testing.md: the test runner finds
		// *.test.vcl files): testing.* and assert.* calls and describe
		// groups, which Fastly never runs.
		g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: f.Pos(0), End: f.Pos(0),
			Message: "skipped: this is a falco unit-test file (*.test.vcl, which falco's test runner reads and Fastly never runs), so chainlint does not check it as Fastly VCL"})
		return
	}
	parsed := vclmodel.Parse(g.Memo, content, "")
	if len(parsed.Errors) > 0 && templateSyntax(content) {
		// A Terraform template that nothing among the inputs renders (the
		// loader lints a rendered one where templatefile() uses it): its
		// ${…} and %{…} are not VCL errors, and the VCL between them
		// cannot be read without the template's values.
		g.Notes = append(g.Notes, graph.Problem{Rule: graph.RuleSkippedInput, Pos: f.Pos(0), End: f.Pos(0),
			Message: "skipped: this .vcl file is a template (Terraform's ${…} or %{…}, or ####NAME#### placeholders) and nothing among the inputs renders it; lint what renders it (Terraform's templatefile() is read as rendered)"})
		return
	}
	vclmodel.ReportErrors(g, text, parsed)
}

// templateSyntax reports Terraform template interpolations or
// directives, or ####NAME#### placeholders (which Fastly's Magento module,
// for one, replaces before uploading its snippets).
func templateSyntax(content []byte) bool {
	return bytes.Contains(content, []byte("${")) || bytes.Contains(content, []byte("%{")) || placeholder.Match(content)
}

var placeholder = regexp.MustCompile(`####[A-Z][A-Z0-9_]*####`)

// varnishVersion matches a file that starts (after comments and blank
// lines) with Varnish's version declaration, "vcl 4.1;".
var varnishVersion = regexp.MustCompile(`\A(?:\s+|#[^\n]*\n|//[^\n]*\n|/\*(?s:.*?)\*/)*vcl\s+\d+\.\d+\s*;`)
