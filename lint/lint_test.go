package lint

import "testing"

// TestChainsAreTheRules: the chain analysis a run returns is the one its
// rules shared, not a second one.
func TestChainsAreTheRules(t *testing.T) {
	res, err := Run(Options{Paths: []string{"../testdata/examples/estate.json"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.chains == nil {
		t.Fatal("the run kept no chain analysis from its rules")
	}
	if c := res.Chains(); c != res.chains || c.Graph != res.Graph || len(c.Routes) == 0 {
		t.Errorf("Chains() = %p, want the rules' %p over the run's graph", c, res.chains)
	}
}
