package terraform

import (
	"unsafe"

	"github.com/hashicorp/hcl/v2"
)

// A traversal's steps are interface values (hcl.Traverser) holding
// structs of 72 bytes: converting one to the interface copies it to the
// heap. A streamed load of 16,000 services made 20 MB of such copies, a
// tenth of what it allocated, for trees dropped once each resource is
// built. An arena's steps (pieceArena.root, pieceArena.attrStep) are
// interface values whose data word points at the arena's own struct
// instead, as reflect makes them: the gc toolchain's interface is two
// words, its type's table and a pointer to the value (a struct is never
// stored in the word itself). boxedOK checks that at start; where it
// does not hold, the steps are converted as usual.

// ifaceWords is the layout of a non-empty interface value.
type ifaceWords struct {
	tab  unsafe.Pointer
	data unsafe.Pointer
}

// The tables of hcl.Traverser for the two step types an arena holds.
var (
	rootTab = tabOf(hcl.TraverseRoot{})
	attrTab = tabOf(hcl.TraverseAttr{})
)

func tabOf(t hcl.Traverser) unsafe.Pointer { return (*ifaceWords)(unsafe.Pointer(&t)).tab }

// boxed returns the hcl.Traverser of type table tab whose value is the
// struct at data (which must be of that type, and not change while the
// interface is read).
func boxed(tab, data unsafe.Pointer) hcl.Traverser {
	var t hcl.Traverser
	w := (*ifaceWords)(unsafe.Pointer(&t))
	w.tab, w.data = tab, data
	return t
}

// boxedOK reports whether boxed makes values the language reads back as
// the structs they point at (type assertions, type switches, equality).
var boxedOK = func() bool {
	root := hcl.TraverseRoot{Name: "var", SrcRange: hcl.Range{Filename: "f", Start: hcl.Pos{Line: 1, Column: 2, Byte: 3}}}
	attr := hcl.TraverseAttr{Name: "x", SrcRange: hcl.Range{Filename: "g", End: hcl.Pos{Line: 4, Column: 5, Byte: 6}}}
	r, a := boxed(rootTab, unsafe.Pointer(&root)), boxed(attrTab, unsafe.Pointer(&attr))
	gotRoot, okRoot := r.(hcl.TraverseRoot)
	gotAttr, okAttr := a.(hcl.TraverseAttr)
	_, wrong := r.(hcl.TraverseAttr)
	return okRoot && okAttr && !wrong && gotRoot == root && gotAttr == attr &&
		r == hcl.Traverser(root) && a == hcl.Traverser(attr)
}()
