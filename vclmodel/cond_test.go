package vclmodel

import (
	"fmt"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/internal/chunk"
	"github.com/chainlint/chainlint/vcl"
)

// condOf parses cond as an if's condition in vcl_recv.
func condOf(t *testing.T, cond string) vcl.Expr {
	t.Helper()
	f := vcl.ParseString("sub vcl_recv {\n  if (" + cond + ") {\n  }\n}\n")
	if len(f.Errors) > 0 || len(f.Decls) != 1 {
		t.Fatalf("%s: %v", cond, f.Errors)
	}
	sub := f.Decls[0].(*vcl.SubDecl)
	return sub.Body.Stmts[0].(*vcl.IfStmt).Cond
}

// TestConditionDecisions: what a path's condition decides for one request
// (graph.Exit.Eval, trace's Takes), and its negation, for every kind of
// node condEval makes; a node from a flow's slab decides as one of its
// own does. A condition the request alone cannot decide is unknown both
// ways.
func TestConditionDecisions(t *testing.T) {
	req := &graph.Request{Method: "POST", URL: "/api/v1/users?id=7",
		Headers: map[string]string{"x-tenant": "blue", "debug": "", "host": "www.example.com"}}
	const unknown = "unknown"
	for _, tc := range []struct {
		cond    string
		written []string // headers ("url" for req.url) the VCL writes
		want    string   // "true", "false" or unknown
	}{
		{cond: `true`, want: "true"},
		{cond: `false`, want: "false"},
		{cond: `req.backend.is_shield`, want: "false"},
		{cond: `req.http.Debug`, want: "true"}, // present, though empty
		{cond: `req.http.Absent`, want: "false"},
		{cond: `req.http.Debug`, written: []string{"debug"}, want: unknown},
		{cond: `!req.http.Absent`, want: "true"},
		{cond: `(req.http.X-Tenant == "blue")`, want: "true"},
		{cond: `req.http.X-Tenant != "blue"`, want: "false"},
		{cond: `req.http.Absent == ""`, want: "true"}, // absent compares as empty
		{cond: `req.method == "POST"`, want: "true"},
		{cond: `req.url == "/api/v1/users?id=7"`, want: "true"},
		{cond: `req.url.path == "/api/v1/users"`, want: "true"},
		{cond: `req.url.qs == "id=7"`, want: "true"},
		{cond: `req.url.basename == "users"`, want: "true"},
		{cond: `req.url.path ~ "^/api/"`, want: "true"},
		{cond: `req.url.path !~ "^/api/"`, want: "false"},
		{cond: `req.url ~ "^/API"`, want: "false"},
		{cond: `req.url ~ "(?i)^/API"`, want: "true"},
		{cond: `req.url ~ "("`, want: unknown}, // does not compile
		{cond: `req.url.path == "/api/v1/users"`, written: []string{"url"}, want: unknown},
		{cond: `req.http.X == req.http.Y`, want: unknown}, // no literal
		{cond: `std.strlen(req.url) > 3`, want: unknown},
		{cond: `var.x`, want: unknown},
		{cond: `req.method == "POST" && req.http.X-Tenant == "red"`, want: "false"},
		{cond: `var.x && req.http.X-Tenant == "red"`, want: "false"}, // unknown && false
		{cond: `var.x && req.http.X-Tenant == "blue"`, want: unknown},
		{cond: `var.x || req.http.Debug`, want: "true"}, // unknown || true
		{cond: `var.x || req.http.Absent`, want: unknown},
		{cond: `req.http.Absent || req.url.qs == "id=7"`, want: "true"},
		{cond: `!(req.http.Absent || var.x)`, want: unknown},
		{cond: `!(req.http.Absent || req.method == "GET")`, want: "true"},
	} {
		written := map[string]bool{}
		for _, w := range tc.written {
			written[w] = true
		}
		e := condOf(t, tc.cond)
		slab := &condSlab{}
		for _, d := range []struct {
			name string
			node *condNode
		}{{"own", condEval(e, written, nil)}, {"slab", condEval(e, written, slab)}} {
			got := decision(d.node.Decide(req))
			if got != tc.want {
				t.Errorf("%s (%s nodes): %s, want %s", tc.cond, d.name, got, tc.want)
			}
			neg := decision(negate(d.node).Decide(req))
			wantNeg := map[string]string{"true": "false", "false": "true", unknown: unknown}[tc.want]
			if neg != wantNeg {
				t.Errorf("!(%s) (%s nodes): %s, want %s", tc.cond, d.name, neg, wantNeg)
			}
		}
	}
}

