package routes

import (
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/scc"
)

// Chains is the service graph's derived view: where every backend goes,
// the edges between services, and the graph's strongly connected
// components. Every algorithm here is linear in services + edges: chain
// graphs of thousands of services must lint in well under a second, so
// nothing enumerates paths.
type Chains struct {
	Graph   *graph.Graph
	Domains *DomainIndex
	// Routes holds one route per backend, in graph order (RouteOf finds
	// a backend's).
	Routes []*Route
	// ShieldRoutes are the shield-switch edges (Route.ViaShield), at most
	// one per shielded backend; they are edges of the chain graph like
	// the others (loops, hops, services, shield POPs) but not in Routes,
	// which holds each backend's fetch from its address.
	ShieldRoutes  []*Route
	ShieldRouteOf map[*graph.Backend]*Route
	// PathRoutes are a backend's routes for request paths that send
	// another literal Host than its main route (ResolveOtherPaths).
	PathRoutes   []*Route
	PathRoutesOf map[*graph.Backend][]*Route

	index map[*graph.Service]int
	// all.at(i) lists every route of service i, backend by backend: its
	// main route, shield switch, then other paths (PathMax's order).
	all lists
	// out.at(i) lists routes of service i that reach an analysed
	// service; in.at(j) those that reach service j.
	out, in lists
	// scc[i] is the strongly connected component of service i; components
	// are numbered in reverse topological order (successors first).
	scc      []int
	sccSize  []int
	selfLoop []bool // component has a route to itself that is not a Loopback
	// order lists the services by component, successors first (graph
	// order within a component): a walk in it visits every successor
	// before its predecessors.
	order []int
	// dagOut.at(i) lists the routes of out.at(i) that are edges of the
	// acyclic chain graph (out itself when all are).
	dagOut lists
}

// lists hold a list of routes for each service in one slice: service i's
// are routes[start[i]:start[i+1]]. (A slice a service held 24 bytes for
// each of four lists, most of them empty or of one route, and each list's
// spare room: 16,000 services' 1.7 MB.)
type lists struct {
	start  []int32
	routes []*Route
}

// at returns service i's list, capped (a caller's append copies it).
func (l *lists) at(i int) []*Route {
	from, to := l.start[i], l.start[i+1]
	return l.routes[from:to:to]
}

// next ends the list of the service before and starts the next one's:
// lists are filled service by service, next called before each and once
// after the last.
func (l *lists) next() { l.start = append(l.start, int32(len(l.routes))) }

// NewChains resolves every backend of g and analyses the resulting graph.
func NewChains(g *graph.Graph) *Chains {
	backends := 0
	for _, s := range g.Services {
		backends += len(s.Backends)
	}
	c := &Chains{
		Graph:   g,
		Domains: NewDomainIndex(g.Services),
		Routes:  make([]*Route, 0, backends),
		index:   make(map[*graph.Service]int, len(g.Services)),
		all:     lists{start: make([]int32, 0, len(g.Services)+1), routes: make([]*Route, 0, backends)},
		out:     lists{start: make([]int32, 0, len(g.Services)+1)},
	}
	for i, s := range g.Services {
		c.index[s] = i
	}
	// edge records a route of service i that reaches an analysed service,
	// with the services' indices (the algorithms below then look no
	// service up in a map).
	inCount := make([]int32, len(g.Services))
	edge := func(i int, r *Route) {
		r.from, r.to = int32(i+1), 0
		if r.To != nil {
			j := c.index[r.To]
			r.to = int32(j + 1)
			c.out.routes = append(c.out.routes, r)
			inCount[j]++
		}
	}
	main, other := c.resolveAll(backends)
	k := 0
	for i, s := range g.Services {
		c.all.next()
		c.out.next()
		for _, b := range s.Backends {
			r := &main[k]
			o := other[k]
			k++
			paths, sr := o.paths, o.shield
			c.Routes = append(c.Routes, r)
			c.all.routes = append(c.all.routes, r)
			edge(i, r)
			for _, pr := range paths {
				if c.PathRoutesOf == nil {
					c.PathRoutesOf = map[*graph.Backend][]*Route{}
				}
				c.PathRoutes = append(c.PathRoutes, pr)
				c.PathRoutesOf[b] = append(c.PathRoutesOf[b], pr)
				edge(i, pr)
			}
			if sr != nil {
				if c.ShieldRouteOf == nil {
					c.ShieldRouteOf = map[*graph.Backend]*Route{}
				}
				c.ShieldRoutes = append(c.ShieldRoutes, sr)
				c.ShieldRouteOf[b] = sr
				c.all.routes = append(c.all.routes, sr)
				edge(i, sr)
			}
			c.all.routes = append(c.all.routes, paths...)
		}
	}
	c.all.next()
	c.out.next()
	c.in = inLists(c.out, inCount)
	c.components()
	c.order = byComponent(c.scc, len(c.sccSize))
	c.dagOut = c.dagLists()
	return c
}

