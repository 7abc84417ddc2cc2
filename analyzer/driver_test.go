package analyzer

import (
	"cmp"
	"fmt"
	"go/token"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis"

	"github.com/chainlint/chainlint/graph"
)

func TestSortFindings(t *testing.T) {
	at := func(file string, line, col int) token.Position {
		return token.Position{Filename: file, Line: line, Column: col}
	}
	fs := []Finding{
		{Rule: "b", Message: "2", Pos: at("b.json", 1, 1)},
		{Rule: "b", Message: "1", Pos: at("a.json", 2, 1)},
		{Rule: "b", Message: "1", Pos: at("a.json", 1, 5)},
		{Rule: "a", Message: "1", Pos: at("a.json", 1, 5)},
		{Rule: "a", Message: "0", Pos: at("a.json", 1, 5), Service: "first"},
		{Rule: "a", Message: "0", Pos: at("a.json", 1, 5), Service: "second"}, // equal: stays after
		{Rule: "z", Message: "0", Pos: at("a.json", 1, 2)},
	}
	SortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Pos.String()+" "+f.Rule+" "+f.Message+" "+f.Service)
	}
	want := []string{
		"a.json:1:2 z 0 ",
		"a.json:1:5 a 0 first",
		"a.json:1:5 a 0 second",
		"a.json:1:5 a 1 ",
		"a.json:1:5 b 1 ",
		"a.json:2:1 b 1 ",
		"b.json:1:1 b 2 ",
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("SortFindings (-want +got):\n%s", diff)
	}
}

// TestSortFindingsPermutes: moving findings along the permutation's
// cycles gives what a stable sort of the findings themselves gives.
func TestSortFindingsPermutes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		fs := make([]Finding, r.IntN(60))
		for i := range fs {
			fs[i] = Finding{Rule: fmt.Sprint(r.IntN(3)), Message: fmt.Sprint(i), Pos: token.Position{Filename: fmt.Sprint(r.IntN(2)), Line: r.IntN(4)}}
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b Finding) int {
			return cmp.Or(strings.Compare(a.Pos.Filename, b.Pos.Filename), a.Pos.Line-b.Pos.Line, a.Pos.Column-b.Pos.Column,
				strings.Compare(a.Rule, b.Rule), strings.Compare(a.Message, b.Message))
		})
		SortFindings(fs)
		if diff := gocmp.Diff(want, fs); diff != "" {
			t.Fatalf("(-stable sort +SortFindings):\n%s", diff)
		}
	}
}

func TestValidate(t *testing.T) {
	if validID("Bad_Name") || validID("-x") || validID("a--b") || !validID("chain-loop") {
		t.Error("validID")
	}
}

// TestFindingURL: a finding carries its rule's page (for the run's
// version), or the URL its diagnostic names; and the VCL model runs
// before the rules, even when no rule is active.
func TestFindingURL(t *testing.T) {
	g := graph.NewGraph()
	f := g.Files.Add("a.json", []byte("{}\n"))
	rule := &Rule{Severity: SeverityWarning, Analyzer: &analysis.Analyzer{
		Name: "some-rule", Doc: "some rule", Requires: []*analysis.Analyzer{VCLModelAnalyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			if !GraphOf(pass).VCLModelled {
				t.Error("the rule ran before the VCL model")
			}
			pass.Report(analysis.Diagnostic{Pos: f.Pos(0), Message: "own page"})
			pass.Report(analysis.Diagnostic{Pos: f.Pos(1), Message: "other page", URL: "https://example.com/why"})
			return nil, nil
		},
	}}
	res, err := Run(g, []*Rule{rule}, &Config{Profile: ProfileCurrent, Version: "1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Message+" "+f.URL)
	}
	want := []string{
		"own page https://github.com/chainlint/chainlint/blob/v1.2.3/docs/rules/some-rule.md",
		"other page https://example.com/why",
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("URLs (-want +got):\n%s", diff)
	}
	g2 := graph.NewGraph()
	if _, err := Run(g2, nil, nil); err != nil || !g2.VCLModelled {
		t.Errorf("with no rule: err %v, modelled %v; want the model run", err, g2.VCLModelled)
	}
}

// TestHelpersDoNotWaitForRules: a helper pass (one no rule owns) runs
// as soon as what it requires is done, without waiting for a rule's turn
// to end. With one turn at a time, a rule that holds its turn until a
// helper's result exists would otherwise wait for itself: here rule r
// holds it until helper h has run, and h requires helper h0, which
// starts only once r has.
func TestHelpersDoNotWaitForRules(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	rStarted, hDone := make(chan struct{}), make(chan struct{})
	h0 := &analysis.Analyzer{Name: "h0", Doc: "helper", Run: func(*analysis.Pass) (any, error) {
		<-rStarted
		return nil, nil
	}}
	h := &analysis.Analyzer{Name: "h", Doc: "helper", Requires: []*analysis.Analyzer{h0}, Run: func(*analysis.Pass) (any, error) {
		close(hDone)
		return nil, nil
	}}
	r := &Rule{Severity: SeverityWarning, Analyzer: &analysis.Analyzer{Name: "r", Doc: "rule", Run: func(*analysis.Pass) (any, error) {
		close(rStarted)
		<-hDone
		return nil, nil
	}}}
	after := &Rule{Severity: SeverityWarning, Analyzer: &analysis.Analyzer{Name: "after-h", Doc: "rule", Requires: []*analysis.Analyzer{h},
		Run: func(*analysis.Pass) (any, error) { return nil, nil }}}
	done := make(chan error, 1)
	go func() {
		_, err := Run(graph.NewGraph(), []*Rule{r, after}, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the analysis did not end: a helper waited for a rule's turn")
	}
}