func decision(holds, known bool) string {
	switch {
	case !known:
		return "unknown"
	case holds:
		return "true"
	}
	return "false"
}

// TestConditionMethodIn: Fastly's boilerplate test of req.method, which
// an empty method (a request trace builds without one) passes as GET.
func TestConditionMethodIn(t *testing.T) {
	for method, in := range map[string]bool{"": true, "GET": true, "HEAD": true, "FASTLYPURGE": true, "POST": false, "get": false} {
		req := &graph.Request{Method: method}
		if got, known := methodIn[1].Decide(req); !known || got != in {
			t.Errorf("%q: is GET, HEAD or FASTLYPURGE = %v, %v; want %v", method, got, known, in)
		}
		if got, known := methodIn[0].Decide(req); !known || got == in {
			t.Errorf("%q: is not GET, HEAD or FASTLYPURGE = %v, %v; want %v", method, got, known, !in)
		}
	}
}

// TestConditionNodesFromSlab: a condition made with a slab allocates
// nothing of its own once the slab's chunks exist (nodes and patterns
// come from chunks of chunk.Len; names and literals are interned): what
// an exit keeps does not sit among the load's garbage, one small object
// at a time (a condition was five to seven closures before).
func TestConditionNodesFromSlab(t *testing.T) {
	e := condOf(t, `req.http.X-Tenant == "blue" && (req.url.path ~ "^/api/" || !req.http.Debug)`)
	written := map[string]bool{}
	slab := &condSlab{}
	condEval(e, written, slab) // the chunks, and the interned strings
	if allocs := testing.AllocsPerRun(chunk.Len/8, func() { condEval(e, written, slab) }); allocs > 0.1 {
		t.Errorf("%.2f allocations a condition from a slab", allocs)
	}
	if allocs := testing.AllocsPerRun(10, func() { condEval(e, written, nil) }); allocs < 5 {
		t.Errorf("%.2f allocations a condition without a slab: the test measures nothing", allocs)
	}
}

// keptSink holds what TestExitsFromSlab makes, as the facts would: made
// and dropped, the compiler may leave it on the stack.
var keptSink struct {
	exits []*graph.Exit
	names []graph.HeaderName
	facts *graph.VCLFacts
}

// TestExitsFromSlab: what the model keeps of an exit (the exit, its
// conditions and deciders, the backends it excludes, the list) and the
// facts and their lists of headers come from the slab's chunks, in order;
// without a slab each is its own allocation (so the test measures).
func TestExitsFromSlab(t *testing.T) {
	var conds *condList
	for i := range 3 {
		conds = &condList{text: fmt.Sprint("c", i), prev: conds, n: i + 1}
	}
	notBackends := []string{"F_a", "F_b"}
	list := []*graph.Exit{nil}
	names := []graph.HeaderName{{Header: "X-Tenant"}}
	var exit *graph.Exit
	keepOne := func(s *condSlab) {
		texts, evals := conds.slices(s)
		exit = s.exit()
		exit.Conditions, exit.Eval, exit.NotBackends = texts, evals, s.stringRuns().Copy(notBackends)
		list[0] = exit
		keptSink.exits = s.exitRuns().Copy(list)
		keptSink.names = s.nameRuns().Copy(names)
		keptSink.facts = s.vclFacts()
	}
	slab := &condSlab{}
	keepOne(slab)
	if allocs := testing.AllocsPerRun(chunk.Len/8, func() { keepOne(slab) }); allocs > 0.5 {
		t.Errorf("%.2f allocations an exit from a slab", allocs)
	}
	if got := fmt.Sprint(exit.Conditions, exit.NotBackends); got != "[c0 c1 c2] [F_a F_b]" {
		t.Errorf("an exit from a slab holds %s", got)
	}
	if cap(exit.NotBackends) != len(exit.NotBackends) {
		t.Error("a run from the slab has room past its length")
	}
	if allocs := testing.AllocsPerRun(10, func() { keepOne(nil) }); allocs < 7 {
		t.Errorf("%.2f allocations an exit without a slab: the test measures nothing", allocs)
	}
}