// dagEdges returns the routes of list that are edges of the acyclic chain
// graph: list itself (capped) when all are, as for most services.
func (c *Chains) dagEdges(list []*Route) []*Route {
	if !slices.ContainsFunc(list, func(r *Route) bool { return !c.dagEdge(r) }) {
		return list[:len(list):len(list)]
	}
	var out []*Route
	for _, r := range list {
		if c.dagEdge(r) {
			out = append(out, r)
		}
	}
	return out
}

// inLists lists, for each service, the routes of out that reach it, in
// out's order; count[j] is how many reach service j.
func inLists(out lists, count []int32) lists {
	in := lists{start: make([]int32, len(count)+1), routes: make([]*Route, len(out.routes))}
	for j, n := range count {
		in.start[j+1] = in.start[j] + n
	}
	next := slices.Clone(in.start[:len(count)])
	for _, r := range out.routes {
		j := r.to - 1
		in.routes[next[j]] = r
		next[j]++
	}
	return in
}

// dagLists returns the lists of out's routes that are edges of the
// acyclic chain graph: out itself when all are, as in most estates.
func (c *Chains) dagLists() lists {
	if !slices.ContainsFunc(c.out.routes, func(r *Route) bool { return !c.dagEdge(r) }) {
		return c.out
	}
	dag := lists{start: make([]int32, 0, len(c.out.start))}
	for i := range len(c.out.start) - 1 {
		dag.next()
		dag.routes = append(dag.routes, c.dagEdges(c.out.at(i))...)
	}
	dag.next()
	return dag
}

// others are a backend's routes besides its main one: on other request
// paths, and the shield switch (few backends have any).
type others struct {
	shield *Route
	paths  []*Route
}

// resolveAll resolves every backend of every service, services split
// among GOMAXPROCS goroutines: resolving reads the graph and the domain
// index and writes nothing shared. main[k] is the main route of the k-th
// backend in graph order, all in one array (a route and a record of its
// routes for each backend, 30,000 of each at 16,000 services, were 4.6
// MB of small objects); other[k] holds its other routes, for the
// backends that have any.
func (c *Chains) resolveAll(backends int) (main []Route, other map[int]others) {
	services := c.Graph.Services
	main = make([]Route, backends)
	workers := min(runtime.GOMAXPROCS(0), len(services)/256+1)
	found := make([]map[int]others, workers)
	resolve := func(w, lo, hi int) {
		k := 0
		for _, s := range services[:lo] {
			k += len(s.Backends)
		}
		for _, s := range services[lo:hi] {
			for _, b := range s.Backends {
				r := &main[k]
				c.Domains.resolveInto(r, b)
				if o := (others{c.Domains.ResolveShieldSwitch(b), c.Domains.ResolveOtherPaths(b, r)}); o.shield != nil || o.paths != nil {
					if found[w] == nil {
						found[w] = map[int]others{}
					}
					found[w][k] = o
				}
				k++
			}
		}
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(services)/workers, (w+1)*len(services)/workers
		wg.Go(func() { resolve(w, lo, hi) })
	}
	wg.Wait()
	for _, f := range found {
		if other == nil {
			other = f
			continue
		}
		maps.Copy(other, f)
	}
	return main, other
}

