package routes

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vclmodel"
)

// build makes a graph of services named by their index, each with one
// domain "sN.test" and backends to the listed successors (with a Host
// override naming them) or, with no successors, to an origin.
func build(n int, successors func(i int) []int) *graph.Graph {
	g := graph.NewGraph()
	for i := 0; i < n; i++ {
		s := &graph.Service{Name: graph.Field[string]{Value: fmt.Sprintf("s%d", i), Set: true}, Platform: graph.PlatformVCL}
		s.Domains = []*graph.Domain{{Service: s, Name: graph.Field[string]{Value: fmt.Sprintf("s%d.test", i), Set: true}}}
		succ := successors(i)
		for _, j := range succ {
			host := fmt.Sprintf("s%d.test", j)
			s.Backends = append(s.Backends, &graph.Backend{Service: s,
				Name:         graph.Field[string]{Value: fmt.Sprintf("to-%d", j), Set: true},
				Address:      graph.Field[string]{Value: host, Set: true},
				OverrideHost: graph.Field[string]{Value: host, Set: true}})
		}
		if len(succ) == 0 {
			s.Backends = append(s.Backends, &graph.Backend{Service: s, Name: graph.Field[string]{Value: "origin", Set: true},
				Address: graph.Field[string]{Value: "origin.example.com", Set: true}})
		}
		g.Services = append(g.Services, s)
	}
	g.Finish()
	return g
}

