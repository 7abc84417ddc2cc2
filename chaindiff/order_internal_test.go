package chaindiff

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/lint"
)

// TestOrderIsChecked: the proposed order of order-new-target (the new
// target first) passes every intermediate state; the reverse (www first,
// sending Host new.example.com before any service answers it) fails at
// its first step, and so does every order of order-domain-move (a domain
// moving between services leaves a step where no service, or two,
// answer it).
func TestOrderIsChecked(t *testing.T) {
	load := func(dir string) *lint.Result {
		abs, _ := filepath.Abs(dir)
		res, err := lint.Run(lint.Options{Paths: []string{abs}})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	b, h := load("testdata/order-new-target/base"), load("testdata/order-new-target/head")
	bc, hc := b.Chains(), h.Chains()
	pairs := match(bc.Graph.Services, hc.Graph.Services)
	if p := firstProblem([]string{"new", "www"}, pairs, bc, hc); p != "" {
		t.Errorf("the right order fails: %s", p)
	}
	if p := firstProblem([]string{"www", "new"}, pairs, bc, hc); !strings.Contains(p, "after step 1 (www)") || !strings.Contains(p, "no service answers") {
		t.Errorf("the reverse order passes or fails elsewhere: %q", p)
	}
	b, h = load("testdata/order-domain-move/base"), load("testdata/order-domain-move/head")
	bc, hc = b.Chains(), h.Chains()
	pairs = match(bc.Graph.Services, hc.Graph.Services)
	for _, order := range permutations([]string{"api-v1", "api-v2", "www"}) {
		if firstProblem(order, pairs, bc, hc) == "" {
			t.Errorf("order %v moves a domain without a gap", order)
		}
	}
	if len(permutations([]string{"a", "b", "c", "d"})) != 24 {
		t.Error("permutations")
	}
}
