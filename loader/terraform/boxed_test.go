package terraform

import (
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// TestBoxedSteps checks that an arena's steps read as the structs they
// hold, everywhere the language and hcl read a step, and that making one
// allocates nothing.
func TestBoxedSteps(t *testing.T) {
	if !boxedOK {
		t.Fatal("boxed steps do not read back on this toolchain: every arena step is converted on the heap")
	}
	a := newPieceArena()
	r := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 3, Column: 5, Byte: 40}, End: hcl.Pos{Line: 3, Column: 8, Byte: 43}}
	root, attr := a.root("var", r), a.attrStep("origin", r)
	for _, c := range []struct {
		got, want hcl.Traverser
	}{{root, hcl.TraverseRoot{Name: "var", SrcRange: r}}, {attr, hcl.TraverseAttr{Name: "origin", SrcRange: r}}} {
		if c.got != c.want || !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("step %#v, want %#v", c.got, c.want)
		}
		switch s := c.got.(type) {
		case hcl.TraverseRoot:
			if s.Name != "var" {
				t.Errorf("root %q", s.Name)
			}
		case hcl.TraverseAttr:
			if s.Name != "origin" {
				t.Errorf("attr %q", s.Name)
			}
		default:
			t.Errorf("step of type %T", s)
		}
	}
	tr := hcl.Traversal{root, attr}
	if tr.RootName() != "var" || tr.SimpleSplit().Rel[0].(hcl.TraverseAttr).Name != "origin" {
		t.Errorf("traversal %#v", tr)
	}
	if n := testing.AllocsPerRun(100, func() {
		a.reset()
		for range 20 {
			_, _ = a.root("var", r), a.attrStep("origin", r)
		}
	}); n != 0 {
		t.Errorf("making steps in a used arena: %v allocations, want 0", n)
	}
	var heap *pieceArena
	if n := testing.AllocsPerRun(100, func() { _ = heap.root("var", r) }); n == 0 {
		t.Error("a step from no arena allocated nothing: the test measures nothing")
	}
}