func TestNormalizeHost(t *testing.T) {
	for in, want := range map[string]string{
		"WWW.Example.COM.":               "www.example.com",
		"www.example.com:443":            "www.example.com",
		"https://www.example.com/path?q": "www.example.com",
		"[2001:db8::1]:80":               "2001:db8::1",
		"2001:db8::1":                    "2001:db8::1",
		"\tapi.example.com\n":            "api.example.com",
		"www.example.com":                "www.example.com",
		"a-b.example.com.":               "a-b.example.com",
		"":                               "",
	} {
		if got := graph.NormalizeHost(in); got != want {
			t.Errorf("NormalizeHost(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDomainLookup(t *testing.T) {
	g := graph.NewGraph()
	a := &graph.Service{Name: graph.Field[string]{Value: "a", Set: true}}
	a.Domains = []*graph.Domain{
		{Service: a, Name: graph.Field[string]{Value: "*.example.com", Set: true}},
		{Service: a, Name: graph.Field[string]{Value: "exact.example.com", Set: true}},
	}
	b := &graph.Service{Name: graph.Field[string]{Value: "b", Set: true}}
	b.Domains = []*graph.Domain{{Service: b, Name: graph.Field[string]{Value: "special.example.com", Set: true}}}
	g.Services = []*graph.Service{a, b}
	ix := NewDomainIndex(g.Services)
	tests := []struct {
		host string
		want *graph.Service
	}{
		{"one.example.com", a},          // wildcard, one label
		{"special.example.com", b},      // exact beats wildcard
		{"two.levels.example.com", nil}, // a wildcard matches one label only
		{"example.com", nil},            // nor zero labels
		{"exact.example.com", a},        // exact
		{"unrelated.example.org", nil},  // nothing
		{"x.special.example.com", nil},  // no wildcard there
		{graph.NormalizeHost("ONE.example.com"), a},
	}
	for _, tt := range tests {
		var got *graph.Service
		if d := ix.Lookup(tt.host); d != nil {
			got = d.Service
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	g := build(2, func(i int) []int {
		if i == 0 {
			return []int{1}
		}
		return nil
	})
	s0, s1 := g.Services[0], g.Services[1]
	// A backend with no override, aimed at s1: it loops back to s0.
	s0.Backends = append(s0.Backends, &graph.Backend{Service: s0, Name: graph.Field[string]{Value: "plain", Set: true}, Address: graph.Field[string]{Value: "s1.test", Set: true}})
	// One whose override is unknown until apply.
	s0.Backends = append(s0.Backends, &graph.Backend{Service: s0, Name: graph.Field[string]{Value: "tf", Set: true}, Address: graph.Field[string]{Value: "s1.test", Set: true}, OverrideHost: graph.Field[string]{Set: true, Unknown: true}})
	// One to an IP: an origin.
	s0.Backends = append(s0.Backends, &graph.Backend{Service: s0, Name: graph.Field[string]{Value: "ip", Set: true}, Address: graph.Field[string]{Value: "192.0.2.1", Set: true}})
	c := NewChains(g)
	tests := []struct {
		backend string
		to      *graph.Service
		source  vclmodel.HostSource
		fastly  bool
	}{
		{"to-1", s1, vclmodel.HostOverride, true},
		{"plain", s0, vclmodel.HostFromClient, true},
		{"tf", nil, vclmodel.HostUnknown, true},
		{"ip", nil, vclmodel.HostFromClient, false},
	}
	for _, tt := range tests {
		var r *Route
		for _, b := range s0.Backends {
			if b.Name.Value == tt.backend {
				r = c.RouteOf(b)
			}
		}
		if r.To != tt.to || r.HostSource != tt.source || r.ToFastly != tt.fastly {
			t.Errorf("%s: To=%v source=%v fastly=%v, want %v %v %v", tt.backend, r.To, r.HostSource, r.ToFastly, tt.to, tt.source, tt.fastly)
		}
	}
	if c.HasCycle(s0) {
		t.Error("a missing override (Loopback) must not make a chain loop")
	}
}

func TestCyclesAndPaths(t *testing.T) {
	// 0 → 1 → 2 → 0 (loop), 2 → 3 → 4 (tail).
	g := build(5, func(i int) []int {
		switch i {
		case 0:
			return []int{1}
		case 1:
			return []int{2}
		case 2:
			return []int{0, 3}
		case 3:
			return []int{4}
		}
		return nil
	})
	c := NewChains(g)
	s := g.Services
	for i, want := range []bool{true, true, true, false, false} {
		if c.HasCycle(s[i]) != want {
			t.Errorf("HasCycle(s%d) = %v", i, !want)
		}
	}
	if cyc := c.Cycle(s[0]); len(cyc) != 3 || cyc[0].From() != s[0] || cyc[2].To != s[0] {
		t.Errorf("Cycle(s0) = %v", cyc)
	}
	best, next := c.PathMax(func(*graph.Service, *Route) int { return 1 })
	// Intra-loop edges are dropped: from s2 the longest path is s2 → s3 → s4.
	if best[2] != 3 || best[0] != 1 || best[4] != 1 {
		t.Errorf("best = %v", best)
	}
	if p := c.Path(s[2], next); len(p) != 2 || p[1].To != s[4] {
		t.Errorf("Path(s2) = %v", p)
	}
}

func TestLongChainDoesNotOverflow(t *testing.T) {
	const n = 300_000 // deep enough to overflow a recursive walk
	g := build(n, func(i int) []int {
		if i+1 < n {
			return []int{i + 1}
		}
		return []int{0} // one loop through every service
	})
	c := NewChains(g)
	if c.ComponentSize(g.Services[0]) != n {
		t.Fatalf("component size %d, want %d", c.ComponentSize(g.Services[0]), n)
	}
	if cyc := c.Cycle(g.Services[0]); len(cyc) != n {
		t.Fatalf("cycle length %d, want %d", len(cyc), n)
	}
}

// BenchmarkDenseChain is the pathological graph of the brief: 2,000
// services, each chained to the next ten.
func BenchmarkDenseChain(b *testing.B) {
	const n = 2000
	g := build(n, func(i int) []int {
		var s []int
		for j := i + 1; j <= i+10 && j < n; j++ {
			s = append(s, j)
		}
		return s
	})
	b.ResetTimer()
	for b.Loop() {
		c := NewChains(g)
		c.PathMax(func(*graph.Service, *Route) int { return 1 })
	}
}

// TestDomainIndexKeepsDeclarationOrder: a name declared by several
// services gives its domains in declaration order (the first wins a
// lookup), whatever names sort between and around them.
// The same holds when names share a hash: here every name has one.
func TestDomainIndexKeepsDeclarationOrder(t *testing.T) {
	t.Run("fnv", domainIndexOrder)
	t.Run("one-hash", func(t *testing.T) {
		defer func(h func(string) uint64) { hashName = h }(hashName)
		hashName = func(string) uint64 { return 7 }
		domainIndexOrder(t)
	})
}

func domainIndexOrder(t *testing.T) {
	var services []*graph.Service
	var dup []*graph.Domain
	// Names written otherwise than normalised (case, a final dot) are
	// found under their normalised name, in their place.
	for i, name := range []string{"z.test", "dup.test", "a.test", "Dup.TEST.", "*.w.test", "m.test", "dup.test", "*.W.Test"} {
		s := &graph.Service{Name: graph.Field[string]{Value: fmt.Sprintf("s%d", i), Set: true}}
		d := &graph.Domain{Service: s, Name: graph.Field[string]{Value: name, Set: true}}
		s.Domains = []*graph.Domain{d}
		if graph.NormalizeHost(name) == "dup.test" {
			dup = append(dup, d)
		}
		services = append(services, s)
	}
	ix := NewDomainIndex(services)
	if got := ix.Exact("DUP.test"); len(got) != 3 || got[0] != dup[0] || got[1] != dup[1] || got[2] != dup[2] {
		t.Errorf("Exact(dup.test) = %v, want the three in declaration order", got)
	}
	if got := ix.Lookup("dup.test"); got != dup[0] {
		t.Errorf("Lookup(dup.test) = %v, want the first declared", got)
	}
	if got := ix.Exact("*.w.test"); len(got) != 2 || got[0].Service != services[4] || got[1].Service != services[7] {
		t.Errorf("Exact(*.w.test) = %v, want services 4 and 7", got)
	}
	for _, name := range []string{"a.test", "m.test", "z.test"} {
		if got := ix.Exact(name); len(got) != 1 || got[0].Name.Value != name {
			t.Errorf("Exact(%s) = %v", name, got)
		}
	}
	for _, name := range []string{"", "b.test", "zz.test", "dup.tes", "w.test"} {
		if got := ix.Exact(name); len(got) != 0 {
			t.Errorf("Exact(%q) = %v, want none", name, got)
		}
	}
}

// TestRouteLists: Out, In, DAGOut and RouteOf give each service's routes
// in order, from the lists shared by all services.
func TestRouteLists(t *testing.T) {
	// 0 → 1, 2; 1 → 2; 2 → 0 (a loop 0 → 2 → 0 and 0 → 1 → 2 → 0); 3 → 2.
	succ := map[int][]int{0: {1, 2}, 1: {2}, 2: {0}, 3: {2}}
	g := build(5, func(i int) []int { return succ[i] })
	c := NewChains(g)
	name := func(rs []*Route) string {
		out := ""
		for _, r := range rs {
			out += fmt.Sprintf("%s→%s ", r.From().Name.Value, r.To.Name.Value)
		}
		return out
	}
	s := g.Services
	for _, tc := range []struct{ what, got, want string }{
		{"Out(s0)", name(c.Out(s[0])), "s0→s1 s0→s2 "},
		{"Out(s4)", name(c.Out(s[4])), ""},
		{"In(s2)", name(c.In(s[2])), "s0→s2 s1→s2 s3→s2 "},
		{"In(s0)", name(c.In(s[0])), "s2→s0 "},
		{"In(s3)", name(c.In(s[3])), ""},
		{"DAGOut(s3)", name(c.DAGOut(s[3])), "s3→s2 "},
		{"DAGOut(s0)", name(c.DAGOut(s[0])), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.what, tc.got, tc.want)
		}
	}
	for _, sv := range s {
		for _, b := range sv.Backends {
			if r := c.RouteOf(b); r == nil || r.Backend != b || !slices.Contains(c.Routes, r) {
				t.Errorf("RouteOf(%s/%s) = %v", sv.Name.Value, b.Name.Value, r)
			}
		}
	}
	if r := c.RouteOf(&graph.Backend{Service: &graph.Service{}}); r != nil {
		t.Errorf("RouteOf(a backend not in the graph) = %v, want nil", r)
	}
	// A caller's append does not write into the next service's list.
	out0 := append(c.Out(s[0]), c.Out(s[0])[0])
	if len(out0) != 3 || name(c.Out(s[1])) != "s1→s2 " {
		t.Errorf("append to Out(s0) changed Out(s1): %q", name(c.Out(s[1])))
	}
}

// TestRouteLayout holds a route to 112 bytes (one per backend): the
// Host's end held as a length, its source and PartialSet a byte each,
// with the flags; From is its backend's service.
func TestRouteLayout(t *testing.T) {
	if n := unsafe.Sizeof(Route{}); n > 112 {
		t.Errorf("a route is %d bytes, over 112", n)
	}
	for _, sub := range []string{"vcl_miss", "vcl_pass", ""} {
		var r Route
		if r.SetPartialSet(sub); r.PartialSet() != sub {
			t.Errorf("SetPartialSet(%q): PartialSet() = %q", sub, r.PartialSet())
		}
	}
	var other Route
	if other.SetPartialSet("vcl_recv"); other.PartialSet() != "" {
		t.Errorf("SetPartialSet(vcl_recv): PartialSet() = %q, want none", other.PartialSet())
	}
	var r Route
	r.SetHostSpan(40, 52)
	if r.HostPos != 40 || r.HostEnd() != 52 {
		t.Errorf("SetHostSpan(40, 52): %d..%d", r.HostPos, r.HostEnd())
	}
	r.SetHostSpan(40, 30)
	if r.HostEnd() != 40 {
		t.Errorf("SetHostSpan(40, 30): end %d, want 40", r.HostEnd())
	}
}
