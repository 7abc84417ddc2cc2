package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/graph"
)

// TestLazyFix: a lazy fix's edits are computed when first asked for, once,
// and resolved like given ones; a rule that does not require
// FixesAnalyzer gets them computed at once.
func TestLazyFix(t *testing.T) {
	g := graph.NewGraph()
	f := g.Files.Add("a.tf", []byte("abc\ndef\n"))
	calls := 0
	edit := func() []analysis.TextEdit {
		calls++
		return []analysis.TextEdit{{Pos: f.Pos(4), End: f.Pos(7), NewText: []byte("xyz")}}
	}
	rule := func(name string, requires ...*analysis.Analyzer) *Rule {
		return &Rule{Severity: SeverityWarning, Analyzer: &analysis.Analyzer{
			Name: name, Doc: name, Requires: append([]*analysis.Analyzer{VCLModelAnalyzer}, requires...),
			Run: func(pass *analysis.Pass) (any, error) {
				fix := LazyFix(pass, "set it", edit)
				pass.Report(analysis.Diagnostic{Pos: f.Pos(4), Message: name, SuggestedFixes: []analysis.SuggestedFix{fix}})
				// The same fix again, and a placeholder LazyFix never made.
				pass.Report(analysis.Diagnostic{Pos: f.Pos(5), Message: name, SuggestedFixes: []analysis.SuggestedFix{fix,
					{Message: "forged", TextEdits: []analysis.TextEdit{{NewText: []byte(lazyKey + "999")}}}}})
				return nil, nil
			},
		}}
	}
	res, err := Run(g, []*Rule{rule("lazy", FixesAnalyzer)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 0 {
		t.Fatalf("edits computed %d times before they were asked for", calls)
	}
	fx := res.Findings[0].Fixes
	if len(fx) != 1 || fx[0].Message != "set it" {
		t.Fatalf("fixes %+v, want one lazy fix", fx)
	}
	want := []Edit{{Pos: g.Files.Position(f.Pos(4)), End: g.Files.Position(f.Pos(7)), NewText: "xyz"}}
	for range 2 {
		if got := fx[0].Edits(); len(got) != 1 || got[0] != want[0] {
			t.Errorf("Edits() = %+v, want %+v", got, want)
		}
	}
	if calls != 1 {
		t.Errorf("edits computed %d times, want once", calls)
	}
	again := res.Findings[1].Fixes
	if len(again) != 2 || len(again[0].Edits()) != 1 || again[0].Edits()[0] != want[0] || len(again[1].Edits()) != 0 {
		t.Errorf("the fix reported twice, and a forged one: %v; want the same edits, and none", again)
	}
	calls = 0
	res, err = Run(g, []*Rule{rule("eager")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || len(res.Findings[0].Fixes[0].Edits()) != 1 {
		t.Errorf("without FixesAnalyzer: %d computations, fixes %+v; want the edits at once", calls, res.Findings[0].Fixes)
	}
}
