package chainview

import (
	"fmt"
	"io"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/jsonout"
	"github.com/chainlint/chainlint/internal/printable"
	"github.com/chainlint/chainlint/routes"
)

// PurgePlan is the purge order of one group of chained services.
type PurgePlan struct {
	// Services of the group, in the order to purge them.
	Steps []PurgeStep `json:"steps"`
	// Loop is set when the group holds a loop, which has no order.
	Loop string `json:"loop,omitempty"`
}

// PurgeStep is one service to purge, with why it comes where it does.
type PurgeStep struct {
	Service string `json:"service"`
	Reason  string `json:"reason"`
}

// caches reports whether a service keeps a cache a purge must reach: VCL
// services do; Compute services do not unless their code uses the cache
// APIs, which configuration does not show.
func caches(s *graph.Service) bool { return s.Platform == graph.PlatformVCL }

// PurgeOrder returns, for every group of chained services where more than
// one caches, the order to purge them: origin side first, client side
// last, so that no service refills from a copy not yet purged.
func PurgeOrder(c *routes.Chains) []PurgePlan {
	services := c.Graph.Services
	parent := make([]int, len(services))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, r := range c.Routes {
		if r.To != nil && !r.Loopback() {
			a, b := find(c.Index(r.From())), find(c.Index(r.To))
			if a != b {
				parent[a] = b
			}
		}
	}
	// Groups come in the order of their first service in the inputs; each
	// group's members, successors (origin side) first.
	groups := map[int][]*graph.Service{}
	var roots []int
	seen := map[int]bool{}
	for _, s := range services {
		if root := find(c.Index(s)); !seen[root] {
			seen[root] = true
			roots = append(roots, root)
		}
	}
	for _, s := range c.SuccessorsFirst() {
		root := find(c.Index(s))
		groups[root] = append(groups[root], s)
	}
	var plans []PurgePlan
	for _, root := range roots {
		members := groups[root]
		var caching []*graph.Service
		for _, s := range members {
			if caches(s) {
				caching = append(caching, s)
			}
		}
		if len(caching) < 2 {
			continue
		}
		plan := PurgePlan{}
		for _, s := range members {
			if c.HasCycle(s) {
				plan.Loop = fmt.Sprintf("%s is in a loop of chained services, so no order purges them safely: break the loop (see chain-loop), or purge all of them together", s.Label())
				break
			}
		}
		for _, s := range caching {
			plan.Steps = append(plan.Steps, PurgeStep{Service: s.Label(), Reason: purgeReason(c, s)})
		}
		plans = append(plans, plan)
	}
	return plans
}

func purgeReason(c *routes.Chains, s *graph.Service) string {
	from, by := c.DAGOut(s), c.DAGIn(s)
	switch {
	case c.HasCycle(s):
		return "it is in the loop: no order is safe"
	case len(from) == 0:
		return "it fetches from origins only: purge it first"
	case len(by) == 0:
		return fmt.Sprintf("clients reach it first and it fetches from %s (backend %q): purge it last", from[0].To.Label(), from[0].Backend.Name.Value)
	default:
		return fmt.Sprintf("it fetches from %s (backend %q) and %s fetches from it", from[0].To.Label(), from[0].Backend.Name.Value, by[0].From().Label())
	}
}

// WritePurgeText renders purge plans.
func WritePurgeText(w io.Writer, plans []PurgePlan) error {
	if len(plans) == 0 {
		_, err := fmt.Fprintln(w, "no chain has more than one caching service: purge each service on its own")
		return err
	}
	for i, p := range plans {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "chain %d: purge in this order (origin side first, client side last)\n", i+1)
		if p.Loop != "" {
			fmt.Fprintf(w, "  warning: %s\n", printable.String(p.Loop))
		}
		for j, s := range p.Steps {
			fmt.Fprintf(w, "  %d. %s: %s\n", j+1, printable.String(s.Service), printable.String(s.Reason))
		}
	}
	return nil
}

// WritePurgeJSON renders purge plans as JSON.
func WritePurgeJSON(w io.Writer, plans []PurgePlan) error {
	if plans == nil {
		plans = []PurgePlan{}
	}
	return jsonout.Write(w, map[string]any{"chains": plans})
}
