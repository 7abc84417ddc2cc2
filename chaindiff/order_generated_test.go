package chaindiff_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/analyzer"
	"github.com/chainlint/chainlint/chaindiff"
	"github.com/chainlint/chainlint/lint"
	"github.com/chainlint/chainlint/output"
)

// genService is a service of a generated estate, as an export writes it.
type genService struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    string     `json:"type"`
	Version genVersion `json:"version"`
}

type genVersion struct {
	Number   int          `json:"number"`
	Domains  []genDomain  `json:"domains"`
	Backends []genBackend `json:"backends"`
}

type genDomain struct {
	Name string `json:"name"`
}

type genBackend struct {
	Name         string `json:"name"`
	Address      string `json:"address"`
	Port         int    `json:"port"`
	OverrideHost string `json:"override_host,omitempty"`
}

// generate builds a base estate of up to six services, each chaining to
// services after it (so the base has no loop) with correct Host
// overrides, and a head that changes some: new targets, a renamed domain,
// a service added or removed.
// fastly is the address chained backends use: Fastly's anycast name, so
// that the Host alone says which service a request reaches (and a Host
// no service answers is a finding).
const fastly = "global.ssl.fastly.net"

func generate(rng *rand.Rand) (base, head map[string]*genService) {
	n := 2 + rng.IntN(4)
	base, head = map[string]*genService{}, map[string]*genService{}
	domain := func(i int, v string) string { return fmt.Sprintf("s%d%s.example.com", i, v) }
	for i := 0; i < n; i++ {
		s := &genService{ID: fmt.Sprintf("S%d", i), Name: fmt.Sprintf("s%d", i), Type: "vcl",
			Version: genVersion{Number: 1, Domains: []genDomain{{domain(i, "")}}}}
		for j := i + 1; j < n; j++ {
			if rng.IntN(3) == 0 {
				s.Version.Backends = append(s.Version.Backends, genBackend{Name: fmt.Sprintf("to%d", j), Address: fastly, Port: 443, OverrideHost: domain(j, "")})
			}
		}
		s.Version.Backends = append(s.Version.Backends, genBackend{Name: "origin", Address: fmt.Sprintf("origin%d.example.net", i), Port: 443, OverrideHost: fmt.Sprintf("origin%d.example.net", i)})
		base[s.ID] = s
	}
	renamed := map[string]string{} // old domain → new
	// In ID order: the draws below must go to the same services in every
	// run, or the seed does not make the test the same test.
	for _, id := range slices.Sorted(maps.Keys(base)) {
		s := base[id]
		c := *s
		c.Version.Number = 2
		c.Version.Domains = append([]genDomain(nil), s.Version.Domains...)
		c.Version.Backends = append([]genBackend(nil), s.Version.Backends...)
		switch rng.IntN(5) {
		case 0: // a new domain name
			old := c.Version.Domains[0].Name
			c.Version.Domains[0].Name = strings.Replace(old, ".example.com", "-v2.example.com", 1)
			renamed[old] = c.Version.Domains[0].Name
		case 1: // a new backend to a later service
			var i int
			fmt.Sscanf(id, "S%d", &i)
			if i+1 < n {
				j := i + 1 + rng.IntN(n-i-1)
				c.Version.Backends = append(c.Version.Backends, genBackend{Name: fmt.Sprintf("new%d", j), Address: fastly, Port: 443, OverrideHost: domain(j, "")})
			}
		}
		head[id] = &c
	}
	// Backends follow renamed domains in head.
	for _, id := range slices.Sorted(maps.Keys(head)) {
		s := head[id]
		for k, b := range s.Version.Backends {
			if nd, ok := renamed[b.OverrideHost]; ok {
				s.Version.Backends[k].OverrideHost = nd
			}
		}
	}
	if rng.IntN(3) == 0 { // a new service at the origin end
		id := fmt.Sprintf("S%d", n)
		head[id] = &genService{ID: id, Name: fmt.Sprintf("s%d", n), Type: "vcl", Version: genVersion{Number: 1, Domains: []genDomain{{domain(n, "")}},
			Backends: []genBackend{{Name: "origin", Address: "originx.example.net", Port: 443, OverrideHost: "originx.example.net"}}}}
		head["S0"].Version.Backends = append(head["S0"].Version.Backends, genBackend{Name: "tonew", Address: fastly, Port: 443, OverrideHost: domain(n, "")})
	}
	return base, head
}