// byComponent lists indices 0..len(scc)-1 by component number, in index
// order within a component (a counting sort).
func byComponent(scc []int, components int) []int {
	start := make([]int, components+1)
	for _, k := range scc {
		start[k+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	order := make([]int, len(scc))
	for v, k := range scc {
		order[start[k]] = v
		start[k]++
	}
	return order
}

// RouteOf returns a backend's route (in Routes): the first of its
// service's routes that is the backend's, as each backend's main route
// comes before its shield switch and other paths. Nil for a backend not
// in the graph. (A map by backend held 37 bytes a backend; a service's
// routes are few, and a lookup reads only them.)
func (c *Chains) RouteOf(b *graph.Backend) *Route {
	i, ok := c.index[b.Service]
	if !ok {
		return nil
	}
	for _, r := range c.all.at(i) {
		if r.Backend == b {
			return r
		}
	}
	return nil
}

// Index returns a service's position in Graph.Services.
func (c *Chains) Index(s *graph.Service) int { return c.index[s] }

// Out lists the routes of s that reach analysed services.
func (c *Chains) Out(s *graph.Service) []*Route { return c.out.at(c.index[s]) }

// In lists the routes from analysed services that reach s.
func (c *Chains) In(s *graph.Service) []*Route { return c.in.at(c.index[s]) }

// InCycle reports whether a route is an edge inside a loop of the chain
// (Loopback routes excepted: they are missing-host-override's finding).
func (c *Chains) InCycle(r *Route) bool {
	if r.To == nil || r.Loopback() {
		return false
	}
	i, j := c.index[r.From()], c.index[r.To]
	if c.scc[i] != c.scc[j] {
		return false
	}
	return i != j || c.selfLoop[c.scc[i]]
}

// Component returns the strongly connected component number of s.
func (c *Chains) Component(s *graph.Service) int { return c.scc[c.index[s]] }

// ComponentSize returns the number of services in s's component.
func (c *Chains) ComponentSize(s *graph.Service) int { return c.sccSize[c.scc[c.index[s]]] }

// HasCycle reports whether s's component holds a loop.
func (c *Chains) HasCycle(s *graph.Service) bool {
	k := c.scc[c.index[s]]
	return c.sccSize[k] > 1 || c.selfLoop[k]
}

// dagEdge reports whether a route is an edge of the acyclic chain graph
// that path measures walk: it reaches an analysed service in another
// component. Edges inside loops are dropped (the loop is chain-loop's).
func (c *Chains) dagEdge(r *Route) bool {
	if r.To == nil {
		return false
	}
	if r.from > 0 && r.to > 0 {
		return c.scc[r.from-1] != c.scc[r.to-1]
	}
	return c.scc[c.index[r.From()]] != c.scc[c.index[r.To]]
}

// components numbers the strongly connected components of the chain
// graph (Loopback routes left out) with internal/scc.
func (c *Chains) components() {
	adj := make([][]int, len(c.Graph.Services))
	for v := range adj {
		for _, r := range c.out.at(v) {
			if !r.Loopback() {
				adj[v] = append(adj[v], int(r.to-1))
			}
		}
	}
	comps := scc.Components(adj)
	c.scc = make([]int, len(adj))
	c.sccSize = make([]int, len(comps))
	c.selfLoop = make([]bool, len(comps))
	for k, comp := range comps {
		c.sccSize[k] = len(comp)
		for _, v := range comp {
			c.scc[v] = k
		}
	}
	for v := range adj {
		for _, r := range c.out.at(v) {
			if !r.Loopback() && c.index[r.To] == v {
				c.selfLoop[c.scc[v]] = true
			}
		}
	}
}

// Cycle returns one loop through s, as the routes taken, shortest first
// (breadth-first within s's component); nil when s is in no loop.
func (c *Chains) Cycle(s *graph.Service) []*Route {
	start := c.index[s]
	k := c.scc[start]
	if c.sccSize[k] <= 1 && !c.selfLoop[k] {
		return nil
	}
	via := map[int]*Route{}
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, r := range c.out.at(v) {
			if r.Loopback() {
				continue
			}
			w := c.index[r.To]
			if c.scc[w] != k {
				continue
			}
			if w == start {
				path := []*Route{r}
				for u := v; u != start; u = c.index[via[u].From()] {
					path = append(path, via[u])
				}
				for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return path
			}
			if _, seen := via[w]; !seen {
				via[w] = r
				queue = append(queue, w)
			}
		}
	}
	return nil
}

// PathMax computes, for every service s, the greatest total cost of a
// request path that starts at s and follows routes through the acyclic
// part of the chain until it leaves for an origin. cost(svc, r) is what
// svc spends when it forwards over r; r is nil for a service with no
// backends. It returns the per-service maxima (indexed like
// Graph.Services) and the route each maximum leaves by (nil when it leaves
// the analysed services there). Linear in services + routes.
func (c *Chains) PathMax(cost func(s *graph.Service, r *Route) int) ([]int, []*Route) {
	n := len(c.Graph.Services)
	best := make([]int, n)
	next := make([]*Route, n)
	for _, v := range c.order {
		s := c.Graph.Services[v]
		if len(s.Backends) == 0 {
			best[v] = cost(s, nil)
			continue
		}
		first := true
		for _, r := range c.all.at(v) {
			total := cost(s, r)
			if c.dagEdge(r) {
				total += best[r.to-1]
			}
			if first || total > best[v] {
				best[v], first = total, false
				if c.dagEdge(r) {
					next[v] = r
				} else {
					next[v] = nil
				}
			}
		}
	}
	return best, next
}

// Path follows the routes PathMax chose from s.
func (c *Chains) Path(s *graph.Service, next []*Route) []*Route {
	var path []*Route
	for r := next[c.index[s]]; r != nil; r = next[c.index[r.To]] {
		path = append(path, r)
	}
	return path
}

// DAGIn lists routes into s that are edges of the acyclic chain graph
// (the analysis's own list when all are: a caller must not change it).
func (c *Chains) DAGIn(s *graph.Service) []*Route { return c.dagEdges(c.In(s)) }

// IsDAGEdge reports whether r joins two services outside a common loop.
func (c *Chains) IsDAGEdge(r *Route) bool { return c.dagEdge(r) }

// SuccessorsFirst returns the services so that every service comes after
// all services it forwards to outside its own loop (components are
// numbered successors first). Reverse it for predecessors first.
func (c *Chains) SuccessorsFirst() []*graph.Service {
	out := make([]*graph.Service, len(c.order))
	for k, v := range c.order {
		out[k] = c.Graph.Services[v]
	}
	return out
}

// DAGOut lists the routes of s that are edges of the acyclic chain graph.
// The list is the analysis's own: a caller must not change it.
func (c *Chains) DAGOut(s *graph.Service) []*Route { return c.dagOut.at(c.index[s]) }
