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
	nm := newNamer(Side{Result: b, Rel: relTo("testdata/order-new-target/base")}, Side{Result: h, Rel: relTo("testdata/order-new-target/head")})
	pairs := match(bc.Graph.Services, hc.Graph.Services, relTo("testdata/order-new-target/base"), relTo("testdata/order-new-target/head"), nm)
	if p := firstProblem([]string{"new", "www"}, pairs, bc, hc, nm); p != "" {
		t.Errorf("the right order fails: %s", p)
	}
	if p := firstProblem([]string{"www", "new"}, pairs, bc, hc, nm); !strings.Contains(p, "after step 1 (www)") || !strings.Contains(p, "no service answers") {
		t.Errorf("the reverse order passes or fails elsewhere: %q", p)
	}
	b, h = load("testdata/order-domain-move/base"), load("testdata/order-domain-move/head")
	bc, hc = b.Chains(), h.Chains()
	nm = newNamer(Side{Result: b, Rel: relTo("testdata/order-domain-move/base")}, Side{Result: h, Rel: relTo("testdata/order-domain-move/head")})
	pairs = match(bc.Graph.Services, hc.Graph.Services, relTo("testdata/order-domain-move/base"), relTo("testdata/order-domain-move/head"), nm)
	for _, order := range permutations([]string{"api-v1", "api-v2", "www"}) {
		if firstProblem(order, pairs, bc, hc, nm) == "" {
			t.Errorf("order %v moves a domain without a gap", order)
		}
	}
	if len(permutations([]string{"a", "b", "c", "d"})) != 24 {
		t.Error("permutations")
	}
}

func relTo(dir string) func(string) string {
	abs, _ := filepath.Abs(dir)
	return func(name string) string {
		if r, err := filepath.Rel(abs, name); err == nil {
			return r
		}
		return name
	}
}