func writeEstate(t *testing.T, dir string, services map[string]*genService) string {
	t.Helper()
	var list []*genService
	for i := 0; i < 8; i++ {
		if s := services[fmt.Sprintf("S%d", i)]; s != nil {
			list = append(list, s)
		}
	}
	data, err := json.Marshal(map[string]any{"services": list})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "estate.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func lintDir(t *testing.T, dir string) *lint.Result {
	t.Helper()
	res, err := lint.Run(lint.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// errorKeys are a lint's findings as baselines key them, every severity:
// a mid-activation chain to a Host no service answers is an info
// (external-chain), and still a request that fails.
func errorKeys(res *lint.Result) map[string]bool {
	out := map[string]bool{}
	for _, f := range res.Findings {
		// long-chain is advice, not a request that fails, and names the
		// service where a path starts: mid-way a path can start one
		// service earlier or later than on either side.
		if f.Severity >= analyzer.SeverityInfo && f.Rule != "long-chain" {
			out[f.Rule+"|"+f.Service+"|"+f.Object] = true
		}
	}
	return out
}

// TestGeneratedOrders generates changes of up to six services and lints
// every intermediate state of the activation order chaindiff proposes
// (the activated services new, the others old): none may have an error
// that neither side has. Brute force is fine at this size.
func TestGeneratedOrders(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	checked, blocked, reverseFails := 0, 0, 0
	for round := 0; round < 60; round++ {
		base, head := generate(rng)
		dir := t.TempDir()
		bdir, hdir := writeEstate(t, filepath.Join(dir, "base"), base), writeEstate(t, filepath.Join(dir, "head"), head)
		bres, hres := lintDir(t, bdir), lintDir(t, hdir)
		r := chaindiff.Compare(chaindiff.Side{Label: "base", Result: bres, Rel: output.RelativeTo(bdir)}, chaindiff.Side{Label: "head", Result: hres, Rel: output.RelativeTo(hdir)})
		if r.ActivationOrder.Blocked != "" {
			blocked++
			continue
		}
		if !r.ActivationOrder.Checked {
			continue
		}
		checked++
		allowed := errorKeys(bres)
		for k := range errorKeys(hres) {
			allowed[k] = true
		}
		byName := map[string]string{}
		for id, s := range base {
			byName[s.Name] = id
		}
		for id, s := range head {
			byName[s.Name] = id
		}
		// newErrors lints every intermediate state of an order and
		// returns the first error neither side has.
		newErrors := func(order []string) string {
			active := map[string]bool{}
			for step, name := range order {
				active[byName[strings.TrimSuffix(name, " (deactivate)")]] = true
				mixed := map[string]*genService{}
				for _, id := range byName {
					if active[id] {
						if s := head[id]; s != nil {
							mixed[id] = s
						}
					} else if s := base[id]; s != nil {
						mixed[id] = s
					}
				}
				mres := lintDir(t, writeEstate(t, filepath.Join(dir, fmt.Sprintf("step%d", step)), mixed))
				for k := range errorKeys(mres) {
					if !allowed[k] {
						return fmt.Sprintf("after step %d: %s", step+1, k)
					}
				}
			}
			return ""
		}
		if e := newErrors(r.ActivationOrder.Order); e != "" {
			t.Errorf("round %d: the order %v: an error neither side has, %s", round, r.ActivationOrder.Order, e)
		}
		// The test can tell: the reverse order often breaks the chain.
		reverse := slices.Clone(r.ActivationOrder.Order)
		slices.Reverse(reverse)
		if newErrors(reverse) != "" {
			reverseFails++
		}
	}
	if checked < 20 || reverseFails == 0 {
		t.Errorf("%d of 60 generated changes had a checked order (%d blocked); the reverse order failed in %d: the test tells nothing", checked, blocked, reverseFails)
	}
	t.Logf("%d orders checked, %d blocked; the reverse order fails %d times", checked, blocked, reverseFails)
}
