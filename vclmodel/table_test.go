package vclmodel

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chainlint/chainlint/graph"
	"github.com/chainlint/chainlint/vcl"
)

func TestSubTable(t *testing.T) {
	var tab subTable
	mark := func(i int) body { return body{stmts: make([]vcl.Stmt, i)} } // a body told apart by its length
	for i, name := range []string{"vcl_recv", "b", "vcl_recv", "a", "b", "vcl_recv"} {
		tab.add(name, mark(i))
	}
	lens := func(list []namedBody) (out []int) {
		for _, b := range list {
			out = append(out, len(b.stmts))
		}
		return out
	}
	if got := fmt.Sprint(lens(tab.get("vcl_recv"))); got != "[0 2 5]" {
		t.Errorf("vcl_recv's bodies: %s, want [0 2 5] (the order they were added in)", got)
	}
	if got := fmt.Sprint(lens(tab.get("b"))); got != "[1 4]" {
		t.Errorf("b's bodies: %s, want [1 4]", got)
	}
	if tab.has("c") || tab.get("c") != nil || tab.has("") || !tab.has("a") {
		t.Error("has/get of a name with no body, or of one with")
	}
	tab.add("c", mark(6)) // added after a lookup sorted the table
	var all []string
	for name, list := range tab.all() {
		all = append(all, fmt.Sprint(name, lens(list)))
	}
	if got := strings.Join(all, " "); got != "a[3] b[1 4] c[6] vcl_recv[0 2 5]" {
		t.Errorf("all: %s", got)
	}
	var empty subTable
	for range empty.all() {
		t.Error("an empty table yields nothing")
	}
}

func TestSnipTable(t *testing.T) {
	sn := func(name string, prio int, set bool) *graph.Snippet {
		return &graph.Snippet{Name: graph.Field[string]{Value: name, Set: true}, Priority: graph.Field[int]{Value: prio, Set: set}}
	}
	var tab snipTable
	for _, s := range []snip{
		{sub: "vcl_recv", snippet: sn("z", 10, true)},
		{sub: "vcl_miss", snippet: sn("m", 100, true)},
		{sub: "vcl_recv", snippet: sn("b", 100, false)}, // unset: Fastly's default, 100
		{sub: "vcl_recv", snippet: sn("a", 100, true)},
		{sub: "vcl_recv", snippet: sn("y", 5, true)},
	} {
		tab.add(s)
	}
	names := func(list []snip) (out []string) {
		for _, s := range list {
			out = append(out, s.snippet.Name.Value)
		}
		return out
	}
	if got := fmt.Sprint(names(tab.of("vcl_recv"))); got != "[y z a b]" {
		t.Errorf("vcl_recv's snippets: %s, want [y z a b] (by priority, then name)", got)
	}
	if got := fmt.Sprint(names(tab.of("vcl_miss"))); got != "[m]" || tab.of("vcl_pass") != nil {
		t.Errorf("vcl_miss's: %s; vcl_pass's: %v", got, tab.of("vcl_pass"))
	}
	var subs []string
	for sub, list := range tab.all() {
		subs = append(subs, fmt.Sprint(sub, len(list)))
	}
	if got := strings.Join(subs, " "); got != "vcl_miss1 vcl_recv4" {
		t.Errorf("all: %s", got)
	}
}
